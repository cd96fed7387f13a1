import {
  type BastSource,
  bastFileName,
  buildBast,
  capacitySentence,
  DOTTED,
  openingSentence,
} from '#shared/logistics/exports/bast-content.ts';

const names = { regency: 'Kabupaten Ogan Komering Ulu Selatan', village: 'Way Timah', kecamatan: 'Muara Dua' };
const URL = 'https://siap.example/terima/01HZX3K7Q8M9N0P1R2S3T4V5W6';

function source(overrides: Partial<BastSource> = {}): BastSource {
  return {
    bastNumber: '007/BAST-PILKADES/DPMD/OKU-SELATAN/2026',
    date: '2023-02-08',
    lines: [
      { name: 'Kotak suara', unit: 'buah', quantity: 3 },
      { name: 'Surat suara', unit: 'lembar', quantity: 1025 },
    ],
    handedOverBy: { name: 'Drs. H. Zulkarnain, M.Si.', title: 'Kepala Bidang Pemerintahan Desa' },
    receivedBy: { name: 'Ma’ruf', title: 'Ketua Panitia Pemilihan Kepala Desa' },
    ...overrides,
  };
}

describe('the BAST content', () => {
  test('has the kop of the regency’s DPMD and speaks for the office and the desa committee', () => {
    // Act
    const content = buildBast(source(), names, URL);
    // Assess
    expect(content.letterhead).toEqual([
      'PEMERINTAH KABUPATEN OGAN KOMERING ULU SELATAN',
      'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA',
    ]);
    expect(content.office).toBe('Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Ogan Komering Ulu Selatan');
    expect(content.committee).toBe('Panitia Pemilihan Kepala Desa Way Timah, Kecamatan Muara Dua');
    expect(content.number).toBe('007/BAST-PILKADES/DPMD/OKU-SELATAN/2026');
    expect(content.receiptUrl).toBe(URL);
  });

  test('opens with the spelled-out day and place', () => {
    const content = buildBast(source(), names, URL);
    expect(openingSentence(content)).toBe(
      'Pada hari ini Rabu tanggal Delapan bulan Februari tahun Dua Ribu Dua Puluh Tiga (08-02-2023), bertempat di ' +
        'Desa Way Timah, Kecamatan Muara Dua, kami yang bertanda tangan di bawah ini:',
    );
    expect(capacitySentence(content.office, 'PIHAK PERTAMA')).toBe(
      'Dalam hal ini bertindak untuk dan atas nama Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Ogan Komering ' +
        'Ulu Selatan, selanjutnya disebut PIHAK PERTAMA.',
    );
  });

  test('prints the parties as given, names with titles and apostrophes intact', () => {
    const content = buildBast(source(), names, URL);
    expect(content.first).toEqual({
      name: 'Drs. H. Zulkarnain, M.Si.',
      title: 'Kepala Bidang Pemerintahan Desa',
      known: { name: true, title: true },
    });
    expect(content.second.name).toBe('Ma’ruf');
  });

  test('leaves dotted lines to fill in by hand for a party not given, or given as blanks', () => {
    // Act
    const content = buildBast(
      source({ handedOverBy: undefined, receivedBy: { name: '  ', title: 'Sekretaris Panitia' } }),
      names,
      URL,
    );
    // Assess
    expect(content.first).toEqual({ name: DOTTED, title: DOTTED, known: { name: false, title: false } });
    expect(content.second).toEqual({
      name: DOTTED,
      title: 'Sekretaris Panitia',
      known: { name: false, title: true },
    });
  });

  test('numbers the lines in shipment order, quantities with dots between thousands', () => {
    const content = buildBast(source(), names, URL);
    expect(content.lines).toEqual([
      { no: 1, name: 'Kotak suara', quantity: '3', unit: 'buah' },
      { no: 2, name: 'Surat suara', quantity: '1.025', unit: 'lembar' },
    ]);
  });
});

describe('the BAST file name', () => {
  test('is the sequence and year of the number', () => {
    expect(bastFileName('007/BAST-PILKADES/DPMD/OKU-SELATAN/2026')).toBe('BAST-007-2026.pdf');
    expect(bastFileName('1234/BAST-PILKADES/DPMD/TANAH-BUMBU/2023')).toBe('BAST-1234-2023.pdf');
  });

  test('keeps letters and digits of a number of another shape', () => {
    expect(bastFileName('BAST 7 / 2026')).toBe('BAST-BAST-7-2026.pdf');
    expect(bastFileName('x/../../etc')).toMatch(/^BAST-[A-Za-z0-9-]+\.pdf$/);
  });
});
