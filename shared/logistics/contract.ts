import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import {
  count,
  KecamatanCode,
  PageQuery,
  PersonName,
  Phone,
  Timestamp,
  text,
  Ulid,
  VillageCode,
} from '#shared/kernel/schemas.ts';
import { DocumentInfo, DownloadLink } from '#shared/kernel/uploads/contract.ts';
import { ItemCode, ItemRecord, ReceiptRecord, ShipmentLineRecord, ShipmentListing, ShipmentRecord } from './records.ts';

export { ItemCode };

export const ItemInput = z.strictObject({ name: text(80), unit: text(20) });
export const Item = ItemRecord;
export type Item = z.infer<typeof Item>;

const Quantity = count(1_000_000);
const PositiveQuantity = count(1_000_000, 1);

export const Line = z.strictObject({ itemCode: ItemCode, quantity: PositiveQuantity });
export type Line = z.infer<typeof Line>;

const Lines = z.array(Line).check(z.minLength(1), z.maxLength(50));

/** A desa's allocation set by hand: 0 (or leaving an item out) means none of it. */
export const AllocationInput = z.strictObject({
  lines: z.array(z.strictObject({ itemCode: ItemCode, quantity: Quantity })).check(z.minLength(1), z.maxLength(50)),
});

export const Allocation = z.object({
  villageCode: VillageCode,
  lines: z.array(z.object({ itemCode: ItemCode, quantity: z.int() })),
  source: z.enum(['manual', 'formula']),
  updatedAt: Timestamp,
});
export type Allocation = z.infer<typeof Allocation>;

/**
 * How one item is allocated from a desa's figures: per polling station (TPS), per voter (DPT), or
 * a fixed number per desa; then a reserve percentage on top, rounded up.
 */
export const AllocationRule = z.strictObject({
  itemCode: ItemCode,
  basis: z.enum(['perTps', 'perVoter', 'fixed']),
  quantity: z.number().check(z.positive(), z.maximum(10_000)),
  reservePercent: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
});
export type AllocationRule = z.infer<typeof AllocationRule>;

export const FormulaInput = z.strictObject({
  rules: z.array(AllocationRule).check(z.minLength(1), z.maxLength(50)),
  /** The desa to allocate to; by default every desa of the regency. */
  villageCodes: z.optional(z.array(VillageCode).check(z.minLength(1), z.maxLength(2_000))),
  /** Also replace the allocations set by hand (kept by default). */
  replaceManual: z.optional(z.boolean()),
});
export type FormulaInput = z.infer<typeof FormulaInput>;

export const FormulaPreview = z.object({
  allocations: z.array(
    z.object({
      villageCode: VillageCode,
      dpt: z.int(),
      tps: z.int(),
      lines: z.array(z.object({ itemCode: ItemCode, quantity: z.int() })),
      /** The desa's allocation was set by hand. */
      setByHand: z.boolean(),
      /** ...and is kept as it is (its lines are the ones set by hand, not the formula's). */
      kept: z.boolean(),
    }),
  ),
  totals: z.array(z.object({ itemCode: ItemCode, quantity: z.int() })),
  /** How many desa set by hand are kept, and how many replaced. */
  setByHand: z.object({ kept: z.int(), replaced: z.int() }),
});

const Party = z.strictObject({ name: PersonName, title: text(120) });

export const ShipmentInput = z.strictObject({
  villageCode: VillageCode,
  lines: Lines,
  /** Ship more than allocated on purpose; the reason goes into the audit trail. */
  override: z.optional(z.strictObject({ reason: text(300, 5) })),
  /** Who hands the goods over for the DPMD, and who receives them for the desa (printed on the BAST). */
  handedOverBy: z.optional(Party),
  receivedBy: z.optional(Party),
});
export type ShipmentInput = z.infer<typeof ShipmentInput>;

export const ReceiptLine = z.strictObject({
  itemCode: ItemCode,
  good: Quantity,
  minorDamage: Quantity,
  majorDamage: Quantity,
});
export type ReceiptLine = z.infer<typeof ReceiptLine>;

export const ReceiptInput = z.strictObject({
  receivedBy: z.strictObject({ name: PersonName, phone: z.optional(Phone) }),
  lines: z.array(ReceiptLine).check(z.minLength(1), z.maxLength(50)),
  note: z.optional(text(1_000, 0)),
  /** Chosen by the phone for each confirmation, so a resend after a lost answer is recognised. */
  clientRequestId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/))),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const CorrectionInput = z.strictObject({
  lines: z.array(ReceiptLine).check(z.minLength(1), z.maxLength(50)),
  note: z.optional(text(1_000, 0)),
  reason: text(300, 5),
});

