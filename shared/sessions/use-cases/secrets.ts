/**
 * A session's own key, and what it seals: the secrets of its passes and its invitation codes, which
 * organizers must be able to print again. The key is random, stored on the session sealed with the
 * regency's key (KMS in AWS), and opened once per warm function; sealing a pass or a code is then
 * local work, so a registration costs no KMS call.
 */
import { hashCode, matchesHash, newCode } from '#shared/kernel/codes.ts';
import { publicUrl } from '#shared/kernel/config.ts';
import { newDataKey, open, openWithKey, seal, sealWithKey } from '#shared/kernel/secrets.ts';
import type { RegistrationRecord, SessionRecord } from '../records.ts';
import { getSession, setSessionKey } from '../repository/sessions.ts';
import { passToken } from '../rules/pass.ts';

const opened = new Map<string, Buffer>();
const keyContext = (sessionId: string) => ({ purpose: 'session-key', sessionId });

/** Seals a new session key for a session being created. */
export async function newSealedSessionKey(sessionId: string): Promise<string> {
  return seal(newDataKey(), keyContext(sessionId));
}

/** The session's key, opened (made and stored first for a session created before keys). */
export async function sessionKey(session: Pick<SessionRecord, 'id' | 'sealedKey'>): Promise<Buffer> {
  let sealed = session.sealedKey;
  if (!sealed) {
    const made = await newSealedSessionKey(session.id);
    // Whoever stores one first wins; everyone then uses that one.
    sealed = (await setSessionKey(session.id, made)) ? made : (await getSession(session.id))?.sealedKey;
    if (!sealed) throw new Error(`Session ${session.id} has no key`);
  }
  let key = opened.get(sealed);
  if (!key) {
    key = Buffer.from(await open(sealed, keyContext(session.id)), 'base64');
    opened.set(sealed, key);
  }
  return key;
}

const passContext = (sessionId: string) => ({ purpose: 'pass', sessionId });

/** A new pass secret for a registration: what its record keeps. */
export function newPass(key: Buffer, sessionId: string): NonNullable<RegistrationRecord['pass']> {
  const secret = newCode();
  return { hash: hashCode('pass', secret), sealed: sealWithKey(key, secret, passContext(sessionId)) };
}

/** The pass a registration's person carries: its token and page; null for a record older than passes. */
export function passOf(key: Buffer, record: RegistrationRecord): { token: string; url: string } | null {
  if (!record.pass) return null;
  const secret = openWithKey(key, record.pass.sealed, passContext(record.sessionId));
  const token = passToken({ sessionId: record.sessionId, registrationId: record.id, secret });
  return { token, url: `${publicUrl()}/hadir/${token}` };
}

/** Whether a scanned secret is this registration's pass. */
export function passMatches(record: RegistrationRecord, secret: string): boolean {
  return record.pass !== undefined && matchesHash('pass', secret, record.pass.hash);
}

const codeContext = (sessionId: string, invitationId: string) => ({ purpose: 'invitation', sessionId, invitationId });

/** Seals an invitation's code with the session's key. */
export function sealInvitationCode(key: Buffer, sessionId: string, invitationId: string, code: string): string {
  return sealWithKey(key, code, codeContext(sessionId, invitationId));
}

/** Opens an invitation's sealed code. */
export function openInvitationCode(key: Buffer, sessionId: string, invitationId: string, sealed: string): string {
  return openWithKey(key, sealed, codeContext(sessionId, invitationId));
}
