/**
 * The door of a large session on a phone: 3,000 registered, the list loaded page by page with the
 * first page shown at once and kept on the phone for a reload, four results in view with the
 * keyboard open, the search cleared after "Hadir", and a walk-in registered and checked in at once.
 */
import { jest } from '@jest/globals';
import type { Page, Route } from 'playwright-core';
import type { Registration } from '#shared/sessions/registration-contract.ts';
import { type BrowserStack, overflowsSideways, PHONE, screenshot, usePhoneSession } from '#test/support/browser.ts';
import { committeeMembers, seatCrowd } from '#test/support/crowd.ts';

const CROWD = 3000;
// Seeding 3,000 people takes twelve imports: on a busy two-core machine, more than a minute.
jest.setTimeout(180_000);
const phone = usePhoneSession({ group: 'organizer', name: 'Petugas Pintu' }, async (stack) => {
  await seatCrowd(stack.organizer, stack.sessionId);
  for (let offset = 0; offset < CROWD; offset += 250) {
    const reply = await stack.organizer.post<{ created: number }>(`/sessions/${stack.sessionId}/registrations/import`, {
      registrations: committeeMembers(250, offset),
    });
    expect(reply.body.created).toBe(250);
  }
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const counters = async () => ((await page.locator('.counters').textContent()) ?? '').replace(/\s+/g, ' ');
const status = async () => ((await page.locator('.check-in-status').textContent()) ?? '').trim();
const search = () => page.getByLabel('Cari nama, desa atau kecamatan');
/** The list has every page (the page marks it busy while pages are still coming). */
const settled = () => page.locator('ul.people:not([aria-busy])').waitFor();

async function openCheckIn(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/hadir`);
  await search().waitFor();
}

/**
 * Holds the list's requests (all of them, or every one after the first) until `release()`;
 * records each one's limit and cursor.
 */
async function holdList(
  which: 'all' | 'afterFirst',
): Promise<{ asked: Array<{ limit: string | null; cursor: string | null }>; release(): void }> {
  const asked: Array<{ limit: string | null; cursor: string | null }> = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/registrations\?/, async (route: Route) => {
    const url = new URL(route.request().url());
    asked.push({ limit: url.searchParams.get('limit'), cursor: url.searchParams.get('cursor') });
    if (which === 'all' || asked.length > 1) await gate;
    await route.continue();
  });
  return { asked, release: () => release() };
}

async function everyRegistration(): Promise<Registration[]> {
  const all: Registration[] = [];
  let cursor = '';
  do {
    const reply = await s.organizer.get<{ items: Registration[]; nextCursor: string | null }>(
      `/sessions/${s.sessionId}/registrations?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    all.push(...reply.body.items);
    cursor = reply.body.nextCursor ?? '';
  } while (cursor);
  return all;
}

test('the first page shows at once; the rest comes page by page with limit and cursor', async () => {
  // Prepare: nothing kept on this phone yet; every page after the first waits.
  await page.goto('/#/');
  await page.evaluate('localStorage.clear()');
  const list = await holdList('afterFirst');
  // Act
  await page.goto(`/#/sesi/${s.sessionId}/hadir`);
  await page.locator('.person').first().waitFor();
  const rowsFirst = await page.locator('.person').count();
  const statusFirst = await status();
  const countersFirst = await counters();
  await screenshot(page, 'browser-check-in-first-page');
  list.release();
  await settled();
  await page.unrouteAll();
  // Assess
  expect(rowsFirst).toBe(60);
  expect(statusFirst).toBe('Memuat 200 dari 3.000…');
  expect(countersFirst).toBe('0 hadir / 3.000 terdaftar');
  expect(list.asked[0]).toEqual({ limit: '200', cursor: null });
  expect(list.asked.slice(1).every((each) => each.limit === '1000' && each.cursor)).toBe(true);
  expect(list.asked).toHaveLength(4);
  expect(await counters()).toBe('0 hadir / 3.000 terdaftar');
  expect(await status()).toBe('60 dari 3.000 ditampilkan; ketik untuk mempersempit.');
});

test('a reload shows the list kept on the phone before any page arrives, then refreshes it', async () => {
  // Prepare: a colleague registers one more meanwhile; the list's requests wait.
  const added = await s.organizer.post(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'Kurniawan Setiadi',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.01.2002',
  });
  expect(added.status).toBe(201);
  await openCheckIn();
  await settled();
  const list = await holdList('all');
  let answered = 0;
  page.on('response', (response) => {
    if (/\/registrations\?/.test(response.url())) answered++;
  });
  // Act
  await page.reload();
  await page.locator('.person').first().waitFor();
  const answeredWhenShown = answered;
  const kept = await status();
  const keptCount = await counters();
  // Typing finds people in all 3,000 at once.
  const took = (await page.evaluate(`(() => {
    const input = document.getElementById('check-in-search');
    input.value = 'gita wijaya';
    const started = performance.now();
    input.dispatchEvent(new Event('input'));
    return performance.now() - started;
  })()`)) as number;
  const found = await page.locator('.person strong').allTextContents();
  await search().fill('');
  list.release();
  await settled();
  await page.unrouteAll();
  await search().fill('kurniawan');
  const refreshed = await page.locator('.person strong').allTextContents();
  // Assess
  expect(answeredWhenShown).toBe(0);
  expect(kept).toMatch(/^Daftar di HP ini, disimpan \d{2}[.:]\d{2}; memperbarui…$/);
  // The session's own counter already knows of the newcomer.
  expect(keptCount).toBe('0 hadir / 3.001 terdaftar');
  expect(took).toBeLessThan(100);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((name) => name.startsWith('Gita Wijaya'))).toBe(true);
  expect(refreshed).toEqual(['Kurniawan Setiadi']);
  expect(await counters()).toBe('0 hadir / 3.001 terdaftar');
});

