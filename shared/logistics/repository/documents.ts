/**
 * Documents attached to a shipment (`SHIPMENT#<id>`, `DOC#<id>`): pending until verified. They are
 * written and settled by the kernel's upload path (kernel/uploads/repository.ts).
 */
import { queryAll } from '#shared/kernel/table/batch.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { readRecord } from '#shared/kernel/table/record.ts';
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
