/**
 * The village's receipt page on a cheap phone: confirming with damage and missing goods while the
 * signal drops, the automatic resend that is recorded once, the signed BAST photo, the unknown
 * code, the rate limit, and what a cold load costs in bytes.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import type { Allocation, Shipment } from '#shared/logistics/contract.ts';
import {
  type BrowserStack,
  fieldMessage,
  openPage,
  overflowsSideways,
  phoneContext,
  screenshot,
  startBrowserStack,
} from '#test/support/browser.ts';

type Created = Shipment & { receiptCode: string; receiptUrl: string };

const BUDGET_BYTES = 60 * 1024;

let s: BrowserStack;
let context: BrowserContext;
let page: Page;
let problems: string[];
let nextVillage = 0;

beforeAll(async () => {
  s = await startBrowserStack();
  const applied = await s.organizer.post('/allocations/apply', { rules: demoRules });
  expect(applied.status).toBe(200);
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

/** Dispatches a desa's whole allocation through the API, as the DPMD does before the page is opened. */
async function dispatch(): Promise<Created> {
  const village = villages[nextVillage++];
  if (!village) throw new Error('out of demo villages');
  const allocations = await s.organizer.get<{ items: Allocation[] }>('/allocations');
  const lines = allocations.body.items
    .find((each) => each.villageCode === village.code)
    ?.lines.filter((line) => line.quantity > 0);
  const reply = await s.organizer.post<Created>('/shipments', {
    villageCode: village.code,
    lines,
    handedOverBy: { name: 'Drs. H. Zulkarnain, M.Si.', title: 'Kepala Bidang Pemerintahan Desa' },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

function quantityOf(shipment: Created, itemCode: string): number {
  const line = shipment.lines.find((each) => each.itemCode === itemCode);
  if (!line) throw new Error(`${itemCode} was not shipped`);
  return line.quantity;
}

/** The fieldset of one shipment line on the form, found by the item's name. */
const lineOf = (name: string) => page.getByRole('group', { name, exact: true });

async function openReceipt(shipment: Created): Promise<void> {
  await page.goto(`/terima/${shipment.receiptCode}`);
  await page.getByRole('heading', { name: 'Konfirmasi penerimaan' }).waitFor();
}

/** Fills a confirmation: everything good, then 30 ballots short (5 light, 5 heavy, 20 missing) and one ink bottle broken. */
async function fillWithDamage(shipment: Created): Promise<void> {
  await page.getByLabel('Nama penerima').fill('Siti Nur’aini');
  await page.getByLabel('Nomor HP (opsional)').fill('0812 3333 4444');
  await page.getByRole('button', { name: 'Semua barang diterima baik' }).tap();
  const ballots = lineOf('Surat suara');
  await ballots.getByLabel('Baik', { exact: true }).fill(String(quantityOf(shipment, 'SURAT_SUARA') - 30));
  await ballots.getByLabel('Rusak ringan', { exact: true }).fill('5');
  await ballots.getByLabel('Rusak berat', { exact: true }).fill('5');
  const ink = lineOf('Tinta sidik jari');
  await ink.getByLabel('Baik', { exact: true }).fill(String(quantityOf(shipment, 'TINTA') - 1));
  await ink.getByLabel('Rusak berat', { exact: true }).fill('1');
  await page.getByLabel('Catatan (opsional)').fill('Satu ikat surat suara basah terkena hujan.');
}

function postsTo(target: Page, code: string): string[] {
  const seen: string[] = [];
  target.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/receipts/${code}`)) seen.push(request.postData() ?? '');
  });
  return seen;
}

test('offline on submit: kept on the phone with a banner, nothing reaches the server; back online it is sent once by itself', async () => {
  // Prepare
  const shipment = await dispatch();
  const posts = postsTo(page, shipment.receiptCode);
  await openReceipt(shipment);
  await fillWithDamage(shipment);
  const missingShown = await lineOf('Surat suara').locator('output').textContent();
  // Act: the signal drops just before sending.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  const banner = page.getByText('Tersimpan di HP — akan dikirim otomatis saat sinyal kembali');
  await banner.waitFor();
  await screenshot(page, 'browser-receipt-offline');
  const kept = JSON.parse(
    (await page.evaluate(`localStorage.getItem('siap.terima.${shipment.receiptCode}')`)) as string,
  ) as { body: { clientRequestId: string } };
  const whileOffline = await s.organizer.get<Shipment>(`/shipments/${shipment.id}`);
  await context.setOffline(false);
  await page.getByRole('heading', { name: /Terima kasih, penerimaan sudah tercatat/ }).waitFor();
  await screenshot(page, 'browser-receipt-done');
  // A second "signal is back" must not send anything again.
  await page.evaluate("window.dispatchEvent(new Event('online'))");
  await page.waitForTimeout(500);
  // Assess
  expect(missingShown).toBe('20');
  expect(kept.body.clientRequestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  expect(whileOffline.body.receipt).toBeNull();
  expect(posts).toHaveLength(1);
  expect(JSON.parse(posts[0] ?? '{}').clientRequestId).toBe(kept.body.clientRequestId);
  expect(await page.evaluate(`localStorage.getItem('siap.terima.${shipment.receiptCode}')`)).toBeNull();
  const ballots = lineOf('Surat suara');
  expect(await ballots.count()).toBe(0); // The form is gone; the summary shows what was recorded.
  const summary = page.locator('.results li').filter({ has: page.getByText('Surat suara', { exact: true }) });
  expect((await summary.locator('.stat strong').allTextContents()).map((text) => text.replace(/\./g, ''))).toEqual([
    String(quantityOf(shipment, 'SURAT_SUARA') - 30),
    '5',
    '5',
    '20',
  ]);
  const recorded = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body;
  expect(recorded.status).toBe('confirmed');
  expect(recorded.receipt).toMatchObject({
    receivedBy: { name: 'Siti Nur’aini', phone: '+6281233334444' },
    note: 'Satu ikat surat suara basah terkena hujan.',
    discrepancy: true,
    version: 1,
  });
  expect(recorded.receiptHistory).toEqual([]);
  expect(recorded.receipt?.lines.find((line) => line.itemCode === 'SURAT_SUARA')).toEqual({
    itemCode: 'SURAT_SUARA',
    shipped: quantityOf(shipment, 'SURAT_SUARA'),
    good: quantityOf(shipment, 'SURAT_SUARA') - 30,
    minorDamage: 5,
    majorDamage: 5,
    missing: 20,
  });
  expect(recorded.receipt?.lines.find((line) => line.itemCode === 'TINTA')).toMatchObject({
    majorDamage: 1,
    missing: 0,
  });
  expect(
    recorded.receipt?.lines
      .filter((line) => !['SURAT_SUARA', 'TINTA'].includes(line.itemCode))
      .every((line) => line.good === line.shipped),
  ).toBe(true);
  const audit = await s.organizer.get<{ items: AuditEntry[] }>(`/audit?shipmentId=${shipment.id}`);
  expect(audit.body.items.filter((entry) => entry.action === 'receipt.confirmed')).toHaveLength(1);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the answer is lost on the way back: the phone keeps it, and reopening the page resends it; the server counts it once (200)', async () => {
  // Prepare
  const shipment = await dispatch();
  const posts = postsTo(page, shipment.receiptCode);
  await openReceipt(shipment);
  await page.getByLabel('Nama penerima').fill('Juproni');
  await page.getByRole('button', { name: 'Semua barang diterima baik' }).tap();
  // The request reaches the server, which records it; the answer never reaches the phone.
  await page.route(`**/receipts/${shipment.receiptCode}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  // Act
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  await page.getByText('Tersimpan di HP — akan dikirim otomatis saat sinyal kembali').waitFor();
  const recordedMeanwhile = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body;
  await page.unroute(`**/receipts/${shipment.receiptCode}`);
  const [resend] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/receipts/')),
    page.reload(),
  ]);
  await page.getByRole('heading', { name: /Terima kasih, penerimaan sudah tercatat/ }).waitFor();
  // Assess
  expect(recordedMeanwhile.receipt?.receivedBy.name).toBe('Juproni');
  expect(resend.status()).toBe(200);
  expect(posts).toHaveLength(2);
  expect(JSON.parse(posts[1] ?? '{}').clientRequestId).toBe(JSON.parse(posts[0] ?? '{}').clientRequestId);
  expect(await page.getByText('Semua barang diterima baik.').isVisible()).toBe(true);
  const recorded = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body;
  expect(recorded.receipt).toMatchObject({ version: 1, discrepancy: false });
  expect(recorded.receiptHistory).toEqual([]);
  const audit = await s.organizer.get<{ items: AuditEntry[] }>(`/audit?shipmentId=${shipment.id}`);
  expect(audit.body.items.filter((entry) => entry.action === 'receipt.confirmed')).toHaveLength(1);
  // Chromium logs the reset connection; the page handled it.
  problems.splice(0, problems.length, ...problems.filter((each) => !/ERR_CONNECTION_RESET/.test(each)));
});

