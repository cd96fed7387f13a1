/**
 * Putting a registration right: correcting the person's name, phone, role or unit (under the same
 * rules as registering), and undoing a check-in tapped by mistake. Each with a reason, audited
 * with the state before and after.
 */
import { type Principal, stamp, userActor } from '#shared/kernel/caller.ts';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { parseOrThrow } from '#shared/kernel/validation.ts';
import { notCheckedIn, registrationChanged, registrationNotFound, sessionNotFound } from '../messages.ts';
import type { RegistrationRecord } from '../records.ts';
import {
  type Registration,
  RegistrationInput,
  type RegistrationInput as RegistrationInputType,
  type RegistrationPatch,
} from '../registration-contract.ts';
import * as registrations from '../repository/registrations.ts';
import { addPresent, getRegistrationContext, getSession } from '../repository/sessions.ts';
import { candidateOf } from '../rules/candidate.ts';
import { rolesOf, unitOf } from '../rules/roles.ts';
import { refusal } from './refusals.ts';
import { lookUpUnitName, phoneHolder, seatLimit, shownRecord, toRegistration } from './registrations.ts';
import { giveRolePlace, takeRolePlace } from './role-seats.ts';
import { sessionKey } from './secrets.ts';

/** The registration as the patch would make it, in the shape a new registration is judged in. */
function patched(before: RegistrationRecord, patch: RegistrationPatch): RegistrationInputType {
  const role = patch.role ?? before.role;
  const phone = patch.phone === null ? undefined : (patch.phone ?? before.phone);
  const kind = unitOf(role);
  const unit =
    kind === 'village'
      ? { villageCode: patch.villageCode ?? (unitOf(before.role) === 'village' ? before.villageCode : undefined) }
      : kind === 'kecamatan'
        ? { kecamatanCode: patch.kecamatanCode ?? before.kecamatanCode }
        : { organization: patch.organization ?? before.organization };
  const input = { fullName: patch.fullName ?? before.fullName, role, ...unit, ...(phone ? { phone } : {}) };
  // The same field rules as a new registration: a desa role needs its desa, a kecamatan role its
  // kecamatan, an agency's representative the agency.
  return parseOrThrow(RegistrationInput, input);
}

/**
 * Corrects a registration. Within the same place (a name or a number), the record is updated where
 * it is; a new place (another role or desa, or another name of an Anggota) is claimed as a new
 * registration would be, and the old one goes, keeping the check-in and the creation time.
 */
