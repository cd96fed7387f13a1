/** The words of the people page (Pengguna), Bahasa Indonesia first. Loaded with that page only. */
import { type Text, texts } from '../lang.ts';
import { commonTexts } from '../texts.ts';

/** Exported for the test that checks every text in both languages. */
export const peopleTexts = {
  'people.title': { id: 'Pengguna', en: 'People' },
  'people.intro': {
    id: 'Siapa saja yang dapat masuk, dengan kelompok apa. Akun kecamatan hanya melihat dan mengurus desa di kecamatannya.',
    en: 'Who may sign in, in which group. Kecamatan accounts see and act only for the desa of their kecamatan.',
  },
  'people.count': { id: '{n} akun', en: { one: '{n} account', other: '{n} accounts' } },
  'people.invite': { id: 'Undang pengguna', en: 'Invite a person' },
  'people.name': { id: 'Nama lengkap', en: 'Full name' },
  'people.email': { id: 'E-mail', en: 'E-mail' },
  'people.email.hint': {
    id: 'Undangan dan kata sandi sementara dikirim ke alamat ini.',
    en: 'The invitation and a temporary password go to this address.',
  },
  'people.group': { id: 'Kelompok', en: 'Group' },
  'people.group.admin': { id: 'Admin', en: 'Admin' },
  'people.group.organizer': { id: 'Panitia (penyelenggara)', en: 'Organizer' },
  'people.group.kecamatan': { id: 'Kecamatan (Kasi Pemerintahan)', en: 'Kecamatan (Kasi Pemerintahan)' },
  'people.ofKecamatan': { id: 'Akun Kecamatan {name}', en: 'Kecamatan {name} account' },
  'people.kecamatan': { id: 'Kecamatan', en: 'Kecamatan' },
  'people.kecamatan.choose': { id: 'Pilih kecamatan', en: 'Choose a kecamatan' },
  'people.send': { id: 'Kirim undangan', en: 'Send invitation' },
  'people.invited': { id: 'Undangan untuk {name} terkirim.', en: 'Invitation for {name} sent.' },
  'people.status.invited': { id: 'Diundang', en: 'Invited' },
  'people.status.active': { id: 'Aktif', en: 'Active' },
  'people.status.disabled': { id: 'Nonaktif', en: 'Disabled' },
  'people.lastSignIn': { id: 'Terakhir masuk: {when}', en: 'Last signed in: {when}' },
  'people.neverSignedIn': { id: 'Belum pernah masuk', en: 'Never signed in' },
  'people.you': { id: '(Anda)', en: '(you)' },
  'people.resend': { id: 'Kirim ulang undangan', en: 'Resend invitation' },
  'people.resent': { id: 'Undangan untuk {name} dikirim ulang.', en: 'Invitation for {name} sent again.' },
  'people.change': { id: 'Ubah kelompok', en: 'Change group' },
  'people.save': { id: 'Simpan', en: 'Save' },
  'people.cancel': { id: 'Batal', en: 'Cancel' },
  'people.changed': { id: 'Akun {name} diubah.', en: '{name}’s account changed.' },
  'people.disable': { id: 'Nonaktifkan', en: 'Disable' },
  'people.enable': { id: 'Aktifkan', en: 'Enable' },
  'people.disabled': {
    id: 'Akun {name} dinonaktifkan; ia tidak dapat masuk lagi.',
    en: '{name}’s account is disabled; they can no longer sign in.',
  },
  'people.enabled': { id: 'Akun {name} aktif kembali.', en: '{name}’s account is enabled again.' },
  'people.confirm.disable': {
    id: 'Nonaktifkan akun {name}? Ia langsung keluar dan tidak dapat masuk sampai diaktifkan lagi.',
    en: 'Disable {name}’s account? They are signed out at once and cannot sign in until enabled again.',
  },
  'people.confirm.demote': {
    id: 'Ubah {name} dari Admin menjadi {group}? Ia tidak lagi dapat mengelola pengguna, wilayah dan gelombang.',
    en: 'Change {name} from Admin to {group}? They can no longer manage people, regions and waves.',
  },
  'people.confirm.yes': { id: 'Ya, ubah', en: 'Yes, change' },
  'people.reason': { id: 'Alasan (opsional, dicatat di riwayat)', en: 'Reason (optional, kept in the trail)' },
  'people.reason.required': { id: 'Alasan (dicatat di riwayat)', en: 'Reason (kept in the trail)' },
  'people.mfa': { id: 'Minta perangkat MFA baru', en: 'Require a new MFA device' },
  'people.confirm.mfa': {
    id: 'Minta {name} memasang perangkat MFA baru? Akunnya dibuat ulang dan undangan baru dikirim ke {email}; sesi yang berjalan berakhir. Saat masuk lagi, ia membuat kata sandi dan memasang aplikasi autentikator baru.',
    en: 'Require {name} to set up a new MFA device? The account is made anew and a new invitation is sent to {email}; running sessions end. At the next sign-in they set a password and a new authenticator app.',
  },
  'people.confirm.mfa.yes': { id: 'Ya, minta perangkat baru', en: 'Yes, require a new device' },
  'people.mfaReset': {
    id: 'Undangan baru dikirim ke {name}; perangkat MFA lama tidak berlaku lagi.',
    en: 'A new invitation was sent to {name}; the old MFA device no longer works.',
  },
} satisfies Record<string, Text>;

/** The people page's lookup: its words and the shared ones. */
export const { t } = texts({ ...commonTexts, ...peopleTexts });
