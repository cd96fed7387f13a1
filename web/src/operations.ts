/**
 * What each API operation takes and answers, derived from the contracts (`shared/contracts.ts`)
 * by type only: no zod reaches the browser. The route table says where an operation lives; this
 * module turns an operationId into the types of its params, query, body and replies, and fills a
 * route's path. The organizer pages' client (`api.ts`) and the public pages' (`public/net.ts`)
 * both build on it.
 */
import type * as z from 'zod/mini';
import type { contracts } from '#shared/contracts.ts';
import type { Problem as ProblemSchema } from '#shared/kernel/schemas.ts';
import type { routes } from '#shared/routes.ts';

type Contracts = typeof contracts;
export type OperationId = keyof Contracts;
type Contract<Op extends OperationId> = Contracts[Op];

type Input<S> = S extends z.core.$ZodType ? z.input<S> : never;
type Output<S> = S extends z.core.$ZodType ? z.output<S> : never;

/** A refusal as the API words it (RFC 9457), every part optional: a gateway's own may lack them. */
export type Problem = Partial<z.output<typeof ProblemSchema>>;

/** One field's message in a refusal: `{ field: 'lines.2.quantity', message }`. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** A body sent as it is (an uploaded file), with its media type. */
export interface RawBody {
  raw: Blob;
  type: string;
}

/** Query values as the address carries them: text, or a number where the API reads one. */
type QueryOf<Q> = {
  [K in keyof Input<Q>]?:
    | Input<Q>[K]
    | (K extends keyof Output<Q> ? (number extends Output<Q>[K] ? number : never) : never);
};

type ParamsPart<C> = C extends { params: infer P } ? { params: Input<P> } : { params?: undefined };
type QueryPart<C> = C extends { query: infer Q } ? { query?: QueryOf<Q> } : { query?: undefined };
type HeadersPart<C> = C extends { headers: infer H } ? { headers: Input<H> } : { headers?: undefined };
type BodyPart<C> = C extends { body: { schema: infer B } }
  ? { body: Input<B> }
  : C extends { body: { mediaTypes: readonly string[] } }
    ? { body: RawBody }
    : { body?: undefined };

/** What a call of the operation sends: path params, query, headers and body, each as its contract says. */
export type RequestOf<Op extends OperationId> = ParamsPart<Contract<Op>> &
  QueryPart<Contract<Op>> &
  HeadersPart<Contract<Op>> &
  BodyPart<Contract<Op>>;

/** The JSON body an operation takes, as the page builds it. */
export type RequestBody<Op extends OperationId> = RequestOf<Op>['body'];

/** The request as an argument: optional when the operation needs nothing. */
export type RequestArgs<Op extends OperationId> =
  object extends RequestOf<Op> ? [request?: RequestOf<Op>] : [request: RequestOf<Op>];

type Replies<Op extends OperationId> = Contract<Op>['replies'];
type Success<Op extends OperationId, S> = S extends number
  ? `${S}` extends `2${string}`
    ? {
        status: S;
        body: S extends keyof Replies<Op> ? (Replies<Op>[S] extends { schema: infer B } ? Output<B> : null) : never;
      }
    : never
  : never;

/** A successful reply: each 2xx status the contract lists, with its body (201 and 200 can differ). */
export type Reply<Op extends OperationId> = Success<Op, keyof Replies<Op>>;

/** The body of one reply of an operation (200 unless said). */
export type ReplyBody<Op extends OperationId, S extends number = 200> = Extract<Reply<Op>, { status: S }>['body'];

/** One entry of a paged list reply. */
export type ItemOf<Op extends OperationId> = ReplyBody<Op> extends { items: Array<infer T> } ? T : never;

/** Operations answering a file (PDF, CSV, XLSX) rather than JSON. */
export type FileOperation = {
  [Op in OperationId]: Replies<Op> extends { 200: { contentType: string } } ? Op : never;
}[OperationId];

/** The media type the contract says a file operation answers. */
export type ContentTypeOf<Op extends FileOperation> =
  Replies<Op> extends { 200: { contentType: infer T extends string } } ? T : never;

/** Operations answering a page of a list: `{ items, nextCursor }`. */
export type PagedOperation = {
  [Op in OperationId]: [ReplyBody<Op>] extends [never]
    ? never
    : ReplyBody<Op> extends { items: unknown[]; nextCursor: string | null }
      ? Op
      : never;
}[OperationId];

type RouteOf<Op extends OperationId> = Extract<(typeof routes)[number], { operationId: Op }>;

/** `GET /receipts/{receiptCode}`: an operation's method and path as the route table has them. */
export type RouteKeyOf<Op extends OperationId> = `${RouteOf<Op>['method']} ${RouteOf<Op>['path']}`;

/** A request as the clients read it once the types have done their work. */
export interface LooseRequest {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * `/sessions/{sessionId}` with each param filled in URI-encoded, then the query (values
 * URI-encoded, empty ones left out). A param the path names but the request lacks stays visible.
 */
export function address(path: string, request: LooseRequest = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = request.params?.[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
  const query = Object.entries(request.query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return query.length ? `${filled}?${query.join('&')}` : filled;
}
