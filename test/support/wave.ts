/**
 * Builds a wave the way a DPMD runs one, through the real API: the wave and its schedule, a
 * briefing session of the wave with each desa's Ketua and Sekretaris and each kecamatan's Kasi,
 * check-ins, allocations, shipments, the villages' confirmations and their BAST photos. Used by the
 * readiness tests, the browser tests and the benchmark.
 */
import { demoRules } from '#local/demo/catalogue.ts';
import { calendarDate } from '#shared/kernel/pdf/dates.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { addDays } from '#shared/waves/rules/calendar.ts';
import { type Api, pool } from './api.ts';

export async function expectStatus<T>(expected: number, reply: Promise<{ status: number; text: string; body: T }>) {
  const done = await reply;
  if (done.status !== expected) throw new Error(`expected ${expected}, got ${done.status}: ${done.text.slice(0, 400)}`);
  return done.body;
}

/** Today where the demo regency is (Asia/Jakarta). */
export function jakartaToday(): string {
  return calendarDate(new Date(), 'Asia/Jakarta');
}

export interface Desa {
  code: string;
  name: string;
  kecamatanCode: string;
  dpt: number;
  tps: number;
}

interface Stage {
  code: string;
  name: string;
  start: string;
  end: string;
}

/**
 * Frees the seeded demo wave's desa: its session leaves the wave, then the wave is removed (a
 * wave with sessions cannot be). Answers the session that was in it.
 */
export async function removeDemoWave(admin: Api): Promise<void> {
  const { items } = await expectStatus(200, admin.get<{ items: Array<{ id: string; name: string }> }>('/waves'));
  for (const wave of items) {
    const sessions = await expectStatus(
      200,
      admin.get<{ items: Array<{ id: string; waveId: string | null }> }>('/sessions'),
    );
    for (const session of sessions.items.filter((each) => each.waveId === wave.id)) {
      await expectStatus(200, admin.request('PATCH', `/sessions/${session.id}`, { waveId: null }));
    }
    await expectStatus(204, admin.request('DELETE', `/waves/${wave.id}`, { reason: 'Uji: gelombang demo' }));
  }
}

/**
 * A wave of these desa voting `votingDay`, whose SOSIALISASI and DISTRIBUSI_LOGISTIK stages are
 * set to the given days (the rest from the template).
 */
export async function createWave(
  admin: Api,
  name: string,
  desa: readonly Desa[],
  votingDay: string,
  windows: { sosialisasi: [string, string]; distribusi: [string, string] },
): Promise<{ id: string; stages: Stage[] }> {
  const wave = await expectStatus(
    201,
    admin.post<{ id: string; stages: Stage[] }>('/waves', { name, votingDay, villageCodes: desa.map((d) => d.code) }),
  );
  const stages = wave.stages.map((stage) => {
    if (stage.code === 'SOSIALISASI') return { ...stage, start: windows.sosialisasi[0], end: windows.sosialisasi[1] };
    if (stage.code === 'DISTRIBUSI_LOGISTIK') {
      return { ...stage, start: windows.distribusi[0], end: windows.distribusi[1] };
    }
    return stage;
  });
  return expectStatus(200, admin.put<{ id: string; stages: Stage[] }>(`/waves/${wave.id}/stages`, { stages }));
}

/** The name of the n-th kecamatan's Kasi Pemerintahan in a test wave ("Kasi Pemerintahan AB"). */
export const kasiName = (n: number) =>
  `Kasi Pemerintahan ${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + Math.floor(n / 26))}`;

/** Phone number of the n-th committee member of a test wave. */
export const phoneOf = (n: number) => `0812${String(70_000_000 + n).padStart(8, '0')}`;

export interface CommitteeOptions {
  /** Desa whose Ketua gives no phone number. */
  ketuaWithoutPhone?: ReadonlySet<string>;
  /** Desa whose Ketua and Sekretaris give no phone number. */
  withoutPhones?: ReadonlySet<string>;
}

/**
 * A session of the wave with every desa's Ketua and Sekretaris and every kecamatan's Kasi
 * registered (one import per 250 rows); answers the session id.
 */
