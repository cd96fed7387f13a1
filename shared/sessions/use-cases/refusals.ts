/**
 * Why a registration is refused, in words a desk can act on: the seat rule's verdict becomes a
 * domain error that names the person holding the place or the phone number.
 */
import { type AppError, Conflict, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Text } from '#shared/kernel/i18n/core.ts';
import {
  kecamatanNotInSession,
  phoneTaken,
  roleFull,
  roleNames,
  sessionFull,
  slotTaken,
  unitName,
  villageNotInSession,
} from '../messages.ts';
import type { RegistrationRecord } from '../records.ts';
import type { Candidate } from '../rules/candidate.ts';
import { unitOf } from '../rules/roles.ts';
import type { SeatVerdict } from '../rules/seat.ts';

/** Names of desa and kecamatan, for sentences (a missing name falls back to the code). */
export type UnitNames = (kind: 'village' | 'kecamatan', code: string) => Promise<string> | string;

/** The unit a registration (or a candidate) belongs to, in words: its desa, kecamatan or agency. */
async function unitText(
  place: Pick<RegistrationRecord, 'role' | 'villageCode' | 'kecamatanCode' | 'organization'>,
  names: UnitNames,
): Promise<Text> {
  const kind = unitOf(place.role);
  if (kind === 'none') return unitName('organization', place.organization ?? '');
  const code = (kind === 'village' ? place.villageCode : place.kecamatanCode) ?? '';
  return unitName(kind, await names(kind, code));
}

/** How a holder is named in a refusal: params for the sentence and the `holder` member of the problem. */
export async function describeHolder(holder: RegistrationRecord, names: UnitNames) {
  const unit: Text = await unitText(holder, names);
  return {
    params: { holder: holder.fullName, role: roleNames[holder.role], unit },
    extra: {
      holder: {
        registrationId: holder.id,
        fullName: holder.fullName,
        role: holder.role,
        villageCode: holder.villageCode,
        kecamatanCode: holder.kecamatanCode,
      },
    },
  };
}

/**
 * The error for a refusing verdict. `holderOf` finds the registration a verdict names (the place's
 * or the phone's holder); `capacity` is the session's limit, for the "full" sentence.
 */
export async function refusal(
  verdict: Exclude<SeatVerdict, { kind: 'fresh' } | { kind: 'repeat' }>,
  candidate: Candidate,
  holderOf: (id: string) => Promise<RegistrationRecord | undefined> | RegistrationRecord | undefined,
  names: UnitNames,
  capacity: number,
): Promise<AppError> {
  switch (verdict.kind) {
    case 'roleNotExpected':
      return new ValidationFailed([{ field: 'role', key: 'field.role.notInSession' }]);
    case 'unitNotExpected':
      return candidate.unit?.kind === 'kecamatan'
        ? new ValidationFailed([{ field: 'kecamatanCode', key: kecamatanNotInSession }])
        : new ValidationFailed([{ field: 'villageCode', key: villageNotInSession }]);
    case 'roleFull': {
      const { input } = candidate;
      const params = { role: roleNames[input.role], unit: await unitText(input, names), max: verdict.max };
      return new Conflict(roleFull, params, undefined, [{ field: 'role', key: roleFull, params }]);
    }
    case 'full':
      return new Conflict(sessionFull, { capacity });
    case 'placeTaken':
    case 'phoneTaken': {
      const holder = await holderOf(verdict.holderId);
      if (!holder) return new Conflict(slotTaken, { holder: verdict.holderId, role: '', unit: '' });
      const { params, extra } = await describeHolder(holder, names);
      return verdict.kind === 'placeTaken'
        ? new Conflict(slotTaken, params, extra)
        : new Conflict(phoneTaken, { ...params, phone: candidate.input.phone ?? '' }, extra);
    }
  }
}
