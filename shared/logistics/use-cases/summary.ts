/** The logistics picture: per item and per desa, for the summary page and its exports alike. */
import { inScope, regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import type { LogisticsSummary } from '../contract.ts';
import { queryAllShipments, queryShipmentsSince } from '../repository/shipments.ts';
import { buildLogisticsExport, type LogisticsExport } from '../rules/summary.ts';
import { allLedgers } from './allocations.ts';
import { listItems } from './catalogue.ts';

/**
 * Everything the summary and the exports show, as of now: three Queries (catalogue, ledgers,
 * shipments) and the region list, then one pure aggregation; for a kecamatan account, of its own
 * desa only (their totals are its totals).
 */
export async function loadLogisticsExport(scope: Scope = regencyScope): Promise<LogisticsExport> {
  const [items, ledgers, shipments, regions] = await Promise.all([
    listItems(),
    allLedgers(),
    queryAllShipments(),
    getRegions(scope),
  ]);
  return buildLogisticsExport({
    items,
    ledgers: ledgers.filter((ledger) => inScope(scope, ledger.villageCode)),
    shipments: shipments.filter((shipment) => inScope(scope, shipment.villageCode)),
    regions,
  });
}

/** Per item: allocated, shipped and what arrived in which condition; per desa: its state. */
export async function logisticsSummary(scope: Scope = regencyScope): Promise<LogisticsSummary> {
  const picture = await loadLogisticsExport(scope);
  return {
    items: picture.totals.map(({ name, ...total }) => ({ ...total, name })),
    villages: picture.villages,
    states: picture.states,
  };
}

/**
 * What a wave's readiness board reads of logistics: the catalogue, every desa's allocation, and
 * the shipments dispatched since a given instant (the wave's own months), each a Query.
 */
export async function logisticsSince(since: string) {
  const [items, ledgers, { shipments }] = await Promise.all([listItems(), allLedgers(), queryShipmentsSince(since)]);
  return { items, ledgers, shipments };
}
