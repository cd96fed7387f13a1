/**
 * The organizer's logistics pages on a phone: the allocation formula, dispatch with its one-time
 * receipt code (BAST, link, WhatsApp), over-allocation and its override, the overview, the
 * catalogue, one desa's manual allocation, a shipment's page (new code, admin correction, history)
 * and a session's history tab.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { demoRules } from '#local/demo/catalogue.ts';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import type { Allocation, Item, Shipment } from '#shared/logistics/contract.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
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

type Created = Shipment & { receiptCode: string; receiptUrl: string };

let s: BrowserStack;
let context: BrowserContext;
let page: Page;
let problems: string[];

const first = villages[0] as (typeof villages)[number];
const second = villages[1] as (typeof villages)[number];
const kecamatanName = (code: string) => kecamatan.find((each) => each.code === code)?.name ?? code;

beforeAll(async () => {
  s = await startBrowserStack();
  // The chair of the first desa registered for the seeded session, with a phone for WhatsApp.
  const chair = await s.organizer.post(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: first.code,
    phone: '0812 7777 1234',
  });
  expect(chair.status).toBe(201);
  // Every desa starts with the usual allocation; the first test changes and saves it through the page.
  expect((await s.organizer.post('/allocations/apply', { rules: demoRules })).status).toBe(200);
  context = await phoneContext(s.browser, s.stack.url);
  ({ page, problems } = await openPage(context));
  await signIn(page, 'organizer', 'Rina Marlina');
});
afterAll(async () => {
  await context.close();
  await s.stop();
});
afterEach(() => {
  expect(problems).toEqual([]);
});

async function go(hash: string, title: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const allocationOf = async (code: string) =>
  (await s.organizer.get<{ items: Allocation[] }>('/allocations')).body.items.find((each) => each.villageCode === code);

// A tiny but real JPEG (SOI, APP0 JFIF header, EOI).
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/** A village's BAST photo stored and verified the way the receipt page does it, from Node. */
async function uploadThroughApi(code: string): Promise<string> {
  const ticket = await s.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
    `/receipts/${code}/documents`,
    { fileName: 'bast.jpg', contentType: 'image/jpeg', size: JPEG.length },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'bast.jpg');
  expect((await fetch(ticket.body.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const done = await s.anonymous.post<{ status: string }>(
    `/receipts/${code}/documents/${ticket.body.documentId}/complete`,
  );
  expect(done.body.status).toBe('verified');
  return ticket.body.documentId;
}

const cell = (row: ReturnType<Page['getByRole']>, index: number) => row.locator('td').nth(index).textContent();

test('the formula: prefilled with the rules saved last, the preview totals per item and desa, then saved for every desa', async () => {
  // Prepare
  await go('/logistik/alokasi', 'Alokasi');
  const applyBefore = await page.getByRole('button', { name: 'Simpan alokasi' }).isDisabled();
  const source = await page.getByText(/^Diisi dari rumus yang terakhir disimpan/).isVisible();
  const ballots = page.getByRole('group', { name: 'Surat suara', exact: true });
  const prefilled = [
    await ballots.getByLabel('Dasar').inputValue(),
    await ballots.getByLabel('Jumlah').inputValue(),
    await ballots.getByLabel('Cadangan (%)').inputValue(),
  ];
  // Act: glue doubled, then preview and save.
  await page.getByRole('group', { name: 'Lem perekat', exact: true }).getByLabel('Jumlah').fill('2');
  await page.getByRole('button', { name: 'Pratinjau' }).tap();
  await page.getByText('Pratinjau untuk 82 desa; belum disimpan.').waitFor();
  const totals = page.locator('table.totals');
  const ballotTotal = await cell(totals.getByRole('row', { name: /^Surat suara/ }), 0);
  const glueTotal = await cell(totals.getByRole('row', { name: /^Lem perekat/ }), 0);
  await page.getByText('Per desa (82 desa)').tap();
  const firstRow = page.locator('table.per-village').getByRole('row', { name: new RegExp(`^${first.name}`) });
  const firstFigures = [await cell(firstRow, 0), await cell(firstRow, 1)];
  await screenshot(page, 'browser-logistics-allocation');
  await page.getByRole('button', { name: 'Simpan alokasi' }).tap();
  await page.getByText('Alokasi tersimpan untuk 82 desa.').waitFor();
  // Assess
  expect(applyBefore).toBe(true);
  expect(source).toBe(true);
  expect(prefilled).toEqual(['perVoter', '1', '2.5']);
  const sum = (pick: (village: (typeof villages)[number]) => number) =>
    villages.reduce((total, village) => total + pick(village), 0);
  const expectedBallots = sum((village) => Math.ceil(village.dpt * 1.025 - 1e-9));
  expect(ballotTotal?.replace(/\./g, '')).toBe(String(expectedBallots));
  expect(glueTotal?.replace(/\./g, '')).toBe(String(sum((village) => village.tps * 2)));
  expect(firstFigures.map((each) => each?.replace(/\./g, ''))).toEqual([String(first.dpt), String(first.tps)]);
  const saved = await allocationOf(first.code);
  expect(saved?.source).toBe('formula');
  expect(saved?.lines.find((line) => line.itemCode === 'LEM')?.quantity).toBe(first.tps * 2);
  expect(await overflowsSideways(page)).toBe(false);
  // Put the usual rules back for the dispatch tests.
  expect((await s.organizer.post('/allocations/apply', { rules: demoRules })).status).toBe(200);
});

test('dispatch: lines from the allocation, the code shown once, WhatsApp to the chair with the link, the BAST as PDF, then "menunggu konfirmasi"', async () => {
  // Prepare
  const expected = allocateAll(demoRules, first);
  await go('/logistik/kirim', 'Kirim logistik ke desa');
  // Act
  await page.getByLabel('Kecamatan').selectOption({ label: kecamatanName(first.kecamatanCode) });
  await page.getByLabel('Desa', { exact: true }).selectOption({ label: first.name });
  await page.getByLabel('Surat suara (lembar)').waitFor();
  const ballots = await page.getByLabel('Surat suara (lembar)').inputValue();
  const receiver = await page.getByRole('group', { name: 'Diterima oleh (desa)' }).getByLabel('Nama').inputValue();
  const giver = page.getByRole('group', { name: 'Diserahkan oleh (DPMD)' });
  await giver.getByLabel('Nama').fill('Drs. H. Zulkarnain, M.Si.');
  await giver.getByLabel('Jabatan').fill('Kepala Bidang Pemerintahan Desa');
  await screenshot(page, 'browser-logistics-dispatch-form');
  await page.getByRole('button', { name: 'Kirim dan buat BAST' }).tap();
  await page.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
  const code = (await page.locator('.receipt-code').getAttribute('data-code')) ?? '';
  const shownCode = await page.locator('.receipt-code').textContent();
  const whatsApp = (await page.getByRole('link', { name: /lewat WhatsApp/ }).getAttribute('href')) ?? '';
  await screenshot(page, 'browser-logistics-dispatched');
  const download = page.waitForEvent('download');
  const [bast] = await Promise.all([
    page.waitForResponse((response) => response.url().includes('/bast.pdf')),
    page.getByRole('button', { name: 'Cetak BAST' }).tap(),
  ]);
  // Assess
  expect(Number(ballots)).toBe(expected.find((line) => line.itemCode === 'SURAT_SUARA')?.quantity);
  expect(receiver).toBe('Juproni');
  const shipments = (await s.organizer.get<{ items: Shipment[] }>(`/shipments?villageCode=${first.code}`)).body.items;
  expect(shipments).toHaveLength(1);
  const shipment = shipments[0] as Shipment;
  expect(shipment.lines.map((line) => ({ itemCode: line.itemCode, quantity: line.quantity }))).toEqual(
    expect.arrayContaining(expected.filter((line) => line.quantity > 0)),
  );
  const full = (await s.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body;
  expect(full.handedOverBy).toEqual({ name: 'Drs. H. Zulkarnain, M.Si.', title: 'Kepala Bidang Pemerintahan Desa' });
  expect(full.receivedBy).toEqual({ name: 'Juproni', title: `Ketua Panitia Pemilihan Kepala Desa ${first.name}` });
  expect(shownCode?.replace(/\s/g, '')).toBe(code);
  const receipt = await s.anonymous.get<{ bastNumber: string }>(`/receipts/${code}`);
  expect(receipt.body.bastNumber).toBe(shipment.bastNumber);
  const receiptUrl = `${s.stack.url}/terima/${code}`;
  expect(whatsApp.startsWith('https://wa.me/6281277771234?text=')).toBe(true);
  expect(whatsApp).toContain(encodeURIComponent(receiptUrl));
  expect(decodeURIComponent(whatsApp.split('text=')[1] ?? '')).toContain(`Desa ${first.name}`);
  expect(bast.request().headers()['x-receipt-code']).toBe(code);
  expect(bast.status()).toBe(200);
  const pdf = readFileSync((await (await download).path()) as string);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The overview now lists the desa as waiting for the village's confirmation.
  await go('/logistik', 'Logistik');
  await page.getByLabel('Kecamatan').selectOption({ label: kecamatanName(first.kecamatanCode) });
  const row = page.getByRole('link', { name: new RegExp(`^${first.name}`) });
  const rowText = await row.textContent();
  const tile = await page.getByRole('button', { name: /Menunggu konfirmasi/ }).textContent();
  await screenshot(page, 'browser-logistics-summary');
  expect(rowText).toContain('Menunggu konfirmasi');
  expect(rowText).toContain('1 pengiriman');
  expect(tile).toBe('1Menunggu konfirmasi');
  expect(await overflowsSideways(page)).toBe(false);
});

test('over the allocation: each line says by how much; a reason is required, then the override ships', async () => {
  // Prepare: the first desa already received its whole allocation above.
  await go(`/logistik/kirim/${first.code}`, 'Kirim logistik ke desa');
  const ballots = page.getByLabel('Surat suara (lembar)');
  await ballots.waitFor();
  const remaining = await ballots.inputValue();
  // Act
  await ballots.fill('50');
  await page.getByRole('button', { name: 'Kirim dan buat BAST' }).tap();
  await page.getByRole('heading', { name: 'Tetap kirim melebihi alokasi?' }).waitFor();
  const lineMessage = await fieldMessage(page, 'Surat suara (lembar)');
  await page.getByLabel('Alasan melebihi alokasi').fill('ok');
  await page.getByRole('button', { name: 'Kirim melebihi alokasi' }).tap();
  await page.getByText('Minimal 5 karakter').waitFor();
  const reasonMessage = await fieldMessage(page, 'Alasan melebihi alokasi');
  await screenshot(page, 'browser-logistics-over-allocation');
  await page.getByLabel('Alasan melebihi alokasi').fill('Pengganti surat suara rusak saat pengepakan');
  await page.getByRole('button', { name: 'Kirim melebihi alokasi' }).tap();
  await page.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
  // Assess
  expect(remaining).toBe('0');
  const allocated = allocateAll(demoRules, first).find((line) => line.itemCode === 'SURAT_SUARA')?.quantity;
  // The field announces its hint (what is left) and the API's message.
  expect(lineMessage).toBe(
    `Alokasi ${allocated?.toLocaleString('id-ID')} · sudah dikirim ${allocated?.toLocaleString('id-ID')} · sisa 0 ` +
      `Melebihi alokasi: alokasi ${allocated?.toLocaleString('id-ID')}, sudah dikirim ${allocated?.toLocaleString('id-ID')}, diminta 50`,
  );
  expect(reasonMessage).toBe('Minimal 5 karakter');
  const shipments = (await s.organizer.get<{ items: Shipment[] }>(`/shipments?villageCode=${first.code}`)).body.items;
  expect(shipments).toHaveLength(2);
  const extra = (await s.organizer.get<Shipment>(`/shipments/${shipments[0]?.id}`)).body;
  expect(extra.lines.map((line) => [line.itemCode, line.quantity])).toEqual([['SURAT_SUARA', 50]]);
  expect(extra.overAllocation).toEqual({ reason: 'Pengganti surat suara rusak saat pengepakan' });
});

test('a shipment’s page: what arrived, a new code (the old one stops working), the admin’s correction kept in history, the trail', async () => {
  // Prepare: dispatched and confirmed with 20 ballots missing, through the API.
  const lines = (await allocationOf(second.code))?.lines.filter((line) => line.quantity > 0) ?? [];
  const created = (await s.organizer.post<Created>('/shipments', { villageCode: second.code, lines })).body;
  const confirmed = await s.anonymous.post(`/receipts/${created.receiptCode}`, {
    receivedBy: { name: 'Siti Nur’aini' },
    lines: created.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.itemCode === 'SURAT_SUARA' ? line.quantity - 20 : line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    })),
  });
  expect(confirmed.status).toBe(201);
  const documentId = await uploadThroughApi(created.receiptCode);
  const admin = await phoneContext(s.browser, s.stack.url);
  const opened = await openPage(admin);
  const adminPage = opened.page;
  await signIn(adminPage, 'admin', 'Admin DPMD');
  // Act
  await adminPage.goto(`/#/logistik/kiriman/${created.id}`);
  await adminPage.getByRole('heading', { level: 1, name: `Pengiriman ${created.bastNumber}` }).waitFor();
  const ballotRow = adminPage
    .locator('table.items-table')
    .first()
    .getByRole('row', { name: /^Surat suara/ });
  const missing = await ballotRow.locator('td').nth(4).textContent();
  await adminPage.getByRole('button', { name: 'Terbitkan kode baru' }).tap();
  await adminPage.getByRole('button', { name: 'Ya, terbitkan kode baru' }).tap();
  await adminPage.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
  const newCode = (await adminPage.locator('.receipt-code').getAttribute('data-code')) ?? '';
  const [documentRequest] = await Promise.all([
    admin.waitForEvent(
      'request',
      (request) => request.url().startsWith(s.stack.s3Endpoint) && request.url().includes(documentId),
    ),
    adminPage.getByRole('button', { name: 'Unduh bast.jpg' }).tap(),
  ]);
  const fix = adminPage.getByRole('group', { name: 'Surat suara', exact: true });
  await fix
    .getByLabel('Baik', { exact: true })
    .fill(String(lines.find((l) => l.itemCode === 'SURAT_SUARA')?.quantity ?? 0));
  await adminPage.getByLabel('Alasan perbaikan').fill('Surat suara yang hilang ternyata tertinggal di kantor camat');
  await adminPage.getByRole('button', { name: 'Simpan perbaikan' }).tap();
  await adminPage.getByText('Perbaikan tersimpan (versi 2).').waitFor();
  await adminPage.getByText('Konfirmasi sebelumnya (1)').tap();
  await adminPage.locator('.audit-entry').first().waitFor();
  const actions = await adminPage.locator('.audit-entry strong').allTextContents();
  await screenshot(adminPage, 'browser-logistics-shipment');
  // Assess
  expect(missing).toBe('20');
  const stored = await fetch(documentRequest.url());
  expect(stored.status).toBe(200);
  expect(Buffer.from(await stored.arrayBuffer()).equals(JPEG)).toBe(true);
  expect((await s.anonymous.get(`/receipts/${created.receiptCode}`)).status).toBe(404);
  expect((await s.anonymous.get(`/receipts/${newCode}`)).status).toBe(200);
  const after = (await s.organizer.get<Shipment>(`/shipments/${created.id}`)).body;
  expect(after.receipt).toMatchObject({ version: 2, discrepancy: false });
  expect(after.receiptHistory).toHaveLength(1);
  expect(await adminPage.getByRole('heading', { name: 'Versi 1', exact: true }).isVisible()).toBe(true);
  expect(actions).toEqual(
    expect.arrayContaining([
      'Penerimaan diperbaiki',
      'Kode penerimaan baru diterbitkan',
      'Penerimaan dikonfirmasi desa',
      'Logistik dikirim',
    ]),
  );
  expect(await overflowsSideways(adminPage)).toBe(false);
  expect(opened.problems).toEqual([]);
  await admin.close();
});

