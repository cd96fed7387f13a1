/**
 * A confirmation waiting on the phone for a signal, and the draft of the form (public/store.ts
 * keeps both). Its clientRequestId is chosen once, so every resend is the same confirmation and
 * the server records it at most once.
 */
import type { RequestBody } from '../operations.ts';
import { forget, isRecord, keep, loadKept, textOf } from '../public/store.ts';

export { newRequestId } from '../public/store.ts';

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

const isDraftLike = (value: unknown): value is Record<string, unknown> & { lines: Record<string, unknown> } =>
  isRecord(value) && isRecord(value.lines);

/** The draft kept for this code, or null. */
export function loadDraft(code: string): Draft | null {
  const parsed = loadKept(draftKeyOf(code), isDraftLike);
  if (!parsed) return null;
  const lines: Draft['lines'] = {};
  for (const [itemCode, counts] of Object.entries(parsed.lines)) {
    const each = isRecord(counts) ? counts : {};
    lines[itemCode] = {
      good: textOf(each.good),
      minorDamage: textOf(each.minorDamage),
      majorDamage: textOf(each.majorDamage),
    };
  }
  return { name: textOf(parsed.name), phone: textOf(parsed.phone), note: textOf(parsed.note), lines };
}

/** Keeps the draft at each keystroke (private mode: it lasts as long as the tab). */
export function keepDraft(code: string, draft: Draft): void {
  keep(draftKeyOf(code), draft);
}

/** Forgets the draft once the confirmation is recorded (or can never be). */
export function forgetDraft(code: string): void {
  forget(draftKeyOf(code));
}

const isPending = (value: unknown): value is Pending =>
  isRecord(value) &&
  isRecord(value.body) &&
  typeof value.body.clientRequestId === 'string' &&
  value.body.clientRequestId !== '' &&
  Array.isArray(value.body.lines);

/** The confirmation kept for this code, if any. */
export function loadPending(code: string): Pending | null {
  return loadKept(keyOf(code), isPending);
}

/** Keeps the confirmation on the phone; false when the browser refuses storage (private mode). */
export function keepPending(code: string, pending: Pending): boolean {
  return keep(keyOf(code), pending);
}

/** Forgets the kept confirmation once the server has answered it. */
export function forgetPending(code: string): void {
  forget(keyOf(code));
}
