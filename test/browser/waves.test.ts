/**
 * The election-wave pages in real Chromium, on a phone (an organizer) and on a laptop (an admin):
 * the board's picture and totals sentence as of a chosen day, the desa list filtered, a desa's
 * card with its committee and logistics, a replacement sent, a problem recorded and resolved and
 * opened again, the schedule's timeline with today's line and its exports, a stage rule refused at
 * its field, the daily chase list with its WhatsApp links, a new wave refused with a 409 at the
 * desa field then made by kecamatan and corrected with a reason, and a session naming its wave.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { FollowUps, Problem, Readiness, Wave } from '#shared/waves/contract.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { launchBrowser, openPage, overflowsSideways, phoneContext, screenshot, signIn } from '#test/support/browser.ts';
import {
  addDays,
  confirmReceipt,
  expectStatus,
  jakartaToday,
  type Sent,
  shipAllocations,
  uploadBastPhoto,
} from '#test/support/wave.ts';

const today = jakartaToday();
const [ready1, ready2, short, calm, chased] = villages as [
  (typeof villages)[number],
  (typeof villages)[number],
  (typeof villages)[number],
  (typeof villages)[number],
  (typeof villages)[number],
];
const kecamatanName = (code: string) => kecamatan.find((each) => each.code === code)?.name ?? code;
// A kecamatan and desa outside the demo wave, for the wave made through the page.
const spareKecamatan = { code: '16.09.20', name: 'Kisam Uji' };
const spareDesa = { code: '16.09.20.2001', name: 'Desa Uji Coba', kecamatanCode: '16.09.20', dpt: 900, tps: 2 };

/** The local stack with its schedules running, Chromium, and the seeded demo session. */
let s: TestStack & { browser: Browser; sessionId: string; stop(): Promise<void> };
let wave: Wave;
let sent: Map<string, Sent>;
let phone: { context: BrowserContext; page: Page; problems: string[] };
let laptop: { context: BrowserContext; page: Page; problems: string[] };

/**
 * The demo wave, made a little real through the API: four desa briefed (Ketua and Sekretaris
 * checked in), supplied and photographed, one of them short of two ballot boxes; a fifth desa's
 * Ketua registered with a phone but not yet briefed, and its kecamatan's Kasi registered.
 */
async function prepare(): Promise<void> {
  const list = await expectStatus(200, s.organizer.get<{ items: Array<{ id: string }> }>('/waves'));
  wave = await expectStatus(200, s.organizer.get<Wave>(`/waves/${list.items[0]?.id}`));
  const registrations = `/sessions/${s.sessionId}/registrations`;
  const register = async (body: Record<string, string>) =>
    (await expectStatus(201, s.organizer.post<{ id: string }>(registrations, body))).id;
  for (const [index, desa] of [ready1, ready2, short, calm].entries()) {
    for (const role of ['KETUA_PANITIA', 'SEKRETARIS_PANITIA']) {
      const who = role === 'KETUA_PANITIA' ? 'Ketua' : 'Sekretaris';
      const id = await register({
        fullName: `${who} ${desa.name}`,
        role,
        villageCode: desa.code,
        phone: `0812700000${index}${role === 'KETUA_PANITIA' ? 1 : 2}`,
      });
      await expectStatus(200, s.organizer.post(`${registrations}/${id}/check-in`));
    }
  }
  await register({ fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: chased.code, phone: '0812 7777 1234' });
  await register({
    fullName: 'Hendra Kasi',
    role: 'KASI_PEMERINTAHAN',
    kecamatanCode: chased.kecamatanCode,
    phone: '0813 6000 0001',
  });
  sent = await shipAllocations(s.organizer, [ready1, ready2, short, calm]);
  for (const desa of [ready1, ready2, short, calm]) {
    const shipment = sent.get(desa.code) as Sent;
    await confirmReceipt(s.anonymous, shipment, desa === short ? { KOTAK_SUARA: { majorDamage: 2 } } : {});
    await uploadBastPhoto(s.anonymous, shipment.receiptCode);
  }
  await expectStatus(200, s.admin.put('/regions', { kecamatan: [spareKecamatan], villages: [spareDesa] }));
}

