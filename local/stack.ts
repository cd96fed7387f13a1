/**
 * The whole system on one machine: dynalite, s3rver, the local token issuer and the local API
 * Gateway serving every route with the real handlers and the built pages. Used by `npm start`
 * (persisted in a data folder) and by the tests (in memory, on free ports).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { buildPdfFonts } from '#infra/fonts.ts';
import type { Group } from '#shared/kernel/caller.ts';
import { KecamatanCode } from '#shared/kernel/schemas.ts';
import type { FunctionGroup } from '#shared/routes.ts';
import { buildWeb } from '#web/build.ts';
import { type LambdaHandler, startGateway } from './gateway.ts';
import { createIssuer, type LocalIssuer } from './issuer.ts';
import { startSchedules } from './schedules.ts';
import { seedDemo } from './seed.ts';
import { ensureBucket, ensureTable, startServices } from './services.ts';

export interface LocalStackOptions {
  /** Port for the gateway; 0 picks a free one. */
  port?: number;
  /** Folder that keeps the data between runs; without it everything lives in memory. */
  dataDir?: string;
  /** Seed the demo regency into an empty table. */
  seed?: boolean;
  host?: string;
  log?: (line: string) => void;
  /** Extra environment for the handlers (tests use it to change limits). */
  env?: Record<string, string>;
  /** Run the scheduled functions (the daily readiness snapshot) at start and then daily, as `npm start` does. */
  schedules?: boolean;
  /** Wraps each group's handler (tests use it to observe what a function does). */
  wrapHandler?: (group: FunctionGroup, handler: LambdaHandler) => LambdaHandler;
}

export interface LocalStack {
  url: string;
  port: number;
  issuer: LocalIssuer;
  tableName: string;
  bucketName: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  seeded: boolean;
  /** A token for a group (a kecamatan account with its kecamatan), not tied to a local account. */
  token(group: Group, name?: string, kecamatanCode?: string): Promise<string>;
  /** A token for a local account, as the local sign-in signs it (refused while the account is disabled). */
  tokenForUser(userId: string): Promise<string>;
  /** The code another device signs in with now (used once, then replaced). */
  signInCode(): string;
  stop(): Promise<void>;
}

const TokenRequest = z.union([
  // A local account chosen from the list the sign-in page shows.
  z.strictObject({
    userId: z.string().check(z.minLength(1), z.maxLength(128)),
    /** From another device (a phone on the LAN): the one-time code `npm start` printed. */
    code: z.optional(z.string().check(z.maxLength(20))),
  }),
  // Scripts and tests: any person of a group.
  z.strictObject({
    group: z.enum(['admin', 'organizer', 'kecamatan']),
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
    kecamatanCode: z.optional(KecamatanCode),
    code: z.optional(z.string().check(z.maxLength(20))),
  }),
]);

/** Whether a request comes from this machine itself. */
export function isLoopback(address: string | undefined): boolean {
  return address === '::1' || !!address?.startsWith('127.') || !!address?.startsWith('::ffff:127.');
}

/** A one-time code for signing in from another device: 8 digits, easy to type on a phone. */
/** The event Cognito hands its post-authentication trigger, for one local account. */
function postAuthentication(user: { id: string; email: string; name: string }): PostAuthenticationTriggerEvent {
  return {
    version: '1',
    region: 'local',
    userPoolId: 'local',
    userName: user.id,
    triggerSource: 'PostAuthentication_Authentication',
    callerContext: { awsSdkVersion: 'local', clientId: 'local' },
    request: { userAttributes: { sub: user.id, email: user.email, name: user.name }, newDeviceUsed: false },
    response: {},
  };
}

function newSignInCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/**
 * The layout of the items this version stores. A data folder written by an earlier layout is moved
 * aside (not deleted) and a fresh one seeded, so `npm start` never serves half-understood data.
 */
export const DATA_FORMAT = 5;

/** How long a local refresh token renews the session (Cognito's client: 14 hours, a working day). */
const REFRESH_HOURS = 14;

