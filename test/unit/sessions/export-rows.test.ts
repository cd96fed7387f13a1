import fc from 'fast-check';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import { exportLabels } from '#shared/sessions/exports/labels.ts';
import {
  buildAttendanceExport,
  type CheckInItem,
  exportFileName,
  formatCheckInTime,
  formatPhone,
  missingSentence,
  type RegistrationItem,
  recapSentence,
  type SessionPlan,
} from '#shared/sessions/exports/rows.ts';
import { registrationId } from '#shared/sessions/rules/registration-id.ts';
import { DEFAULT_ROLES, type Role } from '#shared/sessions/rules/roles.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';

const id = exportLabels('id');
const en = exportLabels('en');

/** A small regency: two kecamatan whose names sort opposite to their codes. */
const regions = {
  kecamatan: [
    { code: '16.09.01', name: 'Muara Dua' },
    { code: '16.09.02', name: 'Banding Agung' },
  ],
  villages: [
    { code: '16.09.01.2001', name: 'Way Timah' },
    { code: '16.09.01.2002', name: 'Gunung Tiga' },
    { code: '16.09.02.2001', name: 'Surabaya' },
  ],
};

const smallPlan: SessionPlan = {
  id: 'S1',
  title: 'Bimtek',
  date: '2023-02-08',
  venue: 'Aula',
  villages: { '16.09.01.2001': '16.09.01', '16.09.01.2002': '16.09.01', '16.09.02.2001': '16.09.02' },
  kecamatan: { '16.09.01': 1, '16.09.02': 1 },
  roles: DEFAULT_ROLES,
};

function registration(role: Role, fullName: string, unit: string, phone?: string): RegistrationItem {
  const village = role !== 'KASI_PEMERINTAHAN';
  return {
    id: registrationId({ role, unitCode: unit, fullName }),
    role,
    fullName,
    villageCode: village ? unit : undefined,
    kecamatanCode: village ? unit.slice(0, 8) : unit,
    phone,
  };
}

function checkIn(item: RegistrationItem, at = '2023-02-08T01:15:00.000Z'): CheckInItem {
  return { registrationId: item.id, at };
}

const smallRegistrations = [
  registration('ANGGOTA_PANITIA', 'Yulianti', '16.09.01.2002'),
  registration('KETUA_PANITIA', 'Juproni', '16.09.01.2001', '+6281230001234'),
  registration('SEKRETARIS_PANITIA', 'Siti Nur’aini', '16.09.01.2002'),
  registration('KASI_PEMERINTAHAN', 'Drs. Sukardi, M.Si.', '16.09.01'),
  registration('ANGGOTA_PANITIA', 'Agus Salim', '16.09.01.2002'),
  registration('KETUA_PANITIA', 'Dr. Elvira Ñañez', '16.09.02.2001'),
  registration('KETUA_PANITIA', 'Ahmad Fauzi', '16.09.01.2002'),
];

