import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditItem } from '#shared/kernel/table/audit.ts';
import { batchWrite, put, queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import type { Kecamatan, Village } from './contract.ts';

type KecamatanItem = Kecamatan & { PK: string; SK: string };
type VillageItem = Village & { PK: string; SK: string };

/** Every kecamatan and desa of the regency: one Query on the region partition. */
export async function loadRegions(): Promise<{ kecamatan: Kecamatan[]; villages: Village[] }> {
  const { items } = await queryAll<KecamatanItem | VillageItem>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.region.partition },
    ConsistentRead: true,
  });
  const kecamatan: Kecamatan[] = [];
  const villages: Village[] = [];
  for (const { PK: _pk, SK, ...rest } of items) {
    if (SK.startsWith(keys.region.kecamatanPrefix)) kecamatan.push(rest as Kecamatan);
    else villages.push(rest as Village);
  }
  return { kecamatan, villages };
}

/** One desa, or undefined. */
export async function getVillage(code: string): Promise<Village | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.region.village(code) }));
  if (!result.Item) return undefined;
  const { PK: _pk, SK: _sk, ...village } = result.Item;
  return village as Village;
}

/** One kecamatan, or undefined. */
export async function getKecamatan(code: string): Promise<Kecamatan | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.region.kecamatan(code) }));
  if (!result.Item) return undefined;
  const { PK: _pk, SK: _sk, ...kecamatan } = result.Item;
  return kecamatan as Kecamatan;
}

/**
 * Writes the changed rows and the audit entry. Rows are plain puts of their full content, so an
 * import interrupted half-way and run again ends with every row exactly once.
 */
export async function saveRegions(
  kecamatan: Kecamatan[],
  villages: Village[],
  audit: AuditEntry | undefined,
): Promise<void> {
  await batchWrite([
    ...kecamatan.map((row) => put({ ...keys.region.kecamatan(row.code), ...row })),
    ...villages.map((row) => put({ ...keys.region.village(row.code), ...row })),
    ...(audit ? [put(auditItem(audit))] : []),
  ]);
}
