/**
 * Signed BAST photos and scans: the village asks to upload one, then asks for it to be checked;
 * organizers download verified ones. The path itself is the kernel's (kernel/uploads/flow.ts);
 * here is what a shipment adds: its folder, its trail, its allowance and its note of the photo.
 */
import { refuseOutside, regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import { keys, scopes } from '#shared/kernel/table/keys.ts';
import type { DocumentRequest } from '#shared/kernel/uploads/contract.ts';
import {
  completeUpload as complete,
  downloadLink,
  type Holder,
  requestUpload as request,
} from '#shared/kernel/uploads/flow.ts';
import { folders } from '#shared/kernel/uploads/folders.ts';
import { getUpload } from '#shared/kernel/uploads/repository.ts';
import { tooManyDocuments } from '../messages.ts';
import { DocumentRecord, type ShipmentRecord } from '../records.ts';
import { countDocument, getShipmentRecord, markBastPhoto } from '../repository/shipments.ts';
import { shipmentForCode } from './receipts.ts';

/** Documents a village may ask to upload per shipment (a few photos of the BAST, a retake or two). */
export const MAX_DOCUMENTS = 10;

/** A shipment as the holder of its documents. */
function holderOf(shipment: ShipmentRecord): Holder<DocumentRecord> {
  return {
    folder: `${folders.shipments}/${shipment.id}`,
    key: (documentId) => keys.document.item(shipment.id, documentId),
    schema: DocumentRecord,
    fields: { shipmentId: shipment.id },
    audit: (action, entityId, after) => ({
      scope: scopes.shipment(shipment.id),
      at: new Date().toISOString(),
      action,
      actor: { type: 'village', villageCode: shipment.villageCode },
      entityId,
      after,
      villageCode: shipment.villageCode,
    }),
    verified: (at) => markBastPhoto(shipment.id, at),
  };
}

/** Starts a document upload for a village; at most MAX_DOCUMENTS per shipment, counted atomically on it. */
export async function requestUpload(code: string, body: DocumentRequest, sourceIp: string) {
  const shipment = await shipmentForCode(code, sourceIp);
  if (!(await countDocument(shipment.id, MAX_DOCUMENTS))) {
    throw new Conflict(tooManyDocuments, { max: MAX_DOCUMENTS });
  }
  return request(holderOf(shipment), body);
}

/** Checks the stored file; it counts (and the shipment notes its photo) once verified. */
export async function completeUpload(code: string, documentId: string, sourceIp: string) {
  return complete(holderOf(await shipmentForCode(code, sourceIp)), documentId);
}

/** A five-minute download link for a verified document (organizers; a kecamatan account for its own desa). */
export async function documentLink(shipmentId: string, documentId: string, scope: Scope = regencyScope) {
  const [document, shipment] = await Promise.all([
    getUpload(keys.document.item(shipmentId, documentId), DocumentRecord),
    scope.kind === 'regency' ? undefined : getShipmentRecord(shipmentId),
  ]);
  if (document && scope.kind !== 'regency') refuseOutside(scope, shipment?.villageCode);
  return downloadLink(document);
}
