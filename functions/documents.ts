/** Signed BAST photos and scans: presigned uploads, verification, short-lived download links. */
import * as logistics from '#shared/contracts/logistics.ts';
import * as contracts from '#shared/contracts/receipts.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { created, ok } from '#shared/http/reply.ts';
import { completeUpload, documentLink, requestUpload } from '#shared/services/documents.ts';

export const handler = lambdaHandler('documents', {
  requestDocumentUpload: operation(contracts.requestDocumentUpload, async ({ params, body, sourceIp }) =>
    created(await requestUpload(params.receiptCode, body, sourceIp), `/receipts/${params.receiptCode}/documents`),
  ),
  completeDocumentUpload: operation(contracts.completeDocumentUpload, async ({ params, sourceIp }) =>
    ok(await completeUpload(params.receiptCode, params.documentId, sourceIp)),
  ),
  getDocumentLink: operation(logistics.getDocumentLink, async ({ params }) =>
    ok(await documentLink(params.shipmentId, params.documentId)),
  ),
});
