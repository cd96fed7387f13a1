/** Signed BAST photos and scans: presigned uploads, verification, short-lived download links. */

import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as logistics from '#shared/logistics/contract.ts';
import * as contracts from '#shared/logistics/receipt-contract.ts';
import { completeUpload, documentLink, requestUpload } from '#shared/logistics/use-cases/documents.ts';

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
});
