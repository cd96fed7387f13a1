/** The logistics per desa and item as cells and as CSV text. */
import { toCsv } from '#shared/kernel/csv.ts';
import { FIGURES, type LogisticsRow } from '../rules/summary.ts';
import type { LogisticsLabels } from './labels.ts';

/** The logistics header and rows as cells: where, the desa's state in words, the item, its counters. */
export function logisticsTable(rows: readonly LogisticsRow[], labels: LogisticsLabels): string[][] {
  const { columns } = labels;
  return [
    [
      columns.kecamatan,
      columns.village,
      columns.villageCode,
      columns.state,
      columns.itemCode,
      columns.item,
      columns.unit,
      ...FIGURES.map((figure) => columns[figure]),
    ],
    ...rows.map((row) => [
      row.kecamatanName,
      row.villageName,
      row.villageCode,
      labels.state[row.state],
      row.itemCode,
      row.itemName,
      row.unit,
      ...FIGURES.map((figure) => String(row[figure])),
    ]),
  ];
}

/** Renders the logistics per desa and item as CSV text. */
export function logisticsCsv(rows: readonly LogisticsRow[], labels: LogisticsLabels): string {
  return toCsv(logisticsTable(rows, labels));
}
