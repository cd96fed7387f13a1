/**
 * Reading sessions' people: a session's whole roster (what the recap and the exports read) and a
 * wave's sessions with their registrations (what the readiness board reads). Kept apart from
 * the session use cases so the exports function does not carry the session key's sealing (KMS).
 */
import { NotFound } from '#shared/kernel/errors.ts';
import type { SessionSummary } from '../contract.ts';
import { sessionNotFound } from '../messages.ts';
import type { ExpectedUnitRecord, RegistrationRecord, SessionRecord, SessionTotalsRecord } from '../records.ts';
import { queryAllRegistrations } from '../repository/registrations.ts';
import { getSessionWithTotals, querySessionsOfWave, queryUnits } from '../repository/sessions.ts';

/** Everything a recap or an export needs: the session, what it expects, and every registration. */
export interface SessionRoster {
  session: SessionRecord;
  totals: SessionTotalsRecord;
  units: ExpectedUnitRecord[];
  registrations: RegistrationRecord[];
  /** Query pages the registrations took (for the benchmark). */
  pages: number;
}

/** The session, its expected units and all its registrations, read in parallel; 404 when there is none. */
export async function sessionRoster(sessionId: string): Promise<SessionRoster> {
  const [{ session, totals }, units, all] = await Promise.all([
    getSessionWithTotals(sessionId),
    queryUnits(sessionId),
    queryAllRegistrations(sessionId),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  return { session, totals, units, registrations: all.registrations, pages: all.pages };
}

/** A session as lists show it. */
export function summaryOf(record: Omit<SessionRecord, 'createdBy'>): SessionSummary {
  return {
    id: record.id,
    title: record.title,
    date: record.date,
    venue: record.venue,
    capacity: record.capacity ?? null,
    waveId: record.waveId ?? null,
    createdAt: record.createdAt,
  };
}

/** The sessions of a wave. */
export async function sessionsOfWave(waveId: string): Promise<SessionSummary[]> {
  return (await querySessionsOfWave(waveId)).sessions.map(summaryOf);
}

/**
 * The sessions of a wave and every registration at them: who came from each desa and kecamatan
 * (one Query for the sessions, one per session for its registrations, in parallel).
 */
export async function waveRegistrations(
  waveId: string,
): Promise<{ sessions: SessionSummary[]; registrations: RegistrationRecord[] }> {
  const { sessions } = await querySessionsOfWave(waveId);
  const rosters = await Promise.all(sessions.map((session) => queryAllRegistrations(session.id)));
  return { sessions: sessions.map(summaryOf), registrations: rosters.flatMap((roster) => roster.registrations) };
}
