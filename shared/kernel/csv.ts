/**
 * CSV as every export of SIAP writes it, for Excel and for other systems: the same byte-order
 * mark, line ends and formula guard whatever the table.
 */
import Papa from 'papaparse';

/** Excel reads a CSV without a byte-order mark as ANSI and garbles "Ñañez" and "Nur’aini". */
const BOM = '\uFEFF';

/**
 * Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one). papaparse prefixes them with an apostrophe; its default pattern stops at a line
 * break, so ours tests the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

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

/** The content type every CSV download is sent with. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
