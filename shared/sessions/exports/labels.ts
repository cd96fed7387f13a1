/**
 * Every word printed in an attendance export (CSV, XLSX, PDF), in Bahasa Indonesia and English.
 * Kept apart from the API's messages: these are document labels, chosen by `?lang=` rather than by
 * Accept-Language, and a printed daftar hadir is Indonesian unless someone asks otherwise.
 */

import type { Lang } from '#shared/kernel/i18n/core.ts';
import type { Role } from '#shared/sessions/rules/roles.ts';

export type ExportLang = Lang;

export interface ExportLabels {
  /** File names start with this (`daftar-hadir-2023-02-08.pdf`). */
  fileStem: string;
  columns: {
    no: string;
    name: string;
    role: string;
    village: string;
    kecamatan: string;
    phone: string;
    present: string;
    /** Header of the narrow ✓ column of the PDF. */
    presentShort: string;
    checkedInAt: string;
    signature: string;
    registered: string;
  };
  yes: string;
  no: string;
  /** Role as written in a list row. */
  role: Record<Role, string>;
  /** Role with a count, as written in the recap sentence ("82 Ketua Panitia", "82 committee chairs"). */
  roleCount(role: Role, count: number): string;
  sheets: { list: string; recap: string };
  title: string;
  /** The kop line above the regency name ("PEMERINTAH KABUPATEN ..."). */
  government: (regencyName: string) => string;
  details: { date: string; venue: string; event: string };
  recap: {
    heading: string;
    byRole: string;
    byKecamatan: string;
    missing: string;
    total: string;
    /** "183 peserta hadir dari 183 terdaftar" */
    attended: (present: number, registered: number) => string;
    /** "82 dari 82 desa terwakili" */
    villages: (represented: number, expected: number) => string;
    /** "Belum hadir: Ketua Panitia dari Desa A, Desa B" */
    missingPrefix: string;
    missingFrom: (role: string, units: string) => string;
    /** A role from no unit (agencies) with fewer present than the session needs. */
    shortBy: (role: string, count: number) => string;
    andMore: (count: number) => string;
    nobodyMissing: string;
  };
  unit: { village: (name: string) => string; kecamatan: (name: string) => string };
  page: (page: number, total: number) => string;
  continued: string;
  recordedBy: string;
  signatureName: string;
  idNumber: string;
}

const id: ExportLabels = {
  fileStem: 'daftar-hadir',
  columns: {
    no: 'No',
    name: 'Nama',
    role: 'Peran',
    village: 'Desa',
    kecamatan: 'Kecamatan',
    phone: 'No. HP',
    present: 'Hadir',
    presentShort: 'Hadir',
    checkedInAt: 'Waktu hadir',
    signature: 'Tanda Tangan',
    registered: 'Terdaftar',
  },
  yes: 'Ya',
  no: 'Tidak',
  role: {
    KETUA_PANITIA: 'Ketua Panitia',
    SEKRETARIS_PANITIA: 'Sekretaris Panitia',
    ANGGOTA_PANITIA: 'Anggota Panitia',
    KASI_PEMERINTAHAN: 'Kasi Pemerintahan',
    PENGAWAS: 'Pengawas',
    BPD: 'Anggota BPD',
    CAMAT: 'Camat',
    INSTANSI: 'Perwakilan Instansi',
  },
  // Indonesian nouns do not change with number.
  roleCount: (role, count) => `${count} ${id.role[role]}`,
  sheets: { list: 'Daftar Hadir', recap: 'Rekap' },
  title: 'DAFTAR HADIR',
  government: (regencyName) => `PEMERINTAH ${regencyName}`.toUpperCase(),
  details: { date: 'Hari / Tanggal', venue: 'Tempat', event: 'Acara' },
  recap: {
    heading: 'Rekap kehadiran',
    byRole: 'Per peran',
    byKecamatan: 'Per kecamatan',
    missing: 'Belum hadir',
    total: 'Jumlah',
    attended: (present, registered) => `${present} peserta hadir dari ${registered} terdaftar`,
    villages: (represented, expected) => `${represented} dari ${expected} desa terwakili`,
    missingPrefix: 'Belum hadir',
    missingFrom: (role, units) => `${role} dari ${units}`,
    shortBy: (role, count) => `${role} masih kurang ${count} orang`,
    andMore: (count) => `dan ${count} lainnya`,
    nobodyMissing: 'Semua desa dan kecamatan lengkap.',
  },
  unit: { village: (name) => `Desa ${name}`, kecamatan: (name) => `Kecamatan ${name}` },
  page: (page, total) => `Halaman ${page} dari ${total}`,
  continued: 'lanjutan',
  recordedBy: 'Petugas pencatat,',
  signatureName: '(.......................................)',
  idNumber: 'NIP. ..................................',
};

