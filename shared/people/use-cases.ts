/**
 * What admins do with accounts: list, invite, change group or kecamatan, disable and enable,
 * resend an invitation. Every change is audited (who did what to whom) in the `USERS` trail. The
 * directory (Cognito in AWS, the table locally) is chosen once per cold start.
 */
import type { Actor, Principal } from '#shared/kernel/caller.ts';
import { directoryConfig } from '#shared/kernel/config.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findKecamatan } from '#shared/regions/use-cases.ts';
import { withAdminGuard } from './admin-guard.ts';
import { cognitoDirectory } from './cognito-directory.ts';
import type { InviteUserInput, UpdateUserInput, User } from './contract.ts';
import type { Directory } from './directory.ts';
import {
  alreadySignedIn,
  disabledAccount,
  disabledMfa,
  emailTaken,
  kecamatanUnknown,
  nothingToChange,
  notOwnMfa,
} from './messages.ts';
import type { UserRecord } from './records.ts';
import { applyChange, groupIssues, refusal, removesAdmin } from './rules.ts';
import { lastSignIns } from './sign-ins.ts';
import { tableDirectory } from './table-directory.ts';

const config = directoryConfig();
const directory: Directory =
  config.mode === 'local' ? tableDirectory : cognitoDirectory(config.userPoolId, config.region);

/** An account as the API shows it. */
function view(user: UserRecord): User {
  return {
    ...user,
    kecamatanCode: user.kecamatanCode ?? null,
    invitedAt: user.invitedAt ?? null,
    lastSignInAt: user.lastSignInAt ?? null,
  };
}

/** What the trail keeps of an account: enough to say who it was and what access it had. */
function trailState(user: UserRecord) {
  return {
    name: user.name,
    email: user.email,
    group: user.group,
    kecamatanCode: user.kecamatanCode,
    enabled: user.enabled,
  };
}

async function checkKecamatan(kecamatanCode: string | null | undefined): Promise<void> {
  if (kecamatanCode && !(await findKecamatan(kecamatanCode))) {
    throw new ValidationFailed([{ field: 'kecamatanCode', key: kecamatanUnknown }]);
  }
}

async function findUser(userId: string): Promise<{ user: UserRecord; everyone: UserRecord[] }> {
  const everyone = await directory.list();
  const user = everyone.find((each) => each.id === userId);
  if (!user) throw new NotFound();
  return { user, everyone };
}

/** Every account, by name, with when each last signed in (two reads: the directory and the sign-ins). */
export async function listUsers(): Promise<{ items: User[] }> {
  const [users, signIns] = await Promise.all([directory.list(), lastSignIns()]);
  return {
    items: users
      .map((user) => {
        const lastSignInAt = signIns.get(user.id) ?? user.lastSignInAt;
        return lastSignInAt ? { ...user, lastSignInAt } : user;
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'id'))
      .map(view),
  };
}

/** Invites a person: an account in a group, its invitation sent. 409 at `email` when the address has one. */
export async function inviteUser(input: InviteUserInput, actor: Actor): Promise<User> {
  const issues = groupIssues(input.group, input.kecamatanCode);
  if (issues.length > 0) throw new ValidationFailed(issues);
  await checkKecamatan(input.kecamatanCode);
  const at = new Date().toISOString();
  const created = await directory.create(input, at);
  if (created === 'taken') {
    throw new Conflict(emailTaken, {}, undefined, [{ field: 'email', key: emailTaken }]);
  }
  await writeAudit({
    scope: scopes.users,
    at,
    action: 'user.invited',
    actor,
    entityId: created.id,
    after: trailState(created),
  });
  return view(created);
}

/**
 * Changes an account's group, kecamatan or whether it may sign in. Nobody takes their own access
 * away, and the last enabled admin stays one (409 with the reason).
 */
export async function updateUser(
  userId: string,
  change: UpdateUserInput,
  principal: Principal,
  actor: Actor,
): Promise<User> {
  if (change.group === undefined && change.kecamatanCode === undefined && change.enabled === undefined) {
    throw new ValidationFailed([{ field: 'group', key: nothingToChange }]);
  }
  return applyUserChange(userId, change, principal, actor, false);
}

/**
 * Reads the account and everyone, judges the change by the rules, makes it and audits it. A
 * change that takes an admin's access away is judged and made again holding the admins' lease
 * (`guarded`): one at a time, each judged on what the other left.
 */
async function applyUserChange(
  userId: string,
  change: UpdateUserInput,
  principal: Principal,
  actor: Actor,
  guarded: boolean,
): Promise<User> {
  const { user, everyone } = await findUser(userId);
  const next = applyChange(user, change);
  if (!guarded && removesAdmin(user, next)) {
    return withAdminGuard(() => applyUserChange(userId, change, principal, actor, true));
  }
  const issues = groupIssues(next.group, next.kecamatanCode);
  if (issues.length > 0) throw new ValidationFailed(issues);
  await checkKecamatan(change.kecamatanCode);
  const refused = refusal(principal.sub, user, next, everyone);
  if (refused) throw new Conflict(refused);
  if (next.group !== user.group || next.kecamatanCode !== user.kecamatanCode) {
    await directory.setGroup(user, next.group, next.kecamatanCode);
  }
  if (next.enabled !== user.enabled) await directory.setEnabled(user, next.enabled);
  await writeAudit({
    scope: scopes.users,
    at: new Date().toISOString(),
    action: next.enabled !== user.enabled ? (next.enabled ? 'user.enabled' : 'user.disabled') : 'user.changed',
    actor,
    entityId: user.id,
    before: trailState(user),
    after: trailState(next),
    ...(change.reason ? { reason: change.reason } : {}),
  });
  return view(next);
}

/** Sends an invitation again, to a person who has not signed in yet. */
export async function resendInvitation(userId: string, actor: Actor): Promise<User> {
  const { user } = await findUser(userId);
  if (user.status !== 'invited') throw new Conflict(alreadySignedIn);
  if (!user.enabled) throw new Conflict(disabledAccount);
  const at = new Date().toISOString();
  await directory.resendInvitation(user, at);
  await writeAudit({
    scope: scopes.users,
    at,
    action: 'user.reinvited',
    actor,
    entityId: user.id,
    after: trailState(user),
  });
  return view({ ...user, invitedAt: at });
}

/**
 * Requires a new MFA device of a person (a lost or replaced phone): the account is made anew and
 * invited again (see `Directory.renew`); the trail keeps the old id and the new. Never one's own
 * account (another admin does it), never a disabled one.
 */
export async function resetMfa(userId: string, reason: string, principal: Principal, actor: Actor): Promise<User> {
  const { user } = await findUser(userId);
  if (user.id === principal.sub) throw new Conflict(notOwnMfa);
  if (!user.enabled) throw new Conflict(disabledMfa);
  const at = new Date().toISOString();
  const renewed = await directory.renew(user, at);
  await writeAudit({
    scope: scopes.users,
    at,
    action: 'user.mfaReset',
    actor,
    entityId: renewed.id,
    before: { id: user.id, ...trailState(user) },
    after: { id: renewed.id, ...trailState(renewed) },
    reason,
  });
  return view(renewed);
}