describe('the rows of an attendance export', () => {
  test('are sorted by kecamatan code, desa code (the regency list order), role order and name, and numbered from 1', () => {
    // Prepare
    const checkIns = smallRegistrations.map((item) => checkIn(item));
    // Act
    const { rows } = buildAttendanceExport(smallPlan, smallRegistrations, checkIns, regions);
    // Assess
    expect(rows.map((row) => [row.no, row.kecamatanName, row.villageName, row.role, row.fullName])).toEqual([
      // The Kasi has no desa and heads their kecamatan; Muara Dua (16.09.01) before Banding Agung (16.09.02).
      [1, 'Muara Dua', '', 'KASI_PEMERINTAHAN', 'Drs. Sukardi, M.Si.'],
      [2, 'Muara Dua', 'Way Timah', 'KETUA_PANITIA', 'Juproni'],
      [3, 'Muara Dua', 'Gunung Tiga', 'KETUA_PANITIA', 'Ahmad Fauzi'],
      [4, 'Muara Dua', 'Gunung Tiga', 'SEKRETARIS_PANITIA', 'Siti Nur’aini'],
      [5, 'Muara Dua', 'Gunung Tiga', 'ANGGOTA_PANITIA', 'Agus Salim'],
      [6, 'Muara Dua', 'Gunung Tiga', 'ANGGOTA_PANITIA', 'Yulianti'],
      [7, 'Banding Agung', 'Surabaya', 'KETUA_PANITIA', 'Dr. Elvira Ñañez'],
    ]);
  });

  test('list the absent too, marked not present, and the present with their local check-in time', () => {
    // Prepare
    const [first, second] = smallRegistrations;
    const checkIns = [checkIn(second as RegistrationItem, '2023-02-08T01:15:00.000Z')];
    // Act
    const { rows } = buildAttendanceExport(smallPlan, [first, second] as RegistrationItem[], checkIns, regions);
    // Assess
    expect(rows).toHaveLength(2);
    const juproni = rows.find((row) => row.fullName === 'Juproni');
    const yulianti = rows.find((row) => row.fullName === 'Yulianti');
    expect(juproni).toMatchObject({ present: true, checkedInAt: '2023-02-08T01:15:00.000Z', phone: '0812-3000-1234' });
    expect(yulianti).toMatchObject({ present: false, checkedInAt: null, phone: '' });
  });

  test('print a code whose desa is no longer in the region list as the code itself', () => {
    // Prepare
    const orphan = registration('KETUA_PANITIA', 'Heriyanto', '16.09.01.2999');
    // Act
    const { rows } = buildAttendanceExport(smallPlan, [orphan], [], regions);
    // Assess
    expect(rows[0]).toMatchObject({ villageName: '16.09.01.2999', kecamatanName: 'Muara Dua' });
  });

  test('come out in the same order whatever order the table returned them in', () => {
    const checkIns = smallRegistrations.slice(0, 3).map((item) => checkIn(item));
    const expected = buildAttendanceExport(smallPlan, smallRegistrations, checkIns, regions).rows;
    fc.assert(
      fc.property(fc.shuffledSubarray(smallRegistrations, { minLength: smallRegistrations.length }), (shuffled) => {
        expect(buildAttendanceExport(smallPlan, shuffled, checkIns, regions).rows).toEqual(expected);
      }),
    );
  });

  test('name the seats still missing with their desa and kecamatan', () => {
    // Prepare: only the Ketua of Way Timah and the Kasi of Muara Dua are present.
    const present = smallRegistrations.filter(
      (item) => item.fullName === 'Juproni' || item.role === 'KASI_PEMERINTAHAN',
    );
    // Act
    const { missing } = buildAttendanceExport(
      smallPlan,
      smallRegistrations,
      present.map((item) => checkIn(item)),
      regions,
    );
    // Assess
    expect(missing).toEqual([
      {
        role: 'KETUA_PANITIA',
        villageCode: '16.09.01.2002',
        villageName: 'Gunung Tiga',
        kecamatanCode: '16.09.01',
        kecamatanName: 'Muara Dua',
      },
      {
        role: 'KETUA_PANITIA',
        villageCode: '16.09.02.2001',
        villageName: 'Surabaya',
        kecamatanCode: '16.09.02',
        kecamatanName: 'Banding Agung',
      },
      expect.objectContaining({ role: 'SEKRETARIS_PANITIA', villageName: 'Way Timah' }),
      expect.objectContaining({ role: 'SEKRETARIS_PANITIA', villageName: 'Gunung Tiga' }),
      expect.objectContaining({ role: 'SEKRETARIS_PANITIA', villageName: 'Surabaya' }),
      { role: 'KASI_PEMERINTAHAN', villageName: '', kecamatanCode: '16.09.02', kecamatanName: 'Banding Agung' },
    ]);
  });
});

