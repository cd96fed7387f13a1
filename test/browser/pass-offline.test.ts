/**
 * A pass kept on the phone (`/hadir/<token>`, issue 10): opened once with a signal, it opens again
 * with none at all (a reload, or the link opened again from WhatsApp), from the page's service
 * worker and the copy the page saved, saying so; back online it asks the API again, and a pass
 * cancelled meanwhile says so and its copy is gone. What a cold load of the page costs in bytes.
 */
import { jest } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { villages } from '#local/demo/oku-selatan.ts';
import { rawGet } from '#test/support/api.ts';
import { type BrowserStack, openPage, phoneContext, screenshot, startBrowserStack } from '#test/support/browser.ts';
import { loadPage } from '#test/support/measure/pages.ts';

interface Registration {
  id: string;
  pass: { token: string; url: string } | null;
}

/** What a public page may cost a cheap phone cold (the invitation and receipt pages' budget). */
const BUDGET_BYTES = 60 * 1024;
const OFFLINE = /ERR_INTERNET_DISCONNECTED|net::ERR_FAILED|Failed to fetch/;

jest.setTimeout(60_000);

let s: BrowserStack;
let context: BrowserContext;
let page: Page;
let problems: string[];
let next = 60;

beforeAll(async () => {
  s = await startBrowserStack();
});
beforeEach(async () => {
  context = await phoneContext(s.browser, s.stack.url);
  ({ page, problems } = await openPage(context));
});
afterEach(async () => {
  await context.close();
  // Requests refused while the phone is offline are the point of these tests, not a fault.
  expect(problems.filter((each) => !OFFLINE.test(each))).toEqual([]);
});
afterAll(async () => {
  await s.stop();
});

/** Registers someone of the next desa through the API and answers the registration and its pass's path. */
async function register(fullName: string, role: string): Promise<{ id: string; path: string; unit: string }> {
  const village = villages[next++];
  const reply = await s.organizer.post<Registration>(`/sessions/${s.sessionId}/registrations`, {
    fullName,
    role,
    villageCode: village?.code,
  });
  expect(reply.status).toBe(201);
  return { id: reply.body.id, path: new URL(reply.body.pass?.url ?? '').pathname, unit: `Desa ${village?.name}` };
}

/** Opens a pass with a signal and waits until the page's service worker controls it. */
async function openOnline(on: Page, path: string, name: string): Promise<void> {
  await on.goto(path);
  await on.getByRole('heading', { name }).waitFor();
  // A promise, not waitForFunction: the page's policy refuses the eval that polling needs.
  const controlled = await on.evaluate(`new Promise((resolve) => {
    if (navigator.serviceWorker.controller) resolve(true);
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
    setTimeout(() => resolve(false), 15000);
  })`);
  expect(controlled).toBe(true);
}

/** What a pass page shows: the name, role, unit, session, the saved-copy line and whether its QR is drawn. */
async function shown(on: Page, name: string) {
  await on.getByRole('heading', { name }).waitFor();
  return {
    role: await on.locator('.pass .role').textContent(),
    unit: await on.locator('.pass .unit').textContent(),
    session: await on.locator('.session h2').textContent(),
    qr: await on.getByRole('img', { name: `Kode QR pass ${name}` }).isVisible(),
    saved: ((await on.locator('.notice.info').first().textContent()) ?? '').trim(),
  };
}

test('a pass opened once with a signal opens again without any: a reload and the link opened again', async () => {
  // Prepare
  const person = await register('Rustam Effendi', 'ANGGOTA_PANITIA');
  const session = await s.organizer.get<{ title: string }>(`/sessions/${s.sessionId}`);
  await openOnline(page, person.path, 'Rustam Effendi');
  // Act: no network at all, then the page reloaded, and the same link opened in a new tab.
  await context.setOffline(true);
  await page.reload();
  const reloaded = await shown(page, 'Rustam Effendi');
  await screenshot(page, 'browser-pass-offline-reload');
  const again = await context.newPage();
  again.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await again.goto(person.path);
  const reopened = await shown(again, 'Rustam Effendi');
  await screenshot(again, 'browser-pass-offline-reopened');
  const kept = await again.evaluate(
    `JSON.parse(localStorage.getItem(${JSON.stringify(`siap.pass.${person.path.split('/').pop()}`)}))`,
  );
  // Assess
  const expected = {
    role: 'Anggota Panitia',
    unit: person.unit,
    session: session.body.title,
    qr: true,
    saved: expect.stringMatching(
      /^Ini salinan yang tersimpan di HP ini, disimpan \d{1,2} \w+ \d{4},? \d{2}[.:]\d{2}\.$/,
    ),
  };
  expect(reloaded).toEqual(expected);
  expect(reopened).toEqual(expected);
  // Only what the page shows is kept: no ids beyond the token the QR carries.
  expect(kept).toEqual({
    savedAt: expect.any(String),
    pass: {
      token: person.path.split('/').pop(),
      session: { title: session.body.title, date: expect.any(String), venue: expect.any(String) },
      registration: { fullName: 'Rustam Effendi', role: 'ANGGOTA_PANITIA', unit: person.unit, checkedInAt: null },
    },
  });
});

