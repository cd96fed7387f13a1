/**
 * The words of the participant import (Pendaftaran → "Impor dari berkas"), Bahasa Indonesia
 * first. Loaded with the import panel only, not with the desk.
 */
import { type Text, texts } from '../lang.ts';
import { unitTexts } from '../regions/lookup.ts';
import { commonTexts } from '../texts.ts';
import { roleTexts } from './texts.ts';

/** Exported for the test that checks every text in both languages. */
export const importTexts = {
  'import.intro': {
    id: 'Satu baris per peserta, dengan baris judul. Kolom yang dikenali: Nama (atau Nama lengkap), Peran (atau Jabatan: Ketua Panitia, Sekretaris Panitia, Anggota Panitia, Kasi Pemerintahan), Kode desa atau Desa dan Kecamatan, Kode kecamatan, dan No HP (boleh kosong).',
    en: 'One row per participant, under a header row. Columns recognised: Nama (or Nama lengkap), Peran (or Jabatan: Ketua Panitia, Sekretaris Panitia, Anggota Panitia, Kasi Pemerintahan), Kode desa or Desa and Kecamatan, Kode kecamatan, and No HP (may be empty).',
  },
  'import.template': { id: 'Unduh templat CSV', en: 'Download a CSV template' },
  'import.file': { id: 'Berkas CSV atau XLSX', en: 'CSV or XLSX file' },
  'import.reading': { id: 'Membaca berkas…', en: 'Reading the file…' },
  'import.badType': { id: 'Berkas harus berakhiran .csv atau .xlsx.', en: 'The file must end in .csv or .xlsx.' },
  'import.unreadable': {
    id: 'Berkas tidak dapat dibaca. Simpan ulang sebagai CSV atau XLSX, lalu coba lagi.',
    en: 'The file cannot be read. Save it again as CSV or XLSX and try again.',
  },
  'import.noHeader': {
    id: 'Baris judul tidak ditemukan: salah satu dari 10 baris pertama harus memuat kolom Nama (atau Nama lengkap).',
    en: 'No header row found: one of the first 10 rows must hold a Nama (or Nama lengkap) column.',
  },
  'import.noRoleColumn': {
    id: 'Kolom Peran (atau Jabatan) tidak ditemukan di baris judul.',
    en: 'The header row has no Peran (or Jabatan) column.',
  },
  'import.noPlaceColumn': {
    id: 'Kolom Kode desa, Desa atau Kecamatan tidak ditemukan di baris judul.',
    en: 'The header row has no Kode desa, Desa or Kecamatan column.',
  },
  'import.empty': { id: 'Berkas tidak berisi baris peserta.', en: 'The file holds no participant rows.' },
  'import.read': {
    id: '{rows} baris peserta terbaca dari {file}: {ready} siap diimpor, {unread} tidak dapat dibaca.',
    en: {
      one: '{rows} participant row read from {file}: {ready} ready to import, {unread} cannot be read.',
      other: '{rows} participant rows read from {file}: {ready} ready to import, {unread} cannot be read.',
      count: 'rows',
    },
  },
  'import.unreadTitle': { id: 'Baris yang tidak dapat dibaca', en: 'Rows that cannot be read' },
  'import.unreadHint': {
    id: 'Baris ini tidak ikut diimpor. Perbaiki di berkas, lalu impor lagi berkas yang sama.',
    en: 'These rows are left out. Fix them in the file, then import the same file again.',
  },
  'import.row': { id: 'Baris {line}: {reason}', en: 'Row {line}: {reason}' },
  'import.reason.noName': { id: 'nama kosong', en: 'no name' },
  'import.reason.noRole': { id: 'peran kosong', en: 'no role' },
  'import.reason.role': {
    id: 'peran “{value}” tidak dikenal (pakai Ketua Panitia, Sekretaris Panitia, Anggota Panitia atau Kasi Pemerintahan)',
    en: 'unknown role “{value}” (use Ketua Panitia, Sekretaris Panitia, Anggota Panitia or Kasi Pemerintahan)',
  },
  'import.reason.noVillage': {
    id: 'desa kosong (isi Kode desa, atau Desa dan Kecamatan)',
    en: 'no village (fill in Kode desa, or Desa and Kecamatan)',
  },
  'import.reason.villageCode': {
    id: 'kode desa {value} tidak ada di data wilayah',
    en: 'village code {value} is not in the regions',
  },
  'import.reason.village': { id: 'desa “{value}” tidak ditemukan', en: 'village “{value}” not found' },
  'import.reason.villageIn': {
    id: 'desa “{value}” tidak ditemukan di Kec. {kecamatan}',
    en: 'village “{value}” not found in {kecamatan} kecamatan',
  },
  'import.reason.ambiguous': {
    id: 'ada {n} desa bernama “{value}” (Kec. {places}); isi kolom Kecamatan',
    en: 'there are {n} villages named “{value}” (kecamatan {places}); fill in the Kecamatan column',
  },
  'import.reason.kecamatan': { id: 'kecamatan “{value}” tidak ditemukan', en: 'kecamatan “{value}” not found' },
  'import.reason.kecamatanCode': {
    id: 'kode kecamatan {value} tidak ada di data wilayah',
    en: 'kecamatan code {value} is not in the regions',
  },
  'import.reason.noKecamatan': {
    id: 'kecamatan kosong (Kasi Pemerintahan mewakili kecamatan)',
    en: 'no kecamatan (the Kasi Pemerintahan represents a kecamatan)',
  },
  'import.preview': { id: 'Baris pertama yang akan diimpor', en: 'First rows to be imported' },
  'import.send': {
    id: 'Impor {n} peserta',
    en: { one: 'Import {n} participant', other: 'Import {n} participants' },
  },
  'import.again': {
    id: 'Bila halaman dimuat ulang atau jaringan terputus di tengah jalan, impor lagi berkas yang sama: peserta yang sudah terdaftar tidak akan terdaftar dua kali.',
    en: 'If the page reloads or the network drops half-way, import the same file again: nobody already registered is registered twice.',
  },
  'import.progressLabel': { id: 'Kemajuan impor', en: 'Import progress' },
  'import.progress': { id: '{sent} dari {total} terkirim', en: '{sent} of {total} sent' },
  'import.stopped': {
    id: 'Impor terhenti setelah {sent} dari {total} baris: {reason}',
    en: 'The import stopped after {sent} of {total} rows: {reason}',
  },
  'import.stopped.hint': {
    id: 'Tekan “Lanjutkan”, atau impor lagi berkas yang sama nanti (juga setelah halaman dimuat ulang): peserta yang sudah terdaftar tidak akan terdaftar dua kali.',
    en: 'Press “Continue”, or import the same file again later (after a reload too): nobody already registered is registered twice.',
  },
  'import.interrupted': {
    id: 'Impor {file} sebelumnya terhenti setelah {sent} dari {total} baris. Impor lagi berkas yang sama: peserta yang sudah terdaftar tidak akan terdaftar dua kali.',
    en: 'The earlier import of {file} stopped after {sent} of {total} rows. Import the same file again: nobody already registered is registered twice.',
  },
  'import.resume': { id: 'Lanjutkan', en: 'Continue' },
  'import.done': { id: 'Impor selesai.', en: 'Import finished.' },
  'import.created': {
    id: '{n} peserta baru terdaftar',
    en: { one: '{n} new participant registered', other: '{n} new participants registered' },
  },
  'import.unchanged': { id: '{n} sudah terdaftar sebelumnya', en: '{n} already registered before' },
  'import.refused': { id: '{n} ditolak', en: '{n} refused' },
  'import.refusedTitle': { id: 'Baris yang ditolak', en: 'Rows refused' },
  'import.field.fullName': { id: 'Nama', en: 'Name' },
  'import.field.phone': { id: 'No HP', en: 'Phone' },
  'import.field.role': { id: 'Peran', en: 'Role' },
  'import.field.villageCode': { id: 'Desa', en: 'Village' },
  'import.field.kecamatanCode': { id: 'Kecamatan', en: 'Kecamatan' },
  'import.fieldMessage': { id: '{field}: {message}', en: '{field}: {message}' },
} satisfies Record<string, Text>;

const dictionary = { ...commonTexts, ...unitTexts, ...roleTexts, ...importTexts };
export type ImportKey = keyof typeof importTexts;
/** The import panel's lookup. */
export const { t, has } = texts(dictionary);
