/**
 * The SK Panitia a person may attach when registering through their unit's invitation: uploaded
 * through the same verified path as the BAST photos (a presigned POST pinned to the declared size,
 * then a check of a copy under a key of its own), named on the registration, and downloaded by
 * organizers through a short-lived link. Real handlers, dynalite, s3rver and the local gateway.
 */
import { villages } from '#local/demo/oku-selatan.ts';
import { awayFromWindowEdge, MUARA_DUA, startTestStack, type TestStack, untilAnswered } from '#test/support/api.ts';

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** Documents one invitation code may ask to upload (MAX_SK_DOCUMENTS in the use case). */
const MAX_SK_DOCUMENTS = 20;

type Problem = { detail?: string; errors?: Array<{ field: string; message: string }> };
interface Ticket {
  documentId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}
interface Invitation {
  id: string;
  unit: { kind: 'village' | 'kecamatan'; code: string; name: string };
  code: string;
}
interface Registration {
  id: string;
  fullName: string;
  source?: string;
  sk?: { documentId: string; fileName: string };
}

const OWN = villages.filter((village) => village.kecamatanCode === MUARA_DUA).map((village) => village.code);
const OTHER = villages.filter((village) => village.kecamatanCode !== MUARA_DUA).map((village) => village.code);

let t: TestStack;
let sessionId: string;
/** Invitations by desa code: two desa of Muara Dua, one of another kecamatan. */
const byDesa = new Map<string, Invitation>();
const codeOf = (villageCode: string | undefined) => byDesa.get(villageCode ?? '')?.code ?? '';

beforeAll(async () => {
  t = await startTestStack();
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Panitia Pilkades',
    date: '2027-02-08',
    venue: 'Gedung Serbaguna, Muaradua',
    villageCodes: [OWN[0], OWN[1], OTHER[0], OTHER[1]],
  });
  expect(session.status).toBe(201);
  sessionId = session.body.id;
  const invited = await t.organizer.post<{ items: Invitation[] }>(`/sessions/${sessionId}/invitations`);
  for (const each of invited.body.items) if (each.unit.kind === 'village') byDesa.set(each.unit.code, each);
});
afterAll(async () => {
  await t.stack.stop();
});

function ask(code: string, declared: { fileName: string; contentType: string; size: number }) {
  return t.anonymous.post<Ticket & Problem>(`/invitations/${code}/documents`, declared);
}

async function store(ticket: Ticket, bytes: Buffer, type: string, fileName: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }), fileName);
  return fetch(ticket.url, { method: 'POST', body: form });
}

/** Asks, stores the bytes, and asks for the check; answers the ticket and the check's reply. */
async function upload(code: string, declared: { fileName: string; contentType: string; size: number }, bytes: Buffer) {
  const ticket = await ask(code, declared);
  expect(ticket.status).toBe(201);
  expect((await store(ticket.body, bytes, declared.contentType, declared.fileName)).status).toBeLessThan(300);
  const done = await t.anonymous.post<Problem & { id: string; status: string; fileName: string }>(
    `/invitations/${code}/documents/${ticket.body.documentId}/complete`,
  );
  return { ticket: ticket.body, done };
}

const registered = async () =>
  (await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}`)).body.registered;

test('an SK photo uploaded, checked and named on the registration; the organizer sees it and downloads those bytes', async () => {
  const code = codeOf(OWN[0]);
  const { ticket, done } = await upload(
    code,
    { fileName: 'SK Panitia.jpg', contentType: 'image/jpeg', size: JPEG.length },
    JPEG,
  );
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ id: ticket.documentId, status: 'verified', fileName: 'SK Panitia.jpg' });
  const reply = await t.anonymous.post<Registration>(`/invitations/${code}/registrations`, {
    fullName: 'Ahmad Zainuri',
    role: 'KETUA_PANITIA',
    phone: '082110000001',
    skDocumentId: ticket.documentId,
  });
  expect(reply.status).toBe(201);
  expect(reply.body.sk).toEqual({ documentId: ticket.documentId, fileName: 'SK Panitia.jpg' });

  const list = await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`);
  const listed = list.body.items.find((each) => each.id === reply.body.id);
  expect(listed).toMatchObject({
    source: 'invitation',
    sk: { documentId: ticket.documentId, fileName: 'SK Panitia.jpg' },
  });

  const link = await t.organizer.get<{ url: string; expiresAt: string }>(
    `/sessions/${sessionId}/registrations/${reply.body.id}/sk`,
  );
  expect(link.status).toBe(200);
  expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
  const downloaded = await fetch(link.body.url);
  expect(downloaded.headers.get('content-disposition')).toContain('SK_Panitia.jpg');
  expect(Buffer.from(await downloaded.arrayBuffer()).equals(JPEG)).toBe(true);

  // Sending more to the same upload key later changes nothing of what is served.
  await store(ticket, Buffer.from(`<html>${'x'.repeat(5_000)}</html>`), 'image/jpeg', 'sk.jpg');
  const again = await t.organizer.get<{ url: string }>(`/sessions/${sessionId}/registrations/${reply.body.id}/sk`);
  expect(Buffer.from(await (await fetch(again.body.url)).arrayBuffer()).equals(JPEG)).toBe(true);

  // The trail says what was attached, under the invitation.
  const trail = await t.organizer.get<{ items: Array<{ action: string; after?: { sk?: unknown } }> }>(
    `/audit?sessionId=${sessionId}`,
  );
  const created = trail.body.items.find((each) => each.action === 'registration.created');
  expect(created?.after?.sk).toEqual({ documentId: ticket.documentId, fileName: 'SK Panitia.jpg' });
});

