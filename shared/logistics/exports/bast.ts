/**
 * The BAST of a shipment as PDF, printable again at any time: the receipt code its QR carries is
 * kept sealed with the regency's key and opened here (a code sent along must be the current one).
 * Reads: the shipment (GetItem), then its desa and kecamatan names (two GetItems, in parallel).
 */

import { timingSafeEqual } from 'node:crypto';
import { regencyConfig } from '#shared/kernel/config.ts';
import { Conflict, ValidationFailed } from '#shared/kernel/errors.ts';
import { calendarDate } from '#shared/kernel/pdf/dates.ts';
import { receiptCodeMismatch, receiptCodeNotKept } from '#shared/logistics/messages.ts';
import { hashReceiptCode } from '#shared/logistics/rules/receipt-code.ts';
import { findKecamatan, findVillage } from '#shared/regions/use-cases.ts';
import { receiptUrl } from '../links.ts';
import { currentReceiptCode, shipmentRecord } from '../use-cases/shipments.ts';
import { bastFileName, buildBast } from './bast-content.ts';
import { bastPdf } from './bast-pdf.ts';

const regency = regencyConfig();

/** Compares two hex digests in constant time, so the answer's timing says nothing about the hash. */
function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * A shipment's BAST: 404 for an unknown shipment, 400 on `headers.x-receipt-code` when a code is sent
 * that is not this shipment's current one (an old code after a replacement, or another shipment's).
 * `baseUrl` is where villages reach the receipt page.
 */
export async function exportBast(
  shipmentId: string,
  sentCode: string | undefined,
  baseUrl: string,
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const record = await shipmentRecord(shipmentId);
  if (sentCode !== undefined && !sameDigest(hashReceiptCode(sentCode), record.receiptHash)) {
    throw new ValidationFailed([{ field: 'headers.x-receipt-code', key: receiptCodeMismatch }]);
  }
  const receiptCode = sentCode ?? (await currentReceiptCode(record));
  if (!receiptCode) throw new Conflict(receiptCodeNotKept);
  const [village, kecamatan] = await Promise.all([
    findVillage(record.villageCode),
    findKecamatan(record.kecamatanCode),
  ]);
  const content = buildBast(
    {
      bastNumber: record.bastNumber,
      // Dated as a calendar day in the regency's own time zone.
      date: calendarDate(record.createdAt, regency.timeZone.iana),
      lines: record.lines,
      handedOverBy: record.handedOverBy,
      receivedBy: record.receivedBy,
    },
    {
      regency: regency.name,
      // A desa removed from the region list since dispatch still prints, as its code.
      village: village?.name ?? record.villageCode,
      kecamatan: kecamatan?.name ?? record.kecamatanCode,
    },
    receiptUrl(baseUrl, receiptCode),
  );
  return { bytes: await bastPdf(content), contentType: 'application/pdf', fileName: bastFileName(record.bastNumber) };
}
