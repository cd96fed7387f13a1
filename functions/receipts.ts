/** Receipt by the village: read and confirm one shipment with its receipt code (no account). */

import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/logistics/receipt-contract.ts';
import { confirmReceipt, receiptView } from '#shared/logistics/use-cases/receipts.ts';

export const handler = lambdaHandler('receipts', {
  getReceipt: operation(contracts.getReceipt, async ({ params, sourceIp }) =>
    ok(await receiptView(params.receiptCode, sourceIp)),
  ),
  confirmReceipt: operation(contracts.confirmReceipt, async ({ params, body, sourceIp }) => {
    const { view, created: isNew } = await confirmReceipt(params.receiptCode, body, sourceIp);
    return isNew ? created(view, `/receipts/${params.receiptCode}`) : ok(view);
  }),
});
