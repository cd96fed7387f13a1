/**
 * The local stand-in for Cognito: it signs ID tokens with the same claims Cognito puts in them
 * (`sub`, `name`, `email`, `cognito:groups`, `token_use`), and the local gateway verifies them the
 * way API Gateway's JWT authorizer does (signature, issuer, audience, expiry). The key pair is
 * kept in the data folder, so tokens survive a restart.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Group } from '#shared/kernel/caller.ts';
import { KECAMATAN_CLAIM } from '#shared/kernel/http/auth.ts';

export const LOCAL_ISSUER = 'https://siap-pilkades.local/issuer';
export const LOCAL_AUDIENCE = 'siap-pilkades-local';
const TOKEN_HOURS = 12;

type Key = Parameters<SignJWT['sign']>[0];

export interface TokenOptions {
  name?: string;
  expiresInSeconds?: number;
  audience?: string;
  /** The person's own id and address (a local account's); otherwise derived from group and name. */
  sub?: string;
  email?: string;
  /** A kecamatan account's kecamatan, as Cognito's `custom:kecamatan` claim. */
  kecamatanCode?: string;
}

export interface LocalIssuer {
  /** Signs a token for a person in a group (the claims Cognito would put in an ID token). */
  tokenFor(group: Group, options?: TokenOptions): Promise<string>;
  /** Verifies a bearer token like API Gateway's JWT authorizer; null when it must be refused. */
  verify(token: string): Promise<JWTPayload | null>;
}

async function loadKeys(file: string | undefined): Promise<{ privateKey: Key; publicKey: Key }> {
  if (file && existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    return {
      privateKey: await importJWK(stored.privateJwk, 'RS256'),
      publicKey: await importJWK(stored.publicJwk, 'RS256'),
    };
  }
  const pair = await generateKeyPair('RS256', { extractable: true });
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    const privateJwk = await exportJWK(pair.privateKey);
    const publicJwk = await exportJWK(pair.publicKey);
    writeFileSync(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  }
  return pair;
}

/** Signs any claims with a key: the issuer's own, or (in tests) a stranger's. */
export async function signToken(
  privateKey: Key,
  claims: JWTPayload,
  options: { expiresInSeconds: number; audience: string; issuer?: string },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'local' })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + options.expiresInSeconds)
    .sign(privateKey);
}

const DEFAULT_NAMES: Record<Group, string> = {
  admin: 'Admin DPMD',
  organizer: 'Panitia DPMD',
  kecamatan: 'Kasi Pemerintahan',
};

/** The issuer for a data folder (keys persisted in `keyFile`), or an ephemeral one for tests. */
export async function createIssuer(keyFile?: string): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await loadKeys(keyFile);
  return {
    async tokenFor(group, options = {}) {
      const name = options.name ?? DEFAULT_NAMES[group];
      const sub =
        options.sub ??
        createHash('sha256')
          .update(`${group}:${name}:${options.kecamatanCode ?? ''}`)
          .digest('hex')
          .slice(0, 32);
      return signToken(
        privateKey,
        {
          sub,
          name,
          email: options.email ?? `${group}@siap-pilkades.local`,
          'cognito:groups': [group],
          'cognito:username': `${group}-${sub.slice(0, 6)}`,
          ...(options.kecamatanCode ? { [KECAMATAN_CLAIM]: options.kecamatanCode } : {}),
          token_use: 'id',
        },
        {
          expiresInSeconds: options.expiresInSeconds ?? TOKEN_HOURS * 3600,
          audience: options.audience ?? LOCAL_AUDIENCE,
        },
      );
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: ['RS256'],
        });
        return payload;
      } catch {
        return null;
      }
    },
  };
}
