/**
 * Cold start: a fresh Node process imports a bundled handler and sends it its first event, which
 * the running local stack's dynalite and s3rver answer (with data in them). The child times the
 * import and the first invocation separately (performance.now() around each); Node's own start is
 * the same for every bundle and is left out. The machine is shared and noisy, so every candidate
 * run is paired with a floor run right before it, each candidate is compared with the median of
 * its own paired floor runs, and rounds rotate the order of candidates.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { HttpEvent } from '#shared/kernel/http/event.ts';
import { median } from './report.ts';

const run = promisify(execFile);

// The child: import, then one invocation with a Lambda-like context; prints the two times.
const PROBE = `import { readFileSync } from 'node:fs';
const [file, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = { awsRequestId: 'cold', functionName: 'cold', getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false };
const t0 = performance.now();
const { handler } = await import(file);
const t1 = performance.now();
const reply = await handler(event, context);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, callMs: t2 - t1, status: reply.statusCode, body: reply.statusCode >= 300 ? String(reply.body).slice(0, 300) : '' }));
process.exit(0);
`;

export interface ColdSample {
  importMs: number;
  callMs: number;
}

export interface ColdCandidate {
  file: string;
  /** The first event of run `index` (it may prepare data first, e.g. an upload to complete). */
  event(index: number): Promise<HttpEvent>;
}

export interface ColdResult {
  value: ColdSample;
  floor: ColdSample;
}

const total = (sample: ColdSample) => sample.importMs + sample.callMs;

/** The median sample by import + first call (the split shown is that run's). */
function medianSample(samples: ColdSample[]): ColdSample {
  const middle = median(samples.map(total));
  return samples.reduce((best, each) =>
    Math.abs(total(each) - middle) < Math.abs(total(best) - middle) ? each : best,
  );
}

/**
 * Import + first invocation of each candidate and of the floor runs paired with it, over
 * `rounds` rounds (after one discarded warm-up round that fills the file cache).
 */
export async function coldStart(
  folder: string,
  floor: ColdCandidate,
  candidates: Record<string, ColdCandidate>,
  env: Record<string, string>,
  rounds: number,
): Promise<Record<string, ColdResult>> {
  const probe = join(folder, 'cold-probe.mjs');
  writeFileSync(probe, PROBE);
  let runs = 0;
  const once = async (name: string, candidate: ColdCandidate, index: number): Promise<ColdSample> => {
    const eventFile = join(folder, `event-${runs++}.json`);
    writeFileSync(eventFile, JSON.stringify(await candidate.event(index)));
    const { stdout } = await run(process.execPath, [probe, pathToFileURL(candidate.file).href, eventFile], { env });
    const reply = JSON.parse(stdout) as ColdSample & { status: number; body: string };
    if (reply.status >= 300) throw new Error(`the first call of ${name} answered ${reply.status}: ${reply.body}`);
    return { importMs: reply.importMs, callMs: reply.callMs };
  };
  const names = Object.keys(candidates);
  const samples = new Map(names.map((name) => [name, { value: [] as ColdSample[], floor: [] as ColdSample[] }]));
  for (let round = -1; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const candidate = candidates[name];
      if (!candidate) continue;
      const floorSample = await once('floor', floor, round + 1);
      const value = await once(name, candidate, round + 1);
      if (round < 0) continue;
      samples.get(name)?.floor.push(floorSample);
      samples.get(name)?.value.push(value);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { value, floor: floors } = samples.get(name) ?? { value: [], floor: [] };
      return [name, { value: medianSample(value), floor: medianSample(floors) }];
    }),
  );
}

/** Who calls: nobody, an organizer or an admin (the claims API Gateway's JWT authorizer passes on). */
export type Caller = 'public' | 'organizer' | 'admin';

/** An API Gateway v2 event for one route, as the local gateway (and API Gateway) builds it. */
export function apiEvent(
  routeKey: string,
  options: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    caller?: Caller;
    body?: string;
    contentType?: string;
  } = {},
): HttpEvent {
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const params = options.params ?? {};
  const rawPath = template.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = options.query ?? {};
  const caller = options.caller ?? 'public';
  const headers: Record<string, string> = { 'accept-language': 'id', host: 'localhost' };
  if (options.contentType) headers['content-type'] = options.contentType;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(params).length > 0 ? params : undefined,
    body: options.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '10.0.0.1', userAgent: 'bench' },
      requestId: `cold-${Date.now()}`,
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(caller === 'public'
        ? {}
        : {
            authorizer: {
              jwt: { claims: { sub: `bench-${caller}`, name: 'Bench', 'cognito:groups': `[${caller}]` }, scopes: null },
            },
          }),
    },
  };
}
