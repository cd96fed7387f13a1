/** A registration about to be made: its place (the id), its unit and who the person is. Pure. */
import type { RegistrationInput } from '../registration-contract.ts';
import { personFingerprint, registrationId } from './registration-id.ts';
import { isVillageRole } from './roles.ts';

export interface Candidate {
  input: RegistrationInput;
  id: string;
  unit: { kind: 'village' | 'kecamatan'; code: string };
  fingerprint: string;
}

/** Derives a candidate's deterministic id and unit from validated input. */
export function candidateOf(input: RegistrationInput): Candidate {
  const village = isVillageRole(input.role);
  const code = (village ? input.villageCode : input.kecamatanCode) ?? '';
  return {
    input,
    id: registrationId({ role: input.role, unitCode: code, fullName: input.fullName }),
    unit: { kind: village ? 'village' : 'kecamatan', code },
    fingerprint: personFingerprint(input.fullName, input.phone),
  };
}
