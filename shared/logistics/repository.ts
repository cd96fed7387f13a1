import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { indexes, type Key, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';

export interface ItemRecord {
  code: string;
  name: string;
  unit: string;
}

/** A desa's logistics ledger: its allocation and the quantities each shipment claimed. */
export interface LedgerRecord {
  villageCode: string;
  /** itemCode → units allocated */
  allocation: Record<string, number>;
  allocationSource?: 'manual' | 'formula';
  allocationUpdatedAt?: string;
  /** shipmentId → { at, lines: itemCode → units } */
  claims: Record<string, { at: string; lines: Record<string, number> }>;
  version: number;
}

export interface ReceiptRecord {
  receivedBy: { name: string; phone?: string };
  lines: Array<{
    itemCode: string;
    shipped: number;
    good: number;
    minorDamage: number;
    majorDamage: number;
    missing: number;
  }>;
  note?: string;
  confirmedAt: string;
  discrepancy: boolean;
  version: number;
  clientRequestId?: string;
  correctedBy?: { name: string; reason: string };
}

export interface ShipmentRecord {
  id: string;
  bastNumber: string;
  villageCode: string;
  kecamatanCode: string;
  /** Names as they were at dispatch, so the village's page needs no region lookups. */
  villageName: string;
  kecamatanName: string;
  lines: Array<{ itemCode: string; name: string; unit: string; quantity: number }>;
  status: 'shipped' | 'confirmed';
  createdAt: string;
  createdBy: { sub: string; name: string };
  handedOverBy?: { name: string; title: string };
  receivedBy?: { name: string; title: string };
  overAllocation?: { reason: string };
  receiptHash: string;
  receipt?: ReceiptRecord;
  receiptHistory?: ReceiptRecord[];
}

export interface DocumentRecord {
  id: string;
  shipmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  status: 'pending' | 'verified' | 'rejected';
  createdAt: string;
}

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, kindPK: _kp, kindSK: _ks, villagePK: _vp, villageSK: _vs, ...rest } = item;
  return rest as T;
}

const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

// ---- Catalogue -------------------------------------------------------------------------------

/** The whole catalogue: one Query. */
export async function queryItems(): Promise<ItemRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.item.partition },
  });
  return items.map((item) => strip<ItemRecord>(item));
}

/** Creates or renames an item; answers what it was before (for the audit trail). */
export async function upsertItem(item: ItemRecord, audit: (before: ItemRecord | undefined) => AuditEntry) {
  const result = await db.send(
    new PutCommand({ TableName, Item: { ...keys.item.item(item.code), ...item }, ReturnValues: 'ALL_OLD' }),
  );
  const before = result.Attributes ? strip<ItemRecord>(result.Attributes) : undefined;
  await batchWrite([put(auditItem(audit(before)))]);
  return before;
}

// ---- Ledger (allocation and claims) ---------------------------------------------------------

/** Every desa's ledger: one Query on the logistics partition. */
export async function queryLedgers(): Promise<LedgerRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.logistics.partition },
  });
  return items.map((item) => strip<LedgerRecord>(item));
}

/** One desa's ledger (strongly consistent), or an empty one. */
export async function getLedger(villageCode: string): Promise<LedgerRecord> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.logistics.item(villageCode), ConsistentRead: true }),
  );
  return result.Item ? strip<LedgerRecord>(result.Item) : { villageCode, allocation: {}, claims: {}, version: 0 };
}

/** Sets allocations; each write is one put of the whole allocation, keeping the claims. */
export async function saveAllocation(
  villageCode: string,
  allocation: Record<string, number>,
  source: 'manual' | 'formula',
  at: string,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.logistics.item(villageCode),
      UpdateExpression:
        'SET villageCode = :village, allocation = :allocation, allocationSource = :source, allocationUpdatedAt = :at, claims = if_not_exists(claims, :empty), version = if_not_exists(version, :zero) + :one',
      ExpressionAttributeValues: {
        ':village': villageCode,
        ':allocation': allocation,
        ':source': source,
        ':at': at,
        ':empty': {},
        ':zero': 0,
        ':one': 1,
      },
    }),
  );
}

