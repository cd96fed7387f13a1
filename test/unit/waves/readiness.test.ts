/** The readiness rules, desa by desa: trained, supplied, photo, problems; late by the schedule. */
import fc from 'fast-check';
import { render } from '#shared/kernel/i18n/core.ts';
import { judgeReadiness, type ReadinessSource } from '#shared/waves/rules/readiness.ts';
import { templateStages } from '#shared/waves/rules/stages.ts';

const votingDay = '2027-01-30';
const stages = templateStages(votingDay).map((stage) => {
  if (stage.code === 'SOSIALISASI') return { ...stage, start: '2027-01-01', end: '2027-01-05' };
  if (stage.code === 'DISTRIBUSI_LOGISTIK') return { ...stage, start: '2027-01-10', end: '2027-01-20' };
  return stage;
});
const at = (day: string) => `${day}T03:00:00.000Z`;

function source(overrides: Partial<ReadinessSource> = {}): ReadinessSource {
  return {
    date: '2027-01-03',
    votingDay,
    stages,
    dayOf: (instant) => instant.slice(0, 10),
    villages: [{ code: '16.09.01.2001', name: 'Tanjung Raya', kecamatanCode: '16.09.01', kecamatanName: 'Muara Dua' }],
    registrations: [
      {
        role: 'KETUA_PANITIA',
        fullName: 'Juproni',
        phone: '+6281200000001',
        villageCode: '16.09.01.2001',
        createdAt: at('2027-01-01'),
        checkedInAt: at('2027-01-02'),
      },
      {
        role: 'SEKRETARIS_PANITIA',
        fullName: 'Yulianti',
        villageCode: '16.09.01.2001',
        createdAt: at('2027-01-01'),
        checkedInAt: at('2027-01-02'),
      },
    ],
    allocations: new Map([['16.09.01.2001', { KOTAK_SUARA: 4, TINTA: 2 }]]),
    items: new Map([
      ['KOTAK_SUARA', { name: 'Kotak suara' }],
      ['TINTA', { name: 'Tinta sidik jari' }],
    ]),
    shipments: [
      {
        id: 'S1',
        villageCode: '16.09.01.2001',
        createdAt: at('2027-01-02'),
        lines: [
          { itemCode: 'KOTAK_SUARA', quantity: 4 },
          { itemCode: 'TINTA', quantity: 2 },
        ],
        receipt: {
          confirmedAt: at('2027-01-03'),
          lines: [
            { itemCode: 'KOTAK_SUARA', good: 3, minorDamage: 1, majorDamage: 0, missing: 0 },
            { itemCode: 'TINTA', good: 2, minorDamage: 0, majorDamage: 0, missing: 0 },
          ],
        },
        bastPhotoAt: at('2027-01-03'),
      },
    ],
    problems: [],
    ...overrides,
  };
}

const only = (overrides: Partial<ReadinessSource> = {}) => {
  const result = judgeReadiness(source(overrides));
  const village = result.villages[0];
  if (!village) throw new Error('no desa');
  return { ...village, codes: village.reasons.map((reason) => reason.code), result };
};

test('a desa briefed, supplied (lightly damaged counts as usable), photographed and without problems is ready', () => {
  const desa = only();
  expect(desa.state).toBe('READY');
  expect(desa.reasons).toEqual([]);
  expect(desa.logistics).toEqual({
    lines: [
      { itemCode: 'KOTAK_SUARA', allocated: 4, shipped: 4, usable: 4, majorDamage: 0, missing: 0 },
      { itemCode: 'TINTA', allocated: 2, shipped: 2, usable: 2, majorDamage: 0, missing: 0 },
    ],
    receiptConfirmed: true,
    bastPhoto: true,
  });
  expect(desa.committee.KETUA_PANITIA).toEqual({ name: 'Juproni', phone: '+6281200000001', present: true });
  expect(desa.result.totals).toEqual({ villages: 1, ready: 1, actionNeeded: 0, late: 0 });
});

test('a chair not briefed needs action until SOSIALISASI ends, then is late', () => {
  const registrations = source().registrations.map((r) =>
    r.role === 'KETUA_PANITIA' ? { ...r, checkedInAt: undefined } : r,
  );
  expect(only({ registrations })).toMatchObject({ state: 'ACTION_NEEDED', codes: ['KETUA_NOT_TRAINED'] });
  expect(only({ registrations, date: '2027-01-05' }).state).toBe('ACTION_NEEDED');
  expect(only({ registrations, date: '2027-01-06' }).state).toBe('LATE');
  const message = only({ registrations }).reasons[0];
  expect(render('id', message?.text ?? { id: '', en: '' }, message?.params)).toBe(
    'Ketua Panitia belum mengikuti sosialisasi',
  );
});

