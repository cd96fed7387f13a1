/**
 * The only code that reads and writes the regions domain's items: the kecamatan and desa rows of
 * the `REGION` partition.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditRecord, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { readRecord } from '#shared/kernel/table/record.ts';
import { KecamatanRecord, type RegionList, VillageRecord } from './records.ts';

/** Every kecamatan and desa of the regency: one Query on the region partition (sorted by code). */
export async function loadRegions(): Promise<RegionList> {
  const { items } = await queryAll<Record<string, unknown> & { SK: string }>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.region.partition },
    ConsistentRead: true,
  });
  const list: RegionList = { kecamatan: [], villages: [] };
  for (const item of items) {
    if (item.SK.startsWith(keys.region.kecamatanPrefix))
      list.kecamatan.push(readRecord(KecamatanRecord, item, 'kecamatan'));
    else list.villages.push(readRecord(VillageRecord, item, 'desa'));
  }
  return list;
}

/** Whether the table answers: one Query of at most one item (the health check's read). */
export async function probeTable(): Promise<void> {
  await db.send(
    new QueryCommand({
      TableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.region.partition },
      Limit: 1,
      ProjectionExpression: 'PK',
    }),
  );
}

/** One desa, or undefined. */
export async function getVillage(code: string): Promise<VillageRecord | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.region.village(code) }));
  return result.Item ? readRecord(VillageRecord, result.Item, 'desa') : undefined;
}

/** One kecamatan, or undefined. */
export async function getKecamatan(code: string): Promise<KecamatanRecord | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.region.kecamatan(code) }));
  return result.Item ? readRecord(KecamatanRecord, result.Item, 'kecamatan') : undefined;
}

/**
 * Writes the changed rows and the audit entry. Rows are plain puts of their full content, so an
 * import interrupted half-way and run again ends with every row exactly once.
 */
export async function saveRegions(
  kecamatan: KecamatanRecord[],
  villages: VillageRecord[],
  audit: AuditRecord | undefined,
): Promise<void> {
  await batchWrite([
    ...kecamatan.map((row) => put({ ...keys.region.kecamatan(row.code), ...row })),
    ...villages.map((row) => put({ ...keys.region.village(row.code), ...row })),
    ...(audit ? [put(auditItem(audit))] : []),
  ]);
}
