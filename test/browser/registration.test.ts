import type { Page } from 'playwright-core';
import type { Registration } from '#shared/sessions/registration-contract.ts';
import {
  type BrowserStack,
  fieldMessage,
  overflowsSideways,
  screenshot,
  usePhoneSession,
} from '#test/support/browser.ts';

const phone = usePhoneSession({ group: 'organizer', name: 'Meja Pendaftaran' });
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

/** The desk's remembered role and kecamatan (kept for this tab, so a reload keeps them). */
const REMEMBERED = () => `siap.daftar.${s.sessionId}`;

/**
 * A fresh form (a new page load: the same address with only its hash would keep the old form),
 * with nothing remembered from an earlier test unless `keep`.
 */
async function openForm(keep = false) {
  if (!keep) {
    await page.goto('/#/');
    await page.evaluate(`sessionStorage.removeItem(${JSON.stringify(REMEMBERED())})`);
  }
  await page.goto('about:blank');
  await page.goto(`/#/sesi/${s.sessionId}/daftar`);
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
}

async function registrations(): Promise<Registration[]> {
  const reply = await s.organizer.get<{ items: Registration[] }>(`/sessions/${s.sessionId}/registrations`);
  return reply.body.items;
}

test('a desk registers a titled Ketua and, keeping role and kecamatan, a name with an apostrophe', async () => {
  // Prepare
  await openForm();
  // Act
  await page.getByRole('radio', { name: 'Ketua Panitia' }).check();
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Muara Dua' });
  await page.getByLabel('Desa', { exact: true }).selectOption({ label: 'Gedung Lepihan' });
  await page.getByLabel('Nama lengkap (dengan gelar)').fill('H. M. Rahmattullah, S.STP., MM.');
  await page.getByLabel('Nomor HP (opsional)').fill('0812 3456 7890');
  await page.getByRole('button', { name: 'Daftarkan' }).tap();
  const first = page.getByRole('status').filter({ hasText: 'Terdaftar' });
  await first.waitFor();
  const firstText = await first.textContent();
  // The next person from the same kecamatan needs only a desa and a name.
  const keptRole = await page.getByRole('radio', { name: 'Ketua Panitia' }).isChecked();
  const keptKecamatan = await page.getByLabel('Kecamatan', { exact: true }).inputValue();
  const clearedName = await page.getByLabel('Nama lengkap (dengan gelar)').inputValue();
  await page.getByLabel('Desa', { exact: true }).selectOption({ label: 'Gunung Tiga' });
  await page.getByLabel('Nama lengkap (dengan gelar)').fill("Ma'ruf Amin");
  await page.getByRole('button', { name: 'Daftarkan' }).tap();
  await page.getByRole('status').filter({ hasText: "Terdaftar: Ma'ruf Amin" }).waitFor();
  await screenshot(page, 'browser-register-success');
  // Assess
  expect(firstText).toContain('Terdaftar: H. M. Rahmattullah, S.STP., MM.');
  expect(firstText).toContain('Ketua Panitia · Desa Gedung Lepihan');
  expect(keptRole).toBe(true);
  expect(keptKecamatan).toBe('16.09.01');
  expect(clearedName).toBe('');
  const stored = await registrations();
  expect(stored.map(({ fullName, villageCode, phone }) => ({ fullName, villageCode, phone }))).toEqual(
    expect.arrayContaining([
      { fullName: 'H. M. Rahmattullah, S.STP., MM.', villageCode: '16.09.01.2002', phone: '+6281234567890' },
      { fullName: "Ma'ruf Amin", villageCode: '16.09.01.2003', phone: undefined },
    ]),
  );
  expect(await overflowsSideways(page)).toBe(false);
});

test('an empty name and a Kasi without kecamatan get the API’s Indonesian messages beside the fields', async () => {
  // Prepare
  await openForm();
  const before = (await registrations()).length;
  // Act
  await page.getByRole('radio', { name: 'Kasi Pemerintahan' }).check();
  const villageShown = await page.getByLabel('Desa', { exact: true }).isVisible();
  await page.getByRole('button', { name: 'Daftarkan' }).tap();
  await page.getByRole('alert').waitFor();
  await screenshot(page, 'browser-register-errors');
  // Assess
  expect(villageShown).toBe(false);
  expect(await fieldMessage(page, 'Nama lengkap (dengan gelar)')).toBe('Wajib diisi');
  expect(await fieldMessage(page, 'Kecamatan')).toBe('Pilih kecamatan untuk peran ini');
  expect(await page.getByRole('alert').textContent()).toContain('Periksa isian yang ditandai.');
  expect(await page.getByLabel('Nama lengkap (dengan gelar)').getAttribute('aria-invalid')).toBe('true');
  expect((await registrations()).length).toBe(before);
});