test('missing answers are marked beside their fields in Indonesian, the API’s phone message too', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  // Act: nothing filled in.
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  const nameMessage = await fieldMessage(page, 'Nama penerima');
  const boxesMessage = await lineOf('Kotak suara').locator('.error:visible').allTextContents();
  // More than shipped, live.
  const boxes = quantityOf(shipment, 'KOTAK_SUARA');
  await lineOf('Kotak suara')
    .getByLabel('Baik', { exact: true })
    .fill(String(boxes + 1));
  const overMessage = await lineOf('Kotak suara').locator('.error:visible').allTextContents();
  // A phone number the API refuses.
  await page.getByLabel('Nama penerima').fill('Juproni');
  await page.getByLabel('Nomor HP (opsional)').fill('12345');
  await page.getByRole('button', { name: 'Semua barang diterima baik' }).tap();
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  await page.getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  const phoneMessage = await fieldMessage(page, 'Nomor HP (opsional)');
  await screenshot(page, 'browser-receipt-errors');
  // Assess
  expect(nameMessage).toBe('Wajib diisi');
  expect(boxesMessage).toEqual(['Barang ini belum diisi']);
  expect(overMessage).toEqual([`Baik + rusak ringan + rusak berat melebihi jumlah kiriman (${boxes})`]);
  expect(phoneMessage).toMatch(/nomor/i);
  expect((await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.receipt).toBeNull();
  expect(await overflowsSideways(page)).toBe(false);
});

