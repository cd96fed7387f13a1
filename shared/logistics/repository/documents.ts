/** Documents attached to a shipment (`SHIPMENT#<id>`, `DOC#<id>`): pending until verified. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, writeAudit } from '#shared/kernel/table/audit.ts';
import { queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { DocumentRecord } from '../records.ts';

const read = (item: Record<string, unknown>) => readRecord(DocumentRecord, item, 'document');

/** Documents attached to a shipment. */
export async function queryDocuments(shipmentId: string): Promise<DocumentRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.shipment.partition(shipmentId), ':prefix': keys.document.prefix },
  });
  return items.map(read);
}

/** Records a document the village is about to upload (pending until verified), with its audit entry. */
export async function insertDocument(document: DocumentRecord, audit: AuditRecord): Promise<void> {
  await db.send(
    new PutCommand({
      TableName,
      Item: { ...keys.document.item(document.shipmentId, document.id), ...document },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  await writeAudit(audit);
}

/** One document, strongly consistent. */
export async function getDocument(shipmentId: string, documentId: string): Promise<DocumentRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.document.item(shipmentId, documentId), ConsistentRead: true }),
  );
  return result.Item ? read(result.Item) : undefined;
}

/**
 * Moves a pending document to verified or rejected, once, and writes the audit entry. Answers false
 * when it was no longer pending (settled by a concurrent call).
 */
export async function settleDocument(
  shipmentId: string,
  documentId: string,
  status: 'verified' | 'rejected',
  audit: AuditRecord,
  pinned?: DocumentRecord['pinned'],
): Promise<boolean> {
  const settled = await conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.document.item(shipmentId, documentId),
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
