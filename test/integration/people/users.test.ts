/**
 * Accounts managed from the app, end to end on the local stack (the table's user store standing in
 * for Cognito, through the same use cases): invite, change group and kecamatan, disable and enable
 * (a disabled person's next request is refused), resend an invitation, the rules that nobody takes
 * their own access away and the last enabled admin stays, and the trail of who did what to whom.
 */
import { Api, MUARA_DUA, startTestStack, type TestStack } from '#test/support/api.ts';

interface User {
  id: string;
  name: string;
  email: string;
  group: string;
  kecamatanCode: string | null;
  enabled: boolean;
  status: string;
  lastSignInAt: string | null;
}
interface Problem {
  title: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

const users = async () => (await t.admin.get<{ items: User[] }>('/users')).body.items;
const invite = (body: Record<string, unknown>) => t.admin.post<User & Problem>('/users', body);
const change = (id: string, body: Record<string, unknown>, api: Api = t.admin) =>
  api.request<User & Problem>('PATCH', `/users/${id}`, body);
const signIn = async (id: string) => new Api(t.stack.url, await t.stack.tokenForUser(id));

test('the demo seed holds an admin, an organizer and Muara Dua’s kecamatan account, all invited', async () => {
  // Prepare
  // Act
  const seeded = await users();
  // Assess
  expect(
    seeded.map(({ group, kecamatanCode, enabled, status }) => ({ group, kecamatanCode, enabled, status })),
  ).toEqual(
    expect.arrayContaining([
      { group: 'admin', kecamatanCode: null, enabled: true, status: 'invited' },
      { group: 'organizer', kecamatanCode: null, enabled: true, status: 'invited' },
      { group: 'kecamatan', kecamatanCode: MUARA_DUA, enabled: true, status: 'invited' },
    ]),
  );
  expect(seeded).toHaveLength(3);
});

test('an invitation answers 201 with the id, lists the person, and the trail says who invited whom', async () => {
  // Act
  const reply = await invite({ name: 'Siti Rahma', email: ' Siti.Rahma@DPMD.go.id ', group: 'organizer' });
  // Assess
  expect(reply.status).toBe(201);
  expect(reply.headers.get('location')).toBe(`/users/${reply.body.id}`);
  expect(reply.body).toMatchObject({ name: 'Siti Rahma', email: 'siti.rahma@dpmd.go.id', status: 'invited' });
  expect((await users()).map((user) => user.id)).toContain(reply.body.id);
  const trail = await t.admin.get<{ items: Array<{ action: string; entityId: string; actor: { name: string } }> }>(
    '/audit?trail=users',
  );
  expect(trail.body.items).toContainEqual(
    expect.objectContaining({
      action: 'user.invited',
      entityId: reply.body.id,
      actor: expect.objectContaining({ name: 'Admin DPMD' }),
    }),
  );
});

test('bad invitations are refused at their fields, in Indonesian, and create nobody', async () => {
  // Prepare
  const before = (await users()).length;
  // Act
  const noKecamatan = await invite({ name: 'Budi', email: 'budi@dpmd.go.id', group: 'kecamatan' });
  const unknownKecamatan = await invite({
    name: 'Budi',
    email: 'budi@dpmd.go.id',
    group: 'kecamatan',
    kecamatanCode: '16.09.99',
  });
  const kecamatanForOrganizer = await invite({
    name: 'Budi',
    email: 'budi@dpmd.go.id',
    group: 'organizer',
    kecamatanCode: MUARA_DUA,
  });
  const badEmail = await invite({ name: 'Budi', email: 'budi@', group: 'organizer' });
  const badGroup = await invite({ name: 'Budi', email: 'budi@dpmd.go.id', group: 'camat' });
  const taken = await invite({ name: 'Siti Lain', email: 'SITI.RAHMA@dpmd.go.id', group: 'organizer' });
  // Assess
  expect(noKecamatan.status).toBe(400);
  expect(noKecamatan.body.errors).toEqual([
    { field: 'kecamatanCode', message: 'Akun kecamatan harus memilih kecamatannya' },
  ]);
  expect(unknownKecamatan.body.errors).toEqual([{ field: 'kecamatanCode', message: 'Kecamatan ini tidak terdaftar' }]);
  expect(kecamatanForOrganizer.body.errors?.[0]?.field).toBe('kecamatanCode');
  expect(badEmail.body.errors).toEqual([
    { field: 'email', message: 'Alamat e-mail tidak valid (contoh: nama@dpmd.go.id)' },
  ]);
  expect(badGroup.body.errors?.[0]?.field).toBe('group');
  expect(taken.status).toBe(409);
  expect(taken.body.errors).toEqual([{ field: 'email', message: 'Alamat e-mail ini sudah dipakai akun lain' }]);
  expect((await users()).length).toBe(before);
});

test('a new group and kecamatan take effect at the next sign-in: the person then sees only that kecamatan', async () => {
  // Prepare
  const person = (await invite({ name: 'Hendra', email: 'hendra@dpmd.go.id', group: 'organizer' })).body;
  // Act
  const moved = await change(person.id, { group: 'kecamatan', kecamatanCode: MUARA_DUA, reason: 'Kasi baru' });
  const api = await signIn(person.id);
  // Assess
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ group: 'kecamatan', kecamatanCode: MUARA_DUA });
  const regions = await api.get<{ kecamatan: Array<{ code: string }>; villages: Array<{ code: string }> }>('/regions');
  expect(regions.body.kecamatan.map((row) => row.code)).toEqual([MUARA_DUA]);
  expect(regions.body.villages.every((row) => row.code.startsWith(`${MUARA_DUA}.`))).toBe(true);
  expect((await api.post('/sessions', { title: 'x', date: '2024-01-01', venue: 'x' })).status).toBe(403);
  // Back to organizer: the kecamatan goes with the group.
  const back = await change(person.id, { group: 'organizer' });
  expect(back.body).toMatchObject({ group: 'organizer', kecamatanCode: null });
  const listed = (await users()).find((user) => user.id === person.id);
  expect(listed).toMatchObject({ group: 'organizer', kecamatanCode: null, status: 'active' });
  expect(listed?.lastSignInAt).not.toBeNull();
});

