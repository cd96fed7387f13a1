import fc from 'fast-check';
import { judgeSeat, type SeatState } from '#shared/sessions/rules/seat.ts';

const request = { registrationId: 'KT-16.09.01.2001', fingerprint: 'me', phone: '+6281234567890' };
const free: SeatState = { roleExpected: true, unitExpected: true, seatsLeft: 10 };

describe('the seat rule', () => {
  test('a free place in an expected unit with room is taken', () => {
    expect(judgeSeat(request, free)).toEqual({ kind: 'fresh' });
  });

  test('the same person holding the place is a repeat, never a refusal, even in a full session', () => {
    expect(
      judgeSeat(request, { ...free, holder: { id: request.registrationId, fingerprint: 'me' }, seatsLeft: 0 }),
    ).toEqual({ kind: 'repeat' });
  });

  test('another person holding the place is named', () => {
    expect(judgeSeat(request, { ...free, holder: { id: request.registrationId, fingerprint: 'other' } })).toEqual({
      kind: 'placeTaken',
      holderId: request.registrationId,
    });
  });

  test('a phone number used by another registration is refused; used by this place it is not', () => {
    expect(judgeSeat(request, { ...free, phoneHolderId: 'SK-16.09.01.2001' })).toEqual({
      kind: 'phoneTaken',
      holderId: 'SK-16.09.01.2001',
    });
    expect(judgeSeat(request, { ...free, phoneHolderId: request.registrationId })).toEqual({ kind: 'fresh' });
    expect(judgeSeat({ ...request, phone: undefined }, { ...free, phoneHolderId: 'SK-16.09.01.2001' })).toEqual({
      kind: 'fresh',
    });
  });

  test('a full session refuses a new place', () => {
    expect(judgeSeat(request, { ...free, seatsLeft: 0 })).toEqual({ kind: 'full' });
  });

  test('the role and the unit come first, then the place, then the phone, then the capacity', () => {
    const everything: SeatState = {
      roleExpected: true,
      unitExpected: false,
      holder: { id: request.registrationId, fingerprint: 'other' },
      phoneHolderId: 'SK-16.09.01.2001',
      seatsLeft: 0,
    };
    expect(judgeSeat(request, everything).kind).toBe('unitNotExpected');
    expect(judgeSeat(request, { ...everything, unitExpected: true }).kind).toBe('placeTaken');
    expect(judgeSeat(request, { ...everything, unitExpected: true, holder: undefined }).kind).toBe('phoneTaken');
    expect(judgeSeat(request, { roleExpected: true, unitExpected: true, seatsLeft: 0 }).kind).toBe('full');
    expect(judgeSeat(request, { ...everything, roleExpected: false }).kind).toBe('roleNotExpected');
  });

  test('whatever the state, a place is granted only when it is free, the phone is free and a seat is left', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.constantFrom('me', 'other'), { nil: undefined }),
        fc.option(fc.constantFrom(request.registrationId, 'SK-16.09.01.2001'), { nil: undefined }),
        fc.integer({ min: -2, max: 3 }),
        (unitExpected, holder, phoneHolderId, seatsLeft) => {
          const state: SeatState = {
            roleExpected: true,
            unitExpected,
            holder: holder ? { id: request.registrationId, fingerprint: holder } : undefined,
            phoneHolderId,
            seatsLeft,
          };
          const verdict = judgeSeat(request, state);
          const phoneFree = !phoneHolderId || phoneHolderId === request.registrationId;
          expect(verdict.kind === 'fresh').toBe(unitExpected && !holder && phoneFree && seatsLeft > 0);
          expect(verdict.kind === 'repeat').toBe(unitExpected && holder === 'me');
        },
      ),
    );
  });
});
