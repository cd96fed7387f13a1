import { jest } from '@jest/globals';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { Attendance } from '#shared/sessions/contract.ts';
import type { Registration } from '#shared/sessions/registration-contract.ts';
import { pool, startTestStack, type TestStack, untilAnswered } from '#test/support/api.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';

// Hundreds of registrations per test: on a busy two-core machine some take over a minute.
jest.setTimeout(180_000);
let t: TestStack;
const village = (i: number) => villages[i]?.code ?? '';
const kec = (i: number) => kecamatan[i]?.code ?? '';

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

async function newSession(extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Tahapan Pilkades',
    date: '2023-02-08',
    venue: 'Aula Kantor Camat Muaradua',
    ...extra,
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

type Problem = { title: string; detail?: string; errors?: Array<{ field: string; message: string }>; holder?: unknown };

describe('registration rules', () => {
  test('a repeat of the same registration answers 200 with the same record', async () => {
    const sessionId = await newSession();
    const person = { fullName: 'H. M. Rahmattullah, S.STP., MM.', role: 'KETUA_PANITIA', villageCode: village(0) };
    const first = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, person);
    const again = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, person);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.kecamatanCode).toBe(villages[0]?.kecamatanCode);
  });

  test('a second chair for the same desa is a 409 that names the chair', async () => {
    const sessionId = await newSession();
    await t.organizer.post(`/sessions/${sessionId}/registrations`, {
      fullName: "Ma'ruf",
      role: 'KETUA_PANITIA',
      villageCode: village(1),
    });
    const clash = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Juproni',
      role: 'KETUA_PANITIA',
      villageCode: village(1),
    });
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(clash.body.detail).toBe(`Ketua Panitia Desa ${villages[1]?.name} sudah terdaftar atas nama Ma'ruf`);
    expect(clash.body.holder).toMatchObject({ fullName: "Ma'ruf", role: 'KETUA_PANITIA', villageCode: village(1) });
  });

  test('a phone number registers once per session, however it is written', async () => {
    const sessionId = await newSession();
    const first = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Yulianti',
      role: 'SEKRETARIS_PANITIA',
      villageCode: village(2),
      phone: '0812-7777-1234',
    });
    expect(first.body.phone).toBe('+6281277771234');
    const clash = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Agus Salim',
      role: 'KETUA_PANITIA',
      villageCode: village(3),
      phone: '62 812-7777-1234',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain('Yulianti');
  });

  test('capacity is respected', async () => {
    const sessionId = await newSession({ capacity: 2 });
    const people = okuSelatanParticipants().slice(0, 3);
    const replies = [];
    for (const person of people)
      replies.push(await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, person));
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 409]);
    expect(replies[2]?.body.detail).toBe('Kuota sesi sudah penuh (2 peserta).');
  });

  test('roles take the unit they belong to, with Indonesian field messages', async () => {
    const sessionId = await newSession();
    const kasiWithoutKecamatan = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Drs. Sukardi, M.Si.',
      role: 'KASI_PEMERINTAHAN',
      villageCode: village(0),
    });
    expect(kasiWithoutKecamatan.status).toBe(400);
    expect(kasiWithoutKecamatan.body.errors).toEqual([
      { field: 'kecamatanCode', message: 'Pilih kecamatan untuk peran ini' },
      { field: 'villageCode', message: 'Peran ini tidak memakai desa' },
    ]);
    const chairWithoutDesa = await t.organizer.inLanguage('en').post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Juproni',
      role: 'KETUA_PANITIA',
    });
    expect(chairWithoutDesa.body.errors).toEqual([{ field: 'villageCode', message: 'Choose a village for this role' }]);
  });

  test('a desa not expected at the session is refused', async () => {
    const sessionId = await newSession({ villageCodes: [village(0), village(1)] });
    const reply = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Juproni',
      role: 'KETUA_PANITIA',
      villageCode: village(5),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ field: 'villageCode', message: 'Desa ini tidak termasuk peserta sesi ini' }]);
    const kasi = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
      fullName: 'Juproni',
      role: 'KASI_PEMERINTAHAN',
      kecamatanCode: kec(10),
    });
    expect(kasi.body.errors?.[0]?.field).toBe('kecamatanCode');
  });

  test('an unknown session is a 404', async () => {
    const reply = await t.organizer.post<Problem>('/sessions/01ARZ3NDEKTSV4RRFFQ69G5FAV/registrations', {
      fullName: 'Juproni',
      role: 'KETUA_PANITIA',
      villageCode: village(0),
    });
    expect(reply.status).toBe(404);
  });
});

