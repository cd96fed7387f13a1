import type { Access } from '#shared/routes.ts';
import { type Group, groups, type Principal } from '../caller.ts';
import { Forbidden } from '../errors.ts';
import { Unauthorized } from './errors.ts';
import type { Claims, HttpEvent } from './event.ts';

export type { Group, Principal };

/**
 * Cognito puts groups in `cognito:groups`. API Gateway's HTTP API flattens array claims into a
 * string such as `[admin organizer]`; the local issuer's tokens arrive as real arrays. Both work.
 */
function groupsOf(value: Claims[string] | undefined): Group[] {
  let names: string[] = [];
  if (Array.isArray(value)) names = value;
  else if (typeof value === 'string') names = value.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return names.filter((name): name is Group => (groups as readonly string[]).includes(name));
}

/** The principal of a request, or null when no verified token came with it. */
export function principalOf(event: HttpEvent): Principal | null {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return null;
  const name = claims.name ?? claims.email ?? claims['cognito:username'] ?? claims.sub;
  return { sub: claims.sub, name: String(name), groups: groupsOf(claims['cognito:groups']) };
}

/** Enforces a route's access rule: 401 without a principal, 403 for a group that may not call it. */
export function authorize(access: Access, principal: Principal | null): void {
  if (access === 'public') return;
  if (!principal) throw new Unauthorized();
  const allowed = access === 'admin' ? principal.groups.includes('admin') : principal.groups.length > 0;
  if (!allowed) throw new Forbidden();
}
