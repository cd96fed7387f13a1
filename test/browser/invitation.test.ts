/**
 * A unit's invitation on a cheap phone (`/daftar/<code>`): registering the Ketua and getting the
 * pass, a second Ketua refused in the API's words, a draft that survives a reload, a registration
 * sent once after the signal returns, and what a cold load costs in bytes and on slow 3G. Then the
 * pass (`/hadir/<token>`): the QR a scanner reads back, kept on the phone, and the certificate
 * check (`/sertifikat/<code>`).
 */

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { villages } from '#local/demo/oku-selatan.ts';
import {
  type BrowserStack,
  fieldMessage,
  openPage,
  overflowsSideways,
  phoneContext,
  screenshot,
  signIn,
  startBrowserStack,
} from '#test/support/browser.ts';
import { loadPage } from '#test/support/measure/pages.ts';
import { keepPdf, readQr, renderPage } from '#test/support/pdf.ts';

interface Invitation {
  id: string;
  unit: { kind: 'village' | 'kecamatan'; code: string; name: string };
  code: string;
  url: string;
}
interface Registration {
  id: string;
  fullName: string;
  role: string;
  source?: string;
  sk?: { documentId: string; fileName: string };
  pass: { token: string; url: string } | null;
}

const BUDGET_BYTES = 60 * 1024;
/** A photo of the SK Panitia as small as a JPEG gets. */
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const USABLE_MS = 3000;

let s: BrowserStack;
let context: BrowserContext;
let page: Page;
let problems: string[];
let invitations: Invitation[];
let next = 0;

beforeAll(async () => {
  s = await startBrowserStack();
  const created = await s.organizer.post<{ items: Invitation[] }>(`/sessions/${s.sessionId}/invitations`);
  expect(created.status).toBe(200);
  invitations = created.body.items.filter((each) => each.unit.kind === 'village');
});
beforeEach(async () => {
  context = await phoneContext(s.browser, s.stack.url);
  ({ page, problems } = await openPage(context));
});
afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});
afterAll(async () => {
  await s.stop();
});

/** The next desa's invitation, as its letter carries it. */
function nextInvitation(): Invitation {
  const invitation = invitations[next++];
  if (!invitation) throw new Error('out of invitations');
  return invitation;
}

/** Each person the invitation lists as registered: their name and role. */
const whoIsListed = (on: Page) =>
  on
    .locator('.people li')
    .evaluateAll((items) =>
      items.map((item) => `${item.querySelector('strong')?.textContent}${item.querySelector('.meta')?.textContent}`),
    );

async function openInvitation(invitation: Invitation): Promise<void> {
  await page.goto(new URL(invitation.url).pathname);
  await page.getByRole('heading', { name: 'Daftarkan diri Anda' }).waitFor();
}

