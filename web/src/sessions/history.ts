/** A session's "Riwayat" tab: who registered, checked in or cancelled whom, and when. */
import { everyPage } from '../api.ts';
import { auditTrail } from '../audit/trail.ts';
import type { SessionPage } from './session.ts';

export const historyPage: SessionPage = async ({ view, session, regions, left }) => {
  // Check-ins name a registration by id; the names make the trail readable.
  const registrations = await everyPage('listRegistrations', { params: { sessionId: session.id } }, left);
  if (left()) return undefined;
  const names = new Map(registrations.map((registration) => [registration.id, registration.fullName]));
  view.append(auditTrail({ sessionId: session.id }, { regions, names }));
  return undefined;
};
