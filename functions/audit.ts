/** The audit trail: who changed what and when, per session, shipment, desa or regency-wide list. */
import * as contracts from '#shared/contracts/audit.ts';
import { queryTrail, queryVillageTrail } from '#shared/data/audit-trail.ts';
import { lambdaHandler } from '#shared/http/lambda.ts';
import { operation } from '#shared/http/operation.ts';
import { ok } from '#shared/http/reply.ts';

const TRAILS = { regions: 'REGION', catalogue: 'CATALOGUE', allocations: 'ALLOCATION' } as const;

export const handler = lambdaHandler('audit', {
  listAudit: operation(contracts.listAudit, async ({ query }) => {
    const limit = query.limit ?? 50;
    const page = query.villageCode
      ? await queryVillageTrail(query.villageCode, limit, query.cursor)
      : await queryTrail(
          query.sessionId
            ? `SESSION#${query.sessionId}`
            : query.shipmentId
              ? `SHIPMENT#${query.shipmentId}`
              : TRAILS[query.trail ?? 'regions'],
          limit,
          query.cursor,
        );
    return ok({ items: page.items.map(({ scope: _scope, ...entry }) => entry), nextCursor: page.nextCursor });
  }),
});