describe('concurrency', () => {
  test('50 concurrent identical registrations create exactly one record', async () => {
    const sessionId = await newSession();
    const person = {
      fullName: 'Siti Nur’aini',
      role: 'SEKRETARIS_PANITIA',
      villageCode: village(4),
      phone: '081311112222',
    };
    const replies = await untilAnswered(50, () =>
      t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, person),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(49);
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    const list = await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`);
    expect(list.body.items).toHaveLength(1);
  });

  test('20 different people racing for one chair: one wins, 19 are told who did', async () => {
    const sessionId = await newSession();
    const replies = await untilAnswered(20, (i) =>
      t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
        fullName: `Calon Ketua ${String.fromCharCode(65 + i)}`,
        role: 'KETUA_PANITIA',
        villageCode: village(6),
      }),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 409)).toHaveLength(19);
  });

  test('30 concurrent registrations into 10 seats fill exactly 10', async () => {
    const sessionId = await newSession({ capacity: 10 });
    const people = okuSelatanParticipants(300).slice(0, 30);
    const replies = await untilAnswered(people.length, (i) =>
      t.organizer.post(`/sessions/${sessionId}/registrations`, people[i]),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(10);
    expect(replies.filter((reply) => reply.status === 409)).toHaveLength(20);
    const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.registered).toBe(10);
  });

  test('200 concurrent check-ins leave the recap exact', async () => {
    const sessionId = await newSession();
    const people = okuSelatanParticipants(700);
    const ids = await pool(people, 8, async (person) => {
      const reply = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, person);
      return reply.body.id;
    });
    // Every participant checked in at once, and 17 of them twice.
    const taps = [...ids, ...ids.slice(0, 17)];
    // On a loaded machine some may answer 503 (busy): sent again, as the page does.
    const replies = await untilAnswered(taps.length, (i) =>
      t.organizer.post(`/sessions/${sessionId}/registrations/${taps[i]}/check-in`),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.present).toBe(183);
    expect(recap.body.registered).toBe(183);
  });
});

describe('cancellation, listing and bulk import', () => {
  test('an admin cancels a registration; the place and the phone are free again; organizers may not', async () => {
    const sessionId = await newSession();
    const person = { fullName: 'Heriyanto', role: 'KETUA_PANITIA', villageCode: village(7), phone: '081355556666' };
    const created = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, person);
    const path = `/sessions/${sessionId}/registrations/${created.body.id}`;
    expect((await t.organizer.delete(path)).status).toBe(403);
    expect((await t.admin.delete(path)).status).toBe(204);
    expect((await t.admin.delete(path)).status).toBe(404);
    const replacement = await t.organizer.post(`/sessions/${sessionId}/registrations`, {
      ...person,
      fullName: 'Dedi Irawan',
    });
    expect(replacement.status).toBe(201);
  });

  test('registrations page with a cursor; a forged cursor is a 400', async () => {
    const sessionId = await newSession();
    const people = okuSelatanParticipants(900).slice(0, 25);
    await untilAnswered(people.length, (i) => t.organizer.post(`/sessions/${sessionId}/registrations`, people[i]));
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10';
      const page = await t.organizer.get<{ items: Registration[]; nextCursor: string | null }>(
        `/sessions/${sessionId}/registrations${query}`,
      );
      expect(page.status).toBe(200);
      for (const item of page.body.items) seen.add(item.id);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(25);
    expect(pages).toBeGreaterThanOrEqual(3);
    const forged = Buffer.from(JSON.stringify({ PK: 'SESSION#other', SK: 'REG#x' })).toString('base64url');
    const bad = await t.organizer.get(`/sessions/${sessionId}/registrations?cursor=${forged}`);
    expect(bad.status).toBe(400);
  });

  test('an import cut off half-way and run again registers every row exactly once', async () => {
    const sessionId = await newSession();
    const rows = okuSelatanParticipants(1100);
    // A part answered 503 on a busy machine is sent again, as the page does: what it had written
    // then counts as unchanged, never twice.
    const send = (registrations: unknown[]) =>
      untilAnswered(1, () =>
        t.organizer.post<{ created: number; unchanged: number; rejected: unknown[] }>(
          `/sessions/${sessionId}/registrations/import`,
          { registrations },
        ),
      ).then(([reply]) => reply?.body ?? { created: 0, unchanged: 0, rejected: [] });
    const half = await send(rows.slice(0, 90));
    expect(half.created + half.unchanged).toBe(90);
    const full = await send(rows);
    expect(full).toMatchObject({ rejected: [] });
    expect(full.created + full.unchanged).toBe(183);
    expect(full.unchanged).toBeGreaterThanOrEqual(90);
    const again = await send(rows);
    expect(again).toMatchObject({ created: 0, unchanged: 183 });
    const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
    expect(recap.body.registered).toBe(183);
  });

  test('an import of people without phone numbers works', async () => {
    const sessionId = await newSession();
    const rows = okuSelatanParticipants(1400)
      .slice(0, 30)
      .map(({ phone: _phone, ...row }) => row);
    const reply = await t.organizer.post<{ created: number }>(`/sessions/${sessionId}/registrations/import`, {
      registrations: rows,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.created).toBe(30);
  });

  test('an import reports the rows it refuses, and registers the rest', async () => {
    const sessionId = await newSession({ villageCodes: [village(0), village(1), village(2)] });
    await t.organizer.post(`/sessions/${sessionId}/registrations`, {
      fullName: 'Juproni',
      role: 'KETUA_PANITIA',
      villageCode: village(0),
    });
    const reply = await t.organizer.post<{ created: number; rejected: Array<{ index: number; status: number }> }>(
      `/sessions/${sessionId}/registrations/import`,
      {
        registrations: [
          { fullName: 'Agus Salim', role: 'KETUA_PANITIA', villageCode: village(0) },
          { fullName: 'Novi Andriani', role: 'SEKRETARIS_PANITIA', villageCode: village(0) },
          { fullName: 'Ahmad Fauzi', role: 'KETUA_PANITIA', villageCode: village(9) },
          { fullName: 'Ahmad Fauzi', role: 'KETUA_PANITIA', villageCode: village(1), phone: '081299990000' },
          { fullName: 'Sri Wahyuni', role: 'KETUA_PANITIA', villageCode: village(2), phone: '0812 9999 0000' },
        ],
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.created).toBe(2);
    expect(reply.body.rejected.map((row) => [row.index, row.status])).toEqual([
      [0, 409],
      [2, 400],
      [4, 409],
    ]);
  });
});
