import type { Text } from '#shared/kernel/i18n/messages.ts';
import type { Role } from './rules/roles.ts';

/**
 * What the API says about sessions and registrations.
 * Each sentence is its own constant, so a function's bundle carries only the sentences it uses.
 */

export const sessionNotFound: Text = { id: 'Sesi tidak ditemukan.', en: 'Session not found.' };
export const registrationNotFound: Text = { id: 'Pendaftaran tidak ditemukan.', en: 'Registration not found.' };
export const slotTaken: Text = {
  id: '{role} {unit} sudah terdaftar atas nama {holder}',
  en: '{role} of {unit} is already registered: {holder}',
};
export const phoneTaken: Text = {
  id: 'Nomor HP {phone} sudah dipakai untuk mendaftarkan {holder}',
  en: 'Phone {phone} was already used to register {holder}',
};
export const phoneTakenElsewhere: Text = {
  id: 'Nomor HP ini sudah dipakai untuk pendaftaran lain di sesi ini; pakai nomor lain atau hubungi panitia DPMD.',
  en: 'This phone number was already used for another registration in this session; use another or call the DPMD.',
};
export const sessionFull: Text = {
  id: 'Kuota sesi sudah penuh ({capacity} peserta).',
  en: 'The session is full ({capacity} participants).',
};
export const roleFull: Text = {
  id: '{role} {unit} sudah {max} orang, batas sesi ini',
  en: '{role} of {unit}: the session seats at most {max}',
};
export const registrationPending: Text = {
  id: 'Pendaftaran yang sama sedang diproses. Coba lagi sebentar lagi.',
  en: 'The same registration is being processed. Try again shortly.',
};
export const villageNotInSession: Text = {
  id: 'Desa ini tidak termasuk peserta sesi ini',
  en: 'This village is not expected at this session',
};
export const kecamatanNotInSession: Text = {
  id: 'Kecamatan ini tidak termasuk peserta sesi ini',
  en: 'This kecamatan is not expected at this session',
};
export const registrationChanged: Text = {
  id: 'Pendaftaran ini berubah saat Anda memperbaikinya; muat ulang lalu coba lagi.',
  en: 'This registration changed while you were correcting it; reload and try again.',
};
export const sessionChanged: Text = {
  id: 'Sesi ini berubah saat Anda mengubahnya; muat ulang lalu coba lagi.',
  en: 'This session changed while you were editing it; reload and try again.',
};
export const notCheckedIn: Text = {
  id: '{name} belum tercatat hadir.',
  en: '{name} is not checked in.',
};
export const capacityBelowRegistered: Text = {
  id: 'Kuota tidak boleh kurang dari jumlah yang sudah terdaftar ({registered} peserta).',
  en: 'The capacity cannot be below the number already registered ({registered}).',
};
export const villagesStillRegistered: Text = {
  id: 'Desa berikut sudah punya pendaftar dan tidak dapat dikeluarkan dari sesi: {names}.',
  en: 'These desa already have registrations and cannot be left out: {names}.',
};
export const noVillages: Text = {
  id: 'Data wilayah belum diisi; impor data wilayah terlebih dahulu',
  en: 'No region data yet; import the regions first',
};

/** A desa, kecamatan or agency by name, as sentences name it ("Desa Tanjung Raya", "village Tanjung Raya"). */
export function unitName(kind: 'village' | 'kecamatan' | 'organization', name: string): Text {
  if (kind === 'organization') return { id: `dari ${name}`, en: `from ${name}` };
  return kind === 'village'
    ? { id: `Desa ${name}`, en: `village ${name}` }
    : { id: `Kecamatan ${name}`, en: `kecamatan ${name}` };
}

/** The roles' names inside sentences. */
export const roleNames = {
  KETUA_PANITIA: { id: 'Ketua Panitia', en: 'Committee chair' },
  SEKRETARIS_PANITIA: { id: 'Sekretaris Panitia', en: 'Committee secretary' },
  ANGGOTA_PANITIA: { id: 'Anggota Panitia', en: 'Committee member' },
  KASI_PEMERINTAHAN: { id: 'Kasi Pemerintahan', en: 'Kasi Pemerintahan' },
  PENGAWAS: { id: 'Pengawas', en: 'Supervisor' },
  BPD: { id: 'Anggota BPD', en: 'BPD member' },
  CAMAT: { id: 'Camat', en: 'Camat' },
  INSTANSI: { id: 'Perwakilan Instansi', en: 'Agency representative' },
} as const satisfies Record<Role, Text>;
export const skNotAttachable: Text = {
  id: 'Berkas SK belum diunggah dan diperiksa lewat undangan ini; unggah lagi',
  en: 'The SK file was not uploaded and checked through this invitation; upload it again',
};
export const tooManySkDocuments: Text = {
  id: 'Sudah {max} berkas dikirim lewat undangan ini; hubungi panitia DPMD bila masih perlu mengirim.',
  en: '{max} files were already sent through this invitation; call the DPMD committee if you need to send more.',
};
