/**
 * Importing a participant list from a file on the Pendaftaran tab: columns as offices write them,
 * the preview of what can and cannot be read, the import in parts of 250 with a progress bar, the
 * summary by line of the file, and what a cut-off import (network drop, reload) says and does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { Registration } from '#shared/sessions/registration-contract.ts';
import { MAX_IMPORT_ROWS } from '#shared/sessions/registration-contract.ts';
import { type BrowserStack, overflowsSideways, PHONE, screenshot, usePhoneSession } from '#test/support/browser.ts';
import { committeeMembers, seatCrowd } from '#test/support/crowd.ts';

const folder = mkdtempSync(join(tmpdir(), 'siap-import-'));
const phone = usePhoneSession({ group: 'organizer', name: 'Meja Pendaftaran' }, async (stack) => {
  await seatCrowd(stack.organizer, stack.sessionId);
  const chair = await stack.organizer.post(`/sessions/${stack.sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.01.2002',
  });
  expect(chair.status).toBe(201);
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const kecamatanName = (code: string) => kecamatan.find((each) => each.code === code)?.name ?? code;
const villageOf = (code: string) => villages.find((each) => each.code === code) as (typeof villages)[number];

function csvFile(name: string, lines: string[][]): string {
  const path = join(folder, name);
  writeFileSync(path, `\uFEFF${lines.map((line) => line.join(';')).join('\r\n')}\r\n`);
  return path;
}

/** Committee members as a kecamatan's spreadsheet lists them: desa and kecamatan by name. */
function memberLines(count: number, offset: number): string[][] {
  return committeeMembers(count, offset).map((member, index) => {
    const village = villageOf(member.villageCode);
    return [
      String(index + 1),
      member.fullName,
      'Anggota',
      village.name,
      kecamatanName(village.kecamatanCode),
      member.phone,
    ];
  });
}

async function registered(): Promise<Registration[]> {
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

async function openPanel(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/daftar`);
  await page.getByText('Impor dari berkas').tap();
  await page.getByLabel('Berkas CSV atau XLSX').waitFor();
}

function importRequests(target: Page): Request[] {
  const seen: Request[] = [];
  target.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/registrations/import')) seen.push(request);
  });
  return seen;
}

const rowsIn = (request: Request) =>
  (JSON.parse(request.postData() ?? '{}') as { registrations: unknown[] }).registrations.length;

test('the page sends parts of the size the API takes', () => {
  // Read from the source: the page's modules need a DOM that this program is not typed with.
  const source = readFileSync(join(process.cwd(), 'web/src/sessions/import-rows.ts'), 'utf8');
  expect(Number(/export const IMPORT_CHUNK = (\d+);/.exec(source)?.[1])).toBe(MAX_IMPORT_ROWS);
});

test('the desk’s first load carries neither parser; choosing a CSV loads the CSV parser only', async () => {
  // Prepare
  const scripts: string[] = [];
  // A body is read after its response event: each read is awaited before the scripts are looked at.
  const reading: Array<Promise<void>> = [];
  const collect = (response: import('playwright-core').Response) => {
    if (!response.url().includes('/assets/') || !response.url().endsWith('.js')) return;
    reading.push(response.text().then((text) => void scripts.push(text)));
  };
  page.on('response', collect);
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/daftar`);
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  const atFirst = scripts.join('\n');
  // Act
  await page.getByText('Impor dari berkas').tap();
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(
    csvFile('satu.csv', [
      ['Nama', 'Peran', 'Kode desa'],
      ['Siti Aminah', 'Sekretaris', '16.09.01.2003'],
    ]),
  );
  await page.getByText(/1 baris peserta terbaca/).waitFor();
  await page.waitForLoadState('networkidle');
  page.off('response', collect);
  await Promise.all(reading);
  const afterCsv = scripts.join('\n');
  // Assess: papaparse's and read-excel-file's own words.
  expect(atFirst).not.toContain('delimitersToGuess');
  expect(atFirst).not.toContain('sharedStrings');
  expect(afterCsv).toContain('delimitersToGuess');
  expect(afterCsv).not.toContain('sharedStrings');
});

