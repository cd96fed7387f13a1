/**
 * A kecamatan account's view, generated from the route table: every route the table opens to it
 * (`filtered`) answers, as Muara Dua's account (16.09.01), only rows of Muara Dua's desa while an
 * organizer sees other kecamatan's rows in the same list; every `own` route acts for its own desa;
 * every other route is 403 (the 403s and cross-kecamatan refusals of every route are proven in
 * edge/authorization.test.ts).
 */
import { villages } from '#local/demo/oku-selatan.ts';
import { type Route, routeKey, routes } from '#shared/routes.ts';
import { MUARA_DUA, startTestStack, type TestStack } from '#test/support/api.ts';
import { expectStatus, uploadBastPhoto } from '#test/support/wave.ts';

let t: TestStack;
const params: Record<string, string> = {};
const own = villages.filter((village) => village.kecamatanCode === MUARA_DUA).map((village) => village.code);
const other = villages.find((village) => village.kecamatanCode === '16.09.02')?.code ?? '';
const table: readonly Route[] = routes;

beforeAll(async () => {
  t = await startTestStack();
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi kecamatan',
    date: '2024-03-01',
    venue: 'Aula',
  });
  params.sessionId = session.body.id;
  for (const villageCode of [own[0], other]) {
    const registered = await t.organizer.post(`/sessions/${session.body.id}/registrations`, {
      fullName: `Ketua ${villages.find((village) => village.code === villageCode)?.name}`,
      role: 'KETUA_PANITIA',
      villageCode,
    });
    expect(registered.status).toBe(201);
    await t.organizer.put(`/allocations/${villageCode}`, { lines: [{ itemCode: 'LEM', quantity: 2 }] });
    const shipment = await expectStatus(
      201,
      t.organizer.post<{ id: string; receiptCode: string }>('/shipments', {
        villageCode,
        lines: [{ itemCode: 'LEM', quantity: 2 }],
      }),
    );
    const documentId = await uploadBastPhoto(t.anonymous, shipment.receiptCode);
    // The path parameters name Muara Dua's shipment and document; Pulau Beringin's are kept aside.
    const prefix = villageCode === other ? 'other.' : '';
    params[`${prefix}shipmentId`] = shipment.id;
    params[`${prefix}documentId`] = documentId;
  }
  await t.organizer.post(`/sessions/${session.body.id}/registrations`, {
    fullName: 'Kasi Pulau Beringin',
    role: 'KASI_PEMERINTAHAN',
    kecamatanCode: '16.09.02',
  });
  const waves = await t.organizer.get<{ items: Array<{ id: string }> }>('/waves');
  params.waveId = waves.body.items[0]?.id ?? '';
  for (const villageCode of [own[0], other]) {
    const problem = await expectStatus(
      201,
      t.organizer.post<{ id: string }>(`/waves/${params.waveId}/problems`, {
        villageCode,
        category: 'panitia',
        description: villageCode === other ? 'Masalah di kecamatan lain' : 'Masalah di desa sendiri',
        severity: 'LOW',
      }),
    );
    params[villageCode === other ? 'other.problemId' : 'problemId'] = problem.id;
  }
});
afterAll(async () => {
  await t.stack.stop();
});

const pathOf = (route: Route) => route.path.replace(/\{(\w+)\}/g, (_all, name: string) => params[name] ?? 'x');
/** Every desa or kecamatan code a reply holds. */
const unitCodes = (text: string) => [...new Set(text.match(/\b\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?\b/g) ?? [])];
const isOwn = (code: string) => code === MUARA_DUA || code.startsWith(`${MUARA_DUA}.`);

const filtered = table.filter((route) => route.kecamatan === 'filtered' && route.method === 'GET');

