/**
 * The BAST and the logistics exports against the real handlers, dynalite and the local gateway.
 * The BAST is rendered to PNG with poppler and read back with Tesseract OCR, and its QR code is
 * decoded from the same pixels with jsQR, so the test sees what a printer would print and what a
 * phone would scan, not just what the code meant to draw. The CSV and XLSX are parsed back and
 * must add up to exactly what `GET /logistics/summary` answers.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/node';
import { demoItems, demoRules } from '#local/demo/catalogue.ts';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import { calendarDate, spelledDate } from '#shared/kernel/pdf/dates.ts';
import { formatCount } from '#shared/kernel/pdf/numbers.ts';
import type { LogisticsSummary, Shipment } from '#shared/logistics/contract.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { pool, startTestStack, type TestStack } from '#test/support/api.ts';

const run = promisify(execFile);
const artifacts = join(process.cwd(), 'test-artifacts');

type Created = Shipment & { receiptCode: string; receiptUrl: string };
type Problem = { status: number; detail?: string; errors?: Array<{ field: string; message: string }> };

const FIRST_PARTY = { name: 'Drs. H. Zulkarnain, M.Si.', title: 'Kepala Bidang Pemerintahan Desa' };
const SECOND_PARTY = { name: "Ma'ruf", title: 'Ketua Panitia Pemilihan Kepala Desa' };
/** The desa of the BAST, and the desa that get shipments and confirm (or not). */
const bastVillage = villages[0];
const shipped = villages.slice(0, 6);
const damagedVillage = villages[1];
const completeVillage = villages[2];

