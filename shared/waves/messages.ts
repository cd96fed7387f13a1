import type { Text } from '#shared/kernel/i18n/messages.ts';

/**
 * What the API says about waves, their schedule, readiness and problems. Each sentence is its own
 * constant, so a function's bundle carries only the sentences it uses.
 */

export const waveNotFound: Text = { id: 'Gelombang tidak ditemukan.', en: 'Wave not found.' };
export const problemNotFound: Text = { id: 'Catatan masalah tidak ditemukan.', en: 'Problem not found.' };
export const waveChanged: Text = {
  id: 'Gelombang ini berubah saat Anda mengubahnya; muat ulang lalu coba lagi.',
  en: 'This wave changed while you were editing it; reload and try again.',
};
export const villageInOtherWave: Text = {
  id: 'Desa {village} sudah termasuk {wave} (pemungutan suara {votingDay}).',
  en: 'Village {village} already belongs to {wave} (voting day {votingDay}).',
};
export const villagesInOtherWave: Text = {
  id: '{n} desa sudah termasuk gelombang lain yang belum selesai, pertama {village} di {wave}.',
  en: '{n} villages already belong to another running wave, first {village} in {wave}.',
};
export const unknownVillage: Text = { id: 'Desa {code} tidak terdaftar', en: 'Village {code} is not listed' };
export const problemAlreadyResolved: Text = {
  id: 'Masalah ini sudah diselesaikan.',
  en: 'This problem is already resolved.',
};
export const problemNotResolved: Text = {
  id: 'Masalah ini belum diselesaikan.',
  en: 'This problem is not resolved.',
};
export const waveHasSessions: Text = {
  id: 'Masih ada {n} sesi dalam gelombang ini ({titles}); pindahkan sesi itu terlebih dahulu.',
  en: '{n} sessions still belong to this wave ({titles}); move them first.',
};
export const villageNotInWave: Text = {
  id: 'Desa ini tidak termasuk gelombang ini',
  en: 'This village is not in this wave',
};
export const waveNotFoundField: Text = { id: 'Gelombang tidak ditemukan', en: 'Wave not found' };

// The schedule
export const stageEndsBeforeStart: Text = {
  id: 'Tanggal selesai tidak boleh sebelum tanggal mulai',
  en: 'The end cannot be before the start',
};
export const missingStage: Text = {
  id: 'Tahapan {code} wajib ada',
  en: 'Stage {code} is required',
};
export const votingOutsideStage: Text = {
  id: 'Tahapan pemungutan suara harus mencakup hari pemungutan suara ({votingDay})',
  en: 'The voting stage must contain voting day ({votingDay})',
};
export const escalationOrder: Text = {
  id: 'Hari penandaan mendesak tidak boleh lebih besar dari hari melibatkan Kasi',
  en: 'The urgent day cannot come before the Kasi day',
};

// Readiness reasons: one sentence each, filled per desa
export const reasonKetuaNotTrained: Text = {
  id: 'Ketua Panitia belum mengikuti sosialisasi',
  en: 'The committee chair has not attended the briefing',
};
export const reasonSekretarisNotTrained: Text = {
  id: 'Sekretaris Panitia belum mengikuti sosialisasi',
  en: 'The committee secretary has not attended the briefing',
};
export const reasonNotAllocated: Text = {
  id: 'Alokasi logistik belum ditetapkan',
  en: 'No logistics allocation yet',
};
export const reasonNotShipped: Text = {
  id: 'Logistik belum dikirim lengkap: {items}',
  en: 'Logistics not fully shipped: {items}',
};
export const reasonReceiptPending: Text = {
  id: { one: 'Penerimaan logistik belum dikonfirmasi desa', other: '{n} pengiriman belum dikonfirmasi desa' },
  en: { one: 'The village has not confirmed the delivery', other: '{n} deliveries not confirmed by the village' },
};
export const reasonShortfall: Text = { id: '{items}', en: '{items}' };
export const shortfallMajorDamage: Text = {
  id: '{n} {item} rusak berat belum diganti',
  en: '{n} {item} heavily damaged, not yet replaced',
};
export const shortfallMissing: Text = {
  id: '{n} {item} hilang belum diganti',
  en: '{n} {item} missing, not yet replaced',
};
export const shortfallBoth: Text = {
  id: '{n} {item} rusak berat atau hilang belum diganti',
  en: '{n} {item} heavily damaged or missing, not yet replaced',
};
export const reasonNothingShipped: Text = {
  id: 'Logistik belum dikirim ({n} jenis barang dialokasikan)',
  en: 'No logistics shipped yet ({n} kinds of goods allocated)',
};
export const notShippedItem: Text = { id: '{item} {shipped} dari {allocated}', en: '{item} {shipped} of {allocated}' };
export const reasonBastPhotoMissing: Text = {
  id: 'Foto BAST yang ditandatangani belum diunggah',
  en: 'No photo of the signed BAST yet',
};
export const reasonProblemOpen: Text = {
  id: { one: 'Ada 1 masalah yang belum selesai', other: 'Ada {n} masalah yang belum selesai' },
  en: { one: '1 problem is still open', other: '{n} problems are still open' },
};

// The chase list
export const noPhone: Text = {
  id: 'Tidak ada nomor HP panitia desa ini; hubungi lewat kecamatan',
  en: 'No committee phone number for this village; reach it through the kecamatan',
};
export const chaseGreeting: Text = {
  id: 'Yth. {role} Pilkades Desa {village}.',
  en: 'Dear {role} of the Pilkades of {village}.',
};
export const chaseKasiGreeting: Text = {
  id: 'Yth. Kasi Pemerintahan Kecamatan {kecamatan}. Mohon bantuan untuk Desa {village}.',
  en: 'Dear Kasi Pemerintahan of kecamatan {kecamatan}. Please help with {village}.',
};
export const chaseStatus: Text = {
  id: 'Per {date} ({countdown}), catatan DPMD untuk Desa {village}: {reasons}.',
  en: 'As of {date} ({countdown}), DPMD notes for {village}: {reasons}.',
};
export const chaseReceipt: Text = {
  id: 'Konfirmasi penerimaan logistik di: {links}',
  en: 'Confirm the delivery at: {links}',
};
export const chaseUrgent: Text = { id: 'MENDESAK.', en: 'URGENT.' };
export const chaseThanks: Text = {
  id: 'Mohon segera ditindaklanjuti. Terima kasih. DPMD {regency}',
  en: 'Please follow up soon. Thank you. DPMD {regency}',
};
export const countdown: Text = { id: 'H-{n}', en: 'D-{n}' };
export const countdownDay: Text = { id: 'hari H', en: 'voting day' };
export const countdownAfter: Text = { id: 'H+{n}', en: 'D+{n}' };

// The board's sentence
export const totalsSentence: Text = {
  id: '{ready} dari {villages} desa siap; {actionNeeded} perlu tindakan; {late} terlambat; {countdown}',
  en: '{ready} of {villages} villages ready; {actionNeeded} need action; {late} late; {countdown}',
};
