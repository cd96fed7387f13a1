/**
 * Attendance exports of a session (CSV, XLSX, PDF). Three reads, all in parallel: the session's
 * plan (GetItem), its registrations and check-ins (one Query), and the region names (one Query).
 */

import { regencyConfig } from '#shared/kernel/config.ts';
import { attendanceCsv } from '#shared/kernel/csv.ts';
import { NotFound } from '#shared/kernel/http/errors.ts';
import { loadRegions } from '#shared/regions/repository.ts';
import { sessionNotFound } from '#shared/sessions/messages.ts';
import { queryAttendance } from '#shared/sessions/registration-repository.ts';
import { getSessionPlan } from '#shared/sessions/repository.ts';
import { type ExportLang, exportLabels } from './labels.ts';
import { attendancePdf } from './pdf.ts';
import { type AttendanceExport, buildAttendanceExport, exportFileName } from './rows.ts';
import { attendanceXlsx } from './xlsx.ts';

const regency = regencyConfig();

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Everything an export shows about a session, or 404 when there is no such session. */
export async function loadAttendanceExport(sessionId: string): Promise<AttendanceExport> {
  const [plan, attendance, regions] = await Promise.all([
    getSessionPlan(sessionId),
    queryAttendance(sessionId),
    loadRegions(),
  ]);
  if (!plan) throw new NotFound(sessionNotFound);
  return buildAttendanceExport(plan, attendance.registrations, attendance.checkIns, regions);
}

/** A session's attendance list as a file in the given format and language (Indonesian by default). */
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
  else if (format === 'xlsx') bytes = await attendanceXlsx(data, labels, lang, timeZone);
  else bytes = await attendancePdf(data, labels, lang, regency.name);
  return { bytes, contentType: CONTENT_TYPES[format], fileName: exportFileName(labels, data.session.date, format) };
}