test('what was typed survives a reload of the tab (camera, WhatsApp) and is forgotten once recorded', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  const boxes = quantityOf(shipment, 'KOTAK_SUARA');
  await page.getByLabel('Nama penerima').fill('Siti Nur’aini');
  await page.getByLabel('Nomor HP (opsional)').fill('0812 3333 4444');
  await lineOf('Kotak suara')
    .getByLabel('Baik', { exact: true })
    .fill(String(boxes - 1));
  await lineOf('Kotak suara').getByLabel('Rusak ringan', { exact: true }).fill('1');
  await page.getByLabel('Catatan (opsional)').fill('Satu kotak penyok.');
  // Act: the phone reloads the tab.
  await page.reload();
  await page.getByRole('heading', { name: 'Konfirmasi penerimaan' }).waitFor();
  const back = {
    name: await page.getByLabel('Nama penerima').inputValue(),
    phone: await page.getByLabel('Nomor HP (opsional)').inputValue(),
    good: await lineOf('Kotak suara').getByLabel('Baik', { exact: true }).inputValue(),
    minor: await lineOf('Kotak suara').getByLabel('Rusak ringan', { exact: true }).inputValue(),
    note: await page.getByLabel('Catatan (opsional)').inputValue(),
  };
  await screenshot(page, 'browser-receipt-draft-restored');
  for (const line of shipment.lines.filter((each) => each.itemCode !== 'KOTAK_SUARA')) {
    await lineOf(line.name)
      .getByRole('button', { name: `Semua ${line.name} baik` })
      .tap();
  }
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  await page.getByRole('heading', { name: /Terima kasih, penerimaan sudah tercatat/ }).waitFor();
  const kept = await page.evaluate(`localStorage.getItem('siap.terima.draft.${shipment.receiptCode}')`);
  // Assess
  expect(back).toEqual({
    name: 'Siti Nur’aini',
    phone: '0812 3333 4444',
    good: String(boxes - 1),
    minor: '1',
    note: 'Satu kotak penyok.',
  });
  expect(kept).toBeNull();
  const recorded = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.receipt;
  expect(recorded?.receivedBy.name).toBe('Siti Nur’aini');
  expect(recorded?.lines.find((line) => line.itemCode === 'KOTAK_SUARA')).toMatchObject({ minorDamage: 1 });
});

