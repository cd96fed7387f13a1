/**
 * A personal pass: `<sessionId>_<registrationId>_<secret>`. The secret is a random code (kernel/
 * codes.ts) whose hash is kept on the registration, so a pass is checked with one read of the
 * record it names and no lookup table; the session and registration ids in it reveal only what the
 * pass page shows anyway. A pass whose secret is replaced stops working. Pure.
 */
import { CODE } from '#shared/kernel/codes.ts';
import { REGISTRATION_ID } from './registration-id.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The shape of every pass token (for path parameters and QR scans). */
export const PASS_TOKEN = /^[0-9A-HJKMNP-TV-Z]{26}_[A-Z]{2}[-0-9a-f.]{0,40}_[0-9A-HJKMNP-TV-Z]{26}$/;

export interface PassParts {
  sessionId: string;
  registrationId: string;
  secret: string;
}

/** The token of a pass. */
export function passToken(parts: PassParts): string {
  return `${parts.sessionId}_${parts.registrationId}_${parts.secret}`;
}

/** A token's parts, or null when it is not a pass token at all. */
export function parsePassToken(token: string): PassParts | null {
  const [sessionId = '', registrationId = '', secret = '', ...rest] = token.split('_');
  if (rest.length > 0 || !ULID.test(sessionId) || !REGISTRATION_ID.test(registrationId) || !CODE.test(secret)) {
    return null;
  }
  return { sessionId, registrationId, secret };
}
