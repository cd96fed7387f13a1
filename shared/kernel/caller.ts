import type { Actor } from './audit-record.ts';

export type { Actor };

/**
 * Who is acting: a signed-in person (from the token's claims), or a village acting through the
 * code it was given. Use cases receive these; they never see a token or an HTTP request.
 */

/** The account groups, from least to most trusted. */
export const groups = ['admin', 'organizer'] as const;
export type Group = (typeof groups)[number];

/** The signed-in person behind a request. */
export interface Principal {
  sub: string;
  name: string;
  groups: Group[];
}

/** The actor recorded for a signed-in principal (a dash when there is none, e.g. the local seed). */
export function userActor(principal: { sub: string; name: string } | null): Actor {
  return principal ? { type: 'user', sub: principal.sub, name: principal.name } : { type: 'user', sub: '-', name: '-' };
}

/** Who created or last changed a record, as stored on it. */
export function stamp(principal: { sub: string; name: string } | null): { sub: string; name: string } {
  return { sub: principal?.sub ?? '-', name: principal?.name ?? '-' };
}
