/**
 * The receipt page's words, Bahasa Indonesia first. Kept apart from the organizer dictionary so
 * the village's phone downloads only these. The API translates its own field messages.
 */

export type Lang = 'id' | 'en';

const id = {
  'lang.switch': 'English',
  'lang.label': 'Switch to English',
  'page.title': 'Tanda terima logistik',
  loading: 'Memuat…',
  'unknown.title': 'Kode tidak dikenal',
  'unknown.body':
    'Tautan ini tidak membuka pengiriman mana pun. Periksa lagi tautan atau kode QR pada BAST, atau minta tautan baru ke DPMD.',
  'tooMany.title': 'Terlalu banyak percobaan, coba lagi nanti',
  'tooMany.body': 'Tunggu beberapa menit, lalu buka lagi tautan ini.',
  'offline.title': 'Tidak ada sinyal',
  'offline.body': 'Halaman akan dimuat otomatis saat sinyal kembali.',
  'failed.title': 'Server sedang sibuk',
  'failed.body': 'Coba lagi sebentar lagi (kode {status}).',
  retry: 'Coba lagi',
  bast: 'Nomor BAST',
  place: 'Desa {village}, Kec. {kecamatan}',
  shippedAt: 'Dikirim {date}',
  goods: 'Barang yang dikirim',
  'form.title': 'Konfirmasi penerimaan',
  'form.intro':
    'Hitung barang yang tiba, lalu isi jumlahnya. Yang tidak diisi sebagai baik atau rusak dihitung hilang.',
  name: 'Nama penerima',
  phone: 'Nomor HP (opsional)',
  'phone.hint': 'Contoh: 0812 3456 7890',
  allGood: 'Semua barang diterima baik',
  lineGood: 'Semua baik',
  lineGoodLabel: 'Semua {item} baik',
  shipped: 'Dikirim',
  good: 'Baik',
  minor: 'Rusak ringan',
  major: 'Rusak berat',
  missing: 'Hilang',
  note: 'Catatan (opsional)',
  'note.hint': 'Misalnya: kotak suara penyok saat diturunkan.',
  submit: 'Kirim konfirmasi',
  sending: 'Mengirim…',
  required: 'Wajib diisi',
  notFilled: 'Barang ini belum diisi',
  overShipped: 'Baik + rusak ringan + rusak berat melebihi jumlah kiriman ({shipped})',
  check: 'Periksa isian yang ditandai.',
  'saved.banner': 'Tersimpan di HP — akan dikirim otomatis saat sinyal kembali',
  'saved.body':
    'Biarkan halaman ini terbuka, atau buka lagi tautan ini nanti. Konfirmasi tidak akan tercatat dua kali.',
  'saved.busy': 'Server sedang sibuk; dicoba lagi otomatis.',
  'saved.tooMany': 'Terlalu banyak percobaan, coba lagi nanti. Dicoba lagi otomatis.',
  'saved.now': 'Kirim sekarang',
  'done.title': 'Terima kasih, penerimaan sudah tercatat',
  'confirmed.title': 'Penerimaan sudah dikonfirmasi',
  conflict: 'Penerimaan ini sudah dikonfirmasi sebelumnya. Yang tercatat di DPMD:',
  recorded: 'Dicatat {date}, diterima oleh {name}',
  discrepancy: 'Ada barang rusak atau hilang. DPMD akan menindaklanjuti.',
  allFine: 'Semua barang diterima baik.',
  corrected: 'Diperbaiki oleh {name}: {reason}',
  'doc.title': 'Foto BAST yang sudah ditandatangani',
  'doc.intro': 'Foto atau pindai BAST yang sudah ditandatangani, lalu unggah. JPG, PNG atau PDF, paling besar 10 MB.',
  'doc.file': 'Pilih foto atau berkas BAST',
  'doc.send': 'Unggah',
  'doc.preparing': 'Menyiapkan…',
  'doc.uploading': 'Mengunggah… {percent}%',
  'doc.checking': 'Memeriksa berkas…',
  'doc.verified': 'Foto BAST diterima dan sudah diperiksa.',
  'doc.none': 'Pilih foto atau berkas dulu.',
  'doc.tooBig': 'Berkas lebih dari 10 MB. Kecilkan ukuran foto, lalu coba lagi.',
  'doc.empty': 'Berkas kosong.',
  'doc.badType': 'Jenis berkas tidak didukung. Gunakan JPG, PNG atau PDF.',
  'doc.offline': 'Tidak ada sinyal. Unggah foto saat sinyal kembali.',
  'doc.failed': 'Unggahan gagal (kode {status}). Coba lagi.',
  'doc.list': 'Berkas yang sudah diunggah',
  'doc.verifiedState': 'diperiksa ✓',
  'doc.pendingState': 'belum selesai',
  'doc.rejectedState': 'ditolak',
} as const;

