import type { RegencyTimeZone } from '#shared/kernel/config.ts';
import { compareNames } from '#shared/kernel/people/names.ts';
/**
 * The shape of an attendance export, built from what the table holds: sorted, numbered rows with
 * desa and kecamatan names, the recap, and the sentences printed above the list. Pure: no I/O, so
 * every rule here is unit-tested without DynamoDB.
 */
import type { Kecamatan, Village } from '#shared/regions/contract.ts';
import { type AttendanceRecap, recapAttendance, type Tally } from '#shared/sessions/rules/recap.ts';
import { type Role, roles, type SessionRole } from '#shared/sessions/rules/roles.ts';
import type { ExportLabels } from './labels.ts';

/** One printed line of the attendance list. */
export interface ExportRow {
  no: number;
  registrationId: string;
  fullName: string;
  role: Role;
  villageCode?: string;
  /** The desa; empty for kecamatan roles; the agency for an agency's representative. */
  villageName: string;
  /** Empty for an agency's representative, who comes from no kecamatan. */
  kecamatanCode: string;
  kecamatanName: string;
  /** Written the way people dial it: `0812-3456-7890`. */
  phone: string;
  present: boolean;
  /** The check-in time as stored (ISO, UTC), or null for someone registered but not (yet) present. */
  checkedInAt: string | null;
}

/** An expected unit with fewer present in a role than the session needs; or, for agencies, how many more. */
export interface MissingSeat {
  role: Role;
  villageCode?: string;
  villageName: string;
  kecamatanCode: string;
  kecamatanName: string;
  /** For a role from no unit (agencies): how many more must be present. */
  short?: number;
}

export interface KecamatanTally extends Tally {
  code: string;
  name: string;
}

export interface AttendanceExport {
  session: { id: string; title: string; date: string; venue: string };
  rows: ExportRow[];
  recap: AttendanceRecap;
  byKecamatan: KecamatanTally[];
  missing: MissingSeat[];
}

/** A registration as an export reads it. */
export interface RegistrationItem {
  id: string;
  role: Role;
  fullName: string;
  villageCode?: string;
  kecamatanCode?: string;
  organization?: string;
  phone?: string;
}

/** A check-in as an export reads it: whose, and when. */
export interface CheckInItem {
  registrationId: string;
  at: string;
}

/** What the exports read about a session: its details and the desa and kecamatan it expects. */
export interface SessionPlan {
  id: string;
  title: string;
  date: string;
  venue: string;
  villages: Record<string, string>;
  kecamatan: Record<string, unknown>;
  roles: readonly SessionRole[];
}

/** The regency's names for codes. */
export interface RegionNames {
  kecamatan: readonly Pick<Kecamatan, 'code' | 'name'>[];
  villages: readonly Pick<Village, 'code' | 'name'>[];
}

/** Times are printed as wall-clock time of the regency (WIB unless the regency says otherwise). */
export const WIB: RegencyTimeZone = { iana: 'Asia/Jakarta', label: 'WIB' };

const ROLE_ORDER = new Map<Role, number>(roles.map((role, index) => [role, index]));

/**
 * Orders rows the way the regency's own lists run, by Kemendagri code (the Wilayah page and the
 * recap use the same order): kecamatan, then desa (the Kasi, who has no desa, heads the kecamatan),
 * then role (Ketua, Sekretaris, Anggota, Kasi), then name.
 */
export function compareRows(a: ExportRow, b: ExportRow): number {
  // Agencies (no kecamatan) come after every kecamatan.
  const kecamatan = (row: ExportRow) => row.kecamatanCode || '~';
  return (
    kecamatan(a).localeCompare(kecamatan(b)) ||
    (a.villageCode ?? '').localeCompare(b.villageCode ?? '') ||
    (ROLE_ORDER.get(a.role) ?? 0) - (ROLE_ORDER.get(b.role) ?? 0) ||
    compareNames(a.fullName, b.fullName) ||
    a.registrationId.localeCompare(b.registrationId)
  );
}