export async function briefingSession(
  organizer: Api,
  waveId: string,
  desa: readonly Desa[],
  date: string,
  options: CommitteeOptions = {},
): Promise<string> {
  const session = await expectStatus(
    201,
    organizer.post<{ id: string }>('/sessions', { title: 'Sosialisasi panitia', date, venue: 'Aula DPMD', waveId }),
  );
  const rows: unknown[] = [];
  desa.forEach((d, index) => {
    const silent = options.withoutPhones?.has(d.code) ?? false;
    rows.push({
      fullName: `Ketua ${d.name}`,
      role: 'KETUA_PANITIA',
      villageCode: d.code,
      ...(silent || options.ketuaWithoutPhone?.has(d.code) ? {} : { phone: phoneOf(index * 2) }),
    });
    rows.push({
      fullName: `Sekretaris ${d.name}`,
      role: 'SEKRETARIS_PANITIA',
      villageCode: d.code,
      ...(silent ? {} : { phone: phoneOf(index * 2 + 1) }),
    });
  });
  [...new Set(desa.map((d) => d.kecamatanCode))].forEach((kecamatanCode, index) => {
    rows.push({
      fullName: kasiName(index),
      role: 'KASI_PEMERINTAHAN',
      kecamatanCode,
      phone: `0813${String(60_000_000 + index).padStart(8, '0')}`,
    });
  });
  for (let from = 0; from < rows.length; from += 250) {
    const reply = await expectStatus(
      200,
      organizer.post<{ created: number; rejected: unknown[] }>(`/sessions/${session.id}/registrations/import`, {
        registrations: rows.slice(from, from + 250),
      }),
    );
    if (reply.rejected.length > 0) throw new Error(`import refused rows: ${JSON.stringify(reply.rejected)}`);
  }
  return session.id;
}

interface Registration {
  id: string;
  role: string;
  villageCode: string | null;
  kecamatanCode: string;
}

/** Checks in, through the check-in route, everyone of the session except the places given (`code|ROLE`). */
export async function checkInAllBut(organizer: Api, sessionId: string, except: ReadonlySet<string>): Promise<number> {
  const everyone: Registration[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Registration[]; nextCursor: string | null } = await expectStatus(
      200,
      organizer.get(
        `/sessions/${sessionId}/registrations?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    );
    everyone.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const coming = everyone.filter((r) => !except.has(`${r.villageCode ?? r.kecamatanCode}|${r.role}`));
  await pool(coming, 8, (r) =>
    expectStatus(200, organizer.post(`/sessions/${sessionId}/registrations/${r.id}/check-in`)),
  );
  return coming.length;
}

export interface Sent {
  id: string;
  receiptCode: string;
  lines: Array<{ itemCode: string; quantity: number }>;
}

/** Applies the demo allocation rules, then dispatches each desa's whole allocation. */
export async function shipAllocations(organizer: Api, desa: readonly Desa[]): Promise<Map<string, Sent>> {
  await expectStatus(200, organizer.post('/allocations/apply', { rules: demoRules }));
  const sent = new Map<string, Sent>();
  await pool(desa, 6, async (d) => {
    const lines = allocateAll(demoRules, { dpt: d.dpt, tps: d.tps }).filter((line) => line.quantity > 0);
    const shipment = await expectStatus(
      201,
      organizer.post<{ id: string; receiptCode: string }>('/shipments', { villageCode: d.code, lines }),
    );
    sent.set(d.code, { id: shipment.id, receiptCode: shipment.receiptCode, lines });
  });
  return sent;
}

/** The village confirms a shipment: everything good, except the damage given per item. */
export async function confirmReceipt(
  anonymous: Api,
  shipment: Sent,
  damage: Record<string, { majorDamage?: number; missing?: number }> = {},
): Promise<void> {
  const lines = shipment.lines.map((line) => {
    const broken = damage[line.itemCode]?.majorDamage ?? 0;
    const missing = damage[line.itemCode]?.missing ?? 0;
    return { itemCode: line.itemCode, good: line.quantity - broken - missing, minorDamage: 0, majorDamage: broken };
  });
  await expectStatus(
    201,
    anonymous.post(`/receipts/${shipment.receiptCode}`, { receivedBy: { name: 'Juproni' }, lines }),
  );
}

/** The smallest JPEG a phone camera could send (its magic bytes are what the check reads). */
export const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/** The village uploads a photo of the signed BAST and asks for it to be checked; answers its id. */
export async function uploadBastPhoto(anonymous: Api, receiptCode: string): Promise<string> {
  const ticket = await expectStatus(
    201,
    anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
      `/receipts/${receiptCode}/documents`,
      { fileName: 'bast.jpg', contentType: 'image/jpeg', size: JPEG.length },
    ),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'bast.jpg');
  const stored = await fetch(ticket.url, { method: 'POST', body: form });
  if (stored.status >= 300) throw new Error(`upload answered ${stored.status}`);
  await expectStatus(200, anonymous.post(`/receipts/${receiptCode}/documents/${ticket.documentId}/complete`));
  return ticket.documentId;
}

export { addDays };
