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
import { addPresent, getRegistrationContext } from '../repository/sessions.ts';
import { candidateOf } from '../rules/candidate.ts';
import { isVillageRole } from '../rules/roles.ts';
import { refusal } from './refusals.ts';
import { lookUpUnitName, phoneHolder, seatLimit, toRegistration } from './registrations.ts';

/** The registration as the patch would make it, in the shape a new registration is judged in. */
function patched(before: RegistrationRecord, patch: RegistrationPatch): RegistrationInputType {
  const role = patch.role ?? before.role;
  const phone = patch.phone === null ? undefined : (patch.phone ?? before.phone);
  const unit = isVillageRole(role)
    ? { villageCode: patch.villageCode ?? (isVillageRole(before.role) ? before.villageCode : undefined) }
    : { kecamatanCode: patch.kecamatanCode ?? before.kecamatanCode };
  const input = { fullName: patch.fullName ?? before.fullName, role, ...unit, ...(phone ? { phone } : {}) };
  // The same field rules as a new registration: a committee role needs its desa, the Kasi a kecamatan.
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
  const before = await registrations.getRegistration(sessionId, id);
  if (!before) throw new NotFound(registrationNotFound);
  const input = patched(before, patch);
  const candidate = candidateOf(input);
  const phone = input.phone;
  const context = await getRegistrationContext(sessionId, candidate.unit, candidate.id, phone);
  if (!context.session) throw new NotFound(sessionNotFound);
  const holderOf = (holderId: string) => registrations.getRegistration(sessionId, holderId);
  const limit = seatLimit(context.session);
  if (!context.unit) throw await refusal({ kind: 'unitNotExpected' }, candidate, holderOf, lookUpUnitName, limit);
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
  const giveBackPhone = async () => {
    if (claimedPhone && phone && phone !== before.phone)
      await registrations.releasePhone(sessionId, phone, candidate.id);
  };

  const next: RegistrationRecord = {
    ...before,
    id: candidate.id,
    role: input.role,
    fullName: input.fullName,
    villageCode: input.villageCode,
    kecamatanCode: context.unit.kecamatanCode,
    phone,
    fingerprint: candidate.fingerprint,
    updatedAt: at,
    updatedBy: stamp(principal),
  };
  if (!phone) delete next.phone;
  if (!next.villageCode) delete next.villageCode;
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
  const shown = toRegistration(next);
  await writeAudit({
    scope: scopes.session(sessionId),
    at,
    action: 'registration.updated',
    actor: userActor(principal),
    entityId: before.id,
    before: toRegistration(before),
    after: shown,
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
  const before = await registrations.undoCheckIn(sessionId, id);
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
  return toRegistration(after);
}
