import type { Access, KecamatanAccess } from '#shared/routes.ts';
import { type Group, groups, type Principal, regencyScope, type Scope } from '../caller.ts';
import { Forbidden } from '../errors.ts';
import { bodyBytes } from './body.ts';
import { Unauthorized } from './errors.ts';
import type { Claims, HttpEvent } from './event.ts';

export type { Group, Principal, Scope };

/** The claim Cognito puts a custom attribute in (written by admins only: see infra/constructs/auth.ts). */
export const KECAMATAN_CLAIM = 'custom:kecamatan';

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
/** A desa or kecamatan code at the start of a value (a registration id carries its unit after the role). */
const UNIT_CODE = /^\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?$/;

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
  const kecamatan = claims[KECAMATAN_CLAIM];
  return {
    sub: claims.sub,
    name: String(name),
    groups: groupsOf(claims['cognito:groups']),
    ...(typeof kecamatan === 'string' && KECAMATAN_CODE.test(kecamatan) ? { kecamatanCode: kecamatan } : {}),
  };
}

/** Whether a principal sees the whole regency (admins, organizers) rather than one kecamatan. */
function seesRegency(principal: Principal): boolean {
  return principal.groups.includes('admin') || principal.groups.includes('organizer');
}

/** The unit a value names: a desa or kecamatan code, or the unit inside a registration id (`KT-16.09.01.2001`). */
function unitOf(name: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (name === 'registrationId') {
    const unit = value.split('-')[1] ?? '';
    // A registration of no unit (an agency's `IN-…`) belongs to no kecamatan: never a kecamatan's own.
    return UNIT_CODE.test(unit) ? unit : '';
  }
  return value;
}

const UNIT_FIELDS = ['villageCode', 'kecamatanCode', 'registrationId'];

/** Every desa or kecamatan a request names: in its path, its query, and its JSON body's top level. */
export function unitsNamed(event: HttpEvent): string[] {
  const named: string[] = [];
  const collect = (source: Record<string, unknown> | undefined) => {
    for (const field of UNIT_FIELDS) {
      const unit = unitOf(field, source?.[field]);
      if (unit !== null) named.push(unit);
    }
  };
  collect(event.pathParameters);
  collect(event.queryStringParameters);
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'DELETE') {
    try {
      const body = JSON.parse(bodyBytes(event).toString('utf8') || 'null') as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body)) collect(body as Record<string, unknown>);
    } catch {
      // A body that is not JSON names nothing here; the operation answers it with a 400.
    }
  }
  return named;
}

/** Whether a desa or kecamatan code is the kecamatan's own (a desa code begins with its kecamatan's). */
function isOwn(kecamatanCode: string, unit: string): boolean {
  return unit === kecamatanCode || unit.startsWith(`${kecamatanCode}.`);
}

/**
 * Enforces a route's access rule and answers the request's scope: 401 without a principal, 403
 * for a group that may not call it. A kecamatan account passes only routes the route table opens
 * to it, and only for its own kecamatan's units; its scope is its kecamatan.
 */
export function authorize(
  route: { access: Access; kecamatan?: KecamatanAccess },
  principal: Principal | null,
  event: HttpEvent,
): Scope {
  if (route.access === 'public') return regencyScope;
  if (!principal) throw new Unauthorized();
  if (route.access === 'admin') {
    if (!principal.groups.includes('admin')) throw new Forbidden();
    return regencyScope;
  }
  if (seesRegency(principal)) return regencyScope;
  const { kecamatanCode } = principal;
  if (!principal.groups.includes('kecamatan') || !kecamatanCode || !route.kecamatan) throw new Forbidden();
  const named = unitsNamed(event);
  if (route.kecamatan === 'own' && named.length === 0) throw new Forbidden();
  if (!named.every((unit) => isOwn(kecamatanCode, unit))) throw new Forbidden();
  return { kind: 'kecamatan', kecamatanCode };
}
