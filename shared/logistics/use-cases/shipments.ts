/** Dispatching goods to a desa, its BAST and receipt code, and an admin's correction of a receipt. */
import { ulid } from 'ulid';
import { type Principal, stamp, userActor } from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { Conflict, NotFound, ServiceUnavailable, ValidationFailed } from '#shared/kernel/errors.ts';
import { open, seal } from '#shared/kernel/secrets.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findKecamatan, findVillage } from '#shared/regions/use-cases.ts';
import type { Shipment, ShipmentInput } from '../contract.ts';
import { receiptUrl } from '../links.ts';
import {
  lineOverAllocation,
  overAllocation,
  receiptChanged,
  receiptCodeNotKept,
  receiptNotConfirmed,
  shipmentNotFound,
  shipmentPending,
} from '../messages.ts';
import type { LedgerRecord, ReceiptRecord, ShipmentRecord } from '../records.ts';
import { queryDocuments } from '../repository/documents.ts';
import { claimShipment, getLedger, releaseShipmentClaim } from '../repository/ledgers.ts';
import {
  correctReceiptRecord,
  existingShipmentIds,
  getShipmentRecord,
  insertShipment,
  nextBastSequence,
  queryShipments,
  queryVillageShipments,
  replaceReceiptCode,
} from '../repository/shipments.ts';
import { claimedUnits, overAllocatedLines } from '../rules/over-allocation.ts';
import { settleOrThrow } from '../rules/receipt.ts';
import { hashReceiptCode, newReceiptCode } from '../rules/receipt-code.ts';
import { toReceipt, toShipment, toSummary } from '../views.ts';
import { catalogue, checkLines } from './catalogue.ts';

/** A shipment claim with no shipment record after this long belongs to a request that died. */
const ABANDONED_CLAIM_MS = 60_000;

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
  const [items, village] = await Promise.all([catalogue(), findVillage(input.villageCode)]);
  if (!village) throw new ValidationFailed([{ field: 'villageCode', key: 'field.village.unknown' }]);
  const kecamatan = await findKecamatan(village.kecamatanCode);
  checkLines(input.lines, items);
  const requested = Object.fromEntries(input.lines.map((line) => [line.itemCode, line.quantity]));

  for (let attempt = 0; attempt < 4; attempt++) {
    const ledger = await getLedger(input.villageCode);
    const shipped = claimedUnits(Object.values(await standingClaims(ledger)));
    const over = overAllocatedLines(ledger.allocation, shipped, input.lines);
    if (over.length > 0 && !input.override) {
      throw new Conflict(
        overAllocation,
        {},
        { overAllocation: over.map(({ index: _index, ...numbers }) => numbers) },
        over.map(({ index, allocated, shipped: already, requested: asked }) => ({
          field: `lines.${index}.quantity`,
          key: lineOverAllocation,
          params: { allocated, shipped: already, requested: asked },
        })),
      );
    }
    const id = ulid();
    const at = new Date().toISOString();
    if (!(await claimShipment(ledger, id, { at, lines: requested }))) continue;

    const year = at.slice(0, 4);
    const code = newReceiptCode();
    const receiptCodeSealed = await seal(code, receiptCodeContext(id));
    const record: ShipmentRecord = {
      id,
      bastNumber: bastNumber(await nextBastSequence(year), year),
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
      createdBy: stamp(principal),
      handedOverBy: input.handedOverBy,
      receivedBy: input.receivedBy,
      overAllocation: over.length > 0 ? input.override : undefined,
      receiptHash: hashReceiptCode(code),
      receiptCodeSealed,
    };
    const { receiptHash: _hash, receiptCodeSealed: _sealed, ...visible } = record;
    try {
      await insertShipment(record, {
        scope: scopes.shipment(id),
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

/** One shipment as stored, or 404 (for the BAST and other domains' views). */
export async function shipmentRecord(shipmentId: string): Promise<ShipmentRecord> {
  const record = await getShipmentRecord(shipmentId);
  if (!record) throw new NotFound(shipmentNotFound);
  return record;
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

/** What a sealed receipt code is bound to: it opens only as this shipment's receipt code. */
function receiptCodeContext(shipmentId: string) {
  return { purpose: 'receipt-code', shipmentId };
}

/**
 * A shipment's current receipt code, opened from its sealed copy (organizers reprint the same BAST
 * and resend the same link with it); undefined for a shipment dispatched before codes were kept.
 */
export async function currentReceiptCode(record: ShipmentRecord): Promise<string | undefined> {
  return record.receiptCodeSealed ? open(record.receiptCodeSealed, receiptCodeContext(record.id)) : undefined;
}

/** The shipment's receipt code and the village's link, to send or print again. */
export async function receiptLink(shipmentId: string, baseUrl: string) {
  const code = await currentReceiptCode(await shipmentRecord(shipmentId));
  if (!code) throw new Conflict(receiptCodeNotKept);
  return { receiptCode: code, receiptUrl: receiptUrl(baseUrl, code) };
}

/** A new receipt code for a lost or leaked one; the old one (and every link and QR with it) stops working. */
export async function rotateReceiptCode(shipmentId: string, principal: Principal | null, baseUrl: string) {
  const record = await shipmentRecord(shipmentId);
  const code = newReceiptCode();
  await replaceReceiptCode(record, hashReceiptCode(code), await seal(code, receiptCodeContext(shipmentId)), {
    scope: scopes.shipment(shipmentId),
    at: new Date().toISOString(),
    action: 'shipment.receiptCodeReplaced',
    actor: userActor(principal),
    entityId: shipmentId,
    villageCode: record.villageCode,
  });
  return { receiptCode: code, receiptUrl: receiptUrl(baseUrl, code) };
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
  const record = await shipmentRecord(shipmentId);
  if (!record.receipt) throw new Conflict(receiptNotConfirmed);
  const previous = record.receipt;
  const { lines, discrepancy } = settleOrThrow(record.lines, input.lines);
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
  await writeAudit({
    scope: scopes.shipment(shipmentId),
    at,
    action: 'receipt.corrected',
    actor: userActor(principal),
    entityId: shipmentId,
    before: toReceipt(previous),
    after: toReceipt(next),
    villageCode: record.villageCode,
  });
  return getShipment(shipmentId);
}
