/**
 * When the session's running totals may be corrected from a count of its records. The counters are
 * atomic, but a request that dies between its steps can leave one too many (a seat taken for a
 * registration that was never written). A count that disagrees may also just have caught a
 * registration half-way, so a correction is applied only when the same disagreement, with the
 * counters unchanged, is seen again after a settling time longer than any request lives. Pure.
 */

/** Longer than a function's timeout: whatever was in flight at the first look has finished by then. */
export const SETTLE_MS = 30_000;

export interface Totals {
  registered: number;
  present: number;
}

/** A disagreement seen once: the count and the counters as they were, and when. */
export interface Observation {
  registered: number;
  present: number;
  seenRegistered: number;
  seenPresent: number;
  at: string;
}

export type TotalsDecision =
  | { kind: 'agree' }
  /** Note the disagreement; correct it if it is still there after SETTLE_MS. */
  | { kind: 'observe'; observation: Observation }
  | { kind: 'correct'; to: Totals };

/** What to do with counters `seen` (and an earlier observation) given a fresh `counted`. */
export function decideTotals(
  seen: Totals,
  counted: Totals,
  earlier: Observation | undefined,
  now: Date,
): TotalsDecision {
  if (seen.registered === counted.registered && seen.present === counted.present) return { kind: 'agree' };
  const same =
    earlier &&
    earlier.registered === counted.registered &&
    earlier.present === counted.present &&
    earlier.seenRegistered === seen.registered &&
    earlier.seenPresent === seen.present;
  if (same && now.getTime() - Date.parse(earlier.at) >= SETTLE_MS) return { kind: 'correct', to: counted };
  if (same) return { kind: 'agree' };
  return {
    kind: 'observe',
    observation: {
      registered: counted.registered,
      present: counted.present,
      seenRegistered: seen.registered,
      seenPresent: seen.present,
      at: now.toISOString(),
    },
  };
}
