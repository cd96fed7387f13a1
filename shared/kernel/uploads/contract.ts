/**
 * What asking for an upload takes and answers, and what a checked file looks like, wherever it is
 * attached (a shipment's BAST photo, an invitation's SK Panitia).
 */
import * as z from 'zod/mini';
import { Timestamp, text, Ulid } from '../schemas.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const documentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** A stored document: pending until a copy of it is checked, then verified (or rejected). */
export const UploadRecord = z.object({
  id: Ulid,
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  key: z.string(),
  status: z.enum(['pending', 'verified', 'rejected']),
  createdAt: z.string(),
  settledAt: z.optional(z.string()),
  /**
   * The verified copy (a key no upload can reach, with its version where the bucket keeps them):
   * what was checked is what is served, whatever is sent to the upload key afterwards.
   */
  pinned: z.optional(z.object({ key: z.string(), versionId: z.optional(z.string()), etag: z.optional(z.string()) })),
});
export type UploadRecord = z.infer<typeof UploadRecord>;

/** What the API shows of a document. */
export const DocumentInfo = z.pick(UploadRecord, {
  id: true,
  fileName: true,
  contentType: true,
  size: true,
  status: true,
  createdAt: true,
});

export const DocumentRequest = z.strictObject({
  fileName: text(120),
  contentType: z.enum(documentTypes),
  size: z.int().check(z.minimum(1), z.maximum(MAX_DOCUMENT_BYTES)),
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;

/** The answer to an upload request: a presigned POST of one key, type and size, for five minutes. */
export const UploadTicket = z.object({
  documentId: Ulid,
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: Timestamp,
});

/** A short-lived link to a verified document. */
export const DownloadLink = z.object({ url: z.string(), expiresAt: Timestamp });
