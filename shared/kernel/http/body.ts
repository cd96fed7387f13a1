import { BadRequest, ValidationFailed } from '../errors.ts';
import { PayloadTooLarge, UnsupportedMediaType } from './errors.ts';
import { type HttpEvent, header } from './event.ts';

/** The media type of a request without parameters, lower-cased (`application/json`). */
export function mediaTypeOf(event: HttpEvent): string | undefined {
  const value = header(event, 'content-type');
  return value?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** The request body as bytes (API Gateway base64-encodes binary bodies). */
export function bodyBytes(event: HttpEvent): Buffer {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

function isJsonMediaType(mediaType: string | undefined): boolean {
  return (
    mediaType === 'application/json' || (mediaType?.startsWith('application/') === true && mediaType.endsWith('+json'))
  );
}

/** Reads a JSON body within a size limit; 413, 415 or 400 when it cannot be read. */
export function readJsonBody(event: HttpEvent, maxBytes: number): unknown {
  const bytes = bodyBytes(event);
  if (bytes.length > maxBytes) throw new PayloadTooLarge(maxBytes);
  if (bytes.length === 0) throw new BadRequest('detail.body.required');
  if (!isJsonMediaType(mediaTypeOf(event))) throw new UnsupportedMediaType('application/json');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BadRequest('detail.body.json');
  }
}

/** Reads a file body of one of the accepted media types within a size limit. */
export function readFileBody(
  event: HttpEvent,
  mediaTypes: readonly string[],
  maxBytes: number,
): { bytes: Buffer; mediaType: string } {
  const bytes = bodyBytes(event);
  if (bytes.length > maxBytes) throw new PayloadTooLarge(maxBytes);
  const mediaType = mediaTypeOf(event);
  if (!mediaType || !mediaTypes.includes(mediaType)) throw new UnsupportedMediaType(mediaTypes.join(', '));
  if (bytes.length === 0) throw new BadRequest('detail.body.required');
  return { bytes, mediaType };
}

/**
 * Routes that take no body accept an empty one or `{}` (some clients always send one) and refuse
 * anything else, so a mistyped request is never silently half-understood.
 */
export function refuseUnexpectedBody(event: HttpEvent): void {
  const bytes = bodyBytes(event);
  if (bytes.length > 1024) throw new PayloadTooLarge(1024);
  const text = bytes.toString('utf8').trim();
  if (text === '' || text === '{}') return;
  throw new ValidationFailed([{ field: 'body', key: 'field.unknown' }]);
}
