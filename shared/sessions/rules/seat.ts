/**
 * The seat rule: whether a person may take a place in a session, judged against what the session
 * holds now. Single registrations, bulk imports and corrections all ask this one function. Pure.
 */

/** A person asking for a place: the place (its registration id), the unit, the person's fingerprint. */
export interface SeatRequest {
  registrationId: string;
  fingerprint: string;
  phone?: string;
}

/** What the place and the phone are held by now, as far as the caller has read. */
export interface SeatState {
  /** Whether the session expects the role at all. */
  roleExpected: boolean;
  /** Whether the session expects the request's desa or kecamatan at all. */
  unitExpected: boolean;
  /** Who holds the place now (undefined: free). */
  holder?: { id: string; fingerprint: string };
  /** The registration that uses the phone number now, if it is another one. */
  phoneHolderId?: string;
  /** Seats left under the session's capacity (Infinity when none is set). */
  seatsLeft: number;
}

export type SeatVerdict =
  | { kind: 'fresh' }
  | { kind: 'roleNotExpected' }
  /** A counted role already seats its most in this unit (judged by its counter, atomically). */
  | { kind: 'roleFull'; max: number }
  /** The same person already holds this place: nothing to do. */
  | { kind: 'repeat' }
  | { kind: 'unitNotExpected' }
  | { kind: 'placeTaken'; holderId: string }
  | { kind: 'phoneTaken'; holderId: string }
  | { kind: 'full' };

/**
 * The verdict, in the order a person needs to hear it: the role and the unit first (a role not
 * invited or a wrong desa is the mistake to fix), then the place, then the phone, then the capacity. A repeat of the same
 * person's own registration is never refused.
 */
export function judgeSeat(request: SeatRequest, state: SeatState): SeatVerdict {
  if (!state.roleExpected) return { kind: 'roleNotExpected' };
  if (!state.unitExpected) return { kind: 'unitNotExpected' };
  if (state.holder) {
    return state.holder.fingerprint === request.fingerprint
      ? { kind: 'repeat' }
      : { kind: 'placeTaken', holderId: state.holder.id };
  }
  if (request.phone && state.phoneHolderId && state.phoneHolderId !== request.registrationId) {
    return { kind: 'phoneTaken', holderId: state.phoneHolderId };
  }
  if (state.seatsLeft <= 0) return { kind: 'full' };
  return { kind: 'fresh' };
}
