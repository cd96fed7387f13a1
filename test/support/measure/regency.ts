/**
 * A synthetic regency of 482 desa holding a Pilkades (the size the page weights are judged
 * at): the 82 demo desa of OKU Selatan and 400 more, spread over its 19 kecamatan and 6 more. Names
 * and codes are made up but shaped like Kemendagri's; the demo desa stay, so everything that
 * registers demo people still works.
 */
import { kecamatan as demoKecamatan, villages as demoVillages } from '#local/demo/oku-selatan.ts';
import type { Api } from '#test/support/api.ts';

export const REGENCY_VILLAGES = 482;

const FIRST = ['Suka', 'Tanjung', 'Karang', 'Sumber', 'Muara', 'Air', 'Gunung', 'Pulau', 'Lubuk', 'Sri'];
const SECOND = ['Jaya', 'Makmur', 'Baru', 'Indah', 'Agung', 'Mulya', 'Sari', 'Harapan', 'Rejo', 'Tengah'];
const NUMERALS = ['', ' II', ' III', ' IV'];

const extraKecamatan = Array.from({ length: 6 }, (_, i) => ({
  code: `16.09.${20 + i}`,
  name: `${FIRST[i] ?? 'Suka'} ${SECOND[9 - i] ?? 'Jaya'} Raya`,
}));

/** The 482 desa and 25 kecamatan, as PUT /regions takes them. */
export function regencyOf482() {
  const kecamatan = [...demoKecamatan, ...extraKecamatan];
  const extra = Array.from({ length: REGENCY_VILLAGES - demoVillages.length }, (_, n) => {
    const home = kecamatan[n % kecamatan.length] ?? kecamatan[0];
    return {
      code: `${home?.code}.${2500 + n}`,
      name: `${FIRST[n % 10]}${SECOND[Math.floor(n / 10) % 10]?.toLowerCase()}${NUMERALS[Math.floor(n / 100) % 4]}`,
      kecamatanCode: home?.code ?? '',
      dpt: 900 + ((n * 37) % 2_400),
      tps: 2 + (n % 5),
    };
  });
  const villages = [...demoVillages, ...extra].map(({ code, name, kecamatanCode, dpt, tps }) => ({
    code,
    name,
    kecamatanCode,
    dpt,
    tps,
  }));
  return { kecamatan, villages };
}

/** Adds the synthetic desa to the local stack's regency (an upsert: the demo desa stay as they are). */
export async function useRegencyOf482(admin: Api): Promise<void> {
  const reply = await admin.put('/regions', regencyOf482());
  if (reply.status !== 200) throw new Error(`PUT /regions answered ${reply.status}: ${reply.text.slice(0, 300)}`);
}
