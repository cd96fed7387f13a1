import type { Text } from '#shared/kernel/i18n/messages.ts';

/**
 * What the API says about uploaded region files.
 * Each sentence is its own constant, so a function's bundle carries only the sentences it uses.
 */

export const fileUnreadable: Text = {
  id: 'Berkas tidak dapat dibaca. Gunakan CSV (UTF-8) atau XLSX.',
  en: 'The file cannot be read. Use CSV (UTF-8) or XLSX.',
};
export const fileColumns: Text = {
  id: 'Baris pertama berkas harus berisi judul kolom: kode_kecamatan, nama_kecamatan, kode_desa, nama_desa (dpt dan tps boleh ditambahkan).',
  en: 'The first row must name the columns: kode_kecamatan, nama_kecamatan, kode_desa, nama_desa (dpt and tps optional).',
};
export const fileRows: Text = {
  id: 'Beberapa baris berkas belum benar; perbaiki lalu unggah lagi. Tidak ada data yang disimpan.',
  en: 'Some rows are wrong; fix them and upload again. Nothing was saved.',
};
export const columnMissing: Text = {
  id: 'Kolom ini tidak ada di baris judul',
  en: 'This column is missing from the header row',
};
export const kecamatanNameDiffers: Text = {
  id: 'Nama kecamatan berbeda dari baris sebelumnya dengan kode yang sama',
  en: 'Kecamatan name differs from an earlier row with the same code',
};
export const villageKecamatanMismatch: Text = {
  id: 'Kecamatan {kecamatanCode} tidak terdaftar',
  en: 'Kecamatan {kecamatanCode} is not registered',
};
