/**
 * Generated from the route table: every organizer route refuses a missing, expired, wrongly signed
 * or wrong-audience token with 401, admin-only routes refuse organizers and kecamatan accounts with
 * 403, and a kecamatan account passes only the routes the table opens to it, for its own
 * kecamatan's desa, never another's (Muara Dua 16.09.01 reaching into Pulau Beringin 16.09.02).
 * The lists of public, admin and kecamatan routes below are deliberate: a route added later without
 * a considered access rule changes them and fails here.
 */
import { generateKeyPair } from 'jose';
import { villages } from '#local/demo/oku-selatan.ts';
import { LOCAL_AUDIENCE, signToken } from '#local/issuer.ts';
import { type Route, routeKey, routes } from '#shared/routes.ts';
import {
  Api,
  awayFromWindowEdge,
  MUARA_DUA,
  startTestStack,
  type TestStack,
  untilAnswered,
} from '#test/support/api.ts';

let t: TestStack;
const bad: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestStack();
  const stranger = await generateKeyPair('RS256');
  const claims = { sub: 'x', name: 'Penyusup', 'cognito:groups': ['admin'], token_use: 'id' };
  bad.expired = await t.stack.issuer.tokenFor('admin', { expiresInSeconds: -60 });
  bad.wronglySigned = await signToken(stranger.privateKey, claims, { expiresInSeconds: 600, audience: LOCAL_AUDIENCE });
  bad.wrongAudience = await t.stack.issuer.tokenFor('admin', { audience: 'some-other-app' });
  bad.garbage = 'not.a.jwt';
});
afterAll(async () => {
  await t.stack.stop();
});

const PUBLIC = [
  'GET /',
  'GET /assets/{file}',
  'GET /config.json',
  'GET /health',
  'GET /openapi.json',
  'GET /terima/{receiptCode}',
  'GET /daftar/{code}',
  'GET /hadir/{token}',
  'GET /hadir/sw.js',
  'GET /sertifikat/{code}',
  'GET /receipts/{receiptCode}',
  'POST /receipts/{receiptCode}',
  'POST /receipts/{receiptCode}/documents',
  'POST /receipts/{receiptCode}/documents/{documentId}/complete',
  // A unit's invitation and a person's pass: the code or the token is the credential.
  'GET /invitations/{code}',
  'POST /invitations/{code}/registrations',
  'PUT /invitations/{code}/registrations/{registrationId}/sk',
  // The SK Panitia attached to a registration, through the same verified upload as a BAST photo.
  'POST /invitations/{code}/documents',
  'POST /invitations/{code}/documents/{documentId}/complete',
  'GET /passes/{token}',
  'GET /certificates/{code}',
];
const ADMIN = [
  'PUT /regions',
  'POST /regions/import',
  'DELETE /sessions/{sessionId}/registrations/{registrationId}',
  'PUT /shipments/{shipmentId}/receipt',
  // Waves and their schedules are set by admins; organizers read them and record problems.
  'POST /waves',
  'PUT /waves/{waveId}',
  'DELETE /waves/{waveId}',
  'PUT /waves/{waveId}/stages',
  // Accounts are managed by admins.
  'GET /users',
  'POST /users',
  'PATCH /users/{userId}',
  'POST /users/{userId}/invitation',
  'POST /users/{userId}/mfa-reset',
];
/** What a kecamatan account may call: lists of its own desa (filtered), and acts for its own desa (own). */
const KECAMATAN: Record<string, 'own' | 'filtered'> = {
  'GET /regions': 'filtered',
  'GET /sessions': 'filtered',
  'GET /sessions/{sessionId}': 'filtered',
  'GET /sessions/{sessionId}/attendance': 'filtered',
  'GET /sessions/{sessionId}/registrations': 'filtered',
  'POST /sessions/{sessionId}/registrations': 'own',
  'PATCH /sessions/{sessionId}/registrations/{registrationId}': 'own',
  'POST /sessions/{sessionId}/registrations/{registrationId}/check-in': 'own',
  'POST /sessions/{sessionId}/registrations/{registrationId}/check-in/undo': 'own',
  'POST /sessions/{sessionId}/check-ins': 'filtered',
  // The SK of one of its own desa's people (the list it sees names it).
  'GET /sessions/{sessionId}/registrations/{registrationId}/sk': 'own',
  'GET /items': 'filtered',
  'GET /allocations': 'filtered',
  'GET /shipments': 'filtered',
  'GET /shipments/{shipmentId}': 'filtered',
  'GET /shipments/{shipmentId}/documents/{documentId}': 'filtered',
  'GET /logistics/summary': 'filtered',
  'GET /waves': 'filtered',
  'GET /waves/{waveId}': 'filtered',
  'GET /waves/{waveId}/readiness': 'filtered',
  'GET /waves/{waveId}/follow-ups': 'filtered',
  'GET /waves/{waveId}/problems': 'filtered',
  'POST /waves/{waveId}/problems': 'own',
  'PATCH /waves/{waveId}/problems/{problemId}': 'filtered',
  'POST /waves/{waveId}/problems/{problemId}/resolve': 'filtered',
  'POST /waves/{waveId}/problems/{problemId}/reopen': 'filtered',
};
const OWN_VILLAGE = villages.find((village) => village.kecamatanCode === MUARA_DUA)?.code ?? '';
const OTHER_VILLAGE = villages.find((village) => village.kecamatanCode === '16.09.02')?.code ?? '';