test('a disabled person’s next request is refused, and they cannot sign in again until enabled', async () => {
  // Prepare
  const person = (await invite({ name: 'Dedi Kurniawan', email: 'dedi@dpmd.go.id', group: 'organizer' })).body;
  const api = await signIn(person.id);
  expect((await api.get('/sessions')).status).toBe(200);
  // Act
  const disabled = await change(person.id, { enabled: false, reason: 'pindah tugas' });
  // Assess
  expect(disabled.body.enabled).toBe(false);
  expect((await api.get('/sessions')).status).toBe(401);
  await expect(t.stack.tokenForUser(person.id)).rejects.toThrow();
  const localSignIn = await t.anonymous.post('/local/token', { userId: person.id });
  expect(localSignIn.status).toBe(401);
  const offered = await t.anonymous.get<{ items: Array<{ id: string }> }>('/local/users');
  expect(offered.body.items.map((user) => user.id)).not.toContain(person.id);
  await change(person.id, { enabled: true });
  expect((await api.get('/sessions')).status).toBe(200);
  const trail = await t.admin.get<{ items: Array<{ action: string; entityId: string; reason?: string }> }>(
    '/audit?trail=users',
  );
  expect(trail.body.items).toContainEqual(
    expect.objectContaining({ action: 'user.disabled', entityId: person.id, reason: 'pindah tugas' }),
  );
});

