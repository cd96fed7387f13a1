/**
 * Signing in. Locally the stack's issuer hands out a token for a chosen local account; in AWS,
 * Cognito's hosted sign-in with the authorization code flow and PKCE (S256), whose ID token is the
 * bearer the API's JWT authorizer checks. The ID token is short (an hour); the refresh token
 * renews it before it runs out, so a desk stays signed in for its day, and signing out revokes it.
 * Both live in sessionStorage: closing the tab signs out.
 */
import type { PublicConfig } from './types.ts';

const TOKEN_KEY = 'siap.token';
const REFRESH_KEY = 'siap.refresh';
const PKCE_KEY = 'siap.pkce';
/** Renew this long before the ID token runs out. */
const RENEW_AHEAD_MS = 5 * 60 * 1000;

export interface User {
  token: string;
  name: string;
  isAdmin: boolean;
  /** A kecamatan account: sees and acts only for its own kecamatan's desa. */
  kecamatanCode: string | null;
}

/** A local account the local sign-in offers. */
export interface LocalAccount {
  id: string;
  name: string;
  email: string;
  group: 'admin' | 'organizer' | 'kecamatan';
  kecamatanCode?: string;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function claimsOf(token: string): Record<string, unknown> | null {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * The signed-in person, read from the token (for display only: the API checks the signature).
 * Cognito may write groups as an array or as API Gateway's flattened "[admin organizer]".
 */
export function currentUser(): User | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? claimsOf(token) : null;
  if (!token || !claims) return null;
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  const groups = claims['cognito:groups'];
  const names = Array.isArray(groups) ? groups.map(String) : String(groups ?? '').split(/[\s,[\]]+/);
  const name = claims.name ?? claims.email ?? claims['cognito:username'] ?? '';
  const kecamatan = claims['custom:kecamatan'];
  const seesRegency = names.includes('admin') || names.includes('organizer');
  return {
    token,
    name: String(name),
    isAdmin: names.includes('admin'),
    kecamatanCode: !seesRegency && names.includes('kecamatan') && typeof kecamatan === 'string' ? kecamatan : null,
  };
}

/** Forgets the tokens (the refresh token too: a refused session is not renewed). */
export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
}

function keep(tokens: { token?: string; refreshToken?: string }): void {
  if (tokens.token) sessionStorage.setItem(TOKEN_KEY, tokens.token);
  if (tokens.refreshToken) sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
}

/** Local stack only: the local accounts to choose from. */
export async function localAccounts(): Promise<LocalAccount[]> {
  const response = await fetch('/local/users');
  if (!response.ok) throw new Error(`local users: ${response.status}`);
  return ((await response.json()) as { items: LocalAccount[] }).items;
}

/** Whether this page was opened on the machine running the local stack (no sign-in code needed). */
export function onThisMachine(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
}

/** Local stack only: asks the local issuer for a chosen account's tokens (from another device, with the printed code). */
export async function signInLocally(userId: string, code = ''): Promise<void> {
  const response = await fetch('/local/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, ...(code ? { code } : {}) }),
  });
  if (!response.ok) throw new Error(`local token: ${response.status}`);
  keep((await response.json()) as { token: string; refreshToken: string });
}

/**
 * Trades the refresh token for a fresh ID token (and, where the issuer rotates it, a new refresh
 * token). Answers false when there is none or it was refused (revoked, expired, account disabled).
 */
export async function renewSession(config: PublicConfig): Promise<boolean> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return false;
  try {
    if (config.auth.mode === 'local') {
      const response = await fetch('/local/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) return false;
      keep((await response.json()) as { token: string; refreshToken: string });
      return true;
    }
    const response = await fetch(`${cognitoBase(config)}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: config.auth.clientId ?? '',
        refresh_token: refreshToken,
      }),
    });
    if (!response.ok) return false;
    const tokens = (await response.json()) as { id_token?: string; refresh_token?: string };
    if (!tokens.id_token) return false;
    keep({ token: tokens.id_token, refreshToken: tokens.refresh_token });
    return true;
  } catch {
    return false;
  }
}

let renewal: ReturnType<typeof setTimeout> | undefined;

/** Renews the session a few minutes before the ID token runs out, again and again, for the day. */
export function keepSessionRenewed(config: PublicConfig, renewed: () => void = () => undefined): void {
  clearTimeout(renewal);
  const token = sessionStorage.getItem(TOKEN_KEY);
  const exp = token ? claimsOf(token)?.exp : undefined;
  if (typeof exp !== 'number' || !sessionStorage.getItem(REFRESH_KEY)) return;
  const wait = Math.max(10_000, exp * 1000 - Date.now() - RENEW_AHEAD_MS);
  renewal = setTimeout(async () => {
    if (await renewSession(config)) {
      renewed();
      keepSessionRenewed(config, renewed);
    }
  }, wait);
}

function cognitoBase(config: PublicConfig): string {
  const domain = config.auth.cognitoDomain ?? '';
  return (/^https?:\/\//.test(domain) ? domain : `https://${domain}`).replace(/\/+$/, '');
}

const redirectUri = () => `${location.origin}/`;

/** Sends the browser to Cognito's sign-in page; the verifier waits in sessionStorage. */
export async function startCognitoSignIn(config: PublicConfig): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId ?? '',
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: base64url(new Uint8Array(digest)),
  });
  location.assign(`${cognitoBase(config)}/oauth2/authorize?${query}`);
}

/**
 * Back from Cognito with `?code=…&state=…`: checks the state, trades the code and verifier for
 * tokens, keeps the ID token, and cleans the address. Answers false when there was nothing to do.
 */
export async function finishCognitoSignIn(config: PublicConfig): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code && !params.get('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    hash: string;
  } | null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', `/${pending?.hash ?? ''}`);
  if (!code || !pending || params.get('state') !== pending.state) throw new Error('sign-in was not completed');
  const response = await fetch(`${cognitoBase(config)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.auth.clientId ?? '',
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string; refresh_token?: string };
  if (!tokens.id_token) throw new Error('no id_token');
  keep({ token: tokens.id_token, refreshToken: tokens.refresh_token });
  return true;
}

/** Revokes the refresh token where it was issued, so it renews nothing after signing out. */
async function revoke(config: PublicConfig, refreshToken: string): Promise<void> {
  try {
    if (config.auth.mode === 'local') {
      await fetch('/local/revoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      return;
    }
    await fetch(`${cognitoBase(config)}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: config.auth.clientId ?? '' }),
    });
  } catch {
    // Offline: the refresh token is forgotten here and runs out on its own.
  }
}

/** Signs out: revokes the refresh token, forgets both tokens and, with Cognito, ends the hosted sign-in session too. */
export async function signOut(config: PublicConfig): Promise<void> {
  clearTimeout(renewal);
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  forgetToken();
  if (refreshToken) await revoke(config, refreshToken);
  if (config.auth.mode === 'cognito') {
    const query = new URLSearchParams({ client_id: config.auth.clientId ?? '', logout_uri: redirectUri() });
    location.assign(`${cognitoBase(config)}/logout?${query}`);
  }
}
