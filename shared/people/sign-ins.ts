/**
 * When people last signed in. Cognito does not keep it where ListUsers can read it, so its
 * post-authentication trigger (`functions/signins.ts`) writes one item per account, and the people
 * list reads them all with one Query. The local sign-in calls the same trigger handler.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { SignInRecord } from './records.ts';

/** Notes a sign-in (the latest one wins: a later sign-in is never overwritten by an earlier). */
export async function recordSignIn(userId: string, at: string): Promise<void> {
  await conditionally(
    db.send(
      new PutCommand({
        TableName,
        Item: { ...keys.signIn.item(userId), ...SignInRecord.parse({ userId, lastSignInAt: at }) },
        ConditionExpression: 'attribute_not_exists(PK) OR lastSignInAt < :at',
        ExpressionAttributeValues: { ':at': at },
      }),
    ),
  );
}

/** Every account's last sign-in, by account id. */
export async function lastSignIns(): Promise<Map<string, string>> {
  const { items } = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.signIn.partition },
  });
  return new Map(
    items.map((item) => readRecord(SignInRecord, item, 'sign-in')).map((each) => [each.userId, each.lastSignInAt]),
  );
}