test('the overview’s downloads: CSV and Excel of the logistics per desa and item', async () => {
  // Prepare
  await go('/logistik', 'Logistik');
  // Act
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV$/ }).tap()]);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel$/ }).tap()]);
  // Assess
  const text = readFileSync((await csv.path()) as string, 'utf8');
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  expect(text).toContain(first.name);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // An XLSX is a ZIP: it starts with "PK".
  expect(
    readFileSync((await xlsx.path()) as string)
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
});

test('an organizer sees no correction form', async () => {
  // Prepare
  const shipment = (await s.organizer.get<{ items: Shipment[] }>(`/shipments?villageCode=${second.code}`)).body
    .items[0];
  // Act
  await go(`/logistik/kiriman/${shipment?.id}`, `Pengiriman ${shipment?.bastNumber}`);
  // Assess
  expect(await page.getByRole('heading', { name: 'Perbaiki penerimaan (admin)' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Terbitkan kode baru' }).isVisible()).toBe(true);
});

test('the catalogue: a new item with a typed code, then renamed; a missing name is marked', async () => {
  // Prepare
  await go('/logistik/katalog', 'Katalog barang');
  // Act
  await page.getByLabel('Kode barang').fill('payung tps');
  await page.getByLabel('Satuan', { exact: true }).fill('buah');
  await page.getByRole('button', { name: 'Simpan' }).tap();
  await page.getByRole('alert').waitFor();
  const nameMessage = await fieldMessage(page, 'Nama barang');
  await page.getByLabel('Nama barang').fill('Payung TPS');
  await page.getByRole('button', { name: 'Simpan' }).tap();
  await page.getByText('Tersimpan: Payung TPS').waitFor();
  await page.getByRole('button', { name: 'Ubah Payung TPS' }).tap();
  await page.locator('.item-edit').getByLabel('Nama barang').fill('Payung tenda TPS');
  await page.locator('.item-edit').getByRole('button', { name: 'Simpan' }).tap();
  await page.getByText('Tersimpan: Payung tenda TPS').waitFor();
  await screenshot(page, 'browser-logistics-catalogue');
  // Assess
  expect(nameMessage).toBe('Wajib diisi');
  const items = (await s.organizer.get<{ items: Item[] }>('/items')).body.items;
  expect(items.find((item) => item.code === 'PAYUNG_TPS')).toEqual({
    code: 'PAYUNG_TPS',
    name: 'Payung tenda TPS',
    unit: 'buah',
  });
  expect(await overflowsSideways(page)).toBe(false);
});

test('one desa’s allocation set by hand', async () => {
  // Prepare
  const village = villages[2] as (typeof villages)[number];
  await go('/logistik/alokasi', 'Alokasi');
  const manual = page.locator('form').filter({ hasText: 'Ubah alokasi satu desa' });
  // Act
  await manual.getByLabel('Kecamatan').selectOption({ label: kecamatanName(village.kecamatanCode) });
  await manual.getByLabel('Desa', { exact: true }).selectOption({ label: village.name });
  await manual.getByLabel('Lem perekat (buah)').fill('7');
  await manual.getByRole('button', { name: 'Simpan alokasi desa' }).tap();
  await page.getByText(`Alokasi Desa ${village.name} tersimpan.`).waitFor();
  const state = await manual.getByText(/Alokasi saat ini diubah manual/).textContent();
  // Assess
  const saved = await allocationOf(village.code);
  expect(saved?.source).toBe('manual');
  expect(saved?.lines.find((line) => line.itemCode === 'LEM')?.quantity).toBe(7);
  expect(state).toMatch(/^Alokasi saat ini diubah manual/);
});

test('a desa’s page lists its shipments and its history', async () => {
  // Act
  await go(`/logistik/desa/${first.code}`, `Desa ${first.name}`);
  const cards = await page.locator('.cards .card-title').allTextContents();
  await page.locator('.audit-entry').first().waitFor();
  const actions = await page.locator('.audit-entry strong').allTextContents();
  // Assess
  const shipments = (await s.organizer.get<{ items: Shipment[] }>(`/shipments?villageCode=${first.code}`)).body.items;
  expect(cards.sort()).toEqual(shipments.map((each) => each.bastNumber).sort());
  expect(actions.filter((action) => action === 'Logistik dikirim')).toHaveLength(2);
});

test('a session’s Riwayat tab names who registered and who checked in', async () => {
  // Prepare
  const registrations = await s.organizer.get<{ items: Array<{ id: string; fullName: string }> }>(
    `/sessions/${s.sessionId}/registrations`,
  );
  const juproni = registrations.body.items.find((each) => each.fullName === 'Juproni');
  expect(
    (await s.organizer.post(`/sessions/${s.sessionId}/registrations/${juproni?.id}/check-in`)).status,
  ).toBeLessThan(300);
  // Act
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/riwayat`);
  await page.locator('.audit-entry').first().waitFor();
  const entries = await page.locator('.audit-entry').allTextContents();
  await screenshot(page, 'browser-session-history');
  // Assess
  expect(entries.some((each) => each.includes('Hadir') && each.includes('Juproni'))).toBe(true);
  expect(
    entries.some(
      (each) =>
        each.includes('Pendaftaran') && each.includes(`mendaftarkan Juproni sebagai Ketua Panitia Desa ${first.name}.`),
    ),
  ).toBe(true);
  expect(await overflowsSideways(page)).toBe(false);
  // The audit trail the page shows is the API's.
  const audit = await s.organizer.get<{ items: AuditEntry[] }>(`/audit?sessionId=${s.sessionId}`);
  expect(entries).toHaveLength(audit.body.items.length);
});
