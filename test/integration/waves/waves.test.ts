/**
 * Waves through the API: a desa in one running wave at a time (409 naming the first, even when
 * two admins race), unknown desa named, the schedule's rules, a moved voting day, removing a wave,
 * sessions of a wave, problems and replacements put right; every refusal writes nothing.
 */

import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { readWholeTable } from '#test/support/table.ts';
import { addDays, confirmReceipt, expectStatus, jakartaToday } from '#test/support/wave.ts';

interface Stage {
  code: string;
  name: string;
  start: string;
  end: string;
}
interface Wave {
  id: string;
  name: string;
  votingDay: string;
  villageCodes: string[];
  stages: Stage[];
  escalation: { kasiFromDays: number; urgentFromDays: number };
}
interface Problem {
  type: string;
  title: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  wave?: { id: string; name: string };
}

let t: TestStack;
let demo: Wave;
const today = jakartaToday();
// Desa outside the demo wave, added to the regency for these tests.
const extra = Array.from({ length: 6 }, (_, i) => ({
  code: `16.09.01.${2900 + i}`,
  name: `Desa Uji ${String.fromCharCode(65 + i)}`,
  kecamatanCode: '16.09.01',
  dpt: 800,
  tps: 2,
}));
const spare = (i: number) => extra[i]?.code ?? '';

beforeAll(async () => {
  t = await startTestStack();
  await expectStatus(200, t.admin.put('/regions', { kecamatan: [], villages: extra }));
  const list = await expectStatus(200, t.organizer.get<{ items: Array<{ id: string }> }>('/waves'));
  demo = await expectStatus(200, t.organizer.get<Wave>(`/waves/${list.items[0]?.id}`));
});
afterAll(async () => {
  await t?.stack.stop();
});

test('the demo regency has a wave of its 82 desa, its session attached and expecting them', async () => {
  expect(demo.name).toBe('Pilkades Serentak Gelombang I');
  expect(demo.villageCodes).toHaveLength(82);
  expect(demo.escalation).toEqual({ kasiFromDays: 7, urgentFromDays: 3 });
  const sessions = await expectStatus(
    200,
    t.organizer.get<{ items: Array<{ id: string; waveId: string | null }> }>('/sessions'),
  );
  const attached = sessions.items.filter((session) => session.waveId === demo.id);
  expect(attached).toHaveLength(1);
  const session = await expectStatus(
    200,
    t.organizer.get<{ villageCodes: string[]; date: string }>(`/sessions/${attached[0]?.id}`),
  );
  expect(session.villageCodes).toEqual(demo.villageCodes);
  // The session falls inside the wave's briefing stage; voting day is six weeks after it.
  const sosialisasi = demo.stages.find((stage) => stage.code === 'SOSIALISASI');
  expect(session.date >= (sosialisasi?.start ?? '') && session.date <= (sosialisasi?.end ?? '')).toBe(true);
  expect(demo.votingDay).toBe(addDays(session.date, 42));
});

test('a desa already in a running wave is refused with a 409 naming that wave; nothing is written', async () => {
  const before = await readWholeTable(t.stack);
  const reply = await t.admin.post<Problem>('/waves', {
    name: 'Gelombang II',
    votingDay: addDays(today, 90),
    villageCodes: [spare(0), villages[3]?.code],
  });
  expect(reply.status).toBe(409);
  expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(reply.body.detail).toBe(
    `Desa ${villages[3]?.name} sudah termasuk Pilkades Serentak Gelombang I (pemungutan suara ${demo.votingDay}).`,
  );
  expect(reply.body.wave).toMatchObject({ id: demo.id, name: 'Pilkades Serentak Gelombang I' });
  expect(reply.body.errors?.map((error) => error.field)).toEqual(['villageCodes.1']);
  expect(await readWholeTable(t.stack)).toEqual(before);
});