beforeAll(async () => {
  // The local stack with its schedules: the daily snapshot is taken at start, so the trend has a day.
  const stack = await startTestStack({ schedules: true });
  const browser = await launchBrowser();
  const sessions = await stack.organizer.get<{ items: Array<{ id: string }> }>('/sessions');
  s = {
    ...stack,
    browser,
    sessionId: sessions.body.items[0]?.id ?? '',
    async stop() {
      await browser.close();
      await stack.stack.stop();
    },
  };
  await prepare();
  const phoneSide = await phoneContext(browser, stack.stack.url);
  phone = { context: phoneSide, ...(await openPage(phoneSide)) };
  await signIn(phone.page, 'organizer', 'Rina Marlina');
  const laptopSide = await browser.newContext({
    baseURL: stack.stack.url,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  laptop = { context: laptopSide, ...(await openPage(laptopSide)) };
  await signIn(laptop.page, 'admin', 'Admin DPMD');
}, 180_000);
afterAll(async () => {
  await s?.stop();
});
afterEach(() => {
  expect(phone.problems).toEqual([]);
  expect(laptop.problems).toEqual([]);
});

async function go(page: Page, hash: string, title: string | RegExp): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const board = (date?: string) =>
  expectStatus(200, s.organizer.get<Readiness>(`/waves/${wave.id}/readiness${date ? `?date=${date}` : ''}`));

/**
 * The message shown for a control: the visible elements its aria-describedby points at, read once
 * the form has marked the control invalid (the check may answer after the tap returns).
 */
async function messageOf(control: Locator): Promise<string> {
  await control.and(control.page().locator('[aria-invalid="true"]')).waitFor();
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) {
    const node = control.page().locator(`[id="${id}"]`);
    if (await node.isVisible()) texts.push(((await node.textContent()) ?? '').trim());
  }
  return texts.join(' ');
}

test('the navigation has Gelombang; the list names the demo wave with its voting day and desa', async () => {
  // Prepare
  const { page } = phone;
  await go(page, '/', 'Sesi sosialisasi');
  // Act
  await page.getByRole('link', { name: 'Gelombang', exact: true }).tap();
  await page.getByRole('heading', { level: 1, name: 'Gelombang Pilkades' }).waitFor();
  const card = page.getByRole('link', { name: /Pilkades Serentak Gelombang I/ });
  const text = await card.textContent();
  const createForm = await page.getByRole('button', { name: 'Buat gelombang' }).count();
  // Assess
  expect(text).toContain('82 desa');
  expect(text).toContain('Pemungutan suara');
  // Organizers read waves; only admins make them.
  expect(createForm).toBe(0);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the board: one bar per kecamatan and the totals sentence; another "as of" day moves them', async () => {
  // Prepare
  const { page } = phone;
  const now = await board();
  const later = addDays(today, 10);
  const then = await board(later);
  // Act
  await go(page, `/gelombang/${wave.id}`, 'Pilkades Serentak Gelombang I');
  const sentence = page.locator('.totals-sentence');
  await sentence.waitFor();
  const todayText = await sentence.textContent();
  const bars = await page.locator('.kec-bar').count();
  const muaraDuaBar = page.locator(`.kec-bar[data-code="${ready1.kecamatanCode}"]`);
  const muaraDua = await muaraDuaBar.getAttribute('aria-label');
  const segments = await muaraDuaBar
    .locator('.segment')
    .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-state'), node.getAttribute('style')]));
  const trendPoints = await page.locator('svg.trend .point').count();
  await screenshot(page, 'browser-waves-board-phone');
  await page.getByLabel('Per tanggal').fill(later);
  await page.getByText(then.summary).waitFor();
  const laterText = await sentence.textContent();
  const phoneWide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-board-later-phone');
  // Assess
  expect(todayText).toBe('3 dari 82 desa siap; 79 perlu tindakan; 0 terlambat; H-45');
  expect(todayText).toBe(now.summary);
  expect(bars).toBe(Object.keys(now.byKecamatan).length);
  expect(muaraDua).toBe('Muara Dua: 3 siap, 1 perlu tindakan, 0 terlambat (4 desa)');
  expect(segments).toEqual([
    ['READY', 'width: 75%;'],
    ['ACTION_NEEDED', 'width: 25%;'],
  ]);
  expect(trendPoints).toBeGreaterThanOrEqual(1);
  // After SOSIALISASI has ended the desa nobody briefed are late.
  expect(laterText).toBe('3 dari 82 desa siap; 1 perlu tindakan; 78 terlambat; H-35');
  expect(laterText).toBe(then.summary);
  expect(phoneWide).toBe(false);
});

test('on a laptop the board shows the picture, the trend to voting day and the downloads of the same day', async () => {
  // Prepare
  const { page } = laptop;
  const later = addDays(today, 10);
  await go(page, `/gelombang/${wave.id}`, 'Pilkades Serentak Gelombang I');
  await page.locator('.totals-sentence').waitFor();
  await page.getByLabel('Per tanggal').fill(later);
  await page.getByText('78 terlambat', { exact: false }).waitFor();
  // Act
  const trendLabel = await page.locator('svg.trend').getAttribute('aria-label');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh laporan kesiapan PDF' }).click(),
  ]);
  const requested = await new Promise<string>((resolve) => {
    page.once('request', (request) => resolve(request.url()));
    void page.getByRole('button', { name: 'Unduh laporan kesiapan CSV' }).click();
  });
  await page.waitForEvent('download');
  await screenshot(page, 'browser-waves-board-laptop');
  // Assess
  expect(trendLabel).toContain('Desa siap per hari');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(requested).toContain(`date=${later}`);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the list: filtered by kecamatan, state and reason, each desa with its reasons', async () => {
  // Prepare
  const { page } = phone;
  await go(page, `/gelombang/${wave.id}`, 'Pilkades Serentak Gelombang I');
  await page.locator('.totals-sentence').waitFor();
  const rows = page.locator('.desa-row');
  // Act
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: kecamatanName(ready1.kecamatanCode) });
  const inKecamatan = await rows.locator('strong').allTextContents();
  await page.getByLabel('Status').selectOption({ label: 'Siap' });
  const readyOnes = await rows.locator('strong').allTextContents();
  await page.getByLabel('Status').selectOption({ label: 'Semua status' });
  await page.getByLabel('Alasan').selectOption({ label: 'Rusak berat atau hilang' });
  const shortOnes = await rows.locator('strong').allTextContents();
  const shortReasons = await rows.first().locator('.reasons').textContent();
  const shown = await page.locator('.shown').textContent();
  await screenshot(page, 'browser-waves-list-phone');
  // Assess
  expect(inKecamatan.sort()).toEqual([ready1, ready2, short, calm].map((desa) => desa.name).sort());
  expect(readyOnes.sort()).toEqual([ready1, ready2, calm].map((desa) => desa.name).sort());
  expect(shortOnes).toEqual([short.name]);
  expect(shortReasons).toContain('2 Kotak suara rusak berat belum diganti');
  expect(shown).toBe('Menampilkan 1 desa.');
  expect(await overflowsSideways(page)).toBe(false);
});

