import { decideTotals, SETTLE_MS } from '#shared/sessions/rules/totals.ts';

const at = new Date('2024-05-01T08:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('correcting the running totals from the records', () => {
  test('nothing to do when they agree', () => {
    expect(decideTotals({ registered: 5, present: 2 }, { registered: 5, present: 2 }, undefined, at)).toEqual({
      kind: 'agree',
    });
  });

  test('a first disagreement is only noted: a registration may be half-way', () => {
    const decision = decideTotals({ registered: 6, present: 2 }, { registered: 5, present: 2 }, undefined, at);
    expect(decision).toEqual({
      kind: 'observe',
      observation: { registered: 5, present: 2, seenRegistered: 6, seenPresent: 2, at: at.toISOString() },
    });
  });

  test('the same disagreement, counters unchanged, after the settling time is corrected', () => {
    const first = decideTotals({ registered: 6, present: 2 }, { registered: 5, present: 2 }, undefined, at);
    if (first.kind !== 'observe') throw new Error('expected an observation');
    expect(
      decideTotals(
        { registered: 6, present: 2 },
        { registered: 5, present: 2 },
        first.observation,
        later(SETTLE_MS - 1),
      ).kind,
    ).toBe('agree');
    expect(
      decideTotals({ registered: 6, present: 2 }, { registered: 5, present: 2 }, first.observation, later(SETTLE_MS)),
    ).toEqual({
      kind: 'correct',
      to: { registered: 5, present: 2 },
    });
  });

  test('a disagreement that changed meanwhile (someone registered) is noted afresh, never corrected', () => {
    const first = decideTotals({ registered: 6, present: 2 }, { registered: 5, present: 2 }, undefined, at);
    if (first.kind !== 'observe') throw new Error('expected an observation');
    const moved = decideTotals(
      { registered: 7, present: 2 },
      { registered: 6, present: 2 },
      first.observation,
      later(SETTLE_MS * 2),
    );
    expect(moved.kind).toBe('observe');
  });
});