test.each(filtered.map((route) => [routeKey(route), route] as const))(
  '%s answers a kecamatan account only rows of its own desa',
  async (_key, route) => {
    // Act
    const asKecamatan = await t.kecamatan.request(route.method, pathOf(route));
    const asOrganizer = await t.organizer.request(route.method, pathOf(route));
    // Assess
    expect(asKecamatan.status).toBe(200);
    expect(asOrganizer.status).toBe(200);
    expect(unitCodes(asKecamatan.text).filter((code) => !isOwn(code))).toEqual([]);
    const organizerCodes = unitCodes(asOrganizer.text);
    // Where the organizer's list names desa at all, it names other kecamatan's: the filter is real
    // (a route reading one record by its id names Muara Dua's here, for both).
    const oneRecord = /\{(shipmentId|documentId)\}/.test(route.path);
    if (organizerCodes.length > 0 && !oneRecord) {
      expect(organizerCodes.some((code) => !isOwn(code))).toBe(true);
      expect(unitCodes(asKecamatan.text).length).toBeGreaterThan(0);
    }
  },
);

test('the readiness board counts the kecamatan’s own desa only: totals, bars and list', async () => {
  const board = await t.kecamatan.get<{
    totals: { villages: number };
    byKecamatan: Record<string, unknown>;
    villages: Array<{ villageCode: string }>;
  }>(`/waves/${params.waveId}/readiness`);
  expect(Object.keys(board.body.byKecamatan)).toEqual([MUARA_DUA]);
  expect(board.body.villages.map((village) => village.villageCode).sort()).toEqual([...own].sort());
  expect(board.body.totals.villages).toBe(own.length);
});

test('it registers, checks in and records a problem for its own desa', async () => {
  const registered = await t.kecamatan.post<{ id: string }>(`/sessions/${params.sessionId}/registrations`, {
    fullName: 'Sekretaris Desa Sendiri',
    role: 'SEKRETARIS_PANITIA',
    villageCode: own[1],
  });
  expect(registered.status).toBe(201);
  const checkedIn = await t.kecamatan.post(
    `/sessions/${params.sessionId}/registrations/${registered.body.id}/check-in`,
  );
  expect(checkedIn.status).toBe(200);
  const problem = await t.kecamatan.post(`/waves/${params.waveId}/problems`, {
    villageCode: own[1],
    category: 'panitia',
    description: 'Sekretaris baru belum dilantik',
    severity: 'LOW',
  });
  expect(problem.status).toBe(201);
  // Another kecamatan's person is not its to check in, even by a registration it can guess.
  expect((await t.kecamatan.post(`/sessions/${params.sessionId}/registrations/KT-${other}/check-in`)).status).toBe(403);
});

test('every route the table does not open to it is 403, including the exports of what it may read', async () => {
  const closed = table.filter((route) => route.access !== 'public' && !route.kecamatan);
  const refused = await Promise.all(closed.map((route) => t.kecamatan.request(route.method, pathOf(route))));
  expect(refused.map((reply, index) => [routeKey(closed[index] as Route), reply.status])).toEqual(
    closed.map((route) => [routeKey(route), 403]),
  );
});

test('another kecamatan’s shipment, its BAST photo and its problems are 403 by their ids, and stay unchanged', async () => {
  // Prepare
  const problem = `/waves/${params.waveId}/problems/${params['other.problemId']}`;
  // Act
  const replies = await Promise.all([
    t.kecamatan.get(`/shipments/${params['other.shipmentId']}`),
    t.kecamatan.get(`/shipments/${params['other.shipmentId']}/documents/${params['other.documentId']}`),
    t.kecamatan.patch(problem, { severity: 'HIGH', reason: 'Dinilai ulang' }),
    t.kecamatan.post(`${problem}/resolve`, { resolution: 'Sudah diselesaikan' }),
    t.kecamatan.post(`${problem}/reopen`, { reason: 'Belum selesai' }),
  ]);
  // Assess
  expect(replies.map((reply) => reply.status)).toEqual([403, 403, 403, 403, 403]);
  const after = await t.organizer.get<{ items: Array<{ id: string; severity: string; status: string }> }>(
    `/waves/${params.waveId}/problems`,
  );
  expect(after.body.items.find((item) => item.id === params['other.problemId'])).toMatchObject({
    severity: 'LOW',
    status: 'open',
  });
});

