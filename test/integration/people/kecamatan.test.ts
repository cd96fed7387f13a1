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
  }
  await t.organizer.post(`/sessions/${session.body.id}/registrations`, {
    fullName: 'Kasi Pulau Beringin',
    role: 'KASI_PEMERINTAHAN',
    kecamatanCode: '16.09.02',
  });
  const waves = await t.organizer.get<{ items: Array<{ id: string }> }>('/waves');
  params.waveId = waves.body.items[0]?.id ?? '';
  await t.organizer.post(`/waves/${params.waveId}/problems`, {
    villageCode: other,
    category: 'panitia',
    description: 'Masalah di kecamatan lain',
    severity: 'LOW',
  });
});
afterAll(async () => {
  await t.stack.stop();
});

const pathOf = (route: Route) => route.path.replace(/\{(\w+)\}/g, (_all, name: string) => params[name] ?? 'x');
/** Every desa or kecamatan code a reply holds. */
const unitCodes = (text: string) => [...new Set(text.match(/\b\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?\b/g) ?? [])];
const isOwn = (code: string) => code === MUARA_DUA || code.startsWith(`${MUARA_DUA}.`);

const filtered = table.filter((route) => route.kecamatan === 'filtered');

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
    // Where the organizer's list names desa at all, it names other kecamatan's: the filter is real.
    if (organizerCodes.length > 0) {
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
