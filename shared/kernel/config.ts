/**
 * Runtime configuration, read once per cold start from the environment that CDK (or the local
 * stack) sets. Every value is read through `required`, so a missing setting fails loudly at
 * start-up instead of half-way through a request.
 */

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

function optional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Where AWS SDK clients connect: real AWS, or the local dynalite/s3rver endpoints. */
export interface AwsConfig {
  region: string;
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  local: boolean;
}

/** Reads the AWS client settings; `SIAP_LOCAL=1` marks the embedded local stack. */
export function awsConfig(): AwsConfig {
  return {
    region: optional('AWS_REGION') ?? 'ap-southeast-3',
    dynamoEndpoint: optional('DYNAMODB_ENDPOINT'),
    s3Endpoint: optional('S3_ENDPOINT'),
    local: optional('SIAP_LOCAL') === '1',
  };
}

/**
 * Where the pages send uploads (the documents bucket's own origin, for the pages' content policy):
 * the bucket's regional address in AWS, the local s3rver's origin locally.
 */
export function uploadOrigin(): string {
  const local = awsConfig().s3Endpoint;
  return local ? new URL(local).origin : (optional('UPLOAD_ORIGIN') ?? '');
}

/** The single DynamoDB table of this regency. */
export function tableName(): string {
  return required('TABLE_NAME');
}

/** The private documents bucket of this regency. */
export function bucketName(): string {
  return required('BUCKET_NAME');
}

const TIME_ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** A regency's local time: the IANA zone and the Indonesian label printed after times. */
export interface RegencyTimeZone {
  iana: string;
  label: string;
}

/** The regency this deployment serves (shown on pages and printed on documents, dated in its time). */
export function regencyConfig(): { name: string; slug: string; timeZone: RegencyTimeZone } {
  const iana = optional('REGENCY_TIME_ZONE') ?? 'Asia/Jakarta';
  const label = TIME_ZONE_LABELS[iana];
  if (!label) throw new Error(`REGENCY_TIME_ZONE must be one of ${Object.keys(TIME_ZONE_LABELS).join(', ')}`);
  return { name: required('REGENCY_NAME'), slug: required('REGENCY_SLUG'), timeZone: { iana, label } };
}

/**
 * Whether handlers check every reply against its zod schema before sending it. On in the local
 * stack and in tests, so a reply that drifts from its documented shape fails loudly there.
 */
export function validateReplies(): boolean {
  return optional('VALIDATE_REPLIES') === '1';
}

/** How the pages sign people in: the local issuer, or Cognito's hosted sign-in. */
export interface AuthConfig {
  mode: 'local' | 'cognito';
  cognitoDomain?: string;
  clientId?: string;
}

/** Sign-in settings for the pages (public: no secrets here). */
export function authConfig(): AuthConfig {
  const mode = optional('AUTH_MODE') === 'local' ? 'local' : 'cognito';
  if (mode === 'local') return { mode };
  return { mode, cognitoDomain: required('COGNITO_DOMAIN'), clientId: required('COGNITO_CLIENT_ID') };
}

/** Where accounts live: the regency's Cognito user pool, or (locally) the table's user store. */
export function directoryConfig(): { mode: 'local' } | { mode: 'cognito'; userPoolId: string; region: string } {
  if (optional('AUTH_MODE') === 'local') return { mode: 'local' };
  return { mode: 'cognito', userPoolId: required('USER_POOL_ID'), region: awsConfig().region };
}

/** Folder holding the built pages (next to the bundle in Lambda, `web/dist` locally). */
export function webDir(): string | undefined {
  return optional('WEB_DIR');
}

/**
 * Folder holding the fonts PDFs embed (DejaVu Sans: every Latin, Greek and Cyrillic letter, so any
 * name prints as written). In Lambda they sit in `fonts/` beside the bundle; locally FONTS_DIR
 * points into node_modules.
 */
export function fontsDir(): string | undefined {
  return optional('FONTS_DIR');
}

/**
 * The address people reach this regency at (the CloudFront distribution or the regency's own
 * domain; locally the gateway). Every absolute link (receipt pages, QR codes, WhatsApp messages) is
 * built from it, never from a request's Host header, which a caller chooses.
 */
export function publicUrl(): string {
  return required('PUBLIC_URL').replace(/\/+$/, '');
}

/** How secrets are sealed: the regency's KMS key in AWS, or a key file in the local data folder. */
export function secretsConfig(): { keyId?: string; keyFile?: string } {
  return { keyId: optional('SECRETS_KEY_ID'), keyFile: optional('SECRETS_KEY_FILE') };
}
