/**
 * The over-allocation rule every dispatch follows: a line is over when what the desa's standing
 * shipments already claimed plus what is asked now exceeds what was allocated. Pure.
 */

export interface OverLine {
  /** The line's position in the request. */
  index: number;
  itemCode: string;
  allocated: number;
  shipped: number;
  requested: number;
}

/** Units claimed per item by a set of shipment claims. */
export function claimedUnits(claims: Iterable<{ lines: Record<string, number> }>): Record<string, number> {
  const shipped: Record<string, number> = {};
  for (const claim of claims) {
    for (const [itemCode, quantity] of Object.entries(claim.lines)) {
      shipped[itemCode] = (shipped[itemCode] ?? 0) + quantity;
    }
  }
  return shipped;
}

/** The requested lines that would take a desa past its allocation (none: within it). */
export function overAllocatedLines(
  allocation: Readonly<Record<string, number>>,
  shipped: Readonly<Record<string, number>>,
  requested: ReadonlyArray<{ itemCode: string; quantity: number }>,
): OverLine[] {
  return requested.flatMap((line, index) => {
    const allocated = allocation[line.itemCode] ?? 0;
    const already = shipped[line.itemCode] ?? 0;
    return already + line.quantity > allocated
      ? [{ index, itemCode: line.itemCode, allocated, shipped: already, requested: line.quantity }]
      : [];
  });
}

/**
 * What can still be replaced per item: the units a confirmed receipt found heavily damaged or
 * missing, less what replacements already claimed for them.
 */
export function replaceableUnits(
  receipt: ReadonlyArray<{ itemCode: string; majorDamage: number; missing: number }>,
  replacements: Iterable<{ lines: Record<string, number> }>,
): Record<string, number> {
  const sent = claimedUnits(replacements);
  const left: Record<string, number> = {};
  for (const line of receipt) {
    const lost = line.majorDamage + line.missing - (sent[line.itemCode] ?? 0);
    if (lost > 0) left[line.itemCode] = (left[line.itemCode] ?? 0) + lost;
  }
  return left;
}