describe('the recap sentence', () => {
  const okuPlan: SessionPlan = {
    id: 'S2',
    title: 'Sosialisasi Pilkades Serentak 2023',
    date: '2023-02-08',
    venue: 'Aula DPMD',
    villages: Object.fromEntries(villages.map((village) => [village.code, village.kecamatanCode])),
    roles: DEFAULT_ROLES,
    kecamatan: Object.fromEntries(kecamatan.map((unit) => [unit.code, 1])),
  };
  const kecamatanOf = new Map(villages.map((village) => [village.code, village.kecamatanCode]));
  const okuRegistrations = okuSelatanParticipants().map((person) =>
    registration(person.role, person.fullName, person.villageCode ?? person.kecamatanCode ?? ''),
  );

  test('says what the OKU Selatan briefing of 8 Feb 2023 said: 183 of 183, 82/82/19, 82 of 82 desa', () => {
    // Prepare
    expect(okuRegistrations.every((item) => !item.villageCode || kecamatanOf.has(item.villageCode))).toBe(true);
    // Act
    const { recap } = buildAttendanceExport(
      okuPlan,
      okuRegistrations,
      okuRegistrations.map((item) => checkIn(item)),
      { kecamatan, villages },
    );
    // Assess
    expect(recapSentence(recap, id)).toBe(
      '183 peserta hadir dari 183 terdaftar: 82 Ketua Panitia, 82 Sekretaris Panitia, 19 Kasi Pemerintahan; 82 dari 82 desa terwakili',
    );
    expect(recapSentence(recap, en)).toBe(
      '183 of 183 registered participants present: 82 committee chairs, 82 committee secretaries, 19 Kasi Pemerintahan; 82 of 82 villages represented',
    );
  });

  test('counts only those present and names only roles with someone present', () => {
    // Prepare: the Kasi stay away, and one desa sends nobody at all.
    const absentVillage = villages[3]?.code;
    const present = okuRegistrations.filter(
      (item) => item.role !== 'KASI_PEMERINTAHAN' && item.villageCode !== absentVillage,
    );
    // Act
    const data = buildAttendanceExport(
      okuPlan,
      okuRegistrations,
      present.map((item) => checkIn(item)),
      {
        kecamatan,
        villages,
      },
    );
    // Assess
    expect(recapSentence(data.recap, id)).toBe(
      '162 peserta hadir dari 183 terdaftar: 81 Ketua Panitia, 81 Sekretaris Panitia; 81 dari 82 desa terwakili',
    );
    expect(missingSentence(data.missing, id, 3)).toBe(
      `Belum hadir: Ketua Panitia dari Desa ${villages[3]?.name} (Muara Dua); ` +
        `Sekretaris Panitia dari Desa ${villages[3]?.name} (Muara Dua); ` +
        'Kasi Pemerintahan dari Kecamatan Muara Dua, Kecamatan Pulau Beringin, Kecamatan Banding Agung, dan 16 lainnya',
    );
  });

  test('says nobody is present rather than listing empty roles', () => {
    const { recap, missing } = buildAttendanceExport(smallPlan, smallRegistrations, [], regions);
    expect(recapSentence(recap, id)).toBe('0 peserta hadir dari 7 terdaftar; 0 dari 3 desa terwakili');
    expect(missing).toHaveLength(8);
  });

  test('is absent when nobody is missing', () => {
    expect(missingSentence([], id)).toBeNull();
  });

  test('uses the singular in English for one person', () => {
    const one = smallRegistrations.filter((item) => item.fullName === 'Juproni');
    const { recap } = buildAttendanceExport(
      smallPlan,
      one,
      one.map((item) => checkIn(item)),
      regions,
    );
    expect(recapSentence(recap, en)).toBe(
      '1 of 1 registered participants present: 1 committee chair; 1 of 3 villages represented',
    );
  });
});

describe('values as printed', () => {
  test('phones are written the way people dial them', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone('+62735321456')).toBe('0735-3214-56');
    expect(formatPhone(undefined)).toBe('');
  });

  test('check-in times are wall-clock time in WIB, also across midnight UTC', () => {
    expect(formatCheckInTime('2023-02-08T01:15:00.000Z')).toBe('2023-02-08 08:15 WIB');
    expect(formatCheckInTime('2023-02-07T17:30:00.000Z')).toBe('2023-02-08 00:30 WIB');
    expect(formatCheckInTime(null)).toBe('');
  });

  test('file names carry the session date', () => {
    expect(exportFileName(id, '2023-02-08', 'pdf')).toBe('daftar-hadir-2023-02-08.pdf');
    expect(exportFileName(en, '2023-02-08', 'csv')).toBe('attendance-list-2023-02-08.csv');
  });
});
