/**
 * What an invitation code opens, for every route the code is the credential of (the page, the
 * registration, the SK upload). Small on purpose: the documents function carries it too.
 */
import type { Actor } from '#shared/kernel/audit-record.ts';
import { hashCode } from '#shared/kernel/codes.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { countUnknownCode } from '#shared/kernel/limits.ts';
import type { InvitationRecord, SessionRecord } from '../records.ts';
import { invitationForHash } from '../repository/invitations.ts';
import { getSession } from '../repository/sessions.ts';

/** The invitation a code opens; an unknown code counts against its caller and answers a bare 404. */
export async function invitationForCode(
  code: string,
  sourceIp: string,
): Promise<{ record: InvitationRecord; session: SessionRecord }> {
  const record = await invitationForHash(hashCode('invitation', code));
  const session = record ? await getSession(record.sessionId) : undefined;
  if (!record || !session) {
    await countUnknownCode(sourceIp);
    throw new NotFound();
  }
  return { record, session };
}

/** Who acts through an invitation: the trail names the unit's link, not a signed-in person. */
export function invitationPrincipal(record: InvitationRecord) {
  return { sub: `invitation:${record.id}`, name: 'Undangan', groups: [] };
}

/** The invitation as the audit trail's actor. */
export function invitationActor(record: InvitationRecord): Actor {
  const { sub, name } = invitationPrincipal(record);
  return { type: 'user', sub, name };
}