let t: TestStack;
const shipments = new Map<string, Created>();

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function download(path: string, headers: Record<string, string> = {}, token?: string | null): Promise<Download> {
  const bearer = token === undefined ? t.tokens.organizer : token;
  const response = await fetch(`${t.stack.url}${path}`, {
    headers: { ...headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function problem(reply: Download): Problem {
  return JSON.parse(reply.bytes.toString('utf8')) as Problem;
}

function parseCsv(bytes: Buffer): string[][] {
  return Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  t = await startTestStack();
  const applied = await t.organizer.post('/allocations/apply', { rules: demoRules });
  expect(applied.status).toBe(200);
  await pool(shipped, 3, async (village) => {
    const reply = await t.organizer.post<Created>('/shipments', {
      villageCode: village.code,
      lines: allocateAll(demoRules, { dpt: village.dpt, tps: village.tps }),
      handedOverBy: FIRST_PARTY,
      receivedBy: village === bastVillage ? SECOND_PARTY : undefined,
    });
    expect(reply.status).toBe(201);
    shipments.set(village.code, reply.body);
  });

  // One desa reports damaged and missing ballots; another confirms everything in good order.
  const damaged = shipments.get(damagedVillage?.code ?? '') as Created;
  const withDamage = await t.anonymous.post(`/receipts/${damaged.receiptCode}`, {
    receivedBy: { name: 'Siti Nur’aini' },
    lines: damaged.lines.map((line) =>
      line.itemCode === 'SURAT_SUARA'
        ? { itemCode: line.itemCode, good: line.quantity - 30, minorDamage: 6, majorDamage: 4 }
        : { itemCode: line.itemCode, good: line.quantity, minorDamage: 0, majorDamage: 0 },
    ),
  });
  expect(withDamage.status).toBe(201);
  const complete = shipments.get(completeVillage?.code ?? '') as Created;
  const inFull = await t.anonymous.post(`/receipts/${complete.receiptCode}`, {
    receivedBy: { name: 'Juproni' },
    lines: complete.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    })),
  });
  expect(inFull.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await t?.stack.stop();
});

const bastShipment = () => shipments.get(bastVillage?.code ?? '') as Created;

/** The text of a PDF, as pdftotext reads it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const file = join(artifacts, `text-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  return (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
}

/** What a phone reads from the QR code on page 1 of a PDF. */
async function qrOf(bytes: Buffer): Promise<string | undefined> {
  const file = join(artifacts, `qr-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  const prefix = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const image = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('the BAST', () => {
  const file = join(artifacts, 'bast.pdf');
  const png = join(artifacts, 'bast-page-1.png');
  let ocr = '';

  beforeAll(async () => {
    const shipment = bastShipment();
    const reply = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': shipment.receiptCode });
    expect(reply.status).toBe(200);
    writeFileSync(file, reply.bytes);
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, png.replace(/\.png$/, '')]);
    // Read twice, as a page with columns and as one block (--psm 6): each misses what the other gets.
    const readings = await Promise.all(
      [[], ['--psm', '6']].map((mode) =>
        run('/usr/bin/tesseract', [png, '-', ...mode], { maxBuffer: 8 * 1024 * 1024 }),
      ),
    );
    // Lines wrap where the printer wraps them; compare text, not layout.
    ocr = readings.map(({ stdout }) => stdout.replace(/\s+/g, ' ')).join(' | ');
  }, 60_000);

  test('is a PDF named after its number', async () => {
    const shipment = bastShipment();
    const reply = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': shipment.receiptCode });
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    const [sequence, , , , year] = shipment.bastNumber.split('/');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="BAST-${sequence}-${year}.pdf"`);
    expect(reply.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/^Pages:\s+1$/m);
    expect(stdout).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
  });

  test('page 1, as printed, shows the title, number, desa, both parties, the goods and their quantities', () => {
    const shipment = bastShipment();
    const ballots = shipment.lines.find((line) => line.itemCode === 'SURAT_SUARA');
    expect(ocr).toContain('PEMERINTAH KABUPATEN OGAN KOMERING ULU SELATAN');
    expect(ocr).toContain('BERITA ACARA SERAH TERIMA');
    expect(ocr).toContain('LOGISTIK PEMILIHAN KEPALA DESA');
    expect(ocr).toContain(`Nomor: ${shipment.bastNumber}`);
    expect(ocr).toContain(`Desa ${bastVillage?.name}`);
    expect(ocr).toContain('PIHAK PERTAMA');
    expect(ocr).toContain('PIHAK KEDUA');
    expect(ocr).toContain('Kotak suara');
    // The cell border beside a right-aligned number may be read as "]" or "}".
    const quantity = formatCount(ballots?.quantity ?? -1).replace('.', '\\.');
    expect(ocr).toMatch(new RegExp(`Surat suara ${quantity}[\\]|}]? lembar`));
    expect(ocr).toContain('Pindai kode ini untuk');
  });

  test('names the parties exactly as given, with their titles, and dates the handover in words', async () => {
    const shipment = bastShipment();
    const { stdout } = await run('pdftotext', [file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`Nama : ${FIRST_PARTY.name} Jabatan : ${FIRST_PARTY.title}`);
    expect(text).toContain(`Nama : ${SECOND_PARTY.name} Jabatan : ${SECOND_PARTY.title}`);
    // Under the signatures too.
    expect(text.split(FIRST_PARTY.name)).toHaveLength(3);
    expect(text.split(SECOND_PARTY.name)).toHaveLength(3);
    const kecamatanName = kecamatan.find((unit) => unit.code === bastVillage?.kecamatanCode)?.name;
    expect(text).toContain(`Pada hari ini ${spelledDate(calendarDate(shipment.createdAt, 'Asia/Jakarta'))} (`);
    expect(text).toContain(`bertempat di Desa ${bastVillage?.name}, Kecamatan ${kecamatanName},`);
    expect(text).toContain(`Panitia Pemilihan Kepala Desa ${bastVillage?.name}, Kecamatan ${kecamatanName}`);
    for (const line of shipment.lines) expect(text).toContain(line.name);
  });

  test('carries a QR code that a phone decodes to the receipt link, printed under it too', async () => {
    // Act
    const image = PNG.sync.read(readFileSync(png));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    // Assess
    const shipment = bastShipment();
    expect(shipment.receiptUrl).toBe(`${t.stack.url}/terima/${shipment.receiptCode}`);
    expect(decoded?.data).toBe(shipment.receiptUrl);
    const { stdout } = await run('pdftotext', [file, '-']);
    expect(stdout.replace(/\s+/g, '')).toContain(shipment.receiptUrl);
  });

  test('leaves dotted lines for a receiver not named at dispatch', async () => {
    const shipment = shipments.get(villages[3]?.code ?? '') as Created;
    const reply = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': shipment.receiptCode });
    expect(reply.status).toBe(200);
    const unnamed = join(artifacts, 'bast-unnamed.pdf');
    writeFileSync(unnamed, reply.bytes);
    const text = (await run('pdftotext', [unnamed, '-'])).stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/2\. Nama : \.{20,} Jabatan : \.{20,}/);
    expect(text).toContain(FIRST_PARTY.name);
  });
});

describe('printing the same BAST again', () => {
  test('the BAST prints again at any time with the same number and the same code; the link can be sent again', async () => {
    // Prepare
    const shipment = bastShipment();
    // Act: a reprint without the code (the organizer left the dispatch page long ago).
    const reprint = await download(`/shipments/${shipment.id}/bast.pdf`);
    const link = await t.organizer.get<{ receiptCode: string; receiptUrl: string }>(
      `/shipments/${shipment.id}/receipt-link`,
    );
    // Assess
    expect(reprint.status).toBe(200);
    const text = await pdfText(reprint.bytes);
    expect(text).toContain(shipment.bastNumber);
    expect(link.status).toBe(200);
    expect(link.body).toEqual({ receiptCode: shipment.receiptCode, receiptUrl: shipment.receiptUrl });
    // The QR of the reprint opens the same shipment as the first print's.
    expect(await qrOf(reprint.bytes)).toBe(shipment.receiptUrl);
    expect((await t.anonymous.get(`/receipts/${shipment.receiptCode}`)).status).toBe(200);
  });
});

