/**
 * The readiness board and the chase list of a whole wave, end to end: 82 desa, their committee
 * briefed (80 Ketua and 80 Sekretaris checked in), their logistics shipped and confirmed (78 in
 * full, 2 short of which one is replaced and confirmed), one open problem; then the exact state
 * and reasons of every desa at three dates, and the chase list at H-12, H-6 and H-2.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { villages } from '#local/demo/oku-selatan.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { type CallRecorder, createCallRecorder } from '#test/support/measure/dynamo-calls.ts';
import {
  addDays,
  briefingSession,
  checkInAllBut,
  confirmReceipt,
  createWave,
  expectStatus,
  jakartaToday,
  removeDemoWave,
  type Sent,
  shipAllocations,
  uploadBastPhoto,
} from '#test/support/wave.ts';

interface Village {
  villageCode: string;
  state: string;
  reasons: Array<{ code: string; message: string }>;
  committee: Record<string, { name: string; phone: string | null; present: boolean } | null>;
  logistics: {
    lines: Array<{ itemCode: string; allocated: number; usable: number }>;
    receiptConfirmed: boolean;
    bastPhoto: boolean;
  };
  problemsOpen: number;
}
interface Board {
  date: string;
  daysToVoting: number;
  summary: string;
  totals: { villages: number; ready: number; actionNeeded: number; late: number };
  byKecamatan: Record<string, { villages: number; ready: number; actionNeeded: number; late: number; name: string }>;
  villages: Village[];
}
interface FollowUps {
  daysToVoting: number;
  items: Array<{
    villageCode: string;
    state: string;
    level: number;
    urgent: boolean;
    reasons: Array<{ code: string }>;
    contacts: Array<{ role: string; name: string; phone: string; whatsappUrl: string }>;
    note: string | null;
  }>;
}

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
let t: TestStack;
let recorder: CallRecorder;
let waveId: string;
let sent: Map<string, Sent>;
const today = jakartaToday();
const votingDay = addDays(today, 30);
const desa = [...villages].sort((a, b) => a.code.localeCompare(b.code));
const code = (index: number) => desa[index]?.code ?? '';
// The desa that are not ready, and why.
const KETUA_ABSENT = [code(0), code(1)];
const SEKRETARIS_ABSENT = [code(2), code(3)];
const NOT_SHIPPED = code(4);
const PENDING = code(5);
const REPLACED = code(6);
const SHORT = code(7);
const PROBLEM = code(8);
const NO_PHOTO = code(9);
const RESOLVED_PROBLEM = code(10);

beforeAll(async () => {
  recorder = createCallRecorder();
  t = await startTestStack({ wrapHandler: recorder.wrapHandler });
  await recorder.install();
  await removeDemoWave(t.admin);
  const wave = await createWave(t.admin, 'Gelombang Uji Kesiapan', desa, votingDay, {
    sosialisasi: [addDays(today, -2), addDays(today, 3)],
    distribusi: [addDays(today, 10), addDays(today, 20)],
  });
  waveId = wave.id;
  const sessionId = await briefingSession(t.organizer, waveId, desa, today, {
    ketuaWithoutPhone: new Set([code(1)]),
    withoutPhones: new Set([code(3)]),
  });
  const absent = new Set([
    ...KETUA_ABSENT.map((c) => `${c}|KETUA_PANITIA`),
    ...SEKRETARIS_ABSENT.map((c) => `${c}|SEKRETARIS_PANITIA`),
  ]);
  expect(await checkInAllBut(t.organizer, sessionId, absent)).toBe(80 + 80 + 19);

  sent = await shipAllocations(
    t.organizer,
    desa.filter((d) => d.code !== NOT_SHIPPED),
  );
  for (const d of desa) {
    const shipment = sent.get(d.code);
    if (!shipment || d.code === PENDING) continue;
    if (d.code === REPLACED) await confirmReceipt(t.anonymous, shipment, { KOTAK_SUARA: { missing: 1 } });
    else if (d.code === SHORT) await confirmReceipt(t.anonymous, shipment, { KOTAK_SUARA: { majorDamage: 2 } });
    else await confirmReceipt(t.anonymous, shipment);
    if (d.code !== NO_PHOTO) await uploadBastPhoto(t.anonymous, shipment.receiptCode);
  }
  const replacement = await expectStatus(
    201,
    t.organizer.post<Sent & { replacesShipmentId: string }>(`/shipments/${sent.get(REPLACED)?.id}/replacement`, {
      reason: 'Kotak suara hilang di jalan',
    }),
  );
  expect(replacement.replacesShipmentId).toBe(sent.get(REPLACED)?.id);
  expect(replacement.lines).toEqual([expect.objectContaining({ itemCode: 'KOTAK_SUARA', quantity: 1 })]);
  await confirmReceipt(t.anonymous, { ...replacement, lines: [{ itemCode: 'KOTAK_SUARA', quantity: 1 }] });

  await expectStatus(
    201,
    t.organizer.post(`/waves/${waveId}/problems`, {
      villageCode: PROBLEM,
      category: 'sengketa',
      description: 'Bakal calon menggugat hasil penjaringan',
      severity: 'HIGH',
    }),
  );
  const resolved = await expectStatus(
    201,
    t.organizer.post<{ id: string }>(`/waves/${waveId}/problems`, {
      villageCode: RESOLVED_PROBLEM,
      category: 'logistik',
      description: 'Gudang desa bocor',
      severity: 'LOW',
    }),
  );
  await expectStatus(
    200,
    t.organizer.post(`/waves/${waveId}/problems/${resolved.id}/resolve`, {
      resolution: 'Logistik dipindah ke balai desa',
    }),
  );
}, 600_000);

afterAll(async () => {
  await t?.stack.stop();
});

const board = (date: string) => expectStatus(200, t.organizer.get<Board>(`/waves/${waveId}/readiness?date=${date}`));
const chase = (date: string) =>
  expectStatus(200, t.organizer.get<FollowUps>(`/waves/${waveId}/follow-ups?date=${date}`));

/** What every desa should show: its state and reason codes, as of a day. */
function expected(phase: 'briefing' | 'distribution' | 'after') {
  const late = (trained: boolean, supplied: boolean) =>
    (phase !== 'briefing' && !trained) || (phase === 'after' && !supplied);
  const states: Record<string, { state: string; reasons: string[] }> = {};
  for (const d of desa) {
    const reasons: string[] = [];
    if (KETUA_ABSENT.includes(d.code)) reasons.push('KETUA_NOT_TRAINED');
    if (SEKRETARIS_ABSENT.includes(d.code)) reasons.push('SEKRETARIS_NOT_TRAINED');
    if (d.code === NOT_SHIPPED) reasons.push('NOT_SHIPPED');
    if (d.code === PENDING) reasons.push('RECEIPT_PENDING');
    if (d.code === SHORT) reasons.push('SHORTFALL');
    if (d.code === PENDING || d.code === NO_PHOTO) reasons.push('BAST_PHOTO_MISSING');
    if (d.code === PROBLEM) reasons.push('PROBLEM_OPEN');
    const trained = !reasons.some((r) => r.endsWith('_NOT_TRAINED'));
    const supplied = ![NOT_SHIPPED, PENDING, SHORT].includes(d.code);
    const state = reasons.length === 0 ? 'READY' : late(trained, supplied) ? 'LATE' : 'ACTION_NEEDED';
    states[d.code] = { state, reasons };
  }
  return states;
}

