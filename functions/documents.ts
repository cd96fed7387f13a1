/**
 * Signed BAST photos and scans, and the SK Panitia attached through an invitation: presigned
 * uploads, verification, short-lived download links.
 */

import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as logistics from '#shared/logistics/contract.ts';
import * as contracts from '#shared/logistics/receipt-contract.ts';
import { completeUpload, documentLink, requestUpload } from '#shared/logistics/use-cases/documents.ts';
import * as sk from '#shared/sessions/sk-contract.ts';
import { completeSkUpload, requestSkUpload, skLink } from '#shared/sessions/use-cases/sk-documents.ts';

export const handler = lambdaHandler('documents', {
  requestDocumentUpload: operation(contracts.requestDocumentUpload, async ({ params, body, sourceIp }) =>
    created(await requestUpload(params.receiptCode, body, sourceIp), `/receipts/${params.receiptCode}/documents`),
  ),
  completeDocumentUpload: operation(contracts.completeDocumentUpload, async ({ params, sourceIp }) =>
    ok(await completeUpload(params.receiptCode, params.documentId, sourceIp)),
  ),
  getDocumentLink: operation(logistics.getDocumentLink, async ({ params, scope }) =>
    ok(await documentLink(params.shipmentId, params.documentId, scope)),
  ),
  requestInvitationDocumentUpload: operation(sk.requestInvitationDocumentUpload, async ({ params, body, sourceIp }) =>
    created(await requestSkUpload(params.code, body, sourceIp), `/invitations/${params.code}/documents`),
  ),
  completeInvitationDocumentUpload: operation(sk.completeInvitationDocumentUpload, async ({ params, sourceIp }) =>
    ok(await completeSkUpload(params.code, params.documentId, sourceIp)),
  ),
  getRegistrationSkLink: operation(sk.getRegistrationSkLink, async ({ params }) =>
    ok(await skLink(params.sessionId, params.registrationId)),
  ),
});
