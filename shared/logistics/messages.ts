import type { Text } from '#shared/kernel/i18n/messages.ts';

/**
 * What the API says about logistics: shipments, receipts and documents.
 * Each sentence is its own constant, so a function's bundle carries only the sentences it uses.
 */

export const shipmentNotFound: Text = { id: 'Pengiriman tidak ditemukan.', en: 'Shipment not found.' };
export const overAllocation: Text = {
  id: 'Pengiriman melebihi alokasi desa. Bila memang disengaja, kirim ulang dengan alasan melebihi alokasi.',
  en: 'This shipment exceeds the village allocation. If that is intended, send it again with a reason for exceeding it.',
};
export const lineOverAllocation: Text = {
  id: 'Melebihi alokasi: alokasi {allocated}, sudah dikirim {shipped}, diminta {requested}',
  en: 'Over the allocation: allocated {allocated}, shipped {shipped}, requested {requested}',
};
export const receiptConfirmed: Text = {
  id: 'Penerimaan sudah dikonfirmasi pada {at}. Perbaikan hanya dapat dilakukan oleh admin DPMD.',
  en: 'Receipt of these goods was already confirmed on {at}. Only a DPMD admin can correct it.',
};
export const receiptCodeNotKept: Text = {
  id: 'Kode penerimaan pengiriman ini tidak disimpan; buat kode baru untuk mencetak BAST lagi.',
  en: 'This shipment’s receipt code was not kept; issue a new code to print its BAST again.',
};
export const receiptNotConfirmed: Text = {
  id: 'Belum ada konfirmasi penerimaan yang dapat diperbaiki.',
  en: 'There is no confirmed receipt to correct.',
};
export const receiptChanged: Text = {
  id: 'Konfirmasi berubah saat Anda memperbaikinya; muat ulang lalu coba lagi.',
  en: 'The receipt changed while you corrected it; reload and try again.',
};
export const shipmentPending: Text = {
  id: 'Pengiriman yang sama sedang diproses. Coba lagi sebentar lagi.',
  en: 'The same shipment is being processed. Try again shortly.',
};
export const itemUnknown: Text = { id: 'Barang ini tidak ada di katalog', en: 'This item is not in the catalogue' };
export const villageNoFigures: Text = {
  id: 'Desa ini belum punya data DPT dan TPS',
  en: 'This desa has no DPT and TPS figures yet',
};
export const receiptUnknownItem: Text = {
  id: 'Barang ini tidak ada dalam pengiriman',
  en: 'This item is not in the shipment',
};
export const receiptTooMany: Text = {
  id: 'Baik + rusak ringan + rusak berat melebihi jumlah kiriman ({shipped})',
  en: 'Good + lightly + heavily damaged exceeds the shipped quantity ({shipped})',
};
export const receiptNotReported: Text = { id: 'Barang ini belum diisi', en: 'This item is not filled in yet' };
export const receiptCodeMismatch: Text = {
  id: 'Kode penerimaan tidak cocok dengan pengiriman ini',
  en: 'The receipt code does not match this shipment',
};
export const tooManyDocuments: Text = {
  id: 'Sudah {max} berkas dikirim untuk pengiriman ini; hubungi DPMD bila masih perlu mengirim.',
  en: '{max} files were already sent for this shipment; call the DPMD if you need to send more.',
};
export const replacementNeedsReceipt: Text = {
  id: 'Penggantian dikirim setelah desa mengonfirmasi penerimaan pengiriman ini.',
  en: 'A replacement is sent once the village has confirmed this shipment.',
};
export const nothingToReplace: Text = {
  id: 'Tidak ada barang rusak berat atau hilang yang belum diganti pada pengiriman ini.',
  en: 'Nothing heavily damaged or missing is left to replace in this shipment.',
};
export const replacementTooMuch: Text = {
  id: 'Paling banyak {most} (rusak berat atau hilang yang belum diganti)',
  en: 'At most {most} (heavily damaged or missing, not yet replaced)',
};