test('a second chair for the same desa is refused with the sentence naming who holds the place', async () => {
  // Prepare
  await s.organizer.post(`/sessions/${s.sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.02.2012',
  });
  await openForm();
  // Act
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Pulau Beringin' });
  await page.getByLabel('Desa', { exact: true }).selectOption({ label: 'Tanjung Bulan' });
  await page.getByLabel('Nama lengkap (dengan gelar)').fill('Yulianti');
  await page.getByRole('button', { name: 'Daftarkan' }).tap();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  await screenshot(page, 'browser-register-conflict');
  // Assess
  expect(await alert.textContent()).toContain('Ketua Panitia Desa Tanjung Bulan sudah terdaftar atas nama Juproni');
  const holders = (await registrations()).filter((each) => each.villageCode === '16.09.02.2012');
  expect(holders.map((each) => each.fullName)).toEqual(['Juproni']);
});

test('a double tap on Daftarkan sends one registration', async () => {
  // Prepare
  await openForm();
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/registrations')) posts.push(request.url());
  });
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Simpang' });
  await page.getByRole('radio', { name: 'Sekretaris Panitia' }).check();
  const desa = page.getByLabel('Desa', { exact: true });
  await desa.selectOption({ index: 1 });
  await page.getByLabel('Nama lengkap (dengan gelar)').fill('Siti Nur’aini');
  // Act
  await page.getByRole('button', { name: 'Daftarkan' }).dblclick();
  await page.getByRole('status').filter({ hasText: 'Terdaftar: Siti Nur’aini' }).waitFor();
  // Assess
  expect(posts).toHaveLength(1);
});

test('a reload of the form keeps the chosen role and kecamatan (a phone reloads the tab often)', async () => {
  // Prepare
  await openForm();
  await page.getByRole('radio', { name: 'Sekretaris Panitia' }).check();
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Simpang' });
  // Act
  await page.reload();
  await page.getByRole('button', { name: 'Daftarkan' }).waitFor();
  // Assess
  expect(await page.getByRole('radio', { name: 'Sekretaris Panitia' }).isChecked()).toBe(true);
  expect(await page.getByLabel('Kecamatan', { exact: true }).inputValue()).toBe('16.09.05');
  expect(await page.getByLabel('Desa', { exact: true }).isEnabled()).toBe(true);
  expect((await page.getByLabel('Desa', { exact: true }).locator('option').count()) > 1).toBe(true);
  await screenshot(page, 'browser-register-reloaded');
});

test('required fields are marked before any submit; the optional phone is not', async () => {
  // Prepare
  await openForm();
  // Act
  const marks = await page
    .locator('.field')
    .filter({ has: page.locator('.required-mark') })
    .locator('label')
    .allTextContents();
  // Assess
  expect(marks).toEqual(['Kecamatan', 'Desa', 'Nama lengkap (dengan gelar)']);
  expect(await page.getByLabel('Nama lengkap (dengan gelar)').getAttribute('required')).toBe('');
  expect(await page.getByLabel('Nomor HP (opsional)').getAttribute('required')).toBeNull();
});

test('an empty registration marks the kecamatan (the desa list is still closed), and the notice goes once the fields are fixed', async () => {
  // Prepare
  await openForm();
  // Act
  await page.getByRole('button', { name: 'Daftarkan' }).tap();
  await page.getByRole('alert').waitFor();
  const kecamatanMessage = await fieldMessage(page, 'Kecamatan');
  const villageMessage = await fieldMessage(page, 'Desa');
  const nameMessage = await fieldMessage(page, 'Nama lengkap (dengan gelar)');
  const focused = await page.evaluate('document.activeElement && document.activeElement.name');
  await screenshot(page, 'browser-register-empty');
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Muara Dua' });
  const kecamatanAfter = await fieldMessage(page, 'Kecamatan');
  const alertWhileNameMissing = await page.getByRole('alert').isVisible();
  await page.getByLabel('Nama lengkap (dengan gelar)').fill('Rahmat Hidayat');
  const alertAfter = await page.getByRole('alert').count();
  // Assess
  expect(kecamatanMessage).toBe('Pilih kecamatan dulu, lalu desanya');
  expect(villageMessage).toBe('');
  expect(nameMessage).toBe('Wajib diisi');
  expect(focused).toBe('kecamatanCode');
  expect(kecamatanAfter).toBe('');
  expect(alertWhileNameMissing).toBe(true);
  expect(alertAfter).toBe(0);
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
});
