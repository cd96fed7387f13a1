/**
 * The page side of the one i18n engine (`#shared/kernel/i18n/core.ts`): which language this device
 * reads, a dictionary bound to it, and dates, times and lists written the language's way. Used by
 * the organizer pages and the receipt page alike, so a language chosen on one is kept on the other.
 */
import { formatNumber, type Lang, localeOf, type Params, render, type Text } from '#shared/kernel/i18n/core.ts';

export type { Lang, Text };

const STORAGE_KEY = 'siap.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let current: Lang = stored();

/** The language the pages speak now; read at each render so a switch redraws in the new one. */
export function lang(): Lang {
  return current;
}

/** Switches language, remembered on this device (private mode: until the page is closed). */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts until the page is closed.
  }
}

/**
 * Binds an area's dictionary to the page language: `t(key, params)` renders a text now, `has(key)`
 * tells whether a key built from an API value (an audit action) has a text.
 */
export function texts<K extends string>(entries: Record<K, Text>) {
  return {
    t: (key: K, params?: Params): string => render(current, entries[key], params),
    // Not Object.hasOwn (the core's `has`): it is newer than the phones the pages are built for.
    // Every key has an area prefix (`audit.action.…`), so no prototype name can match.
    has: (key: string): key is K => key in entries,
  };
}

/** A number with the language's digit grouping: 2.316 / 2,316. */
export function num(value: number): string {
  return formatNumber(current, value);
}

/**
 * `2023-02-08` as "8 Februari 2023" (the date is a calendar day, not an instant); a timeline asks
 * for a shorter one (`{ day: 'numeric', month: 'short' }`: "8 Feb").
 */
export function formatDate(isoDate: string, style: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf(current), { ...style, timeZone: 'UTC' }).format(date);
}

/** An instant as the local clock time, e.g. "08.15". */
export function formatTime(timestamp: string | number, seconds = false): string {
  return new Intl.DateTimeFormat(localeOf(current), {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(new Date(timestamp));
}

/**
 * An instant as the local date and clock time, "8 Feb 2023 08.15" by default; the receipt page asks
 * for the long date ("8 Februari 2023 14.05"), with or without the time.
 */
export function formatDateTime(
  timestamp: string,
  style: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(localeOf(current), style).format(date);
}

/** A list joined the way the language writes it: "A, B dan C" / "A, B and C". */
export function formatList(items: string[]): string {
  if (typeof Intl.ListFormat === 'function') {
    return new Intl.ListFormat(localeOf(current), { style: 'long', type: 'conjunction' }).format(items);
  }
  return items.join(', ');
}
