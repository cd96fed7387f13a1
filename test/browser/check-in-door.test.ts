/**
 * The door on a phone, beyond search-and-tick: a pass scanned with the camera (Chromium's fake
 * camera playing a video of the pass's QR) is one check-in, confirmed by name, role and unit; the
 * same pass again says "sudah hadir"; another session's pass says so. Without a network the taps
 * are kept on the phone, counted as not sent yet, and sent once when the network returns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { create } from 'qrcode/lib/core/qrcode.js';
import { villages } from '#local/demo/oku-selatan.ts';
import type { Attendance } from '#shared/sessions/contract.ts';
import {
  type BrowserStack,
  openPage,
  overflowsSideways,
  phoneContext,
  screenshot,
  signIn,
  startBrowserStack,
} from '#test/support/browser.ts';

interface Registration {
  id: string;
  fullName: string;
  checkedInAt: string | null;
  pass: { token: string; url: string } | null;
}

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const WIDTH = 640;
const HEIGHT = 480;

let s: BrowserStack;
let otherSessionId: string;
const opened: Browser[] = [];

beforeAll(async () => {
  s = await startBrowserStack();
  const other = await s.organizer.post<{ id: string }>('/sessions', {
    title: 'Bimtek Pengawas',
    date: '2027-03-01',
    venue: 'Aula Kantor Camat Muaradua',
    villageCodes: [villages[0]?.code],
  });
  otherSessionId = other.body.id;
});
afterAll(async () => {
  for (const browser of opened) await browser.close();
  await s.stop();
});

async function register(sessionId: string, fullName: string, villageIndex: number): Promise<Registration> {
  const reply = await s.organizer.post<Registration>(`/sessions/${sessionId}/registrations`, {
    fullName,
    role: 'KETUA_PANITIA',
    villageCode: villages[villageIndex]?.code,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function registration(id: string): Promise<Registration | undefined> {
  const listed = await s.organizer.get<{ items: Registration[] }>(`/sessions/${s.sessionId}/registrations?limit=1000`);
  return listed.body.items.find((each) => each.id === id);
}

const present = async () => (await s.organizer.get<Attendance>(`/sessions/${s.sessionId}/attendance`)).body.present;

/** The QR of `text` drawn with the same encoder the pages use, as a PNG the size of a video frame. */
function qrPng(text: string, name: string): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const side = modules.size + 8;
  const scale = Math.floor((HEIGHT - 40) / side);
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  png.data.fill(255);
  const left = Math.floor((WIDTH - side * scale) / 2) + 4 * scale;
  const top = Math.floor((HEIGHT - side * scale) / 2) + 4 * scale;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const at = ((top + row * scale + y) * WIDTH + left + column * scale + x) * 4;
          png.data[at] = 0;
          png.data[at + 1] = 0;
          png.data[at + 2] = 0;
        }
      }
    }
  }
  const path = join(ARTIFACTS, `${name}.png`);
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

/**
 * A Y4M video (what Chromium's fake camera plays) of a PNG: a text header, then per frame the
 * I420 planes, the luma from the picture's grey and both chroma planes neutral.
 */
