import { contracts } from '#shared/contracts.ts';
import type { Contract } from '#shared/kernel/http/contract.ts';
import { type OperationId, routes } from '#shared/routes.ts';
import { roles } from '#shared/sessions/rules/roles.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        security?: unknown[];
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        responses: Record<string, unknown>;
      }
    >
  >;
};

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

test('GET /openapi.json describes exactly the route table, from the zod schemas', async () => {
  const reply = await t.anonymous.get<Document>('/openapi.json');
  expect(reply.status).toBe(200);
  expect(reply.body.openapi).toBe('3.1.0');
  const operations = Object.entries(reply.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), ...operation })),
  );
  expect(operations.map((op) => `${op.method} ${op.path} ${op.operationId}`).sort()).toEqual(
    routes.map((route) => `${route.method} ${route.path} ${route.operationId}`).sort(),
  );
  for (const route of routes) {
    const operation = reply.body.paths[route.path]?.[route.method.toLowerCase()];
    expect(operation?.security).toEqual(route.access === 'public' ? [] : undefined);
    const contract: Contract = contracts[route.operationId as OperationId];
    if (contract.body && 'schema' in contract.body) {
      expect(operation?.requestBody?.content['application/json']?.schema).toMatchObject({ type: 'object' });
    }
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(Object.keys(contract.replies)));
  }
  const register = reply.body.paths['/sessions/{sessionId}/registrations']?.post;
  expect(register?.requestBody?.content['application/json']?.schema).toMatchObject({
    required: expect.arrayContaining(['fullName', 'role']),
    properties: { role: { enum: [...roles] } },
    additionalProperties: false,
  });
});
