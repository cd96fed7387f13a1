/** Region master data: the kecamatan and desa of the regency; and the health check, the smallest read of the table. */

import { userActor } from '#shared/kernel/caller.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/regions/contract.ts';
import { checkHealth, getRegions, upsertRegions } from '#shared/regions/use-cases.ts';

export const handler = lambdaHandler('regions', {
  getRegions: operation(contracts.getRegions, async ({ scope }) => ok(await getRegions(scope))),
  getHealth: operation(contracts.getHealth, async () => ok(await checkHealth())),
  putRegions: operation(contracts.putRegions, async ({ body, principal }) =>
    ok(await upsertRegions(body, userActor(principal))),
  ),
});
