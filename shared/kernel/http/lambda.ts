import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { languageOf } from '#shared/kernel/i18n/messages.ts';
import { log } from '#shared/kernel/log.ts';
import { type FunctionGroup, routeKey, routesOf } from '#shared/routes.ts';
import { NotFound } from '../errors.ts';
import { authorize, principalOf } from './auth.ts';
import { compressResult } from './compression.ts';
import { statusOf } from './errors.ts';
import { CLIENT_ADDRESS_HEADER, type HttpEvent, type HttpResult, header } from './event.ts';
import type { Operation } from './operation.ts';
import { problemReply, toAppError } from './problem.ts';

/**
 * The Lambda entry of one function group. It finds the route by API Gateway's `routeKey`,
 * enforces the route's access rule from the route table, runs the operation, and maps every
 * error to `application/problem+json` in one place.
 */
export function lambdaHandler(group: FunctionGroup, operations: Record<string, Operation>) {
  const byKey = new Map(routesOf(group).map((route) => [routeKey(route), route]));
  // Whether every route of the group is implemented is proven by a test over all groups.
  const handler = middy<HttpEvent, HttpResult, Error, Context>()
    .use({
      after: async (request) => {
        if (request.response)
          request.response = compressResult(request.response, header(request.event, 'accept-encoding'));
      },
      onError: async (request) => {
        const error = toAppError(request.error);
        const requestId = request.event.requestContext?.requestId;
        if (statusOf(error) >= 500) {
          log.error('request failed', { requestId, routeKey: request.event.routeKey, error: request.error });
        }
        request.response = problemReply(error, languageOf(header(request.event, 'accept-language')), requestId);
      },
    })
    .handler(async (event) => {
      const route = byKey.get(event.routeKey);
      const operation = route && operations[route.operationId];
      if (!route || !operation) throw new NotFound('detail.route');
      const principal = principalOf(event);
      const scope = authorize(route, principal, event);
      return operation.run({
        event,
        principal,
        scope,
        lang: languageOf(header(event, 'accept-language')),
        requestId: event.requestContext.requestId,
        // Behind CloudFront the connection comes from an edge server; the edge's function writes the
        // viewer's own address in this header (overwriting whatever a client sent in it).
        sourceIp: header(event, CLIENT_ADDRESS_HEADER) ?? event.requestContext.http.sourceIp,
        access: route.access,
      });
    });
  return Object.assign(handler, { group, operations });
}