const SAMPLE_PARAMS: Record<string, string> = {
  sessionId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  registrationId: `KT-${villages[0]?.code}`,
  shipmentId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  documentId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  itemCode: 'KOTAK_SUARA',
  villageCode: villages[0]?.code ?? '',
  receiptCode: 'A'.repeat(26),
  code: 'A'.repeat(26),
  invitationId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  token: `01HZZZZZZZZZZZZZZZZZZZZZZZ_KT-${villages[0]?.code}_${'A'.repeat(26)}`,
  file: 'app.js',
};

/** The route table, as routes (not each entry's literal type). */
const table: readonly Route[] = routes;

const pathOf = (route: Route, params: Record<string, string> = {}) =>
  route.path.replace(/\{(\w+)\}/g, (_all, name: string) => params[name] ?? SAMPLE_PARAMS[name] ?? 'x');

/** A request of a route that names one desa: in the path when the route has a unit there, else in the body or query. */
function naming(route: Route, villageCode: string): { path: string; body?: unknown } {
  if (route.path.includes('{registrationId}')) return { path: pathOf(route, { registrationId: `KT-${villageCode}` }) };
  if (route.method === 'GET') return { path: `${pathOf(route)}?villageCode=${villageCode}` };
  return { path: pathOf(route), body: { villageCode } };
}

test('every route has a considered access rule', () => {
  expect(
    table
      .filter((route) => route.access === 'public')
      .map(routeKey)
      .sort(),
  ).toEqual([...PUBLIC].sort());
  expect(
    table
      .filter((route) => route.access === 'admin')
      .map(routeKey)
      .sort(),
  ).toEqual([...ADMIN].sort());
  for (const route of table) expect(['public', 'organizer', 'admin']).toContain(route.access);
  expect(
    Object.fromEntries(
      table.filter((route) => route.kecamatan !== undefined).map((route) => [routeKey(route), route.kecamatan]),
    ),
  ).toEqual(KECAMATAN);
  // The kecamatan rule only narrows organizer routes: public ones need none, admin ones stay admin.
  for (const route of table) if (route.kecamatan) expect(route.access).toBe('organizer');
});

const guarded = table.filter((route) => route.access !== 'public');

