/**
 * Everything wrong can be put right: a registration's name, phone, role or desa corrected under the
 * same rules as registering; a check-in tapped by mistake undone; a registration cancelled; a
 * session's details and expected desa changed. Each with a reason, audited before → after, and
 * followed by the recap.
 */
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import type { Registration } from '#shared/sessions/registration-contract.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
const village = (i: number) => villages[i]?.code ?? '';

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

type Problem = { detail?: string; errors?: Array<{ field: string; message: string }>; holder?: { fullName: string } };

async function newSession(extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Tahapan Pilkades',
    date: '2024-02-08',
    venue: 'Aula Kantor Camat',
    ...extra,
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

const patch = (sessionId: string, id: string, body: unknown) =>
  t.organizer.request<Registration & Problem>('PATCH', `/sessions/${sessionId}/registrations/${id}`, body);

async function trail(sessionId: string): Promise<AuditEntry[]> {
  return (await t.organizer.get<{ items: AuditEntry[] }>(`/audit?sessionId=${sessionId}`)).body.items;
}

test('a one-letter name is refused; a single name such as "Juproni" is not', async () => {
  const sessionId = await newSession();
  const refused = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
    fullName: 'A',
    role: 'KETUA_PANITIA',
    villageCode: village(0),
  });
  expect(refused.status).toBe(400);
  expect(refused.body.errors).toEqual([
    {
      field: 'fullName',
      message: 'Nama berisi sedikitnya dua huruf; boleh memakai titik, koma, tanda petik dan tanda hubung',
    },
  ]);
  const single = await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: village(0),
  });
  expect(single.status).toBe(201);
});

test('a mistyped name is corrected in place, audited with the reason, and the recap and daftar hadir follow', async () => {
  // Prepare: the Ketua registered under a slip of the thumb.
  const sessionId = await newSession();
  const created = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Ab',
    role: 'KETUA_PANITIA',
    villageCode: village(1),
    phone: '081300001111',
  });
  await t.organizer.post(`/sessions/${sessionId}/registrations/${created.body.id}/check-in`);
  // Act
  const fixed = await patch(sessionId, created.body.id, { fullName: 'Abdul Mu’thi', reason: 'Salah ketik di meja' });
  // Assess
  expect(fixed.status).toBe(200);
  expect(fixed.body).toMatchObject({ id: created.body.id, fullName: 'Abdul Mu’thi', phone: '+6281300001111' });
  expect(fixed.body.checkedInAt).toBe(created.body.checkedInAt ?? fixed.body.checkedInAt);
  expect(fixed.body.checkedInAt).not.toBeNull();
  const entry = (await trail(sessionId)).find((each) => each.action === 'registration.updated');
  expect(entry).toMatchObject({
    entityId: created.body.id,
    reason: 'Salah ketik di meja',
    before: { fullName: 'Ab' },
    after: { fullName: 'Abdul Mu’thi' },
    actor: { type: 'user', name: 'Panitia DPMD' },
  });
  const csv = await t.organizer.get(`/sessions/${sessionId}/attendance.csv`);
  expect(csv.text).toContain('Abdul Mu’thi');
  expect(csv.text).not.toMatch(/(^|,)Ab,/m);
  // The real holder keeps the place; another person still cannot take it.
  const other = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Orang Lain',
    role: 'KETUA_PANITIA',
    villageCode: village(1),
  });
  expect(other.status).toBe(409);
  expect(other.body.detail).toContain('Abdul Mu’thi');
});

