/** Region lists uploaded as CSV or XLSX files (parsers live only in this function). */

import { userActor } from '#shared/kernel/caller.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/regions/contract.ts';
import { readRegionFile } from '#shared/regions/files.ts';
import { upsertRegions } from '#shared/regions/use-cases.ts';

export const handler = lambdaHandler('imports', {
  importRegions: operation(contracts.importRegions, async ({ body, principal }) => {
    const input = await readRegionFile(body.bytes, body.mediaType);
    return ok(await upsertRegions(input, userActor(principal)));
  }),
});
