/**
 * Invitations per unit, self-registration through them, personal passes and the check-in of many
 * scans at once (sent from a phone that was offline).
 */
import * as z from 'zod/mini';
import { CODE } from '#shared/kernel/codes.ts';
import { contract } from '#shared/kernel/http/contract.ts';
import { IsoDate, PersonName, Phone, Timestamp, text, Ulid } from '#shared/kernel/schemas.ts';
import { Role } from './records.ts';
import { Registration } from './registration-contract.ts';
import { PASS_TOKEN } from './rules/pass.ts';
import { REGISTRATION_ID } from './rules/registration-id.ts';

const UnitRef = z.object({ kind: z.enum(['village', 'kecamatan']), code: z.string(), name: z.string() });

export const Invitation = z.object({
  id: Ulid,
  unit: UnitRef,
  code: z.string(),
  /** `/daftar/<code>` on the public address. */
  url: z.string(),
  /** `https://wa.me/?text=…`: a prewritten Indonesian message with the link. */
  whatsappUrl: z.string(),
});

export const InvitationListed = z.extend(Invitation, {
  status: z.enum(['NEW', 'OPENED', 'USED']),
  registered: z.int(),
});

const SessionParams = z.strictObject({ sessionId: Ulid });
const InvitationParams = z.strictObject({ sessionId: Ulid, invitationId: Ulid });
const CodeParams = z.strictObject({ code: z.string().check(z.regex(CODE)) });

export const createInvitations = contract({
  summary: 'Invite every expected desa and kecamatan that has no invitation yet; answers all the invitations',
  tag: 'Invitations',
  params: SessionParams,
  replies: {
    200: { description: 'Every invitation of the session', schema: z.object({ items: z.array(Invitation) }) },
  },
});

export const listInvitations = contract({
  summary: 'The invitations of a session with their status and how many registered through each',
  tag: 'Invitations',
  params: SessionParams,
  replies: { 200: { description: 'Every invitation', schema: z.object({ items: z.array(InvitationListed) }) } },
});

export const replaceInvitationCode = contract({
  summary: 'Replace an invitation’s code (a lost or leaked link); the old link stops working',
  tag: 'Invitations',
  params: InvitationParams,
  body: { schema: z.strictObject({ reason: text(300, 3) }) },
  replies: { 200: { description: 'The invitation with its new code', schema: Invitation } },
});

/** One of the unit's registered people as its invitation shows them (and whether their SK came). */
const UnitPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  role: Role,
  sk: z.optional(z.object({ documentId: Ulid, fileName: z.string() })),
});

