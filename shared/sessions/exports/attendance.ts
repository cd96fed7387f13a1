/**
 * Attendance exports of a session (CSV, XLSX; the PDF is in attendance-pdf.ts). Reads, all in parallel: the session and what it
 * expects, its registrations with their check-in times (one Query), and the region names.
 */

import { regencyConfig } from '#shared/kernel/config.ts';
import { CSV_CONTENT_TYPE } from '#shared/kernel/csv.ts';
import { XLSX_CONTENT_TYPE } from '#shared/kernel/xlsx.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import { rolesOf } from '../rules/roles.ts';
import { sessionRoster } from '../use-cases/roster.ts';
import { attendanceCsv } from './csv.ts';
import { type ExportLang, exportLabels } from './labels.ts';
import { type AttendanceExport, buildAttendanceExport, exportFileName } from './rows.ts';
import { attendanceXlsx } from './xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES = { csv: CSV_CONTENT_TYPE, xlsx: XLSX_CONTENT_TYPE } as const;

/** Everything an export shows about a session, or 404 when there is no such session. */
export async function loadAttendanceExport(sessionId: string): Promise<AttendanceExport> {
  const [roster, regions] = await Promise.all([sessionRoster(sessionId), getRegions()]);
  const { session, units, registrations } = roster;
  const plan = {
    ...session,
    roles: rolesOf(session),
    villages: Object.fromEntries(units.filter((u) => u.kind === 'village').map((u) => [u.code, u.kecamatanCode])),
    kecamatan: Object.fromEntries(units.filter((u) => u.kind === 'kecamatan').map((u) => [u.code, 1])),
  };
  const checkIns = registrations.flatMap((r) => (r.checkedInAt ? [{ registrationId: r.id, at: r.checkedInAt }] : []));
  return buildAttendanceExport(plan, registrations, checkIns, regions);
}

/** A session's attendance list as a spreadsheet in the given format and language (Indonesian by default). */
export async function exportAttendance(
  sessionId: string,
  format: ExportFormat,
  lang: ExportLang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const data = await loadAttendanceExport(sessionId);
  const labels = exportLabels(lang);
  let bytes: Uint8Array;
  const { timeZone } = regencyConfig();
  if (format === 'csv') bytes = Buffer.from(attendanceCsv(data.rows, labels, timeZone), 'utf8');
  else bytes = await attendanceXlsx(data, labels, lang, timeZone);
  return { bytes, contentType: CONTENT_TYPES[format], fileName: exportFileName(labels, data.session.date, format) };
}
