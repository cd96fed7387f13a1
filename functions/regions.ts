/** Region master data: the kecamatan and desa of the regency. */

import { userActor } from '#shared/kernel/caller.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/regions/contract.ts';
import { getRegions, upsertRegions } from '#shared/regions/use-cases.ts';

export const handler = lambdaHandler('regions', {
  getRegions: operation(contracts.getRegions, async () => ok(await getRegions())),
  putRegions: operation(contracts.putRegions, async ({ body, principal }) =>
    ok(await upsertRegions(body, userActor(principal))),
  ),
});
