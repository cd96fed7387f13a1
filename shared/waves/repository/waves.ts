/**
 * Waves (`WAVE#<id>`): the wave item, its problems and its daily snapshots, and the guards
 * (`WAVEDESA`) that keep each desa in one running wave. The only code that talks to DynamoDB
 * about waves.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, auditItem, writeAudit } from '#shared/kernel/table/audit.ts';
import { batchGet, batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { ProblemRecord, SnapshotRecord, WaveDesaRecord, WaveRecord } from '../records.ts';

const readWave = (item: Record<string, unknown>) => readRecord(WaveRecord, item, 'wave');
const readProblem = (item: Record<string, unknown>) => readRecord(ProblemRecord, item, 'problem');

/** Stores a new wave (its id is fresh) and its audit entry. */
export async function insertWave(wave: WaveRecord, audit: AuditRecord): Promise<void> {
  await db.send(
    new PutCommand({
      TableName,
      Item: { ...keys.wave.item(wave.id), ...keys.wave.listing(wave.votingDay, wave.id), ...wave },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  await writeAudit(audit);
}

/** One wave, strongly consistent. */
export async function getWave(waveId: string): Promise<WaveRecord | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.wave.item(waveId), ConsistentRead: true }));
  return result.Item ? readWave(result.Item) : undefined;
}

/** Several waves by id (one BatchGetItem per 100). */
export async function getWaves(waveIds: readonly string[]): Promise<Map<string, WaveRecord>> {
  const found = await batchGet([...new Set(waveIds)].map((id) => keys.wave.item(id)));
  return new Map(found.map((item) => [String(item.id), readWave(item)]));
}

/** Every wave, latest voting day first (the `byKind` index; a regency holds a few a year). */
export async function queryWaves(): Promise<WaveRecord[]> {
  const index = indexes.byKind;
  const { items } = await queryAll<Record<string, unknown>>({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :kind',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':kind': keys.wave.kind },
    ScanIndexForward: false,
  });
  return items.map(readWave);
}

/** Stores a wave's new state only if nobody changed it since it was read; answers whether that held. */
export function replaceWave(before: WaveRecord, next: WaveRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.wave.item(next.id), ...keys.wave.listing(next.votingDay, next.id), ...next },
        ConditionExpression:
          'attribute_exists(PK) AND createdAt = :createdAt AND (attribute_not_exists(updatedAt) OR updatedAt = :updatedAt)',
        ExpressionAttributeValues: { ':createdAt': before.createdAt, ':updatedAt': before.updatedAt ?? '' },
      }),
    ),
  );
}

/** Removes a wave, only as it was read. */
export function deleteWaveRecord(before: WaveRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new DeleteCommand({
        TableName,
        Key: keys.wave.item(before.id),
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(updatedAt) OR updatedAt = :updatedAt)',
        ExpressionAttributeValues: { ':updatedAt': before.updatedAt ?? '' },
      }),
    ),
  );
}

/** The guards of these desa, where there are any (one BatchGetItem per 100). */
export async function getVillageGuards(codes: readonly string[]): Promise<Map<string, WaveDesaRecord>> {
  const found = await batchGet(codes.map((code) => keys.waveVillage.item(code)));
  return new Map(found.map((item) => [String(item.SK), readRecord(WaveDesaRecord, item, 'wave guard')]));
}

/**
 * Claims a desa for a wave: only if no wave holds it, this wave already does, or the holder seen
 * is the one given (a wave found finished or abandoned). Answers whether it was claimed.
 */
export function claimVillage(code: string, waveId: string, at: string, freeHolder?: string): Promise<boolean> {
  return conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.waveVillage.item(code), waveId, claimedAt: at },
        ConditionExpression: `attribute_not_exists(PK) OR waveId = :self${freeHolder ? ' OR waveId = :free' : ''}`,
        ExpressionAttributeValues: { ':self': waveId, ...(freeHolder ? { ':free': freeHolder } : {}) },
      }),
    ),
  );
}

/** Lets a desa go, if this wave still holds it. */
export async function releaseVillage(code: string, waveId: string): Promise<void> {
  await conditionally(
    db.send(
      new DeleteCommand({
        TableName,
        Key: keys.waveVillage.item(code),
        ConditionExpression: 'waveId = :self',
        ExpressionAttributeValues: { ':self': waveId },
      }),
    ),
  );
}

/** Everything in a wave's partition: the wave, its problems, its snapshots (usually one page). */
export async function queryWavePartition(waveId: string): Promise<{
  wave: WaveRecord | undefined;
  problems: ProblemRecord[];
  snapshots: SnapshotRecord[];
  pages: number;
}> {
  const { items, pages } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.wave.partition(waveId) },
    ConsistentRead: true,
  });
  const bySort = (prefix: string) => items.filter((item) => String(item.SK).startsWith(prefix));
  const wave = items.find((item) => item.SK === keys.wave.item(waveId).SK);
  return {
    wave: wave ? readWave(wave) : undefined,
    problems: bySort(keys.wave.problemPrefix).map(readProblem),
    snapshots: bySort(keys.wave.snapshotPrefix).map((item) => readRecord(SnapshotRecord, item, 'snapshot')),
    pages,
  };
}

/** Stores a new problem and its audit entry together. */
export async function insertProblem(problem: ProblemRecord, audit: AuditRecord): Promise<void> {
  await batchWrite([put({ ...keys.wave.problem(problem.waveId, problem.id), ...problem }), put(auditItem(audit))]);
}

/** One problem, strongly consistent. */
export async function getProblem(waveId: string, problemId: string): Promise<ProblemRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.wave.problem(waveId, problemId), ConsistentRead: true }),
  );
  return result.Item ? readProblem(result.Item) : undefined;
}

/** Stores a problem's new state only if it is still as read (status and last change). */
export function replaceProblem(before: ProblemRecord, next: ProblemRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.wave.problem(next.waveId, next.id), ...next },
        ConditionExpression:
          'attribute_exists(PK) AND #status = :status AND (attribute_not_exists(updatedAt) OR updatedAt = :updatedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': before.status, ':updatedAt': before.updatedAt ?? '' },
      }),
    ),
  );
}

/** The problems of a wave (one Query on its partition's `PROB#` range). */
export async function queryProblems(waveId: string): Promise<ProblemRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.wave.partition(waveId), ':prefix': keys.wave.problemPrefix },
    ScanIndexForward: false,
  });
  return items.map(readProblem);
}

/** Stores the totals of a day (a second snapshot of the same day replaces the first). */
export async function putSnapshot(waveId: string, snapshot: SnapshotRecord): Promise<void> {
  await db.send(new PutCommand({ TableName, Item: { ...keys.wave.snapshot(waveId, snapshot.date), ...snapshot } }));
}

/** The snapshots of a wave, oldest first. */
export async function querySnapshots(waveId: string): Promise<SnapshotRecord[]> {
  const result = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.wave.partition(waveId), ':prefix': keys.wave.snapshotPrefix },
  });
  return result.items.map((item) => readRecord(SnapshotRecord, item, 'snapshot'));
}
