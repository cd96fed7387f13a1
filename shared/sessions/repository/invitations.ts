/**
 * Invitations: one item per invited unit in the session's partition, and one lookup item per code
 * hash. A code is replaced new-lookup-first, so there is never a moment without a working code.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { InvitationCodeRecord, InvitationRecord, RegistrationRecord } from '../records.ts';

const readInvitation = (item: Record<string, unknown>) => readRecord(InvitationRecord, item, 'invitation');

/** Every invitation of a session (one Query; small items). */
export async function queryInvitations(sessionId: string): Promise<InvitationRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.invitation.prefix },
  });
  return items.map(readInvitation);
}

/** Stores new invitations with their code lookups and the audit entry, many at a time. */
export async function insertInvitations(records: readonly InvitationRecord[], audit: AuditRecord): Promise<void> {
  await batchWrite([
    ...records.flatMap((record) => [
      put({ ...keys.invitation.item(record.sessionId, record.id), ...record }),
      put({ ...keys.invitationCode.item(record.codeHash), sessionId: record.sessionId, invitationId: record.id }),
    ]),
    put(auditItem(audit)),
  ]);
}

/** The invitation a code hash opens (its lookup, then the invitation). */
export async function invitationForHash(hash: string): Promise<InvitationRecord | undefined> {
  const lookup = await db.send(new GetCommand({ TableName, Key: keys.invitationCode.item(hash) }));
  if (!lookup.Item) return undefined;
  const { sessionId, invitationId } = readRecord(InvitationCodeRecord, lookup.Item, 'invitation code');
  return getInvitation(sessionId, invitationId);
}

/** One invitation. */
export async function getInvitation(sessionId: string, invitationId: string): Promise<InvitationRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.invitation.item(sessionId, invitationId), ConsistentRead: true }),
  );
  return result.Item ? readInvitation(result.Item) : undefined;
}

/** Notes when an invitation was first opened (once; later opens change nothing). */
export async function markOpened(record: InvitationRecord, at: string): Promise<void> {
  await conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.invitation.item(record.sessionId, record.id),
        UpdateExpression: 'SET openedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(openedAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    ),
  );
}

/**
 * Replaces an invitation's code: the new lookup first, then the invitation (only if its code is
 * still the one read), then the old lookup goes. Answers whether the invitation changed.
 */
export async function replaceInvitationCode(
  record: InvitationRecord,
  next: { codeHash: string; codeSealed: string; at: string },
  audit: AuditRecord,
): Promise<boolean> {
  await batchWrite([
    put({ ...keys.invitationCode.item(next.codeHash), sessionId: record.sessionId, invitationId: record.id }),
  ]);
  const changed = await conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.invitation.item(record.sessionId, record.id),
        UpdateExpression: 'SET codeHash = :new, codeSealed = :sealed, codeReplacedAt = :at',
        ConditionExpression: 'codeHash = :old',
        ExpressionAttributeValues: {
          ':new': next.codeHash,
          ':sealed': next.codeSealed,
          ':at': next.at,
          ':old': record.codeHash,
        },
      }),
    ),
  );
  const gone = changed ? record.codeHash : next.codeHash;
  await db.send(new DeleteCommand({ TableName, Key: keys.invitationCode.item(gone) }));
  if (changed) await batchWrite([put(auditItem(audit))]);
  return changed;
}

/** The registrations holding places whose ids start with these prefixes (one small Query each, in parallel). */
export async function registrationsWithPrefixes(
  sessionId: string,
  idPrefixes: readonly string[],
): Promise<RegistrationRecord[]> {
  const pages = await Promise.all(
    idPrefixes.map((prefix) =>
      queryAll<Record<string, unknown>>({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.session.partition(sessionId),
          ':prefix': `${keys.registration.prefix}${prefix}`,
        },
        ConsistentRead: true,
      }),
    ),
  );
  return pages.flatMap((page) => page.items.map((item) => readRecord(RegistrationRecord, item, 'registration')));
}
