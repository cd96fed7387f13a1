import { type Lang, t } from '#shared/kernel/i18n/messages.ts';
import { AppError, ServiceUnavailable } from '../errors.ts';
import { statusOf } from './errors.ts';
import type { HttpResult } from './event.ts';
import { SECURITY_HEADERS } from './headers.ts';

/** Errors from AWS services or the network that mean "try again later", not "you did wrong". */
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'SlowDown',
  'InternalError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'AbortError',
  'TransactionConflictException',
  'LimitExceededException',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

interface AwsLikeError {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Whether an error is a throttle, timeout or outage of a dependency (answered with 503). */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as AwsLikeError;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** Seconds a client should wait after a 503 caused by a dependency. */
export const RETRY_AFTER_SECONDS = 2;

/** Classifies any thrown value into the error that will be shown (internal for the unknown). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isTransient(error)) return new ServiceUnavailable(RETRY_AFTER_SECONDS, error);
  return new AppError('internal', { title: 'problem.internal' }, { cause: error });
}

const TYPE_BASE = 'https://siap-pilkades.go.id/problems/';
const TYPE_NAMES: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal',
  503: 'unavailable',
};

/**
 * Renders an error as `application/problem+json` in the caller's language. Only our own words
 * go out: never a stack, an AWS message or a table name.
 */
export function problemReply(error: AppError, lang: Lang, requestId?: string): HttpResult {
  const { spec } = error;
  const status = statusOf(error);
  const body: Record<string, unknown> = {
    type: `${TYPE_BASE}${TYPE_NAMES[status] ?? 'error'}`,
    title: t(lang, spec.title, spec.params),
    status,
  };
  if (spec.detail) body.detail = t(lang, spec.detail, spec.params);
  if (spec.issues) {
    body.errors = spec.issues.map((issue) => ({
      field: issue.field,
      message: t(lang, issue.key, issue.params),
    }));
  }
  if (spec.extra) Object.assign(body, spec.extra);
  if (requestId && status >= 500) body.requestId = requestId;
  return {
    statusCode: status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      'content-language': lang,
      ...(error.kind === 'unauthorized' ? { 'www-authenticate': 'Bearer' } : {}),
      ...(spec.retryAfterSeconds === undefined ? {} : { 'retry-after': String(spec.retryAfterSeconds) }),
    },
    body: JSON.stringify(body),
  };
}

/**
 * One sentence for an error, in the caller's language: a field's own message when one field is at
 * fault, else the problem's detail. For replies that list many outcomes (an import's refused rows).
 */
export function explain(error: AppError, lang: Lang): string {
  const first = error.spec.issues?.[0];
  if (error.kind === 'validation' && first) return t(lang, first.key, first.params);
  return t(lang, error.spec.detail ?? error.spec.title, error.spec.params);
}
