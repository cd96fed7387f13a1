import { type FieldIssue, ValidationFailed } from '#shared/kernel/errors.ts';
import { receiptNotReported, receiptTooMany, receiptUnknownItem } from '../messages.ts';

/**
 * What a village reports on arrival, per line: how many units came in good condition, lightly
 * damaged (rusak ringan), heavily damaged (rusak berat). Whatever is not accounted for is missing.
 */

export interface ShippedLine {
  itemCode: string;
  quantity: number;
}

export interface ReportedLine {
  itemCode: string;
  good: number;
  minorDamage: number;
  majorDamage: number;
}

export interface ReceiptLineResult extends ReportedLine {
  shipped: number;
  missing: number;
}

export type ReceiptProblem =
  | { kind: 'unknownItem'; index: number }
  | { kind: 'duplicateItem'; index: number }
  | { kind: 'tooMany'; index: number; shipped: number }
  | { kind: 'itemNotReported'; itemCode: string };

/**
 * Checks a report against what was shipped: every shipped item reported exactly once, no item
 * that was not shipped, and never more units than were shipped. Returns the problems found.
 */
export function checkReport(shipped: readonly ShippedLine[], reported: readonly ReportedLine[]): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  const quantities = new Map(shipped.map((line) => [line.itemCode, line.quantity]));
  const seen = new Set<string>();
  reported.forEach((line, index) => {
    const quantity = quantities.get(line.itemCode);
    if (quantity === undefined) problems.push({ kind: 'unknownItem', index });
    else if (seen.has(line.itemCode)) problems.push({ kind: 'duplicateItem', index });
    else if (line.good + line.minorDamage + line.majorDamage > quantity) {
      problems.push({ kind: 'tooMany', index, shipped: quantity });
    }
    seen.add(line.itemCode);
  });
  for (const line of shipped) {
    if (!seen.has(line.itemCode)) problems.push({ kind: 'itemNotReported', itemCode: line.itemCode });
  }
  return problems;
}

/** The lines of a valid report with shipped and missing filled in, in shipment order. */
export function settleReport(shipped: readonly ShippedLine[], reported: readonly ReportedLine[]): ReceiptLineResult[] {
  const byItem = new Map(reported.map((line) => [line.itemCode, line]));
  return shipped.map((line) => {
    const report = byItem.get(line.itemCode) ?? { itemCode: line.itemCode, good: 0, minorDamage: 0, majorDamage: 0 };
    const accounted = report.good + report.minorDamage + report.majorDamage;
    return { ...report, shipped: line.quantity, missing: line.quantity - accounted };
  });
}

/** A receipt shows a discrepancy when anything arrived damaged or did not arrive. */
export function hasDiscrepancy(lines: readonly ReceiptLineResult[]): boolean {
  return lines.some((line) => line.minorDamage > 0 || line.majorDamage > 0 || line.missing > 0);
}

export type VillageState = 'notShipped' | 'partlyShipped' | 'awaitingConfirmation' | 'confirmed' | 'discrepancy';

/**
 * Whether a desa was sent less of some item than it was allocated (its "Sisa" is above 0): the
 * summary, its exports and the pages judge "partly shipped" by this one rule.
 */
export function shortOfAllocation(items: Iterable<{ allocated: number; shipped: number }>): boolean {
  for (const item of items) if (item.shipped < item.allocated) return true;
  return false;
}

/**
 * A desa's state from its shipments and its allocation: a confirmed discrepancy in one of them
 * shows first (it needs action), then a desa sent less than it was allocated ("partly shipped",
 * confirmed or not: it is not complete), then anything still awaiting confirmation, then received
 * in full; no shipment at all is "not shipped".
 */
export function villageState(
  shipments: ReadonlyArray<{ confirmed: boolean; discrepancy: boolean }>,
  shortOfAllocation = false,
): VillageState {
  if (shipments.length === 0) return 'notShipped';
  if (shipments.some((shipment) => shipment.confirmed && shipment.discrepancy)) return 'discrepancy';
  if (shortOfAllocation) return 'partlyShipped';
  if (shipments.some((shipment) => !shipment.confirmed)) return 'awaitingConfirmation';
  return 'confirmed';
}

function receiptIssue(problem: ReceiptProblem): FieldIssue {
  if (problem.kind === 'unknownItem') return { field: `lines.${problem.index}.itemCode`, key: receiptUnknownItem };
  if (problem.kind === 'duplicateItem') return { field: `lines.${problem.index}.itemCode`, key: 'field.duplicate' };
  if (problem.kind === 'tooMany') {
    return { field: `lines.${problem.index}.good`, key: receiptTooMany, params: { shipped: problem.shipped } };
  }
  return { field: `lines.${problem.itemCode}`, key: receiptNotReported };
}

/**
 * Checks a report (the village's, or an admin's correction) against its shipment and settles the
 * lines; a wrong report is refused with one field message per problem.
 */
export function settleOrThrow(
  shipped: readonly ShippedLine[],
  reported: readonly ReportedLine[],
): { lines: ReceiptLineResult[]; discrepancy: boolean } {
  const problems = checkReport(shipped, reported);
  if (problems.length > 0) throw new ValidationFailed(problems.map(receiptIssue));
  const lines = settleReport(shipped, reported);
  return { lines, discrepancy: hasDiscrepancy(lines) };
}
