/**
 * The calls the benchmark and the budget tests make through the local stack: fresh sessions,
 * a session filled by bulk import, a shipment with its receipt code, and the operations whose
 * DynamoDB requests are counted.
 */
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import type { Api } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { type CallRecorder, count } from './dynamo-calls.ts';

async function expectStatus<T>(expected: number, reply: Promise<{ status: number; text: string; body: T }>) {
  const done = await reply;
  if (done.status !== expected) throw new Error(`expected ${expected}, got ${done.status}: ${done.text.slice(0, 300)}`);
  return done.body;
}

/** A new session with every demo desa expected and no capacity set. */
export async function freshSession(organizer: Api, title: string): Promise<string> {
  const body = await expectStatus(
    201,
    organizer.post<{ id: string }>('/sessions', { title, date: '2024-05-01', venue: 'Aula' }),
  );
  return body.id;
}

/** Imports `people` into a session in requests of 250, as the page does; answers how many were created. */
export async function importPeople(organizer: Api, sessionId: string, people: unknown[]): Promise<number> {
  let created = 0;
  for (let from = 0; from < people.length; from += 250) {
    const body = await expectStatus(
      200,
      organizer.post<{ created: number }>(`/sessions/${sessionId}/registrations/import`, {
        registrations: people.slice(from, from + 250),
      }),
    );
    created += body.created;
  }
  return created;
}

/** Applies the demo allocation rules and dispatches one desa's allocation; answers the receipt code. */
export async function shipmentFor(organizer: Api, villageIndex: number): Promise<{ code: string; lines: Line[] }> {
  const village = villages[villageIndex];
  if (!village) throw new Error(`no demo desa ${villageIndex}`);
  await expectStatus(200, organizer.post('/allocations/apply', { rules: demoRules }));
  const lines = allocateAll(demoRules, { dpt: village.dpt, tps: village.tps });
  const shipment = await expectStatus(
    201,
    organizer.post<{ receiptCode: string }>('/shipments', { villageCode: village.code, lines }),
  );
  return { code: shipment.receiptCode, lines };
}

type Line = ReturnType<typeof allocateAll>[number];

export interface OperationCalls {
  registration: string[];
  checkIn: string[];
  /** The recap of a session holding `registrations` people. */
  recap: string[];
  confirmation: string[];
  registrations: number;
}

/**
 * Runs each counted operation once and answers the DynamoDB actions it made: a session is filled
 * with `size` people by import, its recap read, one more person registered and checked in, and a
 * village confirms a shipment.
 */
export async function countOperations(
  organizer: Api,
  anonymous: Api,
  recorder: CallRecorder,
  size: number,
): Promise<OperationCalls> {
  const sessionId = await freshSession(organizer, 'Hitung permintaan');
  const registrations = await importPeople(organizer, sessionId, committeeMembers(size));
  await expectStatus(200, organizer.get(`/sessions/${sessionId}/attendance`));
  const recap = recorder.last('GET /sessions/{sessionId}/attendance');

  const person = { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: villages[0]?.code, phone: '081200001111' };
  const registered = await expectStatus(
    201,
    organizer.post<{ id: string }>(`/sessions/${sessionId}/registrations`, person),
  );
  const registration = recorder.last('POST /sessions/{sessionId}/registrations');
  await expectStatus(200, organizer.post(`/sessions/${sessionId}/registrations/${registered.id}/check-in`));
  const checkIn = recorder.last('POST /sessions/{sessionId}/registrations/{registrationId}/check-in');

  const { code, lines } = await shipmentFor(organizer, 1);
  const report = lines.map((line) => ({
    itemCode: line.itemCode,
    good: line.quantity,
    minorDamage: 0,
    majorDamage: 0,
  }));
  await expectStatus(201, anonymous.post(`/receipts/${code}`, { receivedBy: { name: 'Siti' }, lines: report }));
  const confirmation = recorder.last('POST /receipts/{receiptCode}');
  return { registration, checkIn, recap, confirmation, registrations };
}

/** Query pages and Scans among a list of calls. */
export function summarize(calls: string[]): { total: number; queries: number; scans: number } {
  return { total: calls.length, queries: count(calls, 'Query'), scans: count(calls, 'Scan') };
}
