/** Dispatching goods to a desa, its BAST and receipt code, and an admin's correction of a receipt. */
import { ulid } from 'ulid';
import {
  inScope,
  type Principal,
  refuseOutside,
  regencyScope,
  type Scope,
  stamp,
  userActor,
} from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { Conflict, NotFound, ServiceUnavailable, ValidationFailed } from '#shared/kernel/errors.ts';
import { open, seal } from '#shared/kernel/secrets.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findKecamatan, findVillage } from '#shared/regions/use-cases.ts';
import type { ReplacementInput, Shipment, ShipmentInput } from '../contract.ts';
import { receiptUrl } from '../links.ts';
import {
  lineOverAllocation,
  nothingToReplace,
  overAllocation,
  receiptChanged,
  receiptCodeNotKept,
  receiptNotConfirmed,
  replacementNeedsReceipt,
  replacementTooMuch,
  shipmentNotFound,
  shipmentPending,
} from '../messages.ts';
import type { ReceiptRecord, ShipmentRecord } from '../records.ts';
import { queryDocuments } from '../repository/documents.ts';
import { claimShipment, getLedger, releaseShipmentClaim } from '../repository/ledgers.ts';
import {
  claimReplacement,
  correctReceiptRecord,
  existingShipmentIds,
  getShipmentRecord,
  insertShipment,
  nextBastSequence,
  queryShipments,
  queryVillageShipments,
  releaseReplacement,
  replaceReceiptCode,
  type ShipmentForBoard,
} from '../repository/shipments.ts';
import { claimedUnits, overAllocatedLines, replaceableUnits } from '../rules/over-allocation.ts';
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
 * Claims that still count: those whose shipment exists, and young ones whose shipment may still
 * be being written. Older orphans (a request that died between claim and write) are released.
 */
async function standingOf<C extends { at: string }>(
  claims: Readonly<Record<string, C>>,
  release: (shipmentId: string) => Promise<void>,
): Promise<Record<string, C>> {
  const ids = Object.keys(claims);
  if (ids.length === 0) return {};
  const existing = await existingShipmentIds(ids);
  const standing: Record<string, C> = {};
  for (const [id, claim] of Object.entries(claims)) {
    if (existing.has(id) || Date.now() - Date.parse(claim.at) < ABANDONED_CLAIM_MS) standing[id] = claim;
    else await release(id);
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
    const claims = await standingOf(ledger.claims, (id) => releaseShipmentClaim(ledger.villageCode, id));
    const shipped = claimedUnits(Object.values(claims));
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

    const lines = input.lines.map((line) => {
      const item = items.get(line.itemCode);
      return {
        itemCode: line.itemCode,
        name: item?.name ?? line.itemCode,
        unit: item?.unit ?? '',
        quantity: line.quantity,
      };
    });
    const dispatch: Dispatch = {
      village: {
        code: village.code,
        name: village.name,
        kecamatanCode: village.kecamatanCode,
        kecamatanName: kecamatan?.name ?? village.kecamatanCode,
      },
      lines,
      handedOverBy: input.handedOverBy,
      receivedBy: input.receivedBy,
      overAllocation: over.length > 0 ? input.override : undefined,
    };
    return issueShipment(id, at, dispatch, principal, baseUrl, () => releaseShipmentClaim(village.code, id));
  }
  throw new ServiceUnavailable(2, undefined, shipmentPending);
}

/** What a new shipment carries where: the desa (names as at dispatch), the lines and the signatories. */
interface Dispatch {
  village: { code: string; name: string; kecamatanCode: string; kecamatanName: string };
  lines: ShipmentRecord['lines'];
  handedOverBy?: ShipmentRecord['handedOverBy'];
  receivedBy?: ShipmentRecord['receivedBy'];
  overAllocation?: ShipmentRecord['overAllocation'];
  replacesShipmentId?: string;
}

