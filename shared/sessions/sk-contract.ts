/**
 * The SK Panitia attached through an invitation: its upload (the kernel's verified path, as for a
 * BAST photo) and the organizer's link to it. Apart from the invitation contracts, so the
 * documents function carries only these.
 */
import * as z from 'zod/mini';
import { CODE } from '#shared/kernel/codes.ts';
import { contract } from '#shared/kernel/http/contract.ts';
import { Ulid } from '#shared/kernel/schemas.ts';
import { DocumentInfo, DocumentRequest, DownloadLink, UploadTicket } from '#shared/kernel/uploads/contract.ts';
import { REGISTRATION_ID } from './rules/registration-id.ts';

const InvitationCode = z.string().check(z.regex(CODE));

export const requestInvitationDocumentUpload = contract({
  summary:
    'Ask to upload the SK Panitia (JPEG, PNG or PDF, at most 10 MB) to attach when registering through the invitation',
  tag: 'Invitations',
  params: z.strictObject({ code: InvitationCode }),
  body: { schema: DocumentRequest },
  replies: {
    201: {
      description: 'A presigned S3 POST: send the fields and the file as multipart/form-data to url',
      schema: UploadTicket,
    },
    409: { description: 'The code has asked for as many uploads as it may' },
  },
});

export const completeInvitationDocumentUpload = contract({
  summary: 'Check the stored SK (exists, size, first bytes match its type); once verified a registration may name it',
  tag: 'Invitations',
  params: z.strictObject({ code: InvitationCode, documentId: Ulid }),
  replies: { 200: { description: 'Verified', schema: DocumentInfo } },
});

export const getRegistrationSkLink = contract({
  summary: 'A short-lived download link for the SK Panitia a registration carries',
  tag: 'Invitations',
  params: z.strictObject({ sessionId: Ulid, registrationId: z.string().check(z.regex(REGISTRATION_ID)) }),
  replies: {
    200: { description: 'Link valid for 5 minutes', schema: DownloadLink },
    404: { description: 'The registration carries no verified SK' },
  },
});