function actual(readiness: Board) {
  return Object.fromEntries(
    readiness.villages.map((v) => [v.villageCode, { state: v.state, reasons: v.reasons.map((r) => r.code) }]),
  );
}

test('before SOSIALISASI ends, every desa not ready needs action; none is late', async () => {
  const readiness = await board(addDays(today, 1));
  expect(actual(readiness)).toEqual(expected('briefing'));
  expect(readiness.totals).toEqual({ villages: 82, ready: 73, actionNeeded: 9, late: 0 });
  expect(readiness.daysToVoting).toBe(29);
  expect(readiness.summary).toBe('73 dari 82 desa siap; 9 perlu tindakan; 0 terlambat; H-29');
  const perKecamatan = Object.values(readiness.byKecamatan);
  expect(perKecamatan.reduce((sum, k) => sum + k.villages, 0)).toBe(82);
  expect(perKecamatan.reduce((sum, k) => sum + k.ready, 0)).toBe(73);
});

test('after SOSIALISASI ends, the desa whose Ketua or Sekretaris was not briefed are late', async () => {
  const readiness = await board(addDays(today, 5));
  expect(actual(readiness)).toEqual(expected('distribution'));
  expect(readiness.totals).toEqual({ villages: 82, ready: 73, actionNeeded: 5, late: 4 });
});