/**
 * Writes a shipment whose quantities are already claimed: its BAST number, a fresh receipt code
 * (answered here, stored only hashed and sealed), the lookup and the audit entry. When the write
 * fails the claim is given back.
 */
async function issueShipment(
  id: string,
  at: string,
  dispatch: Dispatch,
  principal: Principal | null,
  baseUrl: string,
  releaseClaim: () => Promise<void>,
) {
  const year = at.slice(0, 4);
  const code = newReceiptCode();
  const record: ShipmentRecord = {
    id,
    bastNumber: bastNumber(await nextBastSequence(year), year),
    villageCode: dispatch.village.code,
    kecamatanCode: dispatch.village.kecamatanCode,
    villageName: dispatch.village.name,
    kecamatanName: dispatch.village.kecamatanName,
    lines: dispatch.lines,
    status: 'shipped',
    createdAt: at,
    createdBy: stamp(principal),
    handedOverBy: dispatch.handedOverBy,
    receivedBy: dispatch.receivedBy,
    overAllocation: dispatch.overAllocation,
    replacesShipmentId: dispatch.replacesShipmentId,
    receiptHash: hashReceiptCode(code),
    receiptCodeSealed: await seal(code, receiptCodeContext(id)),
  };
  for (const name of ['handedOverBy', 'receivedBy', 'overAllocation', 'replacesShipmentId'] as const) {
    if (record[name] === undefined) delete record[name];
  }
  const { receiptHash: _hash, receiptCodeSealed: _sealed, ...visible } = record;
  try {
    await insertShipment(record, {
      scope: scopes.shipment(id),
      at,
      action: dispatch.replacesShipmentId ? 'shipment.replacementCreated' : 'shipment.created',
      actor: userActor(principal),
      entityId: id,
      after: visible,
      villageCode: record.villageCode,
    });
  } catch (error) {
    await releaseClaim().catch(() => undefined);
    throw error;
  }
  return { ...toShipment(record, []), receiptCode: code, receiptUrl: receiptUrl(baseUrl, code) };
}

/**
 * Sends a replacement for what a confirmed receipt found heavily damaged or missing: by default
 * all of it not yet replaced, or the lines given, never more. The units are claimed on the
 * original (optimistic), so two replacements at once cannot both send the same broken boxes; the
 * replacement is not claimed against the allocation, since it makes good what the allocation
 * already counted.
 */
export async function replaceShipment(
  originalId: string,
  input: ReplacementInput,
  principal: Principal | null,
  baseUrl: string,
) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const original = await shipmentRecord(originalId);
    if (!original.receipt) throw new Conflict(replacementNeedsReceipt);
    const standing = await standingOf(original.replacements ?? {}, (id) => releaseReplacement(original.id, id));
    const left = replaceableUnits(original.receipt.lines, Object.values(standing));
    const wanted = input.lines ?? Object.entries(left).map(([itemCode, quantity]) => ({ itemCode, quantity }));
    const issues = wanted.flatMap((line, index) =>
      line.quantity > (left[line.itemCode] ?? 0)
        ? [{ field: `lines.${index}.quantity`, key: replacementTooMuch, params: { most: left[line.itemCode] ?? 0 } }]
        : [],
    );
    if (issues.length > 0) throw new ValidationFailed(issues);
    const lines = wanted.filter((line) => line.quantity > 0);
    if (lines.length === 0) throw new Conflict(nothingToReplace);

    const id = ulid();
    const at = new Date().toISOString();
    const claim = { at, lines: Object.fromEntries(lines.map((line) => [line.itemCode, line.quantity])) };
    if (!(await claimReplacement(original, id, claim))) continue;
    const shipped = new Map(original.lines.map((line) => [line.itemCode, line]));
    const created = await issueShipment(
      id,
      at,
      {
        village: {
          code: original.villageCode,
          name: original.villageName,
          kecamatanCode: original.kecamatanCode,
          kecamatanName: original.kecamatanName,
        },
        lines: lines.map((line) => ({
          itemCode: line.itemCode,
          name: shipped.get(line.itemCode)?.name ?? line.itemCode,
          unit: shipped.get(line.itemCode)?.unit ?? '',
          quantity: line.quantity,
        })),
        handedOverBy: input.handedOverBy ?? original.handedOverBy,
        receivedBy: input.receivedBy ?? original.receivedBy,
        replacesShipmentId: original.id,
      },
      principal,
      baseUrl,
      () => releaseReplacement(original.id, id),
    );
    await writeAudit({
      scope: scopes.shipment(original.id),
      at,
      action: 'shipment.replaced',
      actor: userActor(principal),
      entityId: original.id,
      after: { replacementId: id, lines: claim.lines },
      reason: input.reason,
      villageCode: original.villageCode,
    });
    return created;
  }
  throw new ServiceUnavailable(2, undefined, shipmentPending);
}

