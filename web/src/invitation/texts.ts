/**
 * The invitation page's words, Bahasa Indonesia first. The API translates its own field messages
 * and refusals ("Ketua Panitia Desa … sudah terdaftar atas nama …").
 */
import { type Text, texts } from '../lang.ts';
import { publicTexts } from '../public/texts.ts';

/** Exported for the test that checks every text in both languages. */
export const invitationTexts = {
  'inv.page.title': { id: 'Pendaftaran peserta', en: 'Participant registration' },
  'inv.unknown.title': { id: 'Undangan tidak dikenal', en: 'Unknown invitation' },
  'inv.unknown.body': {
    id: 'Tautan ini tidak membuka undangan mana pun, atau sudah diganti. Minta tautan baru ke panitia DPMD.',
    en: 'This link opens no invitation, or it was replaced. Ask the DPMD committee for a new link.',
  },
  'inv.fromPhone': {
    id: 'Tidak ada sinyal: ditampilkan yang tersimpan di HP ini.',
    en: 'No signal: showing what this phone kept.',
  },
  'inv.registered.title': { id: 'Sudah terdaftar dari {unit}', en: 'Already registered from {unit}' },
  'inv.registered.none': { id: 'Belum ada yang terdaftar.', en: 'Nobody is registered yet.' },
  'inv.form.title': { id: 'Daftarkan diri Anda', en: 'Register yourself' },
  'inv.full': {
    id: 'Semua tempat untuk {unit} sudah terisi. Hubungi panitia DPMD bila ada yang perlu diganti.',
    en: 'Every place for {unit} is taken. Call the DPMD committee if someone must be replaced.',
  },
  'inv.role': { id: 'Jabatan', en: 'Role' },
  'inv.role.left': { id: 'sisa {n} tempat', en: '{n} places left' },
  'inv.name': { id: 'Nama lengkap', en: 'Full name' },
  'inv.name.hint': {
    id: 'Tulis seperti di SK, dengan gelar, misalnya H. M. Rahmattullah, S.STP., MM.',
    en: 'As written in the decree, with titles, e.g. H. M. Rahmattullah, S.STP., MM.',
  },
  'inv.phone': { id: 'Nomor HP', en: 'Mobile phone' },
  'inv.phone.hint': { id: 'Contoh: 0812 3456 7890', en: 'For example 0812 3456 7890' },
  'inv.requiredMark': { id: 'wajib diisi', en: 'required' },
  'inv.optionalMark': { id: 'tidak wajib', en: 'optional' },
  'inv.sk': { id: 'SK Panitia', en: 'Committee decree (SK Panitia)' },
  'inv.sk.hint': {
    id: 'Foto atau PDF SK Panitia, bila ada. JPG, PNG atau PDF, paling besar 10 MB.',
    en: 'A photo or PDF of the committee decree, if you have it. JPG, PNG or PDF, at most 10 MB.',
  },
  'inv.sk.pick': { id: 'Pilih foto atau PDF SK', en: 'Choose the decree photo or PDF' },
  'inv.sk.attached': { id: 'Terlampir: {name}', en: 'Attached: {name}' },
  'inv.sk.later.pick': { id: 'Kirim SK Panitia {name}', en: 'Send the committee decree of {name}' },
  'inv.sk.remove': { id: 'Hapus lampiran', en: 'Remove the attachment' },
  'inv.sk.wait': { id: 'Tunggu sampai SK selesai diunggah.', en: 'Wait until the decree has been uploaded.' },
  'inv.sk.later': {
    id: 'Tidak ada sinyal: SK diunggah otomatis saat sinyal kembali.',
    en: 'No signal: the decree is uploaded by itself when the signal is back.',
  },
  'inv.done.sk': { id: 'SK terlampir: {name}', en: 'Decree attached: {name}' },
  'inv.required': { id: 'Wajib diisi', en: 'Required' },
  'inv.chooseRole': { id: 'Pilih jabatan', en: 'Choose a role' },
  'inv.check': { id: 'Periksa isian yang ditandai.', en: 'Check the marked fields.' },
  'inv.submit': { id: 'Daftar', en: 'Register' },
  'inv.sending': { id: 'Mengirim…', en: 'Sending…' },
  'inv.saved.banner': {
    id: 'Tersimpan di HP — akan dikirim otomatis saat sinyal kembali',
    en: 'Saved on this phone — it will be sent automatically when the signal is back',
  },
  'inv.saved.body': {
    id: 'Biarkan halaman ini terbuka, atau buka lagi tautan ini nanti. Pendaftaran tidak akan tercatat dua kali.',
    en: 'Keep this page open, or open this link again later. The registration is never recorded twice.',
  },
  'inv.saved.busy': {
    id: 'Server sedang sibuk; dicoba lagi otomatis.',
    en: 'The server is busy; it is retried automatically.',
  },
  'inv.saved.now': { id: 'Kirim sekarang', en: 'Send now' },
  'inv.done.title': { id: 'Terdaftar: {name}', en: 'Registered: {name}' },
  'inv.done.pass': {
    id: 'Ini pass Anda. Tunjukkan kode QR ini di pintu masuk, atau simpan tautannya.',
    en: 'This is your pass. Show this QR code at the door, or keep its link.',
  },
  'inv.done.open': { id: 'Buka pass', en: 'Open the pass' },
  'inv.done.share': {
    id: 'Pass {session} untuk {name} ({role}, {unit}): {url}',
    en: 'Pass for {session}: {name} ({role}, {unit}): {url}',
  },
  'inv.done.another': { id: 'Daftarkan peserta lain', en: 'Register someone else' },
  'inv.kept.title': { id: 'Pass yang dibuat di HP ini', en: 'Passes made on this phone' },
} satisfies Record<string, Text>;

/** The invitation page's lookup; nothing of the organizer dictionaries. */
export const { t } = texts({ ...publicTexts, ...invitationTexts });
