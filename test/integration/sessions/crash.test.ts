/**
 * A function killed in the middle of a registration or an import (SIGKILL, in a real child
 * process) leaves no place blocked, a phone number blocked for at most the grace period, and
 * counters that come right; running the import again creates nobody twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { villages } from '#local/demo/oku-selatan.ts';
import { Api } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { readWholeTable } from '#test/support/table.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'siap-crash-'));
let running: ChildProcess | undefined;
afterAll(() => {
  running?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  organizer: Api;
  admin: Api;
  table: { dynamoEndpoint: string; tableName: string };
  exited: Promise<number | null>;
}

async function start(crashOn?: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'crash-stack.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, ...(crashOn ? { CRASH_ON: crashOn } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.split('\n').find((each) => each.startsWith('{"url"'));
      if (found) resolve(found);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then(() => reject(new Error(`the stack exited:\n${output}`)));
  });
  const { url, organizer, admin, dynamoEndpoint, tableName } = JSON.parse(line) as Record<string, string>;
  return {
    child,
    organizer: new Api(url ?? '', organizer),
    admin: new Api(url ?? '', admin),
    table: { dynamoEndpoint: dynamoEndpoint ?? '', tableName: tableName ?? '' },
    exited,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a crash between the steps of a registration and of an import: no place blocked, a phone blocked briefly, no duplicate after a re-run, counters right', async () => {
  // Prepare: a stack that dies just before the first registration record is written.
  const first = await start('PutCommand:REG#:1');
  const session = await first.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi',
    date: '2024-04-01',
    venue: 'Aula',
  });
  const sessionId = session.body.id;
  const place = { role: 'KETUA_PANITIA', villageCode: villages[0]?.code };
  // Act 1: the registration dies after its phone guard and its seat, before its record.
  await first.organizer
    .post(`/sessions/${sessionId}/registrations`, { ...place, fullName: 'Juproni', phone: '081211110000' })
    .catch(() => undefined);
  expect(await first.exited).toBeNull(); // killed by a signal
  const second = await start();
  // Assess 1: the phone number waits out the grace period (the registration may still be on its
  // way); the place is free at once.
  const samePhone = {
    role: 'SEKRETARIS_PANITIA',
    villageCode: villages[1]?.code,
    fullName: 'Yulianti',
    phone: '0812-1111-0000',
  };
  const early = await second.organizer.post(`/sessions/${sessionId}/registrations`, samePhone);
  expect(early.status).toBe(503);
  const other = await second.organizer.post(`/sessions/${sessionId}/registrations`, {
    ...place,
    fullName: 'Agus Salim',
  });
  expect(other.status).toBe(201);
  second.child.kill('SIGKILL');
  await second.exited;

  // Act 2: an import dies after its seats and half of its records; then it is run again.
  const rows = committeeMembers(200);
  const third = await start('PutCommand:REG#:100');
  await third.organizer
    .post(`/sessions/${sessionId}/registrations/import`, { registrations: rows })
    .catch(() => undefined);
  await third.exited;
  const fourth = await start();
  const rerun = await fourth.organizer.post<{ created: number; unchanged: number; rejected: unknown[] }>(
    `/sessions/${sessionId}/registrations/import`,
    { registrations: rows },
  );
  // Assess 2: every row exactly once.
  expect(rerun.status).toBe(200);
  expect(rerun.body.rejected).toEqual([]);
  expect(rerun.body.unchanged).toBeGreaterThan(0);
  expect(rerun.body.created + rerun.body.unchanged).toBe(200);
  const records = (await readWholeTable(fourth.table)).filter(
    (item) => item.PK === `SESSION#${sessionId}` && String(item.SK).startsWith('REG#'),
  );
  expect(records).toHaveLength(201);

  // Assess 3: after the grace period the phone number is free, and the counters agree with the records.
  const recap = await fourth.organizer.get<{ registered: number }>(`/sessions/${sessionId}/attendance`);
  expect(recap.body.registered).toBe(201);
  const drifted = await fourth.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
  expect(drifted.body.registered).toBeGreaterThan(201); // seats taken by the requests that died
  await sleep(31_000);
  await fourth.organizer.get(`/sessions/${sessionId}/attendance`);
  const corrected = await fourth.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
  expect(corrected.body.registered).toBe(201);
  const late = await fourth.organizer.post(`/sessions/${sessionId}/registrations`, samePhone);
  expect(late.status).toBe(201);
  const shown = await fourth.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
  expect(shown.body.registered).toBe(202);
  fourth.child.kill('SIGKILL');
  await fourth.exited;
}, 180_000);
