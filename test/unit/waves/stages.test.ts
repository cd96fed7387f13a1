import { addDays, daysBetween } from '#shared/waves/rules/calendar.ts';
import { checkStages, REQUIRED_STAGES, shiftStages, stageLength, templateStages } from '#shared/waves/rules/stages.ts';

const votingDay = '2023-09-23';

test('the template places every stage by its offset from voting day, the required ones included', () => {
  const stages = templateStages(votingDay);
  const codes = stages.map((stage) => stage.code);
  for (const code of REQUIRED_STAGES) expect(codes).toContain(code);
  expect(stages.find((stage) => stage.code === 'PEMUNGUTAN_SUARA')).toMatchObject({ start: votingDay, end: votingDay });
  expect(stages.find((stage) => stage.code === 'SOSIALISASI')).toMatchObject({
    start: '2023-06-25',
    end: '2023-07-09',
  });
  expect(checkStages(stages, votingDay)).toEqual([]);
  expect(stages.every((stage) => stage.start <= stage.end)).toBe(true);
});

test('a schedule that breaks a rule is refused field by field', () => {
  const stages = templateStages(votingDay);
  const broken = stages
    .filter((stage) => stage.code !== 'DISTRIBUSI_LOGISTIK')
    .map((stage) => (stage.code === 'KAMPANYE' ? { ...stage, end: addDays(stage.start, -1) } : stage));
  const issues = checkStages(broken, votingDay);
  const kampanye = broken.findIndex((stage) => stage.code === 'KAMPANYE');
  expect(issues.map((issue) => issue.field)).toEqual([`stages.${kampanye}.end`, 'stages']);
  expect(issues[1]?.params).toEqual({ code: 'DISTRIBUSI_LOGISTIK' });
});

test('the voting stage must contain voting day, and a code appears once', () => {
  const stages = templateStages(votingDay).map((stage) =>
    stage.code === 'PEMUNGUTAN_SUARA' ? { ...stage, start: '2023-09-24', end: '2023-09-24' } : stage,
  );
  stages.push({ ...(stages[0] as (typeof stages)[number]) });
  const fields = checkStages(stages, votingDay).map((issue) => issue.field);
  const voting = stages.findIndex((stage) => stage.code === 'PEMUNGUTAN_SUARA');
  expect(fields).toEqual([`stages.${stages.length - 1}.code`, `stages.${voting}.start`]);
});

test('a moved voting day moves every stage with it; days count both ends', () => {
  const stages = templateStages(votingDay);
  const moved = shiftStages(stages, votingDay, '2023-10-07', daysBetween(votingDay, '2023-10-07'));
  expect(moved.find((stage) => stage.code === 'PEMUNGUTAN_SUARA')).toMatchObject({ start: '2023-10-07' });
  expect(moved.map(stageLength)).toEqual(stages.map(stageLength));
  expect(stageLength({ code: 'X', name: 'x', start: '2024-02-28', end: '2024-03-01' })).toBe(3);
  expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
});
