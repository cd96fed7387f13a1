/**
 * The bundle-size and cold-load floor: the smallest useful Lambda handler, one that sends one
 * DynamoDB command. Every function is measured against this, built with the same options.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async () => {
  const result = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: 'FLOOR' }, SK: { S: 'FLOOR' } } }),
  );
  return { statusCode: 200, body: JSON.stringify(result.Item ?? null) };
};
