import { Forbidden } from '#shared/kernel/errors.ts';
import { authorize, principalOf } from '#shared/kernel/http/auth.ts';
import { Unauthorized } from '#shared/kernel/http/errors.ts';
import type { HttpEvent } from '#shared/kernel/http/event.ts';

function eventWith(claims?: Record<string, string | string[]>): HttpEvent {
  return {
    requestContext: claims ? { authorizer: { jwt: { claims, scopes: null } } } : {},
  } as unknown as HttpEvent;
}

describe('principalOf', () => {
  test('reads groups as API Gateway flattens them ("[admin organizer]") and as arrays', () => {
    expect(principalOf(eventWith({ sub: 'a', name: 'Siti', 'cognito:groups': '[admin organizer]' }))).toEqual({
      sub: 'a',
      name: 'Siti',
      groups: ['admin', 'organizer'],
    });
    expect(
      principalOf(eventWith({ sub: 'b', email: 'x@dpmd.go.id', 'cognito:groups': ['organizer'] }))?.groups,
    ).toEqual(['organizer']);
  });

  test('ignores groups it does not know and falls back from name to email to sub', () => {
    const principal = principalOf(eventWith({ sub: 'c', 'cognito:groups': '[superuser]' }));
    expect(principal).toEqual({ sub: 'c', name: 'c', groups: [] });
  });

  test('no verified token, no principal', () => {
    expect(principalOf(eventWith())).toBeNull();
  });

  test('a kecamatan account carries its kecamatan from custom:kecamatan; a malformed one is dropped', () => {
    expect(
      principalOf(
        eventWith({ sub: 'k', name: 'Kasi', 'cognito:groups': '[kecamatan]', 'custom:kecamatan': '16.09.01' }),
      ),
    ).toEqual({ sub: 'k', name: 'Kasi', groups: ['kecamatan'], kecamatanCode: '16.09.01' });
    expect(
      principalOf(eventWith({ sub: 'k', 'cognito:groups': '[kecamatan]', 'custom:kecamatan': '16.09' }))?.kecamatanCode,
    ).toBeUndefined();
  });
});

function request(options: { path?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}) {
  return {
    pathParameters: options.path,
    queryStringParameters: options.query,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    requestContext: { http: { method: options.body === undefined ? 'GET' : 'POST' } },
  } as unknown as HttpEvent;
}

describe('authorize', () => {
  const organizer = { sub: 'o', name: 'O', groups: ['organizer' as const] };
  const admin = { sub: 'a', name: 'A', groups: ['admin' as const] };
  const nobody = { sub: 'n', name: 'N', groups: [] };
  const kasi = { sub: 'k', name: 'K', groups: ['kecamatan' as const], kecamatanCode: '16.09.01' };
  const mine = { kind: 'kecamatan', kecamatanCode: '16.09.01' };

  test('public routes admit anyone', () => {
    expect(authorize({ access: 'public' }, null, request())).toEqual({ kind: 'regency' });
  });

  test('organizer routes admit organizers and admins, refuse the rest', () => {
    expect(authorize({ access: 'organizer' }, organizer, request())).toEqual({ kind: 'regency' });
    expect(() => authorize({ access: 'organizer' }, admin, request())).not.toThrow();
    expect(() => authorize({ access: 'organizer' }, null, request())).toThrow(Unauthorized);
    expect(() => authorize({ access: 'organizer' }, nobody, request())).toThrow(Forbidden);
  });

  test('admin routes admit only admins', () => {
    expect(() => authorize({ access: 'admin' }, admin, request())).not.toThrow();
    expect(() => authorize({ access: 'admin' }, organizer, request())).toThrow(Forbidden);
    expect(() => authorize({ access: 'admin', kecamatan: 'filtered' }, kasi, request())).toThrow(Forbidden);
  });

  test('a kecamatan account is refused every route the table does not open to it', () => {
    expect(() => authorize({ access: 'organizer' }, kasi, request())).toThrow(Forbidden);
    expect(() =>
      authorize({ access: 'organizer', kecamatan: 'filtered' }, { ...kasi, kecamatanCode: undefined }, request()),
    ).toThrow(Forbidden);
  });

  test('on a filtered route it gets its kecamatan as scope, and is refused when it names another kecamatan', () => {
    expect(authorize({ access: 'organizer', kecamatan: 'filtered' }, kasi, request())).toEqual(mine);
    expect(
      authorize(
        { access: 'organizer', kecamatan: 'filtered' },
        kasi,
        request({ query: { villageCode: '16.09.01.2002' } }),
      ),
    ).toEqual(mine);
    expect(() =>
      authorize(
        { access: 'organizer', kecamatan: 'filtered' },
        kasi,
        request({ query: { villageCode: '16.09.02.2012' } }),
      ),
    ).toThrow(Forbidden);
  });

  test('on an own route it must name its own desa or kecamatan: path, query, body, registration id', () => {
    const own = { access: 'organizer', kecamatan: 'own' } as const;
    expect(authorize(own, kasi, request({ body: { villageCode: '16.09.01.2002' } }))).toEqual(mine);
    expect(authorize(own, kasi, request({ body: { kecamatanCode: '16.09.01' } }))).toEqual(mine);
    expect(authorize(own, kasi, request({ path: { registrationId: 'KT-16.09.01.2002' } }))).toEqual(mine);
    expect(() => authorize(own, kasi, request())).toThrow(Forbidden);
    expect(() => authorize(own, kasi, request({ body: { villageCode: '16.09.02.2012' } }))).toThrow(Forbidden);
    // 16.09.010 is not inside 16.09.01: codes are compared at their dots.
    expect(() => authorize(own, kasi, request({ body: { villageCode: '16.09.010.2001' } }))).toThrow(Forbidden);
    expect(() => authorize(own, kasi, request({ path: { registrationId: 'KT-16.09.02.2012' } }))).toThrow(Forbidden);
    expect(() => authorize(own, kasi, request({ path: { registrationId: 'IN-1a2b3c4d' } }))).toThrow(Forbidden);
  });
});
