/** The audit trail: who changed what and when, per session, shipment, desa or regency-wide list. */
import * as contracts from '#shared/audit/contract.ts';
import { listAudit } from '#shared/audit/use-cases.ts';
import { Forbidden } from '#shared/kernel/errors.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';

export const handler = lambdaHandler('audit', {
  listAudit: operation(contracts.listAudit, async ({ query, principal }) => {
    // Who was given or lost access, with their e-mail addresses, is the admins' to read (as Pengguna is).
    if (query.trail === 'users' && !principal?.groups.includes('admin')) throw new Forbidden();
    return ok(await listAudit(query));
  }),
});