test('a desa card: committee, logistics lines, receipt and photo; a replacement sent after a confirmation', async () => {
  // Prepare
  const { page } = phone;
  await go(page, `/gelombang/${wave.id}`, 'Pilkades Serentak Gelombang I');
  await page.getByLabel('Alasan').selectOption({ label: 'Rusak berat atau hilang' });
  // Act
  await page.locator('.desa-row', { hasText: short.name }).tap();
  await page.getByRole('heading', { level: 1, name: `Desa ${short.name}` }).waitFor();
  const committee = await page.locator('.committee').textContent();
  const boxes = page
    .locator('.items-table tr')
    .filter({ has: page.getByRole('rowheader', { name: 'Kotak suara', exact: true }) });
  const boxCells = await boxes.locator('td').allTextContents();
  const facts = await page.locator('.facts').textContent();
  await screenshot(page, 'browser-waves-card-phone');
  await page.getByRole('button', { name: /^Kirim pengganti untuk \d+\/BAST/ }).tap();
  const confirmation = await page.locator('.confirm-step').textContent();
  await page.getByRole('button', { name: 'Ya, kirim pengganti' }).tap();
  await page.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
  const code = (await page.locator('.receipt-code').getAttribute('data-code')) ?? '';
  await screenshot(page, 'browser-waves-replacement-phone');
  // Assess
  expect(committee).toContain(`Ketua ${short.name}`);
  expect(committee).toContain(`Sekretaris ${short.name}`);
  expect(committee).toContain('Hadir sosialisasi');
  expect(committee).toContain('81270000021');
  // Allocated, shipped, usable, heavily damaged, missing.
  const allocated = sent.get(short.code)?.lines.find((line) => line.itemCode === 'KOTAK_SUARA')?.quantity ?? 0;
  expect(boxCells.map((cell) => cell.replace(/\D/g, ''))).toEqual([
    String(allocated),
    String(allocated),
    String(allocated - 2),
    '2',
    '0',
  ]);
  expect(facts).toContain('Penerimaan dikonfirmasi desaSudah');
  expect(facts).toContain('Foto BAST bertanda tanganSudah');
  expect(confirmation).toContain('Kotak suara: 2');
  const original = await expectStatus(
    200,
    s.organizer.get<{ replacements: Array<{ shipmentId: string; lines: Record<string, number> }> }>(
      `/shipments/${sent.get(short.code)?.id}`,
    ),
  );
  expect(original.replacements).toEqual([expect.objectContaining({ lines: { KOTAK_SUARA: 2 } })]);
  expect(code).toMatch(/^[0-9A-Z]{26}$/);
  expect(await overflowsSideways(page)).toBe(false);
});

