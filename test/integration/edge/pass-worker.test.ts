/**
 * The pass page's service worker (`/hadir/sw.js`), through the real web handler and the local
 * gateway: JavaScript, never cached without asking (a new build reaches the phone at its next
 * open), with the security headers; it names the page's own hashed files, which are served; and
 * the pages' content policy allows a worker from this origin only, and nothing more than before.
 */
import { brotliDecompressSync } from 'node:zlib';
import { rawGet, startTestStack, type TestStack } from '#test/support/api.ts';

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

test('the worker answers 200 as JavaScript with no-cache and the security headers, not as a pass page', async () => {
  // Act
  const reply = await t.anonymous.get('/hadir/sw.js');
  // Assess
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(reply.headers.get('cache-control')).toBe('no-cache');
  for (const [name, value] of Object.entries(EVERY_REPLY))
    expect([name, reply.headers.get(name)]).toEqual([name, value]);
  expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(reply.text).not.toContain('<html');
  expect(reply.text).toContain('addEventListener');
});

test('the worker comes precompressed to a phone that takes brotli, the same script', async () => {
  // Act
  const plain = await t.anonymous.get('/hadir/sw.js');
  const br = await rawGet(t.stack.url, '/hadir/sw.js', { 'accept-encoding': 'br' });
  // Assess
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toBe('no-cache');
  expect(br.bytes.length).toBeLessThan(plain.text.length / 1.5);
  expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.text);
});

test('the worker keeps the pass page’s own hashed script and style sheet, and both are served', async () => {
  // Act
  const worker = await t.anonymous.get('/hadir/sw.js');
  const named = [...new Set(worker.text.match(/\/assets\/[\w.-]+/g) ?? [])].sort((a, b) =>
    a.endsWith('.css') === b.endsWith('.css') ? 0 : a.endsWith('.css') ? -1 : 1,
  );
  const replies = await Promise.all(named.map((path) => t.anonymous.get(path)));
  // Assess
  expect(named).toEqual([
    expect.stringMatching(/^\/assets\/pass-[A-Z0-9]{8}\.css$/),
    expect.stringMatching(/^\/assets\/pass-[A-Z0-9]{8}\.js$/),
  ]);
  expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
});

test('the pages allow a worker from this origin only, and the rest of their policy stays as strict', async () => {
  // Prepare
  const expected = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${new URL(t.stack.s3Endpoint).origin}`,
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  // Act
  const policies = await Promise.all(
    ['/', `/hadir/${'0'.repeat(26)}_KT11111111_${'0'.repeat(26)}`, '/hadir/sw.js'].map(async (path) => {
      const reply = await t.anonymous.get(path);
      return [reply.status, (reply.headers.get('content-security-policy') ?? '').split('; ').sort()];
    }),
  );
  // Assess
  expect(policies).toEqual([
    [200, [...expected].sort()],
    [200, [...expected].sort()],
    [200, [...expected].sort()],
  ]);
});
