/** Requests and replies of the people routes, derived from the stored record. */
import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import { KecamatanCode, PersonName, text } from '#shared/kernel/schemas.ts';
import { UserGroup, UserRecord } from './records.ts';

/** An e-mail address as people type it; kept as typed, compared lower-cased. */
export const Email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(254),
    z.regex(/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/, { error: 'field.email' }),
  );

/** An account as the API shows it. */
export const User = z.object({
  ...UserRecord.shape,
  kecamatanCode: z.nullable(KecamatanCode),
  invitedAt: z.nullable(z.string()),
  lastSignInAt: z.nullable(z.string()),
});
export type User = z.infer<typeof User>;

export const UserIdParams = z.strictObject({ userId: z.string().check(z.regex(/^[\w-]{1,128}$/)) });

export const InviteUserInput = z.strictObject({
  name: PersonName,
  email: Email,
  group: UserGroup,
  kecamatanCode: z.optional(KecamatanCode),
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const UpdateUserInput = z.strictObject({
  group: z.optional(UserGroup),
  /** A kecamatan account's kecamatan; null when the group no longer takes one. */
  kecamatanCode: z.optional(z.nullable(KecamatanCode)),
  enabled: z.optional(z.boolean()),
  /** Why access changed, for the audit trail. */
  reason: z.optional(text(300)),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetMfaInput = z.strictObject({
  /** Why (a lost phone, a new one), for the audit trail. */
  reason: text(300, 3),
});
export type ResetMfaInput = z.infer<typeof ResetMfaInput>;

export const listUsers = contract({
  summary: 'Every account: name, e-mail, group, kecamatan, status, last sign-in (admins)',
  tag: 'People',
  replies: { 200: { description: 'All accounts, by name', schema: z.object({ items: z.array(User) }) } },
});

export const inviteUser = contract({
  summary:
    'Invite a person: an account in a group (a kecamatan account with its kecamatan); the invitation is e-mailed',
  tag: 'People',
  body: { schema: InviteUserInput },
  replies: {
    201: { description: 'Invited', schema: User },
    409: { description: 'The e-mail address already has an account (at the field)' },
  },
});

export const updateUser = contract({
  summary: 'Change an account’s group or kecamatan, disable or enable it (never one’s own, never the last admin)',
  tag: 'People',
  params: UserIdParams,
  body: { schema: UpdateUserInput },
  replies: {
    200: { description: 'The account as it now is', schema: User },
    404: { description: 'No such account' },
    409: { description: 'One’s own access, or the last enabled admin' },
  },
});

export const resendInvitation = contract({
  summary: 'Send the invitation again to a person who has not signed in yet',
  tag: 'People',
  params: UserIdParams,
  replies: {
    200: { description: 'Sent again', schema: User },
    404: { description: 'No such account' },
    409: { description: 'Already signed in, or disabled' },
  },
});

export const resetMfa = contract({
  summary:
    'Require a new MFA device: the account is made anew (same name, e-mail, group, kecamatan; a new id) and invited again; its sessions end',
  tag: 'People',
  params: UserIdParams,
  body: { schema: ResetMfaInput },
  replies: {
    200: { description: 'The account as it now is (its new id), invited', schema: User },
    404: { description: 'No such account' },
    409: { description: 'One’s own account, or a disabled one' },
  },
});
