/**
 * Every word printed in a wave's exports (the readiness report and the schedule), in Bahasa
 * Indonesia and English, chosen by `?lang=`; a printed report is Indonesian unless asked otherwise.
 */
import type { Lang } from '#shared/kernel/i18n/core.ts';
import type { ReadinessState } from '../rules/readiness.ts';

export interface WaveLabels {
  readinessStem: string;
  scheduleStem: string;
  readinessTitle: string;
  scheduleTitle: string;
  government: (regencyName: string) => string;
  office: string;
  asOf: (date: string, countdown: string) => string;
  reportDate: string;
  votingDay: string;
  state: Record<ReadinessState, string>;
  columns: {
    no: string;
    kecamatan: string;
    village: string;
    villageCode: string;
    state: string;
    reasons: string;
    ketua: string;
    ketuaPhone: string;
    ketuaPresent: string;
    sekretaris: string;
    sekretarisPhone: string;
    sekretarisPresent: string;
    receiptConfirmed: string;
    bastPhoto: string;
    problemsOpen: string;
    villages: string;
    item: string;
    itemCode: string;
    allocated: string;
    shipped: string;
    usable: string;
    majorDamage: string;
    missing: string;
    stage: string;
    code: string;
    start: string;
    end: string;
    days: string;
  };
  yes: string;
  no: string;
  sheets: { summary: string; villages: string; logistics: string; schedule: string };
  byKecamatan: string;
  notReady: (count: number) => string;
  allReady: string;
  total: string;
  page: (page: number, total: number) => string;
}

const id: WaveLabels = {
  readinessStem: 'laporan-kesiapan',
  scheduleStem: 'jadwal-tahapan',
  readinessTitle: 'LAPORAN KESIAPAN PILKADES',
  scheduleTitle: 'JADWAL TAHAPAN PILKADES',
  government: (name) => `PEMERINTAH ${name.toUpperCase()}`,
  office: 'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA',
  asOf: (date, countdown) => `Keadaan per ${date} (${countdown})`,
  reportDate: 'Keadaan per',
  votingDay: 'Hari pemungutan suara',
  state: { READY: 'Siap', ACTION_NEEDED: 'Perlu tindakan', LATE: 'Terlambat' },
  columns: {
    no: 'No',
    kecamatan: 'Kecamatan',
    village: 'Desa',
    villageCode: 'Kode desa',
    state: 'Status',
    reasons: 'Alasan',
    ketua: 'Ketua Panitia',
    ketuaPhone: 'HP Ketua',
    ketuaPresent: 'Ketua ikut sosialisasi',
    sekretaris: 'Sekretaris Panitia',
    sekretarisPhone: 'HP Sekretaris',
    sekretarisPresent: 'Sekretaris ikut sosialisasi',
    receiptConfirmed: 'Penerimaan dikonfirmasi',
    bastPhoto: 'Foto BAST',
    problemsOpen: 'Masalah terbuka',
    villages: 'Jumlah desa',
    item: 'Barang',
    itemCode: 'Kode barang',
    allocated: 'Alokasi',
    shipped: 'Dikirim',
    usable: 'Layak pakai',
    majorDamage: 'Rusak berat',
    missing: 'Hilang',
    stage: 'Tahapan',
    code: 'Kode',
    start: 'Mulai',
    end: 'Selesai',
    days: 'Hari',
  },
  yes: 'Ya',
  no: 'Tidak',
  sheets: { summary: 'Ringkasan', villages: 'Per Desa', logistics: 'Logistik', schedule: 'Jadwal Tahapan' },
  byKecamatan: 'Kesiapan per kecamatan',
  notReady: (count) => `Desa yang belum siap (${count})`,
  allReady: 'Semua desa siap.',
  total: 'Jumlah',
  page: (page, total) => `Halaman ${page} dari ${total}`,
};

const en: WaveLabels = {
  readinessStem: 'readiness-report',
  scheduleStem: 'election-schedule',
  readinessTitle: 'PILKADES READINESS REPORT',
  scheduleTitle: 'PILKADES ELECTION SCHEDULE',
  government: (name) => `GOVERNMENT OF ${name.toUpperCase()}`,
  office: 'COMMUNITY AND VILLAGE EMPOWERMENT OFFICE (DPMD)',
  asOf: (date, countdown) => `As of ${date} (${countdown})`,
  reportDate: 'As of',
  votingDay: 'Voting day',
  state: { READY: 'Ready', ACTION_NEEDED: 'Action needed', LATE: 'Late' },
  columns: {
    no: 'No',
    kecamatan: 'Kecamatan',
    village: 'Village',
    villageCode: 'Village code',
    state: 'State',
    reasons: 'Reasons',
    ketua: 'Committee chair',
    ketuaPhone: 'Chair phone',
    ketuaPresent: 'Chair briefed',
    sekretaris: 'Committee secretary',
    sekretarisPhone: 'Secretary phone',
    sekretarisPresent: 'Secretary briefed',
    receiptConfirmed: 'Receipt confirmed',
    bastPhoto: 'BAST photo',
    problemsOpen: 'Open problems',
    villages: 'Villages',
    item: 'Item',
    itemCode: 'Item code',
    allocated: 'Allocated',
    shipped: 'Shipped',
    usable: 'Usable',
    majorDamage: 'Heavily damaged',
    missing: 'Missing',
    stage: 'Stage',
    code: 'Code',
    start: 'Start',
    end: 'End',
    days: 'Days',
  },
  yes: 'Yes',
  no: 'No',
  sheets: { summary: 'Summary', villages: 'Per village', logistics: 'Logistics', schedule: 'Schedule' },
  byKecamatan: 'Readiness per kecamatan',
  notReady: (count) => `Villages not ready (${count})`,
  allReady: 'Every village is ready.',
  total: 'Total',
  page: (page, total) => `Page ${page} of ${total}`,
};

/** The labels of a language. */
export function waveLabels(lang: Lang): WaveLabels {
  return lang === 'en' ? en : id;
}
