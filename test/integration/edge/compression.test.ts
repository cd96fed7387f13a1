/**
 * Replies travel compressed: JSON over 1 kB in brotli or gzip as the client accepts, the pages'
 * scripts and styles from the copies compressed at build time, and small replies as they are.
 * Read with a raw HTTP client, so what is measured is what crosses the wire.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rawGet, startTestStack, type TestStack, untilAnswered } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';

let t: TestStack;
let sessionId: string;

beforeAll(async () => {
  t = await startTestStack();
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi',
    date: '2024-03-01',
    venue: 'Aula',
  });
  sessionId = session.body.id;
  // On a busy machine the import may answer 503 (its work still finishing): sent again until it
  // answers, so both reads below see the same 200 people.
  const [imported] = await untilAnswered(1, () =>
    t.organizer.post<{ created: number; unchanged: number }>(`/sessions/${sessionId}/registrations/import`, {
      registrations: committeeMembers(200),
    }),
  );
  expect(imported?.status).toBe(200);
  expect((imported?.body.created ?? 0) + (imported?.body.unchanged ?? 0)).toBe(200);
});
afterAll(async () => {
  await t.stack.stop();
});

const get = (path: string, headers: Record<string, string>) => rawGet(t.stack.url, path, headers);

const auth = () => ({ authorization: `Bearer ${t.tokens.organizer}` });

test('a long JSON reply comes in brotli when the client takes it, and reads back the same', async () => {
  // Act
  const plain = await get(`/sessions/${sessionId}/registrations`, { ...auth(), 'accept-encoding': 'identity' });
  const br = await get(`/sessions/${sessionId}/registrations`, { ...auth(), 'accept-encoding': 'gzip, deflate, br' });
  // Assess
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toContain('accept-encoding');
  expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
  expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
});

test('gzip when brotli is not offered', async () => {
  const gz = await get(`/sessions/${sessionId}/registrations`, { ...auth(), 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8')).items).toHaveLength(200);
});

test('a reply under 1 kB goes as it is', async () => {
  const small = await get('/config.json', { 'accept-encoding': 'br' });
  expect(small.status).toBe(200);
  expect(small.bytes.length).toBeLessThan(1024);
  expect(small.headers['content-encoding']).toBeUndefined();
});

test('scripts and styles are served from their copies compressed at build time; the page asks for its first chunks at once', async () => {
  // Prepare
  const page = await get('/', { 'accept-encoding': 'br' });
  const html = brotliDecompressSync(page.bytes).toString('utf8');
  const script = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1] ?? '';
  const preloads = [...html.matchAll(/rel="modulepreload" href="\/assets\/([^"]+)"/g)].map((match) => match[1]);
  // Act
  const br = await get(`/assets/${script}`, { 'accept-encoding': 'br' });
  const plain = await get(`/assets/${script}`, {});
  const copy = await get(`/assets/${script}.br`, { 'accept-encoding': 'br' });
  // Assess
  expect(page.headers['content-encoding']).toBe('br');
  expect(preloads.length).toBeGreaterThan(0);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toContain('immutable');
  expect(brotliDecompressSync(br.bytes)).toEqual(plain.bytes);
  expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
  expect(copy.status).toBe(404);
});
