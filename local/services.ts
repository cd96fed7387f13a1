/**
 * The local stand-ins for AWS's data services, started in-process: dynalite (DynamoDB on
 * LevelDB, or in memory) and s3rver (S3 on the file system). Tables and buckets are created from
 * the same definitions the CDK stack uses.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { tableDefinition } from '#shared/kernel/table/keys.ts';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
/** s3rver accepts only its own well-known key pair. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

// Local development may run on Node 20; Lambda runs 24. The SDK's reminder is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalServices {
  dynamoEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

/** Starts dynalite and s3rver on free loopback ports; `dataDir` persists both, else memory/temp. */
export async function startServices(options: { dataDir: string; persist: boolean }): Promise<LocalServices> {
  const dynamoOptions = options.persist
    ? { path: join(options.dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }
    : { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
  if (options.persist) mkdirSync(join(options.dataDir, 'dynamodb'), { recursive: true });
  const dynamo = dynalite(dynamoOptions);
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  const dynamoPort = (dynamo.address() as AddressInfo).port;

  const s3Directory = join(options.dataDir, 's3');
  mkdirSync(s3Directory, { recursive: true });
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Directory, silent: true });
  const s3Address = (await s3.run()) as AddressInfo;

  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    async stop() {
      await Promise.all([
        new Promise<void>((resolve) => dynamo.close(() => resolve())),
        s3.close().catch(() => undefined),
      ]);
    },
  };
}

/** Creates the table (same keys and indexes as in AWS) unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const index of tableDefinition.globalIndexes) {
    attributes.add(index.pk);
    attributes.add(index.sk);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection:
          index.projection === 'ALL'
            ? { ProjectionType: 'ALL' }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] },
      })),
    }),
  );
  client.destroy();
}

/**
 * Creates the documents bucket unless it exists, with the CORS rule the CDK bucket has: the
 * receipt page posts signed BAST photos straight from the phone to the presigned URL.
 */
export async function ensureBucket(endpoint: string, bucket: string): Promise<void> {
  const client = new S3Client({ endpoint, region: 'local', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          { AllowedMethods: ['PUT', 'POST'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], MaxAgeSeconds: 3000 },
        ],
      },
    }),
  );
  client.destroy();
}
