/**
 * The local issuer hands tokens to this machine only: listening on every address (HOST=0.0.0.0, to
 * try the pages from a phone), a request from another address needs the one-time code `npm start`
 * printed, and that code works once.
 */
import { networkInterfaces } from 'node:os';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ host: '0.0.0.0' });
});
afterAll(async () => {
  await t.stack.stop();
});

/** This machine's own address on its network (what a phone on the same Wi-Fi would call). */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((each) => each && each.family === 'IPv4' && !each.internal)?.address;

const signIn = (host: string, body: Record<string, unknown>) =>
  fetch(`http://${host}:${t.stack.port}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('this machine signs in without a code', async () => {
  expect((await signIn('127.0.0.1', { group: 'admin' })).status).toBe(200);
});

test('another device needs the printed one-time code, and it works once', async () => {
  expect(lanAddress).toBeDefined();
  const host = lanAddress ?? '';
  expect((await signIn(host, { group: 'admin' })).status).toBe(403);
  expect((await signIn(host, { group: 'admin', code: '00000000' })).status).toBe(403);
  const code = t.stack.signInCode();
  const first = await signIn(host, { group: 'organizer', code });
  expect(first.status).toBe(200);
  expect(((await first.json()) as { token: string }).token).toMatch(/^ey/);
  expect((await signIn(host, { group: 'organizer', code })).status).toBe(403);
  expect(t.stack.signInCode()).not.toBe(code);
});
