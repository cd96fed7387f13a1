import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import { Timestamp, Ulid, VillageCode } from '#shared/kernel/schemas.ts';
import { DocumentRequest, UploadTicket } from '#shared/kernel/uploads/contract.ts';
import { DocumentInfo, ItemCode, Receipt, ReceiptInput } from './contract.ts';

/** Receipt codes: 26 characters of Crockford base32 (128 random bits). */
export const ReceiptCode = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
const CodeParams = z.strictObject({ receiptCode: ReceiptCode });

/** What a village sees of its own shipment, and nothing else. */
export const ReceiptView = z.object({
  regency: z.string(),
  bastNumber: z.string(),
  village: z.object({ code: VillageCode, name: z.string(), kecamatanName: z.string() }),
  lines: z.array(z.object({ itemCode: ItemCode, name: z.string(), unit: z.string(), quantity: z.int() })),
  shippedAt: Timestamp,
  receipt: z.nullable(Receipt),
  documents: z.array(DocumentInfo),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const getReceipt = contract({
  summary: 'The shipment a receipt code opens (public; the code is the credential)',
  tag: 'Receipts',
  params: CodeParams,
  replies: { 200: { description: 'That one shipment', schema: ReceiptView } },
});

export const confirmReceipt = contract({
  summary: 'Confirm what arrived, per line: good, lightly damaged, heavily damaged (missing is the rest)',
  tag: 'Receipts',
  params: CodeParams,
  body: { schema: ReceiptInput },
  replies: {
    201: { description: 'Confirmed', schema: ReceiptView },
    200: { description: 'This same confirmation was already received (a resend)', schema: ReceiptView },
    409: { description: 'Already confirmed; corrections are an organizer action' },
  },
});

export const requestDocumentUpload = contract({
  summary: 'Ask to upload a photo or scan of the signed BAST (JPEG, PNG or PDF, at most 10 MB)',
  tag: 'Receipts',
  params: CodeParams,
  body: { schema: DocumentRequest },
  replies: {
    201: {
      description: 'A presigned S3 POST: send the fields and the file as multipart/form-data to url',
      schema: UploadTicket,
    },
  },
});

export const completeDocumentUpload = contract({
  summary: 'Check the stored file (exists, size, first bytes match its type) before it counts',
  tag: 'Receipts',
  params: z.strictObject({ receiptCode: ReceiptCode, documentId: Ulid }),
  replies: { 200: { description: 'Verified', schema: DocumentInfo } },
});
