/**
 * What the people domain keeps about an account. In AWS the account lives in Cognito and this is
 * the shape the Cognito adapter reads it into; locally (no Cognito) it is also the item the
 * table's user store holds (`USER` partition), one per account, plus a guard per e-mail address.
 */
import * as z from 'zod/mini';
import { groups } from '#shared/kernel/caller.ts';
import { KecamatanCode } from '#shared/kernel/schemas.ts';

export const UserGroup = z.enum(groups);
export type UserGroup = z.infer<typeof UserGroup>;

/** `invited`: has not yet signed in and set a password; `active`: has. */
export const UserStatus = z.enum(['invited', 'active']);
export type UserStatus = z.infer<typeof UserStatus>;

/** One account. Its id is Cognito's `sub` (the token's subject), locally a random UUID. */
export const UserRecord = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.string(),
  email: z.string(),
  group: UserGroup,
  /** The kecamatan a `kecamatan` account acts for; absent for the other groups. */
  kecamatanCode: z.optional(KecamatanCode),
  enabled: z.boolean(),
  status: UserStatus,
  createdAt: z.string(),
  /** When the invitation was last sent. */
  invitedAt: z.optional(z.string()),
  /** When the person last signed in (from the sign-ins the trigger notes; older local items hold it here). */
  lastSignInAt: z.optional(z.string()),
});
export type UserRecord = z.infer<typeof UserRecord>;

/** When an account last signed in (the `SIGNIN` partition, one item per account id). */
export const SignInRecord = z.object({ userId: z.string(), lastSignInAt: z.string() });
export type SignInRecord = z.infer<typeof SignInRecord>;

/** The e-mail guard: keeps one local account per address (the address lower-cased is its key). */
export const EmailGuardRecord = z.object({ userId: z.string() });
