/**
 * The session's printed papers, as printed and as a phone scans them: the invitation letters (one
 * page per invited unit, its link as a QR), the name tags (eight per A4, each a pass QR) and the
 * certificates (only people checked in; numbered; a QR to the page that confirms them). Pages are
 * rendered to PNG under test-artifacts/ to be looked at.
 */
import { villages } from '#local/demo/oku-selatan.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { keepPdf, pageTexts, pdfInfo, readQr, renderPage } from '#test/support/pdf.ts';

let t: TestStack;
let sessionId: string;
const desa = villages.slice(0, 3);
const people = [
  { fullName: 'H. M. Rahmattullah, S.STP., MM.', role: 'KETUA_PANITIA', villageCode: desa[0]?.code },
  { fullName: 'Siti Nur’aini', role: 'SEKRETARIS_PANITIA', villageCode: desa[0]?.code },
  { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: desa[1]?.code },
  { fullName: 'Ahmad Zainuri', role: 'KETUA_PANITIA', villageCode: desa[2]?.code },
  { fullName: 'Dewi Lestari', role: 'SEKRETARIS_PANITIA', villageCode: desa[1]?.code },
  { fullName: 'Budi Santoso', role: 'SEKRETARIS_PANITIA', villageCode: desa[2]?.code },
  { fullName: 'Rina Marlina', role: 'ANGGOTA_PANITIA', villageCode: desa[0]?.code },
  { fullName: 'Agus Salim', role: 'ANGGOTA_PANITIA', villageCode: desa[1]?.code },
  { fullName: 'Yulianti', role: 'ANGGOTA_PANITIA', villageCode: desa[2]?.code },
];
const ids: string[] = [];
const tokens: string[] = [];

async function download(path: string) {
  const response = await fetch(`${t.stack.url}${path}`, {
    headers: { authorization: `Bearer ${await t.stack.token('organizer')}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  t = await startTestStack();
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Panitia Pilkades Gelombang II',
    date: '2027-07-03',
    venue: 'Aula Kantor Camat Muaradua',
    villageCodes: desa.map((village) => village.code),
  });
  sessionId = session.body.id;
  for (const person of people) {
    const reply = await t.organizer.post<{ id: string; pass: { token: string } }>(
      `/sessions/${sessionId}/registrations`,
      person,
    );
    expect(reply.status).toBe(201);
    ids.push(reply.body.id);
    tokens.push(reply.body.pass.token);
  }
}, 60_000);
afterAll(async () => {
  await t.stack.stop();
});

test('letters: one Surat Undangan per invited desa and kecamatan, each with its own link as a QR', async () => {
  const reply = await download(`/sessions/${sessionId}/invitations.pdf`);
  expect(reply.status).toBe(200);
  expect(reply.type).toBe('application/pdf');
  const file = keepPdf('surat-undangan', reply.bytes);
  const invitations = await t.organizer.get<{ items: Array<{ url: string; unit: { kind: string; name: string } }> }>(
    `/sessions/${sessionId}/invitations`,
  );
  const units = invitations.body.items;
  expect((await pdfInfo(file)).pages).toBe(units.length);
  const texts = await pageTexts(file);
  for (const [index, unit] of units.entries()) {
    expect(texts[index]).toContain('SURAT UNDANGAN');
    expect(texts[index]).toContain(
      unit.unit.kind === 'village' ? `Desa ${unit.unit.name}` : `Kecamatan ${unit.unit.name}`,
    );
    expect(texts[index]).toContain('Sabtu, 3 Juli 2027');
  }
  const first = await renderPage(file, 1);
  expect(readQr(first)).toBe(units[0]?.url);
});

test('name tags: eight per A4, each with the name as written and the person’s pass QR', async () => {
  const reply = await download(`/sessions/${sessionId}/badges.pdf`);
  expect(reply.status).toBe(200);
  const file = keepPdf('tanda-peserta', reply.bytes);
  expect(await pdfInfo(file)).toMatchObject({ pages: 2 });
  const texts = (await pageTexts(file)).join(' ');
  for (const person of people) expect(texts).toContain(person.fullName);
  const png = await renderPage(file, 1);
  // The first tag sits top left: its QR on the right half of that tag.
  const scanned = readQr(png, { x: 0, y: 0, width: 0.5, height: 0.27 });
  expect(tokens.map((token) => `${t.stack.url}/hadir/${token}`)).toContain(scanned);
});

test('certificates: only people checked in, numbered once, each QR opening a page that names them', async () => {
  expect((await download(`/sessions/${sessionId}/certificates.pdf`)).status).toBe(404);
  for (const id of ids.slice(0, 3)) {
    expect((await t.organizer.post(`/sessions/${sessionId}/registrations/${id}/check-in`)).status).toBe(200);
  }
  const absent = await download(`/sessions/${sessionId}/registrations/${ids[5]}/certificate.pdf`);
  expect(absent.status).toBe(409);
  const reply = await download(`/sessions/${sessionId}/certificates.pdf`);
  expect(reply.status).toBe(200);
  const file = keepPdf('sertifikat', reply.bytes);
  const info = await pdfInfo(file);
  expect(info.pages).toBe(3);
  expect(info.size).toContain('841.89 x 595.28');
  const texts = await pageTexts(file);
  expect(texts[0]).toMatch(/S\s*E\s*R\s*T\s*I\s*F\s*I\s*K\s*A\s*T/);
  expect(texts[0]).toContain('Nomor: 001/SERT-SOS/2027');
  expect(texts[0]).toContain('H. M. Rahmattullah, S.STP., MM.');
  const png = await renderPage(file, 1);
  const url = readQr(png) ?? '';
  expect(url).toMatch(new RegExp(`^${t.stack.url}/sertifikat/[0-9A-HJKMNP-TV-Z]{26}$`));
  const code = url.split('/').at(-1);
  const view = await t.anonymous.get<Record<string, unknown>>(`/certificates/${code}`);
  expect(view.status).toBe(200);
  expect(view.body).toEqual({
    fullName: 'H. M. Rahmattullah, S.STP., MM.',
    role: 'KETUA_PANITIA',
    unit: `Desa ${desa[0]?.name}`,
    session: {
      title: 'Sosialisasi Panitia Pilkades Gelombang II',
      date: '2027-07-03',
      venue: 'Aula Kantor Camat Muaradua',
    },
  });
  // A reprint keeps the numbers and codes; a newcomer gets the next number.
  await t.organizer.post(`/sessions/${sessionId}/registrations/${ids[3]}/check-in`);
  const again = keepPdf('sertifikat-lagi', (await download(`/sessions/${sessionId}/certificates.pdf`)).bytes);
  const againTexts = await pageTexts(again);
  expect(againTexts).toHaveLength(4);
  expect(againTexts[0]).toContain('Nomor: 001/SERT-SOS/2027');
  expect(againTexts[3]).toContain('Nomor: 004/SERT-SOS/2027');
  expect(readQr(await renderPage(again, 1))).toBe(url);
  const one = await download(`/sessions/${sessionId}/registrations/${ids[3]}/certificate.pdf`);
  expect(one.status).toBe(200);
  expect((await pageTexts(keepPdf('sertifikat-satu', one.bytes)))[0]).toContain('Ahmad Zainuri');
});
