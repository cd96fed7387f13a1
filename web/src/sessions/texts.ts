/**
 * The words of the session pages: the list, the recap, registration and check-in, Bahasa
 * Indonesia first. The role names are exported on their own for the audit trail.
 */

import { roleNames } from '#shared/sessions/messages.ts';
import { type Role, roles } from '#shared/sessions/rules/roles.ts';
import { type Text, texts } from '../lang.ts';
import { unitTexts } from '../regions/lookup.ts';
import { commonTexts } from '../texts.ts';

/** The roles' names, as the desk and the recap say them. */
export const roleTexts = Object.fromEntries(roles.map((role) => [`role.${role}`, roleNames[role]])) as Record<
  `role.${Role}`,
  Text
>;

/** Exported for the test that checks every text in both languages. */
export const sessionTexts = {
  'sessions.title': { id: 'Sesi sosialisasi', en: 'Briefing sessions' },
  'sessions.empty': {
    id: 'Belum ada sesi. Buat sesi pertama di bawah.',
    en: 'No sessions yet. Create the first one below.',
  },
  'sessions.capacity': { id: 'Kuota {n} peserta', en: 'Capacity {n}' },
  'sessions.new': { id: 'Buat sesi baru', en: 'New session' },
  'sessions.emptyReadOnly': { id: 'Belum ada sesi.', en: 'No sessions yet.' },
  'sessions.field.title': { id: 'Judul sesi', en: 'Title' },
  'sessions.field.date': { id: 'Tanggal', en: 'Date' },
  'sessions.field.date.empty': { id: 'Wajib diisi: pilih tanggalnya', en: 'Required: choose the date' },
  'sessions.field.date.hint': { id: 'Tulis TTTT-BB-HH, misalnya 2023-02-08', en: 'Write YYYY-MM-DD, e.g. 2023-02-08' },
  'sessions.field.venue': { id: 'Tempat', en: 'Venue' },
  'sessions.field.capacity': { id: 'Kuota peserta', en: 'Capacity' },
  'sessions.allVillages': {
    id: 'Semua desa diundang: {villages} desa di {kecamatan} kecamatan.',
    en: {
      one: 'Every village is invited: {villages} village in {kecamatan} kecamatan.',
      other: 'Every village is invited: {villages} villages in {kecamatan} kecamatan.',
      count: 'villages',
    },
  },
  'sessions.create': { id: 'Buat sesi', en: 'Create session' },
  'session.wave': { id: 'Gelombang', en: 'Wave' },
  'session.tab.recap': { id: 'Rekap', en: 'Recap' },
  'session.tab.register': { id: 'Pendaftaran', en: 'Register' },
  'session.tab.checkIn': { id: 'Kehadiran', en: 'Check-in' },
  'session.tabs': { id: 'Halaman sesi', en: 'Session pages' },
  'recap.sentence': {
    id: '{present} peserta hadir: {parts}; {villages}.',
    en: {
      one: '{present} participant present: {parts}; {villages}.',
      other: '{present} participants present: {parts}; {villages}.',
      count: 'present',
    },
  },
  'recap.none': { id: 'Belum ada peserta hadir; {villages}.', en: 'Nobody is present yet; {villages}.' },
  'recap.role': { id: '{n} {role}', en: '{n} {role}' },
  'recap.allVillages': { id: 'semua {n} desa terwakili', en: 'all {n} villages represented' },
  'recap.someVillages': {
    id: '{represented} dari {expected} desa terwakili',
    en: {
      one: '{represented} of {expected} village represented',
      other: '{represented} of {expected} villages represented',
      count: 'expected',
    },
  },
  'recap.registered': {
    id: 'Terdaftar {registered} peserta, hadir {present}.',
    en: '{registered} registered, {present} present.',
  },
  'recap.missing': { id: 'Yang belum hadir', en: 'Still missing' },
  'recap.missing.kasi': {
    id: '{role} belum hadir: Kecamatan {names}.',
    en: '{role} not yet present: kecamatan {names}.',
  },
  'recap.complete.village': { id: '{role}: semua desa sudah hadir.', en: '{role}: every village is present.' },
  'recap.complete.kasi': { id: '{role}: semua kecamatan sudah hadir.', en: '{role}: every kecamatan is present.' },
  'recap.missing.villages': {
    id: 'Belum hadir: {role} dari {n} desa.',
    en: { one: 'Not yet present: {role} from {n} village.', other: 'Not yet present: {role} from {n} villages.' },
  },
  'recap.more.village': {
    id: 'dan {n} desa lainnya.',
    en: { one: 'and {n} more village.', other: 'and {n} more villages.' },
  },
  'recap.more.kasi': { id: 'dan {n} kecamatan lainnya', en: 'and {n} more' },
  'recap.showAll': { id: 'Tampilkan semua ({n})', en: 'Show all ({n})' },
  'recap.byRole': { id: 'Per peran', en: 'By role' },
  'recap.byKecamatan': { id: 'Per kecamatan', en: 'By kecamatan' },
  'recap.col.role': { id: 'Peran', en: 'Role' },
  'recap.col.kecamatan': { id: 'Kecamatan', en: 'Kecamatan' },
  'recap.col.present': { id: 'Hadir', en: 'Present' },
  'recap.col.registered': { id: 'Terdaftar', en: 'Registered' },
  'recap.total': { id: 'Jumlah', en: 'Total' },
  'recap.exports': { id: 'Unduh daftar hadir', en: 'Download the attendance list' },
  'recap.download': { id: 'Unduh {format}', en: 'Download {format}' },
  'recap.downloadFailed': { id: 'Unduhan {format} gagal: {reason}', en: 'The {format} download failed: {reason}' },
  'roleCount.KETUA_PANITIA': {
    id: '{n} Ketua Panitia',
    en: { one: '{n} committee chair', other: '{n} committee chairs' },
  },
  'roleCount.SEKRETARIS_PANITIA': {
    id: '{n} Sekretaris Panitia',
    en: { one: '{n} committee secretary', other: '{n} committee secretaries' },
  },
  'roleCount.ANGGOTA_PANITIA': {
    id: '{n} Anggota Panitia',
    en: { one: '{n} committee member', other: '{n} committee members' },
  },
  'roleCount.KASI_PEMERINTAHAN': { id: '{n} Kasi Pemerintahan', en: '{n} Kasi Pemerintahan' },
  'roleCount.PENGAWAS': { id: '{n} Pengawas', en: { one: '{n} supervisor', other: '{n} supervisors' } },
  'roleCount.BPD': { id: '{n} Anggota BPD', en: { one: '{n} BPD member', other: '{n} BPD members' } },
  'roleCount.CAMAT': { id: '{n} Camat', en: '{n} Camat' },
  'roleCount.INSTANSI': {
    id: '{n} Perwakilan Instansi',
    en: { one: '{n} agency representative', other: '{n} agency representatives' },
  },
  'recap.short': { id: '{role}: masih kurang {n} orang.', en: '{role}: {n} more needed.' },
  'recap.complete.none': { id: '{role}: sudah cukup.', en: '{role}: enough present.' },
  'register.role': { id: 'Peran', en: 'Role' },
  'register.organization': { id: 'Instansi', en: 'Agency' },
  'register.organization.hint': { id: 'Contoh: Polres Tanah Bumbu', en: 'E.g. Polres Tanah Bumbu' },
  'register.kecamatan': { id: 'Kecamatan', en: 'Kecamatan' },
  'register.village': { id: 'Desa', en: 'Village (desa)' },
  'register.village.first': { id: '— Pilih kecamatan dulu —', en: '— Choose a kecamatan first —' },
  'register.kecamatan.first': {
    id: 'Pilih kecamatan dulu, lalu desanya',
    en: 'Choose the kecamatan first, then the village',
  },
  'import.title': { id: 'Impor dari berkas', en: 'Import from a file' },
  'register.name': { id: 'Nama lengkap (dengan gelar)', en: 'Full name (with titles)' },
  'register.phone': { id: 'Nomor HP', en: 'Mobile phone' },
  'register.phone.hint': {
    id: 'Contoh: 0812 3456 7890 atau +62 812 3456 7890',
    en: 'For example 0812 3456 7890 or +62 812 3456 7890',
  },
  'register.submit': { id: 'Daftarkan', en: 'Register' },
  'register.sending': { id: 'Mengirim…', en: 'Sending…' },
  'register.done': { id: 'Terdaftar: {name}', en: 'Registered: {name}' },
  'register.again': { id: 'Sudah terdaftar sebelumnya: {name}', en: 'Already registered: {name}' },
  'checkIn.search': { id: 'Cari nama, desa atau kecamatan', en: 'Search name, village or kecamatan' },
  'checkIn.present': { id: 'hadir', en: 'present' },
  'checkIn.registered': { id: 'terdaftar', en: 'registered' },
  'checkIn.button': { id: 'Hadir', en: 'Present' },
  'checkIn.buttonLabel': { id: 'Tandai hadir: {name}', en: 'Mark present: {name}' },
  'checkIn.at': { id: 'Hadir {time}', en: 'Present {time}' },
  'checkIn.none': { id: 'Tidak ada peserta yang cocok.', en: 'Nobody matches.' },
  'checkIn.empty': { id: 'Belum ada peserta terdaftar.', en: 'Nobody is registered yet.' },
  'checkIn.list': { id: 'Peserta', en: 'Participants' },
  'checkIn.done': { id: '{name} hadir {time}', en: '{name} present {time}' },
  'checkIn.loading': { id: 'Memuat {loaded} dari {total}…', en: 'Loading {loaded} of {total}…' },
  'checkIn.fromPhone': { id: 'Daftar di HP ini, disimpan {time}.', en: 'List on this phone, saved {time}.' },
  'checkIn.fromPhone.refreshing': {
    id: 'Daftar di HP ini, disimpan {time}; memperbarui…',
    en: 'List on this phone, saved {time}; refreshing…',
  },
  'checkIn.walkIn': { id: 'Daftar + hadir', en: 'Register + present' },
  'checkIn.walkIn.title': {
    id: 'Peserta belum terdaftar: daftar + hadir',
    en: 'Not registered yet: register + present',
  },
  'checkIn.walkIn.done': { id: 'Terdaftar dan hadir: {name}, {time}', en: 'Registered and present: {name}, {time}' },
  'checkIn.walkIn.again': {
    id: 'Sudah terdaftar sebelumnya; hadir: {name}, {time}',
    en: 'Already registered; present: {name}, {time}',
  },
  'checkIn.shown': {
    id: '{shown} dari {total} ditampilkan; ketik untuk mempersempit.',
    en: '{shown} of {total} shown; type to narrow down.',
  },
  'checkIn.scan': { id: 'Pindai QR', en: 'Scan QR' },
  'checkIn.scan.title': { id: 'Pindai pass peserta', en: 'Scan a participant’s pass' },
  'checkIn.scan.hint': {
    id: 'Arahkan kamera ke kode QR pada pass di HP peserta atau pada tanda nama.',
    en: 'Point the camera at the QR code of the pass on the participant’s phone or name tag.',
  },
  'checkIn.scan.starting': { id: 'Membuka kamera…', en: 'Opening the camera…' },
  'checkIn.scan.close': { id: 'Tutup kamera', en: 'Close the camera' },
  'checkIn.scan.noCamera': {
    id: 'Kamera tidak dapat dibuka. Izinkan kamera untuk halaman ini, atau cari nama di atas.',
    en: 'The camera could not be opened. Allow the camera for this page, or search the name above.',
  },
  'checkIn.scan.done': { id: '✓ {name} hadir {time}', en: '✓ {name} present {time}' },
  'checkIn.scan.already': { id: '{name} sudah hadir sejak {time}', en: '{name} is already present since {time}' },
  'checkIn.scan.otherSession': {
    id: 'Pass ini untuk sesi lain, bukan sesi ini.',
    en: 'This pass is for another session, not this one.',
  },
  'checkIn.scan.notPass': { id: 'Kode QR ini bukan pass peserta.', en: 'This QR code is not a participant’s pass.' },
  'checkIn.scan.unknown': {
    id: 'Pass tidak dikenal: mungkin sudah diganti atau pendaftarannya dibatalkan.',
    en: 'Unknown pass: it may have been replaced, or the registration cancelled.',
  },
  'checkIn.scan.someone': { id: 'Peserta terdaftar', en: 'A registered participant' },
  'checkIn.kept': {
    id: '{name} hadir {time} — tersimpan di HP, belum terkirim',
    en: '{name} present {time} — kept on this phone, not sent yet',
  },
  'checkIn.unsent': { id: '{n} belum terkirim', en: '{n} not sent yet' },
  'checkIn.unsent.hint': {
    id: 'Tersimpan di HP ini; dikirim otomatis saat sinyal kembali.',
    en: 'Kept on this phone; sent automatically when the signal is back.',
  },
  'checkIn.unsent.mark': { id: 'belum terkirim', en: 'not sent yet' },
  'checkIn.unsent.send': { id: 'Kirim sekarang', en: 'Send now' },
  'checkIn.sent': { id: '✓ {n} kehadiran terkirim', en: '✓ {n} check-ins sent' },
  'checkIn.sent.refused': {
    id: '{n} kehadiran tidak dapat dicatat: {reason}',
    en: '{n} check-ins could not be recorded: {reason}',
  },
  'checkIn.sent.unknown': {
    id: '{n} pass tidak dikenal, tidak dicatat.',
    en: '{n} unknown passes, not recorded.',
  },
  'session.tab.invitations': { id: 'Undangan', en: 'Invitations' },
  'invitations.title': { id: 'Undangan per desa dan kecamatan', en: 'Invitations per village and kecamatan' },
  'invitations.intro': {
    id: 'Setiap desa dan kecamatan yang diundang mendapat tautan sendiri untuk mendaftarkan pesertanya dari HP. Kirim tautannya lewat WhatsApp, atau cetak surat undangan dengan kode QR.',
    en: 'Every invited village and kecamatan gets its own link to register its people from a phone. Send the link by WhatsApp, or print the letters with their QR code.',
  },
  'invitations.create': { id: 'Buat undangan', en: 'Create invitations' },
  'invitations.creating': { id: 'Membuat undangan…', en: 'Creating invitations…' },
  'invitations.created': {
    id: 'Undangan siap untuk setiap desa dan kecamatan yang diundang.',
    en: 'Invitations are ready for every invited village and kecamatan.',
  },
  'invitations.none': {
    id: 'Belum ada undangan. Tekan "Buat undangan" untuk membuatnya.',
    en: 'No invitations yet. Press "Create invitations" to make them.',
  },
  'invitations.count': { id: '{n} undangan', en: { one: '{n} invitation', other: '{n} invitations' } },
  'invitations.summary': {
    id: '{used} dipakai, {opened} dibuka, {fresh} belum dibuka',
    en: '{used} used, {opened} opened, {fresh} not opened yet',
  },
  'invitations.letters': { id: 'Unduh surat undangan (PDF)', en: 'Download the letters (PDF)' },
  'invitations.filter': { id: 'Cari desa atau kecamatan', en: 'Search a village or kecamatan' },
  'invitations.status.NEW': { id: 'Baru', en: 'New' },
  'invitations.status.OPENED': { id: 'Dibuka', en: 'Opened' },
  'invitations.status.USED': { id: 'Dipakai', en: 'Used' },
  'invitations.registered': { id: '{n} terdaftar', en: '{n} registered' },
  'invitations.copy': { id: 'Salin tautan', en: 'Copy link' },
  'invitations.copyLabel': { id: 'Salin tautan {unit}', en: 'Copy the link of {unit}' },
  'invitations.copied': { id: 'Tautan disalin', en: 'Link copied' },
  'invitations.copyFailed': {
    id: 'Tidak dapat menyalin; tahan jari pada tautan di bawah untuk menyalinnya.',
    en: 'Could not copy; press and hold the link below to copy it.',
  },
  'invitations.whatsapp': { id: 'WhatsApp', en: 'WhatsApp' },
  'invitations.whatsappLabel': { id: 'Kirim tautan {unit} lewat WhatsApp', en: 'Send the link of {unit} by WhatsApp' },
  'invitations.replace': { id: 'Ganti kode', en: 'Replace code' },
  'invitations.replaceLabel': { id: 'Ganti kode {unit}', en: 'Replace the code of {unit}' },
  'invitations.replace.warning': {
    id: 'Tautan lama akan berhenti bekerja: siapa pun yang membukanya tidak dapat mendaftar lagi. Kirim tautan baru ke {unit}.',
    en: 'The old link will stop working: nobody can register with it any more. Send the new link to {unit}.',
  },
  'invitations.replace.reason': { id: 'Alasan', en: 'Reason' },
  'invitations.replace.reasonHint': {
    id: 'Misalnya: tautan tersebar ke grup umum.',
    en: 'For example: the link was shared in a public group.',
  },
  'invitations.replace.done': {
    id: 'Kode {unit} sudah diganti. Tautan lama tidak berlaku lagi.',
    en: 'The code of {unit} is replaced. The old link no longer works.',
  },
  'invitations.failed': { id: 'Gagal: {reason}', en: 'Failed: {reason}' },
  'recap.papers': { id: 'Cetak untuk sesi', en: 'Print for the session' },
  'recap.badges': { id: 'Tanda nama (PDF)', en: 'Name tags (PDF)' },
  'recap.certificates': { id: 'Sertifikat (PDF)', en: 'Certificates (PDF)' },
  'source.import': { id: 'dari impor', en: 'from an import' },
  'source.invitation': { id: 'lewat undangan', en: 'through the invitation' },
  'checkIn.sk': { id: 'SK Panitia {name}', en: 'Committee decree of {name}' },
  'correct.dropSk': {
    id: 'Lepas SK Panitia yang terlampir ({file})',
    en: 'Take off the attached committee decree ({file})',
  },
  'session.tab.history': { id: 'Riwayat', en: 'History' },
  'edit.unchanged': { id: 'Belum ada yang diubah.', en: 'Nothing has been changed.' },
  'correct.open': { id: 'Ubah', en: 'Edit' },
  'correct.openLabel': { id: 'Perbaiki data {name}', en: 'Correct the details of {name}' },
  'correct.title': { id: 'Perbaiki pendaftaran: {name}', en: 'Correct the registration: {name}' },
  'correct.intro': {
    id: 'Aturan pendaftaran tetap berlaku. Setiap perbaikan dicatat di Riwayat beserta alasannya.',
    en: 'The registration rules still apply. Every correction is recorded in the history with its reason.',
  },
  'correct.phone.hint': {
    id: 'Contoh: 0812 3456 7890. Kosongkan untuk menghapus nomornya.',
    en: 'For example 0812 3456 7890. Leave empty to remove the number.',
  },
  'correct.reason': { id: 'Alasan perubahan', en: 'Reason for the change' },
  'correct.reason.needed': { id: 'Wajib diisi: tulis alasannya', en: 'Required: give the reason' },
  'correct.village.needed': { id: 'Wajib diisi: pilih desanya', en: 'Required: choose the village' },
  'correct.kecamatan.needed': { id: 'Wajib diisi: pilih kecamatannya', en: 'Required: choose the kecamatan' },
  'correct.submit': { id: 'Simpan perbaikan', en: 'Save the correction' },
  'correct.done': { id: 'Diperbaiki: {name}', en: 'Corrected: {name}' },
  'correct.close': { id: 'Tutup', en: 'Close' },
  'correct.keep': { id: 'Tidak jadi', en: 'Go back' },
  'undo.open': { id: 'Batalkan hadir', en: 'Undo the check-in' },
  'undo.present': { id: 'Tercatat hadir pukul {time}.', en: 'Checked in at {time}.' },
  'undo.intro': {
    id: '{name} kembali tercatat belum hadir; rekap ikut berubah.',
    en: '{name} counts as not present again; the recap follows.',
  },
  'undo.reason': { id: 'Alasan membatalkan hadir', en: 'Reason for undoing the check-in' },
  'undo.confirm': { id: 'Ya, batalkan hadir', en: 'Yes, undo the check-in' },
  'undo.done': { id: 'Hadir dibatalkan: {name}', en: 'Check-in undone: {name}' },
  'cancel.open': { id: 'Batalkan pendaftaran', en: 'Cancel the registration' },
  'cancel.intro': {
    id: '{name} dihapus dari daftar peserta; tempatnya dan nomor HP-nya bebas lagi untuk pendaftar lain.',
    en: '{name} is taken off the list; the place and the phone number are free for someone else again.',
  },
  'cancel.reason': { id: 'Alasan membatalkan pendaftaran', en: 'Reason for cancelling the registration' },
  'cancel.confirm': { id: 'Ya, batalkan pendaftaran', en: 'Yes, cancel the registration' },
  'cancel.done': { id: 'Pendaftaran dibatalkan: {name}', en: 'Registration cancelled: {name}' },
  'sessionEdit.open': { id: 'Ubah sesi', en: 'Edit session' },
  'sessionEdit.title': { id: 'Ubah sesi', en: 'Edit the session' },
  'sessionEdit.capacity.hint': {
    id: 'Kosongkan bila tanpa kuota. Tidak boleh kurang dari yang sudah terdaftar ({n} peserta).',
    en: 'Leave empty for no limit. It cannot be below those already registered ({n}).',
  },
  'sessionEdit.villages': { id: 'Desa yang diundang', en: 'Villages invited' },
  'sessionEdit.villages.hint': {
    id: 'Buka kecamatan untuk memilih desanya. Desa yang sudah punya pendaftar tidak dapat dikeluarkan.',
    en: 'Open a kecamatan to choose its villages. A village with registrations cannot be left out.',
  },
  'sessionEdit.villages.count': {
    id: '{n} dari {total} desa dipilih.',
    en: { one: '{n} of {total} village chosen.', other: '{n} of {total} villages chosen.', count: 'total' },
  },
  'sessionEdit.villages.group': { id: 'Kec. {name} ({n}/{total})', en: '{name} kecamatan ({n}/{total})' },
  'sessionEdit.villages.all': { id: 'Semua desa di kecamatan ini', en: 'Every village of this kecamatan' },
  'sessionEdit.submit': { id: 'Simpan perubahan sesi', en: 'Save the session' },
  'sessionEdit.saved': { id: 'Perubahan sesi tersimpan.', en: 'The session was saved.' },
} satisfies Record<string, Text>;

const dictionary = { ...commonTexts, ...unitTexts, ...roleTexts, ...sessionTexts };
export type SessionKey = keyof typeof dictionary;
/** The session pages' lookup: their words and the shared ones. */
export const { t } = texts(dictionary);
