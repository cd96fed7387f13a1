/**
 * The calls the benchmark and the budget tests make through the local stack: fresh sessions,
 * a session filled by bulk import, a shipment with its receipt code, and the operations whose
 * DynamoDB requests are counted.
 */
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { type Api, pool } from '#test/support/api.ts';
import { CROWD_ROLES, committeeMembers } from '#test/support/crowd.ts';
import { type CallRecorder, count } from './dynamo-calls.ts';

async function expectStatus<T>(expected: number, reply: Promise<{ status: number; text: string; body: T }>) {
  const done = await reply;
  if (done.status !== expected) throw new Error(`expected ${expected}, got ${done.status}: ${done.text.slice(0, 300)}`);
  return done.body;
}

/** A new session with every demo desa expected, no capacity set, and room for a crowd of Anggota. */
export async function freshSession(organizer: Api, title: string): Promise<string> {
  const body = await expectStatus(
    201,
    organizer.post<{ id: string }>('/sessions', { title, date: '2024-05-01', venue: 'Aula', roles: CROWD_ROLES }),
  );
  return body.id;
}

/** Grows a session from `from` to `to` people by import: committee members `from` to `to - 1`. */
export async function growSession(organizer: Api, sessionId: string, from: number, to: number): Promise<void> {
  const created = await importPeople(organizer, sessionId, committeeMembers(to - from, from));
  if (created !== to - from) throw new Error(`the import created ${created} of ${to - from}`);
}

/**
 * Checks everyone in a session in, with the same conditional update the check-in route makes
 * (called directly, 16 at a time: the bench and tests need full sessions quickly; the counters and
 * audit entries the route also writes live outside the registrations the recap reads).
 */
export async function checkInEveryone(sessionId: string): Promise<number> {
  // Imported late: the repository reads the stack's configuration when it loads.
  const registrations = await import('#shared/sessions/repository/registrations.ts');
  const everyone: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await registrations.queryRegistrations(sessionId, 1_000, cursor);
    everyone.push(...page.items.filter((item) => !item.checkedInAt).map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const at = new Date().toISOString();
  const by = { sub: 'bench', name: 'Meja hadir' };
  // A check-in is idempotent: one that timed out on a busy machine is simply sent again.
  await pool(everyone, 16, (id) =>
    registrations.checkIn(sessionId, id, at, by).catch(() => registrations.checkIn(sessionId, id, at, by)),
  );
  return everyone.length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Imports `people` into a session in requests of 250, as the page does; answers how many the
 * session gained. A 503 (DynamoDB too slow on a busy machine: tests and benches share two cores)
 * is sent again after its Retry-After, as a client should; the import is idempotent, so rows the
 * failed attempt wrote come back as unchanged and are counted.
 */
export async function importPeople(organizer: Api, sessionId: string, people: unknown[]): Promise<number> {
  let added = 0;
  for (let from = 0; from < people.length; from += 250) {
    const registrations = people.slice(from, from + 250);
    const path = `/sessions/${sessionId}/registrations/import`;
    let reply = await organizer.post<{ created: number; unchanged: number }>(path, { registrations });
    let retries = 0;
    for (; reply.status === 503 && retries < 3; retries++) {
      const seconds = Number(reply.headers.get('retry-after') ?? 2);
      process.stderr.write(`import of rows ${from}-${from + registrations.length} answered 503, sent again\n`);
      await sleep(seconds * 1_000);
      reply = await organizer.post<{ created: number; unchanged: number }>(path, { registrations });
    }
    const body = await expectStatus(200, Promise.resolve(reply));
    added += retries > 0 ? body.created + body.unchanged : body.created;
  }
  return added;
}

/** Applies the demo allocation rules and dispatches one desa's allocation; answers the receipt code. */
export async function shipmentFor(
  organizer: Api,
  villageIndex: number,
): Promise<{ id: string; code: string; lines: Line[] }> {
  const village = villages[villageIndex];
  if (!village) throw new Error(`no demo desa ${villageIndex}`);
  await expectStatus(200, organizer.post('/allocations/apply', { rules: demoRules }));
  const lines = allocateAll(demoRules, { dpt: village.dpt, tps: village.tps });
  const shipment = await expectStatus(
    201,
    organizer.post<{ id: string; receiptCode: string }>('/shipments', { villageCode: village.code, lines }),
  );
  return { id: shipment.id, code: shipment.receiptCode, lines };
}

type Line = ReturnType<typeof allocateAll>[number];

/** Route keys the measurements look up in the call recorder. */
export const REGISTER = 'POST /sessions/{sessionId}/registrations';
export const IMPORT = 'POST /sessions/{sessionId}/registrations/import';
export const CHECK_IN = 'POST /sessions/{sessionId}/registrations/{registrationId}/check-in';
export const RECAP = 'GET /sessions/{sessionId}/attendance';

export interface OperationCalls {
  registration: string[];
  checkIn: string[];
  /** The recap of a session holding `registrations` people, every one checked in. */
  recap: string[];
  /** The Query pages of that recap that read registrations (`REG#`). */
  recapPages: number;
  confirmation: string[];
  registrations: number;
  /** The session the recap was read from. */
  sessionId: string;
}

/**
 * Runs each counted operation once and answers the DynamoDB actions it made: a session is filled
 * with `size` people by import and all are checked in (the recap's largest case: every record
 * carries its check-in), its recap read; one person is registered and checked in through the API
 * (in a session of their own, so the big one keeps exactly `size`); and a village confirms a shipment.
 */
export async function countOperations(
  organizer: Api,
  anonymous: Api,
  recorder: CallRecorder,
  size: number,
): Promise<OperationCalls> {
  const sessionId = await freshSession(organizer, 'Hitung permintaan');
  const registrations = await importPeople(organizer, sessionId, committeeMembers(size));
  await checkInEveryone(sessionId);
  await expectStatus(200, organizer.get(`/sessions/${sessionId}/attendance`));
  const recap = recorder.last(RECAP);
  const recapPages = recorder.lastQueried(RECAP).filter((prefix) => prefix === keys.registration.prefix).length;

  const desk = await freshSession(organizer, 'Meja pendaftaran');
  const person = { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: villages[0]?.code, phone: '081200001111' };
  const registered = await expectStatus(201, organizer.post<{ id: string }>(`/sessions/${desk}/registrations`, person));
  const registration = recorder.last(REGISTER);
  await expectStatus(200, organizer.post(`/sessions/${desk}/registrations/${registered.id}/check-in`));
  const checkIn = recorder.last(CHECK_IN);

  const { code, lines } = await shipmentFor(organizer, 1);
  const report = lines.map((line) => ({
    itemCode: line.itemCode,
    good: line.quantity,
    minorDamage: 0,
    majorDamage: 0,
  }));
  await expectStatus(201, anonymous.post(`/receipts/${code}`, { receivedBy: { name: 'Siti' }, lines: report }));
  const confirmation = recorder.last('POST /receipts/{receiptCode}');
  return { registration, checkIn, recap, recapPages, confirmation, registrations, sessionId };
}

/** Query pages and Scans among a list of calls. */
export function summarize(calls: string[]): { total: number; queries: number; scans: number } {
  return { total: calls.length, queries: count(calls, 'Query'), scans: count(calls, 'Scan') };
}
