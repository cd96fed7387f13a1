/**
 * Issue 11's page items, in real headless Chromium on a 360×740 phone and on a laptop:
 * #1 a registration put right from the door's list (edit, undo a check-in, cancel), each with a
 *    reason and its refusals at the field, and a session edited from its page;
 * #2 the same BAST printed again and the same village link shown again, a new code only after
 *    saying the old link dies, and a shipment's replacements linked both ways;
 * #4 a desa allocated 6 and shipped 4 reads "Sebagian dikirim" in the tile, every badge and the CSV;
 * #5 the formula's preview names the desa set by hand and keeps them unless told to replace them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { demoRules } from '#local/demo/catalogue.ts';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import type { Allocation, Shipment } from '#shared/logistics/contract.ts';
import type { Session } from '#shared/sessions/contract.ts';
import type { Registration } from '#shared/sessions/registration-contract.ts';
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

/** Whether something appears (waiting for it as a person would), rather than whether it is there this instant. */
const shows = (locator: Locator) =>
  locator.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );

const run = promisify(execFile);

type Created = Shipment & { receiptCode: string; receiptUrl: string };
type Device = 'phone' | 'laptop';

let s: BrowserStack;
const contexts: BrowserContext[] = [];
const seen: string[][] = [];

beforeAll(async () => {
  s = await startBrowserStack();
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const problems of seen.splice(0)) expect(problems).toEqual([]);
});
afterAll(async () => {
  await s?.stop();
});

/** A signed-in page on a phone or a laptop; closed after the test, which must end with no page errors. */
async function open(device: Device, group: 'organizer' | 'admin', name: string): Promise<Page> {
  const context =
    device === 'phone'
      ? await phoneContext(s.browser, s.stack.url)
      : await s.browser.newContext({
          baseURL: s.stack.url,
          viewport: { width: 1280, height: 800 },
          locale: 'id-ID',
          timezoneId: 'Asia/Jakarta',
        });
  contexts.push(context);
  const { page, problems } = await openPage(context);
  seen.push(problems);
  await signIn(page, group, name);
  return page;
}

async function go(page: Page, hash: string, title: string | RegExp): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const kecamatanName = (code: string) => kecamatan.find((each) => each.code === code)?.name ?? code;
const desa = (index: number) => villages[index] as (typeof villages)[number];
const registrations = (sessionId: string) => `/sessions/${sessionId}/registrations`;
const trail = async (query: string) => (await s.organizer.get<{ items: AuditEntry[] }>(`/audit?${query}`)).body.items;
const counters = async (page: Page) => ((await page.locator('.counters').textContent()) ?? '').replace(/\s+/g, ' ');
const done = (page: Page) => page.locator('.check-in-status .done');
const allocationOf = async (code: string) =>
  (await s.organizer.get<{ items: Allocation[] }>('/allocations')).body.items.find((each) => each.villageCode === code);

