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
import { REGISTRATION_ID } from './rules/registration-id.ts';
import { unitOf } from './rules/roles.ts';

export { Role };

const RegistrationFields = z.strictObject({
  fullName: PersonName,
  role: Role,
  villageCode: z.optional(VillageCode),
  kecamatanCode: z.optional(KecamatanCode),
  /** The agency of an `INSTANSI` participant, e.g. "Polres Tanah Bumbu". */
  organization: z.optional(text(150, 2)),
  phone: z.optional(Phone),
});

type Fields = z.infer<typeof RegistrationFields>;
type Issue = { path: string[]; message: string };

/** What a role's unit asks of the fields: desa roles name their desa, kecamatan roles the kecamatan, agencies their organization. */
export function unitIssues(value: Pick<Fields, 'role' | 'villageCode' | 'kecamatanCode' | 'organization'>): Issue[] {
  const unit = unitOf(value.role);
  const issues: Issue[] = [];
  const need = (field: 'villageCode' | 'kecamatanCode' | 'organization', key: string) => {
    if (!value[field]) issues.push({ path: [field], message: key });
  };
  const refuse = (field: 'villageCode' | 'kecamatanCode' | 'organization', key: string) => {
    if (value[field]) issues.push({ path: [field], message: key });
  };
  // What the role needs first, then what it does not take.
  if (unit === 'village') need('villageCode', 'field.village.needed');
  if (unit === 'kecamatan') need('kecamatanCode', 'field.kecamatan.needed');
  if (unit === 'none') need('organization', 'field.organization.needed');
  if (unit !== 'village') refuse('villageCode', 'field.village.notForRole');
  if (unit !== 'kecamatan') refuse('kecamatanCode', 'field.kecamatan.notForRole');
  if (unit !== 'none') refuse('organization', 'field.organization.notForRole');
  return issues;
}

/** Desa roles name their desa; kecamatan roles the kecamatan; agencies their organization. */
export const RegistrationInput = RegistrationFields.check(
  z.superRefine((value, ctx) => {
    for (const issue of unitIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
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
    pass: true,
    certificate: true,
  }),
  {
    checkedInAt: z.nullable(Timestamp),
    /** The person's QR pass: its token and the page that shows it (`/hadir/<token>`); null for records older than passes. */
    pass: z.nullable(z.object({ token: z.string(), url: z.string() })),
  },
);
export type Registration = z.infer<typeof Registration>;

export const RegistrationParams = z.strictObject({
  sessionId: Ulid,
  registrationId: z.string().check(z.regex(REGISTRATION_ID)),
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

/** A correction of a registration: the fields that change, and why. */
export const RegistrationPatch = z.strictObject({
  fullName: z.optional(PersonName),
  /** A new number, or null to remove it. */
  phone: z.optional(z.nullable(Phone)),
  role: z.optional(Role),
  villageCode: z.optional(VillageCode),
  kecamatanCode: z.optional(KecamatanCode),
  organization: z.optional(text(150, 2)),
  /** null takes the attached SK Panitia off (a wrong file); the file itself stays in the trail's keeping. */
  sk: z.optional(z.null()),
  reason: Reason,
});
export type RegistrationPatch = z.infer<typeof RegistrationPatch>;

export const updateRegistration = contract({
  summary:
    'Correct a registration (name, phone, role, desa or kecamatan, or take a wrong SK off) under the same rules as registering; a new place gives it a new id',
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
