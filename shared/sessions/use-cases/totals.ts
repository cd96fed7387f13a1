/** Keeping the session's running totals true to its records (see rules/totals.ts). */
import type { SessionTotalsRecord } from '../records.ts';
import { countRegistrations, getTotals, writeTotalsDecision } from '../repository/sessions.ts';
import { decideTotals, type Totals } from '../rules/totals.ts';

/**
 * Compares the totals with a count of the records (given, or counted now) and notes or corrects a
 * lasting disagreement. Answers the totals as they stand afterwards.
 */
export async function reconcileTotals(
  sessionId: string,
  known?: { seen: SessionTotalsRecord; counted: Totals },
): Promise<Totals> {
  const seen = known?.seen ?? (await getTotals(sessionId));
  const counted = known?.counted ?? (await countRegistrations(sessionId));
  const current = { registered: seen.registered ?? 0, present: seen.present ?? 0 };
  const decision = decideTotals(current, counted, seen.observed, new Date());
  if (decision.kind === 'observe') await writeTotalsDecision(sessionId, current, { observe: decision.observation });
  if (decision.kind === 'correct' && (await writeTotalsDecision(sessionId, current, { correct: decision.to }))) {
    return decision.to;
  }
  return current;
}