/** A receipt as organizers and the village see it (the phone's request id stays inside). */
export const Receipt = z.omit(ReceiptRecord, { clientRequestId: true });
export type Receipt = z.infer<typeof Receipt>;

export const ShipmentLine = ShipmentLineRecord;

export { DocumentInfo };

/** A shipment in a list: what the dashboard needs, without history and documents. */
export const ShipmentSummary = z.extend(
  z.omit(ShipmentListing, { receipt: true, replacesShipmentId: true, bastPhotoAt: true }),
  {
    receipt: z.nullable(Receipt),
    /** The shipment this one replaces damaged or missing goods of. */
    replacesShipmentId: z.nullable(Ulid),
    /** Whether a photo of the signed BAST was verified. */
    bastPhoto: z.boolean(),
  },
);
export type ShipmentSummary = z.infer<typeof ShipmentSummary>;

/** One shipment with its receipt, the receipts it replaced and its documents. */
export const Shipment = z.extend(ShipmentSummary, {
  handedOverBy: ShipmentRecord.shape.handedOverBy,
  receivedBy: ShipmentRecord.shape.receivedBy,
  overAllocation: ShipmentRecord.shape.overAllocation,
  receiptHistory: z.array(Receipt),
  documents: z.array(DocumentInfo),
  /** The replacements sent for this shipment. */
  replacements: z.array(z.object({ shipmentId: Ulid, at: z.string(), lines: z.record(z.string(), z.int()) })),
});
export type Shipment = z.infer<typeof Shipment>;

export const ShipmentCreated = z.object({
  ...Shipment.shape,
  /** Shown only in this answer (and on the BAST); stored only as a hash. */
  receiptCode: z.string(),
  receiptUrl: z.string(),
});

const ItemParams = z.strictObject({ itemCode: ItemCode });
const VillageParams = z.strictObject({ villageCode: VillageCode });
export const ShipmentParams = z.strictObject({ shipmentId: Ulid });

const State = z.enum(['notShipped', 'partlyShipped', 'awaitingConfirmation', 'confirmed', 'discrepancy']);
export const LogisticsSummary = z.object({
  items: z.array(
    z.object({
      itemCode: ItemCode,
      name: z.string(),
      unit: z.string(),
      allocated: z.int(),
      shipped: z.int(),
      good: z.int(),
      minorDamage: z.int(),
      majorDamage: z.int(),
      missing: z.int(),
    }),
  ),
  villages: z.array(
    z.object({
      villageCode: VillageCode,
      kecamatanCode: KecamatanCode,
      state: State,
      shipments: z.int(),
    }),
  ),
  states: z.record(State, z.int()),
});
export type LogisticsSummary = z.infer<typeof LogisticsSummary>;

export const listItems = contract({
  summary: 'The logistics catalogue',
  tag: 'Logistics',
  replies: { 200: { description: 'Items sorted by code', schema: z.object({ items: z.array(Item) }) } },
});

export const putItem = contract({
  summary: 'Create or rename a catalogue item',
  tag: 'Logistics',
  params: ItemParams,
  body: { schema: ItemInput },
  replies: { 200: { description: 'The item', schema: Item } },
});

export const listAllocations = contract({
  summary: 'Allocation per desa',
  tag: 'Logistics',
  replies: { 200: { description: 'Every desa with an allocation', schema: z.object({ items: z.array(Allocation) }) } },
});

export const putAllocation = contract({
  summary: 'Set one desa allocation by hand',
  tag: 'Logistics',
  params: VillageParams,
  body: { schema: AllocationInput },
  replies: { 200: { description: 'The allocation', schema: Allocation } },
});

export const previewAllocations = contract({
  summary: 'Calculate allocations from DPT and TPS with per-item rules, without saving',
  tag: 'Logistics',
  body: { schema: FormulaInput },
  replies: { 200: { description: 'What would be saved', schema: FormulaPreview } },
});

export const applyAllocations = contract({
  summary: 'Calculate allocations with per-item rules and save them',
  tag: 'Logistics',
  body: { schema: FormulaInput },
  replies: { 200: { description: 'What was saved', schema: FormulaPreview } },
});

