/**
 * The audit trail in words: every action a session, a shipment and a desa went through, told as a
 * sentence in Bahasa Indonesia (and English), people and desa by name, what changed before →
 * after, and never an internal label, an id or a code.
 */
import type { Page } from 'playwright-core';
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import type { Allocation, Shipment } from '#shared/logistics/contract.ts';
import { type BrowserStack, screenshot, usePhoneSession } from '#test/support/browser.ts';

type Created = Shipment & { receiptCode: string };
const desa = villages[0] as (typeof villages)[number]; // Gedung Lepihan, Kec. Muara Dua
let shipment: Created;
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

const phone = usePhoneSession({ group: 'organizer', name: 'Rina Marlina' }, async (stack) => {
  const sessions = `/sessions/${stack.sessionId}`;
  const ok = (status: number) => expect(status).toBeLessThan(300);
  ok(
    (
      await stack.organizer.post(`${sessions}/registrations`, {
        fullName: 'Juproni',
        role: 'KETUA_PANITIA',
        villageCode: desa.code,
      })
    ).status,
  );
  ok(
    (
      await stack.organizer.post(`${sessions}/registrations`, {
        fullName: 'Yulianti',
        role: 'SEKRETARIS_PANITIA',
        villageCode: desa.code,
      })
    ).status,
  );
  ok((await stack.organizer.post(`${sessions}/registrations/KT-${desa.code}/check-in`)).status);
  ok((await stack.admin.delete(`${sessions}/registrations/SK-${desa.code}`)).status);
  ok(
    (
      await stack.organizer.post(`${sessions}/registrations/import`, {
        registrations: [
          { fullName: 'Abdul Muthi', role: 'ANGGOTA_PANITIA', villageCode: desa.code },
          { fullName: 'Siti Aminah', role: 'ANGGOTA_PANITIA', villageCode: desa.code },
        ],
      })
    ).status,
  );
  ok((await stack.organizer.post('/allocations/apply', { rules: demoRules })).status);
  const allocation = (await stack.organizer.get<{ items: Allocation[] }>('/allocations')).body.items.find(
    (each) => each.villageCode === desa.code,
  );
  const lines = allocation?.lines.filter((line) => line.quantity > 0) ?? [];
  ok(
    (
      await stack.organizer.put(`/allocations/${desa.code}`, {
        lines: lines.map((line) => (line.itemCode === 'LEM' ? { ...line, quantity: 7 } : line)),
      })
    ).status,
  );
  const sent = lines.map((line) => (line.itemCode === 'LEM' ? { ...line, quantity: 7 } : line));
  shipment = (await stack.organizer.post<Created>('/shipments', { villageCode: desa.code, lines: sent })).body;
  ok(
    (
      await stack.anonymous.post(`/receipts/${shipment.receiptCode}`, {
        receivedBy: { name: 'Siti Nur’aini' },
        lines: shipment.lines.map((line) => ({
          itemCode: line.itemCode,
          good: line.itemCode === 'SURAT_SUARA' ? line.quantity - 20 : line.quantity,
          minorDamage: 0,
          majorDamage: 0,
        })),
      })
    ).status,
  );
  const ticket = await stack.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
    `/receipts/${shipment.receiptCode}/documents`,
    { fileName: 'bast.jpg', contentType: 'image/jpeg', size: JPEG.length },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'bast.jpg');
  ok((await fetch(ticket.body.url, { method: 'POST', body: form })).status);
  ok(
    (await stack.anonymous.post(`/receipts/${shipment.receiptCode}/documents/${ticket.body.documentId}/complete`))
      .status,
  );
  ok(
    (
      await stack.admin.put(`/shipments/${shipment.id}/receipt`, {
        lines: shipment.lines.map((line) => ({
          itemCode: line.itemCode,
          good: line.quantity,
          minorDamage: 0,
          majorDamage: 0,
        })),
        reason: 'Surat suara tertinggal di kantor camat',
      })
    ).status,
  );
  ok((await stack.organizer.post(`/shipments/${shipment.id}/receipt-code`)).status);
});
let s: BrowserStack;
let page: Page;
beforeAll(() => {
  ({ stack: s, page } = phone);
});

const quantity = (itemCode: string) => shipment.lines.find((line) => line.itemCode === itemCode)?.quantity ?? 0;
const n = (value: number) => value.toLocaleString('id-ID');

async function sentences(hash: string, heading: string): Promise<string[]> {
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  await page.locator('.audit-sentence').first().waitFor();
  return page.locator('.audit-sentence').allTextContents();
}

