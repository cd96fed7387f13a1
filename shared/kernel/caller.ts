import type { Actor } from './audit-record.ts';
import { Forbidden } from './errors.ts';

export type { Actor };

/**
 * Who is acting: a signed-in person (from the token's claims), or a village acting through the
 * code it was given. Use cases receive these; they never see a token or an HTTP request.
 */

/**
 * The account groups: admins (DPMD heads), organizers (DPMD staff), and kecamatan accounts (a
 * kecamatan's Kasi Pemerintahan), who see and act only for the desa of their own kecamatan.
 */
export const groups = ['admin', 'organizer', 'kecamatan'] as const;
export type Group = (typeof groups)[number];

/** The signed-in person behind a request. */
export interface Principal {
  sub: string;
  name: string;
  groups: Group[];
  /** A kecamatan account's kecamatan (the `custom:kecamatan` attribute only admins can write). */
  kecamatanCode?: string;
}

/**
 * What a request may see: everything, or one kecamatan's desa. The HTTP kernel derives it from
 * the principal and the route table; use cases filter their lists with it and never look at groups.
 */
export type Scope = { kind: 'regency' } | { kind: 'kecamatan'; kecamatanCode: string };

/** The whole regency (organizers, admins, and work no person started). */
export const regencyScope: Scope = { kind: 'regency' };

/**
 * Whether a desa or kecamatan (by its Kemendagri code: a desa's begins with its kecamatan's) lies
 * inside a scope; a row of no unit (`undefined`) lies inside the regency's only.
 */
export function inScope(scope: Scope, unitCode: string | undefined): boolean {
  if (scope.kind === 'regency') return true;
  return unitCode === scope.kecamatanCode || (unitCode?.startsWith(`${scope.kecamatanCode}.`) ?? false);
}

/** 403 for a record of a unit outside the scope (another kecamatan's desa), named by its id. */
export function refuseOutside(scope: Scope, unitCode: string | undefined): void {
  if (!inScope(scope, unitCode)) throw new Forbidden();
}

/** The actor recorded for a signed-in principal (a dash when there is none, e.g. the local seed). */
export function userActor(principal: { sub: string; name: string } | null): Actor {
  return principal ? { type: 'user', sub: principal.sub, name: principal.name } : { type: 'user', sub: '-', name: '-' };
}

/** Who created or last changed a record, as stored on it. */
export function stamp(principal: { sub: string; name: string } | null): { sub: string; name: string } {
  return { sub: principal?.sub ?? '-', name: principal?.name ?? '-' };
}
