/** The attendance list as CSV: one row per registration, for Excel and for other systems. */
import Papa from 'papaparse';
import type { ExportLabels } from './labels.ts';
import { type ExportRow, formatCheckInTime } from './rows.ts';

/** Excel reads a CSV without a byte-order mark as ANSI and garbles "Ñañez" and "Nur’aini". */
const BOM = '\uFEFF';

/**
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one). papaparse prefixes them with an apostrophe; its default pattern stops at a line
 * break, so ours tests the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The list's header and rows as cells, in the order every export uses. */
export function attendanceTable(rows: readonly ExportRow[], labels: ExportLabels): string[][] {
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
      formatCheckInTime(row.checkedInAt),
    ]),
  ];
}

/** Renders the list as CSV text, UTF-8 with a byte-order mark, CRLF line ends, formulas defused. */
export function attendanceCsv(rows: readonly ExportRow[], labels: ExportLabels): string {
  return BOM + Papa.unparse(attendanceTable(rows, labels), { escapeFormulae: FORMULA_START, newline: '\r\n' });
}
