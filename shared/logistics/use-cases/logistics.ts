import { ulid } from 'ulid';
import { regencyConfig } from '#shared/kernel/config.ts';
import type { Principal } from '#shared/kernel/http/auth.ts';
import {
  Conflict,
  type FieldIssue,
  HttpError,
  NotFound,
  ServiceUnavailable,
  ValidationFailed,
} from '#shared/kernel/http/errors.ts';
import { receiptUrl } from '#shared/kernel/http/url.ts';
import { type Actor, bounded, userActor, writeAudit } from '#shared/kernel/table/audit.ts';
import type {
  Allocation,
  FormulaInput,
  Item,
  LogisticsSummary,
  Receipt,
  Shipment,
  ShipmentInput,
  ShipmentSummary,
} from '#shared/logistics/contract.ts';
import {
  itemUnknown,
  lineOverAllocation,
  overAllocation,
  receiptChanged,
  receiptNotConfirmed,
  receiptNotReported,
  receiptTooMany,
  receiptUnknownItem,
  shipmentNotFound,
  shipmentPending,
  villageNoFigures,
} from '#shared/logistics/messages.ts';
import {
  claimShipment,
  correctReceiptRecord,
  type DocumentRecord,
  existingShipmentIds,
  getLedger,
  getShipmentRecord,
  insertShipment,
  type LedgerRecord,
  nextNumber,
  queryAllShipments,
  queryDocuments,
  queryItems,
  queryLedgers,
  queryShipments,
  queryVillageShipments,
  type ReceiptRecord,
  releaseShipmentClaim,
  replaceReceiptCode,
  type ShipmentRecord,
  saveAllocation,
  upsertItem,
} from '#shared/logistics/repository.ts';
import { allocateAll, totalLines } from '#shared/logistics/rules/allocation.ts';
import { checkReport, hasDiscrepancy, type ReceiptProblem, settleReport } from '#shared/logistics/rules/receipt.ts';
import { hashReceiptCode, newReceiptCode } from '#shared/logistics/rules/receipt-code.ts';
import { buildLogisticsExport } from '#shared/logistics/rules/summary.ts';
import { getKecamatan, getVillage, loadRegions } from '#shared/regions/repository.ts';

/** A shipment claim with no shipment record after this long belongs to a request that died. */
const ABANDONED_CLAIM_MS = 60_000;

// ---- Catalogue -------------------------------------------------------------------------------

/** The catalogue, sorted by code. */
export async function listItems(): Promise<Item[]> {
  return (await queryItems()).sort((a, b) => a.code.localeCompare(b.code));
}

/** Creates or renames an item. */
export async function putItem(code: string, input: { name: string; unit: string }, principal: Principal | null) {
  const item = { code, ...input };
  await upsertItem(item, (before) => ({
    scope: 'CATALOGUE',
    at: new Date().toISOString(),
    action: before ? 'item.updated' : 'item.created',
    actor: userActor(principal),
    entityId: code,
    before: before ?? null,
    after: item,
  }));
  return item;
}

async function catalogue(): Promise<Map<string, Item>> {
  return new Map((await queryItems()).map((item) => [item.code, item]));
}

function checkLines(lines: ReadonlyArray<{ itemCode: string }>, items: Map<string, Item>, field = 'lines'): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (!items.has(line.itemCode)) issues.push({ field: `${field}.${index}.itemCode`, key: itemUnknown });
    else if (seen.has(line.itemCode)) issues.push({ field: `${field}.${index}.itemCode`, key: 'field.duplicate' });
    seen.add(line.itemCode);
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
}

// ---- Allocation -----------------------------------------------------------------------------

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

/** Every desa that has an allocation. */
export async function listAllocations(): Promise<Allocation[]> {
  return (await queryLedgers())
    .filter((ledger) => ledger.allocationUpdatedAt)
    .map(toAllocation)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode));
}

