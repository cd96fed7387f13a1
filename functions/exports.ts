/** Spreadsheet downloads: attendance lists, logistics per desa, a wave's readiness and schedule, as CSV and XLSX. */
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { file } from '#shared/kernel/http/reply.ts';
import * as logistics from '#shared/logistics/contract.ts';
import { exportLogistics } from '#shared/logistics/exports/summary.ts';
import * as sessions from '#shared/sessions/contract.ts';
import { exportAttendance } from '#shared/sessions/exports/attendance.ts';
import * as waves from '#shared/waves/contract.ts';
import { exportReadiness } from '#shared/waves/exports/readiness.ts';
import { exportScheduleXlsx } from '#shared/waves/exports/schedule-xlsx.ts';

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
  exportReadinessCsv: operation(waves.exportReadinessCsv, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportReadiness(params.waveId, 'csv', query.date, query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportReadinessXlsx: operation(waves.exportReadinessXlsx, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportReadiness(params.waveId, 'xlsx', query.date, query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportScheduleXlsx: operation(waves.exportScheduleXlsx, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportScheduleXlsx(params.waveId, query.lang);
    return file(bytes, contentType, fileName);
  }),
});
