import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { BadRequest, type FieldIssue, ValidationFailed } from '#shared/kernel/errors.ts';
import { parseOrThrow } from '#shared/kernel/validation.ts';
import { RegionsInput } from './contract.ts';
import { columnMissing, fileColumns, fileRows, fileUnreadable, kecamatanNameDiffers } from './messages.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column names people actually use, mapped to ours (case, spaces and underscores ignored). */
const COLUMNS: Record<string, keyof Row> = {
  kodekecamatan: 'kecamatanCode',
  kodekec: 'kecamatanCode',
  namakecamatan: 'kecamatanName',
  kecamatan: 'kecamatanName',
  kodedesa: 'villageCode',
  kodedesakelurahan: 'villageCode',
  namadesa: 'villageName',
  desa: 'villageName',
  dpt: 'dpt',
  jumlahdpt: 'dpt',
  tps: 'tps',
  jumlahtps: 'tps',
};
const REQUIRED: Array<keyof Row> = ['kecamatanCode', 'kecamatanName', 'villageCode', 'villageName'];

interface Row {
  kecamatanCode: string;
  kecamatanName: string;
  villageCode: string;
  villageName: string;
  dpt: string;
  tps: string;
}

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z]/g, '');
}

async function readCells(bytes: Buffer, mediaType: string): Promise<string[][]> {
  if (mediaType === XLSX_MEDIA_TYPE) {
    try {
      const sheet = await readSheet(bytes);
      return sheet.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim())));
    } catch {
      throw new BadRequest(fileUnreadable);
    }
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  if (parsed.errors.some((error) => error.type === 'Quotes')) throw new BadRequest(fileUnreadable);
  return parsed.data.map((row) => row.map((cell) => cell.trim()));
}

/**
 * Reads a region list (one row per desa, with its kecamatan) from CSV or XLSX into the same input
 * as PUT /regions. Problems are reported per file row and column, e.g. `baris 7.kode_desa`.
 */
export async function readRegionFile(bytes: Buffer, mediaType: string): Promise<RegionsInput> {
  const [header = [], ...rows] = await readCells(bytes, mediaType);
  const columns = header.map((name) => COLUMNS[normalizeHeader(name)]);
  const missing = REQUIRED.filter((field) => !columns.includes(field));
  if (missing.length > 0) {
    throw new ValidationFailed(
      missing.map((field) => ({ field: `header.${field}`, key: columnMissing })),
      fileColumns,
    );
  }
  const issues: FieldIssue[] = [];
  const kecamatan = new Map<string, string>();
  const villages: RegionsInput['villages'] = [];
  rows.forEach((cells, index) => {
    const row = Object.fromEntries(
      columns.flatMap((field, column) => (field ? [[field, cells[column] ?? '']] : [])),
    ) as Partial<Row>;
    const line = index + 2;
    const number = (value: string | undefined, name: string) => {
      if (!value) return undefined;
      if (!/^\d+$/.test(value)) {
        issues.push({ field: `row.${line}.${name}`, key: 'field.integer' });
        return undefined;
      }
      return Number(value);
    };
    for (const field of REQUIRED) {
      if (!row[field]) issues.push({ field: `row.${line}.${field}`, key: 'field.required' });
    }
    const known = kecamatan.get(row.kecamatanCode ?? '');
    if (known !== undefined && known !== row.kecamatanName) {
      issues.push({ field: `row.${line}.kecamatanName`, key: kecamatanNameDiffers });
    }
    if (row.kecamatanCode && row.kecamatanName) kecamatan.set(row.kecamatanCode, row.kecamatanName);
    villages.push({
      code: row.villageCode ?? '',
      name: row.villageName ?? '',
      kecamatanCode: row.kecamatanCode ?? '',
      dpt: number(row.dpt, 'dpt'),
      tps: number(row.tps, 'tps'),
    });
  });
  for (const village of villages) {
    if (village.dpt === undefined) delete village.dpt;
    if (village.tps === undefined) delete village.tps;
  }
  const input = { kecamatan: [...kecamatan].map(([code, name]) => ({ code, name })), villages };
  // One pass reports everything: cell problems found above and code formats the schema finds.
  try {
    const parsed = parseOrThrow(RegionsInput, input);
    if (issues.length === 0) return parsed;
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    const found = new Set(issues.map((issue) => issue.field));
    for (const issue of toFileIssues(error.spec.issues ?? [], input.kecamatan)) {
      if (!found.has(issue.field)) issues.push(issue);
    }
  }
  throw new ValidationFailed(sortByRow(issues).slice(0, 100), fileRows);
}

function sortByRow(issues: FieldIssue[]): FieldIssue[] {
  const rowOf = (field: string) => Number(/^row\.(\d+)\./.exec(field)?.[1] ?? 0);
  return [...issues].sort((a, b) => rowOf(a.field) - rowOf(b.field));
}

const FILE_COLUMNS: Record<string, string> = {
  code: 'villageCode',
  name: 'villageName',
  kecamatanCode: 'kecamatanCode',
  dpt: 'dpt',
  tps: 'tps',
};

/** Points schema issues (`villages.4.code`) at the file's rows and columns (`row.6.villageCode`). */
function toFileIssues(issues: FieldIssue[], kecamatan: Array<{ code: string }>): FieldIssue[] {
  return issues.map((issue) => {
    const [list, index, field = ''] = issue.field.split('.');
    if (list === 'villages') return { ...issue, field: `row.${Number(index) + 2}.${FILE_COLUMNS[field] ?? field}` };
    if (list === 'kecamatan') {
      const code = kecamatan[Number(index)]?.code ?? '';
      return { ...issue, field: `kecamatan.${code}.${field === 'code' ? 'kecamatanCode' : 'kecamatanName'}` };
    }
    return issue;
  });
}
