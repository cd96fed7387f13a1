import { batchWrite, put } from './batch.ts';
import { keys } from './keys.ts';

/** Who made a change: a signed-in user, or a village acting through its receipt code. */
export type Actor = { type: 'user'; sub: string; name: string } | { type: 'village'; villageCode: string };

/** One audit entry: who, when, what, and the state before and after. */
export interface AuditEntry {
  /** The trail it belongs to: `REGION`, `SESSION#<id>`, `SHIPMENT#<id>`, ... */
  scope: string;
  at: string;
  action: string;
  actor: Actor;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The desa the change concerns, so the desa's own trail shows it too. */
  villageCode?: string;
}

/**
 * The item that stores an audit entry. Its key is derived from the entry, so writing the same
 * entry again (a retried request) overwrites it instead of adding a second one.
 */
export function auditItem(entry: AuditEntry): Record<string, unknown> {
  const sort = `${entry.at}#${entry.action}#${entry.entityId}`;
  return {
    PK: keys.audit.partition(entry.scope),
    SK: sort,
    ...(entry.villageCode
      ? {
          villagePK: keys.audit.villagePartition(entry.villageCode),
          villageSK: `${keys.audit.villageSortPrefix}${sort}`,
        }
      : {}),
    ...entry,
  };
}

/** The actor recorded for a signed-in principal. */
export function userActor(principal: { sub: string; name: string } | null): Actor {
  return principal ? { type: 'user', sub: principal.sub, name: principal.name } : { type: 'user', sub: '-', name: '-' };
}

const MAX_AUDIT_STATE_CHARS = 100_000;

/**
 * Keeps an audit state small enough for one item (DynamoDB's limit is 400 KB): a large before or
 * after is replaced by the codes or ids it held.
 */
export function bounded(state: Record<string, Array<{ code?: string; id?: string }>>): unknown {
  if (JSON.stringify(state).length <= MAX_AUDIT_STATE_CHARS) return state;
  return {
    truncated: true,
    ...Object.fromEntries(
      Object.entries(state).map(([name, rows]) => [name, rows.map((row) => row.code ?? row.id ?? '?')]),
    ),
  };
}

/** Writes one audit entry (idempotent: its key is derived from the entry). */
export async function writeAudit(audit: AuditEntry): Promise<void> {
  await batchWrite([put(auditItem(audit))]);
}
