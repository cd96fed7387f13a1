/**
 * The load generator, run in its own process so it never competes with the server for the event
 * loop: `node --import tsx bench/lib/load-client.ts <json plan>`. `connections` loops, each with
 * its own keep-alive socket, POST one registration after another for `seconds` (or until
 * `maxRequests` are sent); request i registers committee member `firstPerson + i` into
 * `paths[i % paths.length]`, so every request is a different person. Each request's latency is
 * taken with process.hrtime in microseconds (autocannon reports whole milliseconds, which moves a
 * ratio on a few-millisecond floor by tens of percent). Prints a summary as JSON.
 */
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { committeeMembers } from '#test/support/crowd.ts';

export interface LoadPlan {
  url: string;
  paths: string[];
  token: string;
  connections: number;
  /** Stop sending after this long (0: no time limit). */
  seconds: number;
  maxRequests: number;
  firstPerson: number;
}

export interface LoadSummary {
  sent: number;
  /** Every request's latency in microseconds, in order of completion. */
  latencies: number[];
  /** Replies by status code (0: the request failed). */
  statuses: Record<string, number>;
  seconds: number;
  /** Microseconds. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** The value below which `share` of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function run(plan: LoadPlan): Promise<LoadSummary> {
  const target = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const bodies = committeeMembers(plan.maxRequests, plan.firstPerson).map((person) => JSON.stringify(person));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = plan.seconds > 0 ? started + BigInt(Math.round(plan.seconds * 1e9)) : undefined;

  const send = (index: number) =>
    new Promise<number>((resolve) => {
      const body = bodies[index] ?? '{}';
      const call = request(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: plan.paths[index % plan.paths.length],
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${plan.token}`,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      call.on('error', () => resolve(0));
      call.end(body);
    });

  const loop = async () => {
    while (next < plan.maxRequests && (deadline === undefined || process.hrtime.bigint() < deadline)) {
      const index = next++;
      const at = process.hrtime.bigint();
      const status = await send(index);
      latencies.push(Number(process.hrtime.bigint() - at) / 1_000);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, loop));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { sent: next, latencies, statuses, seconds, ...summarize(sorted) };
}

/** p50, p90, p99, max and mean of latencies sorted ascending. */
export function summarize(sorted: readonly number[]) {
  return {
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.reduce((sum, each) => sum + each, 0) / Math.max(1, sorted.length),
  };
}

// Runs only as the child's entry point (the bench imports its types and summarize()).
const [, entry, plan] = process.argv;
if (entry && plan && import.meta.url === pathToFileURL(entry).href) {
  const summary = await run(JSON.parse(plan) as LoadPlan);
  process.stdout.write(JSON.stringify(summary));
}
