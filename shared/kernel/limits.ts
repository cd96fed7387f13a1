/**
 * Attempt limits for the public routes: failed receipt-code attempts are counted per caller, and a
 * caller past the limit waits for the window to end. The counter's item is read together with the
 * lookup it guards, so the check costs no extra request.
 */
import { createHash } from 'node:crypto';
import { TooManyRequests } from './errors.ts';
import { addToCounter } from './table/counters.ts';
import { keys } from './table/keys.ts';

/** Failed receipt-code attempts allowed per caller per window before they must wait. */
export const MAX_FAILURES = 20;
export const WINDOW_SECONDS = 600;

function bucketOf(sourceIp: string): string {
  // Addresses are personal data; the counter only needs to tell callers apart.
  return createHash('sha256').update(`siap-rate:${sourceIp}`).digest('hex').slice(0, 24);
}

function windowOf(now: number): { name: string; endsAt: number } {
  const start = Math.floor(now / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
  return { name: String(start), endsAt: start + WINDOW_SECONDS };
}

/** The key of a caller's failure counter in the current window (read together with the lookup). */
export function attemptsKey(sourceIp: string) {
  return keys.rateLimit.item(bucketOf(sourceIp), windowOf(Date.now()).name);
}

/** Refuses (429) a caller whose counter shows too many failures in the current window. */
export function guardAttempts(counter: Record<string, unknown> | undefined): void {
  if (Number(counter?.failures ?? 0) >= MAX_FAILURES) {
    throw new TooManyRequests(Math.max(1, windowOf(Date.now()).endsAt - Math.floor(Date.now() / 1000)));
  }
}

/** Counts one failed attempt (the counter expires with its window). */
export async function recordFailure(sourceIp: string): Promise<void> {
  const window = windowOf(Date.now());
  await addToCounter(
    keys.rateLimit.item(bucketOf(sourceIp), window.name),
    'failures',
    1,
    window.endsAt + WINDOW_SECONDS,
  );
}