test('heavy damage not replaced is a shortfall that turns late after DISTRIBUSI_LOGISTIK; a confirmed replacement closes it', () => {
  const broken = source().shipments.map((s) => ({
    ...s,
    receipt: s.receipt && {
      ...s.receipt,
      lines: s.receipt.lines.map((line) =>
        line.itemCode === 'KOTAK_SUARA' ? { ...line, good: 2, minorDamage: 0, majorDamage: 2 } : line,
      ),
    },
  }));
  const short = only({ shipments: broken });
  expect(short.codes).toEqual(['SHORTFALL']);
  const reason = short.reasons[0];
  expect(render('id', reason?.text ?? { id: '', en: '' }, reason?.params)).toBe(
    '2 Kotak suara rusak berat belum diganti',
  );
  expect(only({ shipments: broken, date: '2027-01-21' }).state).toBe('LATE');

  const replacement = {
    id: 'S2',
    villageCode: '16.09.01.2001',
    createdAt: at('2027-01-04'),
    lines: [{ itemCode: 'KOTAK_SUARA', quantity: 2 }],
  };
  // Not sent yet as of the 3rd; on its way on the 4th: pending, no longer short.
  expect(only({ shipments: [...broken, replacement] }).codes).toEqual(['SHORTFALL']);
  expect(only({ shipments: [...broken, replacement], date: '2027-01-04' }).codes).toEqual(['RECEIPT_PENDING']);
  const arrived = {
    ...replacement,
    receipt: {
      confirmedAt: at('2027-01-05'),
      lines: [{ itemCode: 'KOTAK_SUARA', good: 2, minorDamage: 0, majorDamage: 0, missing: 0 }],
    },
  };
  expect(only({ shipments: [...broken, arrived], date: '2027-01-21' }).state).toBe('READY');
});

test('nothing allocated, nothing shipped, a photo missing, an open problem: each its reason', () => {
  expect(only({ allocations: new Map() }).codes).toEqual(['NOT_ALLOCATED']);
  expect(only({ shipments: [] }).codes).toEqual(['NOT_SHIPPED']);
  const noPhoto = source().shipments.map(({ bastPhotoAt: _photo, ...s }) => s);
  expect(only({ shipments: noPhoto }).codes).toEqual(['BAST_PHOTO_MISSING']);
  const problem = { villageCode: '16.09.01.2001', createdAt: at('2027-01-02') };
  expect(only({ problems: [problem] }).codes).toEqual(['PROBLEM_OPEN']);
  // A problem resolved by the day is not open on it; one resolved later still was.
  expect(only({ problems: [{ ...problem, resolvedAt: at('2027-01-03') }] }).codes).toEqual([]);
  expect(only({ problems: [{ ...problem, resolvedAt: at('2027-01-04') }] }).codes).toEqual(['PROBLEM_OPEN']);
});

test('the board as of an earlier day leaves out what happened after it', () => {
  const before = only({ date: '2027-01-01' });
  expect(before.codes).toEqual(['KETUA_NOT_TRAINED', 'SEKRETARIS_NOT_TRAINED', 'NOT_SHIPPED']);
  expect(only({ date: '2027-01-02' }).codes).toEqual(['RECEIPT_PENDING', 'BAST_PHOTO_MISSING']);
});

test('every desa gets exactly one state and the totals add up, whatever the mix (property)', () => {
  const desa = fc.record({
    ketua: fc.boolean(),
    sekretaris: fc.boolean(),
    allocated: fc.integer({ min: 0, max: 5 }),
    shipped: fc.integer({ min: 0, max: 6 }),
    confirmed: fc.boolean(),
    broken: fc.integer({ min: 0, max: 6 }),
    photo: fc.boolean(),
    problem: fc.boolean(),
  });
  fc.assert(
    fc.property(
      fc.array(desa, { minLength: 1, maxLength: 30 }),
      fc.constantFrom('2027-01-03', '2027-01-08', '2027-01-25'),
      (list, date) => {
        const code = (i: number) => `16.09.01.${String(2001 + i)}`;
        const result = judgeReadiness(
          source({
            date,
            villages: list.map((_, i) => ({
              code: code(i),
              name: `Desa ${i}`,
              kecamatanCode: '16.09.01',
              kecamatanName: 'Muara Dua',
            })),
            registrations: list.flatMap((d, i) => [
              {
                role: 'KETUA_PANITIA',
                fullName: 'K',
                villageCode: code(i),
                createdAt: at('2027-01-01'),
                ...(d.ketua ? { checkedInAt: at('2027-01-02') } : {}),
              },
              {
                role: 'SEKRETARIS_PANITIA',
                fullName: 'S',
                villageCode: code(i),
                createdAt: at('2027-01-01'),
                ...(d.sekretaris ? { checkedInAt: at('2027-01-02') } : {}),
              },
            ]),
            allocations: new Map(
              list.map((d, i): [string, Record<string, number>] => [
                code(i),
                d.allocated > 0 ? { KOTAK_SUARA: d.allocated } : {},
              ]),
            ),
            shipments: list.flatMap((d, i) =>
              d.shipped === 0
                ? []
                : [
                    {
                      id: `S${i}`,
                      villageCode: code(i),
                      createdAt: at('2027-01-02'),
                      lines: [{ itemCode: 'KOTAK_SUARA', quantity: d.shipped }],
                      ...(d.confirmed
                        ? {
                            receipt: {
                              confirmedAt: at('2027-01-02'),
                              lines: [
                                {
                                  itemCode: 'KOTAK_SUARA',
                                  good: d.shipped - Math.min(d.broken, d.shipped),
                                  minorDamage: 0,
                                  majorDamage: Math.min(d.broken, d.shipped),
                                  missing: 0,
                                },
                              ],
                            },
                          }
                        : {}),
                      ...(d.photo ? { bastPhotoAt: at('2027-01-02') } : {}),
                    },
                  ],
            ),
            problems: list.flatMap((d, i) =>
              d.problem ? [{ villageCode: code(i), createdAt: at('2027-01-01') }] : [],
            ),
          }),
        );
        const { totals } = result;
        expect(totals.ready + totals.actionNeeded + totals.late).toBe(list.length);
        for (const village of result.villages) {
          // Ready exactly when there is no reason; a ready desa is never late.
          expect(village.state === 'READY').toBe(village.reasons.length === 0);
        }
      },
    ),
  );
});
