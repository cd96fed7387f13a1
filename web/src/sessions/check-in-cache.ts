/**
 * The check-in list kept on the phone (localStorage), so a reload at the door shows the list at
 * once and then refreshes it. Kept small and lean: per person only what the door needs (no phone
 * numbers), for the last few sessions opened, and forgotten at sign-out.
 */
import type { Role } from '#shared/sessions/rules/roles.ts';
import type { Registration } from '../types.ts';

/** What the door shows of a registration. */
export type Entry = Pick<Registration, 'id' | 'fullName' | 'role' | 'villageCode' | 'kecamatanCode' | 'checkedInAt'>;

const PREFIX = 'siap.hadir.';
const INDEX = 'siap.hadir';
const SESSIONS_KEPT = 3;

type Row = [id: string, fullName: string, role: Role, villageCode: string, kecamatanCode: string, checkedInAt: string];

interface Stored {
  v: 1;
  savedAt: string;
  rows: Row[];
}

/** The list kept for a session, with when it was saved; null when there is none (or it is unreadable). */
export function loadList(sessionId: string): { savedAt: string; entries: Entry[] } | null {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + sessionId) ?? 'null') as Stored | null;
    if (stored?.v !== 1 || !Array.isArray(stored.rows)) return null;
    return {
      savedAt: stored.savedAt,
      entries: stored.rows.map(([id, fullName, role, villageCode, kecamatanCode, checkedInAt]) => ({
        id,
        fullName,
        role,
        villageCode: villageCode || undefined,
        kecamatanCode,
        checkedInAt: checkedInAt || null,
      })),
    };
  } catch {
    return null;
  }
}

/** Keeps a session's list; the oldest kept session makes room. Silent when storage is refused or full. */
export function saveList(sessionId: string, entries: readonly Entry[]): void {
  const stored: Stored = {
    v: 1,
    savedAt: new Date().toISOString(),
    rows: entries.map((each) => [
      each.id,
      each.fullName,
      each.role,
      each.villageCode ?? '',
      each.kecamatanCode ?? '',
      each.checkedInAt ?? '',
    ]),
  };
  try {
    const index = (JSON.parse(localStorage.getItem(INDEX) ?? '[]') as string[]).filter((id) => id !== sessionId);
    index.unshift(sessionId);
    for (const old of index.splice(SESSIONS_KEPT)) localStorage.removeItem(PREFIX + old);
    localStorage.setItem(INDEX, JSON.stringify(index));
    localStorage.setItem(PREFIX + sessionId, JSON.stringify(stored));
  } catch {
    // Private mode or a full storage: the list is fetched again after a reload.
  }
}

/** Forgets every kept list (names of people): called when the organizer signs out. */
export function forgetLists(): void {
  try {
    const index = JSON.parse(localStorage.getItem(INDEX) ?? '[]') as string[];
    for (const id of index) localStorage.removeItem(PREFIX + id);
    localStorage.removeItem(INDEX);
  } catch {
    // Nothing was kept.
  }
}