describe('who may print a BAST', () => {
  test('another shipment’s code is refused on the header, in the caller’s language', async () => {
    const shipment = bastShipment();
    const other = shipments.get(villages[4]?.code ?? '') as Created;
    const reply = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': other.receiptCode });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(problem(reply).errors).toEqual([
      { field: 'headers.x-receipt-code', message: 'Kode penerimaan tidak cocok dengan pengiriman ini' },
    ]);
    const english = await download(`/shipments/${shipment.id}/bast.pdf`, {
      'x-receipt-code': other.receiptCode,
      'accept-language': 'en',
    });
    expect(problem(english).errors?.[0]?.message).toBe('The receipt code does not match this shipment');
  });

  test('an old code stops printing once the code is replaced; the new one prints', async () => {
    // Prepare
    const shipment = shipments.get(villages[5]?.code ?? '') as Created;
    const rotated = await t.organizer.post<{ receiptCode: string; receiptUrl: string }>(
      `/shipments/${shipment.id}/receipt-code`,
    );
    expect(rotated.status).toBe(200);
    // Act
    const old = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': shipment.receiptCode });
    const fresh = await download(`/shipments/${shipment.id}/bast.pdf`, { 'x-receipt-code': rotated.body.receiptCode });
    // Assess
    expect(old.status).toBe(400);
    expect(fresh.status).toBe(200);
  });

  test('a malformed code on the header is a 400 on the header (without one, the current code prints)', async () => {
    const shipment = bastShipment();
    const attempts: Array<Record<string, string>> = [{ 'x-receipt-code': 'not-a-code' }, { 'x-receipt-code': '' }];
    for (const headers of attempts) {
      const reply = await download(`/shipments/${shipment.id}/bast.pdf`, headers);
      expect(reply.status).toBe(400);
      expect(problem(reply).errors?.map((error) => error.field)).toEqual(['headers.x-receipt-code']);
    }
  });

  test('an unknown shipment answers 404', async () => {
    const reply = await download('/shipments/01ARZ3NDEKTSV4RRFFQ69G5FAV/bast.pdf', {
      'x-receipt-code': bastShipment().receiptCode,
    });
    expect(reply.status).toBe(404);
    expect(problem(reply)).toMatchObject({ status: 404, detail: 'Pengiriman tidak ditemukan.' });
  });

  test('without a token the gateway answers 401 and prints nothing', async () => {
    const shipment = bastShipment();
    const reply = await download(
      `/shipments/${shipment.id}/bast.pdf`,
      { 'x-receipt-code': shipment.receiptCode },
      null,
    );
    expect(reply.status).toBe(401);
    expect(reply.bytes.toString('latin1')).not.toContain('%PDF');
  });

  test('the BAST is Indonesian only: ?lang is refused', async () => {
    const shipment = bastShipment();
    const reply = await download(`/shipments/${shipment.id}/bast.pdf?lang=en`, {
      'x-receipt-code': shipment.receiptCode,
    });
    expect(reply.status).toBe(400);
    expect(problem(reply).errors?.map((error) => error.field)).toEqual(['query.lang']);
  });
});

