/** The catalogue's items (`ITEM` partition): one Query lists them, one put creates or renames one. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, writeAudit } from '#shared/kernel/table/audit.ts';
import { queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { readRecord } from '#shared/kernel/table/record.ts';
import { ItemRecord } from '../records.ts';

/** The whole catalogue: one Query. */
export async function queryItems(): Promise<ItemRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.item.partition },
  });
  return items.map((item) => readRecord(ItemRecord, item, 'catalogue item'));
}

/** Creates or renames an item; answers what it was before (for the audit trail). */
export async function upsertItem(
  item: ItemRecord,
  audit: (before: ItemRecord | undefined) => AuditRecord,
): Promise<ItemRecord | undefined> {
  const result = await db.send(
    new PutCommand({ TableName, Item: { ...keys.item.item(item.code), ...item }, ReturnValues: 'ALL_OLD' }),
  );
  const before = result.Attributes ? readRecord(ItemRecord, result.Attributes, 'catalogue item') : undefined;
  await writeAudit(audit(before));
  return before;
}
