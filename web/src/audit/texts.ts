/**
 * The words of the audit trail, shown on the session, shipment and desa pages: each action's
 * short name, and the sentence that tells it (who did what to whom, and what changed). Role names
 * and receipt states come from their areas.
 */

import { type Text, texts } from '../lang.ts';
import { stateTexts } from '../logistics/states.ts';
import { unitTexts } from '../regions/lookup.ts';
import { roleTexts } from '../sessions/texts.ts';
import { commonTexts } from '../texts.ts';

/** Exported for the test that checks every text in both languages. */
export const auditTexts = {
  'audit.title': { id: 'Riwayat', en: 'History' },
  'audit.empty': { id: 'Belum ada catatan.', en: 'Nothing recorded yet.' },
  'audit.system': { id: 'Sistem', en: 'The system' },
  'audit.person': { id: 'peserta', en: 'a participant' },
  'audit.action.session.created': { id: 'Sesi dibuat', en: 'Session created' },
  'audit.action.session.updated': { id: 'Sesi diubah', en: 'Session changed' },
  'audit.action.registration.created': { id: 'Pendaftaran', en: 'Registration' },
  'audit.action.registration.updated': { id: 'Pendaftaran diubah', en: 'Registration changed' },
  'audit.action.registration.checkedIn': { id: 'Hadir', en: 'Checked in' },
  'audit.action.registration.checkInUndone': { id: 'Tanda hadir dibatalkan', en: 'Check-in undone' },
  'audit.action.registration.cancelled': { id: 'Pendaftaran dibatalkan', en: 'Registration cancelled' },
  'audit.action.registrations.imported': { id: 'Impor pendaftaran', en: 'Registrations imported' },
  'audit.action.item.created': { id: 'Barang ditambahkan', en: 'Item added' },
  'audit.action.item.updated': { id: 'Barang diubah', en: 'Item changed' },
  'audit.action.allocation.set': { id: 'Alokasi diubah manual', en: 'Allocation set by hand' },
  'audit.action.allocation.formulaApplied': { id: 'Rumus alokasi disimpan', en: 'Allocation formula saved' },
  'audit.action.shipment.created': { id: 'Logistik dikirim', en: 'Goods dispatched' },
  'audit.action.shipment.receiptCodeReplaced': {
    id: 'Kode penerimaan baru diterbitkan',
    en: 'New receipt code issued',
  },
  'audit.action.receipt.confirmed': { id: 'Penerimaan dikonfirmasi desa', en: 'Receipt confirmed by the village' },
  'audit.action.receipt.corrected': { id: 'Penerimaan diperbaiki', en: 'Receipt corrected' },
  'audit.action.document.requested': { id: 'Unggahan dimulai', en: 'Upload started' },
  'audit.action.document.verified': { id: 'Foto BAST diterima', en: 'BAST photo received' },
  'audit.action.document.rejected': { id: 'Berkas ditolak', en: 'File refused' },
  'audit.action.regions.imported': { id: 'Data wilayah diunggah', en: 'Regions uploaded' },
  'audit.action.shipment.replacementCreated': { id: 'Pengganti dikirim', en: 'Replacement dispatched' },
  'audit.action.shipment.replaced': { id: 'Penggantian dicatat', en: 'Replacement recorded' },
  'audit.action.wave.created': { id: 'Gelombang dibuat', en: 'Wave created' },
  'audit.action.wave.updated': { id: 'Gelombang diubah', en: 'Wave changed' },
  'audit.action.wave.stagesReplaced': { id: 'Jadwal tahapan diubah', en: 'Schedule changed' },
  'audit.action.wave.deleted': { id: 'Gelombang dihapus', en: 'Wave removed' },
  'audit.action.problem.opened': { id: 'Masalah dicatat', en: 'Problem recorded' },
  'audit.action.problem.updated': { id: 'Masalah diperbaiki', en: 'Problem corrected' },
  'audit.action.problem.resolved': { id: 'Masalah selesai', en: 'Problem resolved' },
  'audit.action.problem.reopened': { id: 'Masalah dibuka lagi', en: 'Problem reopened' },
  'audit.action.unknown': { id: 'Perubahan', en: 'Change' },

  'audit.s.session.created': {
    id: '{actor} membuat sesi “{title}”, {date} di {venue}.',
    en: '{actor} created the session “{title}”, {date} at {venue}.',
  },
  'audit.s.session.updated': { id: '{actor} mengubah sesi: {changes}.', en: '{actor} changed the session: {changes}.' },
  'audit.s.registration.created': {
    id: '{actor} mendaftarkan {name} sebagai {role} {unit}.',
    en: '{actor} registered {name} as {role}, {unit}.',
  },
  'audit.s.registration.updated': {
    id: '{actor} mengubah pendaftaran {name}: {changes}.',
    en: '{actor} changed the registration of {name}: {changes}.',
  },
  'audit.s.registration.checkedIn': {
    id: '{actor} mencatat {name} ({role} {unit}) hadir pukul {time}.',
    en: '{actor} marked {name} ({role}, {unit}) present at {time}.',
  },
  'audit.s.registration.checkInUndone': {
    id: '{actor} membatalkan tanda hadir {name} ({role} {unit}).',
    en: '{actor} undid the check-in of {name} ({role}, {unit}).',
  },
  'audit.s.registration.cancelled': {
    id: '{actor} membatalkan pendaftaran {name} ({role} {unit}).',
    en: '{actor} cancelled the registration of {name} ({role}, {unit}).',
  },
  'audit.s.registrations.imported': {
    id: '{actor} mengimpor {n} pendaftaran baru dari berkas.',
    en: {
      one: '{actor} imported {n} new registration from a file.',
      other: '{actor} imported {n} new registrations from a file.',
    },
  },
  'audit.s.item.created': {
    id: '{actor} menambahkan {name} (satuan {unit}) ke katalog.',
    en: '{actor} added {name} (unit {unit}) to the catalogue.',
  },
  'audit.s.item.updated': {
    id: '{actor} mengubah barang {code}: {changes}.',
    en: '{actor} changed item {code}: {changes}.',
  },
  'audit.s.allocation.set': {
    id: '{actor} mengubah alokasi {unit} secara manual: {changes}.',
    en: '{actor} set the allocation of {unit} by hand: {changes}.',
  },
  'audit.s.allocation.formulaApplied': {
    id: '{actor} menyimpan rumus alokasi untuk {n} desa.',
    en: {
      one: '{actor} saved the allocation formula for {n} village.',
      other: '{actor} saved the allocation formula for {n} villages.',
    },
  },
  'audit.s.shipment.created': {
    id: '{actor} mengirim logistik ke {unit} dengan BAST {bast}: {lines}.',
    en: '{actor} dispatched goods to {unit} with BAST {bast}: {lines}.',
  },
  'audit.s.shipment.replacementCreated': {
    id: '{actor} mengirim pengganti ke {unit} dengan BAST {bast}: {lines}.',
    en: '{actor} dispatched a replacement to {unit} with BAST {bast}: {lines}.',
  },
  'audit.s.shipment.replaced': {
    id: '{actor} mencatat pengganti untuk barang rusak berat atau hilang: {lines}.',
    en: '{actor} recorded a replacement for goods heavily damaged or missing: {lines}.',
  },
  'audit.s.wave.created': {
    id: '{actor} membuat gelombang “{name}”, pemungutan suara {date}, {villages} desa.',
    en: '{actor} created the wave “{name}”, voting day {date}, {villages} villages.',
  },
  'audit.s.wave.updated': { id: '{actor} mengubah gelombang: {changes}.', en: '{actor} changed the wave: {changes}.' },
  'audit.s.wave.stagesReplaced': {
    id: '{actor} mengubah jadwal tahapan ({n} tahapan).',
    en: '{actor} changed the schedule ({n} stages).',
  },
  'audit.s.wave.deleted': { id: '{actor} menghapus gelombang “{name}”.', en: '{actor} removed the wave “{name}”.' },
  'audit.s.problem.opened': {
    id: '{actor} mencatat masalah {category} ({severity}) di {unit}: {description}',
    en: '{actor} recorded a {category} problem ({severity}) in {unit}: {description}',
  },
  'audit.s.problem.updated': {
    id: '{actor} memperbaiki catatan masalah: {changes}.',
    en: '{actor} corrected the problem: {changes}.',
  },
  'audit.s.problem.resolved': {
    id: '{actor} menyelesaikan masalah di {unit}: {resolution}',
    en: '{actor} resolved the problem in {unit}: {resolution}',
  },
  'audit.s.problem.reopened': {
    id: '{actor} membuka lagi masalah di {unit}.',
    en: '{actor} reopened the problem in {unit}.',
  },
  'audit.category.logistik': { id: 'logistik', en: 'logistics' },
  'audit.category.panitia': { id: 'panitia', en: 'committee' },
  'audit.category.sengketa': { id: 'sengketa', en: 'dispute' },
  'audit.category.keamanan': { id: 'keamanan', en: 'security' },
  'audit.category.lainnya': { id: 'lainnya', en: 'other' },
  'audit.severity.LOW': { id: 'rendah', en: 'low' },
  'audit.severity.MEDIUM': { id: 'sedang', en: 'medium' },
  'audit.severity.HIGH': { id: 'tinggi', en: 'high' },
  'audit.field.votingDay': { id: 'hari pemungutan suara', en: 'voting day' },
  'audit.field.villageCodes': { id: 'jumlah desa', en: 'number of villages' },
  'audit.field.severity': { id: 'tingkat', en: 'severity' },
  'audit.field.category': { id: 'jenis', en: 'category' },
  'audit.field.description': { id: 'uraian', en: 'description' },
  'audit.s.shipment.over': { id: 'Melebihi alokasi, alasan: {reason}.', en: 'Over the allocation, reason: {reason}.' },
  'audit.s.shipment.receiptCodeReplaced': {
    id: '{actor} menerbitkan kode penerimaan baru; tautan dan QR yang lama tidak berlaku lagi.',
    en: '{actor} issued a new receipt code; the old link and QR code no longer work.',
  },
  'audit.s.receipt.confirmed': {
    id: '{actor} mengonfirmasi penerimaan, diterima oleh {name}: semua barang baik.',
    en: '{actor} confirmed receipt, received by {name}: everything in good order.',
  },
  'audit.s.receipt.discrepancy': {
    id: '{actor} mengonfirmasi penerimaan, diterima oleh {name}, dengan selisih: {problems}.',
    en: '{actor} confirmed receipt, received by {name}, with a discrepancy: {problems}.',
  },
  'audit.s.receipt.corrected': {
    id: '{actor} memperbaiki penerimaan (versi {from} → {to}): {changes}. Alasan: {reason}.',
    en: '{actor} corrected the receipt (version {from} → {to}): {changes}. Reason: {reason}.',
  },
  'audit.s.document.requested': {
    id: '{actor} mulai mengunggah {file} ({size}).',
    en: '{actor} started uploading {file} ({size}).',
  },
  'audit.s.document.verified': {
    id: '{actor} mengunggah {file}; berkas diterima dan sudah diperiksa.',
    en: '{actor} uploaded {file}; the file was received and checked.',
  },
  'audit.s.document.rejected': {
    id: '{actor} mengunggah {file}; berkas ditolak: {reason}.',
    en: '{actor} uploaded {file}; the file was refused: {reason}.',
  },
  'audit.s.regions.imported': {
    id: '{actor} mengunggah data wilayah: {kecamatan} kecamatan dan {villages} desa baru atau berubah.',
    en: '{actor} uploaded the regions: {kecamatan} kecamatan and {villages} villages new or changed.',
  },
  'audit.s.unknown': { id: '{actor} mencatat perubahan.', en: '{actor} recorded a change.' },
  'audit.s.unknownChanges': {
    id: '{actor} mencatat perubahan: {changes}.',
    en: '{actor} recorded a change: {changes}.',
  },
  'audit.reason': { id: 'Alasan: {reason}.', en: 'Reason: {reason}.' },
  'audit.nothingChanged': { id: 'tidak ada yang berubah', en: 'nothing changed' },
  'audit.change': { id: '{field} {before} → {after}', en: '{field} {before} → {after}' },
  'audit.quantity': { id: '{item} {quantity} {unit}', en: '{item} {quantity} {unit}' },
  'audit.lineProblems': { id: '{item} {problems}', en: '{item} {problems}' },
  'audit.kb': { id: '{n} KB', en: '{n} KB' },
  'audit.count.good': { id: 'baik', en: 'good' },
  'audit.count.minorDamage': { id: 'rusak ringan', en: 'lightly damaged' },
  'audit.count.majorDamage': { id: 'rusak berat', en: 'heavily damaged' },
  'audit.count.missing': { id: 'hilang', en: 'missing' },
  'audit.problem.minorDamage': { id: '{n} rusak ringan', en: '{n} lightly damaged' },
  'audit.problem.majorDamage': { id: '{n} rusak berat', en: '{n} heavily damaged' },
  'audit.problem.missing': { id: '{n} hilang', en: '{n} missing' },
  'audit.field.fullName': { id: 'nama', en: 'name' },
  'audit.field.phone': { id: 'nomor HP', en: 'phone' },
  'audit.field.role': { id: 'peran', en: 'role' },
  'audit.field.villageCode': { id: 'desa', en: 'village' },
  'audit.field.kecamatanCode': { id: 'kecamatan', en: 'kecamatan' },
  'audit.field.title': { id: 'judul', en: 'title' },
  'audit.field.date': { id: 'tanggal', en: 'date' },
  'audit.field.venue': { id: 'tempat', en: 'venue' },
  'audit.field.capacity': { id: 'kuota', en: 'capacity' },
  'audit.field.name': { id: 'nama', en: 'name' },
  'audit.field.unit': { id: 'satuan', en: 'unit' },
  'audit.field.note': { id: 'catatan', en: 'note' },
  'audit.field.checkedInAt': { id: 'waktu hadir', en: 'check-in time' },
} satisfies Record<string, Text>;

/** `has` tells whether an action or field read from the trail has words here (others get general ones). */
export const { t, has } = texts({ ...commonTexts, ...unitTexts, ...roleTexts, ...stateTexts, ...auditTexts });
