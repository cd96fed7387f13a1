/**
 * Reply shapes the pages read, derived from the API's zod schemas (type-only imports: nothing of
 * `shared/` is bundled into the browser).
 */
import type * as z from 'zod/mini';
import type { Regions } from '#shared/contracts/regions.ts';
import type { CheckInResult, Registration, Role } from '#shared/contracts/registrations.ts';
import type { Attendance, Session, SessionSummary } from '#shared/contracts/sessions.ts';
import type { PublicConfig } from '#shared/contracts/web.ts';

export type { Attendance, PublicConfig, Regions, Registration, Session, SessionSummary };
export type RoleName = z.infer<typeof Role>;
export type CheckIn = z.infer<typeof CheckInResult>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The roles in the order the desk asks for them. */
export const ROLES: readonly RoleName[] = [
  'KETUA_PANITIA',
  'SEKRETARIS_PANITIA',
  'ANGGOTA_PANITIA',
  'KASI_PEMERINTAHAN',
];
