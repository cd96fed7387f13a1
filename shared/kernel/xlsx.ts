/** What every workbook of SIAP shares: a header row's look and bold text. */
import type { Cell } from 'write-excel-file/node';

const HEADER = { fontWeight: 'bold', backgroundColor: '#D9D9D9', borderStyle: 'thin' } as const;
/** Bold text, for headings and totals of every workbook. */
export const BOLD = { fontWeight: 'bold' } as const;

/** A header row as every workbook of SIAP sets it: bold on grey, thin borders. */
export function header(values: readonly string[]): Cell[] {
  return values.map((value) => ({ value, ...HEADER }));
}

/** The content type every workbook download is sent with. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