function registrationsPosted(target: Page, code: string): string[] {
  const seen: string[] = [];
  target.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/invitations/${code}/registrations`)) {
      seen.push(request.postData() ?? '');
    }
  });
  return seen;
}

async function registrationsOf(villageCode: string): Promise<Registration[]> {
  const listed = await s.organizer.get<{ items: Array<Registration & { villageCode?: string }> }>(
    `/sessions/${s.sessionId}/registrations?limit=1000`,
  );
  return listed.body.items.filter((each) => each.villageCode === villageCode);
}

test('the Ketua registers from the invitation link and gets a pass whose QR opens the pass page', async () => {
  // Prepare
  const invitation = nextInvitation();
  await openInvitation(invitation);
  const shownBefore = await page.locator('.session').textContent();
  const roles = await page.locator('label.choice').allTextContents();
  await screenshot(page, 'browser-inv-form');
  // Act
  await page.getByRole('radio', { name: 'Ketua Panitia' }).check();
  await page.getByLabel('Nama lengkap').fill('H. M. Rahmattullah, S.STP., MM.');
  await page.getByLabel('Nomor HP').fill('0812 7000 1001');
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  await page.getByRole('heading', { name: '✓ Terdaftar: H. M. Rahmattullah, S.STP., MM.' }).waitFor();
  await screenshot(page, 'browser-inv-done');
  const passLink = await page.getByRole('link', { name: 'Buka pass' }).getAttribute('href');
  const share = await page.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href');
  const listed = await whoIsListed(page);
  // Assess
  expect(shownBefore).toContain(`Desa ${invitation.unit.name}`);
  expect(shownBefore).toContain(s.sessionDay);
  expect(roles).toEqual(['Ketua Panitia', 'Sekretaris Panitia', 'Anggota Panitiasisa 9 tempat']);
  const [registered] = await registrationsOf(invitation.unit.code);
  expect(registered).toMatchObject({
    fullName: 'H. M. Rahmattullah, S.STP., MM.',
    role: 'KETUA_PANITIA',
    source: 'invitation',
  });
  expect(passLink).toBe(registered?.pass?.url);
  expect(passLink).toMatch(/\/hadir\/[0-9A-Z]{26}_KT/);
  expect(new URL(share ?? '').hostname).toBe('wa.me');
  expect(decodeURIComponent(share ?? '')).toContain(passLink ?? '-');
  expect(listed).toEqual(['H. M. Rahmattullah, S.STP., MM.Ketua Panitia']);
  expect(await overflowsSideways(page)).toBe(false);
  // The pass page shows the same person and draws a QR that reads back as the pass's address.
  await page.goto(new URL(passLink ?? '').pathname);
  await page.getByRole('heading', { name: 'H. M. Rahmattullah, S.STP., MM.' }).waitFor();
  const png = await screenshot(page, 'browser-inv-pass');
  const qr = page.getByRole('img', { name: 'Kode QR pass H. M. Rahmattullah, S.STP., MM.' });
  const box = await qr.boundingBox();
  const shot = await page.screenshot({ path: `${png}.qr.png`, clip: box ?? undefined });
  expect(shot.length).toBeGreaterThan(0);
  expect(readQr(`${png}.qr.png`)).toBe(passLink);
  expect(await page.getByText('Ketua Panitia', { exact: true }).isVisible()).toBe(true);
  expect(await page.getByText(`Desa ${invitation.unit.name}`).isVisible()).toBe(true);
  expect(await overflowsSideways(page)).toBe(false);
});

test('an SK photo picked on the form goes with the registration; the organizer’s list shows an SK link to it', async () => {
  // Prepare
  const invitation = nextInvitation();
  await openInvitation(invitation);
  await page.getByRole('radio', { name: 'Ketua Panitia' }).check();
  await page.getByLabel('Nama lengkap').fill('Agus Salim');
  await page.getByLabel('Nomor HP').fill('0812 7000 1010');
  // A file of the wrong kind is refused at the field, in Indonesian, before anything is sent.
  await page.locator('#f-sk').setInputFiles({ name: 'sk.docx', mimeType: 'application/msword', buffer: JPEG });
  await page.locator('#err-sk').filter({ hasText: 'Jenis berkas' }).waitFor();
  const wrongKind = await page.locator('#err-sk').textContent();
  // Act
  await page.locator('#f-sk').setInputFiles({ name: 'SK Panitia.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await page.getByText('✓ Terlampir: SK Panitia.jpg').waitFor();
  await screenshot(page, 'browser-inv-sk');
  const typed = await page.getByLabel('Nama lengkap').inputValue();
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  await page.getByRole('heading', { name: '✓ Terdaftar: Agus Salim' }).waitFor();
  const saidDone = await page.getByText('✓ SK terlampir: SK Panitia.jpg').isVisible();
  // The organizer's list at the door: the person, where they came from, and the SK.
  const organizer = await context.newPage();
  await signIn(organizer, 'organizer', 'Rahmat Hidayat');
  await organizer.goto(`/#/sesi/${s.sessionId}/hadir`);
  await organizer.locator('#check-in-search').fill('Agus Salim');
  const link = organizer.getByRole('link', { name: 'SK Panitia Agus Salim' });
  await link.waitFor();
  const row = await organizer.locator('.person').filter({ has: link }).textContent();
  await screenshot(organizer, 'browser-inv-sk-organizer');
  const download = organizer.waitForEvent('download');
  await link.tap();
  const file = await (await download).path();
  // Assess
  expect(wrongKind).toBe('Jenis berkas tidak didukung. Gunakan JPG, PNG atau PDF.');
  expect(typed).toBe('Agus Salim');
  expect(saidDone).toBe(true);
  const [registered] = await registrationsOf(invitation.unit.code);
  expect(registered).toMatchObject({
    fullName: 'Agus Salim',
    source: 'invitation',
    sk: { fileName: 'SK Panitia.jpg' },
  });
  expect(row).toContain('lewat undangan');
  expect(readFileSync(file).equals(JPEG)).toBe(true);
  expect(await overflowsSideways(organizer)).toBe(false);
});

