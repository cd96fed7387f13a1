/**
 * What the sessions domain stores, each record declared once; the API's shapes are derived from
 * these (contract.ts, registration-contract.ts). A session's items share its partition:
 *
 * - the session itself (small, whatever the session's size), and its running totals;
 * - one item per expected desa and kecamatan;
 * - one registration per place taken (its id is derived from the place, so the record is its own
 *   guard; a check-in is a time set on it once), and one guard per phone number used.
 *
 * A registration costs the same few small writes at the 3,000th person as at the first.
 */
import * as z from 'zod/mini';
import { KecamatanCode, Ulid, VillageCode } from '#shared/kernel/schemas.ts';
import { UploadRecord } from '#shared/kernel/uploads/contract.ts';
import { roles, roleUnits } from './rules/roles.ts';

const Person = z.object({ sub: z.string(), name: z.string() });

export const Role = z.enum(roles);

/** A role a session expects: from which unit, and how many per unit (per session for `none`). */
export const SessionRoleRecord = z.object({ role: Role, unit: z.enum(roleUnits), min: z.int(), max: z.int() });

/** A sosialisasi session as stored. */
export const SessionRecord = z.object({
  id: Ulid,
  title: z.string(),
  date: z.string(),
  venue: z.string(),
  /** The most people it seats, when set. */
  capacity: z.optional(z.int()),
  /** The wave (gelombang) the session serves, if any. */
  waveId: z.optional(Ulid),
  /** The roles it expects; absent: the default set (rules/roles.ts). */
  roles: z.optional(z.array(SessionRoleRecord)),
  /** The session's own key (sealed with the regency's), for its passes and invitation codes. */
  sealedKey: z.optional(z.string()),
  createdAt: z.string(),
  createdBy: Person,
  updatedAt: z.optional(z.string()),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

/** The session's running totals, kept by atomic counters (never by rewriting a list). */
export const SessionTotalsRecord = z.object({
  registered: z.optional(z.int()),
  present: z.optional(z.int()),
  /** A disagreement with a count of the records, seen once (see rules/totals.ts). */
  observed: z.optional(
    z.object({
      registered: z.int(),
      present: z.int(),
      seenRegistered: z.int(),
      seenPresent: z.int(),
      at: z.string(),
    }),
  ),
});
export type SessionTotalsRecord = z.infer<typeof SessionTotalsRecord>;

/** A desa or kecamatan the session expects; a desa carries its kecamatan. */
export const ExpectedUnitRecord = z.object({
  kind: z.enum(['village', 'kecamatan']),
  code: z.string(),
  kecamatanCode: KecamatanCode,
});
export type ExpectedUnitRecord = z.infer<typeof ExpectedUnitRecord>;

/** Where a registration came from: the desk's form, a bulk import, or a unit's invitation. */
export const registrationSources = ['desk', 'import', 'invitation'] as const;

/** A participant's registration: the place they hold, who they are, and whether they came. */
export const RegistrationRecord = z.object({
  id: z.string(),
  sessionId: Ulid,
  role: Role,
  fullName: z.string(),
  villageCode: z.optional(VillageCode),
  /** The kecamatan of the desa, or of a kecamatan role; none for an agency (`INSTANSI`). */
  kecamatanCode: z.optional(KecamatanCode),
  /** The agency an `INSTANSI` participant comes from. */
  organization: z.optional(z.string()),
  phone: z.optional(z.string()),
  /** Where it came from (absent on records made before sources were kept: the desk). */
  source: z.optional(z.enum(registrationSources)),
  /** The invitation it came through. */
  invitationId: z.optional(Ulid),
  /** The SK Panitia attached through the invitation: a verified document of that invitation's code. */
  sk: z.optional(z.object({ documentId: Ulid, fileName: z.string() })),
  /** The attendance certificate, once issued: its number in the session and its check code (hashed, sealed). */
  certificate: z.optional(z.object({ number: z.int(), hash: z.string(), sealed: z.string() })),
  /** The personal pass's secret: its hash (what a scan is checked against) and, sealed, the secret itself. */
  pass: z.optional(z.object({ hash: z.string(), sealed: z.string() })),
  /** Who this is (name and phone), to tell a repeat of the same request from another person. */
  fingerprint: z.string(),
  createdAt: z.string(),
  createdBy: Person,
  checkedInAt: z.optional(z.string()),
  checkedInBy: z.optional(Person),
  /** The last correction, if any (what changed is in the audit trail). */
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(Person),
});
export type RegistrationRecord = z.infer<typeof RegistrationRecord>;

/** A phone number used in a session, pointing at the registration that uses it. */
export const PhoneGuardRecord = z.object({ registrationId: z.string(), claimedAt: z.string() });
export type PhoneGuardRecord = z.infer<typeof PhoneGuardRecord>;

/**
 * A session's invitation to one desa or kecamatan: the unit, its code (stored only hashed and
 * sealed with the session's key) and when it was first opened.
 */
export const InvitationRecord = z.object({
  id: Ulid,
  sessionId: Ulid,
  unit: z.object({ kind: z.enum(['village', 'kecamatan']), code: z.string() }),
  codeHash: z.string(),
  codeSealed: z.string(),
  createdAt: z.string(),
  createdBy: Person,
  openedAt: z.optional(z.string()),
  codeReplacedAt: z.optional(z.string()),
});
export type InvitationRecord = z.infer<typeof InvitationRecord>;

/** An invitation code's hash → its invitation; and how many uploads the code asked for (counted atomically). */
export const InvitationCodeRecord = z.object({
  sessionId: Ulid,
  invitationId: Ulid,
  documentCount: z.optional(z.int()),
});

/** A file uploaded through an invitation (the SK Panitia), with the invitation and the code it came with. */
export const InvitationDocumentRecord = z.extend(UploadRecord, {
  sessionId: Ulid,
  invitationId: Ulid,
  codeHash: z.string(),
});
export type InvitationDocumentRecord = z.infer<typeof InvitationDocumentRecord>;

/** A certificate's check-code hash → the registration it certifies. */
export const CertificateCodeRecord = z.object({ sessionId: Ulid, registrationId: z.string() });
