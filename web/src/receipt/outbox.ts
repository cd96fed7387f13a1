/**
 * A confirmation waiting on the phone for a signal. It is written to localStorage before the first
 * attempt (so a closed tab or a dead battery does not lose it) and removed only once the server
 * has answered. Its clientRequestId is chosen once, so every resend is the same confirmation and
 * the server records it at most once.
 */
import type { RequestBody } from '../operations.ts';

export interface Pending {
  body: RequestBody<'confirmReceipt'> & { clientRequestId: string };
  savedAt: string;
}

const keyOf = (code: string) => `siap.terima.${code}`;

/** The confirmation kept for this code, if any. */
export function loadPending(code: string): Pending | null {
  try {
    const raw = localStorage.getItem(keyOf(code));
    const parsed = raw ? (JSON.parse(raw) as Pending) : null;
    return parsed?.body?.clientRequestId && Array.isArray(parsed.body.lines) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps the confirmation on the phone; false when the browser refuses storage (private mode). */
export function keepPending(code: string, pending: Pending): boolean {
  try {
    localStorage.setItem(keyOf(code), JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

export function forgetPending(code: string): void {
  try {
    localStorage.removeItem(keyOf(code));
  } catch {
    // Nothing was stored.
  }
}

/** 32 hex characters from the phone's random source (works without HTTPS, unlike randomUUID). */
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