test('a new role or desa moves the registration to its new place: new id, same check-in, the old place free', async () => {
  const sessionId = await newSession();
  const created = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Yulianti',
    role: 'KETUA_PANITIA',
    villageCode: village(2),
    phone: '081300002222',
  });
  await t.organizer.post(`/sessions/${sessionId}/registrations/${created.body.id}/check-in`);
  const moved = await patch(sessionId, created.body.id, {
    role: 'SEKRETARIS_PANITIA',
    villageCode: village(3),
    reason: 'Ternyata sekretaris desa sebelah',
  });
  expect(moved.status).toBe(200);
  expect(moved.body.id).toBe(`SK-${village(3)}`);
  expect(moved.body).toMatchObject({ role: 'SEKRETARIS_PANITIA', villageCode: village(3), phone: '+6281300002222' });
  expect(moved.body.checkedInAt).not.toBeNull();
  expect(moved.body.createdAt).toBe(created.body.createdAt);
  const list = await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`);
  expect(list.body.items.map((item) => item.id)).toEqual([`SK-${village(3)}`]);
  // The old place is free, the phone number went along.
  const newChair = await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Agus Salim',
    role: 'KETUA_PANITIA',
    villageCode: village(2),
  });
  expect(newChair.status).toBe(201);
  const samePhone = await t.organizer.post<Problem>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Dedi Irawan',
    role: 'SEKRETARIS_PANITIA',
    villageCode: village(4),
    phone: '0813-0000-2222',
  });
  expect(samePhone.status).toBe(409);
  expect(samePhone.body.detail).toContain('Yulianti');
  // The recap counts her once, present, in her new place.
  const recap = await t.organizer.get<{
    registered: number;
    present: number;
    byRole: Record<string, { present: number }>;
  }>(`/sessions/${sessionId}/attendance`);
  expect(recap.body).toMatchObject({ registered: 2, present: 1 });
  expect(recap.body.byRole.SEKRETARIS_PANITIA?.present).toBe(1);
});

test('a correction into a taken place or a used phone is refused naming the holder, and changes nothing', async () => {
  const sessionId = await newSession();
  const first = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Heriyanto',
    role: 'KETUA_PANITIA',
    villageCode: village(5),
    phone: '081300003333',
  });
  const second = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Novi Andriani',
    role: 'SEKRETARIS_PANITIA',
    villageCode: village(5),
    phone: '081300004444',
  });
  const intoPlace = await patch(sessionId, second.body.id, { role: 'KETUA_PANITIA', reason: 'coba pindah' });
  expect(intoPlace.status).toBe(409);
  expect(intoPlace.body.detail).toContain('Heriyanto');
  const intoPhone = await patch(sessionId, second.body.id, { phone: '0813 0000 3333', reason: 'nomor baru' });
  expect(intoPhone.status).toBe(409);
  expect(intoPhone.body.detail).toContain('Heriyanto');
  const unchanged = await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`);
  expect(unchanged.body.items.map(({ id, phone }) => ({ id, phone }))).toEqual([
    { id: first.body.id, phone: '+6281300003333' },
    { id: second.body.id, phone: '+6281300004444' },
  ]);
  // A changed number frees the old one.
  expect((await patch(sessionId, first.body.id, { phone: '081300005555', reason: 'ganti nomor' })).status).toBe(200);
  const reuse = await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Sri Wahyuni',
    role: 'ANGGOTA_PANITIA',
    villageCode: village(5),
    phone: '081300003333',
  });
  expect(reuse.status).toBe(201);
  // Without a reason, nothing is changed.
  const noReason = await patch(sessionId, first.body.id, { fullName: 'Heri' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors?.[0]?.field).toBe('reason');
});

