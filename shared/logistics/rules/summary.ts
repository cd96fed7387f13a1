/**
 * The logistics picture, used by GET /logistics/summary and by the CSV/XLSX exports alike: one row per desa and item (the long format, which Excel can
 * filter and pivot), the per-item totals and the count of desa in each state. Built from what the
 * table holds (catalogue, ledgers, shipments, regions) with the same arithmetic as
 * `GET /logistics/summary`, so the totals equal that summary; the integration tests prove it.
 * Pure: no I/O.
 */
import { compareNames } from '#shared/kernel/people/names.ts';
import { shortOfAllocation, type VillageState, villageState } from './receipt.ts';

/** The counters of one item: what was allocated, shipped, and what arrived in which condition. */
export interface ItemFigures {
  allocated: number;
  shipped: number;
  good: number;
  minorDamage: number;
  majorDamage: number;
  missing: number;
}

/** The states in the order a report lists them: from nothing done to done, then trouble. */
export const VILLAGE_STATES: readonly VillageState[] = [
  'notShipped',
  'partlyShipped',
  'awaitingConfirmation',
  'confirmed',
  'discrepancy',
];

/** The order in which every export lists the counters. */
export const FIGURES = ['allocated', 'shipped', 'good', 'minorDamage', 'majorDamage', 'missing'] as const;

export interface LogisticsRow extends ItemFigures {
  kecamatanCode: string;
  kecamatanName: string;
  villageCode: string;
  villageName: string;
  state: VillageState;
  itemCode: string;
  itemName: string;
  unit: string;
}

export interface ItemTotal extends ItemFigures {
  itemCode: string;
  name: string;
  unit: string;
}

export interface VillageStatus {
  villageCode: string;
  kecamatanCode: string;
  state: VillageState;
  shipments: number;
}

export interface LogisticsExport {
  rows: LogisticsRow[];
  totals: ItemTotal[];
  /** Desa of the region list per state. */
  states: Record<VillageState, number>;
  /** Every desa of the region list with its state, in region order. */
  villages: VillageStatus[];
}

/** What the export reads, in the shapes the data modules answer. */
export interface LogisticsSource {
  items: ReadonlyArray<{ code: string; name: string; unit: string }>;
  ledgers: ReadonlyArray<{ villageCode: string; allocation?: Record<string, number> }>;
  shipments: ReadonlyArray<{
    villageCode: string;
    kecamatanCode: string;
    lines: ReadonlyArray<{ itemCode: string; quantity: number }>;
    receipt?: {
      discrepancy: boolean;
      lines: ReadonlyArray<{
        itemCode: string;
        good: number;
        minorDamage: number;
        majorDamage: number;
        missing: number;
      }>;
    };
  }>;
  regions: {
    kecamatan: ReadonlyArray<{ code: string; name: string }>;
    villages: ReadonlyArray<{ code: string; name: string; kecamatanCode: string }>;
  };
}

const zero = (): ItemFigures => ({ allocated: 0, shipped: 0, good: 0, minorDamage: 0, majorDamage: 0, missing: 0 });

/**
 * Every desa gets a row for every item, zeros included, so each desa has the same rows and a
 * filter on "Belum dikirim" still lists the desa that got nothing. A desa or item that is in the
 * ledgers or shipments but no longer in the region list or catalogue keeps its rows (named by its
 * code), so no shipped unit drops out of the totals.
 */
