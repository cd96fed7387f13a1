import type { BrowserContext, Page } from 'playwright-core';
import type { SessionSummary } from '#shared/sessions/contract.ts';
import {
  type BrowserStack,
  fieldMessage,
  overflowsSideways,
  phoneEachTest,
  screenshot,
  signIn,
} from '#test/support/browser.ts';

let s: BrowserStack;
let context: BrowserContext;
let page: Page;

phoneEachTest((phone) => {
  s = phone.stack;
  if (phone.context && phone.page) ({ context, page } = phone);
});

test('signed out, the page offers the local sign-in; signing in shows the sessions, signing out forgets the token', async () => {
  // Prepare
  await page.goto('/');
  await page.getByRole('button', { name: 'Masuk (lokal)' }).waitFor();
  await screenshot(page, 'browser-sign-in');
  // Act
  await signIn(page, 'organizer', 'Panitia DPMD');
  const sessionTitle = await page
    .getByRole('link', { name: /Sosialisasi Pilkades Serentak Gelombang I/ })
    .textContent();
  await screenshot(page, 'browser-sessions');
  await page.getByRole('button', { name: 'Keluar' }).tap();
  await page.getByRole('button', { name: 'Masuk (lokal)' }).waitFor();
  const token = await page.evaluate("sessionStorage.getItem('siap.token')");
  // Assess
  expect(sessionTitle).toContain(s.sessionDay);
  expect(token).toBeNull();
  expect(await overflowsSideways(page)).toBe(false);
});

test('a token the API refuses (401) brings the sign-in page back, saying why', async () => {
  // Prepare: a well-formed token, unexpired, that no issuer signed.
  const payload = Buffer.from(JSON.stringify({ exp: 4_102_444_800, name: 'Palsu' })).toString('base64url');
  await page.goto('/');
  await page.evaluate(`sessionStorage.setItem('siap.token', 'eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln')`);
  // Act
  await page.goto('/#/wilayah');
  const message = page.getByRole('status').filter({ hasText: 'Sesi masuk Anda berakhir' });
  await message.waitFor();
  // Assess
  expect(await page.getByRole('button', { name: 'Masuk (lokal)' }).isVisible()).toBe(true);
  expect(await page.evaluate("sessionStorage.getItem('siap.token')")).toBeNull();
});

test('creating a session: wrong fields are marked in Indonesian, a right form opens the new session', async () => {
  // Prepare
  await signIn(page, 'organizer', 'Panitia DPMD');
  const requiredBefore = await page
    .locator('.field')
    .filter({ has: page.locator('.required-mark') })
    .locator('label')
    .allTextContents();
  // Act
  await page.getByLabel('Judul sesi').fill('Bi');
  await page.getByRole('button', { name: 'Buat sesi' }).tap();
  await page.getByRole('alert').waitFor();
  await screenshot(page, 'browser-session-form-errors');
  const titleMessage = await fieldMessage(page, 'Judul sesi');
  const dateMessage = await fieldMessage(page, 'Tanggal');
  const venueMessage = await fieldMessage(page, 'Tempat');
  await page.getByLabel('Judul sesi').fill('Bimtek Panitia Gelombang II');
  await page.getByLabel('Tanggal').fill('2023-07-03');
  await page.getByLabel('Tempat').fill('Aula Kantor Camat Muaradua');
  await page.getByLabel('Kuota peserta (opsional)').fill('150');
  await page.getByRole('button', { name: 'Buat sesi' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Bimtek Panitia Gelombang II' }).waitFor();
  const meta = await page.locator('.session-head .meta').textContent();
  // Assess
  expect(titleMessage).toBe('Minimal 3 karakter');
  // Not the API's "TTTT-BB-HH": the picker shows the date its own way.
  expect(dateMessage).toBe('Wajib diisi: pilih tanggalnya');
  expect(requiredBefore).toEqual(['Judul sesi', 'Tanggal', 'Tempat']);
  expect(venueMessage).toBe('Wajib diisi');
  expect(meta).toBe('3 Juli 2023 · Aula Kantor Camat Muaradua');
  const sessions = (await s.organizer.get<{ items: SessionSummary[] }>('/sessions')).body.items;
  expect(sessions.find((each) => each.title === 'Bimtek Panitia Gelombang II')).toMatchObject({
    date: '2023-07-03',
    capacity: 150,
  });
});

test('on a laptop the sign-in choices show their whole words ("Panitia (penyelenggara)" is not cut)', async () => {
  // Prepare
  const laptop = await s.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  const wide = await laptop.newPage();
  await wide.goto(s.stack.url);
  await wide.getByRole('button', { name: 'Masuk (lokal)' }).waitFor();
  // Act
  const cut = (await wide.evaluate(`[...document.querySelectorAll('.choice')]
    .filter((choice) => choice.scrollWidth > choice.clientWidth)
    .map((choice) => choice.textContent)`)) as string[];
  await wide.screenshot({ path: 'test-artifacts/browser-sign-in-laptop.png' });
  await laptop.close();
  // Assess
  expect(cut).toEqual([]);
});
