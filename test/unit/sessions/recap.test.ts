import fc from 'fast-check';
import { type AttendancePerson, recapAttendance } from '#shared/sessions/rules/recap.ts';
import { DEFAULT_ROLES, roles } from '#shared/sessions/rules/roles.ts';

const plan = {
  villages: { '16.09.01.2002': '16.09.01', '16.09.01.2003': '16.09.01', '16.09.02.2001': '16.09.02' },
  kecamatan: ['16.09.01', '16.09.02'],
  roles: DEFAULT_ROLES,
};

describe('recapAttendance', () => {
  test('nobody registered: everything expected is missing', () => {
    const recap = recapAttendance(plan, []);
    expect(recap.registered).toBe(0);
    expect(recap.missing.KETUA_PANITIA).toEqual(['16.09.01.2002', '16.09.01.2003', '16.09.02.2001']);
    expect(recap.missing.KASI_PEMERINTAHAN).toEqual(['16.09.01', '16.09.02']);
    expect(recap.villages).toEqual({ expected: 3, represented: 0 });
  });

  test('a registered chair who is absent is still missing; a present secretary represents the desa', () => {
    const people: AttendancePerson[] = [
      { role: 'KETUA_PANITIA', villageCode: '16.09.01.2002', kecamatanCode: '16.09.01', present: false },
      { role: 'SEKRETARIS_PANITIA', villageCode: '16.09.01.2002', kecamatanCode: '16.09.01', present: true },
      { role: 'KASI_PEMERINTAHAN', kecamatanCode: '16.09.02', present: true },
    ];
    const recap = recapAttendance(plan, people);
    expect(recap.missing.KETUA_PANITIA).toContain('16.09.01.2002');
    expect(recap.missing.SEKRETARIS_PANITIA).not.toContain('16.09.01.2002');
    expect(recap.missing.KASI_PEMERINTAHAN).toEqual(['16.09.01']);
    expect(recap.villages.represented).toBe(1);
    expect(recap.kecamatan.represented).toBe(1);
    expect(recap.byKecamatan['16.09.01']).toEqual({ registered: 2, present: 1 });
  });

  test('the totals always add up, whatever the mix of people', () => {
    const village = fc.constantFrom(...Object.keys(plan.villages));
    const person = fc.oneof(
      fc.record({
        role: fc.constantFrom('KETUA_PANITIA' as const, 'SEKRETARIS_PANITIA' as const, 'ANGGOTA_PANITIA' as const),
        villageCode: village,
        present: fc.boolean(),
      }),
      fc.record({
        role: fc.constant('KASI_PEMERINTAHAN' as const),
        villageCode: fc.constant(undefined),
        present: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(fc.array(person, { maxLength: 60 }), (raw) => {
        const people: AttendancePerson[] = raw.map((p, i) => ({
          ...p,
          kecamatanCode: p.villageCode
            ? ((plan.villages as Record<string, string>)[p.villageCode] ?? '')
            : (plan.kecamatan[i % 2] ?? ''),
        }));
        const recap = recapAttendance(plan, people);
        const sum = (pick: (t: { registered: number; present: number }) => number) =>
          roles.reduce((total, role) => total + pick(recap.byRole[role] ?? { registered: 0, present: 0 }), 0);
        expect(sum((t) => t.registered)).toBe(people.length);
        expect(sum((t) => t.present)).toBe(people.filter((p) => p.present).length);
        const byKecamatan = Object.values(recap.byKecamatan);
        expect(byKecamatan.reduce((total, t) => total + t.present, 0)).toBe(recap.present);
        for (const code of recap.missing.KETUA_PANITIA ?? []) {
          expect(people.some((p) => p.role === 'KETUA_PANITIA' && p.villageCode === code && p.present)).toBe(false);
        }
        expect(recap.villages.represented).toBeLessThanOrEqual(recap.villages.expected);
      }),
    );
  });
});
