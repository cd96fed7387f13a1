/**
 * Signing in. Locally the stack's issuer hands out a token for a chosen group; in AWS, Cognito's
 * hosted sign-in with the authorization code flow and PKCE (S256), whose ID token is the bearer
 * the API's JWT authorizer checks. The token lives in sessionStorage: closing the tab signs out.
 */
import type { PublicConfig } from './types.ts';

const TOKEN_KEY = 'siap.token';
const PKCE_KEY = 'siap.pkce';

export interface User {
  token: string;
  name: string;
  isAdmin: boolean;
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
  return { token, name: String(name), isAdmin: names.includes('admin') };
}

/** Forgets the token. */
export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Whether this page was opened on the machine running the local stack (no sign-in code needed). */
export function onThisMachine(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
}

/** Local stack only: asks the local issuer for a token (from another device, with the printed code). */
export async function signInLocally(group: 'admin' | 'organizer', name: string, code = ''): Promise<void> {
  const response = await fetch('/local/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ group, ...(name ? { name } : {}), ...(code ? { code } : {}) }),
  });
  if (!response.ok) throw new Error(`local token: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  sessionStorage.setItem(TOKEN_KEY, token);
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
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('no id_token');
  sessionStorage.setItem(TOKEN_KEY, tokens.id_token);
  return true;
}

/** Signs out: forgets the token and, with Cognito, ends the hosted sign-in session too. */
export function signOut(config: PublicConfig): void {
  forgetToken();
  if (config.auth.mode === 'cognito') {
    const query = new URLSearchParams({ client_id: config.auth.clientId ?? '', logout_uri: redirectUri() });
    location.assign(`${cognitoBase(config)}/logout?${query}`);
  }
}
