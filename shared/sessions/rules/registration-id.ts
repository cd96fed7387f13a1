import { createHash } from 'node:crypto';
import { nameKey } from '#shared/kernel/people/names.ts';
import { DEFAULT_ROLES, isCounted, type Role, unitOf } from './roles.ts';

const ROLE_CODES: Record<Role, string> = {
  KETUA_PANITIA: 'KT',
  SEKRETARIS_PANITIA: 'SK',
  ANGGOTA_PANITIA: 'AG',
  KASI_PEMERINTAHAN: 'KS',
  PENGAWAS: 'PW',
  BPD: 'BP',
  CAMAT: 'CM',
  INSTANSI: 'IN',
};
const ROLE_BY_CODE = Object.fromEntries(Object.entries(ROLE_CODES).map(([role, code]) => [code, role])) as Record<
  string,
  Role
>;

/** The shape every registration id has (for path parameters). */
export const REGISTRATION_ID = /^(KT|SK|AG|KS|PW|BP|CM|IN)(-\d{2}\.\d{2}\.\d{2}(\.\d{4})?)?(-[0-9a-f]{8})?$/;

function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export interface Seat {
  role: Role;
  /** The desa code for desa roles, the kecamatan code for kecamatan roles; none for `INSTANSI`. */
  unitCode?: string;
  fullName: string;
  /** The agency of an `INSTANSI` participant. */
  organization?: string;
  /**
   * Whether the session seats more than one of this role per unit (its people are told apart by
   * name); by default as the default roles do (Anggota counted, Ketua, Sekretaris, Kasi not).
   */
  counted?: boolean;
}

/**
 * A registration's id is derived from the place it takes, so two requests for the same place
 * always name the same record: `KT-16.09.01.2001` is the Ketua of that desa, `KS-16.09.01` the
 * Kasi of that kecamatan. Where a session seats several of a role per unit (Anggota, say), they
 * are told apart by name (`AG-16.09.01.2001-1a2b3c4d`); agencies by name and organization.
 */
export function registrationId(seat: Seat): string {
  const code = ROLE_CODES[seat.role];
  if (unitOf(seat.role) === 'none') {
    return `${code}-${shortHash(`${nameKey(seat.fullName)}|${nameKey(seat.organization ?? '')}`, 8)}`;
  }
  const base = `${code}-${seat.unitCode ?? ''}`;
  const usual = DEFAULT_ROLES.find((entry) => entry.role === seat.role);
  const counted = seat.counted ?? (usual ? isCounted(usual) : false);
  return counted ? `${base}-${shortHash(nameKey(seat.fullName), 8)}` : base;
}

/**
 * The id prefix shared by every place of a counted role in one unit (`AG-16.09.01.2001-`), or of
 * an agency role in the session (`IN-`): what a count of those places reads.
 */
export function placePrefix(role: Role, unitCode: string | undefined): string {
  return unitCode ? `${ROLE_CODES[role]}-${unitCode}-` : `${ROLE_CODES[role]}-`;
}

/** The short code of a role, as ids and counters carry it (`AG`). */
export function roleCode(role: Role): string {
  return ROLE_CODES[role];
}

/** Reads role and unit back from a registration id; null if it is not one. */
export function parseRegistrationId(id: string): { role: Role; unitCode?: string } | null {
  const match = REGISTRATION_ID.exec(id);
  if (!match) return null;
  const role = ROLE_BY_CODE[match[1] ?? ''];
  if (!role) return null;
  const unitCode = match[2]?.slice(1);
  const unit = unitOf(role);
  if (unit === 'none') return unitCode || !match[4] ? null : { role };
  if (!unitCode || unitCode.length > 8 !== (unit === 'village')) return null;
  return { role, unitCode };
}

/**
 * Who a registration is, for telling a retry of the same request from a different person
 * claiming the same place: same name (ignoring case and punctuation) and same phone.
 */
export function personFingerprint(fullName: string, phone: string | undefined): string {
  return shortHash(`${nameKey(fullName)}|${phone ?? ''}`, 12);
}
