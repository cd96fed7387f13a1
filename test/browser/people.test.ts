/**
 * The people page (Pengguna) and a kecamatan account's view in real Chromium, on a phone and on a
 * laptop: the local sign-in lists the local accounts; an admin invites a kecamatan account (its
 * missing kecamatan marked at the field first), changes a group, disables a person after
 * confirming (and that person can no longer sign in), enables them again; Muara Dua's account
 * sees a menu of what it may open and a wave board of its own desa only.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { villages } from '#local/demo/oku-selatan.ts';
import {
  type BrowserStack,
  fieldMessage,
  openPage,
  overflowsSideways,
  phoneEachTest,
  screenshot,
  signInAs,
} from '#test/support/browser.ts';

let s: BrowserStack;
let context: BrowserContext;
let page: Page;

phoneEachTest((phone) => {
  s = phone.stack;
  if (phone.context && phone.page) ({ context, page } = phone);
});

async function openPeople(on: Page) {
  await on.getByRole('link', { name: 'Pengguna' }).click();
  await on.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
}

const card = (on: Page, name: string) => on.locator('.account').filter({ hasText: name });

test('the local sign-in lists the local accounts to choose from', async () => {
  // Act
  await page.goto('/');
  await page.getByRole('radio', { name: /Hj\. Rosmawati · Admin/ }).waitFor();
  await screenshot(page, 'browser-people-sign-in');
  const choices = await page
    .getByRole('radio')
    .evaluateAll((inputs) =>
      inputs.map((input) => (input as unknown as { labels: Array<{ textContent: string }> }).labels[0]?.textContent),
    );
  // Assess
  expect(choices).toEqual([
    'Andi Saputra · Panitia (penyelenggara)',
    'Hj. Rosmawati · Admin',
    'Yulianti · Kecamatan 16.09.01',
  ]);
  expect(await overflowsSideways(page)).toBe(false);
});

test('an admin sees everyone with group, kecamatan and status, and invites a kecamatan account', async () => {
  // Prepare
  await signInAs(page, /Hj\. Rosmawati/);
  await openPeople(page);
  await screenshot(page, 'browser-people-list');
  expect(await card(page, 'Yulianti').textContent()).toContain('Akun Kecamatan Muara Dua');
  expect(await card(page, 'Hj. Rosmawati').textContent()).toContain('(Anda)');
  // Act: a kecamatan account without its kecamatan first.
  await page.getByLabel('Nama lengkap').fill('Marlina');
  await page.getByLabel('E-mail').fill('kasipem.pulauberingin@okuselatankab.go.id');
  await page.locator('form.invite').getByRole('radio', { name: 'Kecamatan (Kasi Pemerintahan)' }).check();
  await page.getByRole('button', { name: 'Kirim undangan' }).tap();
  await page.getByRole('alert').waitFor();
  await screenshot(page, 'browser-people-invite-errors');
  const missing = await fieldMessage(page, 'Kecamatan');
  await page.locator('form.invite').getByLabel('Kecamatan', { exact: true }).selectOption('16.09.02');
  await page.getByRole('button', { name: 'Kirim undangan' }).tap();
  await page.getByText('Undangan untuk Marlina terkirim.').waitFor();
  // Assess
  expect(missing).toBe('Akun kecamatan harus memilih kecamatannya');
  expect(await card(page, 'Marlina').textContent()).toContain('Akun Kecamatan Pulau Beringin');
  expect(await card(page, 'Marlina').textContent()).toContain('Diundang');
  const listed = (await s.admin.get<{ items: Array<{ name: string; kecamatanCode: string | null }> }>('/users')).body
    .items;
  expect(listed.find((user) => user.name === 'Marlina')?.kecamatanCode).toBe('16.09.02');
  expect(await overflowsSideways(page)).toBe(false);
});

test('disabling asks first; the disabled person can no longer sign in; enabling brings them back', async () => {
  // Prepare
  await signInAs(page, /Hj\. Rosmawati/);
  await openPeople(page);
  // Act
  await card(page, 'Andi Saputra').getByRole('button', { name: 'Nonaktifkan' }).tap();
  const question = page.getByRole('alertdialog');
  await question.waitFor();
  await question.getByLabel('Alasan (opsional, dicatat di riwayat)').fill('Pindah ke Bappeda');
  await screenshot(page, 'browser-people-confirm-disable');
  await question.getByRole('button', { name: 'Nonaktifkan' }).tap();
  await page.getByText('Akun Andi Saputra dinonaktifkan; ia tidak dapat masuk lagi.').waitFor();
  const status = await card(page, 'Andi Saputra').locator('.badge').textContent();
  const offered = (await s.anonymous.get<{ items: Array<{ name: string }> }>('/local/users')).body.items;
  await card(page, 'Andi Saputra').getByRole('button', { name: 'Aktifkan' }).tap();
  await page.getByText('Akun Andi Saputra aktif kembali.').waitFor();
  // Assess
  expect(status).toBe('Nonaktif');
  expect(offered.map((user) => user.name)).not.toContain('Andi Saputra');
  const trail = await s.admin.get<{ items: Array<{ action: string; reason?: string }> }>('/audit?trail=users');
  expect(trail.body.items).toContainEqual(
    expect.objectContaining({ action: 'user.disabled', reason: 'Pindah ke Bappeda' }),
  );
});

test('a new MFA device: asked first with a reason, the account invited again in its place, none for one’s own', async () => {
  // Prepare
  const invited = await s.admin.post<{ id: string }>('/users', {
    name: 'Nur’aini Pohan',
    email: 'nuraini@dpmd.go.id',
    group: 'organizer',
  });
  await signInAs(page, /Hj\. Rosmawati/);
  await openPeople(page);
  const person = card(page, 'Nur’aini Pohan');
  // Act: first without a reason, then with one.
  await person.getByRole('button', { name: 'Minta perangkat MFA baru' }).tap();
  const question = page.getByRole('alertdialog');
  await question.waitFor();
  const asked = await question.locator('.confirm-title').textContent();
  await question.getByRole('button', { name: 'Ya, minta perangkat baru' }).tap();
  await question.getByLabel('Alasan (dicatat di riwayat)').and(page.locator('[aria-invalid="true"]')).waitFor();
  const withoutReason = await fieldMessage(page, 'Alasan (dicatat di riwayat)');
  await question.getByLabel('Alasan (dicatat di riwayat)').fill('Ponsel hilang');
  await screenshot(page, 'browser-people-confirm-mfa');
  await question.getByRole('button', { name: 'Ya, minta perangkat baru' }).tap();
  await page.getByText('Undangan baru dikirim ke Nur’aini Pohan; perangkat MFA lama tidak berlaku lagi.').waitFor();
  const status = await person.locator('.badge').textContent();
  const own = await card(page, 'Hj. Rosmawati').getByRole('button', { name: 'Minta perangkat MFA baru' }).count();
  const listed = (await s.admin.get<{ items: Array<{ id: string; email: string }> }>('/users')).body.items;
  // Assess
  expect(asked).toContain('nuraini@dpmd.go.id');
  expect(withoutReason).toMatch(/karakter|wajib|diisi/i);
  expect(status).toBe('Diundang');
  expect(own).toBe(0);
  const now = listed.filter((user) => user.email === 'nuraini@dpmd.go.id');
  expect(now).toHaveLength(1);
  expect(now[0]?.id).not.toBe(invited.body.id);
  expect(await page.getByRole('button', { name: 'Minta perangkat MFA baru' }).count()).toBeGreaterThan(0);
});

test('the last admin cannot be made an organizer: the refusal says why, at the card', async () => {
  // Prepare
  await signInAs(page, /Hj\. Rosmawati/);
  await openPeople(page);
  // Act: changing one's own group asks first, then the API refuses (own access, last admin).
  const mine = card(page, 'Hj. Rosmawati');
  await mine.getByRole('button', { name: 'Ubah kelompok' }).tap();
  await mine.getByRole('radio', { name: 'Panitia (penyelenggara)' }).check();
  await mine.getByRole('button', { name: 'Simpan' }).tap();
  await mine.getByRole('alertdialog').getByRole('button', { name: 'Ya, ubah' }).tap();
  const refusal = mine.getByText(/Anda tidak dapat menonaktifkan akun sendiri/);
  await refusal.waitFor();
  await screenshot(page, 'browser-people-own-refused');
  // Assess
  expect(await refusal.isVisible()).toBe(true);
});

test('on a laptop the people cards sit in two columns with nothing cut', async () => {
  // Prepare
  const laptop = await s.browser.newContext({
    baseURL: s.stack.url,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
  });
  const opened = await openPage(laptop);
  // Act
  await signInAs(opened.page, /Hj\. Rosmawati/);
  await openPeople(opened.page);
  await screenshot(opened.page, 'browser-people-laptop');
  const columns = (await opened.page.evaluate(
    `getComputedStyle(document.querySelector('.account-list')).gridTemplateColumns.split(' ').length`,
  )) as number;
  const overflow = await overflowsSideways(opened.page);
  await laptop.close();
  // Assess
  expect(columns).toBe(2);
  expect(overflow).toBe(false);
  expect(opened.problems).toEqual([]);
});

test('a kecamatan account opens only what it may, and its wave board holds its own desa only', async () => {
  // Act
  await signInAs(page, /Yulianti/);
  const menu = await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link').allTextContents();
  await page.getByRole('link', { name: 'Gelombang', exact: true }).click();
  await page.getByRole('link', { name: /Pilkades Serentak Gelombang I/ }).click();
  await page.locator('.village-list li').first().waitFor();
  await screenshot(page, 'browser-people-kecamatan-board');
  const shown = await page.locator('.village-list li').allTextContents();
  // Assess
  expect(menu).toEqual(['Sesi', 'Gelombang', 'Logistik']);
  const own = villages.filter((village) => village.kecamatanCode === '16.09.01');
  expect(shown).toHaveLength(own.length);
  for (const village of own) expect(shown.some((text) => text.includes(village.name))).toBe(true);
  expect(await page.getByText('Pulau Beringin').count()).toBe(0);
  // The regency's files and trend are not a kecamatan's: no buttons that would be refused.
  expect(await page.getByRole('button', { name: /CSV|Excel|PDF/ }).count()).toBe(0);
  expect(await overflowsSideways(page)).toBe(false);
});

test('a kecamatan account opens its desa’s session and logistics: its people, its recap, its shipments, no DPMD controls', async () => {
  // Prepare: a Ketua and a shipment in Muara Dua and in Pulau Beringin.
  const own = villages.filter((village) => village.kecamatanCode === '16.09.01');
  const mine = own[2];
  const theirs = villages.find((village) => village.kecamatanCode === '16.09.02');
  const shipped = new Map<string, string>();
  for (const village of [mine, theirs]) {
    await s.organizer.post(`/sessions/${s.sessionId}/registrations`, {
      fullName: `Ketua ${village?.name}`,
      role: 'KETUA_PANITIA',
      villageCode: village?.code,
    });
    await s.organizer.put(`/allocations/${village?.code}`, { lines: [{ itemCode: 'LEM', quantity: 3 }] });
    const shipment = await s.organizer.post<{ bastNumber: string }>('/shipments', {
      villageCode: village?.code,
      lines: [{ itemCode: 'LEM', quantity: 3 }],
    });
    expect(shipment.status).toBe(201);
    shipped.set(village?.code ?? '', shipment.body.bastNumber);
  }
  await signInAs(page, /Yulianti/);
  // Act: the session.
  const menu = await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link').allTextContents();
  const createForm = await page.getByRole('heading', { name: 'Buat sesi baru' }).count();
  await page.locator(`a[href="#/sesi/${s.sessionId}"]`).click();
  await page.locator('.recap-sentence').waitFor();
  const tabs = await page.getByRole('navigation', { name: 'Halaman sesi' }).getByRole('link').allTextContents();
  const sessionButtons = await page
    .getByRole('button', { name: /CSV|Excel|PDF|Ubah sesi|Tanda nama|Sertifikat/ })
    .count();
  await screenshot(page, 'browser-people-kecamatan-recap');
  await page.getByRole('link', { name: 'Kehadiran' }).click();
  await page.getByText(`Ketua ${mine?.name}`).waitFor();
  const strangers = await page.getByText(`Ketua ${theirs?.name}`).count();
  await screenshot(page, 'browser-people-kecamatan-check-in');
  // Act: logistics.
  await page.getByRole('link', { name: 'Logistik', exact: true }).click();
  await page.locator('.village-row').first().waitFor();
  const rows = await page.locator('.village-row').count();
  const logisticsTabs = await page
    .getByRole('navigation', { name: 'Halaman logistik' })
    .getByRole('link')
    .allTextContents();
  const logisticsButtons = await page.getByRole('button', { name: /CSV|Excel/ }).count();
  await page
    .locator('.village-row')
    .filter({ hasText: mine?.name ?? '' })
    .click();
  await page.getByRole('heading', { level: 1, name: `Desa ${mine?.name}` }).waitFor();
  const dispatchLinks = await page.getByRole('link', { name: 'Kirim ke desa ini' }).count();
  await page.getByRole('link', { name: new RegExp(shipped.get(mine?.code ?? '') ?? '') }).click();
  await page.getByRole('heading', { level: 1, name: `Pengiriman ${shipped.get(mine?.code ?? '')}` }).waitFor();
  const shipmentButtons = await page.getByRole('button', { name: /Cetak ulang BAST|kode baru/i }).count();
  await screenshot(page, 'browser-people-kecamatan-shipment');
  // Assess
  expect(menu).toEqual(['Sesi', 'Gelombang', 'Logistik']);
  expect(createForm).toBe(0);
  expect(tabs).toEqual(['Rekap', 'Pendaftaran', 'Kehadiran']);
  expect(sessionButtons).toBe(0);
  expect(strangers).toBe(0);
  expect(rows).toBe(own.length);
  expect(logisticsTabs).toEqual(['Ringkasan']);
  expect(logisticsButtons).toBe(0);
  expect(shipmentButtons).toBe(0);
  expect(dispatchLinks).toBe(0);
  expect(await overflowsSideways(page)).toBe(false);
});

test('a kecamatan account’s desa card: its shipments, problems and chase, but no replacement to send', async () => {
  // Prepare: a shipment to one of Muara Dua's desa that arrived with a box broken.
  const village = villages.filter((each) => each.kecamatanCode === '16.09.01')[3];
  await s.organizer.put(`/allocations/${village?.code}`, { lines: [{ itemCode: 'LEM', quantity: 4 }] });
  const shipment = await s.organizer.post<{ receiptCode: string }>('/shipments', {
    villageCode: village?.code,
    lines: [{ itemCode: 'LEM', quantity: 4 }],
  });
  const confirmed = await s.anonymous.post(`/receipts/${shipment.body.receiptCode}`, {
    receivedBy: { name: 'Juproni' },
    lines: [{ itemCode: 'LEM', good: 3, minorDamage: 0, majorDamage: 1 }],
  });
  expect(confirmed.status).toBe(201);
  const waves = await s.organizer.get<{ items: Array<{ id: string }> }>('/waves');
  const card = `/#/gelombang/${waves.body.items[0]?.id}/desa/${village?.code}`;
  const heading = (on: Page) => on.getByRole('heading', { level: 1, name: `Desa ${village?.name}` }).waitFor();
  // Act: the organizer's card, then the kecamatan's.
  await signInAs(page, /Andi Saputra/);
  await page.goto(card);
  await heading(page);
  await page.getByText('Ganti yang rusak atau hilang').waitFor();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signInAs(page, /Yulianti/);
  await page.goto(card);
  await heading(page);
  await page.getByText('Catat masalah').waitFor();
  await screenshot(page, 'browser-people-kecamatan-desa');
  // Assess
  expect(await page.getByText('Ganti yang rusak atau hilang').count()).toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await overflowsSideways(page)).toBe(false);
});