export type TextKey = keyof typeof id;

const en: Record<TextKey, string> = {
  'lang.switch': 'Bahasa Indonesia',
  'lang.label': 'Ganti ke Bahasa Indonesia',
  'page.title': 'Delivery receipt',
  loading: 'Loading…',
  'unknown.title': 'Unknown code',
  'unknown.body':
    'This link opens no shipment. Check the link or the QR code on the BAST again, or ask the DPMD for a new link.',
  'tooMany.title': 'Too many attempts, try again later',
  'tooMany.body': 'Wait a few minutes, then open this link again.',
  'offline.title': 'No signal',
  'offline.body': 'The page loads by itself when the signal is back.',
  'failed.title': 'The server is busy',
  'failed.body': 'Try again shortly (status {status}).',
  retry: 'Try again',
  bast: 'BAST number',
  place: '{village} village, {kecamatan} kecamatan',
  shippedAt: 'Shipped {date}',
  goods: 'Goods shipped',
  'form.title': 'Confirm receipt',
  'form.intro':
    'Count what arrived and enter the numbers. Whatever is not entered as good or damaged counts as missing.',
  name: 'Received by (name)',
  phone: 'Mobile phone (optional)',
  'phone.hint': 'For example 0812 3456 7890',
  allGood: 'Everything arrived in good order',
  lineGood: 'All good',
  lineGoodLabel: 'All {item} good',
  shipped: 'Shipped',
  good: 'Good',
  minor: 'Lightly damaged',
  major: 'Heavily damaged',
  missing: 'Missing',
  note: 'Note (optional)',
  'note.hint': 'For example: a ballot box was dented while unloading.',
  submit: 'Send confirmation',
  sending: 'Sending…',
  required: 'Required',
  notFilled: 'This item is not filled in yet',
  overShipped: 'Good + lightly + heavily damaged exceeds the shipped quantity ({shipped})',
  check: 'Check the marked fields.',
  'saved.banner': 'Saved on this phone — it will be sent automatically when the signal is back',
  'saved.body': 'Keep this page open, or open this link again later. The confirmation is never recorded twice.',
  'saved.busy': 'The server is busy; it is retried automatically.',
  'saved.tooMany': 'Too many attempts, try again later. It is retried automatically.',
  'saved.now': 'Send now',
  'done.title': 'Thank you, the receipt is recorded',
  'confirmed.title': 'Receipt already confirmed',
  conflict: 'This receipt was already confirmed before. What the DPMD has recorded:',
  recorded: 'Recorded {date}, received by {name}',
  discrepancy: 'Some goods are damaged or missing. The DPMD will follow up.',
  allFine: 'Everything arrived in good order.',
  corrected: 'Corrected by {name}: {reason}',
  'doc.title': 'Photo of the signed BAST',
  'doc.intro': 'Take a photo or scan of the signed BAST and upload it. JPG, PNG or PDF, at most 10 MB.',
  'doc.file': 'Choose the BAST photo or file',
  'doc.send': 'Upload',
  'doc.preparing': 'Preparing…',
  'doc.uploading': 'Uploading… {percent}%',
  'doc.checking': 'Checking the file…',
  'doc.verified': 'BAST photo received and checked.',
  'doc.none': 'Choose a photo or file first.',
  'doc.tooBig': 'The file is larger than 10 MB. Make the photo smaller and try again.',
  'doc.empty': 'The file is empty.',
  'doc.badType': 'This kind of file is not supported. Use JPG, PNG or PDF.',
  'doc.offline': 'No signal. Upload the photo when the signal is back.',
  'doc.failed': 'The upload failed (status {status}). Try again.',
  'doc.list': 'Files uploaded',
  'doc.verifiedState': 'checked ✓',
  'doc.pendingState': 'not finished',
  'doc.rejectedState': 'refused',
};

const STORAGE_KEY = 'siap.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

/** Switches language (shared with the organizer pages on this device). */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts while the page is open.
  }
}

/** A text with `{placeholders}` filled. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return (current === 'en' ? en : id)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const locale = () => (current === 'en' ? 'en-GB' : 'id-ID');

/** Whole numbers with the language's grouping: 1.234 / 1,234. */
export function num(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** An instant as the phone's local date and time: "8 Februari 2023 14.05". */
export function when(timestamp: string, withTime = true): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
