/**
 * Registering many participants at once. The rows are judged together against the session as it
 * stands (the same seat rule as a single registration), the seats are reserved in one counter
 * update, and then each new row costs what a single registration costs without its repeats: its
 * phone guard and its record, written many at a time. A row that loses a race on the way (someone
 * registered at the desk meanwhile) is settled as a single registration, so it ends exactly as the
 * desk would have ended it. Rows are keyed by their places: running the same import again (after it
 * was cut off half-way, say) creates nobody twice.
 */
import { type Principal, userActor } from '#shared/kernel/caller.ts';
import { type AppError, NotFound } from '#shared/kernel/errors.ts';
import { bounded, writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import { sessionNotFound } from '../messages.ts';
import type { PhoneGuardRecord, RegistrationRecord } from '../records.ts';
import type { RegistrationInput } from '../registration-contract.ts';
import * as registrations from '../repository/registrations.ts';
import { addRegistered, getSessionWithTotals, queryUnits } from '../repository/sessions.ts';
import { type Candidate, candidateOf } from '../rules/candidate.ts';
import { rolesOf } from '../rules/roles.ts';
import { judgeSeat } from '../rules/seat.ts';
import { refusal } from './refusals.ts';
import { PHONE_GUARD_GRACE_MS, recordOf, register, seatLimit } from './registrations.ts';
import { giveRolePlace, takeRolePlace, takeRolePlaces } from './role-seats.ts';
import { newPass, sessionKey } from './secrets.ts';
import { reconcileTotals } from './totals.ts';

const WRITES_IN_FLIGHT = 16;
const IMPORT = { source: 'import' } as const;

/** What an import did: how many it created, how many were there already, and which rows it refused why. */
export interface ImportOutcome {
  created: number;
  unchanged: number;
  rejected: Array<{ index: number; error: AppError }>;
}

interface Row {
  index: number;
  candidate: Candidate;
  /** A stale guard of the row's phone to take over, instead of claiming a free number. */
  stalePhone?: PhoneGuardRecord;
}

/** Runs tasks with at most `limit` in flight; answers their results in order. */
async function inPool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Registers many participants; see the module comment. */
export async function importRegistrations(
  sessionId: string,
  inputs: RegistrationInput[],
  principal: Principal | null,
): Promise<ImportOutcome> {
  const [{ session, totals }, units, regions] = await Promise.all([
    getSessionWithTotals(sessionId),
    queryUnits(sessionId),
    getRegions(),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  const limit = seatLimit(session);
  const expected = new Map(units.map((unit) => [`${unit.kind}:${unit.code}`, unit]));
  const villageNames = new Map(regions.villages.map((row) => [row.code, row.name]));
  const kecamatanNames = new Map(regions.kecamatan.map((row) => [row.code, row.name]));
  const names = (kind: 'village' | 'kecamatan', code: string) =>
    (kind === 'village' ? villageNames.get(code) : kecamatanNames.get(code)) ?? code;

  const sessionRoles = rolesOf(session);
  const key = await sessionKey(session);
  const unitKey = (candidate: Candidate) => (candidate.unit ? `${candidate.unit.kind}:${candidate.unit.code}` : '');
  const candidates = inputs.map((input, index) => ({ index, candidate: candidateOf(input, sessionRoles) }));
  const phones = [...new Set(inputs.flatMap((input) => (input.phone ? [input.phone] : [])))];
  const { holders, phoneGuards } = await registrations.findHolders(
    sessionId,
    [...new Set(candidates.map((row) => row.candidate.id))],
    phones,
  );
  // Phone numbers in use by registrations outside the file: are those registrations real?
  const guardHolders = await registrations.findHolders(
    sessionId,
    [...new Set([...phoneGuards.values()].map((guard) => guard.registrationId))].filter((id) => !holders.has(id)),
    [],
  );
  const registrationOf = (id: string) => holders.get(id) ?? guardHolders.holders.get(id);

  const outcome: ImportOutcome = { created: 0, unchanged: 0, rejected: [] };
  const fresh: Row[] = [];
  // What earlier rows of the file take: their places (by fingerprint) and phone numbers.
  const filePlaces = new Map<string, { id: string; fingerprint: string; fullName: string }>();
  const filePhones = new Map<string, string>();
  let seatsLeft = limit - (totals.registered ?? 0);
  for (const { index, candidate } of candidates) {
    const phone = candidate.input.phone;
    const guard = phone ? phoneGuards.get(phone) : undefined;
    let phoneHolderId = phone ? filePhones.get(phone) : undefined;
    let stalePhone: PhoneGuardRecord | undefined;
    if (!phoneHolderId && phone && guard && guard.registrationId !== candidate.id) {
      const holder = registrationOf(guard.registrationId);
      if (holder?.phone === phone) phoneHolderId = holder.id;
      else if (holder || Date.now() - Date.parse(guard.claimedAt) >= PHONE_GUARD_GRACE_MS) stalePhone = guard;
      else phoneHolderId = guard.registrationId; // being written right now: treat as taken
    }
    const stored = holders.get(candidate.id);
    const inFile = filePlaces.get(candidate.id);
    const verdict = judgeSeat(
      { registrationId: candidate.id, fingerprint: candidate.fingerprint, phone },
      {
        roleExpected: candidate.seat !== undefined,
        unitExpected: candidate.unit === undefined || expected.has(unitKey(candidate)),
        holder: stored ?? inFile,
        phoneHolderId,
        seatsLeft,
      },
    );
    if (verdict.kind === 'repeat') {
      outcome.unchanged++;
      continue;
    }
    if (verdict.kind !== 'fresh') {
      const holderOf = (id: string): RegistrationRecord | undefined => {
        const found = registrationOf(id);
        if (found) return found;
        // Held by an earlier row of this same file.
        const row = candidates.find((each) => each.candidate.id === id)?.candidate;
        return row
          ? recordOf(
              sessionId,
              row,
              row.unit?.kind === 'kecamatan' ? row.unit.code : '',
              '',
              principal,
              IMPORT,
              undefined,
            )
          : undefined;
      };
      outcome.rejected.push({ index, error: await refusal(verdict, candidate, holderOf, names, limit) });
      continue;
    }
    seatsLeft--;
    filePlaces.set(candidate.id, {
      id: candidate.id,
      fingerprint: candidate.fingerprint,
      fullName: candidate.input.fullName,
    });
    if (phone) filePhones.set(phone, candidate.id);
    fresh.push({ index, candidate, stalePhone });
  }

  // Seats for every new row in one update; if the counter has moved, as many as there is room for.
  let accepted = fresh;
  if (fresh.length > 0 && !(await addRegistered(sessionId, fresh.length, limit))) {
    const { registered } = await reconcileTotals(sessionId);
    const room = Math.max(0, Math.min(fresh.length, limit - registered));
    accepted = fresh.slice(0, room);
    for (const row of fresh.slice(room)) {
      outcome.rejected.push({
        index: row.index,
        error: await refusal({ kind: 'full' }, row.candidate, () => undefined, names, limit),
      });
    }
    if (room > 0 && !(await addRegistered(sessionId, room, limit))) {
      accepted = [];
      outcome.rejected.push(...(await settleOneByOne(sessionId, fresh.slice(0, room), principal, outcome)));
    }
  }

  const at = new Date().toISOString();
  const lost: Row[] = [];
  const full: Row[] = [];
  const created: string[] = [];
  // A counted role's places in one unit, for all its rows at once (one update per desa, not per row).
  const placeKey = (row: Row) => `${row.candidate.input.role}|${row.candidate.unit?.code ?? ''}`;
  const groups = new Map<string, Row[]>();
  for (const row of accepted) groups.set(placeKey(row), [...(groups.get(placeKey(row)) ?? []), row]);
  const placedAhead = new Set<Row>();
  await inPool([...groups.values()], WRITES_IN_FLIGHT, async (rows) => {
    const { candidate } = rows[0] as Row;
    const place = { role: candidate.input.role, unitCode: candidate.unit?.code };
    if (rows.length > 1 && (await takeRolePlaces(sessionId, place, candidate.seat, rows.length))) {
      for (const row of rows) placedAhead.add(row);
    }
  });
  await inPool(accepted, WRITES_IN_FLIGHT, async (row) => {
    const { candidate } = row;
    const phone = candidate.input.phone;
    const place = { role: candidate.input.role, unitCode: candidate.unit?.code };
    const [claimed, placed] = await Promise.all([
      !phone ||
        (row.stalePhone
          ? registrations.takeOverPhone(sessionId, phone, row.stalePhone, candidate.id, at)
          : registrations.claimPhone(sessionId, phone, candidate.id, at).then((result) => result.claimed)),
      placedAhead.has(row) || takeRolePlace(sessionId, place, candidate.seat),
    ]);
    if (!claimed || !placed) {
      await Promise.all([
        claimed && phone ? registrations.releasePhone(sessionId, phone, candidate.id) : undefined,
        placed ? giveRolePlace(sessionId, place, candidate.seat) : undefined,
      ]);
      // A counted role's unit already full stays a refusal; a lost phone race is settled one by one.
      if (claimed) full.push(row);
      else lost.push(row);
      return;
    }
    const unit = expected.get(unitKey(candidate));
    const record = recordOf(sessionId, candidate, unit?.kecamatanCode, at, principal, IMPORT, newPass(key, sessionId));
    const inserted = await registrations.insertRegistration(record);
    if (inserted.inserted) {
      created.push(record.id);
      return;
    }
    await Promise.all([
      phone && inserted.holder?.phone !== phone
        ? registrations.releasePhone(sessionId, phone, candidate.id)
        : undefined,
      giveRolePlace(sessionId, place, candidate.seat),
    ]);
    lost.push(row);
  });
  outcome.created += created.length;
  if (lost.length + full.length > 0) await addRegistered(sessionId, -(lost.length + full.length));
  for (const row of full) {
    const max = row.candidate.seat?.max ?? 0;
    outcome.rejected.push({
      index: row.index,
      error: await refusal({ kind: 'roleFull', max }, row.candidate, () => undefined, names, limit),
    });
  }
  if (lost.length > 0) {
    // Their seats went back; each is then settled exactly as a desk registration would be.
    outcome.rejected.push(...(await settleOneByOne(sessionId, lost, principal, outcome)));
  }

  if (outcome.created > 0) {
    await writeAudit({
      scope: scopes.session(sessionId),
      at,
      action: 'registrations.imported',
      actor: userActor(principal),
      entityId: sessionId,
      after: bounded({ created: created.map((id) => ({ id })) }),
    });
  }
  outcome.rejected.sort((a, b) => a.index - b.index);
  return outcome;
}

/** Rows that lost a race, settled one by one through the single registration. */
async function settleOneByOne(
  sessionId: string,
  rows: readonly Row[],
  principal: Principal | null,
  outcome: ImportOutcome,
): Promise<ImportOutcome['rejected']> {
  const rejected: ImportOutcome['rejected'] = [];
  for (const row of [...rows].sort((a, b) => a.index - b.index)) {
    try {
      const result = await register(sessionId, row.candidate.input, principal, IMPORT);
      if (result.created) outcome.created++;
      else outcome.unchanged++;
    } catch (error) {
      const kind = (error as AppError).kind;
      if (kind !== 'validation' && kind !== 'conflict') throw error;
      rejected.push({ index: row.index, error: error as AppError });
    }
  }
  return rejected;
}