export const createShipment = contract({
  summary: 'Dispatch goods to a desa; answers the receipt code once',
  tag: 'Logistics',
  body: { schema: ShipmentInput },
  replies: {
    201: { description: 'The shipment, its receipt code and link', schema: ShipmentCreated },
    409: { description: 'More than allocated without an override; the problem lists the lines' },
  },
});

export const listShipments = contract({
  summary: 'Shipments, newest first, optionally for one desa',
  tag: 'Logistics',
  query: z.strictObject({ ...PageQuery.shape, villageCode: z.optional(VillageCode) }),
  replies: {
    200: {
      description: 'A page of shipments',
      schema: z.object({ items: z.array(ShipmentSummary), nextCursor: z.nullable(z.string()) }),
    },
  },
});

export const getShipment = contract({
  summary: 'One shipment with its receipt, history and documents',
  tag: 'Logistics',
  params: ShipmentParams,
  replies: { 200: { description: 'The shipment', schema: Shipment } },
});

const ReceiptLink = z.object({ receiptCode: z.string(), receiptUrl: z.string() });

export const getReceiptLink = contract({
  summary: 'The receipt code and link of a shipment, to print its BAST again or send the link again (the same code)',
  tag: 'Logistics',
  params: ShipmentParams,
  replies: { 200: { description: 'The current code and link', schema: ReceiptLink } },
});

export const rotateReceiptCode = contract({
  summary: 'Issue a new receipt code for a lost or leaked one: the old code and every link or QR with it stop working',
  tag: 'Logistics',
  params: ShipmentParams,
  replies: {
    200: {
      description: 'The new code and link',
      schema: z.object({ receiptCode: z.string(), receiptUrl: z.string() }),
    },
  },
});

export const correctReceipt = contract({
  summary: 'Correct a confirmed receipt (admin); the previous confirmation is kept in the history',
  tag: 'Logistics',
  params: ShipmentParams,
  body: { schema: CorrectionInput },
  replies: { 200: { description: 'The shipment', schema: Shipment } },
});

export const ReplacementInput = z.strictObject({
  /** What to send; by default everything the receipt found heavily damaged or missing, not yet replaced. */
  lines: z.optional(
    z.array(z.strictObject({ itemCode: ItemCode, quantity: PositiveQuantity })).check(z.minLength(1), z.maxLength(50)),
  ),
  handedOverBy: z.optional(Party),
  receivedBy: z.optional(Party),
  reason: z.optional(text(300, 3)),
});
export type ReplacementInput = z.infer<typeof ReplacementInput>;

export const createReplacement = contract({
  summary:
    'Send a replacement for what a confirmed receipt found heavily damaged or missing (never more); it has its own BAST and receipt code and counts above the allocation',
  tag: 'Logistics',
  params: ShipmentParams,
  body: { schema: ReplacementInput, optional: true },
  replies: {
    201: { description: 'The replacement shipment, its receipt code and link', schema: ShipmentCreated },
    409: { description: 'The receipt is not confirmed, or nothing is left to replace' },
  },
});

export const getDocumentLink = contract({
  summary: 'A short-lived download link for a verified document',
  tag: 'Logistics',
  params: z.strictObject({ shipmentId: Ulid, documentId: Ulid }),
  replies: {
    200: { description: 'Link valid for 5 minutes', schema: DownloadLink },
  },
});

export const getLogisticsSummary = contract({
  summary: 'Per item: allocated, shipped, arrived good/damaged, missing; per desa: its state',
  tag: 'Logistics',
  replies: { 200: { description: 'The summary', schema: LogisticsSummary } },
});

export const getBast = contract({
  summary: 'The numbered BAST (handover record) as PDF, with the receipt link as a QR code',
  tag: 'Logistics',
  params: ShipmentParams,
  /** Optional: the BAST prints the shipment's current code; a code sent here must be that one. */
  headers: z.object({ 'x-receipt-code': z.optional(z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/))) }),
  replies: { 200: { description: 'PDF', contentType: 'application/pdf' } },
});

export const exportLogisticsCsv = contract({
  summary: 'Logistics per desa and item as CSV',
  tag: 'Logistics',
  query: z.strictObject({ lang: z.optional(z.enum(['id', 'en'])) }),
  replies: { 200: { description: 'CSV file', contentType: 'text/csv' } },
});

export const exportLogisticsXlsx = contract({
  summary: 'Logistics per desa and item as an Excel workbook',
  tag: 'Logistics',
  query: z.strictObject({ lang: z.optional(z.enum(['id', 'en'])) }),
  replies: {
    200: { description: 'XLSX file', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  },
});
