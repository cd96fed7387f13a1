import fc from 'fast-check';
import Papa from 'papaparse';
import { logisticsCsv, logisticsTable } from '#shared/logistics/exports/csv.ts';
import { logisticsLabels } from '#shared/logistics/exports/labels.ts';
import {
  buildLogisticsExport,
  FIGURES,
  type LogisticsSource,
  VILLAGE_STATES,
} from '#shared/logistics/rules/summary.ts';

const items = [
  { code: 'SURAT_SUARA', name: 'Surat suara', unit: 'lembar' },
  { code: 'KOTAK_SUARA', name: 'Kotak suara', unit: 'buah' },
];
const regions = {
  kecamatan: [
    { code: '16.09.02', name: 'Pulau Beringin' },
    { code: '16.09.01', name: 'Muara Dua' },
  ],
  villages: [
    { code: '16.09.02.2001', name: 'Sukarami', kecamatanCode: '16.09.02' },
    { code: '16.09.01.2003', name: 'Tanjung 10', kecamatanCode: '16.09.01' },
    { code: '16.09.01.2002', name: 'Tanjung 2', kecamatanCode: '16.09.01' },
    { code: '16.09.01.2001', name: 'Bumi Agung', kecamatanCode: '16.09.01' },
  ],
};
const ledgers = regions.villages.map((village) => ({
  villageCode: village.code,
  allocation: { KOTAK_SUARA: 2, SURAT_SUARA: 500 },
}));
const shipped = (villageCode: string, kecamatanCode: string) => ({
  villageCode,
  kecamatanCode,
  lines: [
    { itemCode: 'KOTAK_SUARA', quantity: 2 },
    { itemCode: 'SURAT_SUARA', quantity: 500 },
  ],
});
const source: LogisticsSource = {
  items,
  ledgers,
  regions,
  shipments: [
    // Bumi Agung: confirmed in full.
    {
      ...shipped('16.09.01.2001', '16.09.01'),
      receipt: {
        discrepancy: false,
        lines: [
          { itemCode: 'KOTAK_SUARA', good: 2, minorDamage: 0, majorDamage: 0, missing: 0 },
          { itemCode: 'SURAT_SUARA', good: 500, minorDamage: 0, majorDamage: 0, missing: 0 },
        ],
      },
    },
    // Tanjung 2: 10 ballots damaged, 5 missing.
    {
      ...shipped('16.09.01.2002', '16.09.01'),
      receipt: {
        discrepancy: true,
        lines: [
          { itemCode: 'KOTAK_SUARA', good: 2, minorDamage: 0, majorDamage: 0, missing: 0 },
          { itemCode: 'SURAT_SUARA', good: 485, minorDamage: 6, majorDamage: 4, missing: 5 },
        ],
      },
    },
    // Tanjung 10: shipped, not yet confirmed. Sukarami: nothing shipped.
    shipped('16.09.01.2003', '16.09.01'),
  ],
};

