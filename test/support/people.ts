/**
 * Realistic participants for the demo regency: names as they appear on Indonesian attendance
 * lists (single names, titles and degrees, apostrophes, accents) and phones written every way.
 */
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';

const GIVEN = [
  'Juproni',
  'H. M. Rahmattullah, S.STP., MM.',
  "Ma'ruf Amin",
  'Siti Nur’aini',
  'Drs. Sukardi, M.Si.',
  'Yulianti',
  'Ir. Bambang Suprapto',
  'Hj. Nurhayati, S.Pd.',
  'Rahmat Hidayat, S.H.',
  'Dedi Irawan',
  'Agus Salim',
  'Sri Wahyuni, A.Md.',
  'Muhammad Ridwan',
  'Fransiskus Xaverius Séda',
  'Novi Andriani',
  'Ahmad Fauzi',
  'Heriyanto',
  "Abdul Mu'thi",
  'Dr. Elvira Ñañez',
  'Wayan Sudarsana',
];

function phoneFor(index: number): string {
  const national = `81${String(30000000 + index * 7919).padStart(8, '0')}`;
  const forms = [
    `0${national}`,
    `+62${national}`,
    `62 ${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`,
  ];
  return forms[index % forms.length] ?? `0${national}`;
}

export interface Participant {
  fullName: string;
  role: 'KETUA_PANITIA' | 'SEKRETARIS_PANITIA' | 'KASI_PEMERINTAHAN' | 'ANGGOTA_PANITIA';
  villageCode?: string;
  kecamatanCode?: string;
  phone?: string;
}

/** The 183 of OKU Selatan: a Ketua and a Sekretaris for each of 82 desa, a Kasi for each of 19 kecamatan. */
export function okuSelatanParticipants(offset = 0): Participant[] {
  const people: Participant[] = [];
  let n = offset;
  const name = () => {
    const base = GIVEN[n % GIVEN.length] ?? 'Juproni';
    return n < GIVEN.length ? base : `${base} ${String.fromCharCode(65 + (n % 26))}`;
  };
  for (const village of villages) {
    for (const role of ['KETUA_PANITIA', 'SEKRETARIS_PANITIA'] as const) {
      people.push({ fullName: name(), role, villageCode: village.code, phone: phoneFor(n) });
      n++;
    }
  }
  for (const unit of kecamatan) {
    people.push({ fullName: name(), role: 'KASI_PEMERINTAHAN', kecamatanCode: unit.code, phone: phoneFor(n) });
    n++;
  }
  return people;
}
