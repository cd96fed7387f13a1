/**
 * Printed documents: the daftar hadir, the BAST, a wave's readiness report and schedule. A function of its own, so the PDF writer and its
 * fonts load only where a PDF is made, never in front of a spreadsheet.
 */
import { publicUrl } from '#shared/kernel/config.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { file } from '#shared/kernel/http/reply.ts';
import * as logistics from '#shared/logistics/contract.ts';
import { exportBast } from '#shared/logistics/exports/bast.ts';
import * as sessions from '#shared/sessions/contract.ts';
import { attendancePdfFile } from '#shared/sessions/exports/attendance-pdf.ts';
import {
  badgesPdf,
  certificatePdf,
  certificatesPdf,
  invitationLettersPdf,
} from '#shared/sessions/exports/session-pdfs.ts';
import * as invitations from '#shared/sessions/invitation-contract.ts';
import * as waves from '#shared/waves/contract.ts';
import { exportReadinessPdf } from '#shared/waves/exports/readiness-pdf.ts';
import { exportSchedulePdf } from '#shared/waves/exports/schedule-pdf.ts';

export const handler = lambdaHandler('pdf', {
  exportAttendancePdf: operation(sessions.exportAttendancePdf, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await attendancePdfFile(params.sessionId, query.lang);
    return file(bytes, contentType, fileName);
  }),
  getBast: operation(logistics.getBast, async ({ params, headers }) => {
    const { bytes, contentType, fileName } = await exportBast(
      params.shipmentId,
      headers['x-receipt-code'],
      publicUrl(),
    );
    return file(bytes, contentType, fileName);
  }),
  exportReadinessPdf: operation(waves.exportReadinessPdf, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportReadinessPdf(params.waveId, query.date, query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportSchedulePdf: operation(waves.exportSchedulePdf, async ({ params, query }) => {
    const { bytes, contentType, fileName } = await exportSchedulePdf(params.waveId, query.lang);
    return file(bytes, contentType, fileName);
  }),
  exportInvitationLetters: operation(invitations.exportInvitationLetters, async ({ params, principal }) => {
    const { bytes, contentType, fileName } = await invitationLettersPdf(params.sessionId, principal);
    return file(bytes, contentType, fileName);
  }),
  exportBadges: operation(invitations.exportBadges, async ({ params }) => {
    const { bytes, contentType, fileName } = await badgesPdf(params.sessionId);
    return file(bytes, contentType, fileName);
  }),
  exportCertificates: operation(invitations.exportCertificates, async ({ params }) => {
    const { bytes, contentType, fileName } = await certificatesPdf(params.sessionId);
    return file(bytes, contentType, fileName);
  }),
  exportCertificate: operation(invitations.exportCertificate, async ({ params }) => {
    const { bytes, contentType, fileName } = await certificatePdf(params.sessionId, params.registrationId);
    return file(bytes, contentType, fileName);
  }),
});
