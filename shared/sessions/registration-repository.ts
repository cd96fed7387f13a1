import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put, queryAll, remove } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';
import type { Role } from '#shared/sessions/rules/roles.ts';

/** A registration as stored. It never changes after it is written; check-ins live beside it. */
export interface RegistrationItem {
  id: string;
  sessionId: string;
  role: Role;
  fullName: string;
  villageCode?: string;
  kecamatanCode: string;
  phone?: string;
  createdAt: string;
  createdBy: { sub: string; name: string };
}

/** A check-in as stored: one per registration, written once. */
export interface CheckInItem {
  registrationId: string;
  at: string;
  by: { sub: string; name: string };
}

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, ...rest } = item;
  return rest as T;
}

/**
 * Writes a registration and its audit entry in one BatchWriteItem request. Both are derived from
 * the claim (same key, same content on a retry), so writing them twice is harmless.
 */
export async function writeRegistrations(
  records: RegistrationItem[],
  audits: AuditEntry[],
  concurrency?: number,
): Promise<void> {
  await batchWrite(
    [
      ...records.map((record) => put({ ...keys.registration.item(record.sessionId, record.id), ...record })),
      ...audits.map((audit) => put(auditItem(audit))),
    ],
    concurrency,
  );
}

/** One registration, strongly consistent. */
export async function getRegistration(sessionId: string, id: string): Promise<RegistrationItem | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.registration.item(sessionId, id), ConsistentRead: true }),
  );
  return result.Item ? strip<RegistrationItem>(result.Item) : undefined;
}

/** One check-in, strongly consistent. */
export async function getCheckIn(sessionId: string, id: string): Promise<CheckInItem | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.checkIn.item(sessionId, id), ConsistentRead: true }),
  );
  return result.Item ? strip<CheckInItem>(result.Item) : undefined;
}

/** Records a check-in unless one exists; answers false when the person was already checked in. */
export async function insertCheckIn(sessionId: string, checkIn: CheckInItem): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.checkIn.item(sessionId, checkIn.registrationId), ...checkIn },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Deletes a registration and its check-in. */
export async function deleteRegistration(sessionId: string, id: string): Promise<void> {
  await batchWrite([remove(keys.registration.item(sessionId, id)), remove(keys.checkIn.item(sessionId, id))]);
}

/** A page of registrations in id order. */
export async function queryRegistrations(sessionId: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({
    partition: keys.session.partition(sessionId),
    sortPrefix: keys.registration.prefix,
    limit,
    cursor,
  });
  return { items: page.items.map((item) => strip<RegistrationItem>(item)), nextCursor: page.nextCursor };
}

/** Every check-in of a session. */
export async function queryCheckIns(sessionId: string): Promise<CheckInItem[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.checkIn.prefix },
  });
  return items.map((item) => strip<CheckInItem>(item));
}

/**
 * Registrations and check-ins of a session in one Query: their sort keys (`CHK#…`, `REG#…`) are
 * adjacent, and the session item itself (`SESSION`) sorts after both and is not read.
 */
export async function queryAttendance(
  sessionId: string,
): Promise<{ registrations: RegistrationItem[]; checkIns: CheckInItem[]; pages: number }> {
  const { items, pages } = await queryAll<Record<string, unknown> & { SK: string }>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.session.partition(sessionId),
      ':from': keys.checkIn.prefix,
      ':to': `${keys.registration.prefix}\uffff`,
    },
  });
  const registrations: RegistrationItem[] = [];
  const checkIns: CheckInItem[] = [];
  for (const item of items) {
    if (item.SK.startsWith(keys.registration.prefix)) registrations.push(strip<RegistrationItem>(item));
    else checkIns.push(strip<CheckInItem>(item));
  }
  return { registrations, checkIns, pages };
}
