/** Reads the audit trails (writing them is the kernel's `writeAudit`, done by every domain). */
import { type AuditRecord, AuditRecord as AuditRecordSchema } from '#shared/kernel/audit-record.ts';
import { indexes, keys } from '#shared/kernel/table/keys.ts';
import { queryPage } from '#shared/kernel/table/page.ts';
import { readRecord } from '#shared/kernel/table/record.ts';

const read = (item: Record<string, unknown>) => readRecord(AuditRecordSchema, item, 'audit entry');

/** One trail (a session, shipment, or regency-wide trail), newest first. */
export async function queryTrail(scope: string, limit: number, cursor: string | undefined) {
  const page = await queryPage({ partition: keys.audit.partition(scope), newestFirst: true, limit, cursor });
  return { items: page.items.map(read), nextCursor: page.nextCursor };
}

/** Everything that happened to one desa, across sessions and shipments (the `byVillage` index). */
export async function queryVillageTrail(
  villageCode: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const page = await queryPage({
    index: indexes.byVillage,
    partition: keys.audit.villagePartition(villageCode),
    sortPrefix: keys.audit.villageSortPrefix,
    newestFirst: true,
    limit,
    cursor,
  });
  return { items: page.items.map(read), nextCursor: page.nextCursor };
}
