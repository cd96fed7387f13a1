/**
 * CSV exports, for Excel and for other systems: the attendance list (one row per registration) and
 * the logistics per desa and item. One writer for both, so both get the same byte-order mark, line
 * ends and formula guard.
 */
import Papa from 'papaparse';
import type { LogisticsLabels } from '#shared/logistics/exports/labels.ts';
import { FIGURES, type LogisticsRow } from '#shared/logistics/rules/summary.ts';
import type { ExportLabels } from '#shared/sessions/exports/labels.ts';
import { type ExportRow, formatCheckInTime, WIB } from '#shared/sessions/exports/rows.ts';
import type { RegencyTimeZone } from './config.ts';

/** Excel reads a CSV without a byte-order mark as ANSI and garbles "Ñañez" and "Nur’aini". */
const BOM = '\uFEFF';

/**
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one). papaparse prefixes them with an apostrophe; its default pattern stops at a line
 * break, so ours tests the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The list's header and rows as cells, in the order every export uses. */
export function attendanceTable(
  rows: readonly ExportRow[],
  labels: ExportLabels,
  timeZone: RegencyTimeZone = WIB,
): string[][] {
  const { columns } = labels;
  return [
    [
      columns.no,
      columns.name,
      columns.role,
      columns.village,
      columns.kecamatan,
      columns.phone,
      columns.present,
      columns.checkedInAt,
    ],
    ...rows.map((row) => [
      String(row.no),
      row.fullName,
      labels.role[row.role],
      row.villageName,
      row.kecamatanName,
      row.phone,
      row.present ? labels.yes : labels.no,
      formatCheckInTime(row.checkedInAt, timeZone),
    ]),
  ];
}

/** Renders cells as CSV text: UTF-8 with a byte-order mark, CRLF line ends, formulas defused. */
export function toCsv(table: readonly (readonly string[])[]): string {
  return (
    BOM +
    Papa.unparse(
      table.map((row) => [...row]),
      { escapeFormulae: FORMULA_START, newline: '\r\n' },
    )
  );
}

/** Renders the attendance list as CSV text. */
export function attendanceCsv(
  rows: readonly ExportRow[],
  labels: ExportLabels,
  timeZone: RegencyTimeZone = WIB,
): string {
  return toCsv(attendanceTable(rows, labels, timeZone));
}

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