test('with the keyboard open, the search rises to the top and at least four results are in view', async () => {
  // Prepare: the keyboard takes about 310 px of the 740.
  await openCheckIn();
  await settled();
  await page.setViewportSize({ width: PHONE.width, height: 430 });
  // Act
  await search().tap();
  await search().fill('saputra');
  await page.waitForTimeout(600);
  const inView = (await page.evaluate(`[...document.querySelectorAll('.person')].filter((row) => {
    const box = row.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }).length`)) as number;
  await page.screenshot({ path: 'test-artifacts/browser-check-in-keyboard.png' });
  await page.setViewportSize(PHONE);
  const headHeight = (await page.evaluate(
    `document.querySelector('.check-in .counters').getBoundingClientRect().top + window.scrollY`,
  )) as number;
  // Assess
  expect(inView).toBeGreaterThanOrEqual(4);
  // The shell, the title and the tabs above the counters: compact on a phone (was about 460 px).
  expect(headHeight).toBeLessThan(300);
  expect(await overflowsSideways(page)).toBe(false);
});

test('after "Hadir" the search empties for the next person and says who was checked in', async () => {
  // Prepare
  await openCheckIn();
  await settled();
  await search().fill('agus saputra aaa');
  // Act
  await page.getByRole('button', { name: 'Tandai hadir: Agus Saputra AAA' }).tap();
  await page.locator('.check-in-status .done').filter({ hasText: 'Agus Saputra AAA hadir' }).waitFor();
  const said = await page.locator('.check-in-status .done').textContent();
  const left = await search().inputValue();
  const focused = await page.evaluate('document.activeElement && document.activeElement.id');
  const rows = await page.locator('.person').count();
  await screenshot(page, 'browser-check-in-cleared');
  const kept = (await page.evaluate(`localStorage.getItem('siap.hadir.${s.sessionId}')`)) as string;
  // Assess
  expect(said).toMatch(/^✓ Agus Saputra AAA hadir \d{2}[.:]\d{2}$/);
  expect(left).toBe('');
  expect(focused).toBe('check-in-search');
  expect(rows).toBe(60);
  expect(await counters()).toBe('1 hadir / 3.001 terdaftar');
  // The phone's copy has the check-in too, for the next reload.
  const row = (JSON.parse(kept) as { rows: string[][] }).rows.find((each) => each[1] === 'Agus Saputra AAA');
  expect(row?.[5]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});

test('"Daftar + hadir": a walk-in is registered and checked in in one step, the name taken from the search', async () => {
  // Prepare
  await openCheckIn();
  await settled();
  await search().fill('Wahyu Hidayatullah');
  await page.getByText('Tidak ada peserta yang cocok.').waitFor();
  // Act
  await page.getByRole('button', { name: '+ Daftar + hadir' }).tap();
  const form = page.locator('.walk-in-panel');
  const prefilled = await form.getByLabel('Nama lengkap (dengan gelar)').inputValue();
  await form.getByRole('radio', { name: 'Kasi Pemerintahan' }).check();
  await form.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Simpang' });
  await screenshot(page, 'browser-check-in-walk-in');
  await form.getByRole('button', { name: 'Daftar + hadir' }).tap();
  await page.locator('.check-in-status .done').filter({ hasText: 'Terdaftar dan hadir' }).waitFor();
  const said = await page.locator('.check-in-status .done').textContent();
  await search().fill('wahyu');
  const row = await page.locator('.person').first().textContent();
  // Assess
  expect(prefilled).toBe('Wahyu Hidayatullah');
  expect(said).toMatch(/^✓ Terdaftar dan hadir: Wahyu Hidayatullah, \d{2}[.:]\d{2}$/);
  expect(row).toMatch(/Wahyu HidayatullahKasi Pemerintahan · Kec\. Simpang✓ Hadir \d{2}[.:]\d{2}/);
  expect(await form.isVisible()).toBe(false);
  expect(await counters()).toBe('2 hadir / 3.002 terdaftar');
  expect((await everyRegistration()).find((each) => each.id === 'KS-16.09.05')).toMatchObject({
    fullName: 'Wahyu Hidayatullah',
    checkedInAt: expect.stringMatching(/^\d{4}-/),
  });
});

test('signing out takes the kept lists (people’s names) off the phone', async () => {
  // Prepare
  await openCheckIn();
  await settled();
  const before = await page.evaluate(`Object.keys(localStorage).filter((key) => key.startsWith('siap.hadir')).length`);
  // Act
  await page.getByRole('button', { name: 'Keluar' }).tap();
  await page.getByRole('button', { name: 'Masuk (lokal)' }).waitFor();
  const after = await page.evaluate(`Object.keys(localStorage).filter((key) => key.startsWith('siap.hadir')).length`);
  // Assess
  expect(before).toBeGreaterThan(0);
  expect(after).toBe(0);
});
