/** Downloads: attendance lists (CSV, XLSX, PDF), logistics per desa (CSV, XLSX) and a shipment's BAST (PDF). */
import * as logistics from '#shared/contracts/logistics.ts';
import * as sessions from '#shared/contracts/sessions.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { file } from '#shared/http/reply.ts';
import { publicBaseUrl } from '#shared/http/url.ts';
import { exportAttendance } from '#shared/services/exports/attendance.ts';
import { exportBast } from '#shared/services/exports/bast.ts';
import { exportLogistics } from '#shared/services/exports/logistics.ts';

export const handler = lambdaHandler('exports', {
  exportAttendanceCsv: operation(sessions.exportAttendanceCsv, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'csv', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportAttendanceXlsx: operation(sessions.exportAttendanceXlsx, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'xlsx', query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportAttendancePdf: operation(sessions.exportAttendancePdf, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportAttendance(params.sessionId, 'pdf', query.lang);
    return file(bytes, contentType, fileName);
  }),
  getBast: operation(logistics.getBast, async ({ params, headers, event }) => {
    const { bytes, contentType, fileName } = await exportBast(
      params.shipmentId,
      headers['x-receipt-code'],
      publicBaseUrl(event),
    );
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
