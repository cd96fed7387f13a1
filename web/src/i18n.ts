/**
 * Every word the pages show, Bahasa Indonesia first. The API translates its own messages (field
 * errors, conflicts); this module only holds the pages' text. `{name}` placeholders are filled
 * by `t`; `{s}` is the English plural ending (Indonesian does not inflect).
 */

export type Lang = 'id' | 'en';

const id = {
  'app.name': 'SIAP Pilkades',
  'app.loading': 'Memuat…',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'nav.sessions': 'Sesi',
  'nav.regions': 'Wilayah',
  'nav.signOut': 'Keluar',
  'nav.main': 'Menu utama',
  'signIn.title': 'Masuk',
  'signIn.local.intro': 'Mode lokal: tanpa kata sandi, hanya untuk mencoba di komputer ini.',
  'signIn.cognito.intro': 'Masuk dengan akun DPMD Anda untuk mengelola sesi sosialisasi.',
  'signIn.as': 'Masuk sebagai',
  'signIn.organizer': 'Panitia (penyelenggara)',
  'signIn.admin': 'Admin',
  'signIn.name': 'Nama (opsional)',
  'signIn.local.button': 'Masuk (lokal)',
  'signIn.cognito.button': 'Masuk dengan akun DPMD',
  'signIn.expired': 'Sesi masuk Anda berakhir. Silakan masuk lagi.',
  'signIn.failed': 'Gagal masuk. Silakan coba lagi.',
  'error.network': 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.',
  'error.status': 'Permintaan gagal (kode {status}).',
  'error.forbidden': 'Anda tidak berwenang melakukan tindakan ini.',
  'error.notFound': 'Halaman tidak ditemukan.',
  'common.back': 'Kembali',
  'common.optional': 'opsional',
  'common.reload': 'Muat ulang',
  'common.more': 'Muat lebih banyak',
  'common.choose': '— Pilih —',
  'common.updated': 'Diperbarui {time}',
  'sessions.title': 'Sesi sosialisasi',
  'sessions.empty': 'Belum ada sesi. Buat sesi pertama di bawah.',
  'sessions.capacity': 'Kuota {n} peserta',
  'sessions.new': 'Buat sesi baru',
  'sessions.field.title': 'Judul sesi',
  'sessions.field.date': 'Tanggal',
  'sessions.field.venue': 'Tempat',
  'sessions.field.capacity': 'Kuota peserta',
  'sessions.allVillages': 'Semua desa diundang: {villages} desa di {kecamatan} kecamatan.',
  'sessions.create': 'Buat sesi',
  'session.tab.recap': 'Rekap',
  'session.tab.register': 'Pendaftaran',
  'session.tab.checkIn': 'Kehadiran',
  'session.tabs': 'Halaman sesi',
  'recap.sentence': '{present} peserta hadir: {parts}; {villages}.',
  'recap.none': 'Belum ada peserta hadir; {villages}.',
  'recap.role': '{n} {role}',
  'recap.allVillages': 'semua {n} desa terwakili',
  'recap.someVillages': '{represented} dari {expected} desa terwakili',
  'recap.registered': 'Terdaftar {registered} peserta, hadir {present}.',
  'recap.missing': 'Yang belum hadir',
  'recap.missing.village': 'Belum hadir: {role} dari desa {names}.',
  'recap.missing.kasi': '{role} belum hadir: Kecamatan {names}.',
  'recap.complete.village': '{role}: semua desa sudah hadir.',
  'recap.complete.kasi': '{role}: semua kecamatan sudah hadir.',
  'recap.more.village': 'dan {n} desa lainnya',
  'recap.more.kasi': 'dan {n} kecamatan lainnya',
  'recap.showAll': 'Tampilkan semua ({n})',
  'recap.byRole': 'Per peran',
  'recap.byKecamatan': 'Per kecamatan',
  'recap.col.role': 'Peran',
  'recap.col.kecamatan': 'Kecamatan',
  'recap.col.present': 'Hadir',
  'recap.col.registered': 'Terdaftar',
  'recap.total': 'Jumlah',
  'recap.exports': 'Unduh daftar hadir',
  'recap.download': 'Unduh {format}',
  'recap.downloadFailed': 'Unduhan {format} gagal: {reason}',
  'role.KETUA_PANITIA': 'Ketua Panitia',
  'role.SEKRETARIS_PANITIA': 'Sekretaris Panitia',
  'role.ANGGOTA_PANITIA': 'Anggota Panitia',
  'role.KASI_PEMERINTAHAN': 'Kasi Pemerintahan',
  'roleCount.KETUA_PANITIA': '{n} Ketua Panitia',
  'roleCount.SEKRETARIS_PANITIA': '{n} Sekretaris Panitia',
  'roleCount.ANGGOTA_PANITIA': '{n} Anggota Panitia',
  'roleCount.KASI_PEMERINTAHAN': '{n} Kasi Pemerintahan',
  'unit.village': 'Desa {name}',
  'unit.kecamatan': 'Kec. {name}',
  'register.role': 'Peran',
  'register.kecamatan': 'Kecamatan',
  'register.village': 'Desa',
  'register.village.first': '— Pilih kecamatan dulu —',
  'register.name': 'Nama lengkap (dengan gelar)',
  'register.phone': 'Nomor HP',
  'register.phone.hint': 'Contoh: 0812 3456 7890 atau +62 812 3456 7890',
  'register.submit': 'Daftarkan',
  'register.sending': 'Mengirim…',
  'register.done': 'Terdaftar: {name}',
  'register.again': 'Sudah terdaftar sebelumnya: {name}',
  'form.check': 'Periksa isian yang ditandai.',
  'checkIn.search': 'Cari nama, desa atau kecamatan',
  'checkIn.present': 'hadir',
  'checkIn.registered': 'terdaftar',
  'checkIn.button': 'Hadir',
  'checkIn.buttonLabel': 'Tandai hadir: {name}',
  'checkIn.at': 'Hadir {time}',
  'checkIn.none': 'Tidak ada peserta yang cocok.',
  'checkIn.empty': 'Belum ada peserta terdaftar.',
  'checkIn.shown': 'Menampilkan {shown} dari {total}. Ketik untuk mempersempit.',
  'regions.title': 'Wilayah',
  'regions.summary': '{kecamatan} kecamatan, {villages} desa.',
  'regions.empty': 'Data wilayah belum diisi.',
  'regions.col.name': 'Desa',
  'regions.col.dpt': 'DPT',
  'regions.col.tps': 'TPS',
  'regions.villages': '{n} desa',
  'regions.upload': 'Unggah data wilayah',
  'regions.upload.intro':
    'Satu baris per desa dengan kolom kode_kecamatan, nama_kecamatan, kode_desa, nama_desa, lalu dpt dan tps (boleh kosong). Data yang sama boleh diunggah ulang.',
  'regions.template': 'Unduh templat CSV',
  'regions.template.hint': 'Templat berisi data wilayah saat ini; ubah atau tambah baris, lalu unggah kembali.',
  'regions.file': 'Berkas CSV atau XLSX',
  'regions.send': 'Unggah',
  'regions.sending': 'Mengunggah…',
  'regions.noFile': 'Pilih berkas CSV atau XLSX terlebih dahulu.',
  'regions.badType': 'Berkas harus berakhiran .csv atau .xlsx.',
  'regions.saved': 'Data wilayah tersimpan.',
  'regions.counts': '{label}: {total} ({created} baru, {updated} diubah, {unchanged} tetap)',
  'regions.kecamatanLabel': 'Kecamatan',
  'regions.villagesLabel': 'Desa',
  'regions.row': 'Baris {n}',
  'regions.header': 'Baris judul',
  'regions.kecamatanRow': 'Kecamatan {code}',
  'notFound.title': 'Halaman tidak ditemukan',
} as const;

