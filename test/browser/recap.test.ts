import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import { type BrowserStack, overflowsSideways, screenshot, usePhoneSession } from '#test/support/browser.ts';

const people = [
  { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: '16.09.01.2002' }, // Gedung Lepihan
  { fullName: 'Yulianti', role: 'SEKRETARIS_PANITIA', villageCode: '16.09.01.2002' },
  { fullName: 'Agus Salim', role: 'KETUA_PANITIA', villageCode: '16.09.01.2003' }, // Gunung Tiga
  { fullName: 'Drs. Sukardi, M.Si.', role: 'KASI_PEMERINTAHAN', kecamatanCode: '16.09.01' }, // Muara Dua
  { fullName: "Abdul Mu'thi", role: 'ANGGOTA_PANITIA', villageCode: '16.09.01.2002' },
];

async function checkIn(stack: BrowserStack, id: string) {
  const reply = await stack.organizer.post(`/sessions/${stack.sessionId}/registrations/${id}/check-in`);
  expect(reply.status).toBe(200);
}

const phone = usePhoneSession({ group: 'organizer', name: 'Panitia DPMD' }, async (stack) => {
  for (const person of people) {
    expect((await stack.organizer.post(`/sessions/${stack.sessionId}/registrations`, person)).status).toBe(201);
  }
  for (const id of ['KT-16.09.01.2002', 'SK-16.09.01.2002', 'KS-16.09.01']) await checkIn(stack, id);
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const sentence = () => page.locator('.recap-sentence');

/** A fresh page load of the recap (going to the same address with only a hash would not reload). */
async function openRecap() {
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}`);
  await sentence().waitFor();
}

test('the recap says the sentence, who is missing, and per role and kecamatan with names', async () => {
  // Prepare
  await openRecap();
  // Act
  const said = await sentence().textContent();
  const missing = await page.locator('.missing').textContent();
  const byRole = await page.getByRole('table', { name: 'Per peran' }).getByRole('row').allTextContents();
  const muaraDua = await page
    .getByRole('table', { name: 'Per kecamatan' })
    .getByRole('row', { name: /^Muara Dua\b/ })
    .first()
    .textContent();
  await screenshot(page, 'browser-recap');
  // Assess
  expect(said).toBe(
    '3 peserta hadir: 1 Ketua Panitia, 1 Sekretaris Panitia, 1 Kasi Pemerintahan; 1 dari 82 desa terwakili.',
  );
  expect(missing).toContain('Belum hadir: Ketua Panitia dari 81 desa.');
  expect(missing).toMatch(/Kec\. Muara Dua \(3\): Gunung Tiga, Suka Banjar,? dan Sukaraja II/);
  expect(await page.locator('.missing-line').first().textContent()).not.toContain('Gedung Lepihan');
  expect(missing).toContain('Kasi Pemerintahan belum hadir: Kecamatan Pulau Beringin, Banding Agung');
  expect(missing).toContain('dan 61 desa lainnya.');
  expect(missing).toContain('Tampilkan semua (81)');
  expect(byRole.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
    'PeranHadirTerdaftar',
    'Ketua Panitia12',
    'Sekretaris Panitia11',
    'Anggota Panitia01',
    'Kasi Pemerintahan11',
    'Jumlah35',
  ]);
  expect(muaraDua).toBe('Muara Dua35');
  expect(await overflowsSideways(page)).toBe(false);
});

test('"show all" lists every missing desa, in the language’s list form', async () => {
  // Prepare
  await openRecap();
  // Act
  await page.getByRole('button', { name: 'Tampilkan semua (81)' }).first().click();
  const line = page.locator('.missing-line').first();
  const groups = await line.locator('.missing-groups li').allTextContents();
  await screenshot(page, 'browser-recap-missing-all');
  // Assess
  expect(await line.locator('p').first().textContent()).toBe('Belum hadir: Ketua Panitia dari 81 desa.');
  // One line per kecamatan in code order (the Wilayah list's), its desa in code order under it.
  const missing = villages.filter((each) => each.code !== '16.09.01.2002');
  expect(missing).toHaveLength(81);
  const expected = kecamatan
    .map((each) => ({ name: each.name, desa: missing.filter((v) => v.kecamatanCode === each.code).map((v) => v.name) }))
    .filter((each) => each.desa.length > 0);
  expect(groups).toHaveLength(expected.length);
  expected.forEach((group, index) => {
    const shown = groups[index] ?? '';
    expect(shown.startsWith(`Kec. ${group.name} (${group.desa.length}): `)).toBe(true);
    const names = shown.slice(shown.indexOf(': ') + 2).split(/, (?:dan )?| dan /);
    expect(names).toEqual(group.desa);
  });
  // Desa names that repeat across kecamatan each sit under their own.
  expect(groups.filter((each) => /Sukarami/.test(each))).toHaveLength(2);
  expect(await line.textContent()).not.toContain('Gedung Lepihan');
  expect(await page.getByRole('button', { name: /Tampilkan semua/ }).count()).toBe(1); // Sekretaris still short
});

test('the recap refreshes by itself within about ten seconds', async () => {
  // Prepare
  await openRecap();
  // Act
  await checkIn(s, 'KT-16.09.01.2003');
  const started = Date.now();
  await page.locator('.recap-sentence', { hasText: /^4 peserta hadir/ }).waitFor({ timeout: 15_000 });
  const waited = Date.now() - started;
  // Assess
  expect(await sentence().textContent()).toBe(
    '4 peserta hadir: 2 Ketua Panitia, 1 Sekretaris Panitia, 1 Kasi Pemerintahan; 2 dari 82 desa terwakili.',
  );
  expect(waited).toBeLessThan(12_000);
});

test('the CSV button downloads the attendance list with the bearer token and the page language', async () => {
  // Prepare
  await openRecap();
  // Act
  const [request, download] = await Promise.all([
    page.waitForRequest(/\/attendance\.csv/),
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  // Assess
  expect(new URL(request.url()).pathname).toBe(`/sessions/${s.sessionId}/attendance.csv`);
  expect(new URL(request.url()).searchParams.get('lang')).toBe('id');
  expect(request.headers().authorization).toMatch(/^Bearer .+/);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(file).toContain('Juproni');
});

test('the Excel and PDF buttons ask for their own files', async () => {
  // Prepare
  await openRecap();
  // Act
  const [xlsx] = await Promise.all([
    page.waitForRequest(/\/attendance\.xlsx/),
    page.getByRole('button', { name: 'Unduh Excel' }).click(),
  ]);
  const [pdf] = await Promise.all([
    page.waitForRequest(/\/attendance\.pdf/),
    page.getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  // Assess
  expect(xlsx.headers().authorization).toMatch(/^Bearer .+/);
  expect(pdf.headers().authorization).toMatch(/^Bearer .+/);
  expect(pdf.headers().accept).toBe('application/pdf');
});
