/**
 * Every word printed in the logistics exports (CSV, XLSX), in Bahasa Indonesia and English, chosen
 * by `?lang=`. The BAST has none here: it is a legal document and Indonesian only.
 */

import type { Lang as ExportLang } from '#shared/kernel/i18n/core.ts';
import type { VillageState } from '#shared/logistics/rules/receipt.ts';
import type { FIGURES } from '#shared/logistics/rules/summary.ts';

export interface LogisticsLabels {
  /** File names start with this (`logistik-pilkades-2026-05-04.csv`). */
  fileStem: string;
  columns: {
    kecamatan: string;
    village: string;
    villageCode: string;
    state: string;
    itemCode: string;
    item: string;
    unit: string;
    villages: string;
  } & Record<(typeof FIGURES)[number], string>;
  /** A desa's state in words, as the dashboard says it. */
  state: Record<VillageState, string>;
  sheets: { villages: string; totals: string };
  heading: (regencyName: string) => string;
  /** "Keadaan per Senin, 4 Mei 2026" */
  asOf: (date: string) => string;
  totalsHeading: string;
  statesHeading: string;
  total: string;
}

const id: LogisticsLabels = {
  fileStem: 'logistik-pilkades',
  columns: {
    kecamatan: 'Kecamatan',
    village: 'Desa',
    villageCode: 'Kode Desa',
    state: 'Status',
    itemCode: 'Kode Barang',
    item: 'Nama Barang',
    unit: 'Satuan',
    villages: 'Jumlah Desa',
    allocated: 'Dialokasikan',
    shipped: 'Dikirim',
    good: 'Baik',
    minorDamage: 'Rusak Ringan',
    majorDamage: 'Rusak Berat',
    missing: 'Hilang',
  },
  state: {
    notShipped: 'Belum dikirim',
    partlyShipped: 'Sebagian dikirim',
    awaitingConfirmation: 'Menunggu konfirmasi',
    confirmed: 'Diterima lengkap',
    discrepancy: 'Ada selisih',
  },
  sheets: { villages: 'Per Desa', totals: 'Rekap Barang' },
  heading: (regencyName) => `Rekap Logistik Pilkades ${regencyName}`,
  asOf: (date) => `Keadaan per ${date}`,
  totalsHeading: 'Per barang',
  statesHeading: 'Status desa',
  total: 'Jumlah',
};

const en: LogisticsLabels = {
  fileStem: 'election-logistics',
  columns: {
    kecamatan: 'Kecamatan',
    village: 'Village',
    villageCode: 'Village code',
    state: 'Status',
    itemCode: 'Item code',
    item: 'Item',
    unit: 'Unit',
    villages: 'Villages',
    allocated: 'Allocated',
    shipped: 'Shipped',
    good: 'Good',
    minorDamage: 'Minor damage',
    majorDamage: 'Major damage',
    missing: 'Missing',
  },
  state: {
    notShipped: 'Not shipped',
    partlyShipped: 'Partly shipped',
    awaitingConfirmation: 'Awaiting confirmation',
    confirmed: 'Received in full',
    discrepancy: 'Discrepancy',
  },
  sheets: { villages: 'By village', totals: 'Item totals' },
  heading: (regencyName) => `Village election logistics, ${regencyName}`,
  asOf: (date) => `As of ${date}`,
  totalsHeading: 'By item',
  statesHeading: 'Village status',
  total: 'Total',
};

const dictionaries: Record<ExportLang, LogisticsLabels> = { id, en };

/** The labels of a logistics export in the asked language (Indonesian unless English is asked for). */
export function logisticsLabels(lang: ExportLang | undefined): LogisticsLabels {
  return dictionaries[lang ?? 'id'];
}