export type TextKey = keyof typeof id;

const en: Record<TextKey, string> = {
  'app.name': 'SIAP Pilkades',
  'app.loading': 'Loading…',
  'lang.switch': 'Indonesia',
  'lang.switchLabel': 'Ganti ke Bahasa Indonesia',
  'nav.sessions': 'Sessions',
  'nav.regions': 'Regions',
  'nav.signOut': 'Sign out',
  'nav.main': 'Main menu',
  'signIn.title': 'Sign in',
  'signIn.local.intro': 'Local mode: no password, only for trying the system on this computer.',
  'signIn.cognito.intro': 'Sign in with your DPMD account to manage briefing sessions.',
  'signIn.as': 'Sign in as',
  'signIn.organizer': 'Organizer',
  'signIn.admin': 'Admin',
  'signIn.name': 'Name (optional)',
  'signIn.local.button': 'Sign in (local)',
  'signIn.cognito.button': 'Sign in with a DPMD account',
  'signIn.expired': 'Your sign-in has expired. Please sign in again.',
  'signIn.failed': 'Sign-in failed. Please try again.',
  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.status': 'The request failed (status {status}).',
  'error.forbidden': 'You may not do this.',
  'error.notFound': 'Page not found.',
  'common.back': 'Back',
  'common.optional': 'optional',
  'common.reload': 'Reload',
  'common.more': 'Load more',
  'common.choose': '— Choose —',
  'common.updated': 'Updated {time}',
  'sessions.title': 'Briefing sessions',
  'sessions.empty': 'No sessions yet. Create the first one below.',
  'sessions.capacity': 'Capacity {n}',
  'sessions.new': 'New session',
  'sessions.field.title': 'Title',
  'sessions.field.date': 'Date',
  'sessions.field.venue': 'Venue',
  'sessions.field.capacity': 'Capacity',
  'sessions.allVillages': 'Every village is invited: {villages} villages in {kecamatan} kecamatan.',
  'sessions.create': 'Create session',
  'session.tab.recap': 'Recap',
  'session.tab.register': 'Register',
  'session.tab.checkIn': 'Check-in',
  'session.tabs': 'Session pages',
  'recap.sentence': '{present} participant{s} present: {parts}; {villages}.',
  'recap.none': 'Nobody is present yet; {villages}.',
  'recap.role': '{n} {role}',
  'recap.allVillages': 'all {n} villages represented',
  'recap.someVillages': '{represented} of {expected} villages represented',
  'recap.registered': '{registered} registered, {present} present.',
  'recap.missing': 'Still missing',
  'recap.missing.village': 'Not yet present: {role} from {names}.',
  'recap.missing.kasi': '{role} not yet present: kecamatan {names}.',
  'recap.complete.village': '{role}: every village is present.',
  'recap.complete.kasi': '{role}: every kecamatan is present.',
  'recap.more.village': 'and {n} more',
  'recap.more.kasi': 'and {n} more',
  'recap.showAll': 'Show all ({n})',
  'recap.byRole': 'By role',
  'recap.byKecamatan': 'By kecamatan',
  'recap.col.role': 'Role',
  'recap.col.kecamatan': 'Kecamatan',
  'recap.col.present': 'Present',
  'recap.col.registered': 'Registered',
  'recap.total': 'Total',
  'recap.exports': 'Download the attendance list',
  'recap.download': 'Download {format}',
  'recap.downloadFailed': 'The {format} download failed: {reason}',
  'role.KETUA_PANITIA': 'Committee chair',
  'role.SEKRETARIS_PANITIA': 'Committee secretary',
  'role.ANGGOTA_PANITIA': 'Committee member',
  'role.KASI_PEMERINTAHAN': 'Kasi Pemerintahan',
  'roleCount.KETUA_PANITIA': '{n} committee chair{s}',
  'roleCount.SEKRETARIS_PANITIA': '{n} committee secretar{ies}',
  'roleCount.ANGGOTA_PANITIA': '{n} committee member{s}',
  'roleCount.KASI_PEMERINTAHAN': '{n} Kasi Pemerintahan',
  'unit.village': '{name} village',
  'unit.kecamatan': '{name} kecamatan',
  'register.role': 'Role',
  'register.kecamatan': 'Kecamatan',
  'register.village': 'Village (desa)',
  'register.village.first': '— Choose a kecamatan first —',
  'register.name': 'Full name (with titles)',
  'register.phone': 'Mobile phone',
  'register.phone.hint': 'For example 0812 3456 7890 or +62 812 3456 7890',
  'register.submit': 'Register',
  'register.sending': 'Sending…',
  'register.done': 'Registered: {name}',
  'register.again': 'Already registered: {name}',
  'form.check': 'Check the marked fields.',
  'checkIn.search': 'Search name, village or kecamatan',
  'checkIn.present': 'present',
  'checkIn.registered': 'registered',
  'checkIn.button': 'Present',
  'checkIn.buttonLabel': 'Mark present: {name}',
  'checkIn.at': 'Present {time}',
  'checkIn.none': 'Nobody matches.',
  'checkIn.empty': 'Nobody is registered yet.',
  'checkIn.shown': 'Showing {shown} of {total}. Type to narrow down.',
  'regions.title': 'Regions',
  'regions.summary': '{kecamatan} kecamatan, {villages} villages.',
  'regions.empty': 'No region data yet.',
  'regions.col.name': 'Village',
  'regions.col.dpt': 'Voters',
  'regions.col.tps': 'TPS',
  'regions.villages': '{n} villages',
  'regions.upload': 'Upload region data',
  'regions.upload.intro':
    'One row per village with columns kode_kecamatan, nama_kecamatan, kode_desa, nama_desa, then dpt and tps (may be empty). Uploading the same data again is harmless.',
  'regions.template': 'Download CSV template',
  'regions.template.hint': 'The template holds the current regions; change or add rows, then upload it again.',
  'regions.file': 'CSV or XLSX file',
  'regions.send': 'Upload',
  'regions.sending': 'Uploading…',
  'regions.noFile': 'Choose a CSV or XLSX file first.',
  'regions.badType': 'The file must end in .csv or .xlsx.',
  'regions.saved': 'Regions saved.',
  'regions.counts': '{label}: {total} ({created} new, {updated} changed, {unchanged} unchanged)',
  'regions.kecamatanLabel': 'Kecamatan',
  'regions.villagesLabel': 'Villages',
  'regions.row': 'Row {n}',
  'regions.header': 'Header row',
  'regions.kecamatanRow': 'Kecamatan {code}',
  'notFound.title': 'Page not found',
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

/** The language the pages speak now. */
export function lang(): Lang {
  return current;
}

/** Switches language, remembered on this device. */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts until the page is closed.
  }
}

/** A page text in the current language with its `{placeholders}` filled; `n` also sets plurals. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const n = params.n ?? params.present;
  const plural = n === undefined || n === 1 ? { s: '', ies: 'y' } : { s: 's', ies: 'ies' };
  const values: Record<string, string | number> = { ...plural, ...params };
  return (current === 'en' ? en : id)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const locale = () => (current === 'en' ? 'en-GB' : 'id-ID');

/** `2023-02-08` as "8 Februari 2023" (the date is a calendar day, not an instant). */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** An instant as the local clock time, e.g. "08.15". */
export function formatTime(timestamp: string | number, seconds = false): string {
  return new Intl.DateTimeFormat(locale(), {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(new Date(timestamp));
}

/** A list joined the way the language writes it: "A, B dan C" / "A, B and C". */
export function formatList(items: string[]): string {
  if (typeof Intl.ListFormat === 'function') {
    return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
  }
  return items.join(', ');
}

/** Whole numbers with the language's digit grouping. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
