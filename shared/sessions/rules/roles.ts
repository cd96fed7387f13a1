/**
 * The roles of a sosialisasi participant. Committee roles (Ketua, Sekretaris, Anggota Panitia)
 * come from a desa; the Kasi Pemerintahan comes from a kecamatan.
 */
export const roles = ['KETUA_PANITIA', 'SEKRETARIS_PANITIA', 'ANGGOTA_PANITIA', 'KASI_PEMERINTAHAN'] as const;
export type Role = (typeof roles)[number];

/** Roles a session seats once per unit: one Ketua and one Sekretaris per desa, one Kasi per kecamatan. */
export const singleSeatRoles = ['KETUA_PANITIA', 'SEKRETARIS_PANITIA', 'KASI_PEMERINTAHAN'] as const;

/** Whether a role is held by someone from a desa (true) or from a kecamatan (false). */
export function isVillageRole(role: Role): boolean {
  return role !== 'KASI_PEMERINTAHAN';
}
