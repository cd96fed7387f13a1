/**
 * Documents in the table, wherever they are kept (a shipment's `DOC#` items, a session's): each
 * written once as pending with its audit entry, then settled once, verified or rejected.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { $ZodType } from 'zod/v4/core';
import { type AuditRecord, writeAudit } from '../table/audit.ts';
import { db, TableName } from '../table/client.ts';
import type { Key } from '../table/keys.ts';
import { conditionally, readRecord } from '../table/record.ts';
import type { UploadRecord } from './contract.ts';

/** Records a document about to be uploaded (pending until verified), with its audit entry. */
export async function insertUpload(key: Key, document: UploadRecord, audit: AuditRecord): Promise<void> {
  await db.send(
    new PutCommand({ TableName, Item: { ...key, ...document }, ConditionExpression: 'attribute_not_exists(PK)' }),
  );
  await writeAudit(audit);
}

/** One document, strongly consistent, read as its holder's record. */
export async function getUpload<S extends $ZodType>(key: Key, schema: S) {
  const result = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
  return result.Item ? readRecord(schema, result.Item, 'document') : undefined;
}

/**
 * Moves a pending document to verified or rejected, once, and writes the audit entry. Answers false
 * when it was no longer pending (settled by a concurrent call).
 */
export async function settleUpload(
  key: Key,
  status: 'verified' | 'rejected',
  audit: AuditRecord,
  pinned?: UploadRecord['pinned'],
): Promise<boolean> {
  const settled = await conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: key,
        UpdateExpression: `SET #status = :status, settledAt = :at${pinned ? ', pinned = :pinned' : ''}`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':pending': 'pending',
          ':at': audit.at,
          ...(pinned ? { ':pinned': pinned } : {}),
        },
      }),
    ),
  );
  if (settled) await writeAudit(audit);
  return settled;
}
