/**
 * The allocation rules a DPMD typically starts from for a Pilkades: boxes and booths per polling
 * station (TPS), ballots per voter (DPT) plus KPU's 2.5% reserve, the rest per TPS or per desa.
 * The allocation page offers them until a regency saves its own formula. Plain data: the pages
 * bundle it as it is.
 */
export const usualRules = [
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
