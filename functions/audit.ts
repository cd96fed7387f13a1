/** The audit trail: who changed what and when, per session, shipment, desa or regency-wide list. */
import * as contracts from '#shared/audit/contract.ts';
import { queryTrail, queryVillageTrail } from '#shared/audit/repository.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok } from '#shared/kernel/http/reply.ts';

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
