/** Stored records as the API shows them, to organizers and to the village. Pure mappings. */
import type { Receipt, Shipment, ShipmentSummary } from './contract.ts';
import type { ReceiptView } from './receipt-contract.ts';
import type { DocumentRecord, ReceiptRecord, ShipmentListing, ShipmentRecord } from './records.ts';

/** A receipt without the phone's request id. */
export function toReceipt(record: ReceiptRecord): Receipt {
  const { clientRequestId: _id, ...receipt } = record;
  return receipt;
}

/** A shipment in a list. */
export function toSummary(record: ShipmentListing): ShipmentSummary {
  return {
    id: record.id,
    bastNumber: record.bastNumber,
    villageCode: record.villageCode,
    kecamatanCode: record.kecamatanCode,
    lines: record.lines,
    status: record.status,
    createdAt: record.createdAt,
    receipt: record.receipt ? toReceipt(record.receipt) : null,
    replacesShipmentId: record.replacesShipmentId ?? null,
    bastPhoto: record.bastPhotoAt !== undefined,
  };
}

/** The documents worth showing: rejected uploads are left out. */
function visibleDocuments(documents: readonly DocumentRecord[]) {
  return documents
    .filter((document) => document.status !== 'rejected')
    .map(({ id, fileName, contentType, size, status, createdAt }) => ({
      id,
      fileName,
      contentType,
      size,
      status,
      createdAt,
    }));
}

/** The full shipment as organizers see it. */
export function toShipment(record: ShipmentRecord, documents: readonly DocumentRecord[]): Shipment {
  return {
    ...toSummary(record),
    handedOverBy: record.handedOverBy,
    receivedBy: record.receivedBy,
    overAllocation: record.overAllocation,
    receiptHistory: (record.receiptHistory ?? []).map(toReceipt),
    documents: visibleDocuments(documents),
    replacements: Object.entries(record.replacements ?? {})
      .map(([shipmentId, claim]) => ({ shipmentId, at: claim.at, lines: claim.lines }))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** What the village sees: its own shipment and nothing else. */
export function toReceiptView(
  regencyName: string,
  record: ShipmentRecord,
  documents: readonly DocumentRecord[],
): ReceiptView {
  return {
    regency: regencyName,
    bastNumber: record.bastNumber,
    village: { code: record.villageCode, name: record.villageName, kecamatanName: record.kecamatanName },
    lines: record.lines,
    shippedAt: record.createdAt,
    receipt: record.receipt ? toReceipt(record.receipt) : null,
    documents: visibleDocuments(documents),
  };
}
