/**
 * Sessions: the session item, its expected desa and kecamatan (one small item each, beside it),
 * and its running totals. The only code that talks to DynamoDB about sessions.
 */

import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { type AuditRecord, auditItem } from '#shared/kernel/table/audit.ts';
import { batchGet, batchWrite, put, queryAll, remove } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, type Key, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import {
  ExpectedUnitRecord,
  PhoneGuardRecord,
  RegistrationRecord,
  SessionRecord,
  SessionTotalsRecord,
} from '../records.ts';

const readSession = (item: Record<string, unknown>) => readRecord(SessionRecord, item, 'session');

/** A session as the `byKind` index lists it. */
const SessionListing = z.omit(SessionRecord, { createdBy: true });

/**
 * Stores a new session, its expected units and its audit entry. The session goes first with a
 * condition (ids are fresh ULIDs, so it never fails in practice); the units follow in batches.
 */
export async function insertSession(
  session: SessionRecord,
  units: readonly ExpectedUnitRecord[],
  audit: AuditRecord,
): Promise<void> {
  await db.send(
    new PutCommand({
      TableName,
      Item: { ...keys.session.item(session.id), ...keys.session.listing(session.date, session.id), ...session },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  await batchWrite(
    [
      ...units.map((unit) => put({ ...keys.session.unit(session.id, unit.kind, unit.code), ...unit })),
      put(auditItem(audit)),
    ],
    8,
  );
}

/** One session, strongly consistent. */
export async function getSession(sessionId: string): Promise<SessionRecord | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.session.item(sessionId), ConsistentRead: true }));
  return result.Item ? readSession(result.Item) : undefined;
}

/** The session and its totals in one request. */
export async function getSessionWithTotals(
  sessionId: string,
): Promise<{ session: SessionRecord | undefined; totals: SessionTotalsRecord }> {
  const sessionKey = keys.session.item(sessionId);
  const found = await batchGet([sessionKey, keys.session.totals(sessionId)]);
  const session = found.find((item) => item.SK === sessionKey.SK);
  const totals = found.find((item) => item.SK !== sessionKey.SK);
  return {
    session: session ? readSession(session) : undefined,
    totals: totals ? readRecord(SessionTotalsRecord, totals, 'session totals') : {},
  };
}

/** What a registration is judged against, read in one request. */
export interface RegistrationContext {
  session: SessionRecord | undefined;
  unit: ExpectedUnitRecord | undefined;
  /** Whoever holds the place now, if anyone. */
  holder: RegistrationRecord | undefined;
  /** The guard of the phone number, if it is in use. */
  phoneGuard: PhoneGuardRecord | undefined;
}

/** The session, the expected unit, the place's current holder and the phone's guard: one BatchGetItem. */
export async function getRegistrationContext(
  sessionId: string,
  unit: { kind: 'village' | 'kecamatan'; code: string } | undefined,
  registrationId: string,
  phone: string | undefined,
): Promise<RegistrationContext> {
  const wanted: Record<string, Key> = {
    session: keys.session.item(sessionId),
    ...(unit ? { unit: keys.session.unit(sessionId, unit.kind, unit.code) } : {}),
    holder: keys.registration.item(sessionId, registrationId),
    ...(phone ? { phoneGuard: keys.phone.item(sessionId, phone) } : {}),
  };
  const found = await batchGet(Object.values(wanted));
  const pick = (name: string) => found.find((item) => item.SK === wanted[name]?.SK);
  const session = pick('session');
  const unitItem = pick('unit');
  const holder = pick('holder');
  const guard = pick('phoneGuard');
  return {
    session: session ? readSession(session) : undefined,
    unit: unitItem ? readRecord(ExpectedUnitRecord, unitItem, 'expected unit') : undefined,
    holder: holder ? readRecord(RegistrationRecord, holder, 'registration') : undefined,
    phoneGuard: guard ? readRecord(PhoneGuardRecord, guard, 'phone guard') : undefined,
  };
}

/** Every expected desa and kecamatan of a session (one Query; small items). */
export async function queryUnits(sessionId: string): Promise<ExpectedUnitRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.session.unitPrefix },
  });
  return items.map((item) => readRecord(ExpectedUnitRecord, item, 'expected unit'));
}

/** Sessions newest date first, from the `byKind` index. */
export async function querySessions(limit: number, cursor: string | undefined) {
  const page = await queryPage({
    index: indexes.byKind,
    partition: keys.session.kind,
    newestFirst: true,
    limit,
    cursor,
    itemPrefixes: { PK: keys.session.partition(''), SK: keys.session.item('').SK },
  });
  return {
    items: page.items.map((item) => readRecord(SessionListing, item, 'session listing')),
    nextCursor: page.nextCursor,
  };
}

/**
 * The sessions of a wave: the `byKind` listing of sessions, filtered by wave (a regency holds tens
 * of sessions, a few hundred bytes each: one page).
 */
