/**
 * Reply shapes the pages read, derived from the API's zod schemas (type-only imports: nothing of
 * `shared/` is bundled into the browser).
 */
import type * as z from 'zod/mini';
import type { AuditEntry } from '#shared/audit/contract.ts';
import type {
  Allocation,
  AllocationRule,
  FormulaPreview,
  Item,
  LogisticsSummary,
  Receipt,
  Shipment,
  ShipmentCreated,
  ShipmentSummary,
} from '#shared/logistics/contract.ts';
import type { PublicConfig } from '#shared/pages/contract.ts';
import type { Regions } from '#shared/regions/contract.ts';
import type { Attendance, Session, SessionSummary } from '#shared/sessions/contract.ts';
import type { CheckInResult, Registration, Role } from '#shared/sessions/registration-contract.ts';

export type {
  Allocation,
  AllocationRule,
  Attendance,
  AuditEntry,
  Item,
  LogisticsSummary,
  PublicConfig,
  Receipt,
  Regions,
  Registration,
  Session,
  SessionSummary,
  Shipment,
  ShipmentSummary,
};
export type Preview = z.infer<typeof FormulaPreview>;
export type Created = z.infer<typeof ShipmentCreated>;
export type VillageState = LogisticsSummary['villages'][number]['state'];
export type Basis = AllocationRule['basis'];
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
