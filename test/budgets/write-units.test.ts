/**
 * Write units per operation, as DynamoDB bills them: every request the real handlers send in the
 * local stack asks for ReturnConsumedCapacity (dynalite answers it for the table; the index write
 * units it leaves out are computed from the items put). A registration must cost the same in a
 * session of 3,000 as in one of 100 (nothing it writes grows with the session), and stay within
 * budget, as must a check-in and each imported row.
 */

import { startTestStack, type TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { createCallRecorder, type Units, writeUnitsOf } from '#test/support/measure/dynamo-calls.ts';
import { CHECK_IN, freshSession, growSession, IMPORT, REGISTER } from '#test/support/measure/scenario.ts';
import { budgets } from './budgets.ts';

const budget = budgets.writeUnits;
let t: TestStack;
const registration = new Map<number, Units>();
let checkIn: Units;
let importPerRow: number;

/** Registers committee member `index` (the session then holds `index + 1` people); answers its id. */
async function registerPerson(sessionId: string, index: number): Promise<string> {
  const reply = await t.organizer.post<{ id: string }>(
    `/sessions/${sessionId}/registrations`,
    committeeMembers(1, index)[0],
  );
  if (reply.status !== 201) throw new Error(`registration answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  return reply.body.id;
}

// About 30 s alone; the limit is generous because npm test runs two files at once on shared cores.
beforeAll(async () => {
  const recorder = createCallRecorder();
  t = await startTestStack({ wrapHandler: recorder.wrapHandler });
  await recorder.install();
  const sessionId = await freshSession(t.organizer, 'Satuan tulis');
  await growSession(t.organizer, sessionId, 0, 99);
  const hundredth = await registerPerson(sessionId, 99);
  registration.set(100, recorder.lastUnits(REGISTER));
  const reply = await t.organizer.post(`/sessions/${sessionId}/registrations/${hundredth}/check-in`);
  if (reply.status !== 200) throw new Error(`check-in answered ${reply.status}`);
  checkIn = recorder.lastUnits(CHECK_IN);
  recorder.takeUnits(IMPORT);
  // 2,899 rows: eleven full requests of 250 and one of 149, as the page sends them. The median
  // request is a full one, and stays so if a busy machine makes one fail and be sent again.
  await growSession(t.organizer, sessionId, 100, 2_999);
  const perRequest = recorder
    .takeUnits(IMPORT)
    .map(writeUnitsOf)
    .sort((a, b) => a - b);
  importPerRow = (perRequest[Math.floor(perRequest.length / 2)] ?? 0) / 250;
  await registerPerson(sessionId, 2_999);
  registration.set(3_000, recorder.lastUnits(REGISTER));
}, 300_000);
afterAll(async () => {
  await t.stack.stop();
});

test('a registration costs the same write units in a session of 3,000 as in one of 100', () => {
  const [small, large] = [registration.get(100), registration.get(3_000)];
  // More than nothing, or the measurement itself is broken.
  expect(writeUnitsOf(small ?? { write: 0, indexWrite: 0, read: 0 })).toBeGreaterThan(0);
  expect(large).toEqual(small);
});

test(`a registration costs at most ${budget.registration} write units`, () => {
  const units = registration.get(3_000);
  expect(units && writeUnitsOf(units) <= budget.registration ? null : units).toBeNull();
});

test(`a check-in costs at most ${budget.checkIn} write units`, () => {
  expect(writeUnitsOf(checkIn) > 0 && writeUnitsOf(checkIn) <= budget.checkIn ? null : checkIn).toBeNull();
});

test(`an import costs at most ${budget.importPerRow} write units per row`, () => {
  expect(importPerRow).toBeGreaterThan(0);
  expect(importPerRow).toBeLessThanOrEqual(budget.importPerRow);
});
