/**
 * The village's side: open the one shipment its receipt code names, and confirm what arrived. No
 * account; the code is the credential, and failed codes are counted per caller.
 */
import { regencyConfig } from '#shared/kernel/config.ts';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { timeText } from '#shared/kernel/i18n/times.ts';
import { countUnknownCode } from '#shared/kernel/limits.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import type { ReceiptInput } from '../contract.ts';
import { receiptConfirmed } from '../messages.ts';
import type { ReceiptView } from '../receipt-contract.ts';
import type { ReceiptRecord, ShipmentRecord } from '../records.ts';
import { queryDocuments } from '../repository/documents.ts';
import { getShipmentRecord, insertReceipt, shipmentIdForCode } from '../repository/shipments.ts';
import { settleOrThrow } from '../rules/receipt.ts';
import { hashReceiptCode } from '../rules/receipt-code.ts';
import { toReceiptView } from '../views.ts';

const regency = regencyConfig();

/**
 * The shipment a receipt code opens. Every failure looks the same (a bare 404); unknown codes are
 * counted per caller, atomically, so guessing is cut off after a few attempts, while a valid code
 * is looked up first and never refused by that count.
 */
export async function shipmentForCode(code: string, sourceIp: string): Promise<ShipmentRecord> {
  const shipmentId = await shipmentIdForCode(hashReceiptCode(code));
  const record = shipmentId ? await getShipmentRecord(shipmentId) : undefined;
  if (!record) {
    await countUnknownCode(sourceIp);
    throw new NotFound();
  }
  return record;
}

async function viewOf(record: ShipmentRecord): Promise<ReceiptView> {
  return toReceiptView(regency.name, record, await queryDocuments(record.id));
}

/** What the village sees: its own shipment and nothing else. */
export async function receiptView(code: string, sourceIp: string): Promise<ReceiptView> {
  return viewOf(await shipmentForCode(code, sourceIp));
}

/**
 * Records the village's confirmation, once. A resend of the same confirmation (same
 * clientRequestId, e.g. after the answer was lost on a weak signal) answers the stored one; any
 * other second confirmation is a 409.
 */
export async function confirmReceipt(
  code: string,
  input: ReceiptInput,
  sourceIp: string,
): Promise<{ view: ReceiptView; created: boolean }> {
  const record = await shipmentForCode(code, sourceIp);
  const { lines, discrepancy } = settleOrThrow(record.lines, input.lines);
  const receipt: ReceiptRecord = {
    receivedBy: input.receivedBy,
    lines,
    note: input.note,
    confirmedAt: new Date().toISOString(),
    discrepancy,
    version: 1,
    clientRequestId: input.clientRequestId,
  };
  if (!(await insertReceipt(record.id, receipt))) {
    const current = await getShipmentRecord(record.id);
    const existing = current?.receipt;
    if (current && existing && input.clientRequestId && existing.clientRequestId === input.clientRequestId) {
      // A resend: the first attempt may have died before its audit entry; writing it again is harmless.
      await auditConfirmation(current, existing);
      return { view: await viewOf(current), created: false };
    }
    const at = existing ? timeText(existing.confirmedAt, regency.timeZone) : '';
    throw new Conflict(receiptConfirmed, { at }, { confirmedAt: existing?.confirmedAt ?? null });
  }
  await auditConfirmation(record, receipt);
  return { view: await viewOf({ ...record, receipt, status: 'confirmed' }), created: true };
}

/** The audit entry of a confirmation, keyed by its time so that writing it twice keeps one. */
async function auditConfirmation(record: ShipmentRecord, receipt: ReceiptRecord): Promise<void> {
  const { clientRequestId: _id, ...after } = receipt;
  await writeAudit({
    scope: scopes.shipment(record.id),
    at: receipt.confirmedAt,
    action: 'receipt.confirmed',
    actor: { type: 'village', villageCode: record.villageCode },
    entityId: record.id,
    before: null,
    after,
    villageCode: record.villageCode,
  });
}
