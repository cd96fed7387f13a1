/**
 * Registrations and the phone guards beside them. Each write is one small conditional write: a
 * registration's id is its place, so "the place is free" is the record's own condition; a phone
 * number is claimed by its guard. A failed condition comes back as a result, never as an error.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';
import { conditionally, isConditionFailure, readRecord } from '#shared/kernel/table/record.ts';
import { PhoneGuardRecord, RegistrationRecord } from '../records.ts';

const readRegistration = (item: Record<string, unknown>) => readRecord(RegistrationRecord, item, 'registration');

/** One registration, strongly consistent. */
export async function getRegistration(sessionId: string, id: string): Promise<RegistrationRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.registration.item(sessionId, id), ConsistentRead: true }),
  );
  return result.Item ? readRegistration(result.Item) : undefined;
}

/**
 * Stores a registration if its place is free. Answers the record that holds the place when it is
 * not (read after the refusal; DynamoDB's ReturnValuesOnConditionCheckFailure would save that read
 * in AWS, but the answer is the same).
 */
export async function insertRegistration(
  record: RegistrationRecord,
): Promise<{ inserted: true } | { inserted: false; holder: RegistrationRecord | undefined }> {
  try {
    await db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.registration.item(record.sessionId, record.id), ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return { inserted: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { inserted: false, holder: await getRegistration(record.sessionId, record.id) };
  }
}

/** Deletes a registration as it was read (same creation time); answers whether it was there. */
export function deleteRegistration(record: RegistrationRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new DeleteCommand({
        TableName,
        Key: keys.registration.item(record.sessionId, record.id),
        ConditionExpression: 'createdAt = :createdAt',
        ExpressionAttributeValues: { ':createdAt': record.createdAt },
      }),
    ),
  );
}

/**
 * Claims a phone number for a registration: written when the number is unused or already this
 * registration's. Answers the guard that holds it otherwise.
 */
export async function claimPhone(
  sessionId: string,
  phone: string,
  registrationId: string,
  at: string,
): Promise<{ claimed: true } | { claimed: false; guard: PhoneGuardRecord | undefined }> {
  const key = keys.phone.item(sessionId, phone);
  try {
    await db.send(
      new PutCommand({
        TableName,
        Item: { ...key, registrationId, claimedAt: at },
        ConditionExpression: 'attribute_not_exists(PK) OR registrationId = :id',
        ExpressionAttributeValues: { ':id': registrationId },
      }),
    );
    return { claimed: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const result = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
    return {
      claimed: false,
      guard: result.Item ? readRecord(PhoneGuardRecord, result.Item, 'phone guard') : undefined,
    };
  }
}

/** Takes a phone guard over from a stale holder, only if it is still exactly as it was read. */
export function takeOverPhone(
  sessionId: string,
  phone: string,
  stale: PhoneGuardRecord,
  registrationId: string,
  at: string,
): Promise<boolean> {
  return conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.phone.item(sessionId, phone), registrationId, claimedAt: at },
        ConditionExpression: 'registrationId = :holder AND claimedAt = :claimedAt',
        ExpressionAttributeValues: { ':holder': stale.registrationId, ':claimedAt': stale.claimedAt },
      }),
    ),
  );
}

/** Frees a phone number, but only while it still points at this registration. */
export async function releasePhone(sessionId: string, phone: string, registrationId: string): Promise<void> {
  await conditionally(
    db.send(
      new DeleteCommand({
        TableName,
        Key: keys.phone.item(sessionId, phone),
        ConditionExpression: 'registrationId = :id',
        ExpressionAttributeValues: { ':id': registrationId },
      }),
    ),
  );
}

/**
 * Sets the check-in time once. Answers the registration as it is now and whether this call checked
 * it in; undefined when there is no such registration.
 */
