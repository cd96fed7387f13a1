import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsConfig, tableName } from '#shared/kernel/config.ts';

const aws = awsConfig();

/**
 * The document client, built once per cold start. Timeouts are short on purpose: a request that
 * cannot reach DynamoDB in time answers 503 with Retry-After instead of hanging the caller.
 */
export const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: aws.region,
    endpoint: aws.dynamoEndpoint,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
    ...(aws.local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);

/** The table every repository reads and writes. */
export const TableName = tableName();