/**
 * Records a shipment's quantities in the desa's ledger, but only if nobody changed the ledger
 * since it was read (optimistic lock on `version`). Answers false when it lost the race.
 */
export async function claimShipment(
  ledger: LedgerRecord,
  shipmentId: string,
  claim: { at: string; lines: Record<string, number> },
): Promise<boolean> {
  const isNew = ledger.version === 0;
  try {
    await db.send(
      new UpdateCommand({
        TableName,
        Key: keys.logistics.item(ledger.villageCode),
        // A new ledger gets the whole claims map; an existing one gets one more entry.
        UpdateExpression: isNew
          ? 'SET villageCode = :village, allocation = :empty, claims = :claims, version = :next'
          : 'SET claims.#id = :claim, version = :next',
        ConditionExpression: isNew ? 'attribute_not_exists(PK)' : 'version = :version',
        ExpressionAttributeNames: isNew ? undefined : { '#id': shipmentId },
        ExpressionAttributeValues: isNew
          ? { ':village': ledger.villageCode, ':empty': {}, ':claims': { [shipmentId]: claim }, ':next': 1 }
          : { ':claim': claim, ':next': ledger.version + 1, ':version': ledger.version },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes a shipment's claim (its record was never written, or is gone). */
export async function releaseShipmentClaim(villageCode: string, shipmentId: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.logistics.item(villageCode),
      UpdateExpression: 'REMOVE claims.#id SET version = version + :one',
      ExpressionAttributeNames: { '#id': shipmentId },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

// ---- Shipments ------------------------------------------------------------------------------

function shipmentItem(shipment: ShipmentRecord): Record<string, unknown> {
  return {
    ...keys.shipment.item(shipment.id),
    kindPK: keys.shipment.kind,
    kindSK: keys.shipment.kindSort(shipment.createdAt, shipment.id),
    villagePK: keys.shipment.villagePartition(shipment.villageCode),
    villageSK: keys.shipment.villageSort(shipment.createdAt, shipment.id),
    ...shipment,
  };
}

/**
 * Writes a new shipment, the lookup from its receipt-code hash, and the audit entry in one
 * BatchWriteItem. The shipment id is fresh and the hash is of 128 random bits, so nothing can
 * collide; a retry writes the same items again.
 */
export async function insertShipment(shipment: ShipmentRecord, audit: AuditEntry): Promise<void> {
  await batchWrite([
    put(shipmentItem(shipment)),
    put({ ...keys.receiptCode.item(shipment.receiptHash), shipmentId: shipment.id }),
    put(auditItem(audit)),
  ]);
}

/** One shipment, strongly consistent. */
export async function getShipmentRecord(shipmentId: string): Promise<ShipmentRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.shipment.item(shipmentId), ConsistentRead: true }),
  );
  return result.Item ? strip<ShipmentRecord>(result.Item) : undefined;
}

/** Which of these shipments exist (one BatchGetItem per 100 ids). */
export async function existingShipmentIds(ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    let pending: Array<Record<string, unknown>> | undefined = ids
      .slice(i, i + 100)
      .map((id) => ({ ...keys.shipment.item(id) }));
    for (let round = 0; pending && pending.length > 0 && round < 5; round++) {
      const result: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({
          RequestItems: { [TableName]: { Keys: pending, ProjectionExpression: 'id', ConsistentRead: true } },
        }),
      );
      for (const item of result.Responses?.[TableName] ?? []) found.add(String(item.id));
      pending = result.UnprocessedKeys?.[TableName]?.Keys;
    }
  }
  return found;
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
  let pending: Array<Record<string, unknown>> | undefined = [{ ...lookup }, { ...alongside }];
  const found: Array<Record<string, unknown>> = [];
  for (let round = 0; pending && pending.length > 0 && round < 5; round++) {
    const result: BatchGetCommandOutput = await db.send(
      new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    found.push(...(result.Responses?.[TableName] ?? []));
    pending = result.UnprocessedKeys?.[TableName]?.Keys;
  }
  const match = (key: Key) => found.find((item) => item.PK === key.PK && item.SK === key.SK);
  const item = match(lookup);
  return { shipmentId: item ? String(item.shipmentId) : undefined, other: match(alongside) };
}

/** Replaces a shipment's receipt code: new lookup first, then the shipment, then the old lookup goes. */
export async function replaceReceiptCode(shipment: ShipmentRecord, newHash: string, audit: AuditEntry): Promise<void> {
  await batchWrite([put({ ...keys.receiptCode.item(newHash), shipmentId: shipment.id }), put(auditItem(audit))]);
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.shipment.item(shipment.id),
      UpdateExpression: 'SET receiptHash = :new',
      ConditionExpression: 'receiptHash = :old',
      ExpressionAttributeValues: { ':new': newHash, ':old': shipment.receiptHash },
    }),
  );
  await db.send(new DeleteCommand({ TableName, Key: keys.receiptCode.item(shipment.receiptHash) }));
}

