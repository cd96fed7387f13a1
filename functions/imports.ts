/** Region lists uploaded as CSV or XLSX files (parsers live only in this function). */
import * as contracts from '#shared/contracts/regions.ts';
import { userActor } from '#shared/data/audit.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { ok } from '#shared/http/reply.ts';
import { readRegionFile } from '#shared/services/region-files.ts';
import { upsertRegions } from '#shared/services/regions.ts';

export const handler = lambdaHandler('imports', {
  importRegions: operation(contracts.importRegions, async ({ body, principal }) => {
    const input = await readRegionFile(body.bytes, body.mediaType);
    return ok(await upsertRegions(input, userActor(principal)));
  }),
});
