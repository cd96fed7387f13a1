import { hashCode, newCode } from '#shared/kernel/codes.ts';

/** A new receipt code (see kernel/codes.ts): shown on the BAST, stored only hashed and sealed. */
export function newReceiptCode(): string {
  return newCode();
}

/** The stored form of a receipt code. */
export function hashReceiptCode(code: string): string {
  return hashCode('receipt', code);
}
