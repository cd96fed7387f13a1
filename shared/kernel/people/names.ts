/**
 * Names are free text, of at least two letters. Single names ("Juproni"), titles and degrees ("H. M. Rahmattullah, S.STP.,
 * MM."), apostrophes ("Ma'ruf", "Ma’ruf") and letters from any script ("Ñoman", "Đặng") are all
 * valid; digits, control characters and symbols are not.
 */

const NAME = /^(?=.*\p{L})[\p{L}\p{M} .,'’‘`\-()]+$/u;

/** Trims, joins runs of spaces and composes accents (NFC), so equal names compare equal. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Characters free text never keeps: control characters (tabs and line breaks become spaces first)
 * and the invisible direction marks and overrides that make a text read differently than it is
 * stored (a "bidi override" can turn `exe.pdf` into `fdp.exe` on screen).
 */
const INVISIBLE = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Free text (titles, venues, notes, item names) cleaned as names are, without what cannot be seen. */
export function cleanText(raw: string): string {
  return cleanName(raw.replace(/\s+/g, ' ').replace(INVISIBLE, ''));
}

/**
 * Whether a cleaned name uses only the characters names are made of, and at least two letters: a
 * single initial ("A") is a slip of the thumb that would block the real holder of the place.
 */
export function isValidName(name: string): boolean {
  return NAME.test(name) && (name.match(/\p{L}/gu)?.length ?? 0) >= 2;
}

/** The comparison form of a name: case, accents, punctuation and spacing ignored. */
export function nameKey(name: string): string {
  return cleanName(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

// Indonesian collation, numbers compared as numbers ("Sukaraja II" and "Tanjung 2" sort as people
// expect). Built on first use: ICU collator setup costs a few milliseconds of every cold start, and
// most functions never sort names.
let collator: Intl.Collator | undefined;

/** Compares two names the way an Indonesian reader orders a list. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('id', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}
