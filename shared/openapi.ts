import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { Contract } from '#shared/kernel/http/contract.ts';
import { Problem } from '#shared/kernel/schemas.ts';
import { contracts } from './contracts.ts';
import { routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(contract: Contract): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [location, schema] of [
    ['path', contract.params],
    ['query', contract.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: location, required: location === 'path' || required.has(name), schema: property });
    }
  }
  return parameters;
}

const PROBLEM_REPLIES: Record<string, string> = {
  '400': 'Invalid input; `errors` lists each field with a message in the caller language',
  '401': 'No valid token',
  '403': 'The caller group may not do this',
  '404': 'Not found',
  '413': 'Body too large',
  '415': 'Unsupported content type',
  '429': 'Too many attempts; see Retry-After',
  '503': 'A dependency is busy or unreachable; nothing was written; see Retry-After',
};

/**
 * The OpenAPI 3.1 document, generated from the route table and the contracts: nothing in it is
 * written by hand, so it cannot drift from what the handlers accept and answer.
 */
export function openApiDocument(info: { title: string; version: string; description?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const contract: Contract = contracts[route.operationId];
    const responses: Record<string, unknown> = {};
    for (const [status, reply] of Object.entries(contract.replies)) {
      responses[status] = {
        description: reply.description,
        ...(reply.schema
          ? { content: { 'application/json': { schema: schemaOf(reply.schema, 'output') } } }
          : reply.contentType
            ? { content: { [reply.contentType]: { schema: { type: 'string', format: 'binary' } } } }
            : {}),
      };
    }
    const problemStatuses = Object.keys(PROBLEM_REPLIES).filter(
      (status) => !(route.access === 'public' && (status === '401' || status === '403')),
    );
    for (const status of problemStatuses) {
      responses[status] ??= {
        description: PROBLEM_REPLIES[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const body = contract.body;
    const requestBody = body
      ? {
          required: true,
          description: body.description,
          content: body.mediaTypes
            ? Object.fromEntries(
                body.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              )
            : { 'application/json': { schema: body.schema ? schemaOf(body.schema, 'input') : {} } },
        }
      : undefined;
    const pathItem = paths[route.path] ?? {};
    paths[route.path] = pathItem;
    pathItem[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: contract.summary,
      tags: [contract.tag],
      'x-siap-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: parametersOf(contract),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    security: [{ cognito: [] }],
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token; groups `organizer` and `admin`',
        },
      },
      schemas: { Problem: schemaOf(Problem, 'output') },
    },
  };
}