test('after DISTRIBUSI_LOGISTIK ends, the desa not supplied are late too', async () => {
  const readiness = await board(addDays(today, 22));
  expect(actual(readiness)).toEqual(expected('after'));
  expect(readiness.totals).toEqual({ villages: 82, ready: 73, actionNeeded: 2, late: 7 });
  const byCode = new Map(readiness.villages.map((v) => [v.villageCode, v]));
  const short = byCode.get(SHORT);
  expect(short?.reasons.find((r) => r.code === 'SHORTFALL')?.message).toBe('2 Kotak suara rusak berat belum diganti');
  expect(byCode.get(KETUA_ABSENT[0] ?? '')?.reasons[0]?.message).toBe('Ketua Panitia belum mengikuti sosialisasi');
  // The replaced box arrived: its desa is supplied, counting the replacement's receipt.
  const replaced = byCode.get(REPLACED);
  expect(replaced?.state).toBe('READY');
  const boxes = replaced?.logistics.lines.find((line) => line.itemCode === 'KOTAK_SUARA');
  expect(boxes?.usable).toBe(boxes?.allocated);
  expect(byCode.get(code(3))?.committee.KETUA_PANITIA).toMatchObject({ phone: null, present: true });
  expect(byCode.get(PROBLEM)?.problemsOpen).toBe(1);
  expect(byCode.get(RESOLVED_PROBLEM)?.state).toBe('READY');
});

test('the board of a day before anything happened shows nothing done yet', async () => {
  const readiness = await board(addDays(today, -1));
  expect(readiness.totals.ready).toBe(0);
  expect(readiness.villages.every((v) => v.reasons.some((r) => r.code === 'KETUA_NOT_TRAINED'))).toBe(true);
});

