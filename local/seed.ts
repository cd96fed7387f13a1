/**
 * Seeds the demo regency through the real API (as an admin would): OKU Selatan's 19 kecamatan
 * and the 82 desa holding a Pilkades, the logistics catalogue, and a wave of those 82 desa whose
 * briefing session (like the one held on 8 Feb 2023) is a few days from now and whose voting day
 * is six weeks after it, so the board, the schedule and the chase list have something current to
 * show; and three local accounts to sign in as. Seeding only happens on an empty table; a restart keeps whatever is there.
 */

import { calendarDate } from '#shared/kernel/pdf/dates.ts';
import { addDays } from '#shared/waves/rules/calendar.ts';
import { demoItems } from './demo/catalogue.ts';
import { kecamatan, villages } from './demo/oku-selatan.ts';

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Seeding ${method} ${path} failed: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** The demo regency's people: an admin, an organizer, and Muara Dua's Kasi Pemerintahan. */
export const demoUsers = [
  { name: 'Hj. Rosmawati', email: 'rosmawati@dpmd.okuselatankab.go.id', group: 'admin' },
  { name: 'Andi Saputra', email: 'andi.saputra@dpmd.okuselatankab.go.id', group: 'organizer' },
  { name: 'Yulianti', email: 'kasipem.muaradua@okuselatankab.go.id', group: 'kecamatan', kecamatanCode: '16.09.01' },
] as const;

/** Seeds the demo data unless the regency already has regions; answers whether it seeded. */
export async function seedDemo(baseUrl: string, adminToken: string): Promise<boolean> {
  const current = (await call(baseUrl, adminToken, 'GET', '/regions')) as { villages: unknown[] };
  if (current.villages.length > 0) return false;
  await call(baseUrl, adminToken, 'PUT', '/regions', {
    kecamatan,
    villages: villages.map(({ code, name, kecamatanCode, dpt, tps }) => ({ code, name, kecamatanCode, dpt, tps })),
  });
  for (const { code, name, unit } of demoItems)
    await call(baseUrl, adminToken, 'PUT', `/items/${code}`, { name, unit });
  const today = calendarDate(new Date(), process.env.REGENCY_TIME_ZONE ?? 'Asia/Jakarta');
  const sessionDate = addDays(today, 3);
  const votingDay = addDays(sessionDate, 42);
  const wave = (await call(baseUrl, adminToken, 'POST', '/waves', {
    name: 'Pilkades Serentak Gelombang I',
    votingDay,
    villageCodes: villages.map((village) => village.code),
  })) as { id: string; stages: Array<{ code: string; name: string; start: string; end: string }> };
  // The template places the briefing three months before voting; this wave briefs around its session.
  await call(baseUrl, adminToken, 'PUT', `/waves/${wave.id}/stages`, {
    stages: wave.stages.map((stage) =>
      stage.code === 'SOSIALISASI'
        ? { ...stage, start: addDays(sessionDate, -3), end: addDays(sessionDate, 4) }
        : stage,
    ),
    reason: 'Jadwal sosialisasi gelombang demo',
  });
  // The local accounts the sign-in page offers (in AWS the first admin invites people from Pengguna).
  for (const user of demoUsers) await call(baseUrl, adminToken, 'POST', '/users', user);
  await call(baseUrl, adminToken, 'POST', '/sessions', {
    title: 'Sosialisasi Pilkades Serentak Gelombang I',
    date: sessionDate,
    venue: 'Gedung Serbaguna Pemkab OKU Selatan, Muaradua',
    waveId: wave.id,
  });
  return true;
}
