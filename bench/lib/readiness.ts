/**
 * The readiness board of a whole wave, at 82 desa (OKU Selatan's wave) and at 350: its DynamoDB
 * requests and Query pages, and its time, beside a floor measured in the same run. The floor is
 * the least work that answers the same question: the same Queries, paged, straight from a client
 * of its own into the same dynalite (the wave's partition, the wave's sessions, their
 * registrations, the region list, the catalogue, the ledgers and the wave's shipments), nothing
 * parsed or judged. Every desa of the waves is briefed, allocated, shipped and confirmed, so every
 * record the board reads is there.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
import { addDays } from '#shared/waves/rules/calendar.ts';
import { type Api, pool, type TestStack } from '#test/support/api.ts';
import type { CallRecorder } from '#test/support/measure/dynamo-calls.ts';
import { checkInEveryone } from '#test/support/measure/scenario.ts';
import {
  briefingSession,
  confirmReceipt,
  createWave,
  type Desa,
  expectStatus,
  jakartaToday,
  removeDemoWave,
  shipAllocations,
} from '#test/support/wave.ts';
import { median } from './report.ts';

export const READINESS = 'GET /waves/{waveId}/readiness';

export interface ReadinessTiming {
  villages: number;
  requests: number;
  pages: number;
  ms: number;
  bytes: number;
  floorRequests: number;
  floorMs: number;
}

/** A wave of these desa with everything a board reads: committee briefed, goods shipped and confirmed. */
export async function fullWave(t: TestStack, name: string, desa: readonly Desa[]): Promise<string> {
  const today = jakartaToday();
  const wave = await createWave(t.admin, name, desa, addDays(today, 30), {
    sosialisasi: [addDays(today, -2), addDays(today, 3)],
    distribusi: [addDays(today, 10), addDays(today, 20)],
  });
  const sessionId = await briefingSession(t.organizer, wave.id, desa, today);
  await checkInEveryone(sessionId);
  const sent = await shipAllocations(t.organizer, desa);
  await pool([...sent.values()], 6, (shipment) => confirmReceipt(t.anonymous, shipment));
  return wave.id;
}

/** The desa some shipment has gone to already (every page of the list). */
export async function shippedVillages(organizer: Api): Promise<Set<string>> {
  const shipped = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await expectStatus(
      200,
      organizer.get<{ items: Array<{ villageCode: string }>; nextCursor: string | null }>(
        `/shipments?limit=100${query}`,
      ),
    );
    for (const item of page.items) shipped.add(item.villageCode);
    cursor = page.nextCursor;
  } while (cursor);
  return shipped;
}

/** Frees the seeded demo wave, so the bench builds its own waves on the same desa. */
export async function clearWaves(t: TestStack): Promise<void> {
  await removeDemoWave(t.admin);
}

async function all(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let pages = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    pages++;
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, pages };
}

/** The board's reads, raw: in the same two rounds the board needs (the wave says since when to read shipments). */
async function floorReads(db: DynamoDBDocumentClient, tableName: string, waveId: string): Promise<number> {
  const byKind = (kind: string, extra: Partial<QueryCommandInput> = {}): QueryCommandInput => ({
    TableName: tableName,
    IndexName: indexes.byKind.name,
    KeyConditionExpression: '#pk = :kind',
    ExpressionAttributeNames: { '#pk': indexes.byKind.pk },
    ExpressionAttributeValues: { ':kind': kind },
    ...extra,
  });
  const partition = (pk: string, prefix?: string): QueryCommandInput => ({
    TableName: tableName,
    KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
  });
  const [wave, sessions, ...rest] = await Promise.all([
    all(db, partition(keys.wave.partition(waveId))),
    all(
      db,
      byKind(keys.session.kind, {
        FilterExpression: 'waveId = :wave',
        ExpressionAttributeValues: { ':kind': keys.session.kind, ':wave': waveId },
      }),
    ),
    all(db, partition(keys.region.partition)),
    all(db, partition(keys.item.partition)),
    all(db, partition(keys.logistics.partition)),
  ]);
  const stages = (wave.items.find((item) => item.SK === 'WAVE')?.stages ?? []) as Array<{ start: string }>;
  const since = addDays([...stages.map((stage) => stage.start)].sort()[0] ?? '2000-01-01', -1);
  const second = await Promise.all([
    ...sessions.items.map((session) =>
      all(db, partition(keys.session.partition(String(session.id)), keys.registration.prefix)),
    ),
    all(
      db,
      byKind(keys.shipment.kind, {
        KeyConditionExpression: '#pk = :kind AND #sk >= :since',
        ExpressionAttributeNames: { '#pk': indexes.byKind.pk, '#sk': indexes.byKind.sk },
        ExpressionAttributeValues: { ':kind': keys.shipment.kind, ':since': since },
      }),
    ),
  ]);
  return [wave, sessions, ...rest, ...second].reduce((sum, read) => sum + read.pages, 0);
}

/** Times the board of a wave and its floor, `runs` times each, alternating. */
export async function readinessTiming(
  t: TestStack,
  recorder: CallRecorder,
  waveId: string,
  runs: number,
): Promise<ReadinessTiming> {
  const client = new DynamoDBClient({
    endpoint: t.stack.dynamoEndpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(client);
  const app: number[] = [];
  const floor: number[] = [];
  let measured = { villages: 0, requests: 0, pages: 0, bytes: 0 };
  let floorRequests = 0;
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const reply = await t.organizer.get<{ totals: { villages: number; ready: number } }>(
        `/waves/${waveId}/readiness`,
      );
      app.push(performance.now() - started);
      const body = await expectStatus(200, Promise.resolve(reply));
      const calls = recorder.last(READINESS);
      measured = {
        villages: body.totals.villages,
        requests: calls.length,
        pages: calls.filter((call) => call === 'Query').length,
        bytes: Buffer.byteLength(reply.text),
      };
      started = performance.now();
      floorRequests = await floorReads(db, t.stack.tableName, waveId);
      floor.push(performance.now() - started);
    }
  } finally {
    client.destroy();
  }
  return { ...measured, ms: median(app), floorRequests, floorMs: median(floor) };
}
