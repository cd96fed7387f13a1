/**
 * Signed BAST photos and scans: the village asks to upload one (a pending record and a presigned
 * POST), then asks for it to be checked; organizers download verified ones.
 */
import { ulid } from 'ulid';
import { refuseOutside, regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { type DocumentType, sniffType } from '#shared/kernel/file-type.ts';
import type { AuditRecord } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { documentMissing, documentSettled, documentSize, documentType, tooManyDocuments } from '../messages.ts';
import { MAX_DOCUMENT_BYTES } from '../receipt-contract.ts';
import type { DocumentRecord, ShipmentRecord } from '../records.ts';
import { getDocument, insertDocument, settleDocument } from '../repository/documents.ts';
import { discard, downloadUrl, firstBytes, pinCopy, presignUpload, storedSize } from '../repository/files.ts';
import { countDocument, getShipmentRecord, markBastPhoto } from '../repository/shipments.ts';
import { shipmentForCode } from './receipts.ts';

/** A presigned upload lives five minutes: long enough for a cheap phone on 3G, short for anyone else. */
const UPLOAD_SECONDS = 300;
const DOWNLOAD_SECONDS = 300;
/** Documents a village may ask to upload per shipment (a few photos of the BAST, a retake or two). */
export const MAX_DOCUMENTS = 10;

function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '');
  return cleaned.slice(-80) || 'berkas';
}

function villageAudit(shipment: ShipmentRecord, action: string, entityId: string, after: unknown): AuditRecord {
  return {
    scope: scopes.shipment(shipment.id),
    at: new Date().toISOString(),
    action,
    actor: { type: 'village', villageCode: shipment.villageCode },
    entityId,
    after,
    villageCode: shipment.villageCode,
  };
}

/**
 * Starts a document upload for a village: a pending record and a presigned S3 POST that only
 * accepts this key, this content type and exactly the declared size, for five minutes. S3 enforces
 * the policy in AWS; the local s3rver does not, which is why `completeUpload` checks the stored
 * object either way. At most MAX_DOCUMENTS per shipment, counted atomically on the shipment.
 */
export async function requestUpload(
  code: string,
  request: { fileName: string; contentType: DocumentType; size: number },
  sourceIp: string,
) {
  const shipment = await shipmentForCode(code, sourceIp);
  if (!(await countDocument(shipment.id, MAX_DOCUMENTS))) {
    throw new Conflict(tooManyDocuments, { max: MAX_DOCUMENTS });
  }
  const id = ulid();
  const key = `shipments/${shipment.id}/${id}/${safeFileName(request.fileName)}`;
  const audit = villageAudit(shipment, 'document.requested', id, {
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
  });
  await insertDocument(
    {
      id,
      shipmentId: shipment.id,
      fileName: request.fileName,
      contentType: request.contentType,
      size: request.size,
      key,
      status: 'pending',
      createdAt: audit.at,
    },
    audit,
  );
  const post = await presignUpload(key, request.contentType, request.size, UPLOAD_SECONDS);
  return { documentId: id, ...post, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

async function reject(
  document: DocumentRecord,
  shipment: ShipmentRecord,
  pinnedKey: string,
  reason: string,
): Promise<void> {
  await Promise.all([discard(document.key), discard(pinnedKey)]);
  await settleDocument(
    document.shipmentId,
    document.id,
    'rejected',
    villageAudit(shipment, 'document.rejected', document.id, {
      fileName: document.fileName,
      contentType: document.contentType,
      reason,
    }),
  );
}

/** What a concurrent or repeated "complete" answers once another call has settled the document. */
async function settledAnswer(shipment: ShipmentRecord, documentId: string) {
  const current = await getDocument(shipment.id, documentId);
  if (current?.status === 'verified') {
    // A resend after a lost answer: the shipment's note of the photo may not have been written.
    await markBastPhoto(shipment.id, current.settledAt ?? current.createdAt);
    return publicInfo(current);
  }
  throw new Conflict(documentSettled);
}

/**
 * A document counts only once a copy of it is checked: what the upload key holds is first copied
 * to a key of its own (no presigned POST names it), and that copy must be the size declared (at
 * most 10 MB) and start with the bytes of the declared type. The copy is what organizers download,
 * so nothing sent to the upload key later can replace a verified document. Anything else is
 * deleted and refused. Concurrent calls settle once; the others answer the same 200 (or 409).
 */
export async function completeUpload(code: string, documentId: string, sourceIp: string) {
  const shipment = await shipmentForCode(code, sourceIp);
  const document = await getDocument(shipment.id, documentId);
  if (!document) throw new NotFound();
  if (document.status !== 'pending') return settledAnswer(shipment, documentId);
  const pinnedKey = `verified/${shipment.id}/${document.id}/${ulid()}`;
  const copy = await pinCopy(document.key, pinnedKey);
  if (!copy) throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
  const size = await storedSize(pinnedKey);
  if (size === undefined) throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
  if (size !== document.size || size > MAX_DOCUMENT_BYTES || size === 0) {
    await reject(document, shipment, pinnedKey, 'size');
    throw new ValidationFailed([{ field: 'file', key: documentSize }]);
  }
  if (sniffType(await firstBytes(pinnedKey)) !== document.contentType) {
    await reject(document, shipment, pinnedKey, 'type');
    throw new ValidationFailed([
      {
        field: 'file',
        key: documentType,
        params: { type: document.contentType.split('/')[1]?.toUpperCase() ?? '' },
      },
    ]);
  }
  const audit = villageAudit(shipment, 'document.verified', document.id, {
    fileName: document.fileName,
    contentType: document.contentType,
    size,
  });
  const pinned = { key: pinnedKey, ...copy };
  if (!(await settleDocument(shipment.id, document.id, 'verified', audit, pinned))) {
    await discard(pinnedKey);
    return settledAnswer(shipment, documentId);
  }
  await Promise.all([markBastPhoto(shipment.id, audit.at), discard(document.key)]);
  return publicInfo({ ...document, status: 'verified' });
}

function publicInfo(document: DocumentRecord) {
  const { id, fileName, contentType, size, status, createdAt } = document;
  return { id, fileName, contentType, size, status, createdAt };
}

/** A five-minute download link for a verified document (organizers; a kecamatan account for its own desa). */
export async function documentLink(shipmentId: string, documentId: string, scope: Scope = regencyScope) {
  const [document, shipment] = await Promise.all([
    getDocument(shipmentId, documentId),
    scope.kind === 'regency' ? undefined : getShipmentRecord(shipmentId),
  ]);
  if (document?.status !== 'verified') throw new NotFound();
  if (scope.kind !== 'regency') refuseOutside(scope, shipment?.villageCode);
  // The verified copy (its version where the bucket keeps them); older records name the upload key.
  const object = document.pinned ?? { key: document.key };
  const url = await downloadUrl(object, safeFileName(document.fileName), document.contentType, DOWNLOAD_SECONDS);
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
