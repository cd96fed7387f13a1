/**
 * Shipments (`SHIPMENT#<id>`), the lookup from a receipt code's hash to its shipment, the
 * village's receipt on the shipment item, and the yearly BAST number sequence.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { type AuditRecord, auditItem } from '#shared/kernel/table/audit.ts';
import { batchGet, batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
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

/** The shipment a receipt-code hash opens, if any. */
export async function shipmentIdForCode(hash: string): Promise<string | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.receiptCode.item(hash) }));
  return result.Item ? readRecord(ReceiptCodeRecord, result.Item, 'receipt code lookup').shipmentId : undefined;
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

/** What the readiness board reads of a shipment: the listing, and its sealed receipt code. */
export const ShipmentForBoard = z.extend(ShipmentListing, {
  receiptCodeSealed: ShipmentRecord.shape.receiptCodeSealed,
});
export type ShipmentForBoard = z.infer<typeof ShipmentForBoard>;

/**
 * Shipments created since an instant, oldest first (the `byKind` index from that point on): a
 * wave's board reads only the shipments of its own months, however long the regency's history.
 */
export async function queryShipmentsSince(since: string): Promise<{ shipments: ShipmentForBoard[]; pages: number }> {
  const index = indexes.byKind;
  const { items, pages } = await queryAll<Record<string, unknown>>({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :kind AND #sk >= :since',
    ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
    ExpressionAttributeValues: { ':kind': keys.shipment.kind, ':since': since },
  });
  return { shipments: items.map((item) => readRecord(ShipmentForBoard, item, 'shipment')), pages };
}

/** Notes a verified photo of the signed BAST on its shipment (the first one's time is kept). */
export async function markBastPhoto(shipmentId: string, at: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.shipment.item(shipmentId),
      UpdateExpression: 'SET bastPhotoAt = if_not_exists(bastPhotoAt, :at)',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

/**
 * Records on an original that a replacement is being sent for some of its units, only if no other
 * replacement was claimed since the original was read (optimistic, on `replacementsVersion`).
 */
export function claimReplacement(
  original: ShipmentRecord,
  replacementId: string,
  claim: { at: string; lines: Record<string, number> },
): Promise<boolean> {
  const version = original.replacementsVersion ?? 0;
  const first = original.replacements === undefined;
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.shipment.item(original.id),
        UpdateExpression: first
          ? 'SET replacements = :map, replacementsVersion = :next'
          : 'SET replacements.#id = :claim, replacementsVersion = :next',
        ConditionExpression:
          version === 0
            ? 'attribute_exists(PK) AND attribute_not_exists(replacementsVersion)'
            : 'replacementsVersion = :version',
        ExpressionAttributeNames: first ? undefined : { '#id': replacementId },
        ExpressionAttributeValues: {
          ...(first ? { ':map': { [replacementId]: claim } } : { ':claim': claim }),
          ':next': version + 1,
          ...(version === 0 ? {} : { ':version': version }),
        },
      }),
    ),
  );
}

/** Drops a replacement claim whose shipment was never written. */
export async function releaseReplacement(originalId: string, replacementId: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.shipment.item(originalId),
      UpdateExpression: 'REMOVE replacements.#id SET replacementsVersion = replacementsVersion + :one',
      ExpressionAttributeNames: { '#id': replacementId },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
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

/** Counts one more document asked for on a shipment while it has fewer than `max`; answers whether it did. */
export function countDocument(shipmentId: string, max: number): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.shipment.item(shipmentId),
        UpdateExpression: 'ADD documentCount :one',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(documentCount) OR documentCount < :max)',
        ExpressionAttributeValues: { ':one': 1, ':max': max },
      }),
    ),
  );
}
