/** Receipt by the village: read and confirm one shipment with its receipt code (no account). */
import * as contracts from '#shared/contracts/receipts.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { created, ok } from '#shared/http/reply.ts';
import { confirmReceipt, receiptView } from '#shared/services/receipts.ts';

export const handler = lambdaHandler('receipts', {
  getReceipt: operation(contracts.getReceipt, async ({ params, sourceIp }) =>
    ok(await receiptView(params.receiptCode, sourceIp)),
  ),
  confirmReceipt: operation(contracts.confirmReceipt, async ({ params, body, sourceIp }) => {
    const { view, created: isNew } = await confirmReceipt(params.receiptCode, body, sourceIp);
    return isNew ? created(view, `/receipts/${params.receiptCode}`) : ok(view);
  }),
});