export function buildLogisticsExport(source: LogisticsSource): LogisticsExport {
  const kecamatanName = new Map(source.regions.kecamatan.map((unit) => [unit.code, unit.name]));
  const villages = new Map(
    source.regions.villages.map((village) => [
      village.code,
      { name: village.name, kecamatanCode: village.kecamatanCode, listed: true },
    ]),
  );
  const items = new Map(source.items.map((item) => [item.code, { name: item.name, unit: item.unit }]));
  const figures = new Map<string, Map<string, ItemFigures>>();
  const figuresOf = (villageCode: string, itemCode: string): ItemFigures => {
    if (!items.has(itemCode)) items.set(itemCode, { name: itemCode, unit: '' });
    let perItem = figures.get(villageCode);
    if (!perItem) {
      perItem = new Map();
      figures.set(villageCode, perItem);
    }
    let entry = perItem.get(itemCode);
    if (!entry) {
      entry = zero();
      perItem.set(itemCode, entry);
    }
    return entry;
  };
  const unlisted = (villageCode: string, kecamatanCode: string) => {
    if (!villages.has(villageCode)) villages.set(villageCode, { name: villageCode, kecamatanCode, listed: false });
  };

  for (const ledger of source.ledgers) {
    unlisted(ledger.villageCode, '');
    for (const [itemCode, quantity] of Object.entries(ledger.allocation ?? {})) {
      figuresOf(ledger.villageCode, itemCode).allocated += quantity;
    }
  }
  const shipmentsOf = new Map<string, Array<{ confirmed: boolean; discrepancy: boolean }>>();
  for (const shipment of source.shipments) {
    unlisted(shipment.villageCode, shipment.kecamatanCode);
    const village = villages.get(shipment.villageCode);
    // A desa known only from its ledger learns its kecamatan from a shipment.
    if (village && !village.listed && !village.kecamatanCode) village.kecamatanCode = shipment.kecamatanCode;
    for (const line of shipment.lines) figuresOf(shipment.villageCode, line.itemCode).shipped += line.quantity;
    for (const line of shipment.receipt?.lines ?? []) {
      const entry = figuresOf(shipment.villageCode, line.itemCode);
      entry.good += line.good;
      entry.minorDamage += line.minorDamage;
      entry.majorDamage += line.majorDamage;
      entry.missing += line.missing;
    }
    const list = shipmentsOf.get(shipment.villageCode) ?? [];
    list.push({ confirmed: Boolean(shipment.receipt), discrepancy: shipment.receipt?.discrepancy ?? false });
    shipmentsOf.set(shipment.villageCode, list);
  }

  // The catalogue by code, as the summary lists it, then codes found only in the data.
  const catalogued = new Set(source.items.map((item) => item.code));
  const itemCodes = [...items.keys()].sort(
    (a, b) => Number(catalogued.has(b)) - Number(catalogued.has(a)) || a.localeCompare(b),
  );

  const states: Record<VillageState, number> = {
    notShipped: 0,
    partlyShipped: 0,
    awaitingConfirmation: 0,
    confirmed: 0,
    discrepancy: 0,
  };
  const statuses: VillageStatus[] = [];
  const rows: LogisticsRow[] = [];
  for (const [villageCode, village] of villages) {
    const short = shortOfAllocation(figures.get(villageCode)?.values() ?? []);
    const state = villageState(shipmentsOf.get(villageCode) ?? [], short);
    if (village.listed) {
      states[state]++;
      statuses.push({
        villageCode,
        kecamatanCode: village.kecamatanCode,
        state,
        shipments: shipmentsOf.get(villageCode)?.length ?? 0,
      });
    }
    for (const itemCode of itemCodes) {
      const item = items.get(itemCode);
      rows.push({
        kecamatanCode: village.kecamatanCode,
        kecamatanName: kecamatanName.get(village.kecamatanCode) ?? village.kecamatanCode,
        villageCode,
        villageName: village.name,
        state,
        itemCode,
        itemName: item?.name ?? itemCode,
        unit: item?.unit ?? '',
        ...(figures.get(villageCode)?.get(itemCode) ?? zero()),
      });
    }
  }
  const itemOrder = new Map(itemCodes.map((code, index) => [code, index]));
  rows.sort(
    (a, b) =>
      compareNames(a.kecamatanName, b.kecamatanName) ||
      a.kecamatanCode.localeCompare(b.kecamatanCode) ||
      compareNames(a.villageName, b.villageName) ||
      a.villageCode.localeCompare(b.villageCode) ||
      (itemOrder.get(a.itemCode) ?? 0) - (itemOrder.get(b.itemCode) ?? 0),
  );

  const totals = itemCodes.map((itemCode): ItemTotal => {
    const item = items.get(itemCode);
    const total: ItemTotal = { itemCode, name: item?.name ?? itemCode, unit: item?.unit ?? '', ...zero() };
    for (const perItem of figures.values()) {
      const entry = perItem.get(itemCode);
      if (entry) for (const figure of FIGURES) total[figure] += entry[figure];
    }
    return total;
  });

  return { rows, totals, states, villages: statuses };
}
