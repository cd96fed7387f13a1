/** A registration about to be made: its place (the id), its unit and who the person is. Pure. */
import type { RegistrationInput } from '../registration-contract.ts';
import { personFingerprint, registrationId } from './registration-id.ts';
import { isCounted, type RoleUnit, type SessionRole, unitOf } from './roles.ts';

export interface Candidate {
  input: RegistrationInput;
  id: string;
  /** The desa or kecamatan the place belongs to; none for an agency. */
  unit?: { kind: 'village' | 'kecamatan'; code: string };
  /** The session's terms for the role (undefined: the session does not expect it). */
  seat?: SessionRole;
  fingerprint: string;
}

/** Where the person's place is: the desa or kecamatan the role comes from. */
export function unitOfInput(
  input: Pick<RegistrationInput, 'role' | 'villageCode' | 'kecamatanCode'>,
): Candidate['unit'] {
  const unit: RoleUnit = unitOf(input.role);
  if (unit === 'village') return { kind: 'village', code: input.villageCode ?? '' };
  if (unit === 'kecamatan') return { kind: 'kecamatan', code: input.kecamatanCode ?? '' };
  return undefined;
}

/** Derives a candidate's deterministic id and unit from validated input and the session's roles. */
export function candidateOf(input: RegistrationInput, sessionRoles: readonly SessionRole[]): Candidate {
  const unit = unitOfInput(input);
  const seat = sessionRoles.find((entry) => entry.role === input.role);
  return {
    input,
    id: registrationId({
      role: input.role,
      unitCode: unit?.code,
      fullName: input.fullName,
      organization: input.organization,
      counted: seat ? isCounted(seat) : unitOf(input.role) === 'none',
    }),
    unit,
    seat,
    fingerprint: personFingerprint(input.fullName, input.phone),
  };
}