test('a PDF is taken too; registering without an SK still works and carries none', async () => {
  const code = codeOf(OWN[1]);
  const { done } = await upload(code, { fileName: 'sk.pdf', contentType: 'application/pdf', size: PDF.length }, PDF);
  expect(done.status).toBe(200);
  const plain = await t.anonymous.post<Registration>(`/invitations/${code}/registrations`, {
    fullName: 'Siti Nur’aini',
    role: 'SEKRETARIS_PANITIA',
    phone: '082110000002',
  });
  expect(plain.status).toBe(201);
  expect(plain.body.sk).toBeUndefined();
  const link = await t.organizer.get<Problem>(`/sessions/${sessionId}/registrations/${plain.body.id}/sk`);
  expect(link.status).toBe(404);
});

test('the upload is pinned to the declared size and type, for five minutes; a larger file is refused', async () => {
  const code = codeOf(OWN[0]);
  const ticket = await ask(code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length });
  expect(ticket.status).toBe(201);
  const policy = JSON.parse(Buffer.from(ticket.body.fields.Policy ?? '', 'base64').toString()) as {
    expiration: string;
    conditions: unknown[];
  };
  expect(policy.conditions).toContainEqual(['content-length-range', JPEG.length, JPEG.length]);
  expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/jpeg']);
  expect(policy.conditions).toContainEqual({ key: ticket.body.fields.key });
  expect(ticket.body.fields.key).toMatch(/^invitations\//);
  expect(Date.parse(policy.expiration) - Date.now()).toBeLessThanOrEqual(300_000);

  // s3rver takes a larger file than the policy allows (S3 would not); the check refuses it.
  const big = Buffer.concat([JPEG, Buffer.alloc(2048)]);
  await store(ticket.body, big, 'image/jpeg', 'sk.jpg');
  const done = await t.anonymous.post<Problem>(`/invitations/${code}/documents/${ticket.body.documentId}/complete`);
  expect(done.status).toBe(400);
  expect(done.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(done.body.errors?.[0]).toEqual({
    field: 'file',
    message: 'Ukuran berkas tidak sesuai yang disebutkan atau melebihi 10 MB',
  });

  // Bytes that are not what was declared, and a file too large or of another type to ask for.
  const fake = Buffer.from('not really a jpeg at all');
  const wrong = await upload(code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: fake.length }, fake);
  expect(wrong.done.status).toBe(400);
  expect(wrong.done.body.errors).toEqual([{ field: 'file', message: 'Isi berkas bukan JPEG seperti yang disebutkan' }]);
  const huge = await ask(code, { fileName: 'sk.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1 });
  expect(huge.status).toBe(400);
  expect(huge.body.errors?.[0]?.field).toBe('size');
  const word = await ask(code, { fileName: 'sk.docx', contentType: 'application/msword', size: 100 });
  expect(word.status).toBe(400);
  expect(word.body.errors?.[0]?.field).toBe('contentType');
});

test('an unchecked, refused, unknown or another unit’s document is refused at registration; nothing is written', async () => {
  const mine = codeOf(OWN[1]);
  const theirs = codeOf(OTHER[0]);
  const pending = await ask(mine, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length });
  expect(pending.status).toBe(201);
  const fake = Buffer.from('definitely not a jpeg');
  const refused = await upload(mine, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: fake.length }, fake);
  expect(refused.done.status).toBe(400);
  const foreign = await upload(theirs, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length }, JPEG);
  expect(foreign.done.status).toBe(200);

  const before = await registered();
  for (const skDocumentId of [
    pending.body.documentId,
    refused.ticket.documentId,
    foreign.ticket.documentId,
    '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  ]) {
    const reply = await t.anonymous.post<Problem>(`/invitations/${mine}/registrations`, {
      fullName: 'Juproni',
      role: 'ANGGOTA_PANITIA',
      phone: '082110000003',
      skDocumentId,
    });
    expect({ skDocumentId, status: reply.status }).toEqual({ skDocumentId, status: 400 });
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body.errors).toEqual([
      { field: 'skDocumentId', message: 'Berkas SK belum diunggah dan diperiksa lewat undangan ini; unggah lagi' },
    ]);
  }
  const notAnId = await t.anonymous.post<Problem>(`/invitations/${mine}/registrations`, {
    fullName: 'Juproni',
    role: 'ANGGOTA_PANITIA',
    phone: '082110000003',
    skDocumentId: 'sk.jpg',
  });
  expect(notAnId.status).toBe(400);
  expect(notAnId.body.errors?.[0]?.field).toBe('skDocumentId');
  expect(await registered()).toBe(before);
  const view = await t.anonymous.get<{ registrations: Array<{ fullName: string }> }>(`/invitations/${mine}`);
  expect(view.body.registrations.map((each) => each.fullName)).not.toContain('Juproni');

  // Another unit's code cannot check or complete this unit's upload either.
  const across = await t.anonymous.post(`/invitations/${theirs}/documents/${pending.body.documentId}/complete`);
  expect(across.status).toBe(404);
});

