/**
 * The attendance exports against the real handlers, dynalite and the local gateway: the 183 of
 * OKU Selatan register, all but three check in, and the CSV, XLSX and PDF must say so. The PDF is
 * rendered to PNG with poppler and read back with Tesseract OCR, so the test sees what a printer
 * would print, not just what the code meant to draw.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import { pool, startTestStack, type TestStack } from '#test/support/api.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';

const run = promisify(execFile);
const artifacts = join(process.cwd(), 'test-artifacts');
const TITLE = 'Sosialisasi Pilkades Serentak 2023';

let t: TestStack;
let sessionId: string;
/** Registration ids of the three who registered but never checked in. */
const absent = {
  chair: `KT-${villages[17]?.code}`,
  secretary: `SK-${villages[40]?.code}`,
  kasi: `KS-${kecamatan[5]?.code}`,
};

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function download(path: string, token: string | undefined = t.tokens.organizer): Promise<Download> {
  const response = await fetch(`${t.stack.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function parseCsv(bytes: Buffer): string[][] {
  return Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', ...range, file, '-']);
  return stdout;
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** Renders one page at 110 dpi as a printer would see it, and reads it back with OCR. */
async function ocrPage(file: string, page: number, name: string): Promise<string> {
  const prefix = join(artifacts, name);
  await run('pdftoppm', ['-r', '110', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  // Read twice: as a page that may have columns (tesseract's default) and as one block of text
  // (--psm 6). Each reading misses what the other gets right in tables; together they are the page.
  const readings = await Promise.all(
    [[], ['--psm', '6']].map((mode) =>
      run('tesseract', [`${prefix}.png`, '-', ...mode], { maxBuffer: 8 * 1024 * 1024 }),
    ),
  );
  // Lines wrap where the printer wraps them; compare text, not layout.
  return readings.map(({ stdout }) => stdout.replace(/\s+/g, ' ')).join(' | ');
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  t = await startTestStack();
  const created = await t.organizer.post<{ id: string }>('/sessions', {
    title: TITLE,
    date: '2023-02-08',
    venue: 'Gedung Serbaguna Pemkab OKU Selatan, Muaradua',
  });
  expect(created.status).toBe(201);
  sessionId = created.body.id;
  const ids = await pool(okuSelatanParticipants(), 8, async (person) => {
    const reply = await t.organizer.post<{ id: string }>(`/sessions/${sessionId}/registrations`, person);
    expect(reply.status).toBe(201);
    return reply.body.id;
  });
  const stayingAway = new Set(Object.values(absent));
  await pool(
    ids.filter((id) => !stayingAway.has(id)),
    8,
    async (id) => {
      const reply = await t.organizer.post(`/sessions/${sessionId}/registrations/${id}/check-in`);
      expect(reply.status).toBe(200);
    },
  );
}, 180_000);

afterAll(async () => {
  await t?.stack.stop();
});

describe('CSV', () => {
  test('has one row per registration, Ya for the 180 present and Tidak for the 3 absent, names intact', async () => {
    // Act
    const reply = await download(`/sessions/${sessionId}/attendance.csv`);
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="daftar-hadir-2023-02-08.csv"');
    expect([...reply.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(reply.bytes);
    expect(header).toEqual(['No', 'Nama', 'Peran', 'Desa', 'Kecamatan', 'No. HP', 'Hadir', 'Waktu hadir']);
    expect(rows).toHaveLength(183);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => String(index + 1)));
    expect(rows.filter((row) => row[6] === 'Ya')).toHaveLength(180);
    const absentRows = rows.filter((row) => row[6] === 'Tidak');
    expect(absentRows.map((row) => [row[2], row[3] || row[4]]).sort()).toEqual(
      [
        ['Ketua Panitia', villages[17]?.name],
        ['Sekretaris Panitia', villages[40]?.name],
        ['Kasi Pemerintahan', kecamatan[5]?.name],
      ].sort(),
    );
    expect(absentRows.every((row) => row[7] === '')).toBe(true);
    expect(
      rows.filter((row) => row[6] === 'Ya').every((row) => /^\d{4}-\d\d-\d\d \d\d:\d\d WIB$/.test(row[7] ?? '')),
    ).toBe(true);
    const names = rows.map((row) => row[1]);
    expect(names).toContain('Dr. Elvira Ñañez');
    expect(names).toContain('Siti Nur’aini');
    expect(names).toContain('H. M. Rahmattullah, S.STP., MM.');
    expect(rows.every((row) => /^0\d{3}-\d{4}-\d+$/.test(row[5] ?? ''))).toBe(true);
  });

  test('speaks English with ?lang=en', async () => {
    const reply = await download(`/sessions/${sessionId}/attendance.csv?lang=en`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toContain('attendance-list-2023-02-08.csv');
    const [header, first] = parseCsv(reply.bytes);
    expect(header).toEqual(['No', 'Name', 'Role', 'Village', 'Kecamatan', 'Phone', 'Present', 'Checked in at']);
    expect(['Yes', 'No']).toContain(first?.[6]);
  });
});

describe('XLSX', () => {
  test('reads back with a "Daftar Hadir" sheet of 183 and a "Rekap" sheet with roles, kecamatan and who is missing', async () => {
    // Act
    const reply = await download(`/sessions/${sessionId}/attendance.xlsx`);
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers.get('content-disposition')).toContain('daftar-hadir-2023-02-08.xlsx');
    const sheets = await readXlsxFile(reply.bytes);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Daftar Hadir', 'Rekap']);
    const [list, recap] = sheets.map((sheet) => sheet.data);
    expect(list?.[0]).toEqual(['No', 'Nama', 'Peran', 'Desa', 'Kecamatan', 'No. HP', 'Hadir', 'Waktu hadir (WIB)']);
    expect(list).toHaveLength(184);
    // The check-in time is a date-time cell showing the regency's clock (WIB is UTC+7).
    const present = list?.slice(1).filter((row) => row[6] === 'Ya') ?? [];
    expect(present.every((row) => row[7] instanceof Date)).toBe(true);
    const absent = list?.slice(1).filter((row) => row[6] === 'Tidak') ?? [];
    expect(absent.every((row) => row[7] === null)).toBe(true);
    expect(list?.filter((row) => row[6] === 'Ya')).toHaveLength(180);
    expect(list?.map((row) => row[1])).toContain('Dr. Elvira Ñañez');

    const rowOf = (label: string) => recap?.find((row) => row[0] === label);
    expect(rowOf('Ketua Panitia')).toEqual(['Ketua Panitia', 82, 81]);
    expect(rowOf('Sekretaris Panitia')).toEqual(['Sekretaris Panitia', 82, 81]);
    expect(rowOf('Kasi Pemerintahan')).toEqual(['Kasi Pemerintahan', 19, 18]);
    expect(rowOf('Jumlah')).toEqual(['Jumlah', 183, 180]);
    for (const unit of kecamatan) expect(rowOf(unit.name)).toBeDefined();
    expect(recap?.some((row) => String(row[0]).startsWith('180 peserta hadir dari 183 terdaftar'))).toBe(true);
    const missingAt = recap?.findIndex((row) => row[0] === 'Belum hadir (3)') ?? -1;
    expect(recap?.[missingAt + 1]).toEqual(['Peran', 'Desa', 'Kecamatan']);
    const missing = recap?.slice(missingAt + 2);
    expect(missing).toEqual(
      expect.arrayContaining([
        [
          'Ketua Panitia',
          villages[17]?.name,
          kecamatan.find((unit) => unit.code === villages[17]?.kecamatanCode)?.name,
        ],
        [
          'Sekretaris Panitia',
          villages[40]?.name,
          kecamatan.find((unit) => unit.code === villages[40]?.kecamatanCode)?.name,
        ],
        ['Kasi Pemerintahan', null, kecamatan[5]?.name],
      ]),
    );
  });
});

describe('PDF', () => {
  const file = join(artifacts, 'daftar-hadir.pdf');
  let pages = 0;
  let listOrder: string[][] = [];

  beforeAll(async () => {
    const reply = await download(`/sessions/${sessionId}/attendance.pdf`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="daftar-hadir-2023-02-08.pdf"');
    expect(reply.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(file, reply.bytes);
    pages = await pageCount(file);
    const csv = await download(`/sessions/${sessionId}/attendance.csv`);
    listOrder = parseCsv(csv.bytes).slice(1);
  }, 60_000);

  test('embeds a Unicode font, so "Ñañez" and "Nur’aini" are text in the file, not missing glyphs', async () => {
    const { stdout } = await run('pdffonts', [file]);
    expect(stdout).toMatch(/DejaVuSans\s.*yes\s+yes\s+yes/);
    expect(stdout).not.toMatch(/Helvetica/);
    const text = await pdfText(file);
    expect(text).toContain('Dr. Elvira Ñañez');
    expect(text).toContain('Siti Nur’aini');
    expect(text).toContain('Fransiskus Xaverius Séda');
  });

  test('page 1, as printed, shows the kop, title, date, recap numbers and the list header', async () => {
    // Act
    const ocr = await ocrPage(file, 1, 'daftar-hadir-page-1');
    // Assess
    expect(ocr).toContain('PEMERINTAH KABUPATEN OGAN KOMERING ULU SELATAN');
    expect(ocr).toContain('DAFTAR HADIR');
    expect(ocr).toContain(TITLE);
    expect(ocr).toContain('Rabu, 8 Februari 2023');
    expect(ocr).toContain('Ketua Panitia');
    expect(ocr).toContain('Tanda Tangan');
    expect(ocr).toMatch(/180 peserta hadir dari 183 terdaftar/);
    expect(ocr).toMatch(/81 Ketua Panitia, 81 Sekretaris Panitia, 18 Kasi/);
    expect(ocr).toMatch(/82 dari 82 desa/);
    // The first desa of the list (sorted by kecamatan, then desa) is on page 1.
    const firstDesa = listOrder.find((row) => row[3])?.[3] ?? '';
    expect(firstDesa).not.toBe('');
    expect(ocr).toContain(firstDesa);
    expect(ocr).toContain(`Halaman 1 dari ${pages}`);
  });

  test('the last page, as printed, repeats the header row and ends with number 183 and the page count', async () => {
    // Act
    const ocr = await ocrPage(file, pages, 'daftar-hadir-page-last');
    // Assess
    expect(pages).toBeGreaterThan(3);
    expect(ocr).toContain('Tanda Tangan');
    expect(ocr).toContain(`Halaman ${pages} dari ${pages}`);
    // OCR may read "Jati" as "jati"; the letters are what matter.
    expect(ocr.toLowerCase()).toContain((listOrder.at(-1)?.[3] ?? 'no desa').toLowerCase());
    expect(ocr).toContain('Petugas pencatat');
    expect((await pdfText(file, pages)).split('\n').some((line) => /^\s*183\s/.test(line))).toBe(true);
  });

  test('every page carries the table header and its page number; rows are numbered in the list order', async () => {
    for (let page = 1; page <= pages; page++) {
      const text = await pdfText(file, page);
      expect(text).toContain('Tanda Tangan');
      expect(text).toContain(`Halaman ${page} dari ${pages}`);
    }
    const layout = await pdfText(file);
    const whole = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
    expect(whole).toContain(
      '180 peserta hadir dari 183 terdaftar: 81 Ketua Panitia, 81 Sekretaris Panitia, 18 Kasi Pemerintahan; 82 dari 82 desa terwakili.',
    );
    const starts = layout.split('\n').map((line) => line.trim());
    for (const [no, name] of listOrder) {
      // A long name wraps inside its cell, away from its number; it must still be in the text.
      if ((name ?? '').length > 26) expect(whole).toContain(name);
      else expect(starts.some((line) => line.startsWith(`${no} ${name} `))).toBe(true);
    }
  });

  test('speaks English with ?lang=en', async () => {
    const reply = await download(`/sessions/${sessionId}/attendance.pdf?lang=en`);
    expect(reply.status).toBe(200);
    const english = join(artifacts, 'attendance-list-en.pdf');
    writeFileSync(english, reply.bytes);
    const text = await pdfText(english, 1);
    expect(text).toContain('ATTENDANCE LIST');
    expect(text).toContain('Wednesday, 8 February 2023');
    expect(text).toContain('180 of 183 registered participants present');
    expect(text).toContain('Signature');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});

describe('errors', () => {
  test.each(['csv', 'xlsx', 'pdf'])('an unknown session answers 404 in the caller’s language (%s)', async (format) => {
    const reply = await t.organizer.get<{ status: number; detail: string }>(
      `/sessions/01ARZ3NDEKTSV4RRFFQ69G5FAV/attendance.${format}`,
    );
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 404, detail: 'Sesi tidak ditemukan.' });
  });

  test('without a token the gateway answers 401 and nothing is exported', async () => {
    const reply = await t.anonymous.get(`/sessions/${sessionId}/attendance.pdf`);
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain('%PDF');
  });

  test('an unknown language is refused with 400', async () => {
    const reply = await t.organizer.get<{ errors: Array<{ field: string }> }>(
      `/sessions/${sessionId}/attendance.csv?lang=fr`,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]?.field).toBe('query.lang');
  });
});
