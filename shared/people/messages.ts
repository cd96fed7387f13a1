import type { Text } from '#shared/kernel/i18n/messages.ts';

/** What the API says about accounts. Each sentence is its own constant (bundles carry only what they use). */

export const emailTaken: Text = {
  id: 'Alamat e-mail ini sudah dipakai akun lain',
  en: 'This e-mail address already has an account',
};
export const kecamatanNeeded: Text = {
  id: 'Akun kecamatan harus memilih kecamatannya',
  en: 'A kecamatan account needs its kecamatan',
};
export const kecamatanNotForGroup: Text = {
  id: 'Hanya akun kecamatan yang memakai kecamatan',
  en: 'Only kecamatan accounts take a kecamatan',
};
export const kecamatanUnknown: Text = {
  id: 'Kecamatan ini tidak terdaftar',
  en: 'This kecamatan is not registered',
};
export const nothingToChange: Text = {
  id: 'Isi sedikitnya satu perubahan: kelompok, kecamatan atau status',
  en: 'Give at least one change: group, kecamatan or status',
};
export const notOwnAccess: Text = {
  id: 'Anda tidak dapat menonaktifkan akun sendiri atau menurunkan kelompok akun sendiri. Minta admin lain melakukannya.',
  en: 'You cannot disable your own account or lower its group. Ask another admin to do it.',
};
export const lastAdmin: Text = {
  id: 'Ini satu-satunya admin yang aktif. Jadikan orang lain admin terlebih dahulu, lalu ubah akun ini.',
  en: 'This is the only enabled admin. Make someone else an admin first, then change this account.',
};
export const alreadySignedIn: Text = {
  id: 'Orang ini sudah masuk dan membuat kata sandi; undangan tidak perlu dikirim ulang.',
  en: 'This person has already signed in and set a password; there is no invitation to resend.',
};
export const disabledAccount: Text = {
  id: 'Akun ini dinonaktifkan; aktifkan dahulu sebelum mengirim ulang undangan.',
  en: 'This account is disabled; enable it before resending the invitation.',
};
export const notOwnMfa: Text = {
  id: 'Anda tidak dapat meminta perangkat MFA baru untuk akun sendiri. Minta admin lain melakukannya.',
  en: 'You cannot require a new MFA device for your own account. Ask another admin to do it.',
};
export const disabledMfa: Text = {
  id: 'Akun ini dinonaktifkan; aktifkan dahulu sebelum meminta perangkat MFA baru.',
  en: 'This account is disabled; enable it before requiring a new MFA device.',
};
