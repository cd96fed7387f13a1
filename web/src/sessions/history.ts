/** A session's "Riwayat" tab: who registered, checked in or cancelled whom, and when. */
import { get } from '../api.ts';
import { auditTrail } from '../audit/trail.ts';
import type { Page, Registration } from '../types.ts';
import type { SessionPage } from './session.ts';

export const historyPage: SessionPage = async ({ view, session, regions, left }) => {
  // Check-ins name a registration by id; the names make the trail readable.
  const names = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: Page<Registration> = await get<Page<Registration>>(
      `/sessions/${session.id}/registrations?limit=1000${query}`,
    );
    for (const registration of page.items) names.set(registration.id, registration.fullName);
    cursor = page.nextCursor;
  } while (cursor && !left());
  if (left()) return undefined;
  view.append(auditTrail(`sessionId=${session.id}`, { regions, names }));
  return undefined;
};