test('a problem: recorded on a ready desa (it needs action), resolved with how (ready again), reopened with why', async () => {
  // Prepare
  const { page } = phone;
  await go(page, `/gelombang/${wave.id}/desa/${calm.code}`, `Desa ${calm.name}`);
  const before = await page.locator('.desa-head .badge').textContent();
  // Act: record it.
  await page.getByText('Catat masalah').tap();
  await page.getByLabel('Kategori').selectOption({ label: 'Keamanan' });
  await page.getByRole('radio', { name: 'Tinggi' }).check();
  await page.getByLabel('Uraian masalah').fill('Ancaman terhadap panitia di dusun II');
  await page.getByRole('button', { name: 'Simpan catatan' }).tap();
  await page.getByText('Masalah dicatat.').waitFor();
  const afterAdd = await page.locator('.desa-head .badge').textContent();
  const listed = await page.locator('.problem').first().textContent();
  await screenshot(page, 'browser-waves-problem-open-phone');
  // Correct it: the severity was overstated.
  await page.getByRole('button', { name: 'Perbaiki' }).tap();
  await page.locator('.problem-step').getByRole('radio', { name: 'Sedang' }).check();
  await page.getByLabel('Alasan perbaikan (opsional)').fill('Dinilai ulang oleh Polsek');
  await page.getByRole('button', { name: 'Simpan perbaikan' }).tap();
  await page.getByText('Catatan masalah diperbaiki.').waitFor();
  const corrected = await page.locator('.problem').first().textContent();
  // Resolve it, first without saying how.
  await page.getByRole('button', { name: 'Selesaikan' }).tap();
  await page.getByRole('button', { name: 'Tandai selesai' }).tap();
  const emptyResolution = await messageOf(page.getByLabel('Cara penyelesaian'));
  await page.getByLabel('Cara penyelesaian').fill('Diamankan Polsek');
  await page.getByRole('button', { name: 'Tandai selesai' }).tap();
  await page.getByText('Masalah ditandai selesai.').waitFor();
  const afterResolve = await page.locator('.desa-head .badge').textContent();
  // Reopen it.
  await page.getByRole('button', { name: 'Buka lagi' }).tap();
  await page.getByLabel('Alasan dibuka lagi').fill('Ancaman berulang');
  await page.getByRole('button', { name: 'Buka lagi masalah ini' }).tap();
  await page.getByText('Masalah dibuka lagi.').waitFor();
  const afterReopen = await page.locator('.desa-head .badge').textContent();
  await screenshot(page, 'browser-waves-problem-reopened-phone');
  // Assess
  expect(before).toBe('Siap');
  expect(afterAdd).toBe('Perlu tindakan');
  expect(listed).toContain('Ancaman terhadap panitia di dusun II');
  expect(listed).toContain('Keamanan');
  expect(listed).toContain('Tinggi');
  expect(corrected).toContain('Keamanan · Sedang');
  expect(emptyResolution).toBe('Minimal 3 karakter');
  expect(afterResolve).toBe('Siap');
  expect(afterReopen).toBe('Perlu tindakan');
  const problems = await expectStatus(
    200,
    s.organizer.get<{ items: Problem[] }>(`/waves/${wave.id}/problems?villageCode=${calm.code}`),
  );
  expect(problems.items).toEqual([
    expect.objectContaining({ category: 'keamanan', severity: 'MEDIUM', status: 'open', resolution: null }),
  ]);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the schedule as a timeline: one bar per stage and a line for today, on a phone and a laptop, with its downloads', async () => {
  // Prepare
  const { page } = phone;
  // Act
  await go(page, `/gelombang/${wave.id}/jadwal`, 'Pilkades Serentak Gelombang I');
  await page.locator('.timeline').waitFor();
  const bars = await page.locator('.timeline .stage-bar').count();
  const todayLine = page.locator('.timeline .today-line');
  const todayLabel = await todayLine.getAttribute('aria-label');
  const sosialisasi = await page
    .locator('.stage', { hasText: 'Sosialisasi dan bimbingan teknis panitia' })
    .textContent();
  const line = await todayLine.boundingBox();
  const timeline = await page.locator('.timeline .tracks').boundingBox();
  const phoneWide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-schedule-phone');
  await go(laptop.page, `/gelombang/${wave.id}/jadwal`, 'Pilkades Serentak Gelombang I');
  await laptop.page.locator('.timeline .today-line').waitFor();
  const [download] = await Promise.all([
    laptop.page.waitForEvent('download'),
    laptop.page.getByRole('button', { name: 'Unduh Jadwal Tahapan PDF' }).click(),
  ]);
  const excel = await laptop.page.getByRole('button', { name: 'Unduh Jadwal Tahapan Excel' }).count();
  await screenshot(laptop.page, 'browser-waves-schedule-laptop');
  // Assess
  expect(bars).toBe(wave.stages.length);
  expect(todayLabel).toMatch(/^Hari ini, /);
  expect(sosialisasi).toContain('berlangsung');
  // The line stands inside the timeline and runs down it.
  expect(line && timeline && line.x >= timeline.x && line.x <= timeline.x + timeline.width).toBe(true);
  expect((line?.height ?? 0) > (timeline?.height ?? 0) * 0.8).toBe(true);
  expect(phoneWide).toBe(false);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(excel).toBe(1);
});