/** What a unit's invitation shows: the session, the unit, its roles with room, and who already registered. */
export const InvitationView = z.object({
  session: z.object({ title: z.string(), date: IsoDate, venue: z.string() }),
  unit: UnitRef,
  roles: z.array(z.object({ role: Role, min: z.int(), max: z.int(), registered: z.int() })),
  registrations: z.array(UnitPerson),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const getInvitation = contract({
  summary: 'What an invitation code opens (public; the code is the credential)',
  tag: 'Invitations',
  params: CodeParams,
  replies: { 200: { description: 'The session and the unit', schema: InvitationView } },
});

/** Self-registration: the unit comes from the code, so the body names none. */
export const InvitationRegistrationInput = z.strictObject({
  fullName: PersonName,
  role: Role,
  phone: Phone,
  organization: z.optional(text(150, 2)),
  /** The SK Panitia uploaded with this code and verified (`POST /invitations/{code}/documents`), if any. */
  skDocumentId: z.optional(Ulid),
});
export type InvitationRegistrationInput = z.infer<typeof InvitationRegistrationInput>;

export const registerByInvitation = contract({
  summary: 'Register oneself through the unit’s invitation, under the desk’s rules; the reply carries the pass',
  tag: 'Invitations',
  params: CodeParams,
  body: { schema: InvitationRegistrationInput },
  replies: {
    201: { description: 'Registered', schema: Registration },
    200: { description: 'The same person was already registered', schema: Registration },
    409: { description: 'The place or the phone number is taken' },
  },
});

/** An SK Panitia sent after registering: a document uploaded with this code and verified. */
export const InvitationSkInput = z.strictObject({ skDocumentId: Ulid });

export const attachSkByInvitation = contract({
  summary:
    'Attach (or replace) the SK Panitia of one of the unit’s registered people, uploaded with this code and verified',
  tag: 'Invitations',
  params: z.strictObject({ ...CodeParams.shape, registrationId: z.string().check(z.regex(REGISTRATION_ID)) }),
  body: { schema: InvitationSkInput },
  replies: {
    200: { description: 'The person with the SK attached', schema: UnitPerson },
    404: { description: 'No such code, or no such person of its unit' },
  },
});

/** What a pass shows: the person, and the session they are registered for. */
export const PassView = z.object({
  session: z.object({ id: Ulid, title: z.string(), date: IsoDate, venue: z.string() }),
  registration: z.object({
    id: z.string(),
    fullName: z.string(),
    role: Role,
    unit: z.string(),
    checkedInAt: z.nullable(Timestamp),
  }),
  token: z.string(),
});
export type PassView = z.infer<typeof PassView>;

export const getPass = contract({
  summary: 'A personal pass (public; the token is the credential)',
  tag: 'Invitations',
  params: z.strictObject({ token: z.string().check(z.regex(PASS_TOKEN)) }),
  replies: { 200: { description: 'The pass', schema: PassView } },
});

/** Most check-ins sent at once (a phone back online sends what it kept). */
export const MAX_CHECK_INS = 500;

export const CheckInBatch = z.strictObject({
  items: z
    .array(
      z
        .strictObject({
          token: z.optional(z.string().check(z.regex(PASS_TOKEN))),
          registrationId: z.optional(z.string().check(z.regex(REGISTRATION_ID))),
          at: z.iso.datetime(),
          deviceId: z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/)),
        })
        .check(
          z.refine((item) => (item.token === undefined) !== (item.registrationId === undefined), {
            error: 'field.checkIn.oneOf',
          }),
        ),
    )
    .check(z.minLength(1), z.maxLength(MAX_CHECK_INS)),
});
export type CheckInBatch = z.infer<typeof CheckInBatch>;

export const checkInStatuses = ['CHECKED_IN', 'ALREADY', 'UNKNOWN'] as const;

export const CheckInBatchResult = z.object({
  results: z.array(
    z.object({
      index: z.int(),
      registrationId: z.nullable(z.string()),
      status: z.enum(checkInStatuses),
      /** When the pass belongs to another session. */
      otherSession: z.optional(z.boolean()),
      checkedInAt: z.nullable(Timestamp),
    }),
  ),
});
export type CheckInBatchResult = z.infer<typeof CheckInBatchResult>;

export const checkInMany = contract({
  summary:
    'Check in many at once (scans kept offline, several phones); the same person twice counts once, keeping the earliest time',
  tag: 'Registrations',
  params: SessionParams,
  body: { schema: CheckInBatch, maxBytes: 256 * 1024 },
  replies: { 200: { description: 'Each item’s outcome', schema: CheckInBatchResult } },
});

const PdfReply = { 200: { description: 'PDF file', contentType: 'application/pdf' } } as const;

export const exportInvitationLetters = contract({
  summary:
    'Surat Undangan: one letter per invited unit with its link and QR, in one PDF (invitations made where missing)',
  tag: 'Invitations',
  params: SessionParams,
  replies: PdfReply,
});

export const exportBadges = contract({
  summary: 'Name tags with each person’s pass QR, eight per A4',
  tag: 'Invitations',
  params: SessionParams,
  replies: PdfReply,
});

export const exportCertificates = contract({
  summary: 'A certificate for everyone checked in, numbered, each with a QR to its check page',
  tag: 'Certificates',
  params: SessionParams,
  replies: { ...PdfReply, 404: { description: 'Nobody is checked in yet' } },
});

export const exportCertificate = contract({
  summary: 'One person’s certificate (only for someone checked in)',
  tag: 'Certificates',
  params: z.strictObject({ sessionId: Ulid, registrationId: z.string().check(z.regex(REGISTRATION_ID)) }),
  replies: { ...PdfReply, 409: { description: 'The person is not checked in' } },
});

/** What a certificate's check page shows, and nothing else. */
export const CertificateView = z.object({
  fullName: z.string(),
  role: Role,
  unit: z.string(),
  session: z.object({ title: z.string(), date: IsoDate, venue: z.string() }),
});

export const getCertificate = contract({
  summary: 'Check a certificate by the code its QR carries (public)',
  tag: 'Certificates',
  params: CodeParams,
  replies: { 200: { description: 'Whose certificate it is', schema: CertificateView } },
});