/** Sets one desa's allocation by hand. */
export async function putAllocation(
  villageCode: string,
  lines: Array<{ itemCode: string; quantity: number }>,
  principal: Principal | null,
): Promise<Allocation> {
  const [items, village, before] = await Promise.all([catalogue(), getVillage(villageCode), getLedger(villageCode)]);
  if (!village) throw new NotFound();
  checkLines(lines, items);
  const at = new Date().toISOString();
  const allocation = Object.fromEntries(lines.map((line) => [line.itemCode, line.quantity]));
  await saveAllocation(villageCode, allocation, 'manual', at);
  await writeAudit({
    scope: 'ALLOCATION',
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

/** Allocations from DPT/TPS and per-item rules, for every desa asked (default all); nothing is saved. */
export async function previewAllocations(input: FormulaInput) {
  const [items, regions] = await Promise.all([catalogue(), loadRegions()]);
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
    return { villageCode: code, ...figures, lines: allocateAll(input.rules, figures) };
  });
  return { allocations, totals: totalLines(allocations.flatMap((allocation) => allocation.lines)) };
}

/** Calculates as the preview does and saves every desa's allocation. */
export async function applyAllocations(input: FormulaInput, principal: Principal | null) {
  const preview = await previewAllocations(input);
  const at = new Date().toISOString();
  const ledgers = new Map((await queryLedgers()).map((ledger) => [ledger.villageCode, ledger]));
  for (let i = 0; i < preview.allocations.length; i += 10) {
    await Promise.all(
      preview.allocations
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
    scope: 'ALLOCATION',
    at,
    action: 'allocation.formulaApplied',
    actor: userActor(principal),
    entityId: 'formula',
    before: bounded({
      allocations: preview.allocations.map((allocation) => ({
        code: allocation.villageCode,
        ...(ledgers.get(allocation.villageCode)?.allocation ?? {}),
      })),
    }),
    after: { rules: input.rules, totals: preview.totals, villages: preview.allocations.length },
  });
  return preview;
}

// ---- Shipments ------------------------------------------------------------------------------

function toReceipt(record: ReceiptRecord): Receipt {
  const { clientRequestId: _id, ...receipt } = record;
  return receipt;
}

function toSummary(record: ShipmentRecord): ShipmentSummary {
  return {
    id: record.id,
    bastNumber: record.bastNumber,
    villageCode: record.villageCode,
    kecamatanCode: record.kecamatanCode,
    lines: record.lines,
    status: record.status,
    createdAt: record.createdAt,
    receipt: record.receipt ? toReceipt(record.receipt) : null,
  };
}

/** The full shipment as organizers see it. */
export function toShipment(record: ShipmentRecord, documents: DocumentRecord[]): Shipment {
  return {
    ...toSummary(record),
    handedOverBy: record.handedOverBy,
    receivedBy: record.receivedBy,
    overAllocation: record.overAllocation,
    receiptHistory: (record.receiptHistory ?? []).map(toReceipt),
    documents: documents
      .filter((document) => document.status !== 'rejected')
      .map(({ id, fileName, contentType, size, status, createdAt }) => ({
        id,
        fileName,
        contentType,
        size,
        status,
        createdAt,
      })),
  };
}

function bastNumber(sequence: number, year: string): string {
  return `${String(sequence).padStart(3, '0')}/BAST-PILKADES/DPMD/${regencyConfig().slug.toUpperCase()}/${year}`;
}

/**
 * Claims that still count against the allocation: those whose shipment exists, and young ones
 * whose shipment may still be being written. Older orphans (a request that died between claim
 * and write) are released.
 */
async function standingClaims(ledger: LedgerRecord): Promise<LedgerRecord['claims']> {
  const ids = Object.keys(ledger.claims);
  if (ids.length === 0) return {};
  const existing = await existingShipmentIds(ids);
  const standing: LedgerRecord['claims'] = {};
  for (const [id, claim] of Object.entries(ledger.claims)) {
    if (existing.has(id) || Date.now() - Date.parse(claim.at) < ABANDONED_CLAIM_MS) standing[id] = claim;
    else await releaseShipmentClaim(ledger.villageCode, id);
  }
  return standing;
}

/**
 * Dispatches goods to a desa. The desa's ledger is the gate: the shipment's quantities are
 * claimed in it with an optimistic lock, so two organizers shipping at once can never together
 * exceed the allocation unnoticed. Then the shipment, its receipt-code lookup and the audit entry
 * are written together. The receipt code is answered here and never stored.
 */
export async function createShipment(input: ShipmentInput, principal: Principal | null, baseUrl: string) {
  const [items, village] = await Promise.all([catalogue(), getVillage(input.villageCode)]);
  if (!village) throw new ValidationFailed([{ field: 'villageCode', key: 'field.village.unknown' }]);
  const kecamatan = await getKecamatan(village.kecamatanCode);
  checkLines(input.lines, items);
  const requested = Object.fromEntries(input.lines.map((line) => [line.itemCode, line.quantity]));

  for (let attempt = 0; attempt < 4; attempt++) {
    const ledger = await getLedger(input.villageCode);
    const claims = await standingClaims(ledger);
    const shipped: Record<string, number> = {};
    for (const claim of Object.values(claims)) {
      for (const [itemCode, quantity] of Object.entries(claim.lines))
        shipped[itemCode] = (shipped[itemCode] ?? 0) + quantity;
    }
    const over = input.lines.flatMap((line, index) => {
      const allocated = ledger.allocation[line.itemCode] ?? 0;
      const already = shipped[line.itemCode] ?? 0;
      return already + line.quantity > allocated
        ? [{ index, itemCode: line.itemCode, allocated, shipped: already, requested: line.quantity }]
        : [];
    });
    if (over.length > 0 && !input.override) {
      throw new HttpError(409, {
        title: 'problem.conflict',
        detail: overAllocation,
        issues: over.map(({ index, allocated, shipped: already, requested: asked }) => ({
          field: `lines.${index}.quantity`,
          key: lineOverAllocation,
          params: { allocated, shipped: already, requested: asked },
        })),
        extra: { overAllocation: over.map(({ index: _index, ...numbers }) => numbers) },
      });
    }
    const id = ulid();
    const at = new Date().toISOString();
    if (!(await claimShipment(ledger, id, { at, lines: requested }))) continue;

    const year = at.slice(0, 4);
    const code = newReceiptCode();
    const record: ShipmentRecord = {
      id,
      bastNumber: bastNumber(await nextNumber(`BAST#${year}`), year),
      villageCode: village.code,
      kecamatanCode: village.kecamatanCode,
      villageName: village.name,
      kecamatanName: kecamatan?.name ?? village.kecamatanCode,
      lines: input.lines.map((line) => {
        const item = items.get(line.itemCode);
        return {
          itemCode: line.itemCode,
          name: item?.name ?? line.itemCode,
          unit: item?.unit ?? '',
          quantity: line.quantity,
        };
      }),
      status: 'shipped',
      createdAt: at,
      createdBy: { sub: principal?.sub ?? '-', name: principal?.name ?? '-' },
      handedOverBy: input.handedOverBy,
      receivedBy: input.receivedBy,
      overAllocation: over.length > 0 ? input.override : undefined,
      receiptHash: hashReceiptCode(code),
    };
    const { receiptHash: _hash, ...visible } = record;
    try {
      await insertShipment(record, {
        scope: `SHIPMENT#${id}`,
        at,
        action: 'shipment.created',
        actor: userActor(principal),
        entityId: id,
        after: visible,
        villageCode: village.code,
      });
    } catch (error) {
      await releaseShipmentClaim(village.code, id).catch(() => undefined);
      throw error;
    }
    return { ...toShipment(record, []), receiptCode: code, receiptUrl: receiptUrl(baseUrl, code) };
  }
  throw new ServiceUnavailable(2, undefined, shipmentPending);
}

/** One shipment with documents, or 404. */
export async function getShipment(shipmentId: string): Promise<Shipment> {
  const [record, documents] = await Promise.all([getShipmentRecord(shipmentId), queryDocuments(shipmentId)]);
  if (!record) throw new NotFound(shipmentNotFound);
  return toShipment(record, documents);
}

/** Shipments newest first, all or of one desa. */
export async function listShipments(query: { limit?: number; cursor?: string; villageCode?: string }) {
  const page = query.villageCode
    ? await queryVillageShipments(query.villageCode, query.limit ?? 100, query.cursor)
    : await queryShipments(query.limit ?? 100, query.cursor);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** A new receipt code for a shipment; the old one stops working. */
export async function rotateReceiptCode(shipmentId: string, principal: Principal | null, baseUrl: string) {
  const record = await getShipmentRecord(shipmentId);
  if (!record) throw new NotFound(shipmentNotFound);
  const code = newReceiptCode();
  await replaceReceiptCode(record, hashReceiptCode(code), {
    scope: `SHIPMENT#${shipmentId}`,
    at: new Date().toISOString(),
    action: 'shipment.receiptCodeReplaced',
    actor: userActor(principal),
    entityId: shipmentId,
    villageCode: record.villageCode,
  });
  return { receiptCode: code, receiptUrl: receiptUrl(baseUrl, code) };
}

function receiptIssue(problem: ReceiptProblem): FieldIssue {
  if (problem.kind === 'unknownItem') return { field: `lines.${problem.index}.itemCode`, key: receiptUnknownItem };
  if (problem.kind === 'duplicateItem') return { field: `lines.${problem.index}.itemCode`, key: 'field.duplicate' };
  if (problem.kind === 'tooMany') {
    return { field: `lines.${problem.index}.good`, key: receiptTooMany, params: { shipped: problem.shipped } };
  }
  return { field: `lines.${problem.itemCode}`, key: receiptNotReported };
}

/** Checks a village's report against its shipment and settles the lines; 400 with field issues if wrong. */
export function settleOrThrow(
  record: ShipmentRecord,
  lines: ReadonlyArray<{ itemCode: string; good: number; minorDamage: number; majorDamage: number }>,
) {
  const problems = checkReport(record.lines, lines);
  if (problems.length > 0) {
    throw new ValidationFailed(problems.map(receiptIssue));
  }
  const settled = settleReport(record.lines, lines);
  return { lines: settled, discrepancy: hasDiscrepancy(settled) };
}

/** An admin's correction of a confirmed receipt; the previous one stays in the history. */
export async function correctReceipt(
  shipmentId: string,
  input: {
    lines: Array<{ itemCode: string; good: number; minorDamage: number; majorDamage: number }>;
    note?: string;
    reason: string;
  },
  principal: Principal | null,
): Promise<Shipment> {
  const record = await getShipmentRecord(shipmentId);
  if (!record) throw new NotFound(shipmentNotFound);
  if (!record.receipt) throw new Conflict(receiptNotConfirmed);
  const previous = record.receipt;
  const { lines, discrepancy } = settleOrThrow(record, input.lines);
  const at = new Date().toISOString();
  const next: ReceiptRecord = {
    receivedBy: previous.receivedBy,
    lines,
    note: input.note ?? previous.note,
    confirmedAt: previous.confirmedAt,
    discrepancy,
    version: previous.version + 1,
    correctedBy: { name: principal?.name ?? '-', reason: input.reason },
  };
  if (!(await correctReceiptRecord(shipmentId, previous, next))) throw new Conflict(receiptChanged);
  const actor: Actor = userActor(principal);
  await writeAudit({
    scope: `SHIPMENT#${shipmentId}`,
    at,
    action: 'receipt.corrected',
    actor,
    entityId: shipmentId,
    before: toReceipt(previous),
    after: toReceipt(next),
    villageCode: record.villageCode,
  });
  return getShipment(shipmentId);
}

// ---- Oversight ------------------------------------------------------------------------------

/**
 * The logistics picture: per item allocated, shipped and what arrived in which condition; per
 * desa its state. Three Queries (catalogue, ledgers, shipments) and the region list, then the same
 * pure aggregation the CSV/XLSX exports use.
 */
export async function logisticsSummary(): Promise<LogisticsSummary> {
  const [items, ledgers, shipments, regions] = await Promise.all([
    listItems(),
    queryLedgers(),
    queryAllShipments(),
    loadRegions(),
  ]);
  const picture = buildLogisticsExport({ items, ledgers, shipments, regions });
  return {
    items: picture.totals.map(({ name, ...total }) => ({ ...total, name })),
    villages: picture.villages,
    states: picture.states,
  };
}
