/** The OpenAPI document, generated once per cold start from the route table and the schemas. */
import { regencyConfig } from '#shared/kernel/config.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { openApiDocument } from '#shared/openapi.ts';
import * as contracts from '#shared/pages/contract.ts';

const text = JSON.stringify(
  openApiDocument({
    title: `SIAP Pilkades API (${regencyConfig().name})`,
    version: '1.0.0',
    description: 'Sessions, registration, attendance and election logistics for a regency DPMD.',
  }),
);

export const handler = lambdaHandler('openapi', {
  getOpenApi: operation(contracts.getOpenApi, async () => ({
    status: 200,
    text,
    contentType: 'application/json; charset=utf-8',
    headers: { 'cache-control': 'public, max-age=300' },
  })),
});