describe.each(guarded.map((route) => [routeKey(route), route] as const))('%s', (_key, route) => {
  test('answers 401 without a token and with an expired, wrongly signed, wrong-audience or garbage token', async () => {
    const replies = await Promise.all([
      t.anonymous.request(route.method, pathOf(route)),
      ...Object.values(bad).map((token) => new Api(t.stack.url, token).request(route.method, pathOf(route))),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401, 401]);
  });

  if (route.access === 'admin') {
    test('answers 403 to an organizer and a kecamatan account, and lets an admin through', async () => {
      for (const api of [t.organizer, t.kecamatan]) {
        const refused = await api.request(route.method, pathOf(route));
        expect(refused.status).toBe(403);
        expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      const asAdmin = await t.admin.request(route.method, pathOf(route));
      expect([401, 403]).not.toContain(asAdmin.status);
    });
    return;
  }
  test('lets organizers and admins through', async () => {
    for (const api of [t.organizer, t.admin]) {
      const reply = await api.request(route.method, pathOf(route));
      expect([401, 403]).not.toContain(reply.status);
    }
  });
  if (!route.kecamatan) {
    test('answers 403 to a kecamatan account, even naming its own desa', async () => {
      const own = naming(route, OWN_VILLAGE);
      for (const reply of [
        await t.kecamatan.request(route.method, pathOf(route)),
        await t.kecamatan.request(route.method, own.path, own.body),
      ]) {
        expect(reply.status).toBe(403);
        expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    });
    return;
  }
  test(`lets a kecamatan account through for its own desa (${route.kecamatan})`, async () => {
    const own = naming(route, OWN_VILLAGE);
    const reply = await t.kecamatan.request(route.method, own.path, own.body);
    expect([401, 403]).not.toContain(reply.status);
    if (route.kecamatan === 'filtered') {
      expect([401, 403]).not.toContain((await t.kecamatan.request(route.method, pathOf(route))).status);
    } else {
      // Acting for a desa means naming it: a request that names none is refused.
      expect(
        (
          await t.kecamatan.request(
            route.method,
            // An agency's registration (`IN-…`) belongs to no desa or kecamatan.
            pathOf(route, { registrationId: 'IN-1a2b3c4d' }),
            route.method === 'GET' ? undefined : {},
          )
        ).status,
      ).toBe(403);
    }
  });
  test('answers 403 to a kecamatan account naming another kecamatan’s desa', async () => {
    const other = naming(route, OTHER_VILLAGE);
    const reply = await t.kecamatan.request(route.method, other.path, other.body);
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // A kecamatan account without a kecamatan (a broken account) is refused everywhere.
    const broken = new Api(t.stack.url, await t.stack.token('kecamatan', 'Tanpa Kecamatan'));
    const own = naming(route, OWN_VILLAGE);
    expect((await broken.request(route.method, own.path, own.body)).status).toBe(403);
  });
});

describe('receipt codes', () => {
  test('code A never completes, and so never attaches to, a document of shipment B', async () => {
    const codes: string[] = [];
    for (const village of [villages[8], villages[9]]) {
      await t.organizer.put(`/allocations/${village?.code}`, { lines: [{ itemCode: 'LEM', quantity: 1 }] });
      const shipment = await t.organizer.post<{ receiptCode: string }>('/shipments', {
        villageCode: village?.code,
        lines: [{ itemCode: 'LEM', quantity: 1 }],
      });
      codes.push(shipment.body.receiptCode);
    }
    const [codeA, codeB] = codes;
    const ofB = await t.anonymous.post<{ documentId: string }>(`/receipts/${codeB}/documents`, {
      fileName: 'b.jpg',
      contentType: 'image/jpeg',
      size: 10,
    });
    const crossed = await t.anonymous.post(`/receipts/${codeA}/documents/${ofB.body.documentId}/complete`);
    expect(crossed.status).toBe(404);
    const view = await t.anonymous.get(`/receipts/${codeA}`);
    expect(view.text).not.toContain(ofB.body.documentId);
  });

  test('guessing is cut off: 300 guesses at once, 20 judged, the rest wait; the village’s valid code still works', async () => {
    await t.organizer.put(`/allocations/${villages[7]?.code}`, { lines: [{ itemCode: 'LEM', quantity: 1 }] });
    const shipment = await t.organizer.post<{ receiptCode: string }>('/shipments', {
      villageCode: villages[7]?.code,
      lines: [{ itemCode: 'LEM', quantity: 1 }],
    });
    const guesses = Array.from({ length: 300 }, (_, i) => `${String(i).padStart(3, '0')}${'Z'.repeat(23)}`);
    await awayFromWindowEdge();
    // A guess answered 503 (busy; nothing counted) is sent again.
    const replies = await untilAnswered(guesses.length, (i) => t.anonymous.get(`/receipts/${guesses[i]}`));
    const judged = replies.filter((reply) => reply.status === 404);
    const waiting = replies.filter((reply) => reply.status === 429);
    expect(judged).toHaveLength(20);
    expect(waiting).toHaveLength(280);
    expect(new Set(judged.map((reply) => reply.text)).size).toBe(1);
    expect(Number(waiting[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Villages share carrier addresses: one guesser never locks out a valid code.
    expect((await t.anonymous.get(`/receipts/${shipment.body.receiptCode}`)).status).toBe(200);
    const upload = await t.anonymous.post(`/receipts/${shipment.body.receiptCode}/documents`, {
      fileName: 'a.jpg',
      contentType: 'image/jpeg',
      size: 10,
    });
    expect(upload.status).toBe(201);
    expect((await t.anonymous.get(`/receipts/${'9'.repeat(26)}`)).status).toBe(429);
  }, 150_000);
});
