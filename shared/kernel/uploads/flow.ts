/**
 * The one verified upload path, whoever holds the file (a shipment's signed BAST, an invitation's
 * SK Panitia): the caller asks to upload (a pending record and a presigned POST), stores the file
 * straight from the phone, then asks for it to be checked; organizers download verified ones.
 */
import { ulid } from 'ulid';
import type { $ZodType } from 'zod/v4/core';
import { Conflict, NotFound, ValidationFailed } from '../errors.ts';
import { sniffType } from '../file-type.ts';
import type { AuditRecord } from '../table/audit.ts';
import type { Key } from '../table/keys.ts';
import { type DocumentRequest, MAX_DOCUMENT_BYTES, type UploadRecord } from './contract.ts';
import { discard, downloadUrl, firstBytes, pinCopy, presignUpload, storedSize } from './files.ts';
import { folders } from './folders.ts';
import { documentMissing, documentSettled, documentSize, documentType } from './messages.ts';
import { getUpload, insertUpload, settleUpload } from './repository.ts';

/** A presigned upload lives five minutes: long enough for a cheap phone on 3G, short for anyone else. */
export const UPLOAD_SECONDS = 300;
const DOWNLOAD_SECONDS = 300;

/** Who holds the documents, and what the path needs to know of it. */
export interface Holder<R extends UploadRecord> {
  /** Its folder in the bucket, under which each upload gets a key of its own (`shipments/<id>`). */
  folder: string;
  /** Where one of its documents is kept in the table. */
  key: (documentId: string) => Key;
  /** Its documents' stored shape: the upload's fields and the holder's own. */
  schema: $ZodType<R>;
  /** The holder's own fields on a new document (`shipmentId`, say). */
  fields: Omit<R, keyof UploadRecord>;
  /** The audit entry of each step: `document.requested`, `document.verified`, `document.rejected`. */
  audit: (action: string, documentId: string, after: unknown) => AuditRecord;
  /** Noted on the holder once a document is verified, and again on a resend (so it must be idempotent). */
  verified?: (at: string) => Promise<void>;
}

function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '');
  return cleaned.slice(-80) || 'berkas';
}

/** What the API shows of a document. */
function publicInfo(document: UploadRecord) {
  const { id, fileName, contentType, size, status, createdAt } = document;
  return { id, fileName, contentType, size, status, createdAt };
}

/** One of the holder's documents, as stored. */
export function documentOf<R extends UploadRecord>(holder: Holder<R>, documentId: string): Promise<R | undefined> {
  return getUpload(holder.key(documentId), holder.schema);
}

/**
 * Starts an upload: a pending record and a presigned S3 POST that only accepts this key, this
 * content type and exactly the declared size, for five minutes. S3 enforces the policy in AWS; the
 * local s3rver does not, which is why `completeUpload` checks the stored object either way. The
 * caller has counted the request against the holder's allowance first.
 */
export async function requestUpload<R extends UploadRecord>(holder: Holder<R>, request: DocumentRequest) {
  const id = ulid();
  const key = `${holder.folder}/${id}/${safeFileName(request.fileName)}`;
  const audit = holder.audit('document.requested', id, {
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
  });
  const document: UploadRecord = {
    id,
    fileName: request.fileName,
    contentType: request.contentType,
    size: request.size,
    key,
    status: 'pending',
    createdAt: audit.at,
  };
  await insertUpload(holder.key(id), { ...holder.fields, ...document }, audit);
  const post = await presignUpload(key, request.contentType, request.size, UPLOAD_SECONDS);
  return { documentId: id, ...post, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

async function reject<R extends UploadRecord>(holder: Holder<R>, document: R, pinnedKey: string, reason: string) {
  await Promise.all([discard(document.key), discard(pinnedKey)]);
  await settleUpload(
    holder.key(document.id),
    'rejected',
    holder.audit('document.rejected', document.id, {
      fileName: document.fileName,
      contentType: document.contentType,
      reason,
    }),
  );
}

/** What a concurrent or repeated "complete" answers once another call has settled the document. */
async function settledAnswer<R extends UploadRecord>(holder: Holder<R>, documentId: string) {
  const current = await documentOf(holder, documentId);
  if (current?.status === 'verified') {
    // A resend after a lost answer: the holder's note of the document may not have been written.
    await holder.verified?.(current.settledAt ?? current.createdAt);
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
export async function completeUpload<R extends UploadRecord>(holder: Holder<R>, documentId: string) {
  const document = await documentOf(holder, documentId);
  if (!document) throw new NotFound();
  if (document.status !== 'pending') return settledAnswer(holder, documentId);
  const pinnedKey = `${folders.verified}/${holder.folder}/${document.id}/${ulid()}`;
  const copy = await pinCopy(document.key, pinnedKey);
  if (!copy) throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
  const size = await storedSize(pinnedKey);
  if (size === undefined) throw new ValidationFailed([{ field: 'file', key: documentMissing }]);
  if (size !== document.size || size > MAX_DOCUMENT_BYTES || size === 0) {
    await reject(holder, document, pinnedKey, 'size');
    throw new ValidationFailed([{ field: 'file', key: documentSize }]);
  }
  if (sniffType(await firstBytes(pinnedKey)) !== document.contentType) {
    await reject(holder, document, pinnedKey, 'type');
    throw new ValidationFailed([
      {
        field: 'file',
        key: documentType,
        params: { type: document.contentType.split('/')[1]?.toUpperCase() ?? '' },
      },
    ]);
  }
  const audit = holder.audit('document.verified', document.id, {
    fileName: document.fileName,
    contentType: document.contentType,
    size,
  });
  const pinned = { key: pinnedKey, ...copy };
  if (!(await settleUpload(holder.key(document.id), 'verified', audit, pinned))) {
    await discard(pinnedKey);
    return settledAnswer(holder, documentId);
  }
  await Promise.all([holder.verified?.(audit.at), discard(document.key)]);
  return publicInfo({ ...document, status: 'verified' });
}

/** A five-minute download link for a verified document (organizers only); anything else is a 404. */
export async function downloadLink(document: UploadRecord | undefined) {
  if (document?.status !== 'verified') throw new NotFound();
  // The verified copy (its version where the bucket keeps them); older records name the upload key.
  const object = document.pinned ?? { key: document.key };
  const url = await downloadUrl(object, safeFileName(document.fileName), document.contentType, DOWNLOAD_SECONDS);
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_SECONDS * 1000).toISOString() };
}
