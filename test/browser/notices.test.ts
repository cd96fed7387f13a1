/**
 * One notice at a time, always the current one, and messages that say what the page shows: the
 * allocation formula's preview and save, a manual allocation of −3, a dispatch over the
 * allocation, and the logistics pages' numbers with thousand separators.
 */
import type { Page } from 'playwright-core';
import { demoRules } from '#local/demo/catalogue.ts';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { Allocation } from '#shared/logistics/contract.ts';
import { type BrowserStack, fieldMessage, screenshot, usePhoneSession } from '#test/support/browser.ts';

const phone = usePhoneSession({ group: 'organizer', name: 'Rina Marlina' }, async (stack) => {
  expect((await stack.organizer.post('/allocations/apply', { rules: demoRules })).status).toBe(200);
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const village = villages[3] as (typeof villages)[number];
const kecamatanName = (code: string) => kecamatan.find((each) => each.code === code)?.name ?? code;
const allocationOf = async (code: string) =>
  (await s.organizer.get<{ items: Allocation[] }>('/allocations')).body.items.find((each) => each.villageCode === code);

async function go(hash: string, title: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The notices a form shows now (visible ones only). */
const noticesIn = (form: ReturnType<Page['locator']>) => form.locator('.notice:visible').allTextContents();

test('the formula: the preview’s "not saved yet" gives way to "saved", and a change after a preview says so instead', async () => {
  // Prepare
  await go('/logistik/alokasi', 'Alokasi');
  const formula = page.locator('form').filter({ hasText: 'Rumus alokasi' });
  // Act
  await page.getByRole('button', { name: 'Pratinjau' }).tap();
  await page.getByText('Pratinjau untuk 82 desa; belum disimpan.').waitFor();
  const afterPreview = await noticesIn(formula);
  await page.getByRole('button', { name: 'Simpan alokasi' }).tap();
  await page.getByText('Alokasi tersimpan untuk 82 desa.').waitFor();
  const afterSave = await noticesIn(formula);
  await screenshot(page, 'browser-notices-allocation-saved');
  await page.getByRole('button', { name: 'Pratinjau' }).tap();
  await page.getByText('Pratinjau untuk 82 desa; belum disimpan.').waitFor();
  await page.getByRole('group', { name: 'Lem perekat', exact: true }).getByLabel('Jumlah').fill('3');
  const afterChange = await noticesIn(formula);
  // Assess
  expect(afterPreview).toEqual(['Pratinjau untuk 82 desa; belum disimpan.']);
  expect(afterSave).toEqual(['Alokasi tersimpan untuk 82 desa.']);
  expect(afterChange).toEqual(['Aturan berubah sejak pratinjau; buat pratinjau lagi sebelum menyimpan.']);
  expect(await page.getByRole('button', { name: 'Simpan alokasi' }).isDisabled()).toBe(true);
});

test('a manual allocation of −3 is marked with the words of the hint ("0"), not "Minimal 1"; fixed, the notice goes', async () => {
  // Prepare
  const before = await allocationOf(village.code);
  await go('/logistik/alokasi', 'Alokasi');
  const manual = page.locator('form').filter({ hasText: 'Ubah alokasi satu desa' });
  await manual.getByLabel('Kecamatan').selectOption({ label: kecamatanName(village.kecamatanCode) });
  await manual.getByLabel('Desa', { exact: true }).selectOption({ label: village.name });
  // Act
  await manual.getByLabel('Lem perekat (buah)').fill('-3');
  await manual.getByRole('button', { name: 'Simpan alokasi desa' }).tap();
  await manual.getByRole('alert').waitFor();
  const message = await fieldMessage(page, 'Lem perekat (buah)');
  const notices = await noticesIn(manual);
  await screenshot(page, 'browser-notices-manual-negative');
  await manual.getByLabel('Lem perekat (buah)').fill('0');
  const afterFix = await noticesIn(manual);
  const messageAfterFix = await fieldMessage(page, 'Lem perekat (buah)');
  // Assess
  expect(message).toBe('Isi bilangan bulat 0 atau lebih (0 atau kosong: tidak dialokasikan)');
  expect(notices).toEqual(['Periksa isian yang ditandai.']);
  expect(afterFix).toEqual([]);
  expect(messageAfterFix).toBe('');
  expect(await allocationOf(village.code)).toEqual(before);
});

test('a dispatch over the allocation says what to do in the page’s words, with no English "(override)"', async () => {
  // Prepare
  await go(`/logistik/kirim/${village.code}`, 'Kirim logistik ke desa');
  const ballots = page.getByLabel('Surat suara (lembar)');
  await ballots.waitFor();
  const remaining = Number(await ballots.inputValue());
  const giver = page.getByRole('group', { name: 'Diserahkan oleh (DPMD)' });
  const marked = await giver.locator('.required-mark').count();
  await giver.getByLabel('Jabatan').fill('Kepala Bidang Pemerintahan Desa');
  // Act
  await ballots.fill(String(remaining + 10));
  await page.getByRole('button', { name: 'Kirim dan buat BAST' }).tap();
  await page.getByRole('heading', { name: 'Tetap kirim melebihi alokasi?' }).waitFor();
  const notices = await noticesIn(page.locator('form'));
  const text = (await page.locator('main').textContent()) ?? '';
  const hint = (await page.getByLabel('Surat suara (lembar)').getAttribute('aria-describedby')) ?? '';
  const hintText = await page.locator(`[id="${hint.split(' ')[0]}"]`).textContent();
  await screenshot(page, 'browser-notices-over-allocation');
  // Assess
  expect(notices[0]).toBe(
    'Jumlah yang ditandai melebihi alokasi desa ini. Bila memang disengaja, tulis alasannya di bawah lalu kirim.',
  );
  expect(text).not.toMatch(/override/i);
  // Who hands over is printed on the BAST: marked required before any submit.
  expect(marked).toBe(2);
  // Numbers in the hint are grouped the Indonesian way.
  expect(hintText).toMatch(/^Alokasi \d{1,3}(\.\d{3})* · sudah dikirim 0 · sisa \d{1,3}(\.\d{3})*$/);
  expect(hintText).toContain(remaining.toLocaleString('id-ID'));
});

test('a dispatch line of −2 is marked on the page before anything is sent', async () => {
  // Prepare
  await go(`/logistik/kirim/${village.code}`, 'Kirim logistik ke desa');
  await page.getByLabel('Lem perekat (buah)').waitFor();
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/shipments')) posts.push(request.url());
  });
  // Act
  await page.getByLabel('Lem perekat (buah)').fill('-2');
  await page.getByRole('button', { name: 'Kirim dan buat BAST' }).tap();
  await page.getByRole('alert').waitFor();
  const message = await fieldMessage(page, 'Lem perekat (buah)');
  // Assess
  expect(message).toContain('Isi bilangan bulat 0 atau lebih (0: tidak dikirim)');
  expect(posts).toEqual([]);
});

test('the catalogue marks its required fields before any submit', async () => {
  // Act
  await go('/logistik/katalog', 'Katalog barang');
  const catalogue = await page
    .locator('form.panel .field')
    .filter({ has: page.locator('.required-mark') })
    .locator('label')
    .allTextContents();
  // Assess
  expect(catalogue).toEqual(['Kode barang', 'Nama barang', 'Satuan']);
});