test('a wrong SK is taken off at the door with a reason; the SK link goes', async () => {
  // Prepare: a desa sends the wrong file.
  const invitation = nextInvitation();
  const ticket = await s.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
    `/invitations/${invitation.code}/documents`,
    { fileName: 'SK desa lain.jpg', contentType: 'image/jpeg', size: JPEG.length },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'sk.jpg');
  await fetch(ticket.body.url, { method: 'POST', body: form });
  await s.anonymous.post(`/invitations/${invitation.code}/documents/${ticket.body.documentId}/complete`);
  const person = await s.anonymous.post<{ id: string }>(`/invitations/${invitation.code}/registrations`, {
    fullName: 'Siti Khadijah',
    role: 'KETUA_PANITIA',
    phone: '0812 7000 2020',
    skDocumentId: ticket.body.documentId,
  });
  expect(person.status).toBe(201);
  const organizer = await context.newPage();
  await signIn(organizer, 'organizer', 'Rahmat Hidayat');
  await organizer.goto(`/#/sesi/${s.sessionId}/hadir`);
  await organizer.locator('#check-in-search').fill('Siti Khadijah');
  await organizer.getByRole('link', { name: 'SK Panitia Siti Khadijah' }).waitFor();
  // Act
  await organizer.getByRole('button', { name: 'Perbaiki data Siti Khadijah' }).tap();
  await organizer.getByLabel('Lepas SK Panitia yang terlampir (SK desa lain.jpg)').check();
  await organizer.getByLabel('Alasan perubahan').fill('SK desa lain');
  await screenshot(organizer, 'browser-inv-sk-drop');
  await organizer.getByRole('button', { name: 'Simpan perbaikan' }).tap();
  await organizer.getByText('Diperbaiki: Siti Khadijah').waitFor();
  // Assess
  expect(await organizer.getByRole('link', { name: 'SK Panitia Siti Khadijah' }).count()).toBe(0);
  const [registered] = await registrationsOf(invitation.unit.code);
  expect(registered?.sk).toBeUndefined();
  expect(await overflowsSideways(organizer)).toBe(false);
});

test('a second Ketua is refused at the role with the sentence naming the first; nothing is written', async () => {
  // Prepare: the page is open when someone else from the desa registers the Ketua.
  const invitation = nextInvitation();
  await openInvitation(invitation);
  const first = await s.anonymous.post(`/invitations/${invitation.code}/registrations`, {
    fullName: 'Siti Nur’aini',
    role: 'KETUA_PANITIA',
    phone: '081270001002',
  });
  expect(first.status).toBe(201);
  // Act
  await page.getByRole('radio', { name: 'Ketua Panitia' }).check();
  await page.getByLabel('Nama lengkap').fill('Orang Lain');
  await page.getByLabel('Nomor HP').fill('081270001003');
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  await page.getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  await screenshot(page, 'browser-inv-refused');
  const said = await page.locator('#err-role').textContent();
  const rolesLeft = await page.getByRole('radio').count();
  // Assess
  expect(said).toBe(`Ketua Panitia Desa ${invitation.unit.name} sudah terdaftar atas nama Siti Nur’aini`);
  expect(rolesLeft).toBe(2); // The Ketua's place is gone from the choices.
  expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Orang Lain');
  expect((await registrationsOf(invitation.unit.code)).map((each) => each.fullName)).toEqual(['Siti Nur’aini']);
  expect(await whoIsListed(page)).toEqual(['Siti Nur’ainiKetua Panitia']);
});

test('what was typed survives a reload of the tab; the API’s phone message shows at the phone', async () => {
  // Prepare
  const invitation = nextInvitation();
  await openInvitation(invitation);
  await page.getByRole('radio', { name: 'Sekretaris Panitia' }).check();
  await page.getByLabel('Nama lengkap').fill('Ma’ruf Amin');
  await page.getByLabel('Nomor HP').fill('12345');
  // Act
  await page.reload();
  await page.getByRole('heading', { name: 'Daftarkan diri Anda' }).waitFor();
  const kept = {
    role: await page.getByRole('radio', { name: 'Sekretaris Panitia' }).isChecked(),
    name: await page.getByLabel('Nama lengkap').inputValue(),
    phone: await page.getByLabel('Nomor HP').inputValue(),
  };
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  await page.getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  const phoneMessage = await fieldMessage(page, 'Nomor HP');
  await screenshot(page, 'browser-inv-errors');
  // Assess
  expect(kept).toEqual({ role: true, name: 'Ma’ruf Amin', phone: '12345' });
  expect(phoneMessage).toMatch(/nomor/i);
  expect(await registrationsOf(invitation.unit.code)).toEqual([]);
  expect(await overflowsSideways(page)).toBe(false);
});

