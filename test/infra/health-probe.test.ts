import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkHealth } from '#infra/probes/health.ts';

let server: Server;
let base = '';
// Each path answers as a /health route might.
const replies: Record<string, { status: number; body: string; delayMs?: number }> = {
  '/ok': { status: 200, body: '{"status":"ok"}' },
  '/down': { status: 503, body: '{"status":"unavailable"}' },
  '/other': { status: 200, body: '{"status":"degraded"}' },
  '/html': { status: 200, body: '<html>ok</html>' },
  '/moved': { status: 301, body: '' },
  '/slow': { status: 200, body: '{"status":"ok"}', delayMs: 500 },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const reply = replies[request.url ?? ''] ?? { status: 404, body: '{"message":"Not Found"}' };
    setTimeout(() => {
      response.writeHead(reply.status, { 'content-type': 'application/json', location: '/ok' });
      response.end(reply.body);
    }, reply.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('a 200 with { status: "ok" } is healthy', async () => {
  await expect(checkHealth(`${base}/ok`)).resolves.toBeUndefined();
});

test.each([
  ['/down', /answered 503/],
  ['/other', /answered 200: \{"status":"degraded"\}/],
  ['/html', /answered 200: <html>/],
  ['/moved', /answered 301/],
  ['/missing', /answered 404/],
])('%s fails the check, saying what it answered', async (path, message) => {
  await expect(checkHealth(`${base}${path}`)).rejects.toThrow(message);
});

test('a reply slower than the timeout fails the check', async () => {
  await expect(checkHealth(`${base}/slow`, 100)).rejects.toThrow();
});
