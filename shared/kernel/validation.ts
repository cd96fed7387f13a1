import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { isMessageKey, type MessageKey } from '#shared/kernel/i18n/messages.ts';
import { type FieldIssue, ValidationFailed } from './errors.ts';

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'field.type.string',
  number: 'field.type.number',
  boolean: 'field.type.boolean',
  object: 'field.type.object',
  array: 'field.type.array',
};

function fieldOf(path: readonly PropertyKey[], prefix?: string): string {
  const parts = path.map(String);
  return [prefix, ...parts].filter((part) => part !== undefined && part !== '').join('.');
}

/** Turns one zod issue into field issues that carry message keys, never raw input. */
export function toFieldIssues(issue: $ZodIssue, prefix?: string): FieldIssue[] {
  const field = fieldOf(issue.path, prefix);
  if (isMessageKey(issue.message)) return [{ field, key: issue.message }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: fieldOf([...issue.path, key], prefix), key: 'field.unknown' }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ field, key: 'field.required' }];
      if (issue.expected === 'int' && typeof issue.input === 'number') return [{ field, key: 'field.integer' }];
      return [{ field, key: TYPE_KEYS[issue.expected] ?? 'field.invalid' }];
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? [{ field, key: 'field.required' }]
          : [{ field, key: 'field.tooShort', params: { minimum: Number(issue.minimum) } }];
      }
      if (issue.origin === 'array') return [{ field, key: 'field.tooFew', params: { minimum: Number(issue.minimum) } }];
      return [{ field, key: 'field.tooSmall', params: { minimum: Number(issue.minimum) } }];
    case 'too_big':
      if (issue.origin === 'string')
        return [{ field, key: 'field.tooLong', params: { maximum: Number(issue.maximum) } }];
      if (issue.origin === 'array')
        return [{ field, key: 'field.tooMany', params: { maximum: Number(issue.maximum) } }];
      return [{ field, key: 'field.tooBig', params: { maximum: Number(issue.maximum) } }];
    case 'invalid_value':
      return [{ field, key: 'field.oneOf', params: { values: issue.values.map(String).join(', ') } }];
    case 'invalid_format':
      // An empty field is a missing one, whatever format it would have had.
      if (issue.input === '') return [{ field, key: 'field.required' }];
      return [{ field, key: issue.format === 'date' ? 'field.date' : 'field.invalid' }];
    default:
      return [{ field, key: 'field.invalid' }];
  }
}

/**
 * Parses input with a zod schema or throws `ValidationFailed` listing every bad field.
 * `prefix` names where the input came from when it is not the body (`query`, `params`).
 */
export function parseOrThrow<T extends $ZodType>(schema: T, input: unknown, prefix?: string): z.output<T> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  // One message per field: the first problem found is the one worth fixing first.
  const issues = new Map<string, FieldIssue>();
  for (const issue of result.error.issues.flatMap((each) => toFieldIssues(each, prefix))) {
    if (!issues.has(issue.field)) issues.set(issue.field, issue);
  }
  throw new ValidationFailed([...issues.values()]);
}
