import { request } from 'node:http';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '#local/stack.ts';
import type { Group } from '#shared/kernel/caller.ts';

export interface ApiReply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A small HTTP client for tests: JSON in, JSON (or text) out, with a bearer token. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly lang?: 'id' | 'en',
  ) {}

  as(token: string | undefined): Api {
    return new Api(this.baseUrl, token, this.lang);
  }

  inLanguage(lang: 'id' | 'en'): Api {
    return new Api(this.baseUrl, this.token, lang);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiReply<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const requestHeaders = init.headers as Record<string, string>;
    if (this.token) requestHeaders.authorization = `Bearer ${this.token}`;
    if (this.lang) requestHeaders['accept-language'] = this.lang;
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) init.body = body;
      else {
        init.body = JSON.stringify(body);
        requestHeaders['content-type'] ??= 'application/json';
      }
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/** A reply as it crossed the wire: the body still compressed, as the server sent it. */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** A GET with a raw HTTP client (fetch would decompress), so what is measured is what is sent. */
export function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

export interface TestStack {
  stack: LocalStack;
  organizer: Api;
  admin: Api;
  /** Muara Dua's (16.09.01) kecamatan account. */
  kecamatan: Api;
  anonymous: Api;
  tokens: Record<Group, string>;
}

/** The demo kecamatan whose account the tests use (its desa are 16.09.01.xxxx). */
export const MUARA_DUA = '16.09.01';

/** Starts an in-memory local stack on free ports, with clients for each kind of caller. */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const stack = await startLocalStack({ seed: true, ...options });
  const tokens = {
    organizer: await stack.token('organizer'),
    admin: await stack.token('admin'),
    kecamatan: await stack.token('kecamatan', undefined, MUARA_DUA),
  };
  const anonymous = new Api(stack.url);
  return {
    stack,
    organizer: anonymous.as(tokens.organizer),
    admin: anonymous.as(tokens.admin),
    kecamatan: anonymous.as(tokens.kecamatan),
    anonymous,
    tokens,
  };
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Sends requests at once and sends again those answered 503 (busy; nothing half-written), after a
 * pause, as a page does after Retry-After, until each has its answer (or the rounds run out).
 */
export async function untilAnswered<R extends { status: number }>(
  count: number,
  send: (index: number) => Promise<R>,
  rounds = 10,
): Promise<R[]> {
  const replies: R[] = await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  for (let round = 0; round < rounds; round++) {
    const again = replies.flatMap((reply, index) => (reply.status === 503 ? [index] : []));
    if (again.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const retried: R[] = await Promise.all(again.map((index) => send(index)));
    again.forEach((index, i) => {
      replies[index] = retried[i] as R;
    });
  }
  return replies;
}

/** The limits' window (WINDOW_SECONDS in shared/kernel/limits.ts): counters start again at each 10-minute mark. */
const LIMIT_WINDOW_MS = 600_000;

/**
 * Waits, if the current rate-limit window ends within `margin` ms, until the next one begins, so
 * a burst sent now is counted in one window (a burst across the boundary is two windows' worth).
 */
export async function awayFromWindowEdge(margin = 60_000): Promise<void> {
  const left = LIMIT_WINDOW_MS - (Date.now() % LIMIT_WINDOW_MS);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}
