/**
 * The one way the organizer pages talk to the API: a call names its operationId, the route table
 * gives the method and path, and the contracts give the types of what is sent and answered. Every
 * call carries the bearer token and the page language as Accept-Language (so the API's messages
 * come back in it); a problem+json refusal becomes an `ApiError` whose field messages are ready to
 * show.
 */
import { type Route, routes } from '#shared/routes.ts';
import type { User } from './auth.ts';
import { lang } from './lang.ts';
import {
  address,
  type ContentTypeOf,
  type FieldError,
  type FileOperation,
  type ItemOf,
  type LooseRequest,
  type OperationId,
  type PagedOperation,
  type Problem,
  type RawBody,
  type Reply,
  type RequestArgs,
  type RequestOf,
} from './operations.ts';
import { t } from './texts.ts';

export type { FieldError };

/**
 * Whether the signed-in person may call an operation, by the route table's rule (the API decides;
 * the pages only leave out what would be refused): admins everything, organizers all but admin
 * routes, a kecamatan account the routes the table opens to it.
 */
export function allowed(user: User, operationId: OperationId): boolean {
  const route: Route | undefined = routes.find((each) => each.operationId === operationId);
  if (!route || route.access === 'public') return route !== undefined;
  if (route.access === 'admin') return user.isAdmin;
  return user.kecamatanCode === null || route.kecamatan !== undefined;
}

/**
 * Who holds a place or a phone number a registration was refused for: the `holder` member of a
 * 409, so a correction form can put the refusal at the field it is about.
 */
export type Holder = Pick<ItemOf<'listRegistrations'>, 'fullName' | 'role' | 'villageCode' | 'kecamatanCode'> & {
  registrationId: string;
};

/** A refused or failed request, with the API's own words when it gave them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly title = '',
    readonly errors: FieldError[] = [],
    readonly holder: Holder | null = null,
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

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body;
}

async function send(operationId: OperationId, request: LooseRequest, accept: string): Promise<Response> {
  const route = routes.find((each) => each.operationId === operationId);
  if (!route) throw new Error(`no route for ${operationId}`);
  const headers: Record<string, string> = { ...request.headers, accept, 'accept-language': lang() };
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (isRaw(request.body)) {
    headers['content-type'] = request.body.type;
    payload = request.body.raw;
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(address(route.path, request), { method: route.method, headers, body: payload });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (response.ok) return response;
  if (response.status === 401) onUnauthorized();
  throw await toError(response);
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    problem = await response.json().catch(() => ({}));
  }
  const fallback = response.status === 403 ? t('error.forbidden') : t('error.status', { status: response.status });
  // Problem documents say what happened in `detail` (a 409 names the holder there) or `title`;
  // API Gateway's own refusals only carry an English `message`, so ours is shown instead.
  const message = problem.detail ?? problem.title ?? fallback;
  // An extension member of the problem document (RFC 9457), outside the common schema.
  const holder = (problem as { holder?: Holder }).holder ?? null;
  return new ApiError(response.status, message, problem.title ?? '', problem.errors ?? [], holder);
}

async function json(operationId: OperationId, request: LooseRequest = {}): Promise<{ status: number; body: unknown }> {
  const response = await send(operationId, request, 'application/json');
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Calls an operation and answers its status and body, typed from its contract: `call('register',
 * { params: { sessionId }, body })`. The status is kept because 201 and 200 can mean different things.
 */
export async function call<Op extends OperationId>(operationId: Op, ...[request]: RequestArgs<Op>): Promise<Reply<Op>> {
  // The reply is the API's, shaped by the same contract the types come from.
  return (await json(operationId, request as LooseRequest)) as Reply<Op>;
}

/**
 * Every page of a paged list (a session's registrations, a desa's shipments), 1000 at a time,
 * until the last page or until `stop()` says the page was left.
 */
export async function everyPage<Op extends PagedOperation>(
  operationId: Op,
  request: RequestOf<Op>,
  stop: () => boolean = () => false,
): Promise<Array<ItemOf<Op>>> {
  const loose = request as LooseRequest;
  const items: Array<ItemOf<Op>> = [];
  let cursor: string | null = null;
  do {
    const query: LooseRequest['query'] = { ...loose.query, limit: 1000, cursor: cursor ?? undefined };
    const page = (await json(operationId, { ...loose, query })).body as {
      items: Array<ItemOf<Op>>;
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && !stop());
  return items;
}

/**
 * Fetches a file with the bearer token (and the contract's headers, e.g. a BAST's receipt code);
 * answers its bytes and the name the server suggests.
 */
export async function download<Op extends FileOperation>(
  operationId: Op,
  request: RequestOf<Op> & { accept: ContentTypeOf<Op> },
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(operationId, request as LooseRequest, request.accept);
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