function ensureDataFormat(dataDir: string, log: (line: string) => void): void {
  const marker = join(dataDir, 'format.json');
  const stored = existsSync(marker) ? Number(JSON.parse(readFileSync(marker, 'utf8')).format) : undefined;
  if (stored !== DATA_FORMAT && existsSync(join(dataDir, 'dynamodb'))) {
    const aside = `${dataDir}-format-${stored ?? 1}-${Date.now()}`;
    renameSync(dataDir, aside);
    log(`The data in ${dataDir} was written by an older version; it was moved to ${aside}.`);
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, JSON.stringify({ format: DATA_FORMAT }));
}

/**
 * The local stand-in for the regency's KMS key: 32 random bytes in the data folder (readable by
 * this user only), made once and kept, so sealed codes open again after a restart.
 */
function ensureSecretsKey(dataDir: string): string {
  const file = join(dataDir, 'secrets.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600 });
  return file;
}

/** Starts the local stack. Handlers read their configuration from the environment set here. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const persist = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'siap-'));
  if (persist) ensureDataFormat(dataDir, options.log ?? ((line) => console.log(line)));
  const services = await startServices({ dataDir, persist });
  const tableName = 'siap-local';
  const bucketName = 'siap-local-documents';
  await ensureTable(services.dynamoEndpoint, tableName);
  await ensureBucket(services.s3Endpoint, bucketName);
  const [webDir, fontsDir] = await Promise.all([buildWeb(join(dataDir, 'web')), buildPdfFonts(join(dataDir, 'fonts'))]);
  const secretsKeyFile = ensureSecretsKey(dataDir);

  Object.assign(process.env, {
    SIAP_LOCAL: '1',
    AWS_REGION: 'ap-southeast-3',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: tableName,
    BUCKET_NAME: bucketName,
    DYNAMODB_ENDPOINT: services.dynamoEndpoint,
    S3_ENDPOINT: services.s3Endpoint,
    REGENCY_NAME: 'Kabupaten Ogan Komering Ulu Selatan',
    REGENCY_SLUG: 'oku-selatan',
    REGENCY_TIME_ZONE: 'Asia/Jakarta',
    AUTH_MODE: 'local',
    WEB_DIR: webDir,
    FONTS_DIR: fontsDir,
    SECRETS_KEY_FILE: secretsKeyFile,
    VALIDATE_REPLIES: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...options.env,
  });

  const issuer = await createIssuer(persist ? join(dataDir, 'issuer.json') : undefined);
  // The local user store stands in for Cognito: imported once the table's environment is set.
  const accounts = await import('#shared/people/table-directory.ts');
  const { handler: signInTrigger } = await import('../functions/signins.ts');
  const tokenForUser = async (userId: string): Promise<string | null> => {
    const user = await accounts.findLocalUser(userId);
    if (!user?.enabled) return null;
    await accounts.recordLocalSignIn(user.id);
    // Cognito calls its post-authentication trigger on every sign-in: here the same handler.
    await signInTrigger(postAuthentication(user));
    return issuer.tokenFor(user.group, {
      sub: user.id,
      name: user.name,
      email: user.email,
      kecamatanCode: user.kecamatanCode,
    });
  };
  // The refresh grant, as Cognito's: a random token per sign-in, rotated on each use, revoked at
  // sign-out, valid 14 hours; a refresh re-reads the account (a disabled one is refused, a new group
  // is in the next token). Kept in memory: a restart signs everyone out, as a new deployment may.
  const refreshTokens = new Map<string, { userId: string; expiresAt: number }>();
  const grantRefresh = (userId: string) => {
    const refreshToken = randomBytes(32).toString('base64url');
    refreshTokens.set(refreshToken, { userId, expiresAt: Date.now() + REFRESH_HOURS * 3600_000 });
    return refreshToken;
  };
  let signInCode = newSignInCode();
  const RefreshRequest = z.strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(200)) });
  const readJson = (body: Buffer): unknown => {
    try {
      return JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return null;
    }
  };
  const gateway = await startGateway(
    {
      issuer,
      // A disabled local account's tokens stop working at once (Cognito refuses its sign-in and refresh).
      // Cognito is not the table: when a test breaks the table, the handler (not this stand-in) answers it (503).
      isRefused: async (sub) => {
        try {
          return (await accounts.findLocalUser(sub))?.enabled === false;
        } catch {
          return false;
        }
      },
      log: options.log,
      loadHandler: async (group: FunctionGroup) => {
        const module = (await import(`../functions/${group}.ts`)) as { handler: LambdaHandler };
        return options.wrapHandler ? options.wrapHandler(group, module.handler) : module.handler;
      },
      localRoutes: {
        // Local sign-in: exists only here, never in the route table or the CDK template.
        // The people to choose from: the local accounts that may sign in.
        'POST /local/refresh': async (_request, body) => {
          const request = RefreshRequest.safeParse(readJson(body));
          const held = request.success ? refreshTokens.get(request.data.refreshToken) : undefined;
          if (!request.success || !held) return { status: 400, json: { error: 'invalid_grant' } };
          refreshTokens.delete(request.data.refreshToken);
          const token = held.expiresAt > Date.now() ? await tokenForUser(held.userId) : null;
          if (!token) return { status: 400, json: { error: 'invalid_grant' } };
          return { status: 200, json: { token, refreshToken: grantRefresh(held.userId) } };
        },
        'POST /local/revoke': async (_request, body) => {
          const request = RefreshRequest.safeParse(readJson(body));
          if (request.success) refreshTokens.delete(request.data.refreshToken);
          return { status: 200, json: {} };
        },
        'GET /local/users': async () => {
          const users = await accounts.tableDirectory.list();
          return {
            status: 200,
            json: {
              items: users
                .filter((user) => user.enabled)
                .sort((a, b) => a.name.localeCompare(b.name, 'id'))
                .map(({ id, name, email, group, kecamatanCode }) => ({ id, name, email, group, kecamatanCode })),
            },
          };
        },
        // Only this machine signs in freely; another device (HOST=0.0.0.0, a phone on the LAN)
        // needs the one-time code `npm start` printed, which is then replaced.
        'POST /local/token': async (incoming, body) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(body.toString('utf8') || '{}');
          } catch {
            return { status: 400, json: { message: 'Body must be JSON' } };
          }
          const result = TokenRequest.safeParse(parsed);
          if (!result.success) {
            return { status: 400, json: { message: 'Send a userId, or a group (admin, organizer, kecamatan)' } };
          }
          const request = result.data;
          if (!isLoopback(incoming.socket.remoteAddress)) {
            if (request.code !== signInCode) {
              return {
                status: 403,
                json: { message: 'From another device, give the one-time code npm start printed' },
              };
            }
            signInCode = newSignInCode();
            options.log?.(`Signed in from ${incoming.socket.remoteAddress}; the next device's code: ${signInCode}`);
          }
          if ('userId' in request) {
            const token = await tokenForUser(request.userId);
            if (!token) return { status: 401, json: { message: 'Unknown or disabled' } };
            return { status: 200, json: { token, refreshToken: grantRefresh(request.userId) } };
          }
          if (request.group === 'kecamatan' && !request.kecamatanCode) {
            return { status: 400, json: { message: 'A kecamatan account needs kecamatanCode' } };
          }
          const token = await issuer.tokenFor(request.group, {
            name: request.name,
            kecamatanCode: request.kecamatanCode,
          });
          return { status: 200, json: { token } };
        },
      },
    },
    options.port ?? 0,
    options.host,
  );

  // Links are built from the public address; locally that is the gateway (unless a test sets its own).
  process.env.PUBLIC_URL = options.env?.PUBLIC_URL ?? gateway.url;
  let seeded = false;
  if (options.seed) seeded = await seedDemo(gateway.url, await issuer.tokenFor('admin'));
  const stopSchedules = options.schedules
    ? await startSchedules(process.env.REGENCY_TIME_ZONE ?? 'Asia/Jakarta', options.log ?? (() => undefined))
    : () => undefined;

  return {
    url: gateway.url,
    port: gateway.port,
    issuer,
    tableName,
    bucketName,
    dynamoEndpoint: services.dynamoEndpoint,
    s3Endpoint: services.s3Endpoint,
    seeded,
    token: (group, name, kecamatanCode) => issuer.tokenFor(group, { name, kecamatanCode }),
    signInCode: () => signInCode,
    async tokenForUser(userId) {
      const token = await tokenForUser(userId);
      if (!token) throw new Error(`No enabled local account ${userId}`);
      return token;
    },
    async stop() {
      stopSchedules();
      await gateway.close();
      await services.stop();
      if (!persist) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
