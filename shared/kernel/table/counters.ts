import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, TableName } from './client.ts';
import type { Key } from './keys.ts';
import { conditionally } from './record.ts';

/**
 * Adds one to a counter attribute (created at zero) while it stays at most `max`, and sets when
 * the item expires (DynamoDB's TTL removes it afterwards). The condition decides atomically: of
 * many concurrent calls, exactly those within the limit succeed. Answers whether it was added.
 */
export function addWithin(key: Key, attribute: string, max: number, expiresAt: number): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: key,
        UpdateExpression: 'ADD #counter :one SET expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(#counter) OR #counter < :max',
        ExpressionAttributeNames: { '#counter': attribute },
        ExpressionAttributeValues: { ':one': 1, ':expires': expiresAt, ':max': max },
      }),
    ),
  );
}