const ROLE_EN: Record<Role, [singular: string, plural: string]> = {
  KETUA_PANITIA: ['committee chair', 'committee chairs'],
  SEKRETARIS_PANITIA: ['committee secretary', 'committee secretaries'],
  ANGGOTA_PANITIA: ['committee member', 'committee members'],
  KASI_PEMERINTAHAN: ['Kasi Pemerintahan', 'Kasi Pemerintahan'],
  PENGAWAS: ['supervisor', 'supervisors'],
  BPD: ['BPD member', 'BPD members'],
  CAMAT: ['Camat', 'Camat'],
  INSTANSI: ['agency representative', 'agency representatives'],
};

const en: ExportLabels = {
  fileStem: 'attendance-list',
  columns: {
    no: 'No',
    name: 'Name',
    role: 'Role',
    village: 'Village',
    kecamatan: 'Kecamatan',
    phone: 'Phone',
    present: 'Present',
    presentShort: 'Pres.',
    checkedInAt: 'Checked in at',
    signature: 'Signature',
    registered: 'Registered',
  },
  yes: 'Yes',
  no: 'No',
  role: {
    KETUA_PANITIA: 'Committee chair',
    SEKRETARIS_PANITIA: 'Committee secretary',
    ANGGOTA_PANITIA: 'Committee member',
    KASI_PEMERINTAHAN: 'Kasi Pemerintahan',
    PENGAWAS: 'Supervisor',
    BPD: 'BPD member',
    CAMAT: 'Camat',
    INSTANSI: 'Agency representative',
  },
  roleCount: (role, count) => `${count} ${ROLE_EN[role][count === 1 ? 0 : 1]}`,
  sheets: { list: 'Attendance', recap: 'Recap' },
  title: 'ATTENDANCE LIST',
  government: (regencyName) => `GOVERNMENT OF ${regencyName}`.toUpperCase(),
  details: { date: 'Day / Date', venue: 'Venue', event: 'Event' },
  recap: {
    heading: 'Attendance recap',
    byRole: 'By role',
    byKecamatan: 'By kecamatan',
    missing: 'Not yet present',
    total: 'Total',
    attended: (present, registered) => `${present} of ${registered} registered participants present`,
    villages: (represented, expected) => `${represented} of ${expected} villages represented`,
    missingPrefix: 'Not yet present',
    missingFrom: (role, units) => `${role} from ${units}`,
    shortBy: (role, count) => `${role}: ${count} more needed`,
    andMore: (count) => `and ${count} more`,
    nobodyMissing: 'Every village and kecamatan is complete.',
  },
  unit: { village: (name) => `Village ${name}`, kecamatan: (name) => `Kecamatan ${name}` },
  page: (page, total) => `Page ${page} of ${total}`,
  continued: 'continued',
  recordedBy: 'Recorded by,',
  signatureName: '(.......................................)',
  idNumber: 'Staff ID ..............................',
};

const dictionaries: Record<ExportLang, ExportLabels> = { id, en };

/** The labels of an export in the asked language (Indonesian unless English is asked for). */
export function exportLabels(lang: ExportLang | undefined): ExportLabels {
  return dictionaries[lang ?? 'id'];
}
