/**
 * What the logistics domain stores, each record declared once. The API's shapes are derived from
 * these (contract.ts picks, omits and extends them), and every read goes through `readRecord` with
 * the schema here, so nothing read from the table is taken on trust.
 */
import * as z from 'zod/mini';
import { KecamatanCode, Ulid, VillageCode } from '#shared/kernel/schemas.ts';
import { UploadRecord } from '#shared/kernel/uploads/contract.ts';

/** Catalogue codes as people write them: `KOTAK_SUARA`, `SEGEL-KOTAK`, `FORM.C1`. */
export const ItemCode = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/, { error: 'field.itemCode' }));

const Count = z.int();
const Person = z.object({ sub: z.string(), name: z.string() });
/** A signatory printed on the BAST: name and position. */
export const Party = z.object({ name: z.string(), title: z.string() });

/** One catalogue item. */
export const ItemRecord = z.object({ code: ItemCode, name: z.string(), unit: z.string() });
export type ItemRecord = z.infer<typeof ItemRecord>;

/** A quantity the shipments of a desa have claimed against its allocation. */
export const ShipmentClaim = z.object({ at: z.string(), lines: z.record(z.string(), Count) });
export type ShipmentClaim = z.infer<typeof ShipmentClaim>;

/**
 * A desa's logistics ledger: its allocation and the quantities each shipment claimed. Shipments
 * claim under an optimistic `version`, so concurrent dispatches never together exceed the
 * allocation unnoticed.
 */
export const LedgerRecord = z.object({
  villageCode: VillageCode,
  /** itemCode → units allocated */
  allocation: z.record(z.string(), Count),
  allocationSource: z.optional(z.enum(['manual', 'formula'])),
  allocationUpdatedAt: z.optional(z.string()),
  /** shipmentId → what it claimed */
  claims: z.record(z.string(), ShipmentClaim),
  version: Count,
});
export type LedgerRecord = z.infer<typeof LedgerRecord>;

/** One line of a village's receipt: what was shipped and what arrived in which condition. */
export const ReceiptLineRecord = z.object({
  itemCode: z.string(),
  shipped: Count,
  good: Count,
  minorDamage: Count,
  majorDamage: Count,
  missing: Count,
});

/** A village's confirmation of a shipment (or an admin's correction of it). */
export const ReceiptRecord = z.object({
  receivedBy: z.object({ name: z.string(), phone: z.optional(z.string()) }),
  lines: z.array(ReceiptLineRecord),
  note: z.optional(z.string()),
  confirmedAt: z.string(),
  discrepancy: z.boolean(),
  version: Count,
  /** Chosen by the phone, so a resend after a lost answer is recognised (never shown). */
  clientRequestId: z.optional(z.string()),
  correctedBy: z.optional(z.object({ name: z.string(), reason: z.string() })),
});
export type ReceiptRecord = z.infer<typeof ReceiptRecord>;

/** A line of a shipment, with the item's name and unit as they were at dispatch. */
export const ShipmentLineRecord = z.object({
  itemCode: z.string(),
  name: z.string(),
  unit: z.string(),
  quantity: Count,
});

/** A dispatch to one desa, its BAST number, and the village's receipt once confirmed. */
export const ShipmentRecord = z.object({
  id: Ulid,
  bastNumber: z.string(),
  villageCode: VillageCode,
  kecamatanCode: KecamatanCode,
  /** Names as they were at dispatch, so the village's page needs no region lookups. */
  villageName: z.string(),
  kecamatanName: z.string(),
  lines: z.array(ShipmentLineRecord),
  status: z.enum(['shipped', 'confirmed']),
  createdAt: z.string(),
  createdBy: Person,
  handedOverBy: z.optional(Party),
  receivedBy: z.optional(Party),
  overAllocation: z.optional(z.object({ reason: z.string() })),
  /** SHA-256 of the receipt code (how the village's link finds it); never the code in the clear. */
  receiptHash: z.string(),
  /** The receipt code sealed with the regency's key, so the same BAST and link can be printed again. */
  receiptCodeSealed: z.optional(z.string()),
  receipt: z.optional(ReceiptRecord),
  receiptHistory: z.optional(z.array(ReceiptRecord)),
  /** A replacement's original: this shipment makes good what arrived broken or missing there. */
  replacesShipmentId: z.optional(Ulid),
  /** On an original: the replacements sent for it (shipmentId → what each replaces). */
  replacements: z.optional(z.record(z.string(), ShipmentClaim)),
  /** Bumped with every replacement claimed, so two replacements at once cannot both take the same units. */
  replacementsVersion: z.optional(Count),
  /** When the first photo of the signed BAST was verified. */
  bastPhotoAt: z.optional(z.string()),
  /** How many documents the village asked to upload (at most MAX_DOCUMENTS, counted atomically). */
  documentCount: z.optional(Count),
});
export type ShipmentRecord = z.infer<typeof ShipmentRecord>;

/** A shipment as the `byKind` index holds it: what lists and the summary need. */
export const ShipmentListing = z.pick(ShipmentRecord, {
  id: true,
  bastNumber: true,
  villageCode: true,
  kecamatanCode: true,
  lines: true,
  status: true,
  createdAt: true,
  receipt: true,
  replacesShipmentId: true,
  bastPhotoAt: true,
});
export type ShipmentListing = z.infer<typeof ShipmentListing>;

/** The lookup from a receipt code's hash to its shipment. */
export const ReceiptCodeRecord = z.object({ shipmentId: z.string() });

/** A photo or scan of the signed BAST, uploaded by the village; it counts once verified. */
export const DocumentRecord = z.extend(UploadRecord, { shipmentId: Ulid });
export type DocumentRecord = z.infer<typeof DocumentRecord>;
