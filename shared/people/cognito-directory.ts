/**
 * The AWS directory: the regency's Cognito user pool. Every call here is one IAM action the
 * `users` function is granted on the pool and nothing else (infra/function-groups.ts, asserted
 * by the CDK tests). An account's id is its `sub`, which this pool also uses as the username
 * (e-mail is the sign-in alias), so tokens and the list name people alike.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { groups } from '#shared/kernel/caller.ts';
import { KECAMATAN_CLAIM } from '#shared/kernel/http/auth.ts';
import type { Directory } from './directory.ts';
import { type UserGroup, UserRecord } from './records.ts';

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((each) => each.Name === name)?.Value;

/** Cognito's `FORCE_CHANGE_PASSWORD` is an invitation not yet taken up; everything else has signed in. */
function toRecord(user: UserType, group: UserGroup): UserRecord {
  const attributes = user.Attributes;
  const kecamatanCode = attribute(attributes, KECAMATAN_CLAIM);
  return UserRecord.parse({
    id: attribute(attributes, 'sub') ?? user.Username,
    name: attribute(attributes, 'name') ?? '',
    email: attribute(attributes, 'email') ?? '',
    group,
    ...(kecamatanCode ? { kecamatanCode } : {}),
    enabled: user.Enabled ?? false,
    status: user.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  });
}

/** The most trusted group an account is in (admin before organizer before kecamatan). */
function strongest(names: Set<UserGroup>): UserGroup | undefined {
  return groups.find((group) => names.has(group));
}

/** A directory on one user pool, with its own client (built once per cold start). */
export function cognitoDirectory(userPoolId: string, region: string): Directory {
  const cognito = new CognitoIdentityProviderClient({ region, maxAttempts: 3 });

  async function pages<T>(load: (token: string | undefined) => Promise<{ items: T[]; next?: string }>) {
    const all: T[] = [];
    let token: string | undefined;
    do {
      const page = await load(token);
      all.push(...page.items);
      token = page.next;
    } while (token);
    return all;
  }

  return {
    async list() {
      const members = new Map<string, Set<UserGroup>>();
      for (const group of groups) {
        const users = await pages(async (NextToken) => {
          const reply = await cognito.send(
            new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: group, NextToken, Limit: 60 }),
          );
          return { items: reply.Users ?? [], next: reply.NextToken };
        });
        for (const user of users) {
          const name = user.Username ?? '';
          members.set(name, (members.get(name) ?? new Set()).add(group));
        }
      }
      const users = await pages(async (PaginationToken) => {
        const reply = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken, Limit: 60 }));
        return { items: reply.Users ?? [], next: reply.PaginationToken };
      });
      return users.flatMap((user) => {
        const group = strongest(members.get(user.Username ?? '') ?? new Set());
        // An account in no group can do nothing; the list shows accounts the app manages.
        return group ? [toRecord(user, group)] : [];
      });
    },

    async create(user, at) {
      let created: UserType | undefined;
      try {
        const reply = await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: user.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: user.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: user.name },
              ...(user.kecamatanCode ? [{ Name: KECAMATAN_CLAIM, Value: user.kecamatanCode }] : []),
            ],
          }),
        );
        created = reply.User;
      } catch (error) {
        if ((error as Error).name === 'UsernameExistsException') return 'taken';
        throw error;
      }
      const username = created?.Username ?? user.email;
      await cognito.send(
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: user.group }),
      );
      return { ...toRecord(created ?? { Username: username, Enabled: true }, user.group), invitedAt: at };
    },

    async setGroup(user, group, kecamatanCode) {
      const Username = user.id;
      if (kecamatanCode) {
        await cognito.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: userPoolId,
            Username,
            UserAttributes: [{ Name: KECAMATAN_CLAIM, Value: kecamatanCode }],
          }),
        );
      } else if (user.kecamatanCode) {
        await cognito.send(
          new AdminDeleteUserAttributesCommand({
            UserPoolId: userPoolId,
            Username,
            UserAttributeNames: [KECAMATAN_CLAIM],
          }),
        );
      }
      if (group !== user.group) {
        await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username, GroupName: group }));
        await cognito.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username, GroupName: user.group }),
        );
      }
      // A token keeps the groups it was issued with: sign the person out, so the next one carries the new group.
      await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username }));
    },

    async setEnabled(user, enabled) {
      const Username = user.id;
      if (enabled) {
        await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username }));
        return;
      }
      await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username }));
      // Disabling stops new sign-ins; signing out revokes the refresh tokens the pages renew with.
      await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username }));
    },

    async resendInvitation(user) {
      await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: user.email,
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    },

    async renew(user, at) {
      // Deleting the user ends its sessions and revokes its refresh tokens; its ID tokens still
      // pass the API's JWT authorizer until they run out (an hour at most).
      await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: user.id }));
      const again = await this.create(
        { name: user.name, email: user.email, group: user.group, kecamatanCode: user.kecamatanCode },
        at,
      );
      if (again === 'taken') throw new Error(`the address of ${user.id} is still taken after its deletion`);
      return again;
    },
  };
}
