/**
 * Secret codes people carry (a village's receipt link, a unit's invitation, a personal pass, a
 * certificate's check link): 128 random bits in Crockford base32, 26 characters without I, L, O
 * or U, so a code survives being read aloud or typed from paper. Stored only as a hash (and, where
 * organizers must see it again, sealed); a plain SHA-256 suffices, since there is nothing to
 * brute-force from 128 random bits.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shape of every code (for path parameters). */
export const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new code. */
export function newCode(): string {
  const bytes = randomBytes(17);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 26; i++) {
    code += ALPHABET[Number(value & 31n)];
    value >>= 5n;
  }
  return code;
}

/** The stored form of a code, bound to what it is for (`receipt`, `invitation`, `pass`, `certificate`). */
export function hashCode(purpose: string, code: string): string {
  return createHash('sha256').update(`siap-${purpose}:${code}`).digest('hex');
}

/** Whether a code matches a stored hash, in constant time. */
export function matchesHash(purpose: string, code: string, hash: string): boolean {
  const actual = Buffer.from(hashCode(purpose, code), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