test(`a code asks for at most ${MAX_SK_DOCUMENTS} uploads, counted however fast; a replaced code starts afresh and the old one’s files stay behind`, async () => {
  await awayFromWindowEdge();
  const desa = byDesa.get(OTHER[1] ?? '') as Invitation;
  const first = await upload(desa.code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length }, JPEG);
  expect(first.done.status).toBe(200);
  // An ask a busy stack answered 503 (nothing counted) is sent again, as the page does.
  const replies = await untilAnswered(MAX_SK_DOCUMENTS + 3, () =>
    ask(desa.code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length }),
  );
  expect(replies.filter((reply) => reply.status === 201)).toHaveLength(MAX_SK_DOCUMENTS - 1);
  const over = replies.filter((reply) => reply.status === 409);
  expect(over).toHaveLength(4);
  expect(over[0]?.body.detail).toBe(
    `Sudah ${MAX_SK_DOCUMENTS} berkas dikirim lewat undangan ini; hubungi panitia DPMD bila masih perlu mengirim.`,
  );

  const replaced = await t.organizer.post<Invitation>(`/sessions/${sessionId}/invitations/${desa.id}/code`, {
    reason: 'Tautan tersebar ke grup umum',
  });
  expect(replaced.status).toBe(200);
  expect((await ask(desa.code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: 10 })).status).toBe(404);
  const fresh = await ask(replaced.body.code, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length });
  expect(fresh.status).toBe(201);
  // What the old code uploaded is not the new code's to name.
  const named = await t.anonymous.post<Problem>(`/invitations/${replaced.body.code}/registrations`, {
    fullName: 'Dewi Lestari',
    role: 'KETUA_PANITIA',
    phone: '082110000004',
    skDocumentId: first.ticket.documentId,
  });
  expect(named.status).toBe(400);
  expect(named.body.errors?.[0]?.field).toBe('skDocumentId');
  // It may first wait up to a minute for the limit window's edge to pass.
}, 180_000);

test('unknown codes are refused bare and counted against the caller', async () => {
  const unknown = '0'.repeat(26);
  const reply = await t.anonymous.post<Problem>(`/invitations/${unknown}/documents`, {
    fileName: 'sk.jpg',
    contentType: 'image/jpeg',
    size: JPEG.length,
  });
  expect(reply.status).toBe(404);
  const complete = await t.anonymous.post(`/invitations/${unknown}/documents/01HZZZZZZZZZZZZZZZZZZZZZZZ/complete`);
  expect(complete.status).toBe(404);
});

test('the SK link: organizers and admins; a kecamatan account for its own desa only; nobody without a token', async () => {
  const ownCode = codeOf(OWN[0]);
  const otherCode = codeOf(OTHER[0]);
  const ownReg = (
    await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`)
  ).body.items.find((each) => each.sk && each.id.endsWith(OWN[0] ?? '')) as Registration;
  const foreign = await upload(otherCode, { fileName: 'sk.jpg', contentType: 'image/jpeg', size: JPEG.length }, JPEG);
  const otherReg = await t.anonymous.post<Registration>(`/invitations/${otherCode}/registrations`, {
    fullName: 'Rahmat Hidayat',
    role: 'KETUA_PANITIA',
    phone: '082110000005',
    skDocumentId: foreign.ticket.documentId,
  });
  expect(otherReg.status).toBe(201);
  expect(ownCode).not.toBe('');
  const path = (id: string) => `/sessions/${sessionId}/registrations/${id}/sk`;
  expect((await t.admin.get(path(otherReg.body.id))).status).toBe(200);
  expect((await t.kecamatan.get(path(ownReg.id))).status).toBe(200);
  expect((await t.kecamatan.get(path(otherReg.body.id))).status).toBe(403);
  expect((await t.anonymous.get(path(ownReg.id))).status).toBe(401);
  // The kecamatan's list carries the SK of its own desa's people, and only theirs.
  const theirs = await t.kecamatan.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`);
  expect(theirs.body.items.find((each) => each.id === ownReg.id)?.sk?.fileName).toBe('SK Panitia.jpg');
  expect(theirs.body.items.map((each) => each.id)).not.toContain(otherReg.body.id);
});

