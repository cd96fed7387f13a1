/**
 * The demo regency's logistics catalogue, and the allocation rules a DPMD typically uses for it.
 */
export const demoItems = [
  { code: 'KOTAK_SUARA', name: 'Kotak suara', unit: 'buah' },
  { code: 'BILIK_SUARA', name: 'Bilik suara', unit: 'buah' },
  { code: 'SURAT_SUARA', name: 'Surat suara', unit: 'lembar' },
  { code: 'TINTA', name: 'Tinta sidik jari', unit: 'botol' },
  { code: 'SEGEL', name: 'Segel kotak suara', unit: 'lembar' },
  { code: 'SAMPUL', name: 'Sampul kertas berita acara', unit: 'lembar' },
  { code: 'FORMULIR', name: 'Formulir berita acara dan sertifikat hasil', unit: 'set' },
  { code: 'ALAT_COBLOS', name: 'Alat coblos', unit: 'buah' },
  { code: 'ALAS_COBLOS', name: 'Alas coblos', unit: 'buah' },
  { code: 'DAFTAR_CALON', name: 'Daftar calon kepala desa (tempel)', unit: 'lembar' },
  { code: 'KARET_PENGIKAT', name: 'Karet pengikat surat suara', unit: 'pak' },
  { code: 'LEM', name: 'Lem perekat', unit: 'buah' },
] as const;

/** The usual rules (the domain's starting point, offered to every regency). */
export { usualRules as demoRules } from '#shared/logistics/rules/usual-rules.ts';