test('empty fields are marked in Indonesian beside them before anything is sent', async () => {
  // Prepare
  const invitation = nextInvitation();
  const posts = registrationsPosted(page, invitation.code);
  await openInvitation(invitation);
  // Act
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  // Assess
  expect(await page.locator('#err-role').textContent()).toBe('Pilih jabatan');
  expect(await fieldMessage(page, 'Nama lengkap')).toBe(
    'Tulis seperti di SK, dengan gelar, misalnya H. M. Rahmattullah, S.STP., MM. Wajib diisi',
  );
  expect(await fieldMessage(page, 'Nomor HP')).toBe('Contoh: 0812 3456 7890 Wajib diisi');
  expect(posts).toEqual([]);
});

test('offline on submit: kept on the phone with a banner; back online it is sent once and the pass shows', async () => {
  // Prepare
  const invitation = nextInvitation();
  const posts = registrationsPosted(page, invitation.code);
  await openInvitation(invitation);
  await page.getByRole('radio', { name: 'Anggota Panitia' }).check();
  await page.getByLabel('Nama lengkap').fill('Dewi Lestari');
  await page.getByLabel('Nomor HP').fill('0812 7000 1004');
  // Act
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Daftar', exact: true }).tap();
  await page.getByText('Tersimpan di HP — akan dikirim otomatis saat sinyal kembali').waitFor();
  await screenshot(page, 'browser-inv-offline');
  const whileOffline = await registrationsOf(invitation.unit.code);
  await context.setOffline(false);
  await page.getByRole('heading', { name: '✓ Terdaftar: Dewi Lestari' }).waitFor();
  await page.evaluate("window.dispatchEvent(new Event('online'))");
  await page.waitForTimeout(500);
  // Assess
  expect(whileOffline).toEqual([]);
  expect(posts).toHaveLength(1);
  expect(JSON.parse(posts[0] ?? '{}')).toEqual({
    fullName: 'Dewi Lestari',
    role: 'ANGGOTA_PANITIA',
    phone: '0812 7000 1004',
  });
  const registered = await registrationsOf(invitation.unit.code);
  expect(registered.map((each) => each.fullName)).toEqual(['Dewi Lestari']);
  expect(await page.getByRole('link', { name: 'Buka pass' }).getAttribute('href')).toBe(registered[0]?.pass?.url);
  expect(await page.evaluate(`localStorage.getItem('siap.daftar.send.${invitation.code}')`)).toBeNull();
  // Chromium logs the requests that failed while offline; the page handled them.
  problems.splice(0, problems.length, ...problems.filter((each) => !/ERR_INTERNET_DISCONNECTED/.test(each)));
});

