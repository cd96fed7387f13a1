import type { Message, MessageParams } from '#shared/kernel/i18n/messages.ts';

/** One field's complaint: the field's path (`lines.0.quantity`) and a message key. */
export interface FieldIssue {
  field: string;
  key: Message;
  params?: MessageParams;
}

interface ProblemSpec {
  title: Message;
  detail?: Message;
  params?: MessageParams;
  issues?: FieldIssue[];
  /** Extra members of the problem document (RFC 9457 extensions), e.g. who holds a place. */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * An error that knows its HTTP status and how to explain itself. The error middleware turns it
 * into an `application/problem+json` reply in the caller's language; nothing else is exposed.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly spec: ProblemSpec;

  constructor(status: number, spec: ProblemSpec, options?: { cause?: unknown }) {
    // The Error message is for logs only; replies are rendered from the spec in the caller's language.
    const message = spec.detail ?? spec.title;
    super(typeof message === 'string' ? message : message.en, options);
    this.name = new.target.name;
    this.status = status;
    this.spec = spec;
  }
}

/** 400: one or more fields are wrong. Nothing was written. */
export class ValidationFailed extends HttpError {
  constructor(issues: FieldIssue[], detail: Message = 'detail.validation', params?: MessageParams) {
    super(400, { title: 'problem.validation', detail, params, issues });
  }
}

/** 400 without field issues, for a body that cannot be read at all. */
export class BadRequest extends HttpError {
  constructor(detail: Message, params?: MessageParams) {
    super(400, { title: 'problem.validation', detail, params });
  }
}

/** 401: no valid credentials. */
export class Unauthorized extends HttpError {
  constructor() {
    super(401, { title: 'problem.unauthorized', headers: { 'www-authenticate': 'Bearer' } });
  }
}

/** 403: signed in, but the caller's group may not do this. */
export class Forbidden extends HttpError {
  constructor() {
    super(403, { title: 'problem.forbidden' });
  }
}

/** 404: the resource named by the path does not exist (or may not be revealed). */
export class NotFound extends HttpError {
  constructor(detail?: Message, params?: MessageParams) {
    super(404, { title: 'problem.notFound', detail, params });
  }
}

/** 409: the request collides with data already stored; `extra` names who holds the place. */
export class Conflict extends HttpError {
  constructor(detail: Message, params?: MessageParams, extra?: Record<string, unknown>) {
    super(409, { title: 'problem.conflict', detail, params, extra });
  }
}

/** 413: the body is larger than this route accepts. */
export class PayloadTooLarge extends HttpError {
  constructor(max: number) {
    super(413, { title: 'problem.tooLarge', detail: 'detail.body.tooLarge', params: { max } });
  }
}

/** 415: the body is not of a type this route reads. */
export class UnsupportedMediaType extends HttpError {
  constructor(expected: string) {
    super(415, { title: 'problem.mediaType', detail: 'detail.mediaType', params: { expected } });
  }
}

/** 429: too many attempts from one caller; try again later. */
export class TooManyRequests extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, {
      title: 'problem.tooMany',
      detail: 'detail.retry',
      params: { seconds: retryAfterSeconds },
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
}

/** 503: a dependency is throttled or unreachable; nothing half-written, safe to retry. */
export class ServiceUnavailable extends HttpError {
  constructor(retryAfterSeconds: number, cause?: unknown, detail: Message = 'detail.retry') {
    super(
      503,
      {
        title: 'problem.unavailable',
        detail,
        params: { seconds: retryAfterSeconds },
        headers: { 'retry-after': String(retryAfterSeconds) },
      },
      { cause },
    );
  }
}
