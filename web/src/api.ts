/**
 * The one way the pages talk to the API: bearer token, the page language as Accept-Language (so
 * the API's messages come back in it), and problem+json turned into an `ApiError` whose field
 * messages are ready to show.
 */
import { lang } from './lang.ts';
import { t } from './texts.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** A refused or failed request, with the API's own words when it gave them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly title = '',
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

let tokenOf: () => string | null = () => null;
let onUnauthorized: () => void = () => undefined;

/** Wires the API to the signed-in person: where the token comes from, what a 401 does. */
export function configureApi(options: { token: () => string | null; unauthorized: () => void }): void {
  tokenOf = options.token;
  onUnauthorized = options.unauthorized;
}

/** A body sent as it is (an uploaded file), with its media type. */
export interface RawBody {
  raw: Blob;
  type: string;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  accept = 'application/json',
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extra, accept, 'accept-language': lang() };
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body && typeof body === 'object' && 'raw' in body) {
    const raw = body as RawBody;
    headers['content-type'] = raw.type;
    payload = raw.raw;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (response.ok) return response;
  if (response.status === 401) onUnauthorized();
  throw await toError(response);
}

async function toError(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; message?: string; errors?: FieldError[] } = {};
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    problem = await response.json().catch(() => ({}));
  }
  const fallback = response.status === 403 ? t('error.forbidden') : t('error.status', { status: response.status });
  // Problem documents say what happened in `detail` (a 409 names the holder there) or `title`;
  // API Gateway's own refusals only carry an English `message`, so ours is shown instead.
  const message = problem.detail ?? problem.title ?? fallback;
  return new ApiError(response.status, message, problem.title ?? '', problem.errors ?? []);
}

/** Sends a request and reads the JSON reply with its status (201 and 200 can mean different things). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await send(method, path, body);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** GET and read the JSON body. */
export async function get<T>(path: string): Promise<T> {
  return (await api<T>('GET', path)).body;
}

/**
 * Fetches a file with the bearer token (and any extra headers, e.g. a BAST's receipt code);
 * answers its bytes and the name the server suggests.
 */
export async function download(
  path: string,
  accept: string,
  headers: Record<string, string> = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send('GET', path, undefined, accept, headers);
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let fileName: string | null = plain ?? null;
  if (star) {
    try {
      fileName = decodeURIComponent(star);
    } catch {
      // A malformed name: keep the plain one.
    }
  }
  return { blob: await response.blob(), fileName };
}