/** What a trail must never show: an action's internal label, a registration id, a region code, a placeholder. */
function inWords(all: string[]): void {
  for (const sentence of all) {
    expect(sentence).not.toMatch(
      /\b(session|registrations?|item|allocation|shipment|receipt|document|regions)\.[a-z][A-Za-z]+\b/,
    );
    expect(sentence).not.toMatch(/\b(KT|SK|AG|KS)-\d/);
    expect(sentence).not.toMatch(/\d{2}\.\d{2}\.\d{2}/);
    expect(sentence).not.toMatch(/\{\w+\}|undefined|null|NaN|\[object/);
  }
}

test('a session’s Riwayat: who created it, registered, checked in, cancelled and imported whom, in sentences', async () => {
  // Act
  const said = await sentences(`/sesi/${s.sessionId}/riwayat`, 'Riwayat');
  await screenshot(page, 'browser-audit-session');
  // Assess
  expect(said).toEqual(
    expect.arrayContaining([
      `Admin DPMD membuat sesi “Sosialisasi Pilkades Serentak Gelombang I”, ${s.sessionDay} di Gedung Serbaguna Pemkab OKU Selatan, Muaradua.`,
      'Panitia DPMD mendaftarkan Juproni sebagai Ketua Panitia Desa Gedung Lepihan.',
      expect.stringMatching(
        /^Panitia DPMD mencatat Juproni \(Ketua Panitia Desa Gedung Lepihan\) hadir pukul \d{2}[.:]\d{2}\.$/,
      ),
      'Admin DPMD membatalkan pendaftaran Yulianti (Sekretaris Panitia Desa Gedung Lepihan).',
      'Panitia DPMD mengimpor 2 pendaftaran baru dari berkas.',
    ]),
  );
  inWords(said);
});

test('a shipment’s trail: dispatched with its goods, confirmed short, the BAST photo, the correction before → after, a new code', async () => {
  // Act
  const said = await sentences(`/logistik/kiriman/${shipment.id}`, `Pengiriman ${shipment.bastNumber}`);
  await screenshot(page, 'browser-audit-shipment');
  // Assess
  const ballots = quantity('SURAT_SUARA');
  const dispatched = said.find((each) => each.includes('mengirim logistik')) ?? '';
  expect(
    dispatched.startsWith(`Panitia DPMD mengirim logistik ke Desa Gedung Lepihan dengan BAST ${shipment.bastNumber}: `),
  ).toBe(true);
  expect(dispatched).toContain(`Surat suara ${n(ballots)} lembar`);
  expect(dispatched).toContain('Lem perekat 7 buah');
  expect(said).toEqual(
    expect.arrayContaining([
      'Desa Gedung Lepihan mengonfirmasi penerimaan, diterima oleh Siti Nur’aini, dengan selisih: Surat suara 20 hilang.',
      'Desa Gedung Lepihan mulai mengunggah bast.jpg (1 KB).',
      'Desa Gedung Lepihan mengunggah bast.jpg; berkas diterima dan sudah diperiksa.',
      `Admin DPMD memperbaiki penerimaan (versi 1 → 2): Surat suara baik ${n(ballots - 20)} → ${n(ballots)}, hilang 20 → 0. Alasan: Surat suara tertinggal di kantor camat.`,
      'Panitia DPMD menerbitkan kode penerimaan baru; tautan dan QR yang lama tidak berlaku lagi.',
    ]),
  );
  inWords(said);
});

test('a desa’s trail: its allocation set by hand says what changed, item by item', async () => {
  // Act
  const said = await sentences(`/logistik/desa/${desa.code}`, 'Riwayat desa');
  // Assess
  expect(said).toContain(
    `Panitia DPMD mengubah alokasi Desa Gedung Lepihan secara manual: Lem perekat ${n(desa.tps)} → 7.`,
  );
  inWords(said);
});

test('in English the trail is English', async () => {
  // Prepare
  await page.goto(`/#/sesi/${s.sessionId}/riwayat`);
  await page.locator('.audit-sentence').first().waitFor();
  // Act
  await page.getByRole('button', { name: 'Switch to English' }).tap();
  await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
  await page.locator('.audit-sentence').first().waitFor();
  const said = await page.locator('.audit-sentence').allTextContents();
  await screenshot(page, 'browser-audit-session-english');
  await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).tap();
  // Assess
  expect(said).toEqual(
    expect.arrayContaining([
      'Panitia DPMD registered Juproni as Committee chair, Gedung Lepihan village.',
      'Admin DPMD cancelled the registration of Yulianti (Committee secretary, Gedung Lepihan village).',
      'Panitia DPMD imported 2 new registrations from a file.',
    ]),
  );
  inWords(said);
});
