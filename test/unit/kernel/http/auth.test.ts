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
});

describe('authorize', () => {
  const organizer = { sub: 'o', name: 'O', groups: ['organizer' as const] };
  const admin = { sub: 'a', name: 'A', groups: ['admin' as const] };
  const nobody = { sub: 'n', name: 'N', groups: [] };

  test('public routes admit anyone', () => {
    expect(() => authorize('public', null)).not.toThrow();
  });

  test('organizer routes admit organizers and admins, refuse the rest', () => {
    expect(() => authorize('organizer', organizer)).not.toThrow();
    expect(() => authorize('organizer', admin)).not.toThrow();
    expect(() => authorize('organizer', null)).toThrow(Unauthorized);
    expect(() => authorize('organizer', nobody)).toThrow(Forbidden);
  });

  test('admin routes admit only admins', () => {
    expect(() => authorize('admin', admin)).not.toThrow();
    expect(() => authorize('admin', organizer)).toThrow(Forbidden);
  });
});