test('the schedule editor (admin): a stage ending before it starts and a voting stage without voting day are refused at their fields', async () => {
  // Prepare
  const { page } = laptop;
  await go(page, `/gelombang/${wave.id}/jadwal`, 'Pilkades Serentak Gelombang I');
  await page.getByText('Ubah tanggal tahapan').click();
  const kampanye = page.getByRole('group', { name: 'Kampanye', exact: true });
  const voting = page.getByRole('group', { name: 'Pemungutan dan penghitungan suara', exact: true });
  const start = (await kampanye.getByLabel('Mulai').inputValue()) || today;
  // Act
  await kampanye.getByLabel('Selesai').fill(addDays(start, -2));
  await voting.getByLabel('Mulai').fill(addDays(wave.votingDay, 1));
  await voting.getByLabel('Selesai').fill(addDays(wave.votingDay, 1));
  await page.getByRole('button', { name: 'Simpan jadwal' }).click();
  await page.getByRole('alert').waitFor();
  const endMessage = await messageOf(kampanye.getByLabel('Selesai'));
  const votingMessage = await messageOf(voting.getByLabel('Mulai'));
  await screenshot(page, 'browser-waves-schedule-refused-laptop');
  const stored = await expectStatus(200, s.organizer.get<Wave>(`/waves/${wave.id}`));
  // Put right: the dates back as they were, with a reason.
  await kampanye.getByLabel('Selesai').fill(wave.stages.find((stage) => stage.code === 'KAMPANYE')?.end ?? '');
  await voting.getByLabel('Mulai').fill(wave.votingDay);
  await voting.getByLabel('Selesai').fill(wave.votingDay);
  await page.getByLabel('Alasan perubahan (opsional)').fill('Tanggal kampanye dikoreksi');
  await page.getByRole('button', { name: 'Simpan jadwal' }).click();
  await page.getByText('Jadwal tersimpan.').waitFor();
  // Assess
  expect(endMessage).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai');
  expect(votingMessage).toBe(`Tahapan pemungutan suara harus mencakup hari pemungutan suara (${wave.votingDay})`);
  expect(stored.stages).toEqual(wave.stages);
});