/** An E.164 Indonesian number (`+6281234567890`) as people write it (`0812-3456-7890`). */
export function formatPhone(phone: string | undefined): string {
  if (!phone) return '';
  if (!phone.startsWith('+62')) return phone;
  const national = `0${phone.slice(3)}`;
  return [national.slice(0, 4), national.slice(4, 8), national.slice(8)].filter(Boolean).join('-');
}

const clocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(iana: string): Intl.DateTimeFormat {
  let clock = clocks.get(iana);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: iana,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(iana, clock);
  }
  return clock;
}

function wallClockParts(iso: string, timeZone: RegencyTimeZone): Record<string, string> | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(
    wallClock(timeZone.iana)
      .formatToParts(date)
      .map(({ type, value }) => [type, value]),
  );
}

/** A stored time as the regency's wall-clock time, `2023-02-08 08:15 WIB` (sortable as text). */
export function formatCheckInTime(iso: string | null, timeZone: RegencyTimeZone = WIB): string {
  const part = iso ? wallClockParts(iso, timeZone) : undefined;
  if (!part) return '';
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${timeZone.label}`;
}

/**
 * A stored time as a spreadsheet date-time showing the regency's wall-clock time. Spreadsheet cells
 * have no time zone, so the Date carries the wall-clock reading as if it were UTC.
 */
export function checkInWallClock(iso: string | null, timeZone: RegencyTimeZone = WIB): Date | null {
  const part = iso ? wallClockParts(iso, timeZone) : undefined;
  if (!part) return null;
  return new Date(
    Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute)),
  );
}

/**
 * Builds the export of a session: one row per registration (present or not, since the absent
 * still sign on paper), sorted and numbered, plus the recap with names instead of codes.
 */
export function buildAttendanceExport(
  plan: SessionPlan,
  registrations: readonly RegistrationItem[],
  checkIns: readonly CheckInItem[],
  regions: RegionNames,
): AttendanceExport {
  const villageName = new Map(regions.villages.map((village) => [village.code, village.name]));
  const kecamatanName = new Map(regions.kecamatan.map((unit) => [unit.code, unit.name]));
  // A code renamed or removed from the region list since registration still prints as its code.
  const nameOfVillage = (code: string | undefined) => (code ? (villageName.get(code) ?? code) : '');
  const nameOfKecamatan = (code: string | undefined) => (code ? (kecamatanName.get(code) ?? code) : '');
  const checkedIn = new Map(checkIns.map((checkIn) => [checkIn.registrationId, checkIn.at]));

  const rows = registrations
    .map(
      (registration): ExportRow => ({
        no: 0,
        registrationId: registration.id,
        fullName: registration.fullName,
        role: registration.role,
        villageCode: registration.villageCode,
        villageName: nameOfVillage(registration.villageCode) || (registration.organization ?? ''),
        kecamatanCode: registration.kecamatanCode ?? '',
        kecamatanName: nameOfKecamatan(registration.kecamatanCode),
        phone: formatPhone(registration.phone),
        present: checkedIn.has(registration.id),
        checkedInAt: checkedIn.get(registration.id) ?? null,
      }),
    )
    .sort(compareRows)
    .map((row, index) => ({ ...row, no: index + 1 }));

  const recap = recapAttendance(
    { villages: plan.villages, kecamatan: Object.keys(plan.kecamatan), roles: plan.roles },
    rows.map((row) => ({
      role: row.role,
      villageCode: row.villageCode,
      kecamatanCode: row.kecamatanCode,
      present: row.present,
    })),
  );

  const byKecamatan = Object.entries(recap.byKecamatan)
    .map(([code, tally]) => ({ code, name: nameOfKecamatan(code), ...tally }))
    .sort((a, b) => a.code.localeCompare(b.code));

  const villageSeat = (role: Role, code: string): MissingSeat => {
    const kecamatanCode = plan.villages[code] ?? '';
    return {
      role,
      villageCode: code,
      villageName: nameOfVillage(code),
      kecamatanCode,
      kecamatanName: nameOfKecamatan(kecamatanCode),
    };
  };
  const kecamatanSeat = (role: Role, code: string): MissingSeat => ({
    role,
    villageName: '',
    kecamatanCode: code,
    kecamatanName: nameOfKecamatan(code),
  });
  const missing: MissingSeat[] = [
    ...plan.roles.flatMap(({ role, unit }): MissingSeat[] => {
      if (unit === 'none') {
        const short = recap.short[role] ?? 0;
        return short > 0 ? [{ role, villageName: '', kecamatanCode: '', kecamatanName: '', short }] : [];
      }
      const seat = unit === 'village' ? villageSeat : kecamatanSeat;
      return (recap.missing[role] ?? []).map((code) => seat(role, code));
    }),
  ].sort(
    (a, b) =>
      (ROLE_ORDER.get(a.role) ?? 0) - (ROLE_ORDER.get(b.role) ?? 0) ||
      a.kecamatanCode.localeCompare(b.kecamatanCode) ||
      (a.villageCode ?? '').localeCompare(b.villageCode ?? ''),
  );

  return {
    session: { id: plan.id, title: plan.title, date: plan.date, venue: plan.venue },
    rows,
    recap,
    byKecamatan,
    missing,
  };
}

/**
 * The one-line summary a DPMD report opens with: "183 peserta hadir dari 183 terdaftar: 82 Ketua
 * Panitia, 82 Sekretaris Panitia, 19 Kasi Pemerintahan; 82 dari 82 desa terwakili". Only roles
 * with someone present are named.
 */
export function recapSentence(recap: AttendanceRecap, labels: ExportLabels): string {
  const perRole = roles.flatMap((role) => {
    const present = recap.byRole[role]?.present ?? 0;
    return present > 0 ? [labels.roleCount(role, present)] : [];
  });
  const attended = labels.recap.attended(recap.present, recap.registered);
  const villages = labels.recap.villages(recap.villages.represented, recap.villages.expected);
  return `${attended}${perRole.length > 0 ? `: ${perRole.join(', ')}` : ''}; ${villages}`;
}

/**
 * Which expected seats nobody has filled yet, per role: "Belum hadir: Ketua Panitia dari Desa
 * Gunung Tiga (Muara Dua); Kasi Pemerintahan dari Kecamatan Simpang". Long lists are cut after
 * `limit` units per role (the spreadsheet has them all). Null when nobody is missing.
 */
export function missingSentence(missing: readonly MissingSeat[], labels: ExportLabels, limit = 8): string | null {
  if (missing.length === 0) return null;
  const parts: string[] = [];
  for (const role of roles) {
    const seats = missing.filter((seat) => seat.role === role);
    if (seats.length === 0) continue;
    const short = seats[0]?.short;
    if (short !== undefined) {
      parts.push(labels.recap.shortBy(labels.role[role], short));
      continue;
    }
    const units = seats
      .slice(0, limit)
      .map((seat) =>
        seat.villageCode
          ? `${labels.unit.village(seat.villageName)} (${seat.kecamatanName})`
          : labels.unit.kecamatan(seat.kecamatanName),
      );
    if (seats.length > limit) units.push(labels.recap.andMore(seats.length - limit));
    parts.push(labels.recap.missingFrom(labels.role[role], units.join(', ')));
  }
  return `${labels.recap.missingPrefix}: ${parts.join('; ')}`;
}

/** The file name of an export: `daftar-hadir-2023-02-08.pdf`. */
export function exportFileName(labels: ExportLabels, date: string, extension: 'csv' | 'xlsx' | 'pdf'): string {
  return `${labels.fileStem}-${date}.${extension}`;
}
