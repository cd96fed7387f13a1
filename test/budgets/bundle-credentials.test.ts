/**
 * The bundles read AWS credentials from the environment only (infra/bundling.ts swaps out the
 * SDK's default chain, ~135 KB). This proves a bundle, built as Lambda gets it and run in a fresh
 * Node process with Lambda's environment, still signs its DynamoDB requests with those credentials.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBundles } from '#test/support/measure/bundles.ts';

const run = promisify(execFile);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'siap-sign-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a function bundle signs DynamoDB requests with the credentials Lambda puts in its environment', async () => {
  // Prepare: a stand-in DynamoDB endpoint that records what it is sent, and the audit bundle.
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ Items: [], Count: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const { functions } = await buildBundles(dir);
  const script = join(dir, 'invoke.mjs');
  writeFileSync(
    script,
    `const { handler } = await import(${JSON.stringify(join(dir, 'audit', 'index.mjs'))});
const reply = await handler({
  version: '2.0', routeKey: 'GET /audit', rawPath: '/audit', rawQueryString: 'trail=regions',
  headers: {}, queryStringParameters: { trail: 'regions' }, isBase64Encoded: false,
  requestContext: { requestId: 'r1', http: { method: 'GET', path: '/audit', sourceIp: '10.0.0.1' },
    authorizer: { jwt: { claims: { sub: 'u1', name: 'Siti', 'cognito:groups': '[organizer]' } } } },
}, { getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false });
console.log(JSON.stringify(reply));`,
  );
  // Act: the environment Lambda gives a function (no files, no metadata service to fall back on).
  const { stdout } = await run(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AWS_REGION: 'ap-southeast-3',
      AWS_ACCESS_KEY_ID: 'AKIDSIGNINGTEST',
      AWS_SECRET_ACCESS_KEY: 'secret-from-the-role',
      AWS_SESSION_TOKEN: 'session-token-from-the-role',
      AWS_EC2_METADATA_DISABLED: 'true',
      TABLE_NAME: 'siap-test',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
      REGENCY_NAME: 'Kabupaten Uji',
      REGENCY_SLUG: 'uji',
    },
  });
  server.close();
  // Assess
  const reply = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { statusCode: number };
  expect(reply.statusCode).toBe(200);
  expect(seen).toHaveLength(1);
  expect(seen[0]?.authorization).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDSIGNINGTEST\/\d{8}\/ap-southeast-3\/dynamodb\/aws4_request/,
  );
  expect(seen[0]?.['x-amz-security-token']).toBe('session-token-from-the-role');
  // And no bundle carries the chain's other sources.
  const others = functions.flatMap((bundle) =>
    bundle.inputs.filter((input) => /credential-provider-(ini|sso|process|web-identity|imds|node)\//.test(input.path)),
  );
  expect(others).toEqual([]);
}, 60_000);
