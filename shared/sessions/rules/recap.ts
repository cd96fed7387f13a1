import type { Role, SessionRole } from './roles.ts';

export interface Tally {
  registered: number;
  present: number;
}

export interface AttendancePerson {
  role: Role;
  villageCode?: string;
  kecamatanCode?: string;
  present: boolean;
}

export interface AttendancePlan {
  /** Expected desa → its kecamatan. */
  villages: Record<string, string>;
  /** Expected kecamatan. */
  kecamatan: readonly string[];
  /** The roles the session expects. */
  roles: readonly SessionRole[];
}

export interface AttendanceRecap {
  registered: number;
  present: number;
  byRole: Partial<Record<Role, Tally>>;
  byKecamatan: Record<string, Tally>;
  missing: Partial<Record<Role, string[]>>;
  short: Partial<Record<Role, number>>;
  villages: { expected: number; represented: number };
  kecamatan: { expected: number; represented: number };
}

const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * The recap of a session: registered and present per expected role and per kecamatan; for each
 * role with a minimum, the expected units with fewer present than it and how many are still to
 * come; and how many desa and kecamatan are represented by at least one person present. A person
 * in a role the session no longer expects still counts in the totals. Pure: no I/O.
 */
export function recapAttendance(plan: AttendancePlan, people: readonly AttendancePerson[]): AttendanceRecap {
  const byRole: Partial<Record<Role, Tally>> = Object.fromEntries(
    plan.roles.map(({ role }) => [role, { registered: 0, present: 0 }]),
  );
  const byKecamatan: Record<string, Tally> = Object.fromEntries(
    sorted(plan.kecamatan).map((code) => [code, { registered: 0, present: 0 }]),
  );
  /** role → unit code (or '' for agencies) → how many present. */
  const presentAt = new Map<Role, Map<string, number>>();
  const villagesPresent = new Set<string>();
  const kecamatanPresent = new Set<string>();
  let present = 0;

  for (const person of people) {
    const roleTally = byRole[person.role] ?? { registered: 0, present: 0 };
    byRole[person.role] = roleTally;
    roleTally.registered++;
    const kecamatanTally = person.kecamatanCode
      ? (byKecamatan[person.kecamatanCode] ?? { registered: 0, present: 0 })
      : undefined;
    if (person.kecamatanCode && kecamatanTally) byKecamatan[person.kecamatanCode] = kecamatanTally;
    if (kecamatanTally) kecamatanTally.registered++;
    if (!person.present) continue;
    present++;
    roleTally.present++;
    if (kecamatanTally) kecamatanTally.present++;
    const unit = person.villageCode ?? person.kecamatanCode ?? '';
    const counts = presentAt.get(person.role) ?? new Map<string, number>();
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
    presentAt.set(person.role, counts);
    if (person.villageCode) villagesPresent.add(person.villageCode);
    else if (person.kecamatanCode) kecamatanPresent.add(person.kecamatanCode);
  }

  const expectedVillages = sorted(Object.keys(plan.villages));
  const expectedKecamatan = sorted(plan.kecamatan);
  const missing: Partial<Record<Role, string[]>> = {};
  const short: Partial<Record<Role, number>> = {};
  for (const { role, unit, min } of plan.roles) {
    if (min < 1) continue;
    const counts = presentAt.get(role) ?? new Map<string, number>();
    const lacking = (code: string) => Math.max(0, min - (counts.get(code) ?? 0));
    if (unit === 'none') {
      short[role] = lacking('');
      continue;
    }
    const units = unit === 'village' ? expectedVillages : expectedKecamatan;
    missing[role] = units.filter((code) => lacking(code) > 0);
    short[role] = units.reduce((sum, code) => sum + lacking(code), 0);
  }
  return {
    registered: people.length,
    present,
    byRole,
    byKecamatan,
    missing,
    short,
    villages: {
      expected: expectedVillages.length,
      represented: expectedVillages.filter((code) => villagesPresent.has(code)).length,
    },
    kecamatan: {
      expected: expectedKecamatan.length,
      represented: expectedKecamatan.filter((code) => kecamatanPresent.has(code)).length,
    },
  };
}
