/**
 * Registration under concurrent load: autocannon (in a child process) drives the local stack's
 * POST /sessions/{id}/registrations, then the floor server, with the same settings. Each run uses
 * fresh sessions, every request a different committee member.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Result } from 'autocannon';
import type { TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { freshSession } from '#test/support/measure/scenario.ts';
import type { CannonPlan } from './cannon.ts';
import { startFloorServer } from './floor-server.ts';

const run = promisify(execFile);
const CANNON = join(dirname(fileURLToPath(import.meta.url)), 'cannon.ts');
/** The most registrations one run could send on this machine (a generous ceiling). */
const MAX_REGISTRATIONS_PER_RUN = 20_000;

export interface LoadSettings {
  connections: number;
  seconds: number;
  /** People per session before the load moves to the next one (at most 3,000). */
  perSession: number;
}

export type LoadResult = Result & { sent: number };

async function cannon(plan: CannonPlan): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CANNON, JSON.stringify(plan)], {
    maxBuffer: 16 * 1024 * 1024,
    cwd: join(dirname(CANNON), '..', '..'),
  });
  return JSON.parse(stdout) as LoadResult;
}

/** Loads the handler and opens connections, outside the measured run. */
async function warmUp(url: string, token: string): Promise<void> {
  for (const person of committeeMembers(20, 5_000)) {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(person),
    });
  }
}

/** Runs the floor, then the application, with the same settings. */
export async function registrationLoad(
  t: TestStack,
  settings: LoadSettings,
  beforeApp: () => void = () => undefined,
): Promise<{ app: LoadResult; floor: LoadResult }> {
  const base = { token: t.tokens.organizer, ...settings };
  const sessions = Math.ceil(MAX_REGISTRATIONS_PER_RUN / settings.perSession);
  const floorServer = await startFloorServer(t.stack.dynamoEndpoint, t.stack.tableName);
  let floor: LoadResult;
  try {
    const paths = Array.from({ length: sessions }, (_, i) => `/sessions/floor-${i}/registrations`);
    await warmUp(`${floorServer.url}/sessions/floor-warm/registrations`, t.tokens.organizer);
    floor = await cannon({ ...base, url: floorServer.url, paths });
  } finally {
    await floorServer.close();
  }
  await warmUp(
    `${t.stack.url}/sessions/${await freshSession(t.organizer, 'Pemanasan')}/registrations`,
    t.tokens.organizer,
  );
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) sessionIds.push(await freshSession(t.organizer, `Beban ${i + 1}`));
  beforeApp();
  const app = await cannon({
    ...base,
    url: t.stack.url,
    paths: sessionIds.map((id) => `/sessions/${id}/registrations`),
  });
  return { app, floor };
}
