/**
 * Invitations per unit, self-registration through them, session roles, personal passes and the
 * check-in of scans sent later from offline phones: the "done when", against the real
 * handlers, dynalite and the local gateway.
 */
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import { awayFromWindowEdge, pool, startTestStack, type TestStack } from '#test/support/api.ts';

/** Unknown codes a caller may try per window (MAX_FAILURES in shared/kernel/limits.ts). */
const MAX_FAILURES = 20;

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

interface Invitation {
  id: string;
  unit: { kind: 'village' | 'kecamatan'; code: string; name: string };
  code: string;
  url: string;
  whatsappUrl: string;
}
interface Registration {
  id: string;
  fullName: string;
  role: string;
  villageCode?: string;
  kecamatanCode?: string;
  source?: string;
  invitationId?: string;
  pass: { token: string; url: string } | null;
}

const phone = (n: number) => `0821${String(10_000_000 + n).padStart(8, '0')}`;
const names = ['Ahmad Zainuri', 'Siti Nur’aini', 'H. M. Rahmattullah, S.STP., MM.', 'Juproni', 'Dewi Lestari'];

async function newSession(body: Record<string, unknown> = {}): Promise<string> {
  const reply = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Panitia Pilkades',
    date: '2027-02-08',
    venue: 'Gedung Serbaguna, Muaradua',
    ...body,
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

describe('invitations over 82 desa and 19 kecamatan', () => {
  let sessionId: string;
  let invitations: Invitation[];
  beforeAll(async () => {
    sessionId = await newSession();
    const created = await t.organizer.post<{ items: Invitation[] }>(`/sessions/${sessionId}/invitations`);
    expect(created.status).toBe(200);
    invitations = created.body.items;
  });

  test('one invitation per expected unit, each with a long random code, its page and a WhatsApp message', async () => {
    expect(invitations).toHaveLength(villages.length + kecamatan.length);
    expect(invitations.filter((each) => each.unit.kind === 'village')).toHaveLength(82);
    expect(invitations.filter((each) => each.unit.kind === 'kecamatan')).toHaveLength(19);
    expect(new Set(invitations.map((each) => each.code)).size).toBe(101);
    for (const each of invitations) {
      expect(each.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(each.url).toBe(`${t.stack.url}/daftar/${each.code}`);
      const text = decodeURIComponent(new URL(each.whatsappUrl).searchParams.get('text') ?? '');
      expect(text).toContain(each.url);
      expect(text).toContain(each.unit.kind === 'village' ? `Desa ${each.unit.name}` : `Kecamatan ${each.unit.name}`);
    }
    // Asking again creates nothing new: the same invitations and codes.
    const again = await t.organizer.post<{ items: Invitation[] }>(`/sessions/${sessionId}/invitations`);
    expect(again.body.items.map((each) => each.code).sort()).toEqual(invitations.map((each) => each.code).sort());
  });

  test('every desa registers its Ketua and Sekretaris and every kecamatan its Kasi, 20 in flight: exactly 183', async () => {
    const jobs = invitations.flatMap((each, i) =>
      each.unit.kind === 'village'
        ? [
            {
              code: each.code,
              body: { fullName: `Ketua ${each.unit.name}`, role: 'KETUA_PANITIA', phone: phone(i * 3) },
            },
            {
              code: each.code,
              body: { fullName: `Sekretaris ${each.unit.name}`, role: 'SEKRETARIS_PANITIA', phone: phone(i * 3 + 1) },
            },
          ]
        : [
            {
              code: each.code,
              body: { fullName: `Kasi ${each.unit.name}`, role: 'KASI_PEMERINTAHAN', phone: phone(i * 3) },
            },
          ],
    );
    const replies = await pool(jobs, 20, (job) =>
      t.anonymous.post<Registration>(`/invitations/${job.code}/registrations`, job.body),
    );
    expect(replies.map((reply) => reply.status).filter((status) => status !== 201)).toEqual([]);
    for (const reply of replies) {
      expect(reply.body.source).toBe('invitation');
      expect(reply.body.pass?.url).toBe(`${t.stack.url}/hadir/${reply.body.pass?.token}`);
    }
    const recap = await t.organizer.get<{
      registered: number;
      byRole: Record<string, { registered: number }>;
      villages: { expected: number };
    }>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.registered).toBe(183);
    expect(recap.body.byRole.KETUA_PANITIA?.registered).toBe(82);
    expect(recap.body.byRole.SEKRETARIS_PANITIA?.registered).toBe(82);
    expect(recap.body.byRole.KASI_PEMERINTAHAN?.registered).toBe(19);
    const listed = await t.organizer.get<{
      items: Array<{ status: string; registered: number; unit: { kind: string } }>;
    }>(`/sessions/${sessionId}/invitations`);
    expect(listed.body.items.every((each) => each.status === 'USED')).toBe(true);
    expect(listed.body.items.filter((each) => each.unit.kind === 'village').map((each) => each.registered)).toEqual(
      Array(82).fill(2),
    );
  });

  test('a second Ketua through the invitation is a 409 naming the first', async () => {
    const desa = invitations.find((each) => each.unit.kind === 'village') as Invitation;
    const reply = await t.anonymous.post<{ detail: string }>(`/invitations/${desa.code}/registrations`, {
      fullName: 'Orang Lain',
      role: 'KETUA_PANITIA',
      phone: '085299990000',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toBe(
      `Ketua Panitia Desa ${desa.unit.name} sudah terdaftar atas nama Ketua ${desa.unit.name}`,
    );
  });

  test('desa A’s code cannot register into desa B, nor a kecamatan role; nothing is written', async () => {
    const [a, b] = invitations.filter((each) => each.unit.kind === 'village') as [Invitation, Invitation];
    const before = await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
    const intoB = await t.anonymous.post(`/invitations/${a.code}/registrations`, {
      fullName: 'Anggota Nyasar',
      role: 'ANGGOTA_PANITIA',
      phone: '085299990001',
      villageCode: b.unit.code,
    });
    expect(intoB.status).toBe(400);
    const kasi = await t.anonymous.post<{ errors?: Array<{ field: string }> }>(`/invitations/${a.code}/registrations`, {
      fullName: 'Kasi Nyasar',
      role: 'KASI_PEMERINTAHAN',
      phone: '085299990002',
    });
    expect(kasi.status).toBe(400);
    const after = await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
    expect(after.body.registered).toBe(before.body.registered);
    // What A's code shows is A's people only.
    const view = await t.anonymous.get<{ unit: { code: string }; registrations: Array<{ fullName: string }> }>(
      `/invitations/${a.code}`,
    );
    expect(view.body.unit.code).toBe(a.unit.code);
    expect(view.body.registrations.map((each) => each.fullName).sort()).toEqual(
      [`Ketua ${a.unit.name}`, `Sekretaris ${a.unit.name}`].sort(),
    );
  });

  test('a phone number used by another unit is refused without naming who used it', async () => {
    const [a, b] = invitations.filter((each) => each.unit.kind === 'village') as [Invitation, Invitation];
    const used = await t.anonymous.get<{ registrations: Array<{ fullName: string }> }>(`/invitations/${b.code}`);
    expect(used.status).toBe(200);
    const reply = await t.anonymous.post<{ detail: string }>(`/invitations/${a.code}/registrations`, {
      fullName: 'Anggota Baru',
      role: 'ANGGOTA_PANITIA',
      phone: phone(3), // the Ketua of the second desa
    });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).not.toContain(b.unit.name);
  });

  test('a replaced code stops working at once; the new one works', async () => {
    const desa = invitations.filter((each) => each.unit.kind === 'village')[5] as Invitation;
    const replaced = await t.organizer.post<Invitation>(`/sessions/${sessionId}/invitations/${desa.id}/code`, {
      reason: 'Tautan tersebar ke grup umum',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.code).not.toBe(desa.code);
    expect((await t.anonymous.get(`/invitations/${desa.code}`)).status).toBe(404);
    expect((await t.anonymous.get(`/invitations/${replaced.body.code}`)).status).toBe(200);
  });
});

describe('public codes hold against a determined client', () => {
  test(`unknown codes sent at once: ${MAX_FAILURES} are judged, the rest wait; a valid code still opens`, async () => {
    const sessionId = await newSession({ villageCodes: [villages[0]?.code] });
    const valid = (await t.organizer.post<{ items: Invitation[] }>(`/sessions/${sessionId}/invitations`)).body.items[0];
    const client = { 'true-client-ip': '198.51.100.7' };
    const guesses = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, '0')}${'A'.repeat(24)}`);
    await awayFromWindowEdge();
    const replies = await Promise.all(
      guesses.map((code) => t.anonymous.request('GET', `/invitations/${code}`, undefined, client)),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 404)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(60 - MAX_FAILURES);
    const open = await t.anonymous.request('GET', `/invitations/${valid?.code}`, undefined, client);
    expect(open.status).toBe(200);
  }, 150_000);
});

describe('session roles', () => {
  test('a session expecting Pengawas per desa and agencies: registration, refusals and the missing list', async () => {
    const desa = villages.slice(0, 3).map((village) => village.code);
    const sessionId = await newSession({
      title: 'Bimtek Pengawas',
      villageCodes: desa,
      roles: [
        { role: 'PENGAWAS', unit: 'village', min: 1, max: 2 },
        { role: 'INSTANSI', unit: 'none', min: 3, max: 10 },
      ],
    });
    const register = (body: Record<string, unknown>) =>
      t.organizer.post<Registration & { detail?: string }>(`/sessions/${sessionId}/registrations`, body);
    const first = await register({ fullName: names[0], role: 'PENGAWAS', villageCode: desa[0] });
    const second = await register({ fullName: names[1], role: 'PENGAWAS', villageCode: desa[0] });
    const third = await register({ fullName: names[2], role: 'PENGAWAS', villageCode: desa[0] });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 409]);
    expect(third.body.detail).toContain('2');
    const police = await register({ fullName: 'Budi Santoso', role: 'INSTANSI', organization: 'Polres OKU Selatan' });
    expect(police.status).toBe(201);
    expect(police.body.id).toMatch(/^IN-[0-9a-f]{8}$/);
    const noOrganization = await register({ fullName: 'Budi Santoso', role: 'INSTANSI' });
    expect(noOrganization.status).toBe(400);
    const notInvited = await register({ fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: desa[1] });
    expect(notInvited.status).toBe(400);
    for (const each of [first, police]) {
      expect((await t.organizer.post(`/sessions/${sessionId}/registrations/${each.body.id}/check-in`)).status).toBe(
        200,
      );
    }
    const recap = await t.organizer.get<{
      missing: Record<string, string[]>;
      short: Record<string, number>;
      byRole: Record<string, { registered: number; present: number }>;
    }>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.missing).toEqual({ PENGAWAS: [desa[1], desa[2]] });
    expect(recap.body.short).toEqual({ PENGAWAS: 2, INSTANSI: 2 });
    expect(recap.body.byRole).toEqual({
      PENGAWAS: { registered: 2, present: 1 },
      INSTANSI: { registered: 1, present: 1 },
    });
    // Cancelling a Pengawas frees a place for another.
    expect(
      (await t.admin.request('DELETE', `/sessions/${sessionId}/registrations/${second.body.id}`, { reason: 'batal' }))
        .status,
    ).toBe(204);
    expect((await register({ fullName: names[2], role: 'PENGAWAS', villageCode: desa[0] })).status).toBe(201);
    // A role with registrations cannot be dropped from the session.
    const drop = await t.organizer.request('PATCH', `/sessions/${sessionId}`, {
      roles: [{ role: 'INSTANSI', unit: 'none', min: 3, max: 10 }],
      reason: 'Pengawas tidak jadi diundang',
    });
    expect(drop.status).toBe(400);
  });
});

describe('passes and check-ins sent later', () => {
  test('a batch sent twice and from two phones counts each person once, keeping the earliest time', async () => {
    const sessionId = await newSession();
    const people = await pool(villages.slice(0, 10), 4, async (village, i) => {
      const reply = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
        fullName: names[i % names.length],
        role: 'KETUA_PANITIA',
        villageCode: village.code,
      });
      expect(reply.status).toBe(201);
      return reply.body;
    });
    // Scans from earlier this morning (a time ahead of the server's clock would count as now).
    const morning = Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000;
    const at = (minute: number) => new Date(morning + minute * 60_000).toISOString();
    const first = people.map((person, i) => ({ token: person.pass?.token, at: at(10 + i), deviceId: 'pintu-utara' }));
    const send = (items: unknown[]) =>
      t.organizer.post<{ results: Array<{ status: string; registrationId: string; checkedInAt: string }> }>(
        `/sessions/${sessionId}/check-ins`,
        { items },
      );
    const one = await send([...first, first[0]]);
    expect(one.body.results.map((each) => each.status)).toEqual([...Array(10).fill('CHECKED_IN'), 'ALREADY']);
    const again = await send(first);
    expect(again.body.results.every((each) => each.status === 'ALREADY')).toBe(true);
    // The other phone scanned the first five a little earlier, and ticks one by id.
    const other = [
      ...people
        .slice(0, 5)
        .map((person, i) => ({ token: person.pass?.token, at: at(5 + i), deviceId: 'pintu-selatan' })),
      { registrationId: people[9]?.id, at: at(1), deviceId: 'pintu-selatan' },
    ];
    const two = await send(other);
    expect(two.body.results.every((each) => each.status === 'ALREADY')).toBe(true);
    const listed = await t.organizer.get<{ items: Array<{ id: string; checkedInAt: string }> }>(
      `/sessions/${sessionId}/registrations`,
    );
    const time = new Map(listed.body.items.map((each) => [each.id, each.checkedInAt]));
    people.forEach((person, i) => {
      expect(time.get(person.id)).toBe(i < 5 ? at(5 + i) : i === 9 ? at(1) : at(10 + i));
    });
    const recap = await t.organizer.get<{ present: number }>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.present).toBe(10);
    const shown = await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
    expect(shown.body.registered).toBe(10);
  });

  test('a pass opens its page; a changed secret, or another session’s pass at this door, does not', async () => {
    const sessionId = await newSession({ villageCodes: [villages[0]?.code] });
    const otherId = await newSession({ villageCodes: [villages[0]?.code] });
    const person = (
      await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
        fullName: 'H. M. Rahmattullah, S.STP., MM.',
        role: 'KETUA_PANITIA',
        villageCode: villages[0]?.code,
      })
    ).body;
    const token = person.pass?.token ?? '';
    const view = await t.anonymous.get<{ registration: { fullName: string; unit: string }; session: { id: string } }>(
      `/passes/${token}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.registration.fullName).toBe('H. M. Rahmattullah, S.STP., MM.');
    expect(view.body.registration.unit).toBe(`Desa ${villages[0]?.name}`);
    const forged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    expect((await t.anonymous.get(`/passes/${forged}`)).status).toBe(404);
    const elsewhere = await t.organizer.post<{ results: Array<{ status: string; otherSession?: boolean }> }>(
      `/sessions/${otherId}/check-ins`,
      { items: [{ token, at: new Date().toISOString(), deviceId: 'pintu-1' }] },
    );
    expect(elsewhere.body.results[0]).toMatchObject({ status: 'UNKNOWN', otherSession: true });
  });
});