export async function querySessionsOfWave(waveId: string) {
  const index = indexes.byKind;
  const { items, pages } = await queryAll<Record<string, unknown>>({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :kind',
    FilterExpression: 'waveId = :wave',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':kind': keys.session.kind, ':wave': waveId },
  });
  return { sessions: items.map((item) => readRecord(SessionListing, item, 'session listing')), pages };
}

/**
 * Adds to the registered count. With a limit, only while the count stays within it (the capacity
 * rule, atomic); answers whether it was added.
 */
export function addRegistered(sessionId: string, delta: number, limit?: number): Promise<boolean> {
  const bounded = limit !== undefined && delta > 0;
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.session.totals(sessionId),
        UpdateExpression: 'ADD registered :delta',
        ConditionExpression: bounded ? 'attribute_not_exists(registered) OR registered <= :most' : undefined,
        ExpressionAttributeValues: { ':delta': delta, ...(bounded ? { ':most': limit - delta } : {}) },
      }),
    ),
  );
}

/** Adds to the present count. */
export async function addPresent(sessionId: string, delta: number): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.session.totals(sessionId),
      UpdateExpression: 'ADD present :delta',
      ExpressionAttributeValues: { ':delta': delta },
    }),
  );
}

/** How many registrations and check-ins the session's records hold (a Query that returns only counts). */
export async function countRegistrations(sessionId: string): Promise<{ registered: number; present: number }> {
  const count = async (filter?: string) => {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const result = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          FilterExpression: filter,
          ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.registration.prefix },
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      total += result.Count ?? 0;
      start = result.LastEvaluatedKey;
    } while (start);
    return total;
  };
  const [registered, present] = await Promise.all([count(), count('attribute_exists(checkedInAt)')]);
  return { registered, present };
}

/** The running totals, strongly consistent. */
export async function getTotals(sessionId: string): Promise<SessionTotalsRecord> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.session.totals(sessionId), ConsistentRead: true }),
  );
  return readRecord(SessionTotalsRecord, result.Item ?? {}, 'session totals');
}

/**
 * Notes a disagreement between the totals and a count, or corrects the totals to the count; either
 * only while the totals are still what was read (any registration in between makes it a no-op).
 */
export function writeTotalsDecision(
  sessionId: string,
  seen: { registered: number; present: number },
  decision:
    | { observe: NonNullable<SessionTotalsRecord['observed']> }
    | { correct: { registered: number; present: number } },
): Promise<boolean> {
  const unchanged =
    '(attribute_not_exists(registered) OR registered = :seenRegistered) AND (attribute_not_exists(present) OR present = :seenPresent)';
  const seenValues = { ':seenRegistered': seen.registered, ':seenPresent': seen.present };
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.session.totals(sessionId),
        ...('observe' in decision
          ? {
              UpdateExpression: 'SET observed = :observed',
              ExpressionAttributeValues: { ':observed': decision.observe, ...seenValues },
            }
          : {
              UpdateExpression: 'SET registered = :registered, present = :present REMOVE observed',
              ExpressionAttributeValues: {
                ':registered': decision.correct.registered,
                ':present': decision.correct.present,
                ...seenValues,
              },
            }),
        ConditionExpression: unchanged,
      }),
    ),
  );
}

/** Stores a session's key if it has none yet; answers whether this call stored it. */
export function setSessionKey(sessionId: string, sealedKey: string): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.session.item(sessionId),
        UpdateExpression: 'SET sealedKey = :key',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sealedKey)',
        ExpressionAttributeValues: { ':key': sealedKey },
      }),
    ),
  );
}

/**
 * Stores a session's new details (and its new listing keys when the date moved), only if nobody
 * changed it since it was read; answers whether that held.
 */
export function replaceSession(before: SessionRecord, next: SessionRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.session.item(next.id), ...keys.session.listing(next.date, next.id), ...next },
        // A key stored meanwhile (first pass of an older session) is never dropped by this rewrite.
        ConditionExpression:
          'attribute_exists(PK) AND createdAt = :createdAt AND (attribute_not_exists(updatedAt) OR updatedAt = :updatedAt) AND (attribute_not_exists(sealedKey) OR sealedKey = :key)',
        ExpressionAttributeValues: {
          ':createdAt': before.createdAt,
          ':updatedAt': before.updatedAt ?? '',
          ':key': before.sealedKey ?? '',
        },
      }),
    ),
  );
}

/** Adds and removes expected units of a session. */
export async function changeUnits(
  sessionId: string,
  added: readonly ExpectedUnitRecord[],
  removed: readonly ExpectedUnitRecord[],
): Promise<void> {
  await batchWrite(
    [
      ...added.map((unit) => put({ ...keys.session.unit(sessionId, unit.kind, unit.code), ...unit })),
      ...removed.map((unit) => remove(keys.session.unit(sessionId, unit.kind, unit.code))),
    ],
    8,
  );
}
