/**
 * Why a registration is refused, in words a desk can act on: the seat rule's verdict becomes a
 * domain error that names the person holding the place or the phone number.
 */
import { type AppError, Conflict, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Text } from '#shared/kernel/i18n/core.ts';
import {
  kecamatanNotInSession,
  phoneTaken,
  roleNames,
  sessionFull,
  slotTaken,
  unitName,
  villageNotInSession,
} from '../messages.ts';
import type { RegistrationRecord } from '../records.ts';
import type { Candidate } from '../rules/candidate.ts';
import { isVillageRole } from '../rules/roles.ts';
import type { SeatVerdict } from '../rules/seat.ts';

/** Names of desa and kecamatan, for sentences (a missing name falls back to the code). */
export type UnitNames = (kind: 'village' | 'kecamatan', code: string) => Promise<string> | string;

/** How a holder is named in a refusal: params for the sentence and the `holder` member of the problem. */
export async function describeHolder(holder: RegistrationRecord, names: UnitNames) {
  const kind = isVillageRole(holder.role) ? 'village' : 'kecamatan';
  const code = kind === 'village' ? (holder.villageCode ?? '') : holder.kecamatanCode;
  const unit: Text = unitName(kind, await names(kind, code));
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
    case 'unitNotExpected':
      return candidate.unit.kind === 'village'
        ? new ValidationFailed([{ field: 'villageCode', key: villageNotInSession }])
        : new ValidationFailed([{ field: 'kecamatanCode', key: kecamatanNotInSession }]);
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
