/**
 * A local API Gateway (HTTP API, payload 2.0). It serves the route table with the same Lambda
 * handlers, builds the same events (route key, path parameters, flattened query, base64 for
 * binary bodies, JWT claims), answers unknown routes and bad tokens the way API Gateway does,
 * and enforces Lambda's 6 MB request limit.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { groupSettings } from '#infra/function-groups.ts';
import type { Claims, HttpEvent, HttpResult } from '#shared/kernel/http/event.ts';
import { SECURITY_HEADERS } from '#shared/kernel/http/headers.ts';
import { type FunctionGroup, type Route, routeKey, routes } from '#shared/routes.ts';
import type { LocalIssuer } from './issuer.ts';

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** Extra routes that exist only locally (the token issuer); never part of the route table. */
export type LocalRoute = (request: IncomingMessage, body: Buffer) => Promise<{ status: number; json: unknown }>;

const LAMBDA_MAX_REQUEST_BYTES = 6 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]+\+json|xml|javascript|x-www-form-urlencoded))/i;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
  literalSegments: number;
}

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const pattern = segments
    .map((segment) => {
      const param = /^\{(\w+)(\+)?\}$/.exec(segment);
      if (!param) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      params.push(param[1] ?? '');
      return param[2] ? '/(.+)' : '/([^/]+)';
    })
    .join('');
  return {
    route,
    pattern: new RegExp(`^${pattern || '/'}$`),
    params,
    literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
  };
}

// API Gateway prefers the most specific route: more literal segments win over parameters.
const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);

function match(method: string, path: string): { route: Route; pathParameters: Record<string, string> } | null {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    const pathParameters: Record<string, string> = {};
    try {
      candidate.params.forEach((name, index) => {
        pathParameters[name] = decodeURIComponent(found[index + 1] ?? '');
      });
    } catch {
      return null;
    }
    return { route: candidate.route, pathParameters };
  }
  return null;
}

/** API Gateway flattens array claims to `[a b]`; we pass arrays as they are (both are handled). */
function claimsOf(payload: Record<string, unknown>): Claims {
  const claims: Claims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = value.map(String);
  }
  return claims;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LAMBDA_MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string) {
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** The gateway's own answers (no route, no token, too large), with the headers every reply carries. */
function gatewayMessage(response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  send(
    response,
    status,
    { ...SECURITY_HEADERS, 'content-type': 'application/json', ...extra },
    JSON.stringify({ message }),
  );
}

export interface GatewayOptions {
  /** Loads the Lambda handler of a function group (imported once, like a warm function). */
  loadHandler(group: FunctionGroup): Promise<LambdaHandler>;
  issuer: LocalIssuer;
  /**
   * Whether a verified token's person may no longer call the API (a disabled local account): the
   * stand-in for Cognito refusing a disabled user, answered 401 like an invalid token.
   */
  isRefused?: (sub: string) => Promise<boolean>;
  localRoutes?: Record<string, LocalRoute>;
  log?: (line: string) => void;
}

/** Builds the API Gateway v2 event for a request. */
function toEvent(
  request: IncomingMessage,
  url: URL,
  route: Route,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: Claims | null,
): HttpEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || TEXT_TYPES.test(contentType);
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    body: body.length > 0 ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: routeKey(route),
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  } as HttpEvent;
}

/** A Lambda context with the group's own timeout (as the CDK stack sets it). */
function lambdaContext(group: FunctionGroup, requestId: string): Context {
  const deadline = Date.now() + (groupSettings[group].timeoutSeconds ?? 10) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `siap-local-${group}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:siap-local-${group}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/siap-local-${group}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Starts the gateway on a port (0 = any free one). */
export async function startGateway(options: GatewayOptions, port: number, host = '127.0.0.1') {
  const handlers = new Map<FunctionGroup, Promise<LambdaHandler>>();
  const handlerOf = (group: FunctionGroup) => {
    let handler = handlers.get(group);
    if (!handler) {
      handler = options.loadHandler(group);
      handlers.set(group, handler);
    }
    return handler;
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (body === 'too-large') return gatewayMessage(response, 413, 'Request Entity Too Large');

    const local = options.localRoutes?.[`${method} ${url.pathname}`];
    if (local) {
      const reply = await local(request, body);
      return send(
        response,
        reply.status,
        { ...SECURITY_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' },
        JSON.stringify(reply.json),
      );
    }

    const found = match(method, url.pathname);
    if (!found) return gatewayMessage(response, 404, 'Not Found');

    let claims: Claims | null = null;
    if (found.route.access !== 'public') {
      const authorization = request.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
      const payload = token ? await options.issuer.verify(token) : null;
      const refused = payload && options.isRefused ? await options.isRefused(String(payload.sub)) : false;
      if (!payload || refused) return gatewayMessage(response, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      claims = claimsOf(payload as Record<string, unknown>);
    }

    const event = toEvent(request, url, found.route, found.pathParameters, body, claims);
    const handler = await handlerOf(found.route.group);
    let result: HttpResult;
    try {
      result = await handler(event, lambdaContext(found.route.group, event.requestContext.requestId));
    } catch {
      return gatewayMessage(response, 500, 'Internal Server Error');
    }
    const payload = result.body ?? '';
    const bytes = result.isBase64Encoded ? Buffer.from(payload, 'base64') : Buffer.from(payload, 'utf8');
    const headers: Record<string, string> = { 'apigw-requestid': event.requestContext.requestId };
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    send(response, result.statusCode, headers, bytes);
    options.log?.(`${method} ${url.pathname} ${result.statusCode} ${Date.now() - started}ms`);
  };

  const server: Server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) gatewayMessage(response, 500, 'Internal Server Error');
    });
  });
  // Idle connections stay open longer than clients keep them (API Gateway's own idle timeout is
  // minutes), so a client never reuses a socket the server is just closing (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
