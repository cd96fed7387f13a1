/**
 * Dates as Indonesian official documents write them: "Rabu, 8 Februari 2023". Written out rather
 * than left to Intl so a printed record reads the same on every runtime, whatever ICU data it has.
 */
import { terbilang, titleCase } from './numbers.ts';

const DAYS = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

const MONTHS = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

function parts(isoDate: string): { year: number; month: number; day: number; weekday: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A calendar date has no time zone: compute its weekday in UTC so the server's zone cannot shift it.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new RangeError(`No such date: ${isoDate}`);
  return { year, month, day, weekday: date.getUTCDay() };
}

/** `2023-02-08` → "Rabu, 8 Februari 2023" (or "Wednesday, 8 February 2023"). */
export function longDate(isoDate: string, lang: 'id' | 'en' = 'id'): string {
  const { year, month, day, weekday } = parts(isoDate);
  return `${DAYS[lang][weekday]}, ${day} ${MONTHS[lang][month - 1]} ${year}`;
}

/** `2023-02-08` → "8 Februari 2023", for the place-and-date line above a signature. */
export function dayMonthYear(isoDate: string, lang: 'id' | 'en' = 'id'): string {
  const { year, month, day } = parts(isoDate);
  return `${day} ${MONTHS[lang][month - 1]} ${year}`;
}

/**
 * A date as the opening of a berita acara spells it, so no digit can be added later: `2023-02-08`
 * → "Rabu tanggal Delapan bulan Februari tahun Dua Ribu Dua Puluh Tiga". Indonesian only: the
 * form is a legal one.
 */
export function spelledDate(isoDate: string): string {
  const { year, month, day, weekday } = parts(isoDate);
  return `${DAYS.id[weekday]} tanggal ${titleCase(terbilang(day))} bulan ${MONTHS.id[month - 1]} tahun ${titleCase(terbilang(year))}`;
}

/** `2023-02-08` → "08-02-2023", the figure written in brackets after a spelled date. */
export function numericDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

/**
 * The calendar date of an instant where a record is signed: `2026-05-05T18:30:00Z` is already
 * 6 May in Jakarta. Stored times are UTC; a printed date must be the local one.
 */
export function calendarDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const part = Object.fromEntries(format.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}`;
}
