/**
 * Bundle size is cold-start time: every function, built exactly as the CDK stack builds it
 * (infra/bundling.ts), stays within its committed byte budget, so a careless import fails here.
 */

import { functionGroups } from '#shared/routes.ts';
import { type Bundle, buildBundles, overFloor } from '#test/support/measure/bundles.ts';
import { budgets } from './budgets.ts';

let floor: Bundle;
let functions: Map<string, Bundle>;

beforeAll(async () => {
  const built = await buildBundles();
  floor = built.floor;
  functions = new Map(built.functions.map((bundle) => [bundle.name, bundle]));
});

test('every function group has a bundle budget', () => {
  expect(Object.keys(budgets.bundleBytes).sort()).toEqual([...functionGroups].sort());
});

test.each([...functionGroups])('the %s bundle stays within its byte budget', (group) => {
  // Prepare
  const bundle = functions.get(group);
  if (!bundle) throw new Error(`${group} was not built`);
  // Act
  const over = bundle.bytes - budgets.bundleBytes[group];
  // Assess: on failure, what the bundle carries beyond the bare DynamoDB handler, largest first.
  const budget = budgets.bundleBytes[group];
  expect(over > 0 ? { group, bytes: bundle.bytes, budget, beyondFloor: overFloor(bundle, floor, 8) } : null).toBeNull();
});
