import type { AuditRecord } from '../audit-record.ts';
import { batchWrite, put } from './batch.ts';
import { keys } from './keys.ts';

export { AuditRecord } from '../audit-record.ts';

/** The item that stores an audit entry (keys derived from the entry: a rewrite is idempotent). */
export function auditItem(entry: AuditRecord): Record<string, unknown> {
  return { ...keys.audit.item(entry), ...entry };
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

/** Writes audit entries (idempotent: their keys are derived from the entries). */
export async function writeAudit(...entries: AuditRecord[]): Promise<void> {
  await batchWrite(entries.map((entry) => put(auditItem(entry))));
}
