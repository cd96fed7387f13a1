/**
 * The words of the regions page (Wilayah) and its upload, Bahasa Indonesia first. Loaded with that
 * page only.
 */
import { type Text, texts } from '../lang.ts';
import { commonTexts } from '../texts.ts';

/** Exported for the test that checks every text in both languages. */
export const regionTexts = {
  'regions.title': { id: 'Wilayah', en: 'Regions' },
  'regions.summary': {
    id: '{kecamatan} kecamatan, {villages} desa.',
    en: {
      one: '{kecamatan} kecamatan, {villages} village.',
      other: '{kecamatan} kecamatan, {villages} villages.',
      count: 'villages',
    },
  },
  'regions.empty': { id: 'Data wilayah belum diisi.', en: 'No region data yet.' },
  'regions.col.name': { id: 'Desa', en: 'Village' },
  'regions.col.dpt': { id: 'DPT', en: 'Voters' },
  'regions.col.tps': { id: 'TPS', en: 'TPS' },
  'regions.villages': { id: '{n} desa', en: { one: '{n} village', other: '{n} villages' } },
  'regions.upload': { id: 'Unggah data wilayah', en: 'Upload region data' },
  'regions.upload.intro': {
    id: 'Satu baris per desa dengan kolom kode_kecamatan, nama_kecamatan, kode_desa, nama_desa, lalu dpt dan tps (boleh kosong). Data yang sama boleh diunggah ulang.',
    en: 'One row per village with columns kode_kecamatan, nama_kecamatan, kode_desa, nama_desa, then dpt and tps (may be empty). Uploading the same data again is harmless.',
  },
  'regions.template': { id: 'Unduh templat CSV', en: 'Download CSV template' },
  'regions.template.hint': {
    id: 'Templat berisi data wilayah saat ini; ubah atau tambah baris, lalu unggah kembali.',
    en: 'The template holds the current regions; change or add rows, then upload it again.',
  },
  'regions.file': { id: 'Berkas CSV atau XLSX', en: 'CSV or XLSX file' },
  'regions.send': { id: 'Unggah', en: 'Upload' },
  'regions.sending': { id: 'Mengunggah…', en: 'Uploading…' },
  'regions.noFile': { id: 'Pilih berkas CSV atau XLSX terlebih dahulu.', en: 'Choose a CSV or XLSX file first.' },
  'regions.badType': { id: 'Berkas harus berakhiran .csv atau .xlsx.', en: 'The file must end in .csv or .xlsx.' },
  'regions.saved': { id: 'Data wilayah tersimpan.', en: 'Regions saved.' },
  'regions.counts': {
    id: '{label}: {total} ({created} baru, {updated} diubah, {unchanged} tetap)',
    en: '{label}: {total} ({created} new, {updated} changed, {unchanged} unchanged)',
  },
  'regions.kecamatanLabel': { id: 'Kecamatan', en: 'Kecamatan' },
  'regions.villagesLabel': { id: 'Desa', en: 'Villages' },
  'regions.row': { id: 'Baris {n}', en: 'Row {n}' },
  'regions.header': { id: 'Baris judul', en: 'Header row' },
  'regions.kecamatanRow': { id: 'Kecamatan {code}', en: 'Kecamatan {code}' },
} satisfies Record<string, Text>;

/** The regions page's lookup: its words and the shared ones. */
export const { t } = texts({ ...commonTexts, ...regionTexts });
