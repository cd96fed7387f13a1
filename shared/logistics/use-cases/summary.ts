/** The logistics picture: per item and per desa, for the summary page and its exports alike. */
import { getRegions } from '#shared/regions/use-cases.ts';
import type { LogisticsSummary } from '../contract.ts';
import { queryAllShipments } from '../repository/shipments.ts';
import { buildLogisticsExport, type LogisticsExport } from '../rules/summary.ts';
import { allLedgers } from './allocations.ts';
import { listItems } from './catalogue.ts';

/**
 * Everything the summary and the exports show, as of now: three Queries (catalogue, ledgers,
 * shipments) and the region list, then one pure aggregation.
 */
export async function loadLogisticsExport(): Promise<LogisticsExport> {
  const [items, ledgers, shipments, regions] = await Promise.all([
    listItems(),
    allLedgers(),
    queryAllShipments(),
    getRegions(),
  ]);
  return buildLogisticsExport({ items, ledgers, shipments, regions });
}

/** Per item: allocated, shipped and what arrived in which condition; per desa: its state. */
export async function logisticsSummary(): Promise<LogisticsSummary> {
  const picture = await loadLogisticsExport();
  return {
    items: picture.totals.map(({ name, ...total }) => ({ ...total, name })),
    villages: picture.villages,
    states: picture.states,
  };
}
