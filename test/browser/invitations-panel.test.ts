/**
 * The organizer's Undangan tab on a phone: invitations created for every expected desa and
 * kecamatan, listed with their status and how many registered, a link to copy or send by
 * WhatsApp, a code replaced after a confirmation that says the old link stops working (and it
 * does: the public page says the invitation is unknown), the letters, name tags and certificates
 * downloaded, and a registration's source shown at the door.
 */
import type { Page } from 'playwright-core';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import {
  type BrowserStack,
  openPage,
  overflowsSideways,
  phoneContext,
  screenshot,
  usePhoneSession,
} from '#test/support/browser.ts';

interface Invitation {
  id: string;
  unit: { kind: string; code: string; name: string };
  code: string;
  url: string;
  status: string;
  registered: number;
}

const phone = usePhoneSession({ group: 'organizer', name: 'Panitia DPMD' });
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const listed = async () =>
  (await s.organizer.get<{ items: Invitation[] }>(`/sessions/${s.sessionId}/invitations`)).body.items;

async function openTab(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/undangan`);
  await page.getByRole('heading', { name: 'Undangan per desa dan kecamatan' }).waitFor();
}

const rowOf = (unit: string) => page.getByRole('listitem').filter({ has: page.getByText(unit, { exact: true }) });

test('"Buat undangan" invites every expected desa and kecamatan; each row has its status, count, link and WhatsApp', async () => {
  // Prepare
  await openTab();
  const before = await listed();
  // Act
  await page.getByRole('button', { name: 'Buat undangan' }).tap();
  await page
    .getByText(`${villages.length + kecamatan.length} undangan`)
    .first()
    .waitFor();
  const invitations = await listed();
  const desa = invitations.find((each) => each.unit.kind === 'village') as Invitation;
  // One registers through it: the row says Dipakai and 1 terdaftar after a reload of the tab.
  await s.anonymous.post(`/invitations/${desa.code}/registrations`, {
    fullName: 'Siti Nur’aini',
    role: 'SEKRETARIS_PANITIA',
    phone: '081290001001',
  });
  await openTab();
  const row = rowOf(`Desa ${desa.unit.name}`);
  await row.waitFor();
  const rowText = await row.textContent();
  const whatsapp = await row.getByRole('link', { name: /WhatsApp/ }).getAttribute('href');
  await row.getByRole('button', { name: /Salin tautan/ }).tap();
  await row.getByText('Tautan disalin').waitFor();
  await screenshot(page, 'browser-inv-panel');
  // Assess
  expect(before).toEqual([]);
  expect(invitations).toHaveLength(villages.length + kecamatan.length);
  expect(rowText).toContain('Dipakai');
  expect(rowText).toContain('1 terdaftar');
  expect(new URL(whatsapp ?? '').hostname).toBe('wa.me');
  expect(decodeURIComponent(whatsapp ?? '')).toContain(desa.url);
  const other = rowOf(`Desa ${invitations.filter((each) => each.unit.kind === 'village')[1]?.unit.name}`);
  expect(await other.textContent()).toContain('Baru');
  expect(await overflowsSideways(page)).toBe(false);
});

test('replacing a code asks for a reason and says the old link stops working; the old link then opens nothing', async () => {
  // Prepare
  await openTab();
  const desa = (await listed()).filter((each) => each.unit.kind === 'village')[2] as Invitation;
  const row = rowOf(`Desa ${desa.unit.name}`);
  // Act
  await row.getByRole('button', { name: /Ganti kode/ }).tap();
  const confirm = page.getByRole('group', { name: `Ganti kode Desa ${desa.unit.name}` });
  const warning = await confirm.textContent();
  await confirm.getByRole('button', { name: 'Ganti kode', exact: true }).tap();
  const refusal = await confirm.locator('.error:visible').textContent();
  await confirm.getByLabel('Alasan').fill('Tautan tersebar ke grup umum');
  await screenshot(page, 'browser-inv-panel-replace');
  await confirm.getByRole('button', { name: 'Ganti kode', exact: true }).tap();
  await page.getByText(`Kode Desa ${desa.unit.name} sudah diganti.`).waitFor();
  const after = (await listed()).find((each) => each.id === desa.id) as Invitation;
  const shownLink = await rowOf(`Desa ${desa.unit.name}`)
    .getByRole('link', { name: /WhatsApp/ })
    .getAttribute('href');
  // The old link on a villager's phone.
  const villager = await openPage(await phoneContext(s.browser, s.stack.url));
  await villager.page.goto(new URL(desa.url).pathname);
  await villager.page.getByRole('heading', { name: 'Undangan tidak dikenal' }).waitFor();
  await villager.page.goto(new URL(after.url).pathname);
  await villager.page.getByRole('heading', { name: 'Daftarkan diri Anda' }).waitFor();
  await villager.page.context().close();
  // Assess
  expect(warning).toContain('Tautan lama akan berhenti bekerja');
  expect(refusal).toBe('Wajib diisi: tulis alasannya');
  expect(after.code).not.toBe(desa.code);
  expect(decodeURIComponent(shownLink ?? '')).toContain(after.url);
  expect(villager.problems).toEqual([]);
});

test('the letters, name tags and certificates download as PDF', async () => {
  // Prepare: someone present, so there is a certificate to print.
  const person = await s.organizer.post<{ id: string }>(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'H. M. Rahmattullah, S.STP., MM.',
    role: 'KETUA_PANITIA',
    villageCode: villages[10]?.code,
  });
  await s.organizer.post(`/sessions/${s.sessionId}/registrations/${person.body.id}/check-in`);
  await openTab();
  // Act
  const [letters] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh surat undangan (PDF)' }).tap(),
  ]);
  await page.goto(`/#/sesi/${s.sessionId}`);
  await page.locator('.recap-sentence').waitFor();
  const [badges] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tanda nama (PDF)' }).tap(),
  ]);
  const [certificates] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Sertifikat (PDF)' }).tap(),
  ]);
  await screenshot(page, 'browser-inv-recap-exports');
  // Assess
  for (const download of [letters, badges, certificates]) {
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  }
  expect(await overflowsSideways(page)).toBe(false);
});

test('at the door a registration made through an invitation says so', async () => {
  // Prepare
  const desa = (await listed()).filter((each) => each.unit.kind === 'village')[4] as Invitation;
  await s.anonymous.post(`/invitations/${desa.code}/registrations`, {
    fullName: 'Ma’ruf Hidayat',
    role: 'KETUA_PANITIA',
    phone: '081290001002',
  });
  // Act
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/hadir`);
  await page.getByLabel('Cari nama, desa atau kecamatan').fill('Ma’ruf Hidayat');
  const row = page.locator('.person').filter({ hasText: 'Ma’ruf Hidayat' });
  await row.waitFor();
  // Assess
  expect(await row.textContent()).toContain('lewat undangan');
});