test('unknown desa, a bad date and an urgent day before the Kasi day are field messages; nothing is written', async () => {
  const before = await readWholeTable(t.stack);
  const unknown = await t.admin.post<Problem>('/waves', {
    name: 'Gelombang II',
    votingDay: addDays(today, 90),
    villageCodes: [spare(0), '16.09.99.2001', spare(0)],
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors).toEqual([
    { field: 'villageCodes.1', message: 'Desa 16.09.99.2001 tidak terdaftar' },
    { field: 'villageCodes.2', message: 'Kode ini muncul lebih dari sekali' },
  ]);
  for (const votingDay of ['2027-02-30', '0202-01-01', '27-01-01']) {
    const bad = await t.admin.post<Problem>('/waves', { name: 'Gelombang II', votingDay, villageCodes: [spare(0)] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('votingDay');
  }
  const escalation = await t.admin.post<Problem>('/waves', {
    name: 'Gelombang II',
    votingDay: addDays(today, 90),
    villageCodes: [spare(0)],
    escalation: { kasiFromDays: 2, urgentFromDays: 5 },
  });
  expect(escalation.status).toBe(400);
  expect(escalation.body.errors?.[0]?.field).toBe('escalation.urgentFromDays');
  expect(
    (
      await t.organizer.post('/waves', {
        name: 'Gelombang II',
        votingDay: addDays(today, 90),
        villageCodes: [spare(0)],
      })
    ).status,
  ).toBe(403);
  expect(await readWholeTable(t.stack)).toEqual(before);
});

test('two admins adding the same desa to two waves at once: exactly one wave gets it', async () => {
  const attempts = await Promise.all(
    ['Gelombang A', 'Gelombang B', 'Gelombang C'].map((name) =>
      t.admin.post<Wave & Problem>('/waves', {
        name,
        votingDay: addDays(today, 120),
        villageCodes: [spare(1), spare(2)],
      }),
    ),
  );
  const statuses = attempts.map((reply) => reply.status).sort();
  expect(statuses.filter((status) => status === 201)).toHaveLength(1);
  expect(statuses.every((status) => status === 201 || status === 409 || status === 503)).toBe(true);
  const winner = attempts.find((reply) => reply.status === 201)?.body;
  const waves = await expectStatus(200, t.organizer.get<{ items: Array<{ id: string; name: string }> }>('/waves'));
  expect(waves.items.filter((wave) => ['Gelombang A', 'Gelombang B', 'Gelombang C'].includes(wave.name))).toHaveLength(
    1,
  );
  // The winner holds both desa: a loser left no guard behind on either.
  const again = await t.admin.post<Problem>('/waves', {
    name: 'Gelombang D',
    votingDay: addDays(today, 130),
    villageCodes: [spare(2)],
  });
  expect(again.status).toBe(409);
  expect(again.body.wave?.id).toBe(winner?.id);
  await expectStatus(204, t.admin.request('DELETE', `/waves/${winner?.id}`, { reason: 'uji balapan' }));
});

test('a wave whose voting day has passed lets its desa go to the next wave', async () => {
  const past = await expectStatus(
    201,
    t.admin.post<Wave>('/waves', { name: 'Gelombang 2021', votingDay: '2021-09-23', villageCodes: [spare(3)] }),
  );
  const next = await expectStatus(
    201,
    t.admin.post<Wave>('/waves', { name: 'Gelombang 2027', votingDay: addDays(today, 60), villageCodes: [spare(3)] }),
  );
  expect(next.villageCodes).toEqual([spare(3)]);
  // Moving the old wave's voting day into the future would take the desa back: refused.
  const revived = await t.admin.put<Problem>(`/waves/${past.id}`, { votingDay: addDays(today, 30) });
  expect(revived.status).toBe(409);
  expect(revived.body.wave?.id).toBe(next.id);
  await expectStatus(204, t.admin.request('DELETE', `/waves/${next.id}`, { reason: 'uji' }));
  await expectStatus(204, t.admin.request('DELETE', `/waves/${past.id}`, { reason: 'uji' }));
});

test('a new voting day moves the whole schedule; desa left out are free again', async () => {
  const wave = await expectStatus(
    201,
    t.admin.post<Wave>('/waves', {
      name: 'Gelombang Geser',
      votingDay: '2027-06-12',
      villageCodes: [spare(4), spare(5)],
    }),
  );
  const moved = await expectStatus(
    200,
    t.admin.put<Wave>(`/waves/${wave.id}`, {
      votingDay: '2027-06-19',
      villageCodes: [spare(4)],
      reason: 'Perbup baru',
    }),
  );
  expect(moved.stages.map((stage) => stage.start)).toEqual(wave.stages.map((stage) => addDays(stage.start, 7)));
  expect(moved.stages.find((stage) => stage.code === 'PEMUNGUTAN_SUARA')).toMatchObject({ start: '2027-06-19' });
  const freed = await expectStatus(
    201,
    t.admin.post<Wave>('/waves', { name: 'Gelombang Sisa', votingDay: '2027-07-01', villageCodes: [spare(5)] }),
  );
  const trail = await expectStatus(
    200,
    t.organizer.get<{ items: Array<{ action: string; reason?: string }> }>(`/audit?waveId=${wave.id}`),
  );
  expect(trail.items.map((entry) => entry.action)).toEqual(['wave.updated', 'wave.created']);
  expect(trail.items[0]?.reason).toBe('Perbup baru');
  for (const id of [wave.id, freed.id])
    await expectStatus(204, t.admin.request('DELETE', `/waves/${id}`, { reason: 'uji' }));
});

test('a schedule that breaks a rule is refused at its fields in Indonesian; nothing is written', async () => {
  const before = await readWholeTable(t.stack);
  const stages = demo.stages.map((stage) => ({ ...stage }));
  const kampanye = stages.findIndex((stage) => stage.code === 'KAMPANYE');
  const voting = stages.findIndex((stage) => stage.code === 'PEMUNGUTAN_SUARA');
  (stages[kampanye] as Stage).end = addDays((stages[kampanye] as Stage).start, -2);
  (stages[voting] as Stage).start = addDays(demo.votingDay, 1);
  (stages[voting] as Stage).end = addDays(demo.votingDay, 1);
  const broken = await t.admin.put<Problem>(`/waves/${demo.id}/stages`, {
    stages: stages.filter((stage) => stage.code !== 'SOSIALISASI'),
  });
  expect(broken.status).toBe(400);
  const shift = kampanye > stages.findIndex((stage) => stage.code === 'SOSIALISASI') ? 1 : 0;
  expect(broken.body.errors).toEqual([
    { field: `stages.${kampanye - shift}.end`, message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
    { field: 'stages', message: 'Tahapan SOSIALISASI wajib ada' },
    {
      field: `stages.${voting - shift}.start`,
      message: `Tahapan pemungutan suara harus mencakup hari pemungutan suara (${demo.votingDay})`,
    },
  ]);
  const english = await t.admin.inLanguage('en').put<Problem>(`/waves/${demo.id}/stages`, { stages: [] });
  expect(english.status).toBe(400);
  expect(english.body.errors?.[0]?.field).toBe('stages');
  expect(await readWholeTable(t.stack)).toEqual(before);
});

test('a session may serve a wave (an unknown one is a field message), and a wave with sessions stays until they move', async () => {
  const unknown = await t.organizer.post<Problem>('/sessions', {
    title: 'Bimtek',
    date: today,
    venue: 'Aula',
    waveId: '01J00000000000000000000000',
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors).toEqual([{ field: 'waveId', message: 'Gelombang tidak ditemukan' }]);
  const kept = await t.admin.request<Problem>('DELETE', `/waves/${demo.id}`, { reason: 'uji' });
  expect(kept.status).toBe(409);
  expect(kept.body.detail).toContain('Sosialisasi Pilkades Serentak Gelombang I');
});

test('problems are recorded for desa of the wave, resolved, corrected and opened again, each audited', async () => {
  const outside = await t.organizer.post<Problem>(`/waves/${demo.id}/problems`, {
    villageCode: spare(0),
    category: 'logistik',
    description: 'Bukan desa gelombang ini',
    severity: 'LOW',
  });
  expect(outside.status).toBe(400);
  expect(outside.body.errors?.[0]).toEqual({ field: 'villageCode', message: 'Desa ini tidak termasuk gelombang ini' });
  const badCategory = await t.organizer.post<Problem>(`/waves/${demo.id}/problems`, {
    villageCode: villages[0]?.code,
    category: 'cuaca',
    description: 'Hujan',
    severity: 'LOW',
  });
  expect(badCategory.status).toBe(400);

  const village = villages[0]?.code ?? '';
  const opened = await expectStatus(
    201,
    t.organizer.post<{ id: string; status: string }>(`/waves/${demo.id}/problems`, {
      villageCode: village,
      category: 'keamanan',
      description: 'Ancaman terhadap panitia di dusun II',
      severity: 'MEDIUM',
    }),
  );
  expect(opened.status).toBe('open');
  const path = `/waves/${demo.id}/problems/${opened.id}`;
  await expectStatus(200, t.organizer.request('PATCH', path, { severity: 'HIGH', reason: 'Dilaporkan Polsek' }));
  const resolved = await expectStatus(
    200,
    t.organizer.post<{ status: string; resolution: string }>(`${path}/resolve`, { resolution: 'Diamankan Polsek' }),
  );
  expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Diamankan Polsek' });
  expect((await t.organizer.post(`${path}/resolve`, { resolution: 'Lagi' })).status).toBe(409);
  const open = await expectStatus(
    200,
    t.organizer.post<{ status: string; resolution: string | null }>(`${path}/reopen`, { reason: 'Ancaman berulang' }),
  );
  expect(open).toMatchObject({ status: 'open', resolution: null });
  expect((await t.organizer.post(`${path}/reopen`, { reason: 'Lagi' })).status).toBe(409);
  const listed = await expectStatus(
    200,
    t.organizer.get<{ items: Array<{ id: string; severity: string }> }>(
      `/waves/${demo.id}/problems?status=open&villageCode=${village}`,
    ),
  );
  expect(listed.items).toEqual([expect.objectContaining({ id: opened.id, severity: 'HIGH' })]);
  const trail = await expectStatus(
    200,
    t.organizer.get<{ items: Array<{ action: string }> }>(`/audit?villageCode=${village}`),
  );
  expect(trail.items.map((entry) => entry.action).filter((action) => action.startsWith('problem.'))).toEqual([
    'problem.reopened',
    'problem.resolved',
    'problem.updated',
    'problem.opened',
  ]);
});

test('a replacement sends exactly what arrived broken or missing, never more, and only once', async () => {
  const desa = villages[10];
  await expectStatus(200, t.organizer.post('/allocations/apply', { rules: demoRules }));
  const lines = allocateAll(demoRules, { dpt: desa?.dpt ?? 0, tps: desa?.tps ?? 0 }).filter(
    (line) => line.quantity > 0,
  );
  const shipment = await expectStatus(
    201,
    t.organizer.post<{ id: string; receiptCode: string }>('/shipments', { villageCode: desa?.code, lines }),
  );
  const early = await t.organizer.post<Problem>(`/shipments/${shipment.id}/replacement`);
  expect(early.status).toBe(409);
  expect(early.body.detail).toBe('Penggantian dikirim setelah desa mengonfirmasi penerimaan pengiriman ini.');
  await confirmReceipt(t.anonymous, { ...shipment, lines }, { KOTAK_SUARA: { majorDamage: 2, missing: 1 } });

  const tooMany = await t.organizer.post<Problem>(`/shipments/${shipment.id}/replacement`, {
    lines: [{ itemCode: 'KOTAK_SUARA', quantity: 4 }],
  });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.errors).toEqual([
    { field: 'lines.0.quantity', message: 'Paling banyak 3 (rusak berat atau hilang yang belum diganti)' },
  ]);
  const intact = await t.organizer.post<Problem>(`/shipments/${shipment.id}/replacement`, {
    lines: [{ itemCode: 'TINTA', quantity: 1 }],
  });
  expect(intact.status).toBe(400);

  // Two organizers press "ganti" at once for the same three boxes: one replacement goes out.
  const both = await Promise.all(
    [1, 2].map(() => t.organizer.post<{ id: string; lines: unknown[] }>(`/shipments/${shipment.id}/replacement`)),
  );
  expect(both.map((reply) => reply.status).sort()).toEqual([201, 409]);
  const sent = both.find((reply) => reply.status === 201)?.body;
  expect(sent?.lines).toEqual([expect.objectContaining({ itemCode: 'KOTAK_SUARA', quantity: 3 })]);
  const original = await expectStatus(
    200,
    t.organizer.get<{ replacements: Array<{ shipmentId: string; lines: Record<string, number> }> }>(
      `/shipments/${shipment.id}`,
    ),
  );
  expect(original.replacements).toEqual([expect.objectContaining({ shipmentId: sent?.id, lines: { KOTAK_SUARA: 3 } })]);
  const replacement = await expectStatus(
    200,
    t.organizer.get<{ replacesShipmentId: string; bastNumber: string }>(`/shipments/${sent?.id}`),
  );
  expect(replacement.replacesShipmentId).toBe(shipment.id);
  expect(replacement.bastNumber).toMatch(/BAST-PILKADES/);
  // It counts above the allocation on purpose: an ordinary dispatch of the same item is still refused.
  expect(
    (
      await t.organizer.post('/shipments', {
        villageCode: desa?.code,
        lines: [{ itemCode: 'KOTAK_SUARA', quantity: 1 }],
      })
    ).status,
  ).toBe(409);
});
