/**
 * One change that takes an admin's access away at a time. The last-admin rule reads every account
 * and then changes one; two admins demoting each other at once would both read two admins and
 * both pass. A short lease item in the table (conditional put, released by its holder, expired
 * after a crash) makes such changes run one after the other, each reading what the other did.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailable } from '#shared/kernel/errors.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally } from '#shared/kernel/table/record.ts';

/** Longer than any change takes (a few Cognito calls), short enough that a crash blocks little. */
const LEASE_MS = 15_000;
const ATTEMPTS = 40;

/** Runs `work` holding the admins' lease; 503 (retry) when another change holds it too long. */
export async function withAdminGuard<T>(work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const now = Date.now();
    const taken = await conditionally(
      db.send(
        new PutCommand({
          TableName,
          Item: { ...keys.adminGuard, holder, expiresAt: now + LEASE_MS },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      ),
    );
    if (taken) break;
    if (attempt + 1 >= ATTEMPTS) throw new ServiceUnavailable(2);
    await sleep(100 + Math.floor(Math.random() * 100));
  }
  try {
    return await work();
  } finally {
    await conditionally(
      db.send(
        new DeleteCommand({
          TableName,
          Key: keys.adminGuard,
          ConditionExpression: 'holder = :holder',
          ExpressionAttributeValues: { ':holder': holder },
        }),
      ),
    );
  }
}
