import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Regions } from '#shared/regions/contract.ts';
import {
  type BrowserStack,
  openPage,
  overflowsSideways,
  phoneContext,
  screenshot,
  signIn,
  usePhoneSession,
} from '#test/support/browser.ts';

const folder = mkdtempSync(join(tmpdir(), 'siap-regions-'));

const phone = usePhoneSession({ group: 'admin', name: 'Admin DPMD' });
let s: BrowserStack;
let admin: Page;
beforeAll(() => {
  ({ stack: s, page: admin } = phone);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function csv(name: string, lines: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function openRegions(page: Page) {
  await page.goto('about:blank');
  await page.goto('/#/wilayah');
  await page.getByRole('heading', { name: 'Wilayah', exact: true }).waitFor();
  await page.getByRole('table').waitFor();
}

test('an admin uploads a CSV and sees how many kecamatan and desa were created, and the new desa listed', async () => {
  // Prepare
  const file = csv('wilayah-baru.csv', [
    'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa,dpt,tps',
    '16.09.20,Kecamatan Uji,16.09.20.2001,Sukamaju,1200,3',
    "16.09.20,Kecamatan Uji,16.09.20.2002,Tanjung Ma'mur,900,2",
  ]);
  await openRegions(admin);
  // Act
  await admin.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  await admin.getByRole('button', { name: 'Unggah', exact: true }).tap();
  const result = admin.getByRole('status').filter({ hasText: 'Data wilayah tersimpan.' });
  await result.waitFor();
  await admin.getByRole('rowheader', { name: /Sukamaju/ }).waitFor();
  await screenshot(admin, 'browser-regions-upload');
  // Assess
  const text = await result.textContent();
  expect(text).toContain('Kecamatan: 1 (1 baru, 0 diubah, 0 tetap)');
  expect(text).toContain('Desa: 2 (2 baru, 0 diubah, 0 tetap)');
  expect(await admin.locator('.meta').first().textContent()).toBe('20 kecamatan, 84 desa.');
  const stored = (await s.organizer.get<Regions>('/regions')).body;
  expect(stored.villages.find((each) => each.code === '16.09.20.2002')).toMatchObject({
    name: "Tanjung Ma'mur",
    dpt: 900,
    tps: 2,
  });
  expect(await overflowsSideways(admin)).toBe(false);
});

test('a file with bad rows is refused row by row ("Baris 3 (kode_desa): …") and nothing is saved', async () => {
  // Prepare
  const file = csv('wilayah-salah.csv', [
    'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa',
    '16.09.21,Kecamatan Dua,16.09.21.2001,Desa Benar',
    '16.09.21,Kecamatan Dua,16.09.21,Desa Salah Kode',
    '16.09.21,Kecamatan Dua,16.09.21.20O3,Desa Huruf O',
  ]);
  await openRegions(admin);
  // Act
  await admin.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  await admin.getByRole('button', { name: 'Unggah', exact: true }).tap();
  const alert = admin.getByRole('alert');
  await alert.waitFor();
  await screenshot(admin, 'browser-regions-errors');
  // Assess
  const items = await alert.getByRole('listitem').allTextContents();
  expect(items).toEqual(
    expect.arrayContaining([
      'Baris 3 (kode_desa): Kode desa tidak valid (contoh: 16.09.01.2001)',
      'Baris 4 (kode_desa): Kode desa tidak valid (contoh: 16.09.01.2001)',
    ]),
  );
  const stored = (await s.organizer.get<Regions>('/regions')).body;
  expect(stored.kecamatan.some((each) => each.code === '16.09.21')).toBe(false);
});

test('the CSV template holds the header and the current regions, ready to upload again', async () => {
  // Prepare
  await openRegions(admin);
  // Act
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('button', { name: 'Unduh templat CSV' }).tap(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  const again = await s.admin.request('POST', '/regions/import', text, { 'content-type': 'text/csv' });
  // Assess
  expect(download.suggestedFilename()).toBe('wilayah.csv');
  expect(text.startsWith('\uFEFFkode_kecamatan,nama_kecamatan,kode_desa,nama_desa,dpt,tps\r\n')).toBe(true);
  expect(text).toContain('16.09.01,Muara Dua,16.09.01.2002,Gedung Lepihan,2259,5');
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ villages: { created: 0, updated: 0 } });
});

test('an organizer sees the regions but no upload', async () => {
  // Prepare
  const context = await phoneContext(s.browser, s.stack.url);
  const { page } = await openPage(context);
  await signIn(page, 'organizer', 'Panitia DPMD');
  // Act
  await openRegions(page);
  const uploads = await page.getByRole('button', { name: 'Unggah', exact: true }).count();
  const firstDesa = await page.getByRole('rowheader', { name: /Gedung Lepihan/ }).textContent();
  // Assess
  expect(uploads).toBe(0);
  expect(firstDesa).toBe('Gedung Lepihan16.09.01.2002');
  await context.close();
});
