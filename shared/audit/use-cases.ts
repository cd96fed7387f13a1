/** The audit trail: who changed what and when, per session, shipment, wave, desa or regency-wide list. */
import { scopes } from '#shared/kernel/table/keys.ts';
import type { AuditEntry } from './contract.ts';
import { queryTrail, queryVillageTrail } from './repository.ts';

/** Which trail to read: exactly one of these is set (the contract checks that). */
export interface TrailQuery {
  sessionId?: string;
  shipmentId?: string;
  waveId?: string;
  villageCode?: string;
  trail?: 'regions' | 'catalogue' | 'allocations' | 'users';
  limit?: number;
  cursor?: string;
}

function scopeOf(query: TrailQuery): string {
  if (query.sessionId) return scopes.session(query.sessionId);
  if (query.shipmentId) return scopes.shipment(query.shipmentId);
  if (query.waveId) return scopes.wave(query.waveId);
  return scopes[query.trail ?? 'regions'];
}

/** A page of one trail, newest first. */
export async function listAudit(query: TrailQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const page = query.villageCode
    ? await queryVillageTrail(query.villageCode, limit, query.cursor)
    : await queryTrail(scopeOf(query), limit, query.cursor);
  return { items: page.items.map(({ scope: _scope, ...entry }) => entry), nextCursor: page.nextCursor };
}