test('a list of 526 written the office’s way: preview, three parts with a progress bar, a summary by line', async () => {
  // Prepare: 520 members by desa and kecamatan name, and the rows that go wrong in real lists.
  const lines = [
    ['Daftar peserta sosialisasi Pilkades serentak'],
    [],
    ['No', 'Nama Lengkap', 'Jabatan', 'Desa', 'Kecamatan', 'No. HP'],
    ...memberLines(520, 0),
    ['521', 'Rudi Hartono', 'Ketua Panitia', 'Sukarami', '', ''], // two desa are named Sukarami
    ['522', 'Bambang', 'Bendahara', 'Gunung Tiga', 'Muara Dua', ''],
    ['523', 'Slamet Riyadi', 'Ketua', 'Desa Tidak Ada', 'Muara Dua', ''],
    ['524', 'Hendra Gunawan', 'Ketua Panitia', 'Gedung Lepihan', 'Muara Dua', ''], // Juproni holds this place
    ['525', 'Yusuf Maulana', 'Ketua Panitia', 'Gunung Tiga', 'Muara Dua', '12345'], // not a phone number
    ['526', 'Drs. Sukardi, M.Si.', 'Kasi Pem', '', 'Kec. Muaradua', '0812 1111 2222'],
  ];
  const file = csvFile('peserta.csv', lines);
  const before = (await registered()).length;
  const requests = importRequests(page);
  await openPanel();
  // Act
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  const readLine = page.getByText(/baris peserta terbaca/);
  await readLine.waitFor();
  const read = await readLine.textContent();
  const unread = await page.locator('.import-unread li').allTextContents();
  await screenshot(page, 'browser-import-preview');
  expect(await overflowsSideways(page)).toBe(false);
  // The second part waits until the progress so far has been read.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let parts = 0;
  await page.route('**/registrations/import', async (route) => {
    parts += 1;
    if (parts === 2) await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Impor 523 peserta' }).tap();
  const progress = page.locator('progress');
  await page.getByText('250 dari 523 terkirim').waitFor();
  const midway = [
    await progress.getAttribute('max'),
    await progress.evaluate((bar) => (bar as { value: number }).value),
  ];
  await screenshot(page, 'browser-import-progress');
  release();
  await page.getByText('Impor selesai.').waitFor();
  await page.unrouteAll();
  const summary = await page.locator('.import-summary li').allTextContents();
  const refused = await page.locator('.import-refused li').allTextContents();
  await screenshot(page, 'browser-import-summary');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'browser-import-summary-laptop');
  await page.setViewportSize(PHONE);
  // Assess
  expect(read).toBe('526 baris peserta terbaca dari peserta.csv: 523 siap diimpor, 3 tidak dapat dibaca.');
  expect(unread).toEqual([
    'Baris 524: ada 2 desa bernama “Sukarami” (Kec. Buay Sandang Aji, Buay Pematang Ribu Ranau Tengah); isi kolom Kecamatan',
    'Baris 525: peran “Bendahara” tidak dikenal (pakai Ketua Panitia, Sekretaris Panitia, Anggota Panitia atau Kasi Pemerintahan)',
    'Baris 526: desa “Desa Tidak Ada” tidak ditemukan di Kec. Muara Dua',
  ]);
  expect(midway).toEqual(['523', 250]);
  // Parts of 250, 250 and 23; the part with the unreadable phone goes again without that row.
  expect(requests.map(rowsIn)).toEqual([250, 250, 23, 22]);
  expect(summary).toEqual(['521 peserta baru terdaftar', '0 sudah terdaftar sebelumnya', '2 ditolak']);
  expect(refused).toEqual([
    'Baris 527: Ketua Panitia Desa Gedung Lepihan sudah terdaftar atas nama Juproni',
    expect.stringMatching(/^Baris 528: No HP: Nomor HP tidak valid/),
  ]);
  const after = await registered();
  expect(after.length - before).toBe(521);
  expect(after.find((each) => each.fullName === 'Drs. Sukardi, M.Si.')).toMatchObject({
    role: 'KASI_PEMERINTAHAN',
    kecamatanCode: '16.09.01',
    phone: '+6281211112222',
  });
  expect(after.find((each) => each.fullName === 'Yusuf Maulana')).toBeUndefined();
});

test('the network drops after the first part: the page says how far it got and that sending again registers nobody twice; it continues', async () => {
  // Prepare
  const file = csvFile('gelombang-2.csv', [
    ['No', 'Nama', 'Peran', 'Desa', 'Kecamatan', 'HP'],
    ...memberLines(300, 1000),
  ]);
  const before = (await registered()).length;
  await openPanel();
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  let parts = 0;
  await page.route('**/registrations/import', async (route) => {
    parts += 1;
    if (parts === 2) return route.abort('internetdisconnected');
    return route.continue();
  });
  // Act
  await page.getByRole('button', { name: 'Impor 300 peserta' }).tap();
  const stopped = page.getByRole('alert').filter({ hasText: 'Impor terhenti' });
  await stopped.waitFor();
  const said = await stopped.textContent();
  const whileStopped = (await registered()).length - before;
  await screenshot(page, 'browser-import-stopped');
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Lanjutkan' }).tap();
  await page.getByText('Impor selesai.').waitFor();
  const summary = await page.locator('.import-summary li').allTextContents();
  // Assess
  expect(said).toContain('Impor terhenti setelah 250 dari 300 baris: Tidak dapat terhubung ke server.');
  expect(said).toContain('peserta yang sudah terdaftar tidak akan terdaftar dua kali');
  expect(whileStopped).toBe(250);
  expect(summary).toEqual(['300 peserta baru terdaftar', '0 sudah terdaftar sebelumnya', '0 ditolak']);
  expect((await registered()).length - before).toBe(300);
  // Chromium logs the refused request; the page handled it.
  phone.problems.splice(0, phone.problems.length, ...phone.problems.filter((each) => !/ERR_INTERNET/.test(each)));
});

test('cut off by a reload, the page says so when reopened; the same file again creates only the rest', async () => {
  // Prepare
  const file = csvFile('gelombang-3.csv', [
    ['No', 'Nama', 'Peran', 'Desa', 'Kecamatan', 'HP'],
    ...memberLines(400, 2000),
  ]);
  const before = (await registered()).length;
  await openPanel();
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  // The page is reloaded while the second part is on its way.
  let parts = 0;
  await page.route('**/registrations/import', async (route) => {
    parts += 1;
    if (parts !== 2) return route.continue();
    // The server does the work; the answer is lost in the reload.
    await route.fetch();
    void page.evaluate('location.reload()').catch(() => undefined);
    await route.abort().catch(() => undefined);
  });
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Impor 400 peserta' }).tap();
  await reloaded;
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
  const sentBeforeReload = (await registered()).length - before;
  // Act
  await page.getByText('Impor dari berkas').tap();
  const interrupted = page.getByRole('status').filter({ hasText: 'sebelumnya terhenti' });
  await interrupted.waitFor();
  const said = await interrupted.textContent();
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  await page.getByRole('button', { name: 'Impor 400 peserta' }).tap();
  await page.getByText('Impor selesai.').waitFor();
  const summary = await page.locator('.import-summary li').allTextContents();
  await screenshot(page, 'browser-import-again');
  // Assess
  expect(sentBeforeReload).toBe(400);
  expect(said).toBe(
    'Impor gelombang-3.csv sebelumnya terhenti setelah 250 dari 400 baris. Impor lagi berkas yang sama: peserta yang sudah terdaftar tidak akan terdaftar dua kali.',
  );
  expect(summary).toEqual(['0 peserta baru terdaftar', '400 sudah terdaftar sebelumnya', '0 ditolak']);
  expect((await registered()).length - before).toBe(400);
  phone.problems.splice(
    0,
    phone.problems.length,
    ...phone.problems.filter((each) => !/ERR_|Failed to fetch/.test(each)),
  );
});

test('an XLSX with desa codes and phones Excel turned into numbers', async () => {
  // Prepare
  const bytes = await writeXlsxFile([
    {
      sheet: 'Peserta',
      data: [
        [{ value: 'Nama' }, { value: 'Peran' }, { value: 'Kode Desa' }, { value: 'HP' }],
        [{ value: 'Ahmad Fauzi' }, { value: 'Sekretaris Panitia' }, { value: '16.09.02.2012' }, { value: 81234567001 }],
        [{ value: 'Nur Aini' }, { value: 'KETUA_PANITIA' }, { value: '16.09.02.2013' }, null],
      ],
    },
  ]).toBuffer();
  const path = join(folder, 'peserta.xlsx');
  writeFileSync(path, bytes);
  await openPanel();
  // Act
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(path);
  await page.getByText('2 baris peserta terbaca dari peserta.xlsx: 2 siap diimpor, 0 tidak dapat dibaca.').waitFor();
  const preview = await page.locator('.import-rows li').allTextContents();
  await page.getByRole('button', { name: 'Impor 2 peserta' }).tap();
  await page.getByText('Impor selesai.').waitFor();
  // Assess
  expect(preview).toEqual([
    'Ahmad FauziSekretaris Panitia · Desa Tanjung Bulan, Kec. Pulau Beringin',
    'Nur AiniKetua Panitia · Desa Pulau Beringin, Kec. Pulau Beringin',
  ]);
  const stored = await registered();
  expect(stored.find((each) => each.fullName === 'Ahmad Fauzi')).toMatchObject({
    role: 'SEKRETARIS_PANITIA',
    villageCode: '16.09.02.2012',
    phone: '+6281234567001',
  });
  expect(stored.find((each) => each.fullName === 'Nur Aini')?.role).toBe('KETUA_PANITIA');
});

test('the template downloads with the columns the import reads, and imports as it is', async () => {
  // Prepare
  await openPanel();
  // Act
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh templat CSV' }).tap(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  await page
    .getByLabel('Berkas CSV atau XLSX')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: Buffer.from(text) });
  const read = page.getByText(/baris peserta terbaca/);
  await read.waitFor();
  // Assess
  expect(download.suggestedFilename()).toBe('peserta-sosialisasi.csv');
  expect(text.startsWith('\uFEFFsep=;\r\nNama lengkap;Peran;Kecamatan;Desa;Kode desa;No HP\r\n')).toBe(true);
  expect(await read.textContent()).toBe(
    '3 baris peserta terbaca dari peserta-sosialisasi.csv: 3 siap diimpor, 0 tidak dapat dibaca.',
  );
});
