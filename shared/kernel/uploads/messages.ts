import type { Text } from '../i18n/messages.ts';

/**
 * What the API says about an uploaded file (a BAST photo, an SK Panitia), whoever holds it.
 * Each sentence is its own constant, so a function's bundle carries only the sentences it uses.
 */

export const documentSettled: Text = {
  id: 'Berkas ini sudah diperiksa sebelumnya.',
  en: 'This file was already checked.',
};
export const documentMissing: Text = {
  id: 'Berkas belum sampai di penyimpanan; unggah lagi',
  en: 'The file has not reached storage; upload it again',
};
export const documentSize: Text = {
  id: 'Ukuran berkas tidak sesuai yang disebutkan atau melebihi 10 MB',
  en: 'The file size differs from what was declared or exceeds 10 MB',
};
export const documentType: Text = {
  id: 'Isi berkas bukan {type} seperti yang disebutkan',
  en: 'The file content is not {type} as declared',
};
