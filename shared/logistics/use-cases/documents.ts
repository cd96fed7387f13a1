import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ulid } from 'ulid';
import { type DocumentType, sniffType } from '#shared/kernel/file-type.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/http/errors.ts';
import { Bucket, s3 } from '#shared/kernel/storage.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { documentMissing, documentSettled, documentSize, documentType } from '#shared/logistics/messages.ts';
import { MAX_DOCUMENT_BYTES } from '#shared/logistics/receipt-contract.ts';
import { type DocumentRecord, getDocument, insertDocument, settleDocument } from '#shared/logistics/repository.ts';
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
  const createdAt = new Date().toISOString();
  await insertDocument({
    id,
    shipmentId: shipment.id,
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
    key,
    status: 'pending',
    createdAt,
  });
  await writeAudit({
    scope: `SHIPMENT#${shipment.id}`,
    at: createdAt,
    action: 'document.requested',
    actor: { type: 'village', villageCode: shipment.villageCode },
    entityId: id,
    after: { fileName: request.fileName, contentType: request.contentType, size: request.size },
    villageCode: shipment.villageCode,
  });
  const post = await createPresignedPost(s3, {
    Bucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, MAX_DOCUMENT_BYTES],
      ['eq', '$Content-Type', request.contentType],
    ],
    Fields: { 'Content-Type': request.contentType },
    Expires: UPLOAD_SECONDS,
  });
  return {
    documentId: id,
    url: post.url,
    fields: post.fields,
    expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString(),
  };
}

async function readHead(key: string): Promise<Uint8Array> {
  const object = await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: 'bytes=0-15' }));
  return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
}

async function reject(document: DocumentRecord, villageCode: string, reason: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket, Key: document.key })).catch(() => undefined);
  await settleDocument(document.shipmentId, document.id, 'rejected', {
    scope: `SHIPMENT#${document.shipmentId}`,
    at: new Date().toISOString(),
    action: 'document.rejected',
    actor: { type: 'village', villageCode },
    entityId: document.id,
    after: { fileName: document.fileName, contentType: document.contentType, reason },
    villageCode,
  });
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
    if (document.status === 'verified') return publicInfo(document);
    throw new Conflict(documentSettled);
  }
  let size: number;
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: document.key }));
    size = head.ContentLength ?? 0;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') {
      throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
    }
    throw error;
  }
  if (size !== document.size || size > MAX_DOCUMENT_BYTES || size === 0) {
    await reject(document, shipment.villageCode, 'size');
    throw new ValidationFailed([{ field: 'file', key: documentSize }]);
  }
  if (sniffType(await readHead(document.key)) !== document.contentType) {
    await reject(document, shipment.villageCode, 'type');
    throw new ValidationFailed([
      {
        field: 'file',
        key: documentType,
        params: { type: document.contentType.split('/')[1]?.toUpperCase() ?? '' },
      },
    ]);
  }
  await settleDocument(shipment.id, document.id, 'verified', {
    scope: `SHIPMENT#${shipment.id}`,
    at: new Date().toISOString(),
    action: 'document.verified',
    actor: { type: 'village', villageCode: shipment.villageCode },
    entityId: document.id,
    after: { fileName: document.fileName, contentType: document.contentType, size },
    villageCode: shipment.villageCode,
  });
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
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket,
      Key: document.key,
      ResponseContentDisposition: `attachment; filename="${safeFileName(document.fileName)}"`,
      ResponseContentType: document.contentType,
    }),
    { expiresIn: DOWNLOAD_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
