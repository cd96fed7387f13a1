/**
 * The receipt page's words, Bahasa Indonesia first. Kept apart from the organizer dictionaries so
 * the village's phone downloads only these. The API translates its own field messages.
 */
import { type Text, texts } from '../lang.ts';

/** Exported for the test that checks every text in both languages. */
export const receiptTexts = {
  'lang.switch': { id: 'English', en: 'Bahasa Indonesia' },
  'lang.label': { id: 'Switch to English', en: 'Ganti ke Bahasa Indonesia' },
  'page.title': { id: 'Tanda terima logistik', en: 'Delivery receipt' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  'unknown.title': { id: 'Kode tidak dikenal', en: 'Unknown code' },
  'unknown.body': {
    id: 'Tautan ini tidak membuka pengiriman mana pun. Periksa lagi tautan atau kode QR pada BAST, atau minta tautan baru ke DPMD.',
    en: 'This link opens no shipment. Check the link or the QR code on the BAST again, or ask the DPMD for a new link.',
  },
  'tooMany.title': { id: 'Terlalu banyak percobaan, coba lagi nanti', en: 'Too many attempts, try again later' },
  'tooMany.body': {
    id: 'Tunggu beberapa menit, lalu buka lagi tautan ini.',
    en: 'Wait a few minutes, then open this link again.',
  },
  'offline.title': { id: 'Tidak ada sinyal', en: 'No signal' },
  'offline.body': {
    id: 'Halaman akan dimuat otomatis saat sinyal kembali.',
    en: 'The page loads by itself when the signal is back.',
  },
  'failed.title': { id: 'Server sedang sibuk', en: 'The server is busy' },
  'failed.body': { id: 'Coba lagi sebentar lagi (kode {status}).', en: 'Try again shortly (status {status}).' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  bast: { id: 'Nomor BAST', en: 'BAST number' },
  place: { id: 'Desa {village}, Kec. {kecamatan}', en: '{village} village, {kecamatan} kecamatan' },
  shippedAt: { id: 'Dikirim {date}', en: 'Shipped {date}' },
  goods: { id: 'Barang yang dikirim', en: 'Goods shipped' },
  'form.title': { id: 'Konfirmasi penerimaan', en: 'Confirm receipt' },
  'form.intro': {
    id: 'Hitung barang yang tiba, lalu isi jumlahnya. Yang tidak diisi sebagai baik atau rusak dihitung hilang.',
    en: 'Count what arrived and enter the numbers. Whatever is not entered as good or damaged counts as missing.',
  },
  name: { id: 'Nama penerima', en: 'Received by (name)' },
  phone: { id: 'Nomor HP (opsional)', en: 'Mobile phone (optional)' },
  'phone.hint': { id: 'Contoh: 0812 3456 7890', en: 'For example 0812 3456 7890' },
  allGood: { id: 'Semua barang diterima baik', en: 'Everything arrived in good order' },
  lineGood: { id: 'Semua baik', en: 'All good' },
  lineGoodLabel: { id: 'Semua {item} baik', en: 'All {item} good' },
  shipped: { id: 'Dikirim', en: 'Shipped' },
  good: { id: 'Baik', en: 'Good' },
  minor: { id: 'Rusak ringan', en: 'Lightly damaged' },
  major: { id: 'Rusak berat', en: 'Heavily damaged' },
  missing: { id: 'Hilang', en: 'Missing' },
  note: { id: 'Catatan (opsional)', en: 'Note (optional)' },
  'note.hint': {
    id: 'Misalnya: kotak suara penyok saat diturunkan.',
    en: 'For example: a ballot box was dented while unloading.',
  },
  submit: { id: 'Kirim konfirmasi', en: 'Send confirmation' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  required: { id: 'Wajib diisi', en: 'Required' },
  requiredMark: { id: 'wajib diisi', en: 'required' },
  notFilled: { id: 'Barang ini belum diisi', en: 'This item is not filled in yet' },
  overShipped: {
    id: 'Baik + rusak ringan + rusak berat melebihi jumlah kiriman ({shipped})',
    en: 'Good + lightly + heavily damaged exceeds the shipped quantity ({shipped})',
  },
  check: { id: 'Periksa isian yang ditandai.', en: 'Check the marked fields.' },
  'saved.banner': {
    id: 'Tersimpan di HP — akan dikirim otomatis saat sinyal kembali',
    en: 'Saved on this phone — it will be sent automatically when the signal is back',
  },
  'saved.body': {
    id: 'Biarkan halaman ini terbuka, atau buka lagi tautan ini nanti. Konfirmasi tidak akan tercatat dua kali.',
    en: 'Keep this page open, or open this link again later. The confirmation is never recorded twice.',
  },
  'saved.busy': {
    id: 'Server sedang sibuk; dicoba lagi otomatis.',
    en: 'The server is busy; it is retried automatically.',
  },
  'saved.tooMany': {
    id: 'Terlalu banyak percobaan, coba lagi nanti. Dicoba lagi otomatis.',
    en: 'Too many attempts, try again later. It is retried automatically.',
  },
  'saved.now': { id: 'Kirim sekarang', en: 'Send now' },
  'done.title': { id: 'Terima kasih, penerimaan sudah tercatat', en: 'Thank you, the receipt is recorded' },
  'confirmed.title': { id: 'Penerimaan sudah dikonfirmasi', en: 'Receipt already confirmed' },
  conflict: {
    id: 'Penerimaan ini sudah dikonfirmasi sebelumnya. Yang tercatat di DPMD:',
    en: 'This receipt was already confirmed before. What the DPMD has recorded:',
  },
  recorded: { id: 'Dicatat {date}, diterima oleh {name}', en: 'Recorded {date}, received by {name}' },
  discrepancy: {
    id: 'Ada barang rusak atau hilang. DPMD akan menindaklanjuti.',
    en: 'Some goods are damaged or missing. The DPMD will follow up.',
  },
  allFine: { id: 'Semua barang diterima baik.', en: 'Everything arrived in good order.' },
  corrected: { id: 'Diperbaiki oleh {name}: {reason}', en: 'Corrected by {name}: {reason}' },
  'doc.title': { id: 'Foto BAST yang sudah ditandatangani', en: 'Photo of the signed BAST' },
  'doc.intro': {
    id: 'Foto atau pindai BAST yang sudah ditandatangani, lalu unggah. JPG, PNG atau PDF, paling besar 10 MB.',
    en: 'Take a photo or scan of the signed BAST and upload it. JPG, PNG or PDF, at most 10 MB.',
  },
  'doc.file': { id: 'Pilih foto atau berkas BAST', en: 'Choose the BAST photo or file' },
  'doc.send': { id: 'Unggah', en: 'Upload' },
  'doc.verified': { id: 'Foto BAST diterima dan sudah diperiksa.', en: 'BAST photo received and checked.' },
  'doc.list': { id: 'Berkas yang sudah diunggah', en: 'Files uploaded' },
  'doc.verifiedState': { id: 'diperiksa ✓', en: 'checked ✓' },
  'doc.pendingState': { id: 'belum selesai', en: 'not finished' },
  'doc.rejectedState': { id: 'ditolak', en: 'refused' },
} satisfies Record<string, Text>;

/** The receipt page's lookup; nothing of the organizer dictionaries. */
export const { t } = texts(receiptTexts);