describe('the logistics export rows', () => {
  test('give every desa one row per item, sorted by kecamatan, desa (numbers as numbers) and item code', () => {
    // Act
    const { rows } = buildLogisticsExport(source);
    // Assess
    expect(rows.map((row) => `${row.kecamatanName} / ${row.villageName} / ${row.itemCode}`)).toEqual([
      'Muara Dua / Bumi Agung / KOTAK_SUARA',
      'Muara Dua / Bumi Agung / SURAT_SUARA',
      'Muara Dua / Tanjung 2 / KOTAK_SUARA',
      'Muara Dua / Tanjung 2 / SURAT_SUARA',
      'Muara Dua / Tanjung 10 / KOTAK_SUARA',
      'Muara Dua / Tanjung 10 / SURAT_SUARA',
      'Pulau Beringin / Sukarami / KOTAK_SUARA',
      'Pulau Beringin / Sukarami / SURAT_SUARA',
    ]);
  });

  test('carry each desa’s state and its own counters', () => {
    const { rows } = buildLogisticsExport(source);
    const row = (village: string, item: string) =>
      rows.find((candidate) => candidate.villageName === village && candidate.itemCode === item);
    expect(row('Bumi Agung', 'SURAT_SUARA')).toMatchObject({ state: 'confirmed', shipped: 500, good: 500 });
    expect(row('Tanjung 2', 'SURAT_SUARA')).toMatchObject({
      state: 'discrepancy',
      allocated: 500,
      shipped: 500,
      good: 485,
      minorDamage: 6,
      majorDamage: 4,
      missing: 5,
      itemName: 'Surat suara',
      unit: 'lembar',
    });
    expect(row('Tanjung 10', 'KOTAK_SUARA')).toMatchObject({ state: 'awaitingConfirmation', shipped: 2, good: 0 });
    expect(row('Sukarami', 'KOTAK_SUARA')).toMatchObject({ state: 'notShipped', allocated: 2, shipped: 0 });
  });

  test('count desa per state, and total each item over all desa', () => {
    const { states, totals } = buildLogisticsExport(source);
    expect(states).toEqual({ notShipped: 1, partlyShipped: 0, awaitingConfirmation: 1, confirmed: 1, discrepancy: 1 });
    expect(totals).toEqual([
      {
        itemCode: 'KOTAK_SUARA',
        name: 'Kotak suara',
        unit: 'buah',
        allocated: 8,
        shipped: 6,
        good: 4,
        minorDamage: 0,
        majorDamage: 0,
        missing: 0,
      },
      {
        itemCode: 'SURAT_SUARA',
        name: 'Surat suara',
        unit: 'lembar',
        allocated: 2000,
        shipped: 1500,
        good: 985,
        minorDamage: 6,
        majorDamage: 4,
        missing: 5,
      },
    ]);
  });

  test('keep a desa gone from the region list and an item gone from the catalogue, named by code', () => {
    // Prepare: a shipment to a desa since removed, with an item since removed from the catalogue.
    const gone = {
      ...source,
      shipments: [
        ...source.shipments,
        { villageCode: '16.09.03.2009', kecamatanCode: '16.09.03', lines: [{ itemCode: 'PAYUNG', quantity: 4 }] },
      ],
    };
    // Act
    const { rows, totals, states } = buildLogisticsExport(gone);
    // Assess
    expect(rows.filter((row) => row.villageCode === '16.09.03.2009')).toHaveLength(3);
    expect(rows.find((row) => row.villageCode === '16.09.03.2009' && row.itemCode === 'PAYUNG')).toMatchObject({
      villageName: '16.09.03.2009',
      kecamatanName: '16.09.03',
      itemName: 'PAYUNG',
      shipped: 4,
    });
    expect(totals.map((total) => total.itemCode)).toEqual(['KOTAK_SUARA', 'SURAT_SUARA', 'PAYUNG']);
    // The summary counts the desa of the region list only.
    expect(VILLAGE_STATES.reduce((sum, state) => sum + states[state], 0)).toBe(4);
  });

  test('totals always equal the sum of the rows', () => {
    const quantity = fc.integer({ min: 0, max: 5_000 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ village: fc.integer({ min: 0, max: 3 }), kotak: quantity, surat: quantity }), {
          maxLength: 8,
        }),
        (drafts) => {
          const shipments = drafts.map((draft) => {
            const village = regions.villages[draft.village] ?? regions.villages[0];
            return {
              villageCode: village?.code ?? '',
              kecamatanCode: village?.kecamatanCode ?? '',
              lines: [
                { itemCode: 'KOTAK_SUARA', quantity: draft.kotak },
                { itemCode: 'SURAT_SUARA', quantity: draft.surat },
              ],
            };
          });
          const { rows, totals } = buildLogisticsExport({ ...source, shipments });
          for (const total of totals) {
            for (const figure of FIGURES) {
              const sum = rows
                .filter((row) => row.itemCode === total.itemCode)
                .reduce((acc, row) => acc + row[figure], 0);
              expect(total[figure]).toBe(sum);
            }
          }
        },
      ),
    );
  });
});

