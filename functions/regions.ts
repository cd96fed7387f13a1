/** Region master data: the kecamatan and desa of the regency. */
import * as contracts from '#shared/contracts/regions.ts';
import { userActor } from '#shared/data/audit.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { ok } from '#shared/http/reply.ts';
import { getRegions, upsertRegions } from '#shared/services/regions.ts';

export const handler = lambdaHandler('regions', {
  getRegions: operation(contracts.getRegions, async () => ok(await getRegions())),
  putRegions: operation(contracts.putRegions, async ({ body, principal }) =>
    ok(await upsertRegions(body, userActor(principal))),
  ),
});