function y4mOf(pngPath: string, frames = 10): string {
  const png = PNG.sync.read(readFileSync(pngPath));
  const luma = Buffer.alloc(png.width * png.height);
  for (let i = 0; i < luma.length; i++) {
    const [r, g, b] = [png.data[i * 4] ?? 0, png.data[i * 4 + 1] ?? 0, png.data[i * 4 + 2] ?? 0];
    luma[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  const chroma = Buffer.alloc((png.width / 2) * (png.height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${png.width} H${png.height} F10:1 Ip A1:1 C420jpeg\n`);
  const path = pngPath.replace(/\.png$/, '.y4m');
  writeFileSync(path, Buffer.concat([header, ...Array(frames).fill(frame)]));
  return path;
}

/** A phone whose camera films `video`, signed in at the door of the demo session. */
async function doorWithCamera(video: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  opened.push(browser);
  const context = await phoneContext(browser, s.stack.url);
  await context.grantPermissions(['camera'], { origin: s.stack.url });
  const { page, problems } = await openPage(context);
  await signIn(page, 'organizer', 'Petugas Pintu');
  await openDoor(page);
  return { context, page, problems };
}

async function openDoor(page: Page): Promise<void> {
  await page.goto(`/#/sesi/${s.sessionId}/hadir`);
  await page.getByLabel('Cari nama, desa atau kecamatan').waitFor();
  await page.locator('ul.people:not([aria-busy])').waitFor();
}

test('a scanned pass checks the person in, named with role and unit; the same pass again says "sudah hadir"', async () => {
  // Prepare
  const person = await register(s.sessionId, 'H. M. Rahmattullah, S.STP., MM.', 0);
  const video = y4mOf(qrPng(person.pass?.url ?? '', 'browser-inv-scan-pass'));
  const { page, problems } = await doorWithCamera(video);
  const before = await present();
  // Act
  await page.getByRole('button', { name: 'Pindai QR' }).tap();
  const result = page.locator('.scan-result.ok');
  await result.waitFor({ timeout: 20_000 });
  const said = await result.textContent();
  await screenshot(page, 'browser-inv-scan');
  const recorded = await registration(person.id);
  await page.getByRole('button', { name: 'Tutup kamera' }).tap();
  await page.getByRole('button', { name: 'Pindai QR' }).tap();
  const again = page.locator('.scan-result.already');
  await again.waitFor({ timeout: 20_000 });
  const saidAgain = await again.textContent();
  await screenshot(page, 'browser-inv-scan-again');
  // Assess
  expect(said).toMatch(/^✓ H\. M\. Rahmattullah, S\.STP\., MM\. hadir \d{2}[.:]\d{2}Ketua Panitia · /);
  expect(said).toContain(villages[0]?.name);
  expect(recorded?.checkedInAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(await present()).toBe(before + 1);
  expect(saidAgain).toMatch(/^H\. M\. Rahmattullah, S\.STP\., MM\. sudah hadir sejak \d{2}[.:]\d{2}/);
  expect(await present()).toBe(before + 1);
  expect(await overflowsSideways(page)).toBe(false);
  expect(problems).toEqual([]);
});

test('a pass for another session is refused at this door, and nobody is checked in', async () => {
  // Prepare
  const elsewhere = await register(otherSessionId, 'Siti Nur’aini', 0);
  const video = y4mOf(qrPng(elsewhere.pass?.url ?? '', 'browser-inv-scan-other'));
  const { page, problems } = await doorWithCamera(video);
  const before = await present();
  // Act
  await page.getByRole('button', { name: 'Pindai QR' }).tap();
  const result = page.locator('.scan-result.bad');
  await result.waitFor({ timeout: 20_000 });
  await screenshot(page, 'browser-inv-scan-other');
  // Assess
  expect(await result.textContent()).toBe('Pass ini untuk sesi lain, bukan sesi ini.');
  expect(await present()).toBe(before);
  expect(problems).toEqual([]);
});

test('offline: two taps are kept on the phone as "2 belum terkirim"; back online they are sent once and counted once', async () => {
  // Prepare
  const first = await register(s.sessionId, 'Juproni', 5);
  const second = await register(s.sessionId, 'Dewi Lestari', 6);
  const context = await phoneContext(s.browser, s.stack.url);
  const { page, problems } = await openPage(context);
  await signIn(page, 'organizer', 'Petugas Pintu');
  await openDoor(page);
  const batches: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/sessions/${s.sessionId}/check-ins`)) {
      batches.push(request.postData() ?? '');
    }
  });
  const before = await present();
  // Act
  await context.setOffline(true);
  for (const name of ['Juproni', 'Dewi Lestari']) {
    await page.getByLabel('Cari nama, desa atau kecamatan').fill(name);
    await page.getByRole('button', { name: `Tandai hadir: ${name}` }).tap();
    await page
      .locator('.check-in-status .done')
      .filter({ hasText: `${name} hadir` })
      .waitFor();
  }
  const unsent = page.getByText('2 belum terkirim');
  await unsent.waitFor();
  await screenshot(page, 'browser-inv-offline-check-in');
  const whileOffline = await present();
  await context.setOffline(false);
  await page.locator('.check-in-status .done').filter({ hasText: '✓ 2 kehadiran terkirim' }).waitFor();
  await unsent.waitFor({ state: 'hidden' });
  await screenshot(page, 'browser-inv-offline-sent');
  // A second "network is back" sends nothing again.
  await page.evaluate("window.dispatchEvent(new Event('online'))");
  await page.waitForTimeout(500);
  // Assess
  expect(whileOffline).toBe(before);
  expect(await present()).toBe(before + 2);
  expect(batches).toHaveLength(1);
  const sent = JSON.parse(batches[0] ?? '{}') as { items: Array<{ registrationId: string; deviceId: string }> };
  expect(sent.items.map((each) => each.registrationId)).toEqual([first.id, second.id]);
  expect(new Set(sent.items.map((each) => each.deviceId)).size).toBe(1);
  expect((await registration(first.id))?.checkedInAt).toMatch(/^\d{4}-/);
  expect((await registration(second.id))?.checkedInAt).toMatch(/^\d{4}-/);
  expect(await overflowsSideways(page)).toBe(false);
  await context.close();
  expect(problems).toEqual([]);
});
