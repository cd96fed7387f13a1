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
const draftKeyOf = (code: string) => `siap.terima.draft.${code}`;

/** The form as typed so far: who received, the counts per item code (as typed), the note. */
export interface Draft {
  name: string;
  phone: string;
  note: string;
  lines: Record<string, { good: string; minorDamage: string; majorDamage: string }>;
}

/**
 * The draft kept for this code, or null. A cheap phone often reloads the tab when the person
 * switches to the camera or WhatsApp; the draft brings back what was typed.
 */
export function loadDraft(code: string): Draft | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(draftKeyOf(code)) ?? 'null') as Partial<Draft> | null;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.lines !== 'object' || parsed.lines === null) return null;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const lines: Draft['lines'] = {};
    for (const [itemCode, counts] of Object.entries(parsed.lines)) {
      lines[itemCode] = {
        good: text(counts?.good),
        minorDamage: text(counts?.minorDamage),
        majorDamage: text(counts?.majorDamage),
      };
    }
    return { name: text(parsed.name), phone: text(parsed.phone), note: text(parsed.note), lines };
  } catch {
    return null;
  }
}

/** Keeps the draft at each keystroke (private mode: it lasts as long as the tab). */
export function keepDraft(code: string, draft: Draft): void {
  try {
    localStorage.setItem(draftKeyOf(code), JSON.stringify(draft));
  } catch {
    // Storage refused: the form keeps it in memory only.
  }
}

/** Forgets the draft once the confirmation is recorded (or can never be). */
export function forgetDraft(code: string): void {
  try {
    localStorage.removeItem(draftKeyOf(code));
  } catch {
    // Nothing was stored.
  }
}

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

/** Forgets the kept confirmation once the server has answered it. */
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
