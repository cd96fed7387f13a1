import * as z from 'zod/mini';
import { cleanName, cleanText, isValidName } from '#shared/kernel/people/names.ts';
import { isNormalizedPhone, normalizePhone } from '#shared/kernel/people/phone.ts';

/** Kemendagri desa code, e.g. `16.09.01.2001`. */
export const VillageCode = z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { error: 'field.villageCode' }));

/** Kemendagri kecamatan code, e.g. `16.09.01`. */
export const KecamatanCode = z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, { error: 'field.kecamatanCode' }));

/** A person's name: free text, cleaned (spaces joined, NFC), 1-120 characters. */
export const PersonName = z
  .string()
  .check(z.overwrite(cleanName), z.minLength(1), z.maxLength(120), z.refine(isValidName, { error: 'field.name' }));

/** A place, title or note: trimmed free text without control or direction-override characters. */
export function text(max: number, min = 1) {
  return z.string().check(z.overwrite(cleanText), z.minLength(min), z.maxLength(max));
}

/** An Indonesian phone number in any common spelling, normalised to `+62…`. */
export const Phone = z.string().check(
  z.maxLength(32),
  z.overwrite((raw) => normalizePhone(raw) ?? raw),
  z.refine(isNormalizedPhone, { error: 'field.phone' }),
);

/**
 * A calendar date `YYYY-MM-DD` that exists, between 1900 and 2100: a typo such as 0202 or 20225
 * is refused instead of being stored as a date nobody meant.
 */
export const IsoDate = z.iso
  .date()
  .check(z.refine((day: string) => day >= '1900-01-01' && day <= '2100-12-31', { error: 'field.date.range' }));

/** A timestamp as ISO 8601 text. */
export const Timestamp = z.string();

/** Ids we mint: ULIDs. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));

/** A whole number within bounds. */
export function count(max: number, min = 0) {
  return z.int().check(z.minimum(min), z.maximum(max));
}

/** Paging of long lists: an opaque cursor and a page size. */
export const PageQuery = z.strictObject({
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/, { error: 'field.invalid' })),
      z.pipe(z.transform(Number), z.int().check(z.minimum(1), z.maximum(1000))),
    ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});

/** The problem document every 4xx and 5xx answers with (RFC 9457). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});
