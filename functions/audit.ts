/** The audit trail: who changed what and when, per session, shipment, desa or regency-wide list. */
import * as contracts from '#shared/audit/contract.ts';
import { listAudit } from '#shared/audit/use-cases.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';

export const handler = lambdaHandler('audit', {
  listAudit: operation(contracts.listAudit, async ({ query }) => ok(await listAudit(query))),
});
