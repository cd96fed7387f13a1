import { S3Client } from '@aws-sdk/client-s3';
import { awsConfig, bucketName } from './config.ts';

const aws = awsConfig();

/**
 * The documents bucket's client, built once per cold start. Locally it talks to s3rver, which
 * needs path-style addresses, its own well-known keys, and no default checksums.
 */
export const s3 = new S3Client({
  region: aws.region,
  endpoint: aws.s3Endpoint,
  forcePathStyle: aws.local,
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  ...(aws.local
    ? {
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        requestChecksumCalculation: 'WHEN_REQUIRED' as const,
        responseChecksumValidation: 'WHEN_REQUIRED' as const,
      }
    : {}),
});

/** The bucket every document lives in. */
export const Bucket = bucketName();
