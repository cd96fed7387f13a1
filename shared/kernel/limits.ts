/**
 * Limits for the public routes, each one atomic (a conditional increment decides, so a hundred
 * guesses sent at once are a hundred increments, and only those within the limit are judged):
 *
 * - Unknown codes, per caller: a caller's wrong codes are counted, and past the limit it waits for
 *   the window to end. A code is looked up first, and a valid one is never refused by this limit,
 *   so one bad actor behind a carrier's shared address cannot lock a village out.
 * - Uses, per code: what one valid code may do in a window (registrations through an invitation,
 *   say), so a leaked code cannot flood a session.
 */
import { createHash } from 'node:crypto';
import { TooManyRequests } from './errors.ts';
import { addWithin } from './table/counters.ts';
import { keys } from './table/keys.ts';

/** Unknown codes allowed per caller per window before it must wait. */
export const MAX_FAILURES = 20;
export const WINDOW_SECONDS = 600;

function bucketOf(kind: string, value: string): string {
  // Addresses are personal data; the counter only needs to tell callers apart.
  return createHash('sha256').update(`siap-rate:${kind}:${value}`).digest('hex').slice(0, 24);
}

function windowOf(now: number): { name: string; endsAt: number } {
  const start = Math.floor(now / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
  return { name: String(start), endsAt: start + WINDOW_SECONDS };
}

/** Takes one from a bucket's allowance in the current window, or refuses with 429 and when to come back. */
async function spend(kind: string, value: string, max: number): Promise<void> {
  const window = windowOf(Date.now());
  const key = keys.rateLimit.item(bucketOf(kind, value), window.name);
  // The counter expires one window after its own ends (DynamoDB's TTL removes it).
  if (!(await addWithin(key, 'used', max, window.endsAt + WINDOW_SECONDS))) {
    throw new TooManyRequests(Math.max(1, window.endsAt - Math.floor(Date.now() / 1000)));
  }
}

/**
 * Counts an unknown code against its caller. Within the allowance the caller is told the code is
 * unknown (the caller throws its 404); past it, 429.
 */
export function countUnknownCode(sourceIp: string): Promise<void> {
  return spend('client', sourceIp, MAX_FAILURES);
}

/** Spends one use of a valid code (per window, at most `max`); past it, 429. */
export function spendCodeUse(purpose: string, codeHash: string, max: number): Promise<void> {
  return spend(purpose, codeHash, max);
}