describe('the logistics CSV', () => {
  test('says each state in words, in Indonesian by default and in English on request', () => {
    const { rows } = buildLogisticsExport(source);
    const words = (lang: 'id' | 'en') =>
      [
        ...new Set(
          logisticsTable(rows, logisticsLabels(lang))
            .slice(1)
            .map((row) => row[3]),
        ),
      ].sort();
    expect(words('id')).toEqual(['Ada selisih', 'Belum dikirim', 'Diterima lengkap', 'Menunggu konfirmasi']);
    expect(words('en')).toEqual(['Awaiting confirmation', 'Discrepancy', 'Not shipped', 'Received in full']);
  });

  test('has a byte-order mark, the header, and one line per desa and item', () => {
    // Act
    const csv = logisticsCsv(buildLogisticsExport(source).rows, logisticsLabels('id'));
    // Assess
    expect(csv.startsWith('\uFEFFKecamatan,Desa,Kode Desa,Status,Kode Barang,Nama Barang,Satuan,')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([
      'Kecamatan',
      'Desa',
      'Kode Desa',
      'Status',
      'Kode Barang',
      'Nama Barang',
      'Satuan',
      'Dialokasikan',
      'Dikirim',
      'Baik',
      'Rusak Ringan',
      'Rusak Berat',
      'Hilang',
    ]);
    expect(parsed).toHaveLength(1 + 8);
    expect(parsed.find((row) => row[1] === 'Tanjung 2' && row[4] === 'SURAT_SUARA')).toEqual([
      'Muara Dua',
      'Tanjung 2',
      '16.09.01.2002',
      'Ada selisih',
      'SURAT_SUARA',
      'Surat suara',
      'lembar',
      '500',
      '500',
      '485',
      '6',
      '4',
      '5',
    ]);
  });

  test('defuses a desa name that a spreadsheet would run as a formula', () => {
    const hostile = {
      ...source,
      regions: {
        ...regions,
        villages: [{ code: '16.09.02.2001', name: '=HYPERLINK("http://x")', kecamatanCode: '16.09.02' }],
      },
    };
    const csv = logisticsCsv(buildLogisticsExport(hostile).rows, logisticsLabels('id'));
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('a desa sent less than its allocation', () => {
  const village = regions.villages[0] ?? { code: '', name: '', kecamatanCode: '' };
  const partly = (confirmed: boolean): LogisticsSource => ({
    items,
    ledgers: [{ villageCode: village.code, allocation: { KOTAK_SUARA: 6 } }],
    shipments: [
      {
        villageCode: village.code,
        kecamatanCode: village.kecamatanCode,
        lines: [{ itemCode: 'KOTAK_SUARA', quantity: 4 }],
        receipt: confirmed
          ? {
              discrepancy: false,
              lines: [{ itemCode: 'KOTAK_SUARA', good: 4, minorDamage: 0, majorDamage: 0, missing: 0 }],
            }
          : undefined,
      },
    ],
    regions: { kecamatan: regions.kecamatan, villages: [village] },
  });

  test('reads "partly shipped", confirmed or not, never "received in full"', () => {
    for (const confirmed of [false, true]) {
      const picture = buildLogisticsExport(partly(confirmed));
      expect(picture.villages[0]?.state).toBe('partlyShipped');
      expect(picture.states.partlyShipped).toBe(1);
      expect(picture.states.confirmed).toBe(0);
      expect(logisticsCsv(picture.rows, logisticsLabels('id'))).toContain('Sebagian dikirim');
    }
  });

  test('becomes "received in full" once the rest is shipped and confirmed', () => {
    const source = partly(true);
    const rest = {
      villageCode: village.code,
      kecamatanCode: village.kecamatanCode,
      lines: [{ itemCode: 'KOTAK_SUARA', quantity: 2 }],
      receipt: {
        discrepancy: false,
        lines: [{ itemCode: 'KOTAK_SUARA', good: 2, minorDamage: 0, majorDamage: 0, missing: 0 }],
      },
    };
    const picture = buildLogisticsExport({ ...source, shipments: [...source.shipments, rest] });
    expect(picture.villages[0]?.state).toBe('confirmed');
  });
});
