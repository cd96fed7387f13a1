/**
 * Each desa's logistics ledger (`LOGISTICS` partition): its allocation and the quantities its
 * shipments claimed. Claims are written under an optimistic version, so concurrent dispatches can
 * never together exceed an allocation unnoticed.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { LedgerRecord, type ShipmentClaim } from '../records.ts';

const read = (item: Record<string, unknown>) => readRecord(LedgerRecord, item, 'logistics ledger');

/** Every desa's ledger: one Query on the logistics partition. */
export async function queryLedgers(): Promise<LedgerRecord[]> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.logistics.partition },
  });
  return items.map(read);
}

/** One desa's ledger (strongly consistent), or an empty one. */
export async function getLedger(villageCode: string): Promise<LedgerRecord> {
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.logistics.item(villageCode), ConsistentRead: true }),
  );
  return result.Item ? read(result.Item) : { villageCode, allocation: {}, claims: {}, version: 0 };
}

/** Sets a desa's allocation (the whole of it), keeping its claims. */
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
export function claimShipment(ledger: LedgerRecord, shipmentId: string, claim: ShipmentClaim): Promise<boolean> {
  const isNew = ledger.version === 0;
  return conditionally(
    db.send(
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
    ),
  );
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
