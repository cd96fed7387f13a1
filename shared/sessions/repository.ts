import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';

/** A claim on a place in a session's ledger: who (fingerprint) and when. */
export interface SeatClaim {
  /** Fingerprint of the person (name and phone) holding the place. */
  f: string;
  /** When the place was claimed (ISO time); also the registration's createdAt. */
  t: string;
}

/**
 * A session as stored: its details, the desa and kecamatan expected, and the ledger that makes
 * registration rules atomic (`regs`: every place taken; `phones`: every phone number used).
 */
export interface SessionItem {
  id: string;
  title: string;
  date: string;
  venue: string;
  capacity?: number;
  /** The capacity, or MAX_SESSION_CAPACITY when none is set: what the claim condition compares. */
  seatLimit: number;
  /** Bumped by every change to the ledger, so a bulk import can claim many places at once safely. */
  ver: number;
  createdAt: string;
  createdBy: { sub: string; name: string };
  /** desa code → kecamatan code */
  villages: Record<string, string>;
  /** kecamatan code → 1 */
  kecamatan: Record<string, 1>;
  regs: Record<string, SeatClaim>;
  phones: Record<string, string>;
}

/** Stores a new session and its audit entry. */
export async function insertSession(session: SessionItem, audit: AuditEntry): Promise<void> {
  await db.send(
    new PutCommand({
      TableName,
      Item: {
        ...keys.session.item(session.id),
        kindPK: keys.session.kind,
        kindSK: keys.session.kindSort(session.date, session.id),
        ...session,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  await batchWrite([put(auditItem(audit))]);
}

/** One session with its ledger (strongly consistent: registration rules are judged on it). */
export async function getSessionItem(sessionId: string): Promise<SessionItem | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.session.item(sessionId), ConsistentRead: true }));
  return result.Item as SessionItem | undefined;
}

/** A session without its ledger maps: what the recap needs to know about expected units. */
export async function getSessionPlan(
  sessionId: string,
): Promise<Pick<SessionItem, 'id' | 'villages' | 'kecamatan' | 'title' | 'date' | 'venue' | 'capacity'> | undefined> {
  const result = await db.send(
    new GetCommand({
      TableName,
      Key: keys.session.item(sessionId),
      ProjectionExpression: 'id, villages, kecamatan, title, #date, venue, #capacity',
      ExpressionAttributeNames: { '#date': 'date', '#capacity': 'capacity' },
    }),
  );
  return result.Item as SessionItem | undefined;
}

export interface SessionListing {
  id: string;
  title: string;
  date: string;
  venue: string;
  capacity?: number;
  createdAt: string;
}

/** Sessions newest date first, from the `byKind` index (which never holds the ledgers). */
export async function querySessions(limit: number, cursor: string | undefined) {
  const page = await queryPage({
    index: indexes.byKind,
    partition: keys.session.kind,
    newestFirst: true,
    limit,
    cursor,
  });
  return { items: page.items as unknown as SessionListing[], nextCursor: page.nextCursor };
}

export interface ClaimRequest {
  sessionId: string;
  registrationId: string;
  /** `villages` for committee roles, `kecamatan` for the Kasi. */
  unitMap: 'villages' | 'kecamatan';
  unitCode: string;
  claim: SeatClaim;
  phone?: string;
}

export interface ClaimResult {
  /** The claim already held by this same person (a retried or repeated request), if any. */
  previous?: SeatClaim;
  /** The unit map's value for the unit: the desa's kecamatan code. */
  unitValue: string | number;
}

/**
 * Claims a place in one conditional update of the session item, so every rule holds at once even
 * under concurrent requests: the session exists, the unit is expected, the place is free (or held
 * by this same person), the phone is unused (or used by this place), and a seat is left.
 * Throws ConditionalCheckFailedException when any rule fails; the caller finds out which.
 */
export async function claimSeat(request: ClaimRequest): Promise<ClaimResult> {
  const names: Record<string, string> = {
    '#regs': 'regs',
    '#id': request.registrationId,
    '#lim': 'seatLimit',
    '#ver': 'ver',
    '#units': request.unitMap,
    '#unit': request.unitCode,
  };
  const values: Record<string, unknown> = { ':claim': request.claim, ':f': request.claim.f, ':one': 1 };
  // Re-setting the unit to itself echoes the desa's kecamatan back in the reply: no second read.
  const sets = ['#regs.#id = if_not_exists(#regs.#id, :claim)', '#units.#unit = #units.#unit', '#ver = #ver + :one'];
  // Kept short on purpose: a missing session has no unit either, and the seat limit is stored.
  const conditions = [
    'attribute_exists(#units.#unit)',
    '(attribute_not_exists(#regs.#id) OR #regs.#id.f = :f)',
    '(attribute_exists(#regs.#id) OR size(#regs) < #lim)',
  ];
  if (request.phone) {
    names['#phones'] = 'phones';
    names['#phone'] = request.phone;
    values[':id'] = request.registrationId;
    sets.push('#phones.#phone = :id');
    conditions.push('(attribute_not_exists(#phones.#phone) OR #phones.#phone = :id)');
  }
  const result = await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.session.item(request.sessionId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  const old = result.Attributes ?? {};
  return {
    previous: (old.regs as Record<string, SeatClaim> | undefined)?.[request.registrationId],
    unitValue: (old[request.unitMap] as Record<string, string | number>)[request.unitCode] ?? '',
  };
}

/**
 * Frees a place and its phone number, but only if the claim is still the one given: a place
 * re-taken meanwhile by someone else is never freed by mistake.
 */
export async function releaseSeat(
  sessionId: string,
  registrationId: string,
  claim: SeatClaim,
  phone: string | undefined,
): Promise<void> {
  const names: Record<string, string> = { '#regs': 'regs', '#id': registrationId, '#ver': 'ver' };
  const removes = ['#regs.#id'];
  const values: Record<string, unknown> = { ':t': claim.t, ':f': claim.f, ':one': 1 };
  let condition = '#regs.#id.t = :t AND #regs.#id.f = :f';
  if (phone) {
    names['#phones'] = 'phones';
    names['#phone'] = phone;
    values[':id'] = registrationId;
    removes.push('#phones.#phone');
    condition += ' AND (attribute_not_exists(#phones.#phone) OR #phones.#phone = :id)';
  }
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.session.item(sessionId),
      UpdateExpression: `REMOVE ${removes.join(', ')} SET #ver = #ver + :one`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
