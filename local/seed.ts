/**
 * Seeds the demo regency through the real API (as an admin would): OKU Selatan's 19 kecamatan
 * and the 82 desa holding a Pilkades, one session like the one held on 8 Feb 2023, and the
 * logistics catalogue.
 * Seeding only happens on an empty table; a restart keeps whatever is there.
 */
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
  await call(baseUrl, adminToken, 'POST', '/sessions', {
    title: 'Sosialisasi Pilkades Serentak Gelombang I',
    date: '2023-02-08',
    venue: 'Gedung Serbaguna Pemkab OKU Selatan, Muaradua',
  });
  return true;
}
