/**
 * Every reply carries the security headers: pages, API replies, problem documents and the
 * gateway's own errors. The pages' content policy names where they may connect, and nothing else.
 */
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

const EVERY_REPLY = {
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

test.each([
  ['a page', 'GET', '/', 200],
  ['an API reply', 'GET', '/health', 200],
  ['a problem document (bad input)', 'POST', '/sessions', 400],
  ['a problem document (a code nobody has)', 'GET', `/receipts/${'0'.repeat(26)}`, 404],
  ['the gateway: no route', 'GET', '/tidak-ada', 404],
  ['the gateway: no token', 'GET', '/regions', 401],
  ['the local sign-in', 'POST', '/local/token', 400],
])('%s carries the security headers', async (_what, method, path, status) => {
  const api = path === '/sessions' ? t.organizer : t.anonymous;
  const reply = await api.request(method, path, method === 'POST' ? { title: 1 } : undefined);
  expect(reply.status).toBe(status);
  for (const [name, value] of Object.entries(EVERY_REPLY))
    expect([name, reply.headers.get(name)]).toEqual([name, value]);
  expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
});

test('the pages connect to this API and the documents bucket only (no https: wildcard)', async () => {
  const reply = await t.anonymous.get('/');
  const policy = reply.headers.get('content-security-policy') ?? '';
  const connect = /connect-src ([^;]+)/.exec(policy)?.[1]?.split(' ') ?? [];
  expect(connect).toEqual(["'self'", new URL(t.stack.s3Endpoint).origin]);
  expect(policy).not.toMatch(/https:(\s|;|$)/);
});
