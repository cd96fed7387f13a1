/**
 * The words every organizer page shares: the shell (name, menu, language, sign-in), the API's
 * failures and the common buttons. Each area keeps its own dictionary beside its pages and adds
 * these to it; Bahasa Indonesia first, English second.
 */
import { type Text, texts } from './lang.ts';

/** Spread into each area's dictionary, so a page needs one `t` for all its words. */
export const commonTexts = {
  'app.name': { id: 'SIAP Pilkades', en: 'SIAP Pilkades' },
  'app.loading': { id: 'Memuat…', en: 'Loading…' },
  'lang.switch': { id: 'English', en: 'Indonesia' },
  'lang.switchLabel': { id: 'Switch to English', en: 'Ganti ke Bahasa Indonesia' },
  'nav.sessions': { id: 'Sesi', en: 'Sessions' },
  'nav.regions': { id: 'Wilayah', en: 'Regions' },
  'nav.signOut': { id: 'Keluar', en: 'Sign out' },
  'nav.main': { id: 'Menu utama', en: 'Main menu' },
  'signIn.title': { id: 'Masuk', en: 'Sign in' },
  'signIn.local.intro': {
    id: 'Mode lokal: tanpa kata sandi, hanya untuk mencoba di komputer ini.',
    en: 'Local mode: no password, only for trying the system on this computer.',
  },
  'signIn.cognito.intro': {
    id: 'Masuk dengan akun DPMD Anda untuk mengelola sesi sosialisasi.',
    en: 'Sign in with your DPMD account to manage briefing sessions.',
  },
  'signIn.as': { id: 'Masuk sebagai', en: 'Sign in as' },
  'signIn.noAccounts': {
    id: 'Belum ada akun lokal. Jalankan ulang dengan data demo (npm start) untuk membuatnya.',
    en: 'No local accounts yet. Start again with the demo data (npm start) to create them.',
  },
  'signIn.choose': { id: 'Pilih akun terlebih dahulu.', en: 'Choose an account first.' },
  'group.admin': { id: 'Admin', en: 'Admin' },
  'group.organizer': { id: 'Panitia (penyelenggara)', en: 'Organizer' },
  'group.kecamatan': { id: 'Kecamatan {code}', en: 'Kecamatan {code}' },
  'signIn.code': { id: 'Kode sekali pakai', en: 'One-time code' },
  'signIn.code.hint': {
    id: 'Dari HP: kode 8 angka yang dicetak npm start di komputer panitia',
    en: 'From a phone: the 8-digit code npm start printed on the organizer’s computer',
  },
  'signIn.local.button': { id: 'Masuk (lokal)', en: 'Sign in (local)' },
  'signIn.cognito.button': { id: 'Masuk dengan akun DPMD', en: 'Sign in with a DPMD account' },
  'signIn.expired': {
    id: 'Sesi masuk Anda berakhir. Silakan masuk lagi.',
    en: 'Your sign-in has expired. Please sign in again.',
  },
  'signIn.failed': { id: 'Gagal masuk. Silakan coba lagi.', en: 'Sign-in failed. Please try again.' },
  'error.network': {
    id: 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  'error.status': { id: 'Permintaan gagal (kode {status}).', en: 'The request failed (status {status}).' },
  'error.forbidden': { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You may not do this.' },
  'error.notFound': { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  'common.back': { id: 'Kembali', en: 'Back' },
  'common.optional': { id: 'opsional', en: 'optional' },
  'common.reload': { id: 'Muat ulang', en: 'Reload' },
  'common.more': { id: 'Muat lebih banyak', en: 'Load more' },
  'common.choose': { id: '— Pilih —', en: '— Choose —' },
  'common.updated': { id: 'Diperbarui {time}', en: 'Updated {time}' },
  'form.check': { id: 'Periksa isian yang ditandai.', en: 'Check the marked fields.' },
  'form.required': { id: 'wajib diisi', en: 'required' },
  'notFound.title': { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  'nav.logistics': { id: 'Logistik', en: 'Logistics' },
  'nav.waves': { id: 'Gelombang', en: 'Waves' },
  'nav.people': { id: 'Pengguna', en: 'People' },
  'common.cancel': { id: 'Batal', en: 'Cancel' },
  'common.save': { id: 'Simpan', en: 'Save' },
} satisfies Record<string, Text>;

export type CommonKey = keyof typeof commonTexts;

/** The shell's and the shared helpers' (api, forms, page) lookup. */
export const { t } = texts(commonTexts);
