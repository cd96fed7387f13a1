/**
 * The roles of a session's participants and where each comes from: committee roles, Pengawas and
 * BPD from a desa; the Kasi Pemerintahan and the Camat from a kecamatan; agencies (police,
 * military, prosecutors, courts: `INSTANSI`) from no unit, named by their organization. A session
 * lists the roles it expects, each with how many per unit it needs (min) and seats (max). Pure.
 */
export const roles = [
  'KETUA_PANITIA',
  'SEKRETARIS_PANITIA',
  'ANGGOTA_PANITIA',
  'KASI_PEMERINTAHAN',
  'PENGAWAS',
  'BPD',
  'CAMAT',
  'INSTANSI',
] as const;
export type Role = (typeof roles)[number];

export const roleUnits = ['village', 'kecamatan', 'none'] as const;
export type RoleUnit = (typeof roleUnits)[number];

/** Where each role of the catalogue comes from. */
export const ROLE_UNITS: Record<Role, RoleUnit> = {
  KETUA_PANITIA: 'village',
  SEKRETARIS_PANITIA: 'village',
  ANGGOTA_PANITIA: 'village',
  KASI_PEMERINTAHAN: 'kecamatan',
  PENGAWAS: 'village',
  BPD: 'village',
  CAMAT: 'kecamatan',
  INSTANSI: 'none',
};

/** A role a session expects: from which unit, at least `min` and at most `max` per unit (per session for `none`). */
export interface SessionRole {
  role: Role;
  unit: RoleUnit;
  min: number;
  max: number;
}

/** What a session expects when it says nothing: a desa's Ketua and Sekretaris, up to 9 Anggota, a kecamatan's Kasi. */
export const DEFAULT_ROLES: readonly SessionRole[] = [
  { role: 'KETUA_PANITIA', unit: 'village', min: 1, max: 1 },
  { role: 'SEKRETARIS_PANITIA', unit: 'village', min: 1, max: 1 },
  { role: 'ANGGOTA_PANITIA', unit: 'village', min: 0, max: 9 },
  { role: 'KASI_PEMERINTAHAN', unit: 'kecamatan', min: 1, max: 1 },
];

/** The roles a session expects (the default set for a session that named none). */
export function rolesOf(session: { roles?: readonly SessionRole[] }): readonly SessionRole[] {
  return session.roles ?? DEFAULT_ROLES;
}

/** Where a role comes from. */
export function unitOf(role: Role): RoleUnit {
  return ROLE_UNITS[role];
}

/** Whether a role is held by someone from a desa. */
export function isVillageRole(role: Role): boolean {
  return ROLE_UNITS[role] === 'village';
}

/**
 * Whether a role's places are counted (more than one per unit, or any number per session): its
 * people are told apart by name, and a counter keeps them within `max`. A role seated once per
 * unit needs no counter: its registration's id is its place.
 */
export function isCounted(seat: Pick<SessionRole, 'unit' | 'max'>): boolean {
  return seat.unit === 'none' || seat.max > 1;
}
