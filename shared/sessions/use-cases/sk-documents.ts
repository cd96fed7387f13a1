/**
 * The SK Panitia a unit's people attach when registering through its invitation: uploaded and
 * checked by the kernel's verified path, like a BAST photo. Here is what an invitation adds: its
 * folder, its trail (the session's, naming the unit's link), and its code's allowance.
 */
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { keys, scopes } from '#shared/kernel/table/keys.ts';
import type { DocumentRequest } from '#shared/kernel/uploads/contract.ts';
import { completeUpload, downloadLink, type Holder, requestUpload } from '#shared/kernel/uploads/flow.ts';
import { folders } from '#shared/kernel/uploads/folders.ts';
import { tooManySkDocuments } from '../messages.ts';
import { InvitationDocumentRecord, type InvitationRecord } from '../records.ts';
import { countCodeDocument, getInvitationDocument } from '../repository/invitation-documents.ts';
import { getRegistration } from '../repository/registrations.ts';
import { invitationActor, invitationForCode } from './invitation-code.ts';

/** Uploads one code may ask for: one SK per person of the unit (up to 11 a desa), a retake or two each. */
export const MAX_SK_DOCUMENTS = 20;

function holderOf(record: InvitationRecord): Holder<InvitationDocumentRecord> {
  const { sessionId, unit } = record;
  return {
    folder: `${folders.invitations}/${record.id}`,
    key: (documentId) => keys.invitationDocument.item(sessionId, record.id, documentId),
    schema: InvitationDocumentRecord,
    fields: { sessionId, invitationId: record.id, codeHash: record.codeHash },
    audit: (action, entityId, after) => ({
      scope: scopes.session(sessionId),
      at: new Date().toISOString(),
      action,
      actor: invitationActor(record),
      entityId,
      after,
      ...(unit.kind === 'village' ? { villageCode: unit.code } : {}),
    }),
  };
}

/** Starts an SK upload through an invitation; at most MAX_SK_DOCUMENTS per code, counted atomically. */
export async function requestSkUpload(code: string, body: DocumentRequest, sourceIp: string) {
  const { record } = await invitationForCode(code, sourceIp);
  if (!(await countCodeDocument(record.codeHash, MAX_SK_DOCUMENTS))) {
    throw new Conflict(tooManySkDocuments, { max: MAX_SK_DOCUMENTS });
  }
  return requestUpload(holderOf(record), body);
}

/** Checks the stored SK; only a verified one may be named by a registration. */
export async function completeSkUpload(code: string, documentId: string, sourceIp: string) {
  const { record } = await invitationForCode(code, sourceIp);
  return completeUpload(holderOf(record), documentId);
}

/** A five-minute link to the verified SK a registration carries (organizers, and a kecamatan for its own desa). */
export async function skLink(sessionId: string, registrationId: string) {
  const registration = await getRegistration(sessionId, registrationId);
  if (!registration?.sk || !registration.invitationId) throw new NotFound();
  return downloadLink(await getInvitationDocument(sessionId, registration.invitationId, registration.sk.documentId));
}
