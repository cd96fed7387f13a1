import { createHash } from 'node:crypto';
import { nameKey } from '#shared/kernel/people/names.ts';
import { isVillageRole, type Role } from './roles.ts';

const ROLE_CODES: Record<Role, string> = {
  KETUA_PANITIA: 'KT',
  SEKRETARIS_PANITIA: 'SK',
  ANGGOTA_PANITIA: 'AG',
  KASI_PEMERINTAHAN: 'KS',
};
const ROLE_BY_CODE = Object.fromEntries(Object.entries(ROLE_CODES).map(([role, code]) => [code, role])) as Record<
  string,
  Role
>;

function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export interface Seat {
  role: Role;
  /** The desa code for committee roles, the kecamatan code for the Kasi. */
  unitCode: string;
  fullName: string;
}

/**
 * A registration's id is derived from the place it takes, so two requests for the same place
 * always name the same record: `KT-16.09.01.2001` is the Ketua of that desa, `KS-16.09.01` the
 * Kasi of that kecamatan. Anggota are many per desa and are told apart by their name.
 */
export function registrationId(seat: Seat): string {
  const base = `${ROLE_CODES[seat.role]}-${seat.unitCode}`;
  return seat.role === 'ANGGOTA_PANITIA' ? `${base}-${shortHash(nameKey(seat.fullName), 8)}` : base;
}

/** Reads role and unit back from a registration id; null if it is not one. */
export function parseRegistrationId(id: string): { role: Role; unitCode: string } | null {
  const match = /^(KT|SK|AG|KS)-(\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?)(?:-[0-9a-f]{8})?$/.exec(id);
  if (!match) return null;
  const role = ROLE_BY_CODE[match[1] ?? ''];
  if (!role) return null;
  const unitCode = match[2] ?? '';
  const isVillage = unitCode.length > 8;
  if (isVillage !== isVillageRole(role)) return null;
  if ((role === 'ANGGOTA_PANITIA') !== id.length > base(role, unitCode).length) return null;
  return { role, unitCode };
}

function base(role: Role, unitCode: string): string {
  return `${ROLE_CODES[role]}-${unitCode}`;
}

/**
 * Who a registration is, for telling a retry of the same request from a different person
 * claiming the same place: same name (ignoring case and punctuation) and same phone.
 */
export function personFingerprint(fullName: string, phone: string | undefined): string {
  return shortHash(`${nameKey(fullName)}|${phone ?? ''}`, 12);
}
