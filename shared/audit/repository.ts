import type { AuditEntry } from '#shared/kernel/table/audit.ts';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';

function strip(item: Record<string, unknown>): AuditEntry & { scope: string } {
  const { PK: _pk, SK: _sk, villagePK: _vp, villageSK: _vs, ...entry } = item;
  return entry as unknown as AuditEntry & { scope: string };
}

/** One trail (a session, shipment, or regency-wide trail), newest first. */
export async function queryTrail(scope: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({ partition: keys.audit.partition(scope), newestFirst: true, limit, cursor });
  return { items: page.items.map(strip), nextCursor: page.nextCursor };
}

/** Everything that happened to one desa, across sessions and shipments (the `byVillage` index). */
export async function queryVillageTrail(villageCode: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({
    index: indexes.byVillage,
    partition: keys.audit.villagePartition(villageCode),
    sortPrefix: keys.audit.villageSortPrefix,
    newestFirst: true,
    limit,
    cursor,
  });
  return { items: page.items.map(strip), nextCursor: page.nextCursor };
}
