import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { db, TableName } from './client.ts';
import type { Key } from './keys.ts';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const BATCH_SIZE = 25;
const MAX_ROUNDS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes any number of puts and deletes in BatchWriteItem requests of 25, resending what
 * DynamoDB leaves unprocessed (with backoff) until all is written. Every item written this way
 * must be deterministic (same key, same content on a retry), so a repeated call is harmless.
 */
export async function batchWrite(requests: WriteRequest[], concurrency = 4): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) chunks.push(requests.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      if (chunk) await writeChunk(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
}

async function writeChunk(chunk: WriteRequest[]): Promise<void> {
  let pending = chunk;
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    if (round > 0) await sleep(Math.min(1_000, 25 * 2 ** round));
    const result = await db.send(new BatchWriteCommand({ RequestItems: { [TableName]: pending } }));
    pending = result.UnprocessedItems?.[TableName] ?? [];
  }
  if (pending.length > 0) {
    const error = new Error('BatchWriteItem left items unprocessed');
    error.name = 'ThrottlingException';
    throw error;
  }
}

/** A put request for `batchWrite`. */
export function put(item: Record<string, unknown>): WriteRequest {
  return { PutRequest: { Item: item } };
}

/** A delete request for `batchWrite`. */
export function remove(key: { PK: string; SK: string }): WriteRequest {
  return { DeleteRequest: { Key: key } };
}

/** Runs a Query to its end, following LastEvaluatedKey; answers the items and the pages read. */
export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.send(new QueryCommand({ ...input, TableName, ExclusiveStartKey: start }));
    pages++;
    items.push(...((result.Items ?? []) as T[]));
    start = result.LastEvaluatedKey;
  } while (start);
  return { items, pages };
}

/**
 * Reads items by key in BatchGetItem requests of 100 (strongly consistent), asking again for what
 * DynamoDB leaves unprocessed; answers the items found, in no particular order.
 */
export async function batchGet(
  itemKeys: readonly Key[],
  projection?: string,
): Promise<Array<Record<string, unknown> & Key>> {
  const found: Array<Record<string, unknown> & Key> = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let pending: Array<Record<string, unknown>> | undefined = itemKeys.slice(i, i + 100).map((key) => ({ ...key }));
    for (let round = 0; pending && pending.length > 0 && round < MAX_ROUNDS; round++) {
      if (round > 0) await sleep(Math.min(1_000, 25 * 2 ** round));
      const result: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [TableName]: {
              Keys: pending,
              ConsistentRead: true,
              ...(projection ? { ProjectionExpression: projection } : {}),
            },
          },
        }),
      );
      found.push(...((result.Responses?.[TableName] ?? []) as Array<Record<string, unknown> & Key>));
      pending = result.UnprocessedKeys?.[TableName]?.Keys;
    }
    if (pending && pending.length > 0) {
      const error = new Error('BatchGetItem left keys unprocessed');
      error.name = 'ThrottlingException';
      throw error;
    }
  }
  return found;
}
