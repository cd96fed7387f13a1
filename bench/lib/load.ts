/**
 * Registration under concurrent load: three targets driven by the same load generator
 * (bench/lib/load-client.ts, in a child process) with the same settings:
 * - the fair floor (bench/lib/floor-server.ts);
 * - the application into one session that holds 100 people when the load starts;
 * - the application into one session grown by imports so that the load fills it to exactly 10,000.
 * Both application targets are one session each, so they meet the same contention (every
 * registration takes its seat from that session's capacity counter) and differ only in size.
 * The machine is shared, so the targets take turns: rounds of the same number of requests each,
 * the order rotating, and each target's figures are taken over all its rounds. Every request
 * registers a different committee member. The write units of every registration are kept per
 * target, so the write-unit figure covers the same registrations.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import type { CallRecorder, Units } from '#test/support/measure/dynamo-calls.ts';
import { freshSession, growSession, REGISTER } from '#test/support/measure/scenario.ts';
import { startFloorServer } from './floor-server.ts';
import { type LoadPlan, type LoadSummary, summarize } from './load-client.ts';

const run = promisify(execFile);
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'load-client.ts');
/** The most people a session holds (MAX_SESSION_CAPACITY): the big target ends there. */
export const FULL_SESSION = 10_000;
export const SMALL_SESSION = 100;

export interface LoadSettings {
  connections: number;
  /** Requests per round and target. */
  requests: number;
  rounds: number;
}

export type Target = 'floor' | 'at100' | 'at10k';

export interface TargetResult {
  load: LoadSummary;
  units: Units[];
  /**
   * CPU milliseconds the bench process (gateway, handlers, dynalite, floor server) spent per
   * request while this target ran: with everything in one process, latency under load follows it.
   */
  cpuPerRequest: number;
}

export interface RegistrationLoad {
  results: Record<Target, TargetResult>;
  /** The session the big target filled, and how many it held before the load and after. */
  big: { sessionId: string; grownTo: number; registered: number };
  /** Milliseconds each DynamoDB action of the application took while loaded. */
  calls: Map<string, number[]>;
}

async function runLoad(plan: LoadPlan): Promise<LoadSummary> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CLIENT, JSON.stringify(plan)], {
    maxBuffer: 16 * 1024 * 1024,
    cwd: join(dirname(CLIENT), '..', '..'),
  });
  return JSON.parse(stdout) as LoadSummary;
}

/** Loads the handler and opens connections, outside the measured runs (people nobody else uses). */
async function warmUp(url: string, token: string): Promise<void> {
  for (const person of committeeMembers(20, 17_000)) {
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(person),
    });
    await reply.arrayBuffer();
  }
}

/** One target's rounds taken together. */
function merge(rounds: LoadSummary[]): LoadSummary {
  const latencies = rounds.flatMap((round) => round.latencies);
  const statuses: Record<string, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  return {
    sent: rounds.reduce((sum, round) => sum + round.sent, 0),
    latencies,
    statuses,
    seconds: rounds.reduce((sum, round) => sum + round.seconds, 0),
    ...summarize([...latencies].sort((a, b) => a - b)),
  };
}

/** Runs the three targets in rotating rounds; see the module comment. */
export async function registrationLoad(
  t: TestStack,
  recorder: CallRecorder,
  kecamatanOf: Map<string, string>,
  settings: LoadSettings,
): Promise<RegistrationLoad> {
  const token = t.tokens.organizer;
  const total = settings.requests * settings.rounds;
  const small = await freshSession(t.organizer, 'Sesi seratus');
  await growSession(t.organizer, small, 0, SMALL_SESSION);
  const grownTo = FULL_SESSION - total;
  const big = await freshSession(t.organizer, 'Sesi sepuluh ribu');
  await growSession(t.organizer, big, 0, grownTo);

  const floorServer = await startFloorServer(t.stack.dynamoEndpoint, t.stack.tableName, kecamatanOf);
  const targets: Record<Target, { url: string; path: string; firstPerson: number }> = {
    floor: { url: floorServer.url, path: '/sessions/floor/registrations', firstPerson: SMALL_SESSION },
    at100: { url: t.stack.url, path: `/sessions/${small}/registrations`, firstPerson: SMALL_SESSION },
    at10k: { url: t.stack.url, path: `/sessions/${big}/registrations`, firstPerson: grownTo },
  };
  const rounds: Record<Target, LoadSummary[]> = { floor: [], at100: [], at10k: [] };
  const units: Record<Target, Units[]> = { floor: [], at100: [], at10k: [] };
  const cpu: Record<Target, number> = { floor: 0, at100: 0, at10k: 0 };
  try {
    await warmUp(`${floorServer.url}/sessions/floor-warm/registrations`, token);
    await warmUp(`${t.stack.url}/sessions/${await freshSession(t.organizer, 'Pemanasan')}/registrations`, token);
    recorder.takeUnits(REGISTER);
    recorder.takeDurations();
    const order: Target[] = ['floor', 'at100', 'at10k'];
    for (let round = 0; round < settings.rounds; round++) {
      for (const name of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
        const target = targets[name];
        const floorBefore = floorServer.units().length;
        const cpuBefore = process.cpuUsage();
        rounds[name].push(
          await runLoad({
            url: target.url,
            paths: [target.path],
            token,
            connections: settings.connections,
            seconds: 0,
            maxRequests: settings.requests,
            firstPerson: target.firstPerson + round * settings.requests,
          }),
        );
        const used = process.cpuUsage(cpuBefore);
        cpu[name] += (used.user + used.system) / 1_000;
        units[name].push(...(name === 'floor' ? floorServer.units().slice(floorBefore) : recorder.takeUnits(REGISTER)));
      }
    }
  } finally {
    await floorServer.close();
  }
  const calls = recorder.takeDurations();
  const session = await t.organizer.get<{ registered: number }>(`/sessions/${big}`);
  const result = (name: Target): TargetResult => {
    const load = merge(rounds[name]);
    return { load, units: units[name], cpuPerRequest: cpu[name] / load.sent };
  };
  return {
    results: { floor: result('floor'), at100: result('at100'), at10k: result('at10k') },
    big: { sessionId: big, grownTo, registered: session.body.registered },
    calls,
  };
}
