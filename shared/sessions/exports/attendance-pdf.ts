/** The printable daftar hadir of a session (PDF), from the same data as the spreadsheets. */
import { regencyConfig } from '#shared/kernel/config.ts';
import { loadAttendanceExport } from './attendance.ts';
import { type ExportLang, exportLabels } from './labels.ts';
import { attendancePdf } from './pdf.ts';
import { exportFileName } from './rows.ts';

/** A session's daftar hadir as PDF, in the given language (Indonesian by default). */
export async function attendancePdfFile(
  sessionId: string,
  lang: ExportLang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const data = await loadAttendanceExport(sessionId);
  const labels = exportLabels(lang);
  const bytes = await attendancePdf(data, labels, lang, regencyConfig().name);
  return { bytes, contentType: 'application/pdf', fileName: exportFileName(labels, data.session.date, 'pdf') };
}
