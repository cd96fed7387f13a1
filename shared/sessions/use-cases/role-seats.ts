/**
 * The places of counted roles (several Anggota per desa, agencies per session). A role seated once
 * per unit needs nothing here: its registration's id is its place. A counted role's places in one
 * unit are an atomic counter kept within the role's `max`; a request that dies between taking a
 * place and writing its record leaves the counter one too high, which is corrected from a count
 * of the records once the counter has not moved for longer than any request lives.
 */

import {
  correctRoleSeats,
  countPlaces,
  getRoleSeats,
  giveRoleSeat,
  takeRoleSeat,
} from '../repository/registrations.ts';
import { placePrefix, roleCode } from '../rules/registration-id.ts';
import { isCounted, type Role, type SessionRole } from '../rules/roles.ts';
import { SETTLE_MS } from '../rules/totals.ts';

/** A place of a role in a unit (no unit: an agency role). */
export interface RolePlace {
  role: Role;
  unitCode?: string;
}

/** Takes a place of the role in its unit when the role is counted; true when it was taken or needs no counter. */
export async function takeRolePlace(
  sessionId: string,
  place: RolePlace,
  seat: SessionRole | undefined,
): Promise<boolean> {
  if (!seat || !isCounted(seat)) return true;
  const code = roleCode(place.role);
  const now = () => new Date().toISOString();
  if (await takeRoleSeat(sessionId, code, place.unitCode, seat.max, now())) return true;
  // Refused: true unless the counter is stale (left high by a request that died) and settled.
  const seen = await getRoleSeats(sessionId, code, place.unitCode);
  if (!seen.changedAt || Date.now() - Date.parse(seen.changedAt) < SETTLE_MS) return false;
  const held = await countPlaces(sessionId, placePrefix(place.role, place.unitCode));
  if (held >= seen.held || !(await correctRoleSeats(sessionId, code, place.unitCode, seen, held))) return false;
  return takeRoleSeat(sessionId, code, place.unitCode, seat.max, now());
}

/** Gives a counted role's place back (after a refusal later on, a cancellation or a move). */
export async function giveRolePlace(sessionId: string, place: RolePlace, seat: SessionRole | undefined): Promise<void> {
  if (!seat || !isCounted(seat)) return;
  await giveRoleSeat(sessionId, roleCode(place.role), place.unitCode, new Date().toISOString());
}

/**
 * Takes the places of many rows of one counted role and unit in one update, when they all fit;
 * answers whether they did (if not, the caller takes them one by one, as far as there is room).
 */
export async function takeRolePlaces(
  sessionId: string,
  place: RolePlace,
  seat: SessionRole | undefined,
  count: number,
): Promise<boolean> {
  if (!seat || !isCounted(seat)) return true;
  return takeRoleSeat(sessionId, roleCode(place.role), place.unitCode, seat.max, new Date().toISOString(), count);
}
