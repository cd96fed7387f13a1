import type { Page } from 'playwright-core';
import type { Attendance } from '#shared/sessions/contract.ts';
import { type BrowserStack, overflowsSideways, screenshot, usePhoneSession } from '#test/support/browser.ts';

const people = [
  { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: '16.09.01.2002' },
  { fullName: 'Hj. Nurhayati, S.Pd.', role: 'SEKRETARIS_PANITIA', villageCode: '16.09.01.2002' },
  { fullName: 'Dedi Irawan', role: 'KETUA_PANITIA', villageCode: '16.09.02.2012' },
  { fullName: 'Fransiskus Xaverius Séda', role: 'KASI_PEMERINTAHAN', kecamatanCode: '16.09.03' },
];

const phone = usePhoneSession({ group: 'organizer', name: 'Petugas Pintu' }, async (stack) => {
  for (const person of people) {
    const reply = await stack.organizer.post(`/sessions/${stack.sessionId}/registrations`, person);
    expect(reply.status).toBe(201);
  }
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const counters = () => page.locator('.counters').textContent();

async function openCheckIn() {
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/hadir`);
  await page.getByLabel('Cari nama, desa atau kecamatan').waitFor();
  await page.getByRole('listitem').first().waitFor();
  // The list shows the phone's copy at once and is busy until every page has come.
  await page.locator('ul.people:not([aria-busy])').waitFor();
}

test('search by desa name, tap Hadir: the time shows, the counter moves and the API counts one more present', async () => {
  // Prepare
  await openCheckIn();
  const countersBefore = await counters();
  const presentBefore = (await s.organizer.get<Attendance>(`/sessions/${s.sessionId}/attendance`)).body.present;
  // Act
  await page.getByLabel('Cari nama, desa atau kecamatan').fill('lepihan');
  const shown = await page.locator('.person strong').allTextContents();
  await page.getByRole('button', { name: 'Tandai hadir: Juproni' }).tap();
  const row = page.getByRole('listitem').filter({ hasText: 'Juproni' });
  await row.getByText(/Hadir \d{2}[.:]\d{2}/).waitFor();
  await screenshot(page, 'browser-check-in');
  // Assess
  expect(shown.sort()).toEqual(['Hj. Nurhayati, S.Pd.', 'Juproni']);
  expect(countersBefore?.replace(/\s+/g, ' ')).toBe('0 hadir / 4 terdaftar');
  expect((await counters())?.replace(/\s+/g, ' ')).toBe('1 hadir / 4 terdaftar');
  expect(await row.getByRole('button', { name: /^Tandai hadir/ }).count()).toBe(0);
  const after = (await s.organizer.get<Attendance>(`/sessions/${s.sessionId}/attendance`)).body;
  expect(after.present).toBe(presentBefore + 1);
  expect(after.byRole.KETUA_PANITIA?.present).toBe(1);
  expect(await overflowsSideways(page)).toBe(false);
});

test('search ignores accents and finds a Kasi by kecamatan name', async () => {
  // Prepare
  await openCheckIn();
  // Act
  await page.getByLabel('Cari nama, desa atau kecamatan').fill('seda banding');
  const shown = await page.locator('.person strong').allTextContents();
  // Assess
  expect(shown).toEqual(['Fransiskus Xaverius Séda']);
});

test('a person already checked in on another phone shows the first time; tapping again changes nothing', async () => {
  // Prepare: the list is loaded, then a colleague checks Dedi in elsewhere.
  await openCheckIn();
  const first = await s.organizer.post<{ checkedInAt: string }>(
    `/sessions/${s.sessionId}/registrations/KT-16.09.02.2012/check-in`,
  );
  const firstTime = new Intl.DateTimeFormat('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(first.body.checkedInAt));
  // Act
  await page.getByRole('button', { name: 'Tandai hadir: Dedi Irawan' }).tap();
  const row = page.getByRole('listitem').filter({ hasText: 'Dedi Irawan' });
  await row.getByText(/Hadir \d{2}[.:]\d{2}/).waitFor();
  // Assess
  expect(await row.textContent()).toContain(`Hadir ${firstTime}`);
  const recap = (await s.organizer.get<Attendance>(`/sessions/${s.sessionId}/attendance`)).body;
  expect(recap.byRole.KETUA_PANITIA?.present).toBe(2);
});

test('every page of registrations is loaded (the list follows nextCursor)', async () => {
  // Prepare: make the API answer in pages of two, so four people need two more requests.
  const pages: string[] = [];
  await page.route(/\/registrations\?/, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    pages.push(url.searchParams.get('cursor') ?? 'first');
    return route.continue({ url: url.toString() });
  });
  // Act
  await openCheckIn();
  const names = await page.locator('.person strong').allTextContents();
  await page.unrouteAll();
  // Assess
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(names).toHaveLength(4);
  expect((await counters())?.replace(/\s+/g, ' ')).toMatch(/ \/ 4 terdaftar$/);
});
