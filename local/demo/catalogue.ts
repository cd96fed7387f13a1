/**
 * The demo regency's logistics catalogue and the allocation rules a DPMD typically uses for a
 * Pilkades: boxes and booths per polling station (TPS), ballots per voter (DPT) plus KPU's 2.5%
 * reserve, the rest per TPS or per desa.
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

export const demoRules = [
  { itemCode: 'KOTAK_SUARA', basis: 'perTps', quantity: 1 },
  { itemCode: 'BILIK_SUARA', basis: 'perTps', quantity: 4 },
  { itemCode: 'SURAT_SUARA', basis: 'perVoter', quantity: 1, reservePercent: 2.5 },
  { itemCode: 'TINTA', basis: 'perTps', quantity: 2 },
  { itemCode: 'SEGEL', basis: 'perTps', quantity: 10 },
  { itemCode: 'SAMPUL', basis: 'perTps', quantity: 6 },
  { itemCode: 'FORMULIR', basis: 'perTps', quantity: 1, reservePercent: 20 },
  { itemCode: 'ALAT_COBLOS', basis: 'perTps', quantity: 4 },
  { itemCode: 'ALAS_COBLOS', basis: 'perTps', quantity: 4 },
  { itemCode: 'DAFTAR_CALON', basis: 'perTps', quantity: 2 },
  { itemCode: 'KARET_PENGIKAT', basis: 'fixed', quantity: 1 },
  { itemCode: 'LEM', basis: 'perTps', quantity: 1 },
] as const;
