import type { RegencyTimeZone } from '../config.ts';
import { localeOf, type Text } from './core.ts';

/**
 * An instant as a sentence names it, on the regency's clock: "8 Februari 2023 14.05 WITA" /
 * "8 February 2023 14:05 WITA". A text, so a message renders it in the caller's language.
 */
export function timeText(iso: string, timeZone: RegencyTimeZone): Text {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { id: iso, en: iso };
  const render = (lang: 'id' | 'en') =>
    `${new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: timeZone.iana }).format(date)} ${timeZone.label}`;
  return { id: render('id'), en: render('en') };
}
