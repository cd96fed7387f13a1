import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import {
  KecamatanCode,
  PageQuery,
  PersonName,
  Phone,
  Timestamp,
  text,
  Ulid,
  VillageCode,
} from '#shared/kernel/schemas.ts';
import { RegistrationRecord, Role } from './records.ts';
import { isVillageRole } from './rules/roles.ts';

export { Role };

const RegistrationFields = z.strictObject({
  fullName: PersonName,
  role: Role,
  villageCode: z.optional(VillageCode),
  kecamatanCode: z.optional(KecamatanCode),
  phone: z.optional(Phone),
});

/** Committee roles name their desa; the Kasi names the kecamatan. */
export const RegistrationInput = RegistrationFields.check(
  z.superRefine((value, ctx) => {
    if (isVillageRole(value.role)) {
      if (!value.villageCode) ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'field.village.needed' });
      if (value.kecamatanCode)
        ctx.addIssue({ code: 'custom', path: ['kecamatanCode'], message: 'field.kecamatan.notForRole' });
    } else {
      if (!value.kecamatanCode)
        ctx.addIssue({ code: 'custom', path: ['kecamatanCode'], message: 'field.kecamatan.needed' });
      if (value.villageCode)
        ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'field.village.notForRole' });
    }
  }),
);
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** A registration as the API shows it: the stored record without who wrote it, with its check-in. */
export const Registration = z.extend(
  z.omit(RegistrationRecord, {
    fingerprint: true,
    createdBy: true,
    checkedInAt: true,
    checkedInBy: true,
    updatedBy: true,
  }),
  { checkedInAt: z.nullable(Timestamp) },
);
export type Registration = z.infer<typeof Registration>;

export const RegistrationParams = z.strictObject({
  sessionId: Ulid,
  registrationId: z.string().check(z.regex(/^(KT|SK|AG|KS)-[\d.]{8,13}(-[0-9a-f]{8})?$/)),
});

export const CheckInResult = z.object({
  registrationId: z.string(),
  checkedInAt: Timestamp,
  /** True when this call found the person already checked in; nothing changed. */
  alreadyCheckedIn: z.boolean(),
});

/**
 * Largest bulk import in one request. Each row costs two conditional writes (its phone guard and
 * its record), so 250 rows finish in well under a second in AWS, far inside the function's timeout;
 * the page sends a longer list in parts of this size and shows the progress.
 */
export const MAX_IMPORT_ROWS = 250;

export const ImportRegistrationsInput = z.strictObject({
  registrations: z.array(RegistrationInput).check(z.minLength(1), z.maxLength(MAX_IMPORT_ROWS)),
});

export const ImportResult = z.object({
  created: z.int(),
  unchanged: z.int(),
  rejected: z.array(z.object({ index: z.int(), status: z.int(), detail: z.string() })),
});

export const register = contract({
  summary: 'Register a participant; a repeat of the same registration answers 200 with the same record',
  tag: 'Registrations',
  params: z.strictObject({ sessionId: Ulid }),
  body: { schema: RegistrationInput },
  replies: {
    201: { description: 'Registered', schema: Registration },
    200: { description: 'The same person was already registered in this place', schema: Registration },
    409: { description: 'The place, the phone number or the last seat is taken; the problem names the holder' },
  },
});

export const listRegistrations = contract({
  summary: 'Registrations of a session with their check-in state, by id',
  tag: 'Registrations',
  params: z.strictObject({ sessionId: Ulid }),
  query: PageQuery,
  replies: {
    200: {
      description: 'A page of registrations',
      schema: z.object({ items: z.array(Registration), nextCursor: z.nullable(z.string()) }),
    },
  },
});

export const checkIn = contract({
  summary: 'Mark a participant present; repeating it changes nothing',
  tag: 'Registrations',
  params: RegistrationParams,
  replies: { 200: { description: 'Present', schema: CheckInResult } },
});

/** Why a correction was made: kept in the audit trail beside what changed. */
export const Reason = text(300, 3);

export const cancelRegistration = contract({
  summary: 'Cancel a registration (admin correction, with a reason); frees the place and the phone number',
  tag: 'Registrations',
  params: RegistrationParams,
  body: { schema: z.strictObject({ reason: z.optional(Reason) }), optional: true },
  replies: { 204: { description: 'Cancelled' } },
});

/** A correction of a registration: any of its fields, and why. */
export const RegistrationPatch = z.strictObject({
  fullName: z.optional(PersonName),
  /** A new number, or null to remove it. */
  phone: z.optional(z.nullable(Phone)),
  role: z.optional(Role),
  villageCode: z.optional(VillageCode),
  kecamatanCode: z.optional(KecamatanCode),
  reason: Reason,
});
export type RegistrationPatch = z.infer<typeof RegistrationPatch>;

export const updateRegistration = contract({
  summary:
    'Correct a registration (name, phone, role, desa or kecamatan) under the same rules as registering; a new place gives it a new id',
  tag: 'Registrations',
  params: RegistrationParams,
  body: { schema: RegistrationPatch },
  replies: {
    200: { description: 'The registration as it is now (its id changes with its place)', schema: Registration },
    409: { description: 'The new place or phone number is taken; the problem names the holder' },
  },
});

export const undoCheckIn = contract({
  summary: 'Undo a check-in tapped by mistake, with a reason',
  tag: 'Registrations',
  params: RegistrationParams,
  body: { schema: z.strictObject({ reason: Reason }) },
  replies: {
    200: { description: 'The registration, no longer present', schema: Registration },
    409: { description: 'The person is not checked in' },
  },
});

export const importRegistrations = contract({
  summary: 'Register many participants at once; running the same import again registers nobody twice',
  tag: 'Registrations',
  params: z.strictObject({ sessionId: Ulid }),
  body: { schema: ImportRegistrationsInput, maxBytes: 2 * 1024 * 1024 },
  replies: { 200: { description: 'What was created, what was already there, what was refused', schema: ImportResult } },
});