test('more counted than shipped: no negative "Hilang", one message at the line, and the notice goes once fixed', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  const ballots = quantityOf(shipment, 'SURAT_SUARA');
  await page.getByLabel('Nama penerima').fill('Juproni');
  await page.getByRole('button', { name: 'Semua barang diterima baik' }).tap();
  // Act
  await lineOf('Surat suara')
    .getByLabel('Baik', { exact: true })
    .fill(String(ballots + 84));
  const missingLive = await lineOf('Surat suara').locator('output').textContent();
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  await page.getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  const messages = await lineOf('Surat suara').locator('.error:visible').allTextContents();
  const missingAfter = await lineOf('Surat suara').locator('output').textContent();
  const goodField = lineOf('Surat suara').getByLabel('Baik', { exact: true });
  const describedBy = (await goodField.getAttribute('aria-describedby')) ?? '';
  const fieldSays = await page.locator(`[id="${describedBy}"]`).textContent();
  const marked = await goodField.getAttribute('aria-invalid');
  await screenshot(page, 'browser-receipt-over-shipped');
  await lineOf('Surat suara').screenshot({ path: 'test-artifacts/browser-receipt-over-shipped-line.png' });
  await lineOf('Surat suara').getByLabel('Baik', { exact: true }).fill(String(ballots));
  const noticeAfterFix = await page.getByRole('alert').count();
  // Assess
  const over = `Baik + rusak ringan + rusak berat melebihi jumlah kiriman (${ballots.toLocaleString('id-ID')})`;
  expect(missingLive).toBe('—');
  expect(missingAfter).toBe('—');
  expect(messages).toEqual([over]);
  expect(fieldSays).toBe(over);
  expect(marked).toBe('true');
  expect(await page.locator('body').textContent()).not.toMatch(/Hilang\s*-\d/);
  expect(noticeAfterFix).toBe(0);
  expect(await lineOf('Surat suara').locator('.error:visible').count()).toBe(0);
  expect((await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.receipt).toBeNull();
});

test('confirmed by someone else while the form was open: the 409 shows what was recorded; reopened, it is read-only', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  await page.getByLabel('Nama penerima').fill('Petugas Kedua');
  await page.getByRole('button', { name: 'Semua barang diterima baik' }).tap();
  const first = await s.anonymous.post(`/receipts/${shipment.receiptCode}`, {
    receivedBy: { name: 'Petugas Pertama' },
    lines: shipment.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    })),
    clientRequestId: 'other-phone-1',
  });
  // Act
  await page.getByRole('button', { name: 'Kirim konfirmasi' }).tap();
  await page.getByRole('heading', { name: 'Penerimaan sudah dikonfirmasi' }).waitFor();
  const conflictText = await page.locator('.outcome').textContent();
  await page.reload();
  await page.getByRole('heading', { name: 'Penerimaan sudah dikonfirmasi' }).waitFor();
  // Assess
  expect(first.status).toBe(201);
  expect(conflictText).toContain('sudah dikonfirmasi sebelumnya');
  expect(conflictText).toContain('Petugas Pertama');
  expect(await page.getByRole('button', { name: 'Kirim konfirmasi' }).count()).toBe(0);
  expect(await page.locator('.outcome').textContent()).toContain('Petugas Pertama');
  expect((await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.receipt?.receivedBy.name).toBe(
    'Petugas Pertama',
  );
});

