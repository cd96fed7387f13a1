/**
 * Allocation arithmetic. KPU plans ballots from the voter list plus a reserve; other goods follow
 * polling stations (ballot boxes, booths) or come as a fixed number per desa (seals, forms).
 * Every result is a whole number of units, rounded up: a desa never gets less than its rule says.
 */

export type Basis = 'perTps' | 'perVoter' | 'fixed';

export interface Rule {
  itemCode: string;
  basis: Basis;
  /** Units per TPS, per voter, or per desa. */
  quantity: number;
  /** Reserve on top, in percent (KPU uses 2.5% for ballots). */
  reservePercent?: number;
}

export interface VillageFigures {
  dpt: number;
  tps: number;
}

/** Units of one item for one desa. Computed in integer hundredths to avoid 0.1 + 0.2 surprises. */
export function allocate(rule: Rule, figures: VillageFigures): number {
  const base = rule.basis === 'perTps' ? figures.tps : rule.basis === 'perVoter' ? figures.dpt : 1;
  const units = Math.round(base * rule.quantity * 100);
  const withReserve = units * (10_000 + Math.round((rule.reservePercent ?? 0) * 100));
  return Math.ceil(withReserve / 1_000_000 - 1e-9);
}

/** The lines a desa gets under a set of rules (items with zero units are left out). */
export function allocateAll(
  rules: readonly Rule[],
  figures: VillageFigures,
): Array<{ itemCode: string; quantity: number }> {
  return rules
    .map((rule) => ({ itemCode: rule.itemCode, quantity: allocate(rule, figures) }))
    .filter((line) => line.quantity > 0);
}

/** Sums lines per item, in the order items first appear. */
export function totalLines(
  lines: Iterable<{ itemCode: string; quantity: number }>,
): Array<{ itemCode: string; quantity: number }> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.itemCode, (totals.get(line.itemCode) ?? 0) + line.quantity);
  return [...totals].map(([itemCode, quantity]) => ({ itemCode, quantity }));
}