export async function updateRegistration(
  sessionId: string,
  id: string,
  patch: RegistrationPatch,
  principal: Principal | null,
): Promise<Registration> {
  const [session, before] = await Promise.all([getSession(sessionId), registrations.getRegistration(sessionId, id)]);
  if (!session) throw new NotFound(sessionNotFound);
  if (!before) throw new NotFound(registrationNotFound);
  const input = patched(before, patch);
  const sessionRoles = rolesOf(session);
  const candidate = candidateOf(input, sessionRoles);
  const phone = input.phone;
  const context = await getRegistrationContext(sessionId, candidate.unit, candidate.id, phone);
  if (!context.session) throw new NotFound(sessionNotFound);
  const holderOf = (holderId: string) => registrations.getRegistration(sessionId, holderId);
  const limit = seatLimit(context.session);
  if (!candidate.seat) throw await refusal({ kind: 'roleNotExpected' }, candidate, holderOf, lookUpUnitName, limit);
  if (candidate.unit && !context.unit) {
    throw await refusal({ kind: 'unitNotExpected' }, candidate, holderOf, lookUpUnitName, limit);
  }
  const moving = candidate.id !== before.id;
  if (moving && context.holder) {
    throw await refusal(
      { kind: 'placeTaken', holderId: context.holder.id },
      candidate,
      holderOf,
      lookUpUnitName,
      limit,
    );
  }

  // The phone number: claimed for the registration as it will be (taken over from its old self when
  // the place moves with the same number).
  const at = new Date().toISOString();
  let claimedPhone = false;
  const guard = context.phoneGuard;
  if (phone && guard?.registrationId !== candidate.id) {
    let claimed: boolean;
    if (guard) {
      const found = guard.registrationId === before.id ? { stale: guard } : await phoneHolder(sessionId, phone, guard);
      if ('holderId' in found) {
        throw await refusal(
          { kind: 'phoneTaken', holderId: found.holderId },
          candidate,
          holderOf,
          lookUpUnitName,
          limit,
        );
      }
      claimed = await registrations.takeOverPhone(sessionId, phone, found.stale, candidate.id, at);
    } else {
      claimed = (await registrations.claimPhone(sessionId, phone, candidate.id, at)).claimed;
    }
    if (!claimed) throw new Conflict(registrationChanged);
    claimedPhone = true;
  }
  // A counted role's place in another role or unit is taken first, and the old one given back after.
  const oldPlace = { role: before.role, unitCode: before.villageCode ?? before.kecamatanCode };
  const newPlace = { role: input.role, unitCode: candidate.unit?.code };
  const oldSeat = sessionRoles.find((entry) => entry.role === before.role);
  const changesPlace = oldPlace.role !== newPlace.role || oldPlace.unitCode !== newPlace.unitCode;
  const givePhoneBack = async () => {
    if (claimedPhone && phone && phone !== before.phone)
      await registrations.releasePhone(sessionId, phone, candidate.id);
  };
  if (changesPlace && !(await takeRolePlace(sessionId, newPlace, candidate.seat))) {
    await givePhoneBack();
    throw await refusal({ kind: 'roleFull', max: candidate.seat.max }, candidate, holderOf, lookUpUnitName, limit);
  }
  const giveBackPhone = async () => {
    await givePhoneBack();
    if (changesPlace) await giveRolePlace(sessionId, newPlace, candidate.seat);
  };

  const next: RegistrationRecord = {
    ...before,
    id: candidate.id,
    role: input.role,
    fullName: input.fullName,
    villageCode: input.villageCode,
    kecamatanCode: context.unit?.kecamatanCode,
    organization: input.organization,
    phone,
    fingerprint: candidate.fingerprint,
    updatedAt: at,
    updatedBy: stamp(principal),
  };
  for (const field of ['phone', 'villageCode', 'kecamatanCode', 'organization'] as const) {
    if (!next[field]) delete next[field];
  }
  if (patch.sk === null) delete next.sk;
  if (!moving) {
    if (!(await registrations.correctInPlace(before, next))) {
      await giveBackPhone();
      throw new Conflict(registrationChanged);
    }
  } else {
    const inserted = await registrations.insertRegistration(next);
    if (!inserted.inserted) {
      await giveBackPhone();
      const holderId = inserted.holder?.id ?? candidate.id;
      throw await refusal({ kind: 'placeTaken', holderId }, candidate, holderOf, lookUpUnitName, limit);
    }
    if (!(await registrations.deleteRegistration(before))) {
      // The old registration was cancelled or moved meanwhile: undo the new one.
      await registrations.deleteRegistration(next);
      await giveBackPhone();
      throw new Conflict(registrationChanged);
    }
  }
  // The old number is free again unless the place took it along (its guard then points elsewhere).
  if (before.phone && (before.phone !== phone || moving)) {
    await registrations.releasePhone(sessionId, before.phone, before.id);
  }
  if (changesPlace) await giveRolePlace(sessionId, oldPlace, oldSeat);
  const shown = toRegistration(next, await sessionKey(session));
  await writeAudit({
    scope: scopes.session(sessionId),
    at,
    action: 'registration.updated',
    actor: userActor(principal),
    entityId: before.id,
    before: shownRecord(before),
    after: shownRecord(next),
    villageCode: next.villageCode ?? before.villageCode,
    reason: patch.reason,
  });
  return shown;
}

/** Undoes a check-in: the person counts as not (yet) present again. */
export async function undoCheckIn(
  sessionId: string,
  id: string,
  reason: string,
  principal: Principal | null,
): Promise<Registration> {
  const [session, before] = await Promise.all([getSession(sessionId), registrations.undoCheckIn(sessionId, id)]);
  if (!session) throw new NotFound(sessionNotFound);
  if (!before) {
    const record = await registrations.getRegistration(sessionId, id);
    if (!record) throw new NotFound(registrationNotFound);
    throw new Conflict(notCheckedIn, { name: record.fullName });
  }
  await addPresent(sessionId, -1);
  const { checkedInAt: _at, checkedInBy: _by, ...after } = before;
  await writeAudit({
    scope: scopes.session(sessionId),
    at: new Date().toISOString(),
    action: 'registration.checkInUndone',
    actor: userActor(principal),
    entityId: id,
    before: { fullName: before.fullName, checkedInAt: before.checkedInAt ?? null },
    after: { fullName: before.fullName, checkedInAt: null },
    villageCode: before.villageCode,
    reason,
  });
  return toRegistration(after, await sessionKey(session));
}
