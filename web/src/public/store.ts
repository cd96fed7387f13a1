/**
 * What a public page keeps on the phone while the signal comes and goes: a draft of what was typed
 * (a cheap phone often reloads the tab when the person switches to the camera or WhatsApp) and a
 * request waiting to be sent. Written to localStorage before the first attempt, so a closed tab
 * or a dead battery loses nothing, and removed once the server has answered. Private mode or a
 * full storage: kept in memory only, never an exception.
 */

/** The value kept under `key`, if `valid` accepts what was read; null otherwise. */
export function loadKept<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps a value on the phone; false when the browser refuses storage. */
export function keep(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets what was kept under `key`. */
export function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}

/** A string field of something read back from storage ('' when it is not one). */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Whether a value read back is an object (what every kept thing is). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** 32 hex characters from the phone's random source (works without HTTPS, unlike randomUUID). */
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends what was kept once the signal is back: at each `online` event and every `everyMs`, `tick`
 * is called (it knows whether anything is waiting and sends it at most once at a time).
 */
export function retryWhenOnline(tick: () => void, everyMs = 20_000): void {
  window.addEventListener('online', tick);
  setInterval(tick, everyMs);
}