describe('logistics exports', () => {
  const FIGURES = ['allocated', 'shipped', 'good', 'minorDamage', 'majorDamage', 'missing'] as const;
  const STATE_WORDS = {
    notShipped: 'Belum dikirim',
    partlyShipped: 'Sebagian dikirim',
    awaitingConfirmation: 'Menunggu konfirmasi',
    confirmed: 'Diterima lengkap',
    discrepancy: 'Ada selisih',
  } as const;
  let summary: LogisticsSummary;

  beforeAll(async () => {
    const reply = await t.organizer.get<LogisticsSummary>('/logistics/summary');
    expect(reply.status).toBe(200);
    summary = reply.body;
    // The scenario is what the assertions below rely on.
    expect(summary.states).toEqual({
      notShipped: 76,
      partlyShipped: 0,
      awaitingConfirmation: 4,
      confirmed: 1,
      discrepancy: 1,
    });
  });

  test('the CSV has one row per desa and item whose sums equal the summary, states in words', async () => {
    // Act
    const reply = await download('/logistics/summary.csv');
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="logistik-pilkades-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect([...reply.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(reply.bytes);
    expect(header).toEqual([
      'Kecamatan',
      'Desa',
      'Kode Desa',
      'Status',
      'Kode Barang',
      'Nama Barang',
      'Satuan',
      'Dialokasikan',
      'Dikirim',
      'Baik',
      'Rusak Ringan',
      'Rusak Berat',
      'Hilang',
    ]);
    expect(rows).toHaveLength(villages.length * demoItems.length);
    for (const item of summary.items) {
      const ofItem = rows.filter((row) => row[4] === item.itemCode);
      expect(ofItem).toHaveLength(villages.length);
      FIGURES.forEach((figure, index) => {
        expect(ofItem.reduce((sum, row) => sum + Number(row[7 + index]), 0)).toBe(item[figure]);
      });
    }
    for (const village of summary.villages) {
      const states = new Set(rows.filter((row) => row[2] === village.villageCode).map((row) => row[3]));
      expect([...states]).toEqual([STATE_WORDS[village.state]]);
    }
    const damagedBallots = rows.find((row) => row[2] === damagedVillage?.code && row[4] === 'SURAT_SUARA');
    const kecamatanName = kecamatan.find((unit) => unit.code === damagedVillage?.kecamatanCode)?.name;
    const ballots = shipments.get(damagedVillage?.code ?? '')?.lines.find((line) => line.itemCode === 'SURAT_SUARA');
    const quantity = ballots?.quantity ?? 0;
    expect(damagedBallots).toEqual([
      kecamatanName,
      damagedVillage?.name,
      damagedVillage?.code,
      'Ada selisih',
      'SURAT_SUARA',
      'Surat suara',
      'lembar',
      String(quantity),
      String(quantity),
      String(quantity - 30),
      '6',
      '4',
      '20',
    ]);
  });

  test('the CSV speaks English with ?lang=en', async () => {
    const reply = await download('/logistics/summary.csv?lang=en');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toContain('election-logistics-');
    const [header, ...rows] = parseCsv(reply.bytes);
    expect(header?.slice(0, 4)).toEqual(['Kecamatan', 'Village', 'Village code', 'Status']);
    expect(new Set(rows.map((row) => row[3]))).toEqual(
      new Set(['Not shipped', 'Awaiting confirmation', 'Received in full', 'Discrepancy']),
    );
  });

  test('the XLSX has the rows as numbers, and a totals sheet equal to the summary', async () => {
    // Act
    const reply = await download('/logistics/summary.xlsx');
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers.get('content-disposition')).toMatch(/logistik-pilkades-\d{4}-\d\d-\d\d\.xlsx"$/);
    const sheets = await readXlsxFile(reply.bytes);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Per Desa', 'Rekap Barang']);
    const [perDesa, totals] = sheets.map((sheet) => sheet.data);
    expect(perDesa?.[0]?.[0]).toBe('Kecamatan');
    const rows = perDesa?.slice(1) ?? [];
    expect(rows).toHaveLength(villages.length * demoItems.length);
    for (const item of summary.items) {
      const ofItem = rows.filter((row) => row[4] === item.itemCode);
      FIGURES.forEach((figure, index) => {
        expect(ofItem.reduce((sum, row) => sum + Number(row[7 + index]), 0)).toBe(item[figure]);
      });
    }
    expect(rows.every((row) => row.slice(7).every((cell) => typeof cell === 'number'))).toBe(true);

    const headerAt = totals?.findIndex((row) => row[0] === 'Kode Barang') ?? -1;
    expect(totals?.[headerAt]).toEqual([
      'Kode Barang',
      'Nama Barang',
      'Satuan',
      'Dialokasikan',
      'Dikirim',
      'Baik',
      'Rusak Ringan',
      'Rusak Berat',
      'Hilang',
    ]);
    const itemRows = totals?.slice(headerAt + 1, headerAt + 1 + summary.items.length) ?? [];
    expect(itemRows).toEqual(
      summary.items.map((item) => [item.itemCode, item.name, item.unit, ...FIGURES.map((figure) => item[figure])]),
    );
    const stateOf = (words: string) => totals?.find((row) => row[0] === words)?.[1];
    for (const [state, words] of Object.entries(STATE_WORDS)) {
      expect(stateOf(words)).toBe(summary.states[state as keyof typeof STATE_WORDS]);
    }
    expect(stateOf('Jumlah')).toBe(villages.length);
  });

  test('without a token the gateway answers 401', async () => {
    for (const format of ['csv', 'xlsx']) {
      const reply = await download(`/logistics/summary.${format}`, {}, null);
      expect(reply.status).toBe(401);
    }
  });
});
