import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, TableName } from '../data/dynamo.ts';
import { keys } from '../data/table.ts';
import { TooManyRequests } from '../http/errors.ts';

/** Failed receipt-code attempts allowed per caller per window before they must wait. */
export const MAX_FAILURES = 20;
export const WINDOW_SECONDS = 600;

function bucketOf(sourceIp: string): string {
  // Addresses are personal data; the counter only needs to tell callers apart.
  return createHash('sha256').update(`siap-rate:${sourceIp}`).digest('hex').slice(0, 24);
}

function windowOf(now: number): { name: string; endsAt: number } {
  const start = Math.floor(now / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
  return { name: String(start), endsAt: start + WINDOW_SECONDS };
}

/** Refuses (429) a caller who failed too often in the current window, before any lookup. */
export async function guardAttempts(sourceIp: string): Promise<void> {
  const window = windowOf(Date.now());
  const result = await db.send(
    new GetCommand({ TableName, Key: keys.rateLimit.item(bucketOf(sourceIp), window.name) }),
  );
  if (Number(result.Item?.failures ?? 0) >= MAX_FAILURES) {
    throw new TooManyRequests(Math.max(1, window.endsAt - Math.floor(Date.now() / 1000)));
  }
}

/** Counts one failed attempt (the counter expires with its window). */
export async function recordFailure(sourceIp: string): Promise<void> {
  const window = windowOf(Date.now());
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.rateLimit.item(bucketOf(sourceIp), window.name),
      UpdateExpression: 'ADD failures :one SET expiresAt = :expires',
      ExpressionAttributeValues: { ':one': 1, ':expires': window.endsAt + WINDOW_SECONDS },
    }),
  );
}
