/**
 * The errors use cases throw. They say what went wrong in the domain's terms (a field is wrong,
 * nothing is there, a place is taken, try again later) and carry the sentences that explain it;
 * they know nothing of HTTP. The HTTP edge maps each kind to a status and renders the sentences
 * as a problem document in the caller's language, in one place (`kernel/http/problem.ts`).
 */
import type { Message, MessageParams } from './i18n/messages.ts';

/** One field's complaint: the field's path (`lines.0.quantity`) and a message key. */
export interface FieldIssue {
  field: string;
  key: Message;
  params?: MessageParams;
}

/** What kind of failure this is; the edge decides what each kind answers. */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'mediaType'
  | 'tooMany'
  | 'unavailable'
  | 'internal';

export interface ErrorSpec {
  title: Message;
  detail?: Message;
  params?: MessageParams;
  issues?: FieldIssue[];
  /** Extra members of the problem document (RFC 9457 extensions), e.g. who holds a place. */
  extra?: Record<string, unknown>;
  /** Seconds after which trying again makes sense (throttles and outages). */
  retryAfterSeconds?: number;
}

function logMessage(message: Message): string {
  if (typeof message === 'string') return message;
  return typeof message.en === 'string' ? message.en : message.en.other;
}

/** An error that explains itself; nothing else of it reaches a person. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly spec: ErrorSpec;

  constructor(kind: ErrorKind, spec: ErrorSpec, options?: { cause?: unknown }) {
    // The Error message is for logs only; replies are rendered from the spec in the caller's language.
    super(logMessage(spec.detail ?? spec.title), options);
    this.name = new.target.name;
    this.kind = kind;
    this.spec = spec;
  }
}

/** One or more fields are wrong. Nothing was written. */
export class ValidationFailed extends AppError {
  constructor(issues: FieldIssue[], detail: Message = 'detail.validation', params?: MessageParams) {
    super('validation', { title: 'problem.validation', detail, params, issues });
  }
}

/** The input cannot be read at all (no field to point at). */
export class BadRequest extends AppError {
  constructor(detail: Message, params?: MessageParams) {
    super('validation', { title: 'problem.validation', detail, params });
  }
}

/** Signed in, but this person may not do this (or may not see this unit). */
export class Forbidden extends AppError {
  constructor(detail?: Message) {
    super('forbidden', { title: 'problem.forbidden', detail });
  }
}

/** The thing named does not exist (or may not be revealed). */
export class NotFound extends AppError {
  constructor(detail?: Message, params?: MessageParams) {
    super('notFound', { title: 'problem.notFound', detail, params });
  }
}

/** The request collides with what is stored; `extra` names who holds the place. */
export class Conflict extends AppError {
  constructor(detail: Message, params?: MessageParams, extra?: Record<string, unknown>, issues?: FieldIssue[]) {
    super('conflict', { title: 'problem.conflict', detail, params, extra, issues });
  }
}

/** Too many attempts from one caller; try again later. */
export class TooManyRequests extends AppError {
  constructor(retryAfterSeconds: number) {
    super('tooMany', {
      title: 'problem.tooMany',
      detail: 'detail.retry',
      params: { seconds: retryAfterSeconds },
      retryAfterSeconds,
    });
  }
}

/** A dependency is busy or the same work is in progress; nothing half-written, safe to retry. */
export class ServiceUnavailable extends AppError {
  constructor(retryAfterSeconds: number, cause?: unknown, detail: Message = 'detail.retry') {
    super(
      'unavailable',
      { title: 'problem.unavailable', detail, params: { seconds: retryAfterSeconds }, retryAfterSeconds },
      { cause },
    );
  }
}
