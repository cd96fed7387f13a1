/**
 * The environment a bundled handler gets in a fresh process for the cold-start figure: Lambda's
 * (region, credentials in the environment, no metadata service) plus the configuration the stack
 * sets, pointing at the running local stack's dynalite and s3rver, its built pages and its
 * cut-down PDF fonts (infra/fonts.ts, as Lambda gets them). The floor and every function get the
 * same credentials through the same chain (the environment-only provider of infra/bundling.ts);
 * s3rver accepts only its own key pair, and dynalite accepts any, so that pair is used for both.
 */
import type { LocalStack } from '#local/stack.ts';

export function handlerEnv(stack: LocalStack, home: string): Record<string, string> {
  const stackSet = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`the local stack did not set ${name}`);
    return value;
  };
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The floor's client names no endpoint (as in Lambda); the SDK takes this one from the environment.
    AWS_ENDPOINT_URL_DYNAMODB: stack.dynamoEndpoint,
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    S3_ENDPOINT: stack.s3Endpoint,
    TABLE_NAME: stack.tableName,
    BUCKET_NAME: stack.bucketName,
    REGENCY_NAME: stackSet('REGENCY_NAME'),
    REGENCY_SLUG: stackSet('REGENCY_SLUG'),
    REGENCY_TIME_ZONE: stackSet('REGENCY_TIME_ZONE'),
    AUTH_MODE: 'local',
    // Registrations seal their passes with the session's key, opened with the local key file.
    SECRETS_KEY_FILE: stackSet('SECRETS_KEY_FILE'),
    PUBLIC_URL: stackSet('PUBLIC_URL'),
    WEB_DIR: stackSet('WEB_DIR'),
    FONTS_DIR: stackSet('FONTS_DIR'),
    // Lambda's log level filters lines outside the process; here nothing should be printed (or timed).
    LOG_LEVEL: 'silent',
    // The SDK warns once on Node 20 (Lambda runs 24); printing it would be timed too.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