export async function checkIn(
  sessionId: string,
  id: string,
  at: string,
  by: { sub: string; name: string },
): Promise<{ record: RegistrationRecord; checkedIn: boolean } | undefined> {
  try {
    const result = await db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(sessionId, id),
        UpdateExpression: 'SET checkedInAt = :at, checkedInBy = :by',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(checkedInAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { record: readRegistration(result.Attributes ?? {}), checkedIn: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const record = await getRegistration(sessionId, id);
    return record ? { record, checkedIn: false } : undefined;
  }
}

/** A page of registrations in id order. */
export async function queryRegistrations(sessionId: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({
    partition: keys.session.partition(sessionId),
    sortPrefix: keys.registration.prefix,
    limit,
    cursor,
  });
  return { items: page.items.map(readRegistration), nextCursor: page.nextCursor };
}

/** Every registration of a session, each with its check-in time: one Query, as many pages as it takes. */
export async function queryAllRegistrations(
  sessionId: string,
): Promise<{ registrations: RegistrationRecord[]; pages: number }> {
  const { items, pages } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.registration.prefix },
  });
  return { registrations: items.map(readRegistration), pages };
}

/**
 * The current holders of these places and the guards of these phone numbers (for judging an
 * import against the session as it stands), in BatchGetItem requests of 100 keys.
 */
export async function findHolders(
  sessionId: string,
  registrationIds: readonly string[],
  phones: readonly string[],
): Promise<{ holders: Map<string, RegistrationRecord>; phoneGuards: Map<string, PhoneGuardRecord> }> {
  const found = await batchGet([
    ...registrationIds.map((id) => keys.registration.item(sessionId, id)),
    ...phones.map((phone) => keys.phone.item(sessionId, phone)),
  ]);
  const holders = new Map<string, RegistrationRecord>();
  const phoneGuards = new Map<string, PhoneGuardRecord>();
  for (const item of found) {
    if (item.SK.startsWith(keys.registration.prefix)) {
      const record = readRegistration(item);
      holders.set(record.id, record);
    } else {
      phoneGuards.set(item.SK.slice(keys.phone.prefix.length), readRecord(PhoneGuardRecord, item, 'phone guard'));
    }
  }
  return { holders, phoneGuards };
}

/** Attaches (or replaces) a registration's SK, unless it was changed or removed meanwhile. */
export function setRegistrationSk(
  before: RegistrationRecord,
  sk: NonNullable<RegistrationRecord['sk']>,
  at: string,
): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(before.sessionId, before.id),
        UpdateExpression: 'SET sk = :sk, updatedAt = :at',
        ConditionExpression: 'fingerprint = :before',
        ExpressionAttributeValues: { ':sk': sk, ':at': at, ':before': before.fingerprint },
      }),
    ),
  );
}

/**
 * Changes the person in a place (name, phone) while the place stays the same, only if the record is
 * still as it was read (same fingerprint); the check-in, if any, is kept. Answers whether it was.
 */
export function correctInPlace(
  before: RegistrationRecord,
  next: Pick<RegistrationRecord, 'fullName' | 'phone' | 'sk' | 'fingerprint' | 'updatedAt' | 'updatedBy'>,
): Promise<boolean> {
  const sets = ['fullName = :name', 'fingerprint = :fingerprint', 'updatedAt = :at', 'updatedBy = :by'];
  const values: Record<string, unknown> = {
    ':name': next.fullName,
    ':fingerprint': next.fingerprint,
    ':at': next.updatedAt,
    ':by': next.updatedBy,
    ':before': before.fingerprint,
  };
  const removes: string[] = [];
  if (next.phone) {
    sets.push('phone = :phone');
    values[':phone'] = next.phone;
  } else removes.push('phone');
  // A wrong SK taken off.
  if (before.sk && !next.sk) removes.push('sk');
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(before.sessionId, before.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'fingerprint = :before',
        ExpressionAttributeValues: values,
      }),
    ),
  );
}