/** One shipment as stored, or 404 (for the BAST and other domains' views). */
export async function shipmentRecord(shipmentId: string): Promise<ShipmentRecord> {
  const record = await getShipmentRecord(shipmentId);
  if (!record) throw new NotFound(shipmentNotFound);
  return record;
}

/** One shipment with documents, or 404; 403 for a desa outside the scope. */
export async function getShipment(shipmentId: string, scope: Scope = regencyScope): Promise<Shipment> {
  const [record, documents] = await Promise.all([getShipmentRecord(shipmentId), queryDocuments(shipmentId)]);
  if (!record) throw new NotFound(shipmentNotFound);
  refuseOutside(scope, record.villageCode);
  return toShipment(record, documents);
}

/**
 * Shipments newest first, all or of one desa; for a kecamatan account only its own desa's (a
 * page may then hold fewer than `limit`; its cursor goes on).
 */
export async function listShipments(
  query: { limit?: number; cursor?: string; villageCode?: string },
  scope: Scope = regencyScope,
) {
  const page = query.villageCode
    ? await queryVillageShipments(query.villageCode, query.limit ?? 100, query.cursor)
    : await queryShipments(query.limit ?? 100, query.cursor);
  const seen = page.items.filter((record) => inScope(scope, record.villageCode));
  return { items: seen.map(toSummary), nextCursor: page.nextCursor };
}

/** What a sealed receipt code is bound to: it opens only as this shipment's receipt code. */
function receiptCodeContext(shipmentId: string) {
  return { purpose: 'receipt-code', shipmentId };
}

/**
 * A shipment's current receipt code, opened from its sealed copy (organizers reprint the same BAST
 * and resend the same link with it); undefined for a shipment dispatched before codes were kept.
 */
export async function currentReceiptCode(
  record: Pick<ShipmentRecord, 'id' | 'receiptCodeSealed'>,
): Promise<string | undefined> {
  return record.receiptCodeSealed ? open(record.receiptCodeSealed, receiptCodeContext(record.id)) : undefined;
}

/** The shipment's receipt code and the village's link, to send or print again. */
export async function receiptLink(
  shipment: string | Pick<ShipmentRecord, 'id' | 'receiptCodeSealed'>,
  baseUrl: string,
) {
  const code = await currentReceiptCode(typeof shipment === 'string' ? await shipmentRecord(shipment) : shipment);
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

/**
 * The village's receipt pages of these shipments, to send in a chase message: the same code and
 * link as the BAST printed (never an organizer's link). A shipment without a kept code has none.
 */
export async function receiptPages(
  shipments: readonly ShipmentForBoard[],
  baseUrl: string,
): Promise<Map<string, string>> {
  const pages = await Promise.all(
    shipments.map(async (shipment) => {
      const code = await currentReceiptCode(shipment);
      return code ? ([shipment.id, receiptUrl(baseUrl, code)] as const) : undefined;
    }),
  );
  return new Map(pages.filter((page) => page !== undefined));
}
