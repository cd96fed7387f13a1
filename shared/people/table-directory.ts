/**
 * The local directory: accounts as items of the table (dynalite locally), for the local stack
 * where there is no Cognito. The only code that reads and writes the `USER` partition. The local
 * sign-in and the local gateway read it too (who may sign in, whether a token's person is enabled).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import type { Directory, NewUser } from './directory.ts';
import { type UserGroup, UserRecord } from './records.ts';

/** One local account, or undefined. */
export async function findLocalUser(userId: string): Promise<UserRecord | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.user.item(userId), ConsistentRead: true }));
  return result.Item ? readRecord(UserRecord, result.Item, 'user') : undefined;
}

/**
 * A local sign-in: the person is no longer only invited (Cognito notes that itself when a password
 * is set); when they signed in is noted by the sign-in trigger, as in AWS.
 */
export async function recordLocalSignIn(userId: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.user.item(userId),
      UpdateExpression: 'SET #status = :active',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active' },
    }),
  );
}

async function update(userId: string, expression: string, values: Record<string, unknown>, names = {}) {
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.user.item(userId),
      UpdateExpression: expression,
      ConditionExpression: 'attribute_exists(PK)',
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

/** A new account: enabled, invited now. */
function newRecord(id: string, user: NewUser, at: string): UserRecord {
  return UserRecord.parse({
    id,
    name: user.name,
    email: user.email,
    group: user.group,
    ...(user.kecamatanCode ? { kecamatanCode: user.kecamatanCode } : {}),
    enabled: true,
    status: 'invited',
    createdAt: at,
    invitedAt: at,
  });
}

export const tableDirectory: Directory = {
  async list() {
    const { items } = await queryAll<Record<string, unknown>>({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.user.partition },
      ConsistentRead: true,
    });
    return items.map((item) => readRecord(UserRecord, item, 'user'));
  },

  async create(user: NewUser, at: string) {
    const id = randomUUID();
    // The guard first: two invitations of one address at once end with one account.
    const claimed = await conditionally(
      db.send(
        new PutCommand({
          TableName,
          Item: { ...keys.user.email(user.email), userId: id },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      ),
    );
    if (!claimed) return 'taken';
    const record = newRecord(id, user, at);
    await db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.user.item(id), ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return record;
  },

  async setGroup(user, group: UserGroup, kecamatanCode) {
    if (kecamatanCode)
      await update(
        user.id,
        'SET #group = :group, kecamatanCode = :kecamatan',
        { ':group': group, ':kecamatan': kecamatanCode },
        { '#group': 'group' },
      );
    else await update(user.id, 'SET #group = :group REMOVE kecamatanCode', { ':group': group }, { '#group': 'group' });
  },

  async setEnabled(user, enabled) {
    await update(user.id, 'SET enabled = :enabled', { ':enabled': enabled });
  },

  async resendInvitation(user, at) {
    await update(user.id, 'SET invitedAt = :at', { ':at': at });
  },

  async renew(user, at) {
    // As Cognito's delete and create: a new id, the address's guard moved to it, the old account
    // gone (the local refresh grant re-reads the account, so the old one's refresh tokens fail).
    // In this order a failure halfway leaves the old account as it was or the new one complete.
    const id = randomUUID();
    const record = newRecord(id, user, at);
    await db.send(new PutCommand({ TableName, Item: { ...keys.user.item(id), ...record } }));
    await db.send(new PutCommand({ TableName, Item: { ...keys.user.email(user.email), userId: id } }));
    await db.send(new DeleteCommand({ TableName, Key: keys.user.item(user.id) }));
    return record;
  },
};