test('nobody disables or demotes themself; the last enabled admin stays an enabled admin', async () => {
  // Prepare: the seeded admin is the only admin account.
  const admin = (await users()).find((user) => user.group === 'admin') as User;
  const self = await signIn(admin.id);
  // Act
  const selfDisable = await change(admin.id, { enabled: false }, self);
  const selfDemote = await change(admin.id, { group: 'organizer' }, self);
  const lastDemoted = await change(admin.id, { group: 'organizer' });
  const lastDisabled = await change(admin.id, { enabled: false });
  // Assess
  expect(selfDisable.status).toBe(409);
  expect(selfDisable.body.detail).toMatch(/^Anda tidak dapat menonaktifkan akun sendiri/);
  expect(selfDemote.status).toBe(409);
  expect(lastDemoted.status).toBe(409);
  expect(lastDemoted.body.detail).toBe(
    'Ini satu-satunya admin yang aktif. Jadikan orang lain admin terlebih dahulu, lalu ubah akun ini.',
  );
  expect(lastDisabled.status).toBe(409);
  expect((await users()).find((user) => user.id === admin.id)).toMatchObject({ group: 'admin', enabled: true });
  // With a second admin, the first may be changed (by someone else).
  const second = (await invite({ name: 'Rudi Hartono', email: 'rudi@dpmd.go.id', group: 'admin' })).body;
  expect((await change(admin.id, { group: 'organizer' }, await signIn(second.id))).status).toBe(200);
  expect((await change(second.id, { enabled: false })).status).toBe(409);
  expect((await change(admin.id, { group: 'admin' })).status).toBe(200);
});

test('an invitation is resent while the person has not signed in; not after, nor while disabled', async () => {
  // Prepare
  const person = (await invite({ name: 'Wulan Sari', email: 'wulan@dpmd.go.id', group: 'organizer' })).body;
  // Act
  const resent = await t.admin.post<User>(`/users/${person.id}/invitation`);
  await change(person.id, { enabled: false });
  const whileDisabled = await t.admin.post<Problem>(`/users/${person.id}/invitation`);
  await change(person.id, { enabled: true });
  await signIn(person.id);
  const afterSignIn = await t.admin.post<Problem>(`/users/${person.id}/invitation`);
  // Assess
  expect(resent.status).toBe(200);
  expect(whileDisabled.status).toBe(409);
  expect(afterSignIn.status).toBe(409);
  expect(afterSignIn.body.detail).toMatch(/sudah masuk/);
  expect((await t.admin.post(`/users/nobody-here/invitation`)).status).toBe(404);
  expect((await change('nobody-here', { enabled: false })).status).toBe(404);
  expect((await change(person.id, {})).status).toBe(400);
});

test('the local refresh grant renews a session, rotates its token, ends at sign-out and for a disabled person', async () => {
  // Prepare
  const person = (await invite({ name: 'Fitri Handayani', email: 'fitri@dpmd.go.id', group: 'organizer' })).body;
  const signedIn = await t.anonymous.post<{ token: string; refreshToken: string }>('/local/token', {
    userId: person.id,
  });
  const refresh = (refreshToken: string) =>
    t.anonymous.post<{ token: string; refreshToken: string }>('/local/refresh', { refreshToken });
  // Act
  const renewed = await refresh(signedIn.body.refreshToken);
  const withRenewed = await new Api(t.stack.url, renewed.body.token).get('/sessions');
  const reused = await refresh(signedIn.body.refreshToken);
  const again = await refresh(renewed.body.refreshToken);
  await t.anonymous.post('/local/revoke', { refreshToken: again.body.refreshToken });
  const afterSignOut = await refresh(again.body.refreshToken);
  const next = await t.anonymous.post<{ refreshToken: string }>('/local/token', { userId: person.id });
  await change(person.id, { enabled: false });
  const whileDisabled = await refresh(next.body.refreshToken);
  // Assess
  expect(renewed.status).toBe(200);
  expect(withRenewed.status).toBe(200);
  expect(renewed.body.refreshToken).not.toBe(signedIn.body.refreshToken);
  expect(reused.status).toBe(400);
  expect(again.status).toBe(200);
  expect(afterSignOut.status).toBe(400);
  expect(whileDisabled.status).toBe(400);
});

