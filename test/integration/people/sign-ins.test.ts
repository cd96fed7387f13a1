/**
 * When people last signed in: Cognito's post-authentication trigger (`functions/signins.ts`)
 * notes each sign-in, the local sign-in calls the same handler, and the people list shows it. The
 * trigger never fails a sign-in: with the table refusing it, the event still comes back.
 */
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
/** When set, the table refuses every write (fault injection). */
let refuseWrites = false;

beforeAll(async () => {
  t = await startTestStack();
  const { db } = await import('#shared/kernel/table/client.ts');
  db.middlewareStack.add(
    (next, context) => async (args) => {
      if (refuseWrites && String(context.commandName).startsWith('Put')) throw new Error('table unavailable');
      return next(args);
    },
    { step: 'initialize', name: 'refuseWrites' },
  );
});
afterAll(async () => {
  await t.stack.stop();
});

const event = (sub: string): PostAuthenticationTriggerEvent => ({
  version: '1',
  region: 'ap-southeast-3',
  userPoolId: 'ap-southeast-3_example',
  userName: sub,
  triggerSource: 'PostAuthentication_Authentication',
  callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'pages' },
  request: { userAttributes: { sub, email: 'orang@dpmd.go.id' }, newDeviceUsed: false },
  response: {},
});

const listed = async () =>
  (await t.admin.get<{ items: Array<{ id: string; name: string; lastSignInAt: string | null }> }>('/users')).body.items;

test('a local sign-in goes through the trigger, and the list shows when', async () => {
  // Prepare
  const person = (await listed()).find((user) => user.name === 'Andi Saputra');
  const before = Date.now();
  // Act
  const signedIn = await t.anonymous.post('/local/token', { userId: person?.id });
  const after = (await listed()).find((user) => user.id === person?.id);
  // Assess
  expect(person?.lastSignInAt).toBeNull();
  expect(signedIn.status).toBe(200);
  expect(Date.parse(after?.lastSignInAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
});

test('the trigger answers the event it was given, and a later sign-in is never put back by an earlier one', async () => {
  // Prepare
  const { handler } = await import('#functions/signins.ts');
  const { recordSignIn } = await import('#shared/people/sign-ins.ts');
  const person = (await listed()).find((user) => user.name === 'Yulianti');
  const given = event(person?.id ?? '');
  // Act
  const answered = await handler(given);
  const first = (await listed()).find((user) => user.id === person?.id)?.lastSignInAt;
  await recordSignIn(person?.id ?? '', '2000-01-01T00:00:00.000Z');
  const later = (await listed()).find((user) => user.id === person?.id)?.lastSignInAt;
  // Assess
  expect(answered).toBe(given);
  expect(first).not.toBeNull();
  expect(later).toBe(first);
});

test('with the table refusing the write, the sign-in still goes on: the event comes back', async () => {
  // Prepare
  const { handler } = await import('#functions/signins.ts');
  const given = event('00000000-0000-4000-8000-000000000000');
  refuseWrites = true;
  // Act
  const answered = await handler(given).finally(() => {
    refuseWrites = false;
  });
  // Assess
  expect(answered).toBe(given);
  expect((await listed()).some((user) => user.id === given.request.userAttributes.sub)).toBe(false);
});