test('a wrong SK is taken off a registration with a reason: the list and the link then have none, the trail says why', async () => {
  // Prepare
  const code = codeOf(OWN[1]);
  const { ticket } = await upload(code, { fileName: 'salah.jpg', contentType: 'image/jpeg', size: JPEG.length }, JPEG);
  const person = await t.anonymous.post<Registration>(`/invitations/${code}/registrations`, {
    fullName: "Nur'aini",
    role: 'ANGGOTA_PANITIA',
    phone: '082110000009',
    skDocumentId: ticket.documentId,
  });
  expect(person.status).toBe(201);
  const path = `/sessions/${sessionId}/registrations/${person.body.id}`;
  // Act
  const withoutReason = await t.organizer.request<Problem>('PATCH', path, { sk: null });
  const removed = await t.organizer.request<Registration>('PATCH', path, { sk: null, reason: 'SK desa lain' });
  const listed = (await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`)).body.items;
  const link = await t.organizer.get(`${path}/sk`);
  const trail = await t.organizer.get<{ items: Array<{ action: string; reason?: string; before?: { sk?: unknown } }> }>(
    `/audit?sessionId=${sessionId}`,
  );
  // Assess
  expect(withoutReason.status).toBe(400);
  expect(removed.status).toBe(200);
  expect(removed.body.sk).toBeUndefined();
  expect(removed.body.fullName).toBe("Nur'aini");
  expect(listed.find((each) => each.id === person.body.id)?.sk).toBeUndefined();
  expect(link.status).toBe(404);
  expect(trail.body.items).toContainEqual(
    expect.objectContaining({
      action: 'registration.updated',
      reason: 'SK desa lain',
      before: expect.objectContaining({ sk: { documentId: ticket.documentId, fileName: 'salah.jpg' } }),
    }),
  );
});

test('an SK sent after registering: attached to one of the unit’s own people only, shown on the invitation, audited', async () => {
  // Prepare: registered without an SK, through the desa's invitation.
  const code = codeOf(OTHER[0]);
  const person = await t.anonymous.post<Registration>(`/invitations/${code}/registrations`, {
    fullName: 'Muhammad Ridwan',
    role: 'ANGGOTA_PANITIA',
    phone: '082110000011',
  });
  expect(person.status).toBe(201);
  const { ticket } = await upload(
    code,
    { fileName: 'SK nyusul.pdf', contentType: 'application/pdf', size: PDF.length },
    PDF,
  );
  const pending = await ask(code, { fileName: 'belum.jpg', contentType: 'image/jpeg', size: JPEG.length });
  const attach = (onCode: string, registrationId: string, skDocumentId: string) =>
    t.anonymous.put<Problem & { id: string; sk?: { fileName: string } }>(
      `/invitations/${onCode}/registrations/${registrationId}/sk`,
      { skDocumentId },
    );
  // Act
  const unchecked = await attach(code, person.body.id, pending.body.documentId);
  const otherUnit = await attach(codeOf(OWN[0]), person.body.id, ticket.documentId);
  const attached = await attach(code, person.body.id, ticket.documentId);
  const view = await t.anonymous.get<{ registrations: Array<{ id: string; sk?: { fileName: string } }> }>(
    `/invitations/${code}`,
  );
  const listed = (await t.organizer.get<{ items: Registration[] }>(`/sessions/${sessionId}/registrations`)).body.items;
  const trail = await t.organizer.get<{ items: Array<{ action: string; entityId: string }> }>(
    `/audit?sessionId=${sessionId}`,
  );
  // Assess
  expect(unchecked.status).toBe(400);
  expect(unchecked.body.errors?.[0]?.field).toBe('skDocumentId');
  expect(otherUnit.status).toBe(404);
  expect(attached.status).toBe(200);
  expect(attached.body.sk).toEqual({ documentId: ticket.documentId, fileName: 'SK nyusul.pdf' });
  expect(view.body.registrations.find((each) => each.id === person.body.id)?.sk?.fileName).toBe('SK nyusul.pdf');
  expect(listed.find((each) => each.id === person.body.id)?.sk?.fileName).toBe('SK nyusul.pdf');
  expect(trail.body.items).toContainEqual(
    expect.objectContaining({ action: 'registration.skAttached', entityId: person.body.id }),
  );
});
