/**
 * Indonesian phone numbers as people write them: `0812-3456-7890`, `+62 812 3456 7890`,
 * `62 812-3456-7890`, `(0735) 321 456`. All normalise to one E.164 form, `+628123456789`, so the
 * same number written two ways is still one number (one registration per phone per session).
 *
 * Hand-written rather than libphonenumber: the rule is small and Indonesian only, and the full
 * metadata would add ~80 KB to every function that registers people.
 */

const SEPARATORS = /[\s\-.()/]/g;

/** Returns the E.164 form (`+62…`) of an Indonesian number, or null if it is not one. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(SEPARATORS, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return null;
  if (national.startsWith('0')) national = national.slice(1);
  // National significant numbers: mobile 8xx… (9-12 digits) and fixed lines (8-11 digits).
  if (!/^[1-9]\d{7,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** Whether a string is already a normalised Indonesian number. */
export function isNormalizedPhone(value: string): boolean {
  return /^\+62[1-9]\d{7,11}$/.test(value);
}