test('a cold load transfers at most 60 KB and is usable within 3 s on slow 3G, never touching the organizer app', async () => {
  // Prepare
  const invitation = nextInvitation();
  // Act
  const fast = await loadPage(s.browser, invitation.url, { throttle: false, field: 'form input[type=radio]' });
  const slow = await loadPage(s.browser, invitation.url, { throttle: true, field: 'form input[type=radio]' });
  // Assess
  console.log(
    `invitation page cold load: ${fast.bytes} bytes, usable after ${Math.round(slow.usableMs)} ms on slow 3G\n${fast.parts
      .map((part) => `  ${part.bytes}\t${part.path}`)
      .join('\n')}`,
  );
  const paths = fast.parts.map((part) => part.path);
  expect(paths).toHaveLength(4);
  expect(paths).toEqual(
    expect.arrayContaining([
      `/daftar/${invitation.code}`,
      `/invitations/${invitation.code}`,
      expect.stringMatching(/^\/assets\/invitation-[A-Z0-9]{8}\.js$/),
      expect.stringMatching(/^\/assets\/invitation-[A-Z0-9]{8}\.css$/),
    ]),
  );
  expect(fast.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  expect(slow.usableMs).toBeLessThanOrEqual(USABLE_MS);
});

test('a replaced or unknown code shows a plain "Undangan tidak dikenal"', async () => {
  // Prepare
  const invitation = nextInvitation();
  const replaced = await s.organizer.post(`/sessions/${s.sessionId}/invitations/${invitation.id}/code`, {
    reason: 'Tautan tersebar ke grup umum',
  });
  expect(replaced.status).toBe(200);
  // Act
  await page.goto(new URL(invitation.url).pathname);
  await page.getByRole('heading', { name: 'Undangan tidak dikenal' }).waitFor();
  await screenshot(page, 'browser-inv-unknown');
  // Assess
  expect(await page.locator('form').count()).toBe(0);
});

test('the pass, kept on the phone once opened, still shows without a signal, in English too', async () => {
  // Prepare
  const invitation = nextInvitation();
  const reply = await s.anonymous.post<Registration>(`/invitations/${invitation.code}/registrations`, {
    fullName: 'Yohanes D’Costa',
    role: 'SEKRETARIS_PANITIA',
    phone: '081270001005',
  });
  const path = new URL(reply.body.pass?.url ?? '').pathname;
  await page.goto(path);
  await page.getByRole('heading', { name: 'Yohanes D’Costa' }).waitFor();
  // Act: opened with a signal, the pass is kept without a tap.
  await page.getByText('Tersimpan di HP ini: pass tetap tampil walau sinyal hilang.').waitFor();
  // The page is there; the signal is not (the API cannot be reached).
  await page.route('**/passes/**', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.getByText(/^Ini salinan yang tersimpan di HP ini, disimpan /).waitFor();
  await screenshot(page, 'browser-inv-pass-kept');
  await page.getByRole('button', { name: 'English' }).tap();
  // Assess
  expect(await page.getByRole('heading', { name: 'Yohanes D’Costa' }).isVisible()).toBe(true);
  expect(await page.getByText('Committee secretary', { exact: true }).isVisible()).toBe(true);
  expect(await page.getByRole('img', { name: 'Pass QR code of Yohanes D’Costa' }).isVisible()).toBe(true);
  problems.splice(0, problems.length, ...problems.filter((each) => !/ERR_INTERNET_DISCONNECTED/.test(each)));
});

test('a certificate’s QR opens a page naming the person, the session and the day; an unknown code says so', async () => {
  // Prepare: someone present, and their certificate printed.
  const person = await s.organizer.post<Registration>(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'Hj. Nurhayati, S.Pd.',
    role: 'KETUA_PANITIA',
    villageCode: villages[40]?.code,
  });
  expect(person.status).toBe(201);
  await s.organizer.post(`/sessions/${s.sessionId}/registrations/${person.body.id}/check-in`);
  const pdf = await fetch(`${s.stack.url}/sessions/${s.sessionId}/registrations/${person.body.id}/certificate.pdf`, {
    headers: { authorization: `Bearer ${await s.stack.token('organizer')}` },
  });
  const file = keepPdf('browser-inv-certificate', Buffer.from(await pdf.arrayBuffer()));
  const url = readQr(await renderPage(file, 1)) ?? '';
  // Act
  await page.goto(new URL(url).pathname);
  await page.getByRole('heading', { name: 'Hj. Nurhayati, S.Pd.' }).waitFor();
  await screenshot(page, 'browser-inv-certificate');
  const shown = await page.locator('.certificate').textContent();
  await page.goto(`/sertifikat/${'0'.repeat(26)}`);
  await page.getByRole('heading', { name: 'Sertifikat tidak ditemukan' }).waitFor();
  // Assess
  expect(url).toMatch(/\/sertifikat\/[0-9A-Z]{26}$/);
  expect(shown).toContain('Sertifikat sah');
  expect(shown).toContain('Ketua Panitia');
  expect(shown).toContain(`Desa ${villages[40]?.name}`);
  expect(shown).toContain(s.sessionDay);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the SK sent later: from the list of who is registered, for someone registered without it', async () => {
  // Prepare: the Ketua registered without an SK.
  const invitation = nextInvitation();
  const person = await s.anonymous.post<{ id: string }>(`/invitations/${invitation.code}/registrations`, {
    fullName: 'Hj. Nurhayati',
    role: 'KETUA_PANITIA',
    phone: '0812 7000 3030',
  });
  expect(person.status).toBe(201);
  await openInvitation(invitation);
  // Act
  const send = page.getByText('Kirim SK Panitia Hj. Nurhayati');
  await send.waitFor();
  await page.locator(`[id="sk-file-${person.body.id}"]`).setInputFiles({
    name: 'SK nyusul.jpg',
    mimeType: 'image/jpeg',
    buffer: JPEG,
  });
  await page
    .locator('.people li')
    .filter({ hasText: 'Hj. Nurhayati' })
    .getByText('✓ Terlampir: SK nyusul.jpg')
    .waitFor();
  await screenshot(page, 'browser-inv-sk-later');
  // Assess
  const [registered] = await registrationsOf(invitation.unit.code);
  expect(registered).toMatchObject({ fullName: 'Hj. Nurhayati', sk: { fileName: 'SK nyusul.jpg' } });
  expect(await send.count()).toBe(0);
  expect(await overflowsSideways(page)).toBe(false);
});
