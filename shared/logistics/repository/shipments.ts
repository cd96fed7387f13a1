/**
 * Shipments (`SHIPMENT#<id>`), the lookup from a receipt code's hash to its shipment, the
 * village's receipt on the shipment item, and the yearly BAST number sequence.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, auditItem } from '#shared/kernel/table/audit.ts';
import { batchGet, batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, type Key, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { ReceiptCodeRecord, type ReceiptRecord, ShipmentListing, ShipmentRecord } from '../records.ts';

const read = (item: Record<string, unknown>) => readRecord(ShipmentRecord, item, 'shipment');
const readListing = (item: Record<string, unknown>) => readRecord(ShipmentListing, item, 'shipment listing');

/**
 * Writes a new shipment, the lookup from its receipt-code hash, and the audit entry in one
 * BatchWriteItem. The shipment id is fresh and the hash is of 128 random bits, so nothing can
 * collide; a retry writes the same items again.
 */
export async function insertShipment(shipment: ShipmentRecord, audit: AuditRecord): Promise<void> {
  await batchWrite([
    put({
      ...keys.shipment.item(shipment.id),
      ...keys.shipment.listing(shipment.createdAt, shipment.id, shipment.villageCode),
      ...shipment,
    }),
    put({ ...keys.receiptCode.item(shipment.receiptHash), shipmentId: shipment.id }),
    put(auditItem(audit)),
  ]);
}

/** One shipment, strongly consistent. */
export async function getShipmentRecord(shipmentId: string): Promise<ShipmentRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.shipment.item(shipmentId), ConsistentRead: true }),
  );
  return result.Item ? read(result.Item) : undefined;
}

/** Which of these shipments exist (one BatchGetItem per 100 ids). */
export async function existingShipmentIds(ids: readonly string[]): Promise<Set<string>> {
  const found = await batchGet(
    ids.map((id) => keys.shipment.item(id)),
    'PK, SK, id',
  );
  return new Set(found.map((item) => String(item.id)));
}

/**
 * The shipment a receipt-code hash opens (if any), read in the same BatchGetItem as another item
 * the caller needs anyway (the caller's failure counter), so a receipt lookup costs one request.
 */
export async function shipmentIdForCode(
  hash: string,
  alongside: Key,
): Promise<{ shipmentId: string | undefined; other: Record<string, unknown> | undefined }> {
  const lookup = keys.receiptCode.item(hash);
  const found = await batchGet([lookup, alongside]);
  const match = (key: Key) => found.find((item) => item.PK === key.PK && item.SK === key.SK);
  const item = match(lookup);
  return {
    shipmentId: item ? readRecord(ReceiptCodeRecord, item, 'receipt code lookup').shipmentId : undefined,
    other: match(alongside),
  };
}

/** Replaces a shipment's receipt code: new lookup first, then the shipment, then the old lookup goes. */
export async function replaceReceiptCode(
  shipment: ShipmentRecord,
  newHash: string,
  newSealed: string,
  audit: AuditRecord,
): Promise<void> {
  await batchWrite([put({ ...keys.receiptCode.item(newHash), shipmentId: shipment.id }), put(auditItem(audit))]);
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.shipment.item(shipment.id),
      UpdateExpression: 'SET receiptHash = :new, receiptCodeSealed = :sealed',
      ConditionExpression: 'receiptHash = :old',
      ExpressionAttributeValues: { ':new': newHash, ':sealed': newSealed, ':old': shipment.receiptHash },
    }),
  );
  await db.send(new DeleteCommand({ TableName, Key: keys.receiptCode.item(shipment.receiptHash) }));
}

/**
 * Stores the first confirmation of a shipment. The condition makes a second confirmation (or two
 * at once) fail: exactly one is recorded. Answers false when a confirmation already exists.
 */
export function insertReceipt(shipmentId: string, receipt: ReceiptRecord): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.shipment.item(shipmentId),
        UpdateExpression: 'SET receipt = :receipt, #status = :confirmed',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(receipt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':receipt': receipt, ':confirmed': 'confirmed' },
      }),
    ),
  );
}

/** Replaces a confirmation with a correction, appending the old one to the history (optimistic). */
export function correctReceiptRecord(
  shipmentId: string,
  previous: ReceiptRecord,
  next: ReceiptRecord,
): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.shipment.item(shipmentId),
        UpdateExpression:
          'SET receipt = :next, receiptHistory = list_append(if_not_exists(receiptHistory, :empty), :previous)',
        ConditionExpression: 'receipt.version = :version',
        ExpressionAttributeValues: {
          ':next': next,
          ':previous': [previous],
          ':empty': [],
          ':version': previous.version,
        },
      }),
    ),
  );
}

/** Shipments of one desa, newest first (the `byVillage` index). */
export async function queryVillageShipments(villageCode: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({
    index: indexes.byVillage,
    partition: keys.shipment.villagePartition(villageCode),
    sortPrefix: keys.shipment.villageSortPrefix,
    newestFirst: true,
    limit,
    cursor,
  });
  return { items: page.items.map(readListing), nextCursor: page.nextCursor };
}

/** All shipments, newest first (the `byKind` index, which holds what lists need). */
export async function queryShipments(limit: number, cursor: string | undefined) {
  const page = await queryPage({
    index: indexes.byKind,
    partition: keys.shipment.kind,
    newestFirst: true,
    limit,
    cursor,
  });
  return { items: page.items.map(readListing), nextCursor: page.nextCursor };
}

/** Every shipment (for the summary): the `byKind` index to its end. */
export async function queryAllShipments(): Promise<ShipmentListing[]> {
  const index = indexes.byKind;
  const { items } = await queryAll<Record<string, unknown>>({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :kind',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':kind': keys.shipment.kind },
  });
  return items.map(readListing);
}

/** The next BAST number of a year: an atomic counter. */
export async function nextBastSequence(year: string): Promise<number> {
  const result = await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.counter.bast(year),
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.value);
}