test('an admin requires a new MFA device: the account is made anew and invited again, its old sessions end, the trail says why', async () => {
  // Prepare
  const person = (
    await invite({
      name: 'H. M. Rahmattullah, S.STP., MM.',
      email: 'rahmat@dpmd.go.id',
      group: 'kecamatan',
      kecamatanCode: MUARA_DUA,
    })
  ).body;
  const signedIn = await t.anonymous.post<{ refreshToken: string }>('/local/token', { userId: person.id });
  const reset = (id: string, body: unknown, api: Api = t.admin) =>
    api.post<User & Problem>(`/users/${id}/mfa-reset`, body);
  const admin = (await users()).find((user) => user.group === 'admin');
  // Act
  const withoutReason = await reset(person.id, {});
  const byOrganizer = await reset(person.id, { reason: 'Ponsel hilang' }, t.organizer);
  const unknown = await reset('nobody-here', { reason: 'Ponsel hilang' });
  const ownAccount = await reset(admin?.id ?? '', { reason: 'Ponsel hilang' }, await signIn(admin?.id ?? ''));
  const done = await reset(person.id, { reason: 'Ponsel hilang' });
  const refreshed = await t.anonymous.post('/local/refresh', { refreshToken: signedIn.body.refreshToken });
  const oldAccount = await change(person.id, { enabled: false });
  const everyone = await users();
  const newSignIn = await t.anonymous.post('/local/token', { userId: done.body.id });
  const trail = await t.admin.get<{ items: Array<{ action: string; entityId: string; reason?: string }> }>(
    '/audit?trail=users',
  );
  // Assess
  expect(withoutReason.status).toBe(400);
  expect(withoutReason.body.errors?.map((error) => error.field)).toEqual(['reason']);
  expect(byOrganizer.status).toBe(403);
  expect(unknown.status).toBe(404);
  expect(ownAccount.status).toBe(409);
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({
    name: 'H. M. Rahmattullah, S.STP., MM.',
    email: 'rahmat@dpmd.go.id',
    group: 'kecamatan',
    kecamatanCode: MUARA_DUA,
    enabled: true,
    status: 'invited',
  });
  expect(done.body.id).not.toBe(person.id);
  // As in Cognito: the old account is gone with its refresh tokens; one account keeps the address.
  expect(refreshed.status).toBe(400);
  expect(oldAccount.status).toBe(404);
  expect(everyone.filter((user) => user.email === 'rahmat@dpmd.go.id').map((user) => user.id)).toEqual([done.body.id]);
  expect(newSignIn.status).toBe(200);
  expect(trail.body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ action: 'user.mfaReset', entityId: done.body.id, reason: 'Ponsel hilang' }),
    ]),
  );
});

test('the trail of accounts is the admins’ to read: an organizer gets 403', async () => {
  // Act
  const asOrganizer = await t.organizer.get('/audit?trail=users');
  const asAdmin = await t.admin.get('/audit?trail=users');
  const otherTrail = await t.organizer.get('/audit?trail=regions');
  // Assess
  expect(asOrganizer.status).toBe(403);
  expect(asAdmin.status).toBe(200);
  expect(otherTrail.status).toBe(200);
});

test('two admins demoting each other at once: one change goes through, the other is refused, an admin remains', async () => {
  // Prepare
  const other = (await invite({ name: 'Dra. Siti Nurhaliza', email: 'siti.admin@dpmd.go.id', group: 'admin' })).body;
  const seeded = (await users()).find((user) => user.name === 'Hj. Rosmawati');
  // Exactly these two are the enabled admins (earlier tests invited others).
  for (const user of await users()) {
    if (user.group === 'admin' && user.enabled && user.id !== other.id && user.id !== seeded?.id) {
      expect((await change(user.id, { group: 'organizer' })).status).toBe(200);
    }
  }
  const [asSeeded, asOther] = await Promise.all([signIn(seeded?.id ?? ''), signIn(other.id)]);
  // Act
  const replies = await Promise.all([
    change(other.id, { group: 'organizer' }, asSeeded),
    change(seeded?.id ?? '', { group: 'organizer' }, asOther),
  ]);
  const admins = (await users()).filter((user) => user.group === 'admin' && user.enabled);
  // Assess
  expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
  expect(admins).toHaveLength(1);
  // Put back: both admins again.
  for (const id of [other.id, seeded?.id ?? '']) await change(id, { group: 'admin' });
});
