/**
 * One row per figure: its value, the floor measured in the same run, the ratio and the goal.
 * The bench reports; it does not judge (it always exits 0), but a missed goal is printed MISSED.
 */

export interface Goal {
  /** What the goal limits: the ratio to the floor, or the value itself. */
  on: 'ratio' | 'value';
  max: number;
}

export interface Row {
  figure: string;
  value: number;
  floor: number | null;
  unit: string;
  goal: Goal | null;
  /** Anything the reader needs to trust the figure (sample size, errors seen). */
  note?: string;
}

export interface Result extends Row {
  ratio: number | null;
  met: boolean | null;
}

/** Adds the ratio and whether the goal was met. */
export function judge(row: Row): Result {
  const ratio = row.floor ? row.value / row.floor : null;
  const measured = row.goal?.on === 'ratio' ? ratio : row.value;
  const met = row.goal && measured !== null ? measured <= row.goal.max : null;
  return { ...row, ratio, met };
}

function number(value: number, unit: string): string {
  if (unit === 'B') return value >= 10_000 ? `${(value / 1000).toFixed(1)} kB` : `${value} B`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (unit === 'req/s') return `${value.toFixed(0)} req/s`;
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`.trim();
}

function goalText(goal: Goal | null, unit: string): string {
  if (!goal) return '-';
  return goal.on === 'ratio' ? `<= ${goal.max}x` : `<= ${number(goal.max, unit)}`;
}

function verdict(met: boolean | null): string {
  if (met === null) return '-';
  return met ? 'met' : 'MISSED';
}

/** The cells of a result, as printed (shared by the console table and the README table). */
export function cells(result: Result): string[] {
  return [
    result.figure,
    number(result.value, result.unit),
    result.floor === null ? '-' : number(result.floor, result.unit),
    result.ratio === null ? '-' : `${result.ratio.toFixed(2)}x`,
    goalText(result.goal, result.unit),
    verdict(result.met),
  ];
}

const HEADERS = ['figure', 'value', 'floor', 'ratio', 'goal', 'met?'];

/** A plain-text table for the console. */
export function textTable(results: Result[]): string {
  const rows = [HEADERS, ...results.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown (for the README). */
export function markdownTable(results: Result[]): string {
  const row = (cellsOfRow: string[]) => `| ${cellsOfRow.join(' | ')} |`;
  return [row(HEADERS), row(HEADERS.map(() => '---')), ...results.map((result) => row(cells(result)))].join('\n');
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
