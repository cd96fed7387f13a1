import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, TableName } from './client.ts';
import type { Key } from './keys.ts';

/**
 * Adds to a counter attribute (created at zero) and sets when the item expires (DynamoDB's TTL
 * removes it afterwards); answers the new value.
 */
export async function addToCounter(key: Key, attribute: string, by: number, expiresAt: number): Promise<number> {
  const result = await db.send(
    new UpdateCommand({
      TableName,
      Key: key,
      UpdateExpression: 'ADD #counter :by SET expiresAt = :expires',
      ExpressionAttributeNames: { '#counter': attribute },
      ExpressionAttributeValues: { ':by': by, ':expires': expiresAt },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.[attribute] ?? 0);
}