/** What a phone's camera reads from the QR code on page 1 of a downloaded PDF (poppler, then jsQR). */
async function qrOf(download: Download): Promise<string | undefined> {
  const file = (await download.path()) as string;
  const prefix = `${file}-page`;
  await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const image = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function pdfText(download: Download): Promise<string> {
  return (await run('pdftotext', [(await download.path()) as string, '-'])).stdout.replace(/\s+/g, ' ');
}

// ---- #1 Putting registrations right ------------------------------------------------------------

describe('#1 a registration put right from the door’s list', () => {
  const chair = desa(0);
  const other = desa(1);

  beforeAll(async () => {
    const path = registrations(s.sessionId);
    const yuli = await s.organizer.post(path, {
      fullName: 'Yuli',
      role: 'KETUA_PANITIA',
      villageCode: chair.code,
      phone: '0812 1111 2222',
    });
    expect(yuli.status).toBe(201);
    const holder = await s.organizer.post(path, {
      fullName: 'Heriyanto',
      role: 'KETUA_PANITIA',
      villageCode: other.code,
      phone: '0812 3333 4444',
    });
    expect(holder.status).toBe(201);
    expect((await s.organizer.post(`${path}/KT-${chair.code}/check-in`)).status).toBe(200);
  });

  test('on a phone: a wrong name, a taken desa, a used number and a missing reason are each refused at their field; then the correction holds', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Petugas Pintu');
    await go(page, `/sesi/${s.sessionId}/hadir`, /Sosialisasi/);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('yuli');
    await page.getByRole('button', { name: 'Perbaiki data Yuli' }).tap();
    await page.getByRole('heading', { name: 'Perbaiki pendaftaran: Yuli' }).waitFor();
    const prefilled = {
      name: await page.getByLabel('Nama lengkap (dengan gelar)').inputValue(),
      phone: await page.getByLabel('Nomor HP (opsional)').inputValue(),
      village: await page.getByLabel('Desa', { exact: true }).inputValue(),
      role: await page.getByRole('radio', { name: 'Ketua Panitia' }).isChecked(),
    };
    const submit = page.getByRole('button', { name: 'Simpan perbaikan' });
    // Act 1: one letter.
    await page.getByLabel('Nama lengkap (dengan gelar)').fill('Y');
    await page.getByLabel('Alasan perubahan').fill('Salah ketik di meja pendaftaran');
    await submit.tap();
    await page.getByRole('alert').waitFor();
    const nameMessage = await fieldMessage(page, 'Nama lengkap (dengan gelar)');
    await screenshot(page, 'browser-fix-registration-name');
    // Act 2: the Ketua's place of a desa that has one.
    await page.getByLabel('Nama lengkap (dengan gelar)').fill('Yulianti');
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: kecamatanName(other.kecamatanCode) });
    await page.getByLabel('Desa', { exact: true }).selectOption({ label: other.name });
    await submit.tap();
    await page.getByText(/sudah terdaftar atas nama Heriyanto/).waitFor();
    const placeMessage = await fieldMessage(page, 'Desa');
    await screenshot(page, 'browser-fix-registration-place-taken');
    // Act 3: back in her own desa, with the holder's number.
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: kecamatanName(chair.kecamatanCode) });
    await page.getByLabel('Desa', { exact: true }).selectOption({ label: chair.name });
    await page.getByLabel('Nomor HP (opsional)').fill('0812 3333 4444');
    await submit.tap();
    await page.getByText(/sudah dipakai untuk mendaftarkan Heriyanto/).waitFor();
    const phoneMessage = await fieldMessage(page, 'Nomor HP (opsional)');
    // Act 4: her own number again, no reason.
    await page.getByLabel('Nomor HP (opsional)').fill(prefilled.phone);
    await page.getByLabel('Alasan perubahan').fill('');
    await submit.tap();
    await page.getByText('Wajib diisi: tulis alasannya').waitFor();
    const reasonMessage = await fieldMessage(page, 'Alasan perubahan');
    const noCancel = await page.getByRole('button', { name: 'Batalkan pendaftaran' }).count();
    // Act 5: the reason given.
    await page.getByLabel('Alasan perubahan').fill('Salah ketik di meja pendaftaran');
    await submit.tap();
    await done(page).filter({ hasText: 'Diperbaiki: Yulianti' }).waitFor();
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('yuli');
    const shown = await page.locator('.person strong').allTextContents();
    await screenshot(page, 'browser-fix-registration-corrected');
    // Assess
    expect(prefilled).toEqual({ name: 'Yuli', phone: '0812 1111 2222', village: chair.code, role: true });
    expect(nameMessage).toBe(
      'Nama berisi sedikitnya dua huruf; boleh memakai titik, koma, tanda petik dan tanda hubung',
    );
    expect(placeMessage).toBe(`Ketua Panitia Desa ${other.name} sudah terdaftar atas nama Heriyanto`);
    expect(phoneMessage).toMatch(
      /^Contoh: 0812 3456 7890\. Kosongkan untuk menghapus nomornya\. Nomor HP .+ Heriyanto$/,
    );
    expect(reasonMessage).toBe('Wajib diisi: tulis alasannya');
    // Cancelling is an admin's: an organizer is not offered it.
    expect(noCancel).toBe(0);
    expect(shown).toEqual(['Yulianti']);
    const list = (await s.organizer.get<{ items: Registration[] }>(registrations(s.sessionId))).body.items;
    expect(list.find((each) => each.id === `KT-${chair.code}`)).toMatchObject({
      fullName: 'Yulianti',
      phone: '+6281211112222',
      checkedInAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(list.find((each) => each.id === `KT-${other.code}`)?.fullName).toBe('Heriyanto');
    const entry = (await trail(`sessionId=${s.sessionId}`)).find((each) => each.action === 'registration.updated');
    expect(entry).toMatchObject({
      reason: 'Salah ketik di meja pendaftaran',
      before: { fullName: 'Yuli' },
      after: { fullName: 'Yulianti' },
    });
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('on a phone: a check-in tapped by mistake is undone with a reason; the list, the counters and the recap follow', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Petugas Pintu');
    await go(page, `/sesi/${s.sessionId}/hadir`, /Sosialisasi/);
    await page.locator('ul.people:not([aria-busy])').waitFor();
    const before = await counters(page);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('yulianti');
    await page.getByRole('button', { name: 'Perbaiki data Yulianti' }).tap();
    // The panel opens when the person is tapped: wait for it rather than look at once.
    const present = await shows(page.getByText(/^Tercatat hadir pukul \d{2}[.:]\d{2}\.$/));
    // Act
    await page.getByRole('button', { name: 'Batalkan hadir' }).tap();
    await page.getByRole('button', { name: 'Ya, batalkan hadir' }).tap();
    await page.getByText('Wajib diisi: tulis alasannya').waitFor();
    const reasonMessage = await fieldMessage(page, 'Alasan membatalkan hadir');
    await page.getByLabel('Alasan membatalkan hadir').fill('Salah tekan Hadir');
    await screenshot(page, 'browser-fix-undo-check-in');
    await page.getByRole('button', { name: 'Ya, batalkan hadir' }).tap();
    await done(page).filter({ hasText: 'Hadir dibatalkan: Yulianti' }).waitFor();
    const after = await counters(page);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('yulianti');
    const again = await shows(page.getByRole('button', { name: 'Tandai hadir: Yulianti' }));
    const headHeight = (await page.evaluate(
      `document.querySelector('.check-in .counters').getBoundingClientRect().top + window.scrollY`,
    )) as number;
    await screenshot(page, 'browser-fix-undone');
    await page.getByRole('link', { name: 'Rekap' }).tap();
    await page.locator('.recap-sentence').waitFor();
    const sentence = await page.locator('.recap-sentence').textContent();
    // Assess
    expect(present).toBe(true);
    expect(reasonMessage).toBe('Wajib diisi: tulis alasannya');
    expect(before).toMatch(/^1 hadir \/ \d+ terdaftar$/);
    expect(after).toMatch(/^0 hadir \/ \d+ terdaftar$/);
    expect(again).toBe(true);
    // The shell, the title with "Ubah sesi", and the tabs stay compact above the counters.
    expect(headHeight).toBeLessThan(300);
    expect(sentence).toMatch(/^Belum ada peserta hadir/);
    const recap = await s.organizer.get<{ present: number }>(`/sessions/${s.sessionId}/attendance`);
    expect(recap.body.present).toBe(0);
    const entry = (await trail(`sessionId=${s.sessionId}`)).find(
      (each) => each.action === 'registration.checkInUndone',
    );
    expect(entry).toMatchObject({ reason: 'Salah tekan Hadir', entityId: `KT-${chair.code}` });
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('an admin cancels a registration with a reason: it leaves the list and its place is free again', async () => {
    // Prepare
    const twice = desa(2);
    const path = registrations(s.sessionId);
    expect(
      (await s.organizer.post(path, { fullName: 'Ahmad Fauzi', role: 'KETUA_PANITIA', villageCode: twice.code }))
        .status,
    ).toBe(201);
    const page = await open('phone', 'admin', 'Admin DPMD');
    await go(page, `/sesi/${s.sessionId}/hadir`, /Sosialisasi/);
    await page.locator('ul.people:not([aria-busy])').waitFor();
    const before = await counters(page);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('ahmad fauzi');
    await page.getByRole('button', { name: 'Perbaiki data Ahmad Fauzi' }).tap();
    // Act
    await page.getByRole('button', { name: 'Batalkan pendaftaran' }).tap();
    const sentence = await page.locator('.confirm-intro').textContent();
    await page.getByLabel('Alasan membatalkan pendaftaran').fill('Didaftarkan dua kali');
    await screenshot(page, 'browser-fix-cancel');
    await page.getByRole('button', { name: 'Ya, batalkan pendaftaran' }).tap();
    await done(page).filter({ hasText: 'Pendaftaran dibatalkan: Ahmad Fauzi' }).waitFor();
    const after = await counters(page);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('ahmad fauzi');
    await page.getByText('Tidak ada peserta yang cocok.').waitFor();
    // Assess
    expect(sentence).toBe(
      'Ahmad Fauzi dihapus dari daftar peserta; tempatnya dan nomor HP-nya bebas lagi untuk pendaftar lain.',
    );
    const registered = (text: string) => Number(/\/ ([\d.]+) terdaftar/.exec(text)?.[1]?.replace(/\./g, ''));
    expect(registered(after)).toBe(registered(before) - 1);
    const list = (await s.organizer.get<{ items: Registration[] }>(path)).body.items;
    expect(list.some((each) => each.fullName === 'Ahmad Fauzi')).toBe(false);
    const entry = (await trail(`sessionId=${s.sessionId}`)).find((each) => each.action === 'registration.cancelled');
    expect(entry).toMatchObject({ reason: 'Didaftarkan dua kali', before: { fullName: 'Ahmad Fauzi' } });
    const freed = await s.organizer.post(path, {
      fullName: 'Agus Salim',
      role: 'KETUA_PANITIA',
      villageCode: twice.code,
    });
    expect(freed.status).toBe(201);
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('on a laptop the correction panel sits above the list, with every field and step', async () => {
    // Prepare
    const page = await open('laptop', 'admin', 'Admin DPMD');
    await go(page, `/sesi/${s.sessionId}/hadir`, /Sosialisasi/);
    await page.getByLabel('Cari nama, desa atau kecamatan').fill('yulianti');
    // Act
    await page.getByRole('button', { name: 'Perbaiki data Yulianti' }).click();
    await page.getByRole('heading', { name: 'Perbaiki pendaftaran: Yulianti' }).waitFor();
    await screenshot(page, 'browser-fix-registration-laptop');
    const steps = await page.locator('.correction-panel button').allTextContents();
    await page.getByRole('button', { name: 'Tutup' }).click();
    // Assess
    expect(steps).toEqual(['Simpan perbaikan', 'Batalkan pendaftaran', 'Tutup']);
    expect(await page.locator('.correction-panel').isVisible()).toBe(false);
  });
});

describe('#1 a session edited from its page', () => {
  const invited = [desa(0), desa(1), desa(2), desa(3)];
  let sessionId = '';

  beforeAll(async () => {
    const created = await s.organizer.post<Session>('/sessions', {
      title: 'Bimtek Panitia Gelombang II',
      date: '2024-02-08',
      venue: 'Aula Kantor Camat Muara Dua',
      capacity: 5,
      villageCodes: invited.map((each) => each.code),
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    for (const role of ['KETUA_PANITIA', 'SEKRETARIS_PANITIA']) {
      const reply = await s.organizer.post(registrations(sessionId), {
        fullName: role === 'KETUA_PANITIA' ? 'Juproni' : 'Novi Andriani',
        role,
        villageCode: invited[0]?.code,
      });
      expect(reply.status).toBe(201);
    }
  });

  test('on a laptop: a capacity below those registered and a desa with registrations are refused at their field; then title, venue, capacity and desa are saved', async () => {
    // Prepare
    const page = await open('laptop', 'organizer', 'Panitia DPMD');
    await go(page, `/sesi/${sessionId}`, 'Bimtek Panitia Gelombang II');
    await page.getByRole('button', { name: 'Ubah sesi' }).click();
    await page.getByRole('heading', { name: 'Ubah sesi', level: 2 }).waitFor();
    const prefilled = [
      await page.getByLabel('Judul sesi').inputValue(),
      await page.getByLabel('Tanggal').inputValue(),
      await page.getByLabel('Kuota peserta (opsional)').inputValue(),
    ];
    const counted = await page.locator('.village-picker > .meta').textContent();
    const submit = page.getByRole('button', { name: 'Simpan perubahan sesi' });
    /** Opens a kecamatan's desa list (a tap on an open one would fold it). */
    const openGroup = async (code: string) => {
      const group = page.locator('details.village-group', {
        has: page.locator('summary', { hasText: `Kec. ${kecamatanName(code)} (` }),
      });
      if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    };
    // Act 1: a capacity below the two registered.
    await page.getByLabel('Kuota peserta (opsional)').fill('1');
    await page.getByLabel('Alasan perubahan').fill('Ruang rapat lebih kecil');
    await submit.click();
    await page
      .getByText(/Kuota tidak boleh kurang/)
      .first()
      .waitFor();
    const capacityMessage = await fieldMessage(page, 'Kuota peserta (opsional)');
    // Act 2: leaving out the desa whose Ketua and Sekretaris registered.
    await page.getByLabel('Kuota peserta (opsional)').fill('5');
    await openGroup(invited[0]?.kecamatanCode ?? '');
    await page.getByRole('checkbox', { name: invited[0]?.name, exact: true }).uncheck();
    await submit.click();
    await page.locator('.village-picker > .error:not([hidden])').waitFor();
    const villageMessage = await page.locator('.village-picker > .error').textContent();
    await screenshot(page, 'browser-fix-session-edit-refused');
    // Act 3: the desa kept, another left out, the details changed.
    await page.getByRole('checkbox', { name: invited[0]?.name, exact: true }).check();
    await openGroup(invited[3]?.kecamatanCode ?? '');
    await page.getByRole('checkbox', { name: invited[3]?.name, exact: true }).uncheck();
    await page.getByLabel('Judul sesi').fill('Bimtek Panitia Gelombang II (pindah tempat)');
    await page.getByLabel('Tempat').fill('Aula Kantor Bupati');
    await page.getByLabel('Kuota peserta (opsional)').fill('40');
    await page.getByLabel('Alasan perubahan').fill('Tempat pindah ke kantor bupati');
    await submit.click();
    await page.getByText('Perubahan sesi tersimpan.').waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    const meta = await page.locator('.session-meta .meta').textContent();
    await screenshot(page, 'browser-fix-session-edited-laptop');
    // Assess
    expect(prefilled).toEqual(['Bimtek Panitia Gelombang II', '2024-02-08', '5']);
    expect(counted).toBe('4 dari 82 desa dipilih.');
    expect(capacityMessage).toBe(
      'Kosongkan bila tanpa kuota. Tidak boleh kurang dari yang sudah terdaftar (2 peserta). ' +
        'Kuota tidak boleh kurang dari jumlah yang sudah terdaftar (2 peserta).',
    );
    expect(villageMessage).toContain(invited[0]?.name);
    expect(title).toBe('Bimtek Panitia Gelombang II (pindah tempat)');
    expect(meta).toBe('8 Februari 2024 · Aula Kantor Bupati');
    const saved = (await s.organizer.get<Session>(`/sessions/${sessionId}`)).body;
    expect(saved).toMatchObject({ title: 'Bimtek Panitia Gelombang II (pindah tempat)', venue: 'Aula Kantor Bupati' });
    expect(saved.capacity).toBe(40);
    expect([...saved.villageCodes].sort()).toEqual(
      invited
        .slice(0, 3)
        .map((each) => each.code)
        .sort(),
    );
    const entry = (await trail(`sessionId=${sessionId}`)).find((each) => each.action === 'session.updated');
    expect(entry?.reason).toBe('Tempat pindah ke kantor bupati');
  });

  test('on a phone: the same form fits the screen, and nothing changed is said so', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Panitia DPMD');
    await go(page, `/sesi/${sessionId}`, /Bimtek Panitia/);
    // Act
    await page.getByRole('button', { name: 'Ubah sesi' }).tap();
    await page.getByRole('button', { name: 'Simpan perubahan sesi' }).tap();
    await page.getByText('Belum ada yang diubah.').waitFor();
    await page.locator('details.village-group summary').first().tap();
    await screenshot(page, 'browser-fix-session-edit-phone');
    // Assess
    expect(await overflowsSideways(page)).toBe(false);
  });
});

// ---- #5 The formula keeps what was set by hand -------------------------------------------------

describe('#5 the allocation formula keeps the desa set by hand', () => {
  const byHand = [desa(5), desa(6)];

  beforeAll(async () => {
    expect((await s.organizer.post('/allocations/apply', { rules: demoRules })).status).toBe(200);
    for (const village of byHand) {
      const reply = await s.organizer.put(`/allocations/${village.code}`, {
        lines: [{ itemCode: 'LEM', quantity: 7 }],
      });
      expect(reply.status).toBe(200);
    }
  });

  test('on a phone: the preview names them and keeps them; ticked "Ganti juga yang diisi manual", they are replaced', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Rina Marlina');
    await go(page, '/logistik/alokasi', 'Alokasi');
    const replace = page.getByLabel('Ganti juga yang diisi manual');
    const ticked = await replace.isChecked();
    // Act 1: preview and save, keeping them.
    await page.getByRole('button', { name: 'Pratinjau' }).tap();
    await page
      .getByText('Pratinjau untuk 82 desa; belum disimpan. 2 desa yang diisi manual tetap seperti diisi.')
      .waitFor();
    const listed = await page.locator('.by-hand-list li').allTextContents();
    const listTitle = await page.locator('.by-hand-list h3').textContent();
    await page.getByText('Per desa (82 desa)').tap();
    const row = page.locator('table.per-village tr.by-hand').first();
    const rowText = await row.locator('th').textContent();
    await screenshot(page, 'browser-fix-allocation-kept');
    await page.getByRole('button', { name: 'Simpan alokasi' }).tap();
    await page.getByText('Alokasi tersimpan untuk 80 desa; 2 desa yang diisi manual tidak diubah.').waitFor();
    const kept = await allocationOf(byHand[0]?.code ?? '');
    // Act 2: previewed again, then ticked to replace them too: the preview no longer holds.
    await page.getByRole('button', { name: 'Pratinjau' }).tap();
    await page
      .getByText('Pratinjau untuk 82 desa; belum disimpan. 2 desa yang diisi manual tetap seperti diisi.')
      .waitFor();
    await replace.check();
    const stale = await shows(page.getByText('Aturan berubah sejak pratinjau'));
    const applyDisabled = await page.getByRole('button', { name: 'Simpan alokasi' }).isDisabled();
    await page.getByRole('button', { name: 'Pratinjau' }).tap();
    await page.getByText('Pratinjau untuk 82 desa; belum disimpan. 2 desa yang diisi manual ikut diganti.').waitFor();
    const replacing = await page.locator('.by-hand-list p').textContent();
    await screenshot(page, 'browser-fix-allocation-replacing');
    await page.getByRole('button', { name: 'Simpan alokasi' }).tap();
    await page.getByText('Alokasi tersimpan untuk 82 desa.').waitFor();
    const replaced = await allocationOf(byHand[0]?.code ?? '');
    // Assess
    expect(ticked).toBe(false);
    expect(listTitle).toBe('Diisi manual (2 desa)');
    expect(listed).toEqual(byHand.map((each) => `${each.name} (Kec. ${kecamatanName(each.kecamatanCode)})`));
    expect(rowText).toMatch(/diisi manual, tetap$/);
    expect(kept).toMatchObject({ source: 'manual', lines: [{ itemCode: 'LEM', quantity: 7 }] });
    expect(stale).toBe(true);
    expect(applyDisabled).toBe(true);
    expect(replacing).toBe('Alokasi desa berikut diisi manual dan akan diganti dengan hasil rumus.');
    expect(replaced?.source).toBe('formula');
    expect(replaced?.lines.length).toBeGreaterThan(1);
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('on a laptop: the kept desa are marked in the per-desa table', async () => {
    // Prepare
    await s.organizer.put(`/allocations/${byHand[0]?.code}`, { lines: [{ itemCode: 'LEM', quantity: 9 }] });
    const page = await open('laptop', 'organizer', 'Rina Marlina');
    await go(page, '/logistik/alokasi', 'Alokasi');
    // Act
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByText('1 desa yang diisi manual tetap seperti diisi.', { exact: false }).waitFor();
    await page.getByText('Per desa (82 desa)').click();
    const marked = await page.locator('table.per-village tr.by-hand th').allTextContents();
    await screenshot(page, 'browser-fix-allocation-laptop');
    // Assess
    expect(marked).toEqual([`${byHand[0]?.name}diisi manual, tetap`]);
  });
});

// ---- #2 The same BAST and the same link again --------------------------------------------------

describe('#2 a shipment’s BAST and the village’s link, again', () => {
  const village = desa(10);
  let shipment: Created;

  beforeAll(async () => {
    expect((await s.organizer.post('/allocations/apply', { rules: demoRules })).status).toBe(200);
    const lines = (await allocationOf(village.code))?.lines.filter((line) => line.quantity > 0) ?? [];
    const created = await s.organizer.post<Created>('/shipments', { villageCode: village.code, lines });
    expect(created.status).toBe(201);
    shipment = created.body;
  });

  test('on a phone: the same BAST prints again (same number, same QR) and the same link shows again, with copy and WhatsApp', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Rina Marlina');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.stack.url });
    await go(page, `/logistik/kiriman/${shipment.id}`, `Pengiriman ${shipment.bastNumber}`);
    // Act
    const [bastResponse, download] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/bast.pdf')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Cetak ulang BAST' }).tap(),
    ]);
    await page.getByRole('button', { name: 'Tampilkan tautan desa' }).tap();
    await page.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
    const code = await page.locator('.receipt-code').getAttribute('data-code');
    const link = await page.locator('.code-panel .receipt-link').getAttribute('href');
    const note = await page.locator('.code-panel [role="note"]').textContent();
    const whatsApp = (await page.getByRole('link', { name: /WhatsApp/ }).getAttribute('href')) ?? '';
    await page.getByRole('button', { name: 'Salin tautan' }).tap();
    await page.getByText('Tautan disalin.').waitFor();
    const copied = await page.evaluate('navigator.clipboard.readText()');
    await screenshot(page, 'browser-fix-shipment-link-again');
    // Assess
    expect(bastResponse.status()).toBe(200);
    expect(bastResponse.request().headers()['x-receipt-code']).toBeUndefined();
    expect(await pdfText(download)).toContain(shipment.bastNumber);
    expect(await qrOf(download)).toBe(shipment.receiptUrl);
    expect(code).toBe(shipment.receiptCode);
    expect(link).toBe(shipment.receiptUrl);
    expect(copied).toBe(shipment.receiptUrl);
    expect(note).toBe(
      'Kode dan tautan yang sama dengan yang tercetak di BAST. Jangan bagikan ke pihak lain selain desa ini.',
    );
    expect(decodeURIComponent(whatsApp.split('text=')[1] ?? '')).toContain(shipment.receiptUrl);
    // The link already sent still works.
    expect((await s.anonymous.get(`/receipts/${shipment.receiptCode}`)).status).toBe(200);
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('a replacement and its original link to each other', async () => {
    // Prepare: the village confirms with 20 ballots missing; a replacement is sent for them.
    const confirmed = await s.anonymous.post(`/receipts/${shipment.receiptCode}`, {
      receivedBy: { name: 'Siti Nur’aini' },
      lines: shipment.lines.map((line) => ({
        itemCode: line.itemCode,
        good: line.itemCode === 'SURAT_SUARA' ? line.quantity - 20 : line.quantity,
        minorDamage: 0,
        majorDamage: 0,
      })),
    });
    expect(confirmed.status).toBe(201);
    const replacement = await s.organizer.post<Created>(`/shipments/${shipment.id}/replacement`, {
      reason: 'Surat suara hilang di jalan',
    });
    expect(replacement.status).toBe(201);
    const page = await open('phone', 'organizer', 'Rina Marlina');
    await go(page, `/logistik/kiriman/${shipment.id}`, `Pengiriman ${shipment.bastNumber}`);
    // Act
    const listed = await page.locator('.replacements .card').textContent();
    await screenshot(page, 'browser-fix-shipment-replacements');
    await page.locator('.replacements .card').tap();
    await page.getByRole('heading', { level: 1, name: `Pengiriman ${replacement.body.bastNumber}` }).waitFor();
    const replaces = await page.locator('.notice.replaces').textContent();
    await screenshot(page, 'browser-fix-shipment-replacement');
    await page.getByRole('link', { name: 'Buka pengiriman asal' }).tap();
    await page.getByRole('heading', { level: 1, name: `Pengiriman ${shipment.bastNumber}` }).waitFor();
    // Assess
    expect(listed).toContain(`BAST ${replacement.body.bastNumber}`);
    expect(listed).toContain('20 Surat suara');
    expect(replaces).toContain(
      `Pengiriman ini mengganti barang yang rusak berat atau hilang pada BAST ${shipment.bastNumber}.`,
    );
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('on a laptop: a new code only after saying the old link dies; then the BAST prints the new one', async () => {
    // Prepare
    const page = await open('laptop', 'organizer', 'Rina Marlina');
    await go(page, `/logistik/kiriman/${shipment.id}`, `Pengiriman ${shipment.bastNumber}`);
    // Act
    await page.getByRole('button', { name: 'Terbitkan kode baru' }).click();
    const warning = await page.locator('.code-section .confirm-step').textContent();
    await screenshot(page, 'browser-fix-shipment-new-code-confirm');
    await page.getByRole('button', { name: 'Ya, terbitkan kode baru' }).click();
    await page.getByRole('heading', { name: 'Kode penerimaan desa' }).waitFor();
    const fresh = (await page.locator('.receipt-code').getAttribute('data-code')) ?? '';
    const note = await page.locator('.code-panel [role="note"]').textContent();
    await screenshot(page, 'browser-fix-shipment-new-code');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Cetak ulang BAST' }).click(),
    ]);
    // Assess
    expect(warning).toContain('Tautan lama akan mati');
    expect(warning).toContain('desa yang membukanya akan melihat “Kode tidak dikenal”');
    expect(fresh).not.toBe(shipment.receiptCode);
    expect(note).toMatch(/^Kode baru berlaku mulai sekarang\. Kode, tautan dan QR yang lama sudah mati/);
    expect((await s.anonymous.get(`/receipts/${shipment.receiptCode}`)).status).toBe(404);
    expect((await s.anonymous.get(`/receipts/${fresh}`)).status).toBe(200);
    expect(await qrOf(download)).toBe(`${s.stack.url}/terima/${fresh}`);
  });
});

// ---- #4 Partly shipped reads as such everywhere ------------------------------------------------

describe('#4 a desa allocated 6 and shipped 4 is "Sebagian dikirim" everywhere', () => {
  const village = desa(20);
  let shipment: Created;

  beforeAll(async () => {
    const allocated = await s.organizer.put(`/allocations/${village.code}`, {
      lines: [{ itemCode: 'KOTAK_SUARA', quantity: 6 }],
    });
    expect(allocated.status).toBe(200);
    const created = await s.organizer.post<Created>('/shipments', {
      villageCode: village.code,
      lines: [{ itemCode: 'KOTAK_SUARA', quantity: 4 }],
    });
    expect(created.status).toBe(201);
    shipment = created.body;
    const confirmed = await s.anonymous.post(`/receipts/${shipment.receiptCode}`, {
      receivedBy: { name: 'Siti Nur’aini' },
      lines: [{ itemCode: 'KOTAK_SUARA', good: 4, minorDamage: 0, majorDamage: 0 }],
    });
    expect(confirmed.status).toBe(201);
  });

  test('on a phone: the tile, the overview’s badge, the desa’s badges and the shipment’s badge, and the CSV', async () => {
    // Prepare
    const page = await open('phone', 'organizer', 'Rina Marlina');
    await go(page, '/logistik', 'Logistik');
    // Act: the overview.
    const tile = await page.getByRole('button', { name: /Sebagian dikirim/ }).textContent();
    await page.getByRole('button', { name: /Sebagian dikirim/ }).tap();
    const rows = await page.locator('.village-row').allTextContents();
    await screenshot(page, 'browser-fix-partly-overview');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV$/ }).tap()]);
    // The desa's page.
    await page.locator('.village-row').first().tap();
    await page.getByRole('heading', { level: 1, name: `Desa ${village.name}` }).waitFor();
    const desaBadge = await page.locator('.section-head .badge').textContent();
    const cardBadge = await page.locator('.cards .card .badge').textContent();
    const remaining = await page
      .getByRole('row', { name: /^Kotak suara/ })
      .locator('td')
      .nth(2)
      .textContent();
    await screenshot(page, 'browser-fix-partly-village');
    // The shipment's page.
    await page.locator('.cards .card').first().tap();
    await page.getByRole('heading', { level: 1, name: `Pengiriman ${shipment.bastNumber}` }).waitFor();
    const shipmentBadge = await page.locator('.section-head .badge').textContent();
    const short = await page.locator('.section-head .meta a').textContent();
    await screenshot(page, 'browser-fix-partly-shipment');
    const text = (await page.evaluate('document.body.innerText')) as string;
    // Assess
    expect(tile).toBe('1Sebagian dikirim');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(village.name);
    expect(rows[0]).toContain('Sebagian dikirim');
    expect(desaBadge).toBe('Sebagian dikirim');
    expect(cardBadge).toBe('Sebagian dikirim');
    expect(remaining).toBe('2');
    expect(shipmentBadge).toBe('Sebagian dikirim');
    expect(short).toBe('Desa ini baru menerima sebagian alokasinya; sisa: 2 Kotak suara.');
    expect(text).not.toContain('Diterima lengkap');
    const lines = readFileSync((await csv.path()) as string, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.includes(village.code));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes('Sebagian dikirim') && !line.includes('Diterima lengkap'))).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
  });

  test('on a laptop, in English: "Partly shipped" on the desa and its shipment', async () => {
    // Prepare
    const page = await open('laptop', 'organizer', 'Rina Marlina');
    await page.evaluate("localStorage.setItem('siap.lang', 'en')");
    // Act
    await go(page, `/logistik/desa/${village.code}`, `${village.name} village`);
    const badges = await page.locator('.badge').allTextContents();
    await screenshot(page, 'browser-fix-partly-village-laptop-en');
    // Assess
    expect(badges).toEqual(['Partly shipped', 'Partly shipped']);
  });
});
