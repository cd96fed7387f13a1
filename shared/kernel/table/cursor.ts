import { ValidationFailed } from '#shared/kernel/errors.ts';

/**
 * Page cursors are DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor that does not decode
 * to the expected key shape (or names another partition) is refused with 400.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : null;
}

/**
 * Decodes a cursor and checks every key attribute is a non-empty string, the fixed ones match and
 * the prefixed ones start with their prefix (a sort key outside the range read would otherwise
 * reach DynamoDB, which refuses it with an error of its own).
 */
export function decodeCursor(
  cursor: string | undefined,
  attributes: readonly string[],
  fixed: Record<string, string> = {},
  prefixes: Record<string, string> = {},
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const fail = () => new ValidationFailed([{ field: 'query.cursor', key: 'field.cursor' }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw fail();
  const record = decoded as Record<string, unknown>;
  const keys = Object.keys(record);
  const filled = (name: string) => typeof record[name] === 'string' && record[name] !== '';
  if (keys.length !== attributes.length || !attributes.every(filled)) throw fail();
  for (const [name, value] of Object.entries(fixed)) if (record[name] !== value) throw fail();
  for (const [name, prefix] of Object.entries(prefixes)) {
    if (!String(record[name]).startsWith(prefix)) throw fail();
  }
  return record as Record<string, string>;
}