test('the chase list: most urgent first, the level in words, WhatsApp links naming the desa, a desa without phone says so', async () => {
  // Prepare
  const { page } = phone;
  const sixDays = addDays(wave.votingDay, -6);
  const expected = await expectStatus(200, s.organizer.get<FollowUps>(`/waves/${wave.id}/follow-ups?date=${sixDays}`));
  // Act
  await go(page, `/gelombang/${wave.id}/tindak-lanjut`, 'Pilkades Serentak Gelombang I');
  const item = page.locator('.chase-item', { hasText: chased.name });
  await item.waitFor();
  const level = await item.locator('.level').textContent();
  const link = item.getByRole('link', { name: /^WhatsApp Ketua Panitia Juproni/ });
  const href = (await link.getAttribute('href')) ?? '';
  const silent = await page
    .locator('.chase-item', { hasText: villages[9]?.name ?? '' })
    .locator('.note')
    .textContent();
  await screenshot(page, 'browser-waves-chase-phone');
  await page.getByLabel('Per tanggal').fill(sixDays);
  await page.locator('.chase-item .level', { hasText: 'Tingkat 2' }).first().waitFor();
  const later = page.locator('.chase-item', { hasText: chased.name });
  const kasi = await later.getByRole('link', { name: /^WhatsApp Kasi Pemerintahan Hendra Kasi/ }).getAttribute('href');
  const order = await page.locator('.chase-item h2').allTextContents();
  const phoneWide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-chase-h6-phone');
  // Assess
  expect(level).toBe('Tingkat 1: hubungi panitia desa');
  expect(href).toMatch(/^https:\/\/wa\.me\/6281277771234\?text=/);
  expect(decodeURIComponent(href.split('?text=')[1] ?? '')).toContain(`Desa ${chased.name}`);
  expect(silent).toContain('Tidak ada nomor HP panitia desa ini');
  expect(kasi).toMatch(/^https:\/\/wa\.me\/6281360000001\?text=/);
  expect(decodeURIComponent(kasi?.split('?text=')[1] ?? '')).toContain(chased.name);
  expect(order).toEqual(expected.items.map((each) => each.villageName));
  expect(phoneWide).toBe(false);
});