test('the signed BAST: a real JPEG photo is verified; a "PNG" that is not one is refused in Indonesian', async () => {
  // Prepare: a real JPEG drawn by the browser itself.
  const shipment = await dispatch();
  await openReceipt(shipment);
  const dataUrl = (await page.evaluate(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320; canvas.height = 240;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#000'; g.font = '20px sans-serif'; g.fillText('BAST ditandatangani', 20, 120);
    return canvas.toDataURL('image/jpeg', 0.8);
  })()`)) as string;
  const jpeg = Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
  // Act
  await page
    .getByLabel('Pilih foto atau berkas BAST')
    .setInputFiles({ name: 'bast-desa.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByRole('button', { name: 'Unggah' }).tap();
  const verified = page.getByText('Foto BAST diterima dan sudah diperiksa.');
  await verified.or(page.getByRole('alert')).waitFor();
  const afterJpeg = (await page.locator('#bast-status').textContent()) ?? '';
  expect(afterJpeg).toBe('Foto BAST diterima dan sudah diperiksa.');
  await page.getByLabel('Pilih foto atau berkas BAST').setInputFiles({
    name: 'foto.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not really a png file at all'),
  });
  await page.getByRole('button', { name: 'Unggah' }).tap();
  await page.getByRole('alert').filter({ hasText: 'PNG' }).waitFor();
  const afterFake = await page.locator('#bast-status').textContent();
  await screenshot(page, 'browser-receipt-upload');
  // Assess
  expect(afterFake).toBe('Isi berkas bukan PNG seperti yang disebutkan');
  const documents = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.documents;
  // The refused file does not count: only the photo is listed, verified, with its real size.
  expect(documents.map((each) => [each.fileName, each.status, each.size])).toEqual([
    ['bast-desa.jpg', 'verified', jpeg.length],
  ]);
  expect(await page.locator('.docs li').allTextContents()).toEqual(['bast-desa.jpgdiperiksa ✓']);
});

test('a file over 10 MB is refused on the phone before anything is sent', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/documents')) asked.push(request.url());
  });
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x25);
  big.write('%PDF-1.7\n');
  // Act
  await page
    .getByLabel('Pilih foto atau berkas BAST')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
  await page.getByRole('button', { name: 'Unggah' }).tap();
  await page.getByRole('alert').waitFor();
  // Assess
  expect(await page.locator('#bast-status').textContent()).toBe(
    'Berkas lebih dari 10 MB. Kecilkan ukuran foto, lalu coba lagi.',
  );
  expect(asked).toEqual([]);
});

test('a photo larger than 10 MB is redrawn smaller on the phone and declared as the JPEG it became', async () => {
  // Prepare: 2000 x 1500 pixels of noise, a PNG of about 12 MB (too big to send as it is).
  const shipment = await dispatch();
  await openReceipt(shipment);
  const width = 2000;
  const height = 1500;
  const png = new PNG({ width, height });
  let seed = 7;
  for (let index = 0; index < png.data.length; index++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[index] = index % 4 === 3 ? 255 : seed >> 23;
  }
  const photo = PNG.sync.write(png, { deflateLevel: 0, filterType: 0 });
  // Act
  const [ticket] = await Promise.all([
    page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/documents')),
    (async () => {
      await page.getByLabel('Pilih foto atau berkas BAST').setInputFiles({
        name: 'IMG_20230208_101500.png',
        mimeType: 'image/png',
        buffer: photo,
      });
      await page.getByRole('button', { name: 'Unggah' }).tap();
    })(),
  ]);
  // Assess
  expect(photo.length).toBeGreaterThan(10 * 1024 * 1024);
  const declared = JSON.parse(ticket.postData() ?? '{}') as { fileName: string; contentType: string; size: number };
  expect(declared.fileName).toBe('IMG_20230208_101500.jpg');
  expect(declared.contentType).toBe('image/jpeg');
  expect(declared.size).toBeLessThan(photo.length);
  expect(declared.size).toBeLessThanOrEqual(10 * 1024 * 1024);
  // Storing the file is the next test's subject; this one stops at what the phone declares.
  await page
    .locator('#bast-status')
    .filter({ hasNotText: /Menyiapkan/ })
    .waitFor();
  problems.splice(0, problems.length, ...problems.filter((each) => !/Content Security Policy/.test(each)));
});

test('in English the page, its checks and the API’s messages are English; the choice is remembered', async () => {
  // Prepare
  const shipment = await dispatch();
  await openReceipt(shipment);
  // Act
  await page.getByRole('button', { name: 'Switch to English' }).tap();
  await page.getByRole('heading', { name: 'Confirm receipt' }).waitFor();
  await page.getByRole('button', { name: 'Send confirmation' }).tap();
  const nameMessage = await fieldMessage(page, 'Received by (name)');
  await page.getByLabel('Received by (name)').fill('Juproni');
  await page.getByLabel('Mobile phone (optional)').fill('12345');
  await page.getByRole('button', { name: 'Everything arrived in good order' }).tap();
  await page.getByRole('button', { name: 'Send confirmation' }).tap();
  await page.getByRole('alert').filter({ hasText: 'Check the marked fields.' }).waitFor();
  const phoneMessage = await fieldMessage(page, 'Mobile phone (optional)');
  await page.reload();
  await page.getByRole('heading', { name: 'Confirm receipt' }).waitFor();
  // Assess
  expect(nameMessage).toBe('Required');
  expect(phoneMessage).toMatch(/phone/i);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
});

test('a cold load on a phone transfers at most 60 KB and never touches the organizer app', async () => {
  // Prepare
  const shipment = await dispatch();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
  // Act
  await openReceipt(shipment);
  await page.waitForLoadState('networkidle');
  // Assess
  const files = [...urls].map(([id, url]) => ({ path: new URL(url).pathname, bytes: sizes.get(id) ?? 0 }));
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `receipt page cold load: ${total} bytes\n${files.map((file) => `  ${file.bytes}\t${file.path}`).join('\n')}`,
  );
  const paths = files.map((file) => file.path);
  expect(paths).toHaveLength(4);
  expect(paths).toEqual(
    expect.arrayContaining([
      `/terima/${shipment.receiptCode}`,
      `/receipts/${shipment.receiptCode}`,
      expect.stringMatching(/^\/assets\/receipt-[A-Z0-9]{8}\.js$/),
      expect.stringMatching(/^\/assets\/receipt-[A-Z0-9]{8}\.css$/),
    ]),
  );
  expect(files.every((file) => file.bytes > 0)).toBe(true);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  await screenshot(page, 'browser-receipt-form');
  expect(await overflowsSideways(page)).toBe(false);
});

test('an unknown code shows a plain "Kode tidak dikenal" page', async () => {
  // Act
  await page.goto(`/terima/${'0'.repeat(26)}`);
  await page.getByRole('heading', { name: 'Kode tidak dikenal' }).waitFor();
  await screenshot(page, 'browser-receipt-unknown');
  // Assess
  expect(await page.locator('form').count()).toBe(0);
});

// Last: it uses up this test stack's allowance of failed codes from 127.0.0.1.
test('after too many wrong codes the page says to try again later', async () => {
  // Prepare
  // A busy stack may answer 503 before judging a code; keep guessing until the limit answers.
  let status = 0;
  for (let attempt = 0; attempt < 200 && status !== 429; attempt++) {
    status = (await s.anonymous.get(`/receipts/${String(attempt).padStart(26, '1')}`)).status;
  }
  expect(status).toBe(429);
  // Act
  await page.goto(`/terima/${'2'.repeat(26)}`);
  await page.getByRole('heading', { name: 'Terlalu banyak percobaan, coba lagi nanti' }).waitFor();
  // Assess
  expect(await page.getByRole('button', { name: 'Coba lagi' }).isVisible()).toBe(true);
});