/**
 * Stores the first confirmation of a shipment. The condition makes a second confirmation (or two
 * at once) fail: exactly one is recorded. Answers false when a confirmation already exists.
 */
export async function insertReceipt(shipmentId: string, receipt: ReceiptRecord): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName,
        Key: keys.shipment.item(shipmentId),
        UpdateExpression: 'SET receipt = :receipt, #status = :confirmed',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(receipt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':receipt': receipt, ':confirmed': 'confirmed' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Replaces a confirmation with a correction, appending the old one to the history (optimistic). */
export async function correctReceiptRecord(
  shipmentId: string,
  previous: ReceiptRecord,
  next: ReceiptRecord,
): Promise<boolean> {
  try {
    await db.send(
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
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
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
  return { items: page.items.map((item) => strip<ShipmentRecord>(item)), nextCursor: page.nextCursor };
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
  return { items: page.items.map((item) => strip<ShipmentRecord>(item)), nextCursor: page.nextCursor };
}

/** Every shipment (for the summary): the `byKind` index to its end. */
export async function queryAllShipments(): Promise<ShipmentRecord[]> {
  const index = indexes.byKind;
  const { items } = await queryAll<Record<string, unknown>>({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :kind',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':kind': keys.shipment.kind },
  });
  return items.map((item) => strip<ShipmentRecord>(item));
}

/** The next number in a yearly sequence (BAST numbers): an atomic counter. */
export async function nextNumber(name: string): Promise<number> {
  const result = await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.counter.item(name),
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.value);
}

// ---- Documents ------------------------------------------------------------------------------

/** Documents attached to a shipment. */
export async function queryDocuments(shipmentId: string): Promise<DocumentRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.shipment.partition(shipmentId), ':prefix': keys.document.prefix },
  });
  return items.map((item) => strip<DocumentRecord>(item));
}

/** Records a document the village is about to upload (pending until verified). */
export async function insertDocument(document: DocumentRecord): Promise<void> {
  await db.send(
    new PutCommand({
      TableName,
      Item: { ...keys.document.item(document.shipmentId, document.id), ...document },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** One document, strongly consistent. */
export async function getDocument(shipmentId: string, documentId: string): Promise<DocumentRecord | undefined> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.document.item(shipmentId, documentId), ConsistentRead: true }),
  );
  return result.Item ? strip<DocumentRecord>(result.Item) : undefined;
}

/** Moves a pending document to verified or rejected, once. */
export async function settleDocument(
  shipmentId: string,
  documentId: string,
  status: 'verified' | 'rejected',
  audit: AuditEntry,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.document.item(shipmentId, documentId),
      UpdateExpression: 'SET #status = :status, settledAt = :at',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':pending': 'pending', ':at': audit.at },
    }),
  );
  await batchWrite([put(auditItem(audit))]);
}
