/**
 * The directory port: where accounts live. In AWS it is the regency's Cognito user pool
 * (`cognito-directory.ts`); locally, with no Cognito, a user store in the table
 * (`table-directory.ts`). The use cases see only this interface, so the rules run the same in both.
 */
import type { UserGroup, UserRecord } from './records.ts';

export interface NewUser {
  name: string;
  email: string;
  group: UserGroup;
  kecamatanCode?: string;
}

export interface Directory {
  /** Every account (a regency has tens, not thousands). */
  list(): Promise<UserRecord[]>;
  /** Creates the account and sends its invitation; `taken` when the e-mail address has one. */
  create(user: NewUser, at: string): Promise<UserRecord | 'taken'>;
  /** Moves an account to a group (and sets or clears its kecamatan). */
  setGroup(user: UserRecord, group: UserGroup, kecamatanCode: string | undefined): Promise<void>;
  /** Disables an account (and ends its sessions) or enables it again. */
  setEnabled(user: UserRecord, enabled: boolean): Promise<void>;
  /** Sends the invitation again. */
  resendInvitation(user: UserRecord, at: string): Promise<void>;
  /**
   * Makes the account anew, for a person whose MFA device is lost or replaced: a pool that
   * requires MFA cannot forget a user's device (Cognito refuses to turn TOTP off), so the account
   * is deleted (its sessions and refresh tokens with it) and created again with the same name,
   * e-mail, group and kecamatan, a new id and a new invitation; the next sign-in sets up a device.
   */
  renew(user: UserRecord, at: string): Promise<UserRecord>;
}
