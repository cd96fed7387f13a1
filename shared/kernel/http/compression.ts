/**
 * Replies travel compressed when they are worth it: API Gateway's HTTP API does not compress, and a
 * check-in list of 3,000 people is 880 kB as JSON but ~60 kB gzipped, the difference between
 * seconds and most of a minute on a village's 3G. Brotli when the browser takes it, gzip otherwise;
 * files that are compressed already (PDF, XLSX, images) and small replies go as they are.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { HttpResult } from './event.ts';

/** Replies smaller than this gain too little to be worth the CPU. */
export const MIN_COMPRESSED_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/([\w.+-]*json|javascript|xml|x-ndjson)|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with for an Accept-Encoding header (a `q=0` refuses one). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...parameters] = part.trim().split(';');
    const q = parameters.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

/** Compresses bytes the way the reply says: brotli at a quick level (replies are made per request), or gzip. */
export function encode(bytes: Buffer, encoding: Encoding, quality = 5): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } })
    : gzipSync(bytes, { level: 6 });
}

/** The result compressed for the caller when its type and size make that worthwhile. */
export function compressResult(result: HttpResult, acceptEncoding: string | undefined): HttpResult {
  const headers = result.headers;
  if (headers['content-encoding'] || result.body === undefined) return result;
  const contentType = headers['content-type'] ?? '';
  if (!COMPRESSIBLE.test(contentType)) return result;
  const bytes = Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length < MIN_COMPRESSED_BYTES) return result;
  const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding';
  const encoding = preferredEncoding(acceptEncoding);
  if (!encoding) return { ...result, headers: { ...headers, vary } };
  return {
    ...result,
    headers: { ...headers, vary, 'content-encoding': encoding },
    body: encode(bytes, encoding).toString('base64'),
    isBase64Encoded: true,
  };
}
