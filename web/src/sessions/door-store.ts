/**
 * What the door keeps on the phone, in IndexedDB: the session's list (so a reload shows it at
 * once, and check-in works without a network) and the check-ins not sent yet (taps and scans made
 * while offline, each with its time and this phone's id). The queue is sent as
 * `POST /sessions/{id}/check-ins` when the network returns; the API counts a person once, keeping
 * the earliest time, so sending twice or from several phones is harmless.
 *
 * Per person the list keeps only what the door shows (no phone numbers), for the last few
 * sessions opened; the lists are forgotten at sign-out. Where IndexedDB is refused (some private
 * modes) every call answers as if nothing were kept and the page works online.
 */
import type { Role } from '#shared/sessions/rules/roles.ts';
import type { RequestBody } from '../operations.ts';
import type { Registration } from '../types.ts';

/** What the door shows of a registration. */
export type Entry = Pick<
  Registration,
  'id' | 'fullName' | 'role' | 'villageCode' | 'kecamatanCode' | 'checkedInAt' | 'source' | 'sk'
>;

/** One check-in as the batch route takes it. */
export type QueuedItem = RequestBody<'checkInMany'>['items'][number];

/** A kept check-in: its place in the queue and the session it is for. */
export interface Queued {
  key: number;
  sessionId: string;
  item: QueuedItem;
}

const DATABASE = 'siap-pintu';
const LISTS = 'lists';
const QUEUE = 'queue';
const SESSIONS_KEPT = 3;
const DEVICE_KEY = 'siap.device';
/** The localStorage lists of earlier versions, removed once. */
const OLD_PREFIX = 'siap.hadir';

type Row = [
  id: string,
  fullName: string,
  role: Role,
  villageCode: string,
  kecamatanCode: string,
  checkedInAt: string,
  source?: Entry['source'],
  sk?: Entry['sk'],
];

interface StoredList {
  sessionId: string;
  savedAt: string;
  rows: Row[];
}

let opened: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore(LISTS, { keyPath: 'sessionId' });
        db.createObjectStore(QUEUE, { autoIncrement: true }).createIndex('bySession', 'sessionId');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** This phone's id for the audit trail ("pintu" and a random part), chosen once. */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept && /^[A-Za-z0-9_-]{4,64}$/.test(kept)) return kept;
    const fresh = `hp-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    return 'hp-tanpa-penyimpanan';
  }
}

/** The list kept for a session, with when it was saved; null when there is none. */
export async function loadList(sessionId: string): Promise<{ savedAt: string; entries: Entry[] } | null> {
  const db = await database();
  if (!db) return null;
  try {
    const stored = (await done(db.transaction(LISTS).objectStore(LISTS).get(sessionId))) as StoredList | undefined;
    if (!stored || !Array.isArray(stored.rows)) return null;
    return {
      savedAt: stored.savedAt,
      entries: stored.rows.map(([id, fullName, role, villageCode, kecamatanCode, checkedInAt, source, sk]) => ({
        id,
        fullName,
        role,
        villageCode: villageCode || undefined,
        kecamatanCode: kecamatanCode || undefined,
        checkedInAt: checkedInAt || null,
        source,
        sk,
      })),
    };
  } catch {
    return null;
  }
}

/** Keeps a session's list; the oldest kept sessions make room. Silent when storage is refused or full. */
export async function saveList(sessionId: string, entries: readonly Entry[]): Promise<void> {
  const db = await database();
  if (!db) return;
  const stored: StoredList = {
    sessionId,
    savedAt: new Date().toISOString(),
    rows: entries.map((each) => [
      each.id,
      each.fullName,
      each.role,
      each.villageCode ?? '',
      each.kecamatanCode ?? '',
      each.checkedInAt ?? '',
      each.source,
      each.sk,
    ]),
  };
  try {
    const transaction = db.transaction(LISTS, 'readwrite');
    const lists = transaction.objectStore(LISTS);
    lists.put(stored);
    const all = (await done(lists.getAll())) as StoredList[];
    const others = all
      .filter((each) => each.sessionId !== sessionId)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    for (const old of others.slice(SESSIONS_KEPT - 1)) lists.delete(old.sessionId);
    await finished(transaction);
  } catch {
    // A full storage: the list is fetched again after a reload.
  }
}

/** Keeps check-ins to send later; answers how many are waiting for the session. */
export async function enqueue(sessionId: string, items: QueuedItem[]): Promise<boolean> {
  const db = await database();
  if (!db) return false;
  try {
    const transaction = db.transaction(QUEUE, 'readwrite');
    for (const item of items) transaction.objectStore(QUEUE).add({ sessionId, item });
    await finished(transaction);
    return true;
  } catch {
    return false;
  }
}

/** The check-ins not sent yet for a session, oldest first. */
export async function queued(sessionId: string): Promise<Queued[]> {
  const db = await database();
  if (!db) return [];
  try {
    const index = db.transaction(QUEUE).objectStore(QUEUE).index('bySession');
    const [keys, values] = await Promise.all([
      done(index.getAllKeys(sessionId)),
      done(index.getAll(sessionId)) as Promise<Array<{ sessionId: string; item: QueuedItem }>>,
    ]);
    return values.map((value, i) => ({ key: Number(keys[i]), sessionId: value.sessionId, item: value.item }));
  } catch {
    return [];
  }
}

/** Removes check-ins the server has answered. */
export async function dequeue(keys: readonly number[]): Promise<void> {
  const db = await database();
  if (!db || keys.length === 0) return;
  const transaction = db.transaction(QUEUE, 'readwrite');
  for (const key of keys) transaction.objectStore(QUEUE).delete(key);
  await finished(transaction).catch(() => undefined);
}

/**
 * Forgets every kept list (names of people): called when the organizer signs out. Check-ins not
 * sent yet stay: they happened, and they carry no names.
 */
export async function forgetLists(): Promise<void> {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(OLD_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing was kept there.
  }
  const db = await database();
  if (!db) return;
  const transaction = db.transaction(LISTS, 'readwrite');
  transaction.objectStore(LISTS).clear();
  await finished(transaction).catch(() => undefined);
}