test('a new wave (admin): all desa is a 409 at the desa field naming the other wave; by kecamatan it is made, then corrected with a reason', async () => {
  // Prepare
  const { page } = laptop;
  await go(page, '/gelombang', 'Gelombang Pilkades');
  // Act: every desa of the regency, preselected.
  await page.getByLabel('Nama gelombang').fill('Pilkades Serentak Gelombang II');
  await page.getByLabel('Hari pemungutan suara').fill(addDays(today, 120));
  const allChosen = await page.getByRole('radio', { name: /^Semua desa kabupaten/ }).isChecked();
  await page.getByRole('button', { name: 'Buat gelombang' }).click();
  const desaField = page.getByRole('group', { name: 'Desa yang ikut' });
  await desaField.locator('.error').waitFor();
  const conflict = await desaField.locator(':scope > .error').textContent();
  await screenshot(page, 'browser-waves-create-409-laptop');
  // By kecamatan: only the one outside the demo wave.
  await page.getByRole('radio', { name: 'Pilih per kecamatan' }).check();
  await page.getByRole('checkbox', { name: `${spareKecamatan.name} (1 desa)` }).check();
  await page.getByRole('button', { name: 'Buat gelombang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pilkades Serentak Gelombang II' }).waitFor();
  const created = page.url().split('/gelombang/')[1] ?? '';
  // Correct its name, saying why.
  await page.getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByLabel('Nama gelombang').fill('Pilkades Serentak Gelombang II 2027');
  await page.getByLabel('Alasan perubahan').fill('Nama sesuai Perbup');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await page.getByText('Perubahan gelombang tersimpan.').waitFor();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  await screenshot(page, 'browser-waves-settings-laptop');
  // Assess
  expect(allChosen).toBe(true);
  expect(conflict).toContain('Pilkades Serentak Gelombang I');
  const stored = await expectStatus(200, s.organizer.get<Wave>(`/waves/${created}`));
  expect(stored).toMatchObject({ name: 'Pilkades Serentak Gelombang II 2027', villageCodes: [spareDesa.code] });
  expect(heading).toBe('Pilkades Serentak Gelombang II 2027');
  const trail = await expectStatus(
    200,
    s.organizer.get<{ items: Array<{ action: string; reason?: string }> }>(`/audit?waveId=${created}`),
  );
  expect(trail.items[0]).toMatchObject({ action: 'wave.updated', reason: 'Nama sesuai Perbup' });
});

test('the create form on a phone (admin) fits the screen', async () => {
  // Prepare
  const context = await phoneContext(s.browser, s.stack.url);
  const { page, problems } = await openPage(context);
  await signIn(page, 'admin', 'Admin DPMD');
  // Act
  await go(page, '/gelombang', 'Gelombang Pilkades');
  await page.getByRole('radio', { name: 'Pilih per kecamatan' }).check();
  const wide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-create-phone');
  await go(page, `/gelombang/${wave.id}/jadwal`, 'Pilkades Serentak Gelombang I');
  await page.getByText('Ubah tanggal tahapan').tap();
  const editorWide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-schedule-editor-phone');
  await context.close();
  // Assess
  expect(wide).toBe(false);
  expect(editorWide).toBe(false);
  expect(problems).toEqual([]);
});

test('a session of the wave names it, with a link to its board', async () => {
  // Prepare
  const { page } = phone;
  await go(page, `/sesi/${s.sessionId}`, /Sosialisasi Pilkades Serentak Gelombang I/);
  // Act
  const link = page.getByRole('link', { name: 'Pilkades Serentak Gelombang I' });
  await screenshot(page, 'browser-waves-session-phone');
  await link.tap();
  await page.locator('.totals-sentence').waitFor();
  // Assess
  expect(page.url()).toContain(`#/gelombang/${wave.id}`);
});

test('in English the board says its totals in English, with the countdown as D-', async () => {
  // Prepare
  const { page } = phone;
  const english = await expectStatus(200, s.organizer.inLanguage('en').get<Readiness>(`/waves/${wave.id}/readiness`));
  await page.goto('/#/');
  await page.evaluate("localStorage.setItem('siap.lang', 'en')");
  // Act
  await go(page, `/gelombang/${wave.id}`, 'Pilkades Serentak Gelombang I');
  const sentence = await page.locator('.totals-sentence').textContent();
  const legend = await page.locator('.legend').textContent();
  const wide = await overflowsSideways(page);
  await screenshot(page, 'browser-waves-board-english-phone');
  await page.evaluate("localStorage.setItem('siap.lang', 'id')");
  // Assess
  expect(sentence).toBe(english.summary);
  expect(sentence).toMatch(/^\d+ of 82 villages ready; \d+ need action; \d+ late; D-45$/);
  expect(legend).toBe('ReadyAction neededLate');
  expect(wide).toBe(false);
});
