/**
 * What the public pages say while a file goes up (a BAST photo, an SK Panitia), Bahasa Indonesia
 * first. The API translates its own refusals (a wrong size, bytes that are not the type named).
 */
import { type Text, texts } from '../lang.ts';

/** Exported for the test that checks every text in both languages. */
export const uploadTexts = {
  'doc.preparing': { id: 'Menyiapkan…', en: 'Preparing…' },
  'doc.uploading': { id: 'Mengunggah… {percent}%', en: 'Uploading… {percent}%' },
  'doc.checking': { id: 'Memeriksa berkas…', en: 'Checking the file…' },
  'doc.none': { id: 'Pilih foto atau berkas dulu.', en: 'Choose a photo or file first.' },
  'doc.tooBig': {
    id: 'Berkas lebih dari 10 MB. Kecilkan ukuran foto, lalu coba lagi.',
    en: 'The file is larger than 10 MB. Make the photo smaller and try again.',
  },
  'doc.empty': { id: 'Berkas kosong.', en: 'The file is empty.' },
  'doc.badType': {
    id: 'Jenis berkas tidak didukung. Gunakan JPG, PNG atau PDF.',
    en: 'This kind of file is not supported. Use JPG, PNG or PDF.',
  },
  'doc.offline': {
    id: 'Tidak ada sinyal. Unggah foto saat sinyal kembali.',
    en: 'No signal. Upload the photo when the signal is back.',
  },
  'doc.failed': {
    id: 'Unggahan gagal (kode {status}). Coba lagi.',
    en: 'The upload failed (status {status}). Try again.',
  },
} satisfies Record<string, Text>;

export const { t } = texts(uploadTexts);
