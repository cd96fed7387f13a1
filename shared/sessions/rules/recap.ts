import { type Role, roles } from './roles.ts';

export interface Tally {
  registered: number;
  present: number;
}

export interface AttendancePerson {
  role: Role;
  villageCode?: string;
  kecamatanCode: string;
  present: boolean;
}

export interface AttendancePlan {
  /** Expected desa → its kecamatan. */
  villages: Record<string, string>;
  /** Expected kecamatan. */
  kecamatan: readonly string[];
}

export interface AttendanceRecap {
  registered: number;
  present: number;
  byRole: Record<Role, Tally>;
  byKecamatan: Record<string, Tally>;
  missing: { KETUA_PANITIA: string[]; SEKRETARIS_PANITIA: string[]; KASI_PEMERINTAHAN: string[] };
  villages: { expected: number; represented: number };
  kecamatan: { expected: number; represented: number };
}

const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * The recap of a session: registered and present per role and per kecamatan, which expected
 * units have nobody present in each single-seat role, and how many desa and kecamatan are
 * represented by at least one person present. Pure: no I/O.
 */
export function recapAttendance(plan: AttendancePlan, people: readonly AttendancePerson[]): AttendanceRecap {
  const byRole = Object.fromEntries(roles.map((role) => [role, { registered: 0, present: 0 }])) as Record<Role, Tally>;
  const byKecamatan: Record<string, Tally> = Object.fromEntries(
    sorted(plan.kecamatan).map((code) => [code, { registered: 0, present: 0 }]),
  );
  const presentByRole = Object.fromEntries(roles.map((role) => [role, new Set<string>()])) as Record<Role, Set<string>>;
  const villagesPresent = new Set<string>();
  const kecamatanPresent = new Set<string>();
  let present = 0;

  for (const person of people) {
    const kecamatanTally = byKecamatan[person.kecamatanCode] ?? { registered: 0, present: 0 };
    byKecamatan[person.kecamatanCode] = kecamatanTally;
    byRole[person.role].registered++;
    kecamatanTally.registered++;
    if (!person.present) continue;
    present++;
    byRole[person.role].present++;
    kecamatanTally.present++;
    presentByRole[person.role].add(person.villageCode ?? person.kecamatanCode);
    if (person.villageCode) villagesPresent.add(person.villageCode);
    else kecamatanPresent.add(person.kecamatanCode);
  }

  const expectedVillages = sorted(Object.keys(plan.villages));
  const expectedKecamatan = sorted(plan.kecamatan);
  return {
    registered: people.length,
    present,
    byRole,
    byKecamatan,
    missing: {
      KETUA_PANITIA: expectedVillages.filter((code) => !presentByRole.KETUA_PANITIA.has(code)),
      SEKRETARIS_PANITIA: expectedVillages.filter((code) => !presentByRole.SEKRETARIS_PANITIA.has(code)),
      KASI_PEMERINTAHAN: expectedKecamatan.filter((code) => !presentByRole.KASI_PEMERINTAHAN.has(code)),
    },
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
