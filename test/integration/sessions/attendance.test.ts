import { jest } from '@jest/globals';
import { villages } from '#local/demo/oku-selatan.ts';
import type { Attendance } from '#shared/sessions/contract.ts';
import { pool, startTestStack, type TestStack } from '#test/support/api.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';

// Each test registers and checks in the 183 people of a real session: on a busy two-core machine, over a minute.
jest.setTimeout(180_000);
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

async function newSession(title: string): Promise<string> {
  const reply = await t.organizer.post<{ id: string }>('/sessions', { title, date: '2023-02-08', venue: 'Aula DPMD' });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

async function registerAll(sessionId: string, offset = 0): Promise<string[]> {
  const people = okuSelatanParticipants(offset);
  return pool(people, 8, async (person) => {
    const reply = await t.organizer.post<{ id: string }>(`/sessions/${sessionId}/registrations`, person);
    expect(reply.status).toBe(201);
    return reply.body.id;
  });
}

test('183 participants checked in read 183 present, 82/82/19, all 82 desa represented, nobody missing', async () => {
  // Prepare
  const sessionId = await newSession('Sosialisasi Pilkades Serentak 2023');
  const ids = await registerAll(sessionId);
  // Act
  await pool(ids, 8, async (id) => {
    const reply = await t.organizer.post(`/sessions/${sessionId}/registrations/${id}/check-in`);
    expect(reply.status).toBe(200);
  });
  const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
  // Assess
  expect(recap.status).toBe(200);
  expect(recap.body).toMatchObject({
    registered: 183,
    present: 183,
    byRole: {
      KETUA_PANITIA: { registered: 82, present: 82 },
      SEKRETARIS_PANITIA: { registered: 82, present: 82 },
      ANGGOTA_PANITIA: { registered: 0, present: 0 },
      KASI_PEMERINTAHAN: { registered: 19, present: 19 },
    },
    missing: { KETUA_PANITIA: [], SEKRETARIS_PANITIA: [], KASI_PEMERINTAHAN: [] },
    villages: { expected: 82, represented: 82 },
    kecamatan: { expected: 19, represented: 19 },
  });
  expect(Object.keys(recap.body.byKecamatan)).toHaveLength(19);
  const perKecamatan = Object.values(recap.body.byKecamatan);
  expect(perKecamatan.reduce((sum, tally) => sum + tally.present, 0)).toBe(183);
});

test('a chair who is registered but not checked in leaves that desa in the missing list', async () => {
  // Prepare
  const sessionId = await newSession('Bimtek Panitia Gelombang II');
  const ids = await registerAll(sessionId, 500);
  const absentVillage = villages[17]?.code ?? '';
  const absentChair = `KT-${absentVillage}`;
  // Act
  await pool(
    ids.filter((id) => id !== absentChair),
    8,
    (id) => t.organizer.post(`/sessions/${sessionId}/registrations/${id}/check-in`),
  );
  const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
  // Assess
  expect(recap.body.registered).toBe(183);
  expect(recap.body.present).toBe(182);
  expect(recap.body.byRole.KETUA_PANITIA).toEqual({ registered: 82, present: 81 });
  expect(recap.body.missing).toEqual({ KETUA_PANITIA: [absentVillage], SEKRETARIS_PANITIA: [], KASI_PEMERINTAHAN: [] });
  // The desa is still represented by its secretary.
  expect(recap.body.villages).toEqual({ expected: 82, represented: 82 });
});

test('checking someone in twice changes nothing and answers the first time', async () => {
  const sessionId = await newSession('Sosialisasi ulang');
  const reply = await t.organizer.post<{ id: string }>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: villages[0]?.code,
  });
  const first = await t.organizer.post<{ checkedInAt: string; alreadyCheckedIn: boolean }>(
    `/sessions/${sessionId}/registrations/${reply.body.id}/check-in`,
  );
  const second = await t.organizer.post<{ checkedInAt: string; alreadyCheckedIn: boolean }>(
    `/sessions/${sessionId}/registrations/${reply.body.id}/check-in`,
  );
  expect(first.body.alreadyCheckedIn).toBe(false);
  expect(second.body).toEqual({ ...first.body, alreadyCheckedIn: true });
  const recap = await t.organizer.get<Attendance>(`/sessions/${sessionId}/attendance`);
  expect(recap.body.present).toBe(1);
});
