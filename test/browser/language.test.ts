import type { Page } from 'playwright-core';
import { type BrowserStack, fieldMessage, screenshot, usePhoneSession } from '#test/support/browser.ts';

const phone = usePhoneSession({ group: 'organizer', name: 'Panitia DPMD' });
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

test('the English toggle switches the page text and the API’s error messages, and is remembered', async () => {
  // Prepare
  await page.goto(`/#/sesi/${s.sessionId}/daftar`);
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
  const languages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/registrations')) languages.push(request.headers()['accept-language'] ?? '');
  });
  // Act
  await page.getByRole('button', { name: 'Switch to English' }).tap();
  await page.getByRole('radio', { name: 'Kasi Pemerintahan' }).check();
  await page.getByRole('button', { name: 'Register', exact: true }).tap();
  await page.getByRole('alert').waitFor();
  await screenshot(page, 'browser-english');
  const htmlLang = await page.locator('html').getAttribute('lang');
  const nameMessage = await fieldMessage(page, 'Full name (with titles)');
  const kecamatanMessage = await fieldMessage(page, 'Kecamatan');
  const tabs = await page.getByRole('navigation', { name: 'Session pages' }).getByRole('link').allTextContents();
  await page.reload();
  const rememberedButton = page.getByRole('button', { name: 'Register', exact: true });
  await rememberedButton.waitFor();
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).tap();
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
  // Assess
  expect(htmlLang).toBe('en');
  expect(tabs).toEqual(['Recap', 'Register', 'Check-in', 'Invitations', 'History']);
  expect(nameMessage).toBe('Required');
  expect(kecamatanMessage).toBe('Choose a kecamatan for this role');
  expect(languages).toEqual(['en']);
  expect(await page.locator('html').getAttribute('lang')).toBe('id');
});

test('in English the recap sentence is English too', async () => {
  // Prepare
  await s.organizer.post(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.01.2002',
  });
  await s.organizer.post(`/sessions/${s.sessionId}/registrations/KT-16.09.01.2002/check-in`);
  await page.goto(`/#/sesi/${s.sessionId}`);
  await page.locator('.recap-sentence').waitFor();
  // Act
  await page.getByRole('button', { name: 'Switch to English' }).tap();
  const sentence = await page.locator('.recap-sentence', { hasText: /present/ }).textContent();
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).tap();
  // Assess
  expect(sentence).toBe(
    '1 participant present: 1 committee chair, 0 committee secretaries, 0 Kasi Pemerintahan; 1 of 82 villages represented.',
  );
});
