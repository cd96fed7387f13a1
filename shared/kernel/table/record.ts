import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

/**
 * Reads one stored item as the record its schema declares. Key attributes and anything the schema
 * does not name are dropped; an item that does not match (hand-edited, or written by an older
 * version) fails loudly here rather than as a wrong answer later.
 */
export function readRecord<S extends $ZodType>(schema: S, item: Record<string, unknown>, what: string): z.output<S> {
  const result = z.safeParse(schema, item);
  if (result.success) return result.data;
  throw new Error(`Stored ${what} does not match its schema: ${z.prettifyError(result.error)}`);
}

/** Whether an SDK error is a failed condition (an expected outcome, answered as a result). */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ConditionalCheckFailedException';
}

/**
 * Runs a conditional write and answers whether its condition held; any other failure (throttling,
 * a timeout) is thrown for the edge to answer 503.
 */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
