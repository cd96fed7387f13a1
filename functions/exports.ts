/** Spreadsheet downloads: attendance lists and logistics per desa, as CSV and XLSX. */
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { file } from '#shared/kernel/http/reply.ts';
import * as logistics from '#shared/logistics/contract.ts';
import { exportLogistics } from '#shared/logistics/exports/summary.ts';
import * as sessions from '#shared/sessions/contract.ts';
import { exportAttendance } from '#shared/sessions/exports/attendance.ts';

export const handler = lambdaHandler('exports', {
  exportAttendanceCsv: operation(sessions.exportAttendanceCsv, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'csv', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportAttendanceXlsx: operation(sessions.exportAttendanceXlsx, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'xlsx', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportLogisticsCsv: operation(logistics.exportLogisticsCsv, async ({ query }) => {
    const { bytes, contentType, fileName } = await exportLogistics('csv', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportLogisticsXlsx: operation(logistics.exportLogisticsXlsx, async ({ query }) => {
    const { bytes, contentType, fileName } = await exportLogistics('xlsx', query.lang);
    return file(bytes, contentType, fileName);
  }),
});
