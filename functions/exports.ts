/** Attendance list downloads: CSV, XLSX and the printable PDF daftar hadir. */
import * as contracts from '#shared/contracts/sessions.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { file } from '#shared/http/reply.ts';
import { exportAttendance } from '#shared/services/exports/attendance.ts';

export const handler = lambdaHandler('exports', {
  exportAttendanceCsv: operation(contracts.exportAttendanceCsv, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'csv', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportAttendanceXlsx: operation(contracts.exportAttendanceXlsx, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'xlsx', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportAttendancePdf: operation(contracts.exportAttendancePdf, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'pdf', query.lang);
    return file(bytes, contentType, fileName);
  }),
});
