/**
 * Signed BAST photos and scans: the village asks to upload one (a pending record and a presigned
 * POST), then asks for it to be checked; organizers download verified ones.
 */
import { ulid } from 'ulid';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { type DocumentType, sniffType } from '#shared/kernel/file-type.ts';
import type { AuditRecord } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { documentMissing, documentSettled, documentSize, documentType } from '../messages.ts';
import { MAX_DOCUMENT_BYTES } from '../receipt-contract.ts';
import type { DocumentRecord, ShipmentRecord } from '../records.ts';
import { getDocument, insertDocument, settleDocument } from '../repository/documents.ts';
import { discard, downloadUrl, firstBytes, presignUpload, storedSize } from '../repository/files.ts';
import { markBastPhoto } from '../repository/shipments.ts';
import { shipmentForCode } from './receipts.ts';

const UPLOAD_SECONDS = 600;
const DOWNLOAD_SECONDS = 300;

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
 * accepts this key, this content type and at most 10 MB. S3 enforces the policy in AWS; the local
 * s3rver does not, which is why `completeUpload` checks the stored object either way.
 */
export async function requestUpload(
  code: string,
  request: { fileName: string; contentType: DocumentType; size: number },
  sourceIp: string,
) {
  const shipment = await shipmentForCode(code, sourceIp);
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
  const post = await presignUpload(key, request.contentType, { min: 1, max: MAX_DOCUMENT_BYTES }, UPLOAD_SECONDS);
  return { documentId: id, ...post, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

async function reject(document: DocumentRecord, shipment: ShipmentRecord, reason: string): Promise<void> {
  await discard(document.key);
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

/**
 * A document counts only once the stored object is checked: it exists, its size is the size
 * declared (at most 10 MB), and its first bytes are those of the declared type. Anything else is
 * deleted and refused.
 */
export async function completeUpload(code: string, documentId: string, sourceIp: string) {
  const shipment = await shipmentForCode(code, sourceIp);
  const document = await getDocument(shipment.id, documentId);
  if (!document) throw new NotFound();
  if (document.status !== 'pending') {
    if (document.status === 'verified') {
      // A resend after a lost answer: the shipment's note of the photo may not have been written.
      await markBastPhoto(shipment.id, document.settledAt ?? document.createdAt);
      return publicInfo(document);
    }
    throw new Conflict(documentSettled);
  }
  const size = await storedSize(document.key);
  if (size === undefined) throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
  if (size !== document.size || size > MAX_DOCUMENT_BYTES || size === 0) {
    await reject(document, shipment, 'size');
    throw new ValidationFailed([{ field: 'file', key: documentSize }]);
  }
  if (sniffType(await firstBytes(document.key)) !== document.contentType) {
    await reject(document, shipment, 'type');
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
  if (await settleDocument(shipment.id, document.id, 'verified', audit)) await markBastPhoto(shipment.id, audit.at);
  return publicInfo({ ...document, status: 'verified' });
}

function publicInfo(document: DocumentRecord) {
  const { id, fileName, contentType, size, status, createdAt } = document;
  return { id, fileName, contentType, size, status, createdAt };
}

/** A five-minute download link for a verified document (organizers only). */
export async function documentLink(shipmentId: string, documentId: string) {
  const document = await getDocument(shipmentId, documentId);
  if (document?.status !== 'verified') throw new NotFound();
  const url = await downloadUrl(document.key, safeFileName(document.fileName), document.contentType, DOWNLOAD_SECONDS);
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
