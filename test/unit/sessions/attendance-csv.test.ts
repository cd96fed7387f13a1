import fc from 'fast-check';
import Papa from 'papaparse';
import { attendanceCsv } from '#shared/sessions/exports/csv.ts';
import { exportLabels } from '#shared/sessions/exports/labels.ts';
import type { ExportRow } from '#shared/sessions/exports/rows.ts';

const labels = exportLabels('id');

function row(overrides: Partial<ExportRow>): ExportRow {
  return {
    no: 1,
    registrationId: 'KT-16.09.01.2001',
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.01.2001',
    villageName: 'Way Timah',
    kecamatanCode: '16.09.01',
    kecamatanName: 'Muara Dua',
    phone: '0812-3456-7890',
    present: true,
    checkedInAt: '2023-02-08T01:15:00.000Z',
    ...overrides,
  };
}

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('the attendance CSV', () => {
  test('starts with a byte-order mark and the Indonesian header, one line per registration', () => {
    // Act
    const csv = attendanceCsv(
      [row({}), row({ no: 2, fullName: 'Yulianti', present: false, checkedInAt: null })],
      labels,
    );
    // Assess
    expect(csv.startsWith('\uFEFFNo,Nama,Peran,Desa,Kecamatan,No. HP,Hadir,Waktu hadir\r\n')).toBe(true);
    expect(parse(csv)).toEqual([
      ['No', 'Nama', 'Peran', 'Desa', 'Kecamatan', 'No. HP', 'Hadir', 'Waktu hadir'],
      ['1', 'Juproni', 'Ketua Panitia', 'Way Timah', 'Muara Dua', '0812-3456-7890', 'Ya', '2023-02-08 08:15 WIB'],
      ['2', 'Yulianti', 'Ketua Panitia', 'Way Timah', 'Muara Dua', '0812-3456-7890', 'Tidak', ''],
    ]);
  });

  test('keeps names with commas, quotes and any letters intact', () => {
    const names = ['H. M. Rahmattullah, S.STP., MM.', 'Siti Nur’aini', 'Dr. Elvira Ñañez', 'Đặng Văn Lâm', 'Ma"ruf'];
    const csv = attendanceCsv(
      names.map((fullName, index) => row({ no: index + 1, fullName })),
      labels,
    );
    expect(
      parse(csv)
        .slice(1)
        .map((cells) => cells[1]),
    ).toEqual(names);
  });

  test.each([
    ['=HYPERLINK("http://evil.example","klik")'],
    ['+62 812'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['=1+1\n=2+2'],
  ])('defuses a cell a spreadsheet would run as a formula: %j', (dangerous) => {
    // Act
    const cells = parse(attendanceCsv([row({ fullName: dangerous, villageName: dangerous })], labels))[1];
    // Assess
    expect(cells?.[1]).toBe(`'${dangerous}`);
    expect(cells?.[3]).toBe(`'${dangerous}`);
  });

  test('leaves every other cell exactly as it was', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text)),
        (text) => {
          const cells = parse(attendanceCsv([row({ fullName: text === '' ? 'x' : text })], labels))[1];
          expect(cells?.[1]).toBe(text === '' ? 'x' : text);
        },
      ),
    );
  });
});
