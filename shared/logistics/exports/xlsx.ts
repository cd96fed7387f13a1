/**
 * The logistics as an Excel workbook: sheet "Per Desa" (one row per desa and item, header frozen,
 * numbers as numbers, ready to filter or pivot) and sheet "Rekap Barang" (the per-item totals, as
 * `GET /logistics/summary` answers them, and the count of desa per state). Cells are typed strings
 * and numbers, never formulas, so a name starting with "=" stays text.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { BOLD, header } from '#shared/kernel/xlsx.ts';
import { FIGURES, type LogisticsExport, VILLAGE_STATES } from '#shared/logistics/rules/summary.ts';
import { logisticsTable } from './csv.ts';
import type { LogisticsLabels } from './labels.ts';

const count = (value: number, bold = false): Cell => ({ value, type: Number, ...(bold ? BOLD : {}) });

function villagesSheet(data: LogisticsExport, labels: LogisticsLabels): SheetData {
  // The same table as the CSV, with the counters as numbers.
  const [head = [], ...rows] = logisticsTable(data.rows, labels);
  const firstFigure = head.length - FIGURES.length;
  return [
    header(head),
    ...rows.map((cells) => cells.map((value, column): Cell => (column >= firstFigure ? count(Number(value)) : value))),
  ];
}

function totalsSheet(data: LogisticsExport, labels: LogisticsLabels, heading: string, asOf: string): SheetData {
  const { columns } = labels;
  const villages = VILLAGE_STATES.reduce((sum, state) => sum + data.states[state], 0);
  return [
    [{ value: heading, ...BOLD, fontSize: 13 }],
    [asOf],
    [],
    [{ value: labels.totalsHeading, ...BOLD }],
    header([columns.itemCode, columns.item, columns.unit, ...FIGURES.map((figure) => columns[figure])]),
    ...data.totals.map((total): Cell[] => [
      total.itemCode,
      total.name,
      total.unit,
      ...FIGURES.map((figure) => count(total[figure])),
    ]),
    [],
    [{ value: labels.statesHeading, ...BOLD }],
    header([columns.state, columns.villages]),
    ...VILLAGE_STATES.map((state): Cell[] => [labels.state[state], count(data.states[state])]),
    [{ value: labels.total, ...BOLD }, count(villages, true)],
  ];
}

/** Renders the workbook's bytes; `heading` and `asOf` head the totals sheet. */
export async function logisticsXlsx(
  data: LogisticsExport,
  labels: LogisticsLabels,
  heading: string,
  asOf: string,
): Promise<Buffer> {
  const figureColumns = FIGURES.map(() => ({ width: 13 }));
  return writeXlsxFile([
    {
      sheet: labels.sheets.villages,
      data: villagesSheet(data, labels),
      columns: [
        { width: 24 },
        { width: 24 },
        { width: 15 },
        { width: 21 },
        { width: 16 },
        { width: 36 },
        { width: 9 },
        ...figureColumns,
      ],
      stickyRowsCount: 1,
    },
    {
      sheet: labels.sheets.totals,
      data: totalsSheet(data, labels, heading, asOf),
      columns: [{ width: 21 }, { width: 40 }, { width: 9 }, ...figureColumns],
    },
  ]).toBuffer();
}