/** Clears a check-in; answers the registration as it was, or undefined when it was not checked in. */
export async function undoCheckIn(sessionId: string, id: string): Promise<RegistrationRecord | undefined> {
  try {
    const result = await db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(sessionId, id),
        UpdateExpression: 'REMOVE checkedInAt, checkedInBy',
        ConditionExpression: 'attribute_exists(checkedInAt)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    return readRegistration(result.Attributes ?? {});
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The guard of a phone number, if it is in use. */
export async function getPhoneGuard(sessionId: string, phone: string): Promise<PhoneGuardRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.phone.item(sessionId, phone), ConsistentRead: true }),
  );
  return result.Item ? readRecord(PhoneGuardRecord, result.Item, 'phone guard') : undefined;
}

/** The counter of a counted role's places in one unit: how many it holds, and when it last changed. */
export interface RoleSeats {
  held: number;
  changedAt?: string;
}

/** Takes `count` places of a counted role in a unit while it then holds at most `max`; answers whether it did. */
export function takeRoleSeat(
  sessionId: string,
  roleCode: string,
  unitCode: string | undefined,
  max: number,
  at: string,
  count = 1,
): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.roleSeats.item(sessionId, roleCode, unitCode),
        UpdateExpression: 'ADD held :count SET changedAt = :at',
        ConditionExpression: 'attribute_not_exists(held) OR held <= :most',
        ExpressionAttributeValues: { ':count': count, ':most': max - count, ':at': at },
      }),
    ),
  );
}

/** Gives places of a counted role back (one unless said). */
export async function giveRoleSeat(
  sessionId: string,
  roleCode: string,
  unitCode: string | undefined,
  at: string,
  count = 1,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.roleSeats.item(sessionId, roleCode, unitCode),
      UpdateExpression: 'ADD held :less SET changedAt = :at',
      ExpressionAttributeValues: { ':less': -count, ':at': at },
    }),
  );
}

/** The counter as it stands, strongly consistent. */
export async function getRoleSeats(
  sessionId: string,
  roleCode: string,
  unitCode: string | undefined,
): Promise<RoleSeats> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.roleSeats.item(sessionId, roleCode, unitCode), ConsistentRead: true }),
  );
  return {
    held: Number(result.Item?.held ?? 0),
    ...(result.Item?.changedAt ? { changedAt: String(result.Item.changedAt) } : {}),
  };
}

/** Sets the counter to what the records say, only while it is still exactly as it was read. */
export function correctRoleSeats(
  sessionId: string,
  roleCode: string,
  unitCode: string | undefined,
  seen: RoleSeats,
  held: number,
): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.roleSeats.item(sessionId, roleCode, unitCode),
        UpdateExpression: 'SET held = :held',
        ConditionExpression: 'held = :seen AND changedAt = :changedAt',
        ExpressionAttributeValues: { ':held': held, ':seen': seen.held, ':changedAt': seen.changedAt ?? '' },
      }),
    ),
  );
}

/** How many registrations of a session have ids starting with `idPrefix` (a Query that returns only a count). */
export async function countPlaces(sessionId: string, idPrefix: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.session.partition(sessionId),
          ':prefix': `${keys.registration.prefix}${idPrefix}`,
        },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    total += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return total;
}

/**
 * Sets the check-in time to `at` unless an earlier one is kept (scans sent later from an offline
 * phone, or by two phones, keep the earliest). Answers the registration as it is now and whether
 * it was not checked in before; undefined when there is no such registration.
 */
export async function checkInAtEarliest(
  sessionId: string,
  id: string,
  at: string,
  by: { sub: string; name: string },
): Promise<{ record: RegistrationRecord; checkedIn: boolean } | undefined> {
  try {
    const result = await db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(sessionId, id),
        UpdateExpression: 'SET checkedInAt = :at, checkedInBy = :by',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(checkedInAt) OR checkedInAt > :at)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = readRegistration(result.Attributes ?? {});
    return { record: { ...before, checkedInAt: at, checkedInBy: by }, checkedIn: before.checkedInAt === undefined };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const record = await getRegistration(sessionId, id);
    return record ? { record, checkedIn: false } : undefined;
  }
}
