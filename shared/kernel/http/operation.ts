import type * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { validateReplies } from '#shared/kernel/config.ts';
import type { Lang } from '#shared/kernel/i18n/messages.ts';
import type { Access } from '#shared/routes.ts';
import { NotFound, ValidationFailed } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';
import type { Principal, Scope } from './auth.ts';
import { bodyBytes, readFileBody, readJsonBody, refuseUnexpectedBody } from './body.ts';
import { type Contract, DEFAULT_MAX_BODY_BYTES } from './contract.ts';
import type { HttpEvent, HttpResult } from './event.ts';
import { SECURITY_HEADERS } from './headers.ts';
import type { Reply } from './reply.ts';

/** What every operation knows about its caller. */
export interface RequestContext {
  principal: Principal | null;
  /** What the caller may see: the regency, or one kecamatan's desa (from the route table, in `auth.ts`). */
  scope: Scope;
  lang: Lang;
  requestId: string;
  sourceIp: string;
  event: HttpEvent;
  /** Who may call the route (from the route table): public routes never tell a bad path from a missing one. */
  access: Access;
}

type Parsed<S> = S extends $ZodType ? z.output<S> : Record<string, never>;
type ParsedBody<C extends Contract> = C['body'] extends { schema: infer S }
  ? Parsed<S>
  : C['body'] extends { mediaTypes: readonly string[] }
    ? { bytes: Buffer; mediaType: string }
    : undefined;

/** The validated input of an operation, typed from its contract. */
export type Input<C extends Contract> = RequestContext & {
  params: Parsed<C['params']>;
  query: Parsed<C['query']>;
  headers: Parsed<C['headers']>;
  body: ParsedBody<C>;
};

export interface Operation {
  contract: Contract;
  run(context: RequestContext): Promise<HttpResult>;
}

/**
 * A path that names nothing valid names nothing at all when it is read (404); a change sent to it
 * is told which part of the path is wrong (400), so `PUT /items/segel kotak` says what to fix.
 * Public routes answer every bad path alike (404), so guessing learns nothing.
 */
function readParams(contract: Contract, event: HttpEvent, access: Access): unknown {
  if (!contract.params) return {};
  try {
    return parseOrThrow(contract.params, event.pathParameters ?? {}, 'path');
  } catch (error) {
    const isWrite = event.requestContext.http.method !== 'GET';
    if (error instanceof ValidationFailed && !(isWrite && access !== 'public')) throw new NotFound();
    throw error;
  }
}

function readQuery(contract: Contract, event: HttpEvent): unknown {
  const query = event.queryStringParameters ?? {};
  if (contract.query) return parseOrThrow(contract.query, query, 'query');
  const unknown = Object.keys(query);
  if (unknown.length > 0) {
    throw new ValidationFailed(unknown.map((name) => ({ field: `query.${name}`, key: 'field.unknown' })));
  }
  return {};
}

function readHeaders(contract: Contract, event: HttpEvent): unknown {
  if (!contract.headers) return {};
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return parseOrThrow(contract.headers, headers, 'headers');
}

function readBody(contract: Contract, event: HttpEvent): unknown {
  const spec = contract.body;
  if (!spec) {
    refuseUnexpectedBody(event);
    return undefined;
  }
  const maxBytes = spec.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (spec.mediaTypes) return readFileBody(event, spec.mediaTypes, maxBytes);
  if (spec.optional && bodyBytes(event).length === 0) return spec.schema ? parseOrThrow(spec.schema, {}) : {};
  const json = readJsonBody(event, maxBytes);
  return spec.schema ? parseOrThrow(spec.schema, json) : json;
}

function checkReply(contract: Contract, reply: Reply): void {
  if (!validateReplies() || !('json' in reply)) return;
  const schema = contract.replies[reply.status]?.schema;
  if (!schema) throw new Error(`Reply ${reply.status} is not in the contract "${contract.summary}"`);
  const result = schema['~standard'].validate(reply.json);
  if (result instanceof Promise || result.issues) {
    throw new Error(`Reply ${reply.status} does not match its schema: ${JSON.stringify(result)}`);
  }
}

/** Turns a reply into API Gateway's result, with security headers on every answer. */
export function toResult(reply: Reply): HttpResult {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...reply.headers };
  if ('json' in reply) {
    return {
      statusCode: reply.status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
      body: JSON.stringify(reply.json),
    };
  }
  if ('file' in reply) {
    const disposition: Record<string, string> = reply.fileName
      ? { 'content-disposition': `attachment; filename="${reply.fileName.replace(/[^\w.-]/g, '_')}"` }
      : {};
    return {
      statusCode: reply.status,
      headers: { 'content-type': reply.contentType, 'cache-control': 'no-store', ...disposition, ...headers },
      body: Buffer.from(reply.file).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if ('text' in reply) {
    return { statusCode: reply.status, headers: { 'content-type': reply.contentType, ...headers }, body: reply.text };
  }
  return { statusCode: reply.status, headers };
}

/**
 * Binds a contract to its implementation: path, query and body are validated before the
 * implementation runs (so bad input never reaches a write), and in tests the reply is checked
 * against the contract too.
 */
export function operation<C extends Contract>(
  contract: C,
  implementation: (input: Input<C>) => Promise<Reply>,
): Operation {
  return {
    contract,
    async run(context) {
      const { event } = context;
      const params = readParams(contract, event, context.access);
      const query = readQuery(contract, event);
      const headers = readHeaders(contract, event);
      const body = readBody(contract, event);
      const reply = await implementation({ ...context, params, query, headers, body } as Input<C>);
      checkReply(contract, reply);
      return toResult(reply);
    },
  };
}