test('without its service worker the same pass does not open offline (what the worker is for)', async () => {
  // Prepare: a phone whose browser refuses workers.
  const person = await register('Herman Susanto', 'ANGGOTA_PANITIA');
  const blocked = await phoneContext(s.browser, s.stack.url, { serviceWorkers: 'block' });
  const bare = await blocked.newPage();
  await bare.goto(person.path);
  await bare.getByRole('heading', { name: 'Herman Susanto' }).waitFor();
  // Act
  await blocked.setOffline(true);
  const reloaded = await bare.reload().then(
    () => 'opened',
    (error: Error) => error.message,
  );
  await blocked.close();
  // Assess
  expect(reloaded).toMatch(/ERR_INTERNET_DISCONNECTED/);
});

test('back online, a pass cancelled meanwhile says so and its copy is gone; offline again it is not shown', async () => {
  // Prepare
  const person = await register('Maryati Ningsih', 'SEKRETARIS_PANITIA');
  await openOnline(page, person.path, 'Maryati Ningsih');
  await context.setOffline(true);
  await page.reload();
  await shown(page, 'Maryati Ningsih');
  const cancelled = await s.admin.request('DELETE', `/sessions/${s.sessionId}/registrations/${person.id}`, {
    reason: 'Terdaftar dua kali',
  });
  expect(cancelled.status).toBe(204);
  // Act: the signal comes back while the saved copy is on the screen.
  await context.setOffline(false);
  await page.getByRole('heading', { name: 'Pass tidak dikenal' }).waitFor();
  await screenshot(page, 'browser-pass-cancelled');
  const keptAfter = await page.evaluate(
    `localStorage.getItem(${JSON.stringify(`siap.pass.${person.path.split('/').pop()}`)})`,
  );
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Tidak ada sinyal' }).waitFor();
  // Assess
  expect(keptAfter).toBeNull();
  expect(await page.getByRole('img', { name: 'Kode QR pass Maryati Ningsih' }).count()).toBe(0);
  expect(await page.getByText('Maryati Ningsih').count()).toBe(0);
});

test('another pass this phone never opened shows "Tidak ada sinyal" offline, not someone else’s', async () => {
  // Prepare
  const opened = await register('Sarkawi', 'KETUA_PANITIA');
  const never = await register('Nurlela', 'KETUA_PANITIA');
  await openOnline(page, opened.path, 'Sarkawi');
  // Act
  await context.setOffline(true);
  await page.goto(never.path);
  await page.getByRole('heading', { name: 'Tidak ada sinyal' }).waitFor();
  // Assess
  expect(await page.locator('.pass').count()).toBe(0);
  expect(await page.getByText('Sarkawi').count()).toBe(0);
});

test('the pass page and its service worker, cold, stay within a public page’s budget', async () => {
  // Prepare
  const person = await register('Abdul Halim', 'SEKRETARIS_PANITIA');
  const url = `${s.stack.url}${person.path}`;
  // Act
  const cold = await loadPage(s.browser, url, { throttle: false, field: '.qr' });
  const worker = await rawGet(s.stack.url, '/hadir/sw.js', { 'accept-encoding': 'br' });
  const workerBytes = worker.bytes.length;
  expect([worker.status, worker.headers['content-encoding']]).toEqual([200, 'br']);
  // Assess
  console.log(
    `pass page cold load: ${cold.bytes} bytes + service worker ${workerBytes} bytes (br)\n${cold.parts
      .map((part) => `  ${part.bytes}\t${part.path}`)
      .join('\n')}`,
  );
  expect(cold.parts.map((part) => part.path)).toEqual(
    expect.arrayContaining([person.path, expect.stringMatching(/^\/passes\//)]),
  );
  expect(cold.bytes + workerBytes).toBeLessThanOrEqual(BUDGET_BYTES);
});
