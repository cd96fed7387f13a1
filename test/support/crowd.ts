import { villages } from '#local/demo/oku-selatan.ts';
import type { SessionRole } from '#shared/sessions/rules/roles.ts';

/**
 * The roles of a session that seats a crowd of committee members: the default set, with up to 200
 * Anggota per desa instead of 9 (the crowds below put 30 to 120 in each desa).
 */
export const CROWD_ROLES: SessionRole[] = [
  { role: 'KETUA_PANITIA', unit: 'village', min: 1, max: 1 },
  { role: 'SEKRETARIS_PANITIA', unit: 'village', min: 1, max: 1 },
  { role: 'ANGGOTA_PANITIA', unit: 'village', min: 0, max: 200 },
  { role: 'KASI_PEMERINTAHAN', unit: 'kecamatan', min: 1, max: 1 },
];

const GIVEN = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kurnia', 'Lestari'];
const FAMILY = [
  'Saputra',
  'Wijaya',
  'Hidayat',
  'Rahmawati',
  'Siregar',
  'Nasution',
  'Pratama',
  'Kusuma',
  'Lubis',
  'Harahap',
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A distinct, valid name for every index (letters only, as names are). */
function nameFor(index: number): string {
  const suffix = `${LETTERS[Math.floor(index / 26) % 26]}${LETTERS[index % 26]}`;
  return `${GIVEN[index % GIVEN.length]} ${FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length]} ${suffix}${LETTERS[Math.floor(index / 676) % 26]}`;
}

/** `count` committee members (Anggota Panitia) spread over the demo desa, each with a phone. */
export function committeeMembers(count: number, offset = 0) {
  return Array.from({ length: count }, (_, i) => {
    const index = offset + i;
    return {
      fullName: nameFor(index),
      role: 'ANGGOTA_PANITIA' as const,
      villageCode: villages[index % villages.length]?.code ?? '',
      phone: `0813${String(10_000_000 + index).padStart(8, '0')}`,
    };
  });
}

/** Lets a session seat a crowd of Anggota (as an organizer would before importing a whole committee list). */
export async function seatCrowd(
  organizer: { request: (m: string, p: string, b?: unknown) => Promise<{ status: number }> },
  sessionId: string,
) {
  const reply = await organizer.request('PATCH', `/sessions/${sessionId}`, {
    roles: CROWD_ROLES,
    reason: 'Seluruh anggota panitia ikut sosialisasi',
  });
  if (reply.status !== 200) throw new Error(`could not seat a crowd: ${reply.status}`);
}
