/**
 * DynamoDB requests per operation, counted on the shared document client while the real handlers
 * run in the local stack: registration, check-in, the recap of a 2,000-person session with every
 * one checked in (the Query pages that read the registrations), and a village's receipt
 * confirmation. None may Scan.
 */

import { startTestStack, type TestStack } from '#test/support/api.ts';
import { createCallRecorder } from '#test/support/measure/dynamo-calls.ts';
import { countOperations, type OperationCalls } from '#test/support/measure/scenario.ts';
import { budgets } from './budgets.ts';

const budget = budgets.dynamoRequests;
let t: TestStack;
let calls: OperationCalls;

// About 30 s alone; the limit is generous because npm test runs two files at once on shared cores.
beforeAll(async () => {
  const recorder = createCallRecorder();
  t = await startTestStack({ wrapHandler: recorder.wrapHandler });
  await recorder.install();
  calls = await countOperations(t.organizer, t.anonymous, recorder, 2_000);
}, 300_000);
afterAll(async () => {
  await t.stack.stop();
});

/** Passes with at most `max` requests; on failure Jest prints every request the operation made. */
function expectAtMost(requests: string[], max: number) {
  expect(requests.length <= max ? [] : requests).toEqual([]);
}

test(`a registration makes at most ${budget.registration} DynamoDB requests`, () => {
  expectAtMost(calls.registration, budget.registration);
});

test(`a check-in makes at most ${budget.checkIn} DynamoDB requests`, () => {
  expectAtMost(calls.checkIn, budget.checkIn);
});

test(`the recap of 2,000 people, all checked in, reads them in at most ${budget.recapQueryPages} Query pages`, () => {
  expect(calls.registrations).toBe(2_000);
  // At least one page, or the budget could pass on a recap that read nothing.
  expect(calls.recapPages).toBeGreaterThanOrEqual(1);
  expect(calls.recapPages <= budget.recapQueryPages ? [] : calls.recap).toEqual([]);
});

test(`a village confirmation makes at most ${budget.confirmation} DynamoDB requests`, () => {
  expectAtMost(calls.confirmation, budget.confirmation);
});

test('none of these operations scans', () => {
  const all = [...calls.registration, ...calls.checkIn, ...calls.recap, ...calls.confirmation];
  expect(all.filter((call) => call.includes('Scan'))).toEqual([]);
});
