import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new receipt code: 128 random bits in Crockford base32 (26 characters, no I, L, O or U, so it
 * survives being read aloud or typed from paper). It is shown once and stored only as a hash.
 */
export function newReceiptCode(): string {
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

/**
 * The stored form of a receipt code. A plain SHA-256 suffices: the code has 128 random bits, so
 * there is nothing to brute-force from the hash.
 */
export function hashReceiptCode(code: string): string {
  return createHash('sha256').update(`siap-receipt:${code}`).digest('hex');
}
