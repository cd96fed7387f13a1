/**
 * Refusals only the HTTP edge makes (no token, a body too large or of the wrong type), and the one
 * table that says which status each kind of error answers with.
 */
import { AppError, type ErrorKind } from '../errors.ts';

/** No valid credentials. */
export class Unauthorized extends AppError {
  constructor() {
    super('unauthorized', { title: 'problem.unauthorized' });
  }
}

/** The body is larger than this route accepts. */
export class PayloadTooLarge extends AppError {
  constructor(max: number) {
    super('tooLarge', { title: 'problem.tooLarge', detail: 'detail.body.tooLarge', params: { max } });
  }
}

/** The body is not of a type this route reads. */
export class UnsupportedMediaType extends AppError {
  constructor(expected: string) {
    super('mediaType', { title: 'problem.mediaType', detail: 'detail.mediaType', params: { expected } });
  }
}

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  mediaType: 415,
  tooMany: 429,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status an error answers with. */
export function statusOf(error: AppError): number {
  return STATUS[error.kind];
}
