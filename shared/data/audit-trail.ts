import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { db, TableName } from './dynamo.ts';
import { indexes, keys } from './table.ts';

function strip(item: Record<string, unknown>): AuditEntry & { scope: string } {
  const { PK: _pk, SK: _sk, villagePK: _vp, villageSK: _vs, ...entry } = item;
  return entry as unknown as AuditEntry & { scope: string };
}

/** One trail (a session, shipment, or regency-wide trail), newest first. */
export async function queryTrail(scope: string, limit: number, cursor: string | undefined) {
  const partition = keys.audit.partition(scope);
  const result = await db.send(
    new QueryCommand({
      TableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK'], { PK: partition }),
    }),
  );
  return { items: (result.Items ?? []).map(strip), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/** Everything that happened to one desa, across sessions and shipments (the `byVillage` index). */
export async function queryVillageTrail(villageCode: string, limit: number, cursor: string | undefined) {
  const index = indexes.byVillage;
  const partition = keys.audit.villagePartition(villageCode);
  const result = await db.send(
    new QueryCommand({
      TableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: { ':pk': partition, ':prefix': keys.audit.villageSortPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', index.pk, index.sk], { [index.pk]: partition }),
    }),
  );
  return { items: (result.Items ?? []).map(strip), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
