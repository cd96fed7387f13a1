/**
 * Bulk work with a longer timeout: region lists uploaded as CSV or XLSX (the parsers live only in
 * this function), and participant lists sent in parts by the page.
 */
import { userActor } from '#shared/kernel/caller.ts';
import { statusOf } from '#shared/kernel/http/errors.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { explain } from '#shared/kernel/http/problem.ts';
import { ok } from '#shared/kernel/http/reply.ts';
import * as regions from '#shared/regions/contract.ts';
import { readRegionFile } from '#shared/regions/files.ts';
import { upsertRegions } from '#shared/regions/use-cases.ts';
import * as registrations from '#shared/sessions/registration-contract.ts';
import { importRegistrations } from '#shared/sessions/use-cases/import.ts';

export const handler = lambdaHandler('imports', {
  importRegions: operation(regions.importRegions, async ({ body, principal }) => {
    const input = await readRegionFile(body.bytes, body.mediaType);
    return ok(await upsertRegions(input, userActor(principal)));
  }),
  importRegistrations: operation(registrations.importRegistrations, async ({ params, body, principal, lang }) => {
    const outcome = await importRegistrations(params.sessionId, body.registrations, principal);
    return ok({
      created: outcome.created,
      unchanged: outcome.unchanged,
      rejected: outcome.rejected.map(({ index, error }) => ({
        index,
        status: statusOf(error),
        detail: explain(error, lang),
      })),
    });
  }),
});
