/**
 * The rules of access changes, pure: who may take whose access away, and what a group needs.
 * Unit-tested beside the integration tests that drive them through the API.
 */
import type { FieldIssue } from '#shared/kernel/errors.ts';
import type { Message } from '#shared/kernel/i18n/messages.ts';
import { kecamatanNeeded, kecamatanNotForGroup, lastAdmin, notOwnAccess } from './messages.ts';
import type { UserGroup, UserRecord } from './records.ts';

/** A group and its kecamatan agree: a kecamatan account has one, no other account does. */
export function groupIssues(group: UserGroup, kecamatanCode: string | null | undefined): FieldIssue[] {
  if (group === 'kecamatan' && !kecamatanCode) return [{ field: 'kecamatanCode', key: kecamatanNeeded }];
  if (group !== 'kecamatan' && kecamatanCode) return [{ field: 'kecamatanCode', key: kecamatanNotForGroup }];
  return [];
}

/** What an account becomes after a change (the kecamatan leaves with the kecamatan group). */
export function applyChange(
  user: UserRecord,
  change: { group?: UserGroup; kecamatanCode?: string | null; enabled?: boolean },
): UserRecord {
  const group = change.group ?? user.group;
  const kecamatanCode =
    group !== 'kecamatan' ? undefined : change.kecamatanCode === undefined ? user.kecamatanCode : change.kecamatanCode;
  const next: UserRecord = { ...user, group, enabled: change.enabled ?? user.enabled };
  if (kecamatanCode) next.kecamatanCode = kecamatanCode;
  else delete next.kecamatanCode;
  return next;
}

const isEnabledAdmin = (user: UserRecord) => user.group === 'admin' && user.enabled;

/** Whether a change takes an enabled admin's access away (then the last-admin rule must hold against concurrency). */
export function removesAdmin(before: UserRecord, after: UserRecord): boolean {
  return isEnabledAdmin(before) && !isEnabledAdmin(after);
}

/**
 * Why a change may not be made, or null: nobody disables or demotes themself (another admin
 * must), and the regency always keeps one enabled admin, so it can never lock itself out.
 */
export function refusal(
  actorId: string,
  before: UserRecord,
  after: UserRecord,
  everyone: UserRecord[],
): Message | null {
  const losesAdmin = removesAdmin(before, after);
  if (before.id === actorId && (losesAdmin || (before.enabled && !after.enabled))) return notOwnAccess;
  if (losesAdmin && everyone.filter(isEnabledAdmin).every((user) => user.id === before.id)) return lastAdmin;
  return null;
}