test('the chase list at H-12 calls each desa’s Ketua, or its Sekretaris when the Ketua gave no phone', async () => {
  const list = await chase(addDays(votingDay, -12));
  expect(list.daysToVoting).toBe(12);
  const notReady = Object.entries(expected('distribution')).filter(([, v]) => v.state !== 'READY');
  expect(list.items.map((item) => item.villageCode).sort()).toEqual(notReady.map(([c]) => c).sort());
  expect(list.items.every((item) => item.level === 1 && !item.urgent)).toBe(true);
  // Late first.
  expect(list.items.slice(0, 4).every((item) => item.state === 'LATE')).toBe(true);
  const of = (c: string) => list.items.find((item) => item.villageCode === c);
  expect(of(code(0))?.contacts.map((c) => c.role)).toEqual(['KETUA_PANITIA']);
  expect(of(code(1))?.contacts.map((c) => c.role)).toEqual(['SEKRETARIS_PANITIA']);
  expect(of(code(3))?.contacts).toEqual([]);
  expect(of(code(3))?.note).toMatch(/Tidak ada nomor HP/);
  const ketua = of(code(0))?.contacts[0];
  expect(ketua?.phone).toMatch(/^62812\d{8}$/);
  expect(ketua?.whatsappUrl.startsWith(`https://wa.me/${ketua?.phone}?text=`)).toBe(true);
  const message = decodeURIComponent(ketua?.whatsappUrl.split('?text=')[1] ?? '');
  expect(message).toContain(`Desa ${desa[0]?.name}`);
  expect(message).toContain('Ketua Panitia belum mengikuti sosialisasi');
  expect(message).toContain('H-12');
  // A pending receipt links the village's own receipt page (its receipt code), never an organizer page.
  const pending = decodeURIComponent(of(PENDING)?.contacts[0]?.whatsappUrl.split('?text=')[1] ?? '');
  expect(pending).toContain(`/terima/${sent.get(PENDING)?.receiptCode}`);
  expect(pending).not.toMatch(/\/shipments\//);
});

test('from H-7 the Kasi Pemerintahan of the kecamatan is called too, and from H-3 the desa is urgent', async () => {
  const six = await chase(addDays(votingDay, -6));
  expect(six.items.every((item) => item.level === 2 && !item.urgent)).toBe(true);
  const first = six.items.find((item) => item.villageCode === code(0));
  expect(first?.contacts.map((c) => c.role)).toEqual(['KETUA_PANITIA', 'KASI_PEMERINTAHAN']);
  expect(first?.contacts[1]?.name).toMatch(/^Kasi Pemerintahan [A-Z]{2}$/);
  // A desa with no committee phone is still reached through its kecamatan.
  expect(six.items.find((item) => item.villageCode === code(3))?.contacts.map((c) => c.role)).toEqual([
    'KASI_PEMERINTAHAN',
  ]);

  const two = await chase(addDays(votingDay, -2));
  expect(two.items.every((item) => item.level === 3 && item.urgent)).toBe(true);
  expect(two.items.map((item) => item.villageCode).sort()).toEqual(six.items.map((item) => item.villageCode).sort());
  expect(decodeURIComponent(two.items[0]?.contacts[0]?.whatsappUrl ?? '')).toContain('MENDESAK');
});

test('the readiness of 82 desa takes a bounded number of DynamoDB requests', async () => {
  await board(addDays(today, 1));
  const calls = recorder.last('GET /waves/{waveId}/readiness');
  // Wave partition, sessions of the wave, one session's registrations, regions, catalogue, ledgers, shipments.
  expect(calls.length).toBeLessThanOrEqual(7);
  expect(calls.every((call) => call === 'Query')).toBe(true);
});

test('the exports carry the same numbers: CSV rows, the workbook, and the printed report', async () => {
  const date = addDays(today, 22);
  const csv = await t.organizer.get(`/waves/${waveId}/readiness.csv?date=${date}`);
  expect(csv.status).toBe(200);
  const lines = csv.text.trim().split('\r\n');
  expect(lines).toHaveLength(83);
  expect(lines.filter((line) => line.includes(',Terlambat,'))).toHaveLength(7);
  const xlsx = await fetch(`${t.stack.url}/waves/${waveId}/readiness.xlsx?date=${date}`, {
    headers: { authorization: `Bearer ${t.tokens.organizer}` },
  });
  expect(xlsx.status).toBe(200);
  const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
  expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Ringkasan', 'Per Desa', 'Logistik']);
  expect(sheets[0]?.data.flat()).toContain('73 dari 82 desa siap; 2 perlu tindakan; 7 terlambat; H-8');
  expect(sheets[1]?.data).toHaveLength(83);

  const pdf = await fetch(`${t.stack.url}/waves/${waveId}/readiness.pdf?date=${date}`, {
    headers: { authorization: `Bearer ${t.tokens.organizer}` },
  });
  expect(pdf.status).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'kesiapan-'));
  const file = join(dir, 'laporan-kesiapan.pdf');
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('LAPORAN KESIAPAN PILKADES');
  expect(text).toContain('73 dari 82 desa siap; 2 perlu tindakan; 7 terlambat; H-8');
  expect(text).toContain('Desa yang belum siap (9)');
  // The totals row of the table per kecamatan: 82 desa, 73 ready, 2 needing action, 7 late.
  expect(text).toMatch(/Jumlah\s+82\s+73\s+2\s+7/);
  expect(text).toContain('2 Kotak suara rusak berat belum diganti');
  // Kept for a person to look at, with the schedule printed from the same wave.
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(ARTIFACTS, 'laporan-kesiapan')]);
  const schedule = await fetch(`${t.stack.url}/waves/${waveId}/schedule.pdf`, {
    headers: { authorization: `Bearer ${t.tokens.organizer}` },
  });
  expect(schedule.status).toBe(200);
  const scheduleFile = join(dir, 'jadwal-tahapan.pdf');
  writeFileSync(scheduleFile, Buffer.from(await schedule.arrayBuffer()));
  const scheduleText = execFileSync('pdftotext', ['-layout', scheduleFile, '-'], { encoding: 'utf8' });
  expect(scheduleText).toContain('JADWAL TAHAPAN PILKADES');
  expect(scheduleText).toContain('Sosialisasi dan bimbingan teknis panitia');
  execFileSync('pdftoppm', ['-png', '-r', '80', scheduleFile, join(ARTIFACTS, 'jadwal-tahapan')]);
});

test('the daily snapshot stores the totals of the day, and the history lists them', async () => {
  const { handler } = (await import('#functions/snapshots.ts')) as { handler: () => Promise<{ waves: number }> };
  expect(await handler()).toEqual({ waves: 1 });
  expect(await handler()).toEqual({ waves: 1 });
  const history = await expectStatus(
    200,
    t.organizer.get<{ votingDay: string; items: Array<{ date: string; ready: number; villages: number }> }>(
      `/waves/${waveId}/readiness/history`,
    ),
  );
  expect(history.votingDay).toBe(votingDay);
  // Taken twice the same day: one snapshot, the latest.
  expect(history.items).toEqual([expect.objectContaining({ date: today, villages: 82, ready: 73 })]);
});