test('a check-in tapped by mistake is undone with a reason; the recap follows; undoing twice is refused', async () => {
  const sessionId = await newSession();
  const created = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Rahmat Hidayat, S.H.',
    role: 'KETUA_PANITIA',
    villageCode: village(6),
  });
  const path = `/sessions/${sessionId}/registrations/${created.body.id}`;
  await t.organizer.post(`${path}/check-in`);
  const undone = await t.organizer.post<Registration>(`${path}/check-in/undo`, { reason: 'Salah tekan Hadir' });
  expect(undone.status).toBe(200);
  expect(undone.body.checkedInAt).toBeNull();
  const recap = await t.organizer.get<{ present: number }>(`/sessions/${sessionId}/attendance`);
  expect(recap.body.present).toBe(0);
  const again = await t.organizer.post<Problem>(`${path}/check-in/undo`, { reason: 'Salah tekan Hadir' });
  expect(again.status).toBe(409);
  expect(again.body.detail).toBe('Rahmat Hidayat, S.H. belum tercatat hadir.');
  expect((await t.organizer.post(`${path}/check-in/undo`, {})).status).toBe(400);
  const entry = (await trail(sessionId)).find((each) => each.action === 'registration.checkInUndone');
  expect(entry).toMatchObject({ reason: 'Salah tekan Hadir', after: { checkedInAt: null } });
  // Checked in again later, the person counts once.
  expect((await t.organizer.post(`${path}/check-in`)).status).toBe(200);
  expect((await t.organizer.get<{ present: number }>(`/sessions/${sessionId}/attendance`)).body.present).toBe(1);
});

test('an admin cancels with a reason, kept in the trail', async () => {
  const sessionId = await newSession();
  const created = await t.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Ahmad Fauzi',
    role: 'KETUA_PANITIA',
    villageCode: village(7),
  });
  const reply = await t.admin.request('DELETE', `/sessions/${sessionId}/registrations/${created.body.id}`, {
    reason: 'Didaftarkan dua kali',
  });
  expect(reply.status).toBe(204);
  const entry = (await trail(sessionId)).find((each) => each.action === 'registration.cancelled');
  expect(entry).toMatchObject({ reason: 'Didaftarkan dua kali', before: { fullName: 'Ahmad Fauzi' }, after: null });
});

test('a session is edited: details, capacity and the desa it expects, within its registrations, audited', async () => {
  const sessionId = await newSession({ villageCodes: [village(0), village(1)], capacity: 5 });
  await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: village(0),
  });
  await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Yulianti',
    role: 'SEKRETARIS_PANITIA',
    villageCode: village(0),
  });
  const path = `/sessions/${sessionId}`;
  const tooSmall = await t.organizer.request<Problem>('PATCH', path, { capacity: 1 });
  expect(tooSmall.status).toBe(409);
  expect(tooSmall.body.detail).toBe('Kuota tidak boleh kurang dari jumlah yang sudah terdaftar (2 peserta).');
  const dropping = await t.organizer.request<Problem>('PATCH', path, { villageCodes: [village(1)] });
  expect(dropping.status).toBe(409);
  expect(dropping.body.detail).toContain(villages[0]?.name ?? '?');
  const edited = await t.organizer.request<{
    venue: string;
    capacity: number | null;
    villageCodes: string[];
    kecamatanCodes: string[];
    date: string;
  }>('PATCH', path, {
    venue: 'Gedung Serbaguna',
    date: '2024-02-09',
    capacity: null,
    villageCodes: [village(0), village(1), village(40)],
    reason: 'Tempat pindah',
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ venue: 'Gedung Serbaguna', date: '2024-02-09', capacity: null });
  expect(edited.body.villageCodes).toEqual([village(0), village(1), village(40)].sort());
  expect(edited.body.kecamatanCodes).toContain(villages[40]?.kecamatanCode);
  // The added desa may register now.
  const fromNewDesa = await t.organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Dedi Irawan',
    role: 'KETUA_PANITIA',
    villageCode: village(40),
  });
  expect(fromNewDesa.status).toBe(201);
  const entry = (await trail(sessionId)).find((each) => each.action === 'session.updated');
  expect(entry).toMatchObject({
    reason: 'Tempat pindah',
    before: { venue: 'Aula Kantor Camat' },
    after: { venue: 'Gedung Serbaguna' },
  });
  // The list of sessions shows the new date.
  const listed = await t.organizer.get<{ items: Array<{ id: string; date: string }> }>('/sessions');
  expect(listed.body.items.find((item) => item.id === sessionId)?.date).toBe('2024-02-09');
  expect(kecamatan.length).toBeGreaterThan(0);
});