test('it corrects, resolves and reopens its own desa’s problem', async () => {
  // Prepare
  const problem = `/waves/${params.waveId}/problems/${params.problemId}`;
  // Act
  const corrected = await t.kecamatan.patch<{ severity: string }>(problem, { severity: 'MEDIUM', reason: 'Dicek' });
  const resolved = await t.kecamatan.post<{ status: string }>(`${problem}/resolve`, { resolution: 'Panitia dilantik' });
  const reopened = await t.kecamatan.post<{ status: string }>(`${problem}/reopen`, { reason: 'Belum lengkap' });
  // Assess
  expect([corrected.status, resolved.status, reopened.status]).toEqual([200, 200, 200]);
  expect(corrected.body.severity).toBe('MEDIUM');
  expect(reopened.body.status).toBe('open');
});

test('the recap counts its own desa and its own kecamatan only', async () => {
  // Act
  const recap = await t.kecamatan.get<{ registered: number; villages: { expected: number } }>(
    `/sessions/${params.sessionId}/attendance`,
  );
  const whole = await t.organizer.get<{ registered: number; villages: { expected: number } }>(
    `/sessions/${params.sessionId}/attendance`,
  );
  // Assess: Pulau Beringin's Ketua and Kasi are counted for the regency, not for Muara Dua.
  expect(recap.status).toBe(200);
  expect(recap.body.villages.expected).toBe(own.length);
  expect(whole.body.villages.expected).toBe(villages.length);
  expect(whole.body.registered - recap.body.registered).toBe(2);
});

test('a batch of check-ins checks in its own desa’s people and treats another kecamatan’s as unknown', async () => {
  // Prepare
  const session = `/sessions/${params.sessionId}`;
  const at = new Date().toISOString();
  // Act
  const batch = await t.kecamatan.post<{ results: Array<{ status: string }> }>(`${session}/check-ins`, {
    items: [
      { registrationId: `KT-${own[0]}`, at, deviceId: 'hp-kasi' },
      { registrationId: `KT-${other}`, at, deviceId: 'hp-kasi' },
    ],
  });
  // Assess
  expect(batch.status).toBe(200);
  expect(batch.body.results.map((result) => result.status)).toEqual(['CHECKED_IN', 'UNKNOWN']);
  const list = await t.organizer.get<{ items: Array<{ id: string; checkedInAt: string | null }> }>(
    `${session}/registrations`,
  );
  expect(list.body.items.find((item) => item.id === `KT-${other}`)).toMatchObject({ checkedInAt: null });
});

test('it corrects its own desa’s registration and undoes its check-in, but not another kecamatan’s', async () => {
  // Prepare
  const session = `/sessions/${params.sessionId}`;
  // Act
  const edited = await t.kecamatan.patch<{ fullName: string }>(`${session}/registrations/KT-${own[0]}`, {
    fullName: 'Ketua Desa Sendiri',
    reason: 'Salah ketik',
  });
  const undone = await t.kecamatan.post(`${session}/registrations/KT-${own[0]}/check-in/undo`, {
    reason: 'Salah ketuk',
  });
  const movedAway = await t.kecamatan.patch(`${session}/registrations/KT-${own[0]}`, {
    villageCode: other,
    reason: 'Pindah desa',
  });
  const foreign = await t.kecamatan.patch(`${session}/registrations/KT-${other}`, {
    fullName: 'Bukan Urusannya',
    reason: 'Coba',
  });
  // Assess
  expect([edited.status, undone.status, movedAway.status, foreign.status]).toEqual([200, 200, 403, 403]);
  expect(edited.body.fullName).toBe('Ketua Desa Sendiri');
});

test('the wave list counts the kecamatan’s own desa of each wave', async () => {
  // Act
  const mine = await t.kecamatan.get<{ items: Array<{ id: string; villages: number }> }>('/waves');
  const whole = await t.organizer.get<{ items: Array<{ id: string; villages: number }> }>('/waves');
  // Assess
  expect(mine.body.items.find((wave) => wave.id === params.waveId)?.villages).toBe(own.length);
  expect(whole.body.items.find((wave) => wave.id === params.waveId)?.villages).toBe(villages.length);
});
