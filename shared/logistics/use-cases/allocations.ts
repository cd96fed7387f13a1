/** How much of each item every desa should get: by hand, or by formula from DPT and TPS. */
import { inScope, type Principal, regencyScope, type Scope, userActor } from '#shared/kernel/caller.ts';
import { type FieldIssue, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { bounded, writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findVillage, getRegions } from '#shared/regions/use-cases.ts';
import type { Allocation, FormulaInput } from '../contract.ts';
import { villageNoFigures } from '../messages.ts';
import type { LedgerRecord } from '../records.ts';
import { getLedger, queryLedgers, saveAllocation } from '../repository/ledgers.ts';
import { allocateAll, totalLines } from '../rules/allocation.ts';
import { catalogue, checkLines } from './catalogue.ts';

function toAllocation(ledger: LedgerRecord): Allocation {
  return {
    villageCode: ledger.villageCode,
    lines: Object.entries(ledger.allocation)
      .map(([itemCode, quantity]) => ({ itemCode, quantity }))
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode)),
    source: ledger.allocationSource ?? 'manual',
    updatedAt: ledger.allocationUpdatedAt ?? '',
  };
}

/** Every desa that has an allocation (in the scope: a kecamatan account's own desa). */
export async function listAllocations(scope: Scope = regencyScope): Promise<Allocation[]> {
  return (await queryLedgers())
    .filter((ledger) => ledger.allocationUpdatedAt && inScope(scope, ledger.villageCode))
    .map(toAllocation)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode));
}

/** Every desa's ledger: allocation and standing claims (for the summary and exports). */
export function allLedgers(): Promise<LedgerRecord[]> {
  return queryLedgers();
}

/** Sets one desa's allocation by hand. */
export async function putAllocation(
  villageCode: string,
  lines: Array<{ itemCode: string; quantity: number }>,
  principal: Principal | null,
): Promise<Allocation> {
  const [items, village, before] = await Promise.all([catalogue(), findVillage(villageCode), getLedger(villageCode)]);
  if (!village) throw new NotFound();
  checkLines(lines, items);
  const at = new Date().toISOString();
  const allocation = Object.fromEntries(
    lines.filter((line) => line.quantity > 0).map((line) => [line.itemCode, line.quantity]),
  );
  await saveAllocation(villageCode, allocation, 'manual', at);
  await writeAudit({
    scope: scopes.allocations,
    at,
    action: 'allocation.set',
    actor: userActor(principal),
    entityId: villageCode,
    before: before.allocation,
    after: allocation,
    villageCode,
  });
  return toAllocation({ ...before, allocation, allocationSource: 'manual', allocationUpdatedAt: at });
}

/**
 * Allocations from DPT/TPS and per-item rules, for every desa asked (default all); nothing is
 * saved. A desa whose allocation was set by hand keeps it unless `replaceManual` says otherwise,
 * and the preview says which.
 */
export async function previewAllocations(input: FormulaInput) {
  const [items, regions, ledgers] = await Promise.all([catalogue(), getRegions(), queryLedgers()]);
  const byHand = new Map(
    ledgers
      .filter((ledger) => ledger.allocationSource === 'manual' && ledger.allocationUpdatedAt)
      .map((ledger) => [ledger.villageCode, ledger.allocation]),
  );
  checkLines(input.rules, items, 'rules');
  const byCode = new Map(regions.villages.map((village) => [village.code, village]));
  const codes = input.villageCodes ?? regions.villages.map((village) => village.code);
  const issues: FieldIssue[] = [];
  codes.forEach((code, index) => {
    const village = byCode.get(code);
    if (!village) issues.push({ field: `villageCodes.${index}`, key: 'field.village.unknown' });
    else if (village.dpt === undefined || village.tps === undefined) {
      issues.push({ field: `villageCodes.${index}`, key: villageNoFigures });
    }
  });
  if (issues.length > 0) throw new ValidationFailed(issues.slice(0, 50));
  const allocations = codes.map((code) => {
    const village = byCode.get(code);
    const figures = { dpt: village?.dpt ?? 0, tps: village?.tps ?? 0 };
    const manual = byHand.get(code);
    const kept = manual !== undefined && !input.replaceManual;
    const lines = kept
      ? Object.entries(manual)
          .map(([itemCode, quantity]) => ({ itemCode, quantity }))
          .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
      : allocateAll(input.rules, figures);
    return { villageCode: code, ...figures, lines, setByHand: manual !== undefined, kept };
  });
  const kept = allocations.filter((allocation) => allocation.kept).length;
  return {
    allocations,
    totals: totalLines(allocations.flatMap((allocation) => allocation.lines)),
    setByHand: { kept, replaced: allocations.filter((allocation) => allocation.setByHand).length - kept },
  };
}

/** Calculates as the preview does and saves every desa's allocation. */
export async function applyAllocations(input: FormulaInput, principal: Principal | null) {
  const preview = await previewAllocations(input);
  const at = new Date().toISOString();
  const ledgers = new Map((await queryLedgers()).map((ledger) => [ledger.villageCode, ledger]));
  // Allocations set by hand and kept are left exactly as they are (still marked as set by hand).
  const changed = preview.allocations.filter((allocation) => !allocation.kept);
  for (let i = 0; i < changed.length; i += 10) {
    await Promise.all(
      changed
        .slice(i, i + 10)
        .map((allocation) =>
          saveAllocation(
            allocation.villageCode,
            Object.fromEntries(allocation.lines.map((line) => [line.itemCode, line.quantity])),
            'formula',
            at,
          ),
        ),
    );
  }
  await writeAudit({
    scope: scopes.allocations,
    at,
    action: 'allocation.formulaApplied',
    actor: userActor(principal),
    entityId: 'formula',
    before: bounded({
      allocations: changed.map((allocation) => ({
        code: allocation.villageCode,
        ...(ledgers.get(allocation.villageCode)?.allocation ?? {}),
      })),
    }),
    after: {
      rules: input.rules,
      totals: preview.totals,
      villages: changed.length,
      setByHand: preview.setByHand,
    },
  });
  return preview;
}
