/**
 * Registering a participant, checking them in, cancelling a registration and listing them.
 *
 * A registration is a few small conditional writes, the same at the 3,000th person as at the
 * first: the phone number's guard, one seat from the session's capacity counter, the registration
 * itself (its id is its place, so "the place is free" is its own condition), and the audit entry.
 * When a later step is refused, the earlier ones are given back; a request that dies half-way
 * leaves at most a phone guard without a registration, which the next claimant of that number
 * takes over once it is older than a grace period, and a capacity counter one too high, which is
 * corrected from the records once the disagreement has lasted (rules/totals.ts).
 */
import { type Principal, stamp, userActor } from '#shared/kernel/caller.ts';
import { NotFound, ServiceUnavailable } from '#shared/kernel/errors.ts';
import { type AuditRecord, writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findKecamatan, findVillage } from '#shared/regions/use-cases.ts';
import { MAX_SESSION_CAPACITY } from '../contract.ts';
import { registrationNotFound, registrationPending, sessionNotFound } from '../messages.ts';
import type { PhoneGuardRecord, RegistrationRecord, SessionRecord } from '../records.ts';
import type { Registration, RegistrationInput } from '../registration-contract.ts';
import * as registrations from '../repository/registrations.ts';
import { addPresent, addRegistered, getRegistrationContext, getSession } from '../repository/sessions.ts';
import { type Candidate, candidateOf } from '../rules/candidate.ts';
import { judgeSeat } from '../rules/seat.ts';
import { refusal, type UnitNames } from './refusals.ts';
import { reconcileTotals } from './totals.ts';

/** A phone guard whose registration never appeared is taken over after this long. */
export const PHONE_GUARD_GRACE_MS = 30_000;
const ATTEMPTS = 4;
const HOLDER_POLLS = 8;
const HOLDER_POLL_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A registration as the API shows it. */
export function toRegistration(record: RegistrationRecord): Registration {
  const { fingerprint: _f, createdBy: _by, checkedInAt, checkedInBy: _in, updatedBy: _up, ...shown } = record;
  return { ...shown, checkedInAt: checkedInAt ?? null };
}

/** The audit entry of a new registration; keyed by its creation time, so a rewrite keeps one. */
export function registrationAudit(record: RegistrationRecord, principal: Principal | null): AuditRecord {
  const { fingerprint: _f, createdBy: _by, checkedInAt: _at, checkedInBy: _in, updatedBy: _up, ...after } = record;
  return {
    scope: scopes.session(record.sessionId),
    at: record.createdAt,
    action: 'registration.created',
    actor: userActor(principal),
    entityId: record.id,
    after,
    villageCode: record.villageCode,
  };
}

/** The stored record of a candidate taking its place now. */
export function recordOf(
  sessionId: string,
  candidate: Candidate,
  kecamatanCode: string,
  at: string,
  principal: Principal | null,
): RegistrationRecord {
  const { input } = candidate;
  return {
    id: candidate.id,
    sessionId,
    role: input.role,
    fullName: input.fullName,
    villageCode: input.villageCode,
    kecamatanCode,
    phone: input.phone,
    fingerprint: candidate.fingerprint,
    createdAt: at,
    createdBy: stamp(principal),
  };
}

/** Names of desa and kecamatan, looked up one at a time (for the odd refusal). */
export const lookUpUnitName: UnitNames = async (kind, code) =>
  (kind === 'village' ? await findVillage(code) : await findKecamatan(code))?.name ?? code;

/** The seats a session has: its capacity, or the most any session holds. */
export function seatLimit(session: Pick<SessionRecord, 'capacity'>): number {
  return session.capacity ?? MAX_SESSION_CAPACITY;
}

/**
 * Takes seats from the capacity counter. A refusal is checked against the records first: a counter
 * left one too high by a request that died is corrected once that is certain (rules/totals.ts).
 */
export async function reserveSeats(sessionId: string, seats: number, limit: number): Promise<boolean> {
  if (await addRegistered(sessionId, seats, limit)) return true;
  const { registered } = await reconcileTotals(sessionId);
  return registered + seats <= limit && (await addRegistered(sessionId, seats, limit));
}

/**
 * Who really uses a phone number: the guard's registration if it exists and still carries the
 * number. A guard without one (a request that died, or a number changed since) is stale once it
 * is older than the grace period; a younger one may belong to a registration being written now.
 */
export async function phoneHolder(
  sessionId: string,
  phone: string,
  guard: PhoneGuardRecord,
): Promise<{ holderId: string } | { stale: PhoneGuardRecord }> {
  for (let poll = 0; ; poll++) {
    const holder = await registrations.getRegistration(sessionId, guard.registrationId);
    if (holder?.phone === phone) return { holderId: holder.id };
    const young = Date.now() - Date.parse(guard.claimedAt) < PHONE_GUARD_GRACE_MS;
    if (holder || !young) return { stale: guard };
    // Another registration took the number a moment ago and is still writing its record: wait a little.
    if (poll >= HOLDER_POLLS) throw new ServiceUnavailable(2, undefined, registrationPending);
    await sleep(HOLDER_POLL_MS);
  }
}

/**
 * Registers a participant; a repeat of the same registration answers the existing record with
 * `created: false`. Refusals name who holds the place or the phone number.
 */
export async function register(
  sessionId: string,
  input: RegistrationInput,
  principal: Principal | null,
): Promise<{ registration: Registration; created: boolean }> {
  const candidate = candidateOf(input);
  const phone = input.phone;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const context = await getRegistrationContext(sessionId, candidate.unit, candidate.id, phone);
    if (!context.session) throw new NotFound(sessionNotFound);
    const limit = seatLimit(context.session);
    let stale: PhoneGuardRecord | undefined;
    let phoneHolderId: string | undefined;
    if (phone && context.phoneGuard && context.phoneGuard.registrationId !== candidate.id) {
      const found = await phoneHolder(sessionId, phone, context.phoneGuard);
      if ('holderId' in found) phoneHolderId = found.holderId;
      else stale = found.stale;
    }
    const verdict = judgeSeat(
      { registrationId: candidate.id, fingerprint: candidate.fingerprint, phone },
      {
        unitExpected: context.unit !== undefined,
        holder: context.holder,
        phoneHolderId,
        seatsLeft: Number.POSITIVE_INFINITY, // the capacity counter decides, atomically, below
      },
    );
    if (verdict.kind === 'repeat' && context.holder) {
      // The first attempt may have died before its audit entry; writing it again keeps one.
      await writeAudit(registrationAudit(context.holder, principal));
      return { registration: toRegistration(context.holder), created: false };
    }
    if (verdict.kind !== 'fresh' && verdict.kind !== 'repeat') {
      const holderOf = (id: string) =>
        id === context.holder?.id ? context.holder : registrations.getRegistration(sessionId, id);
      throw await refusal(verdict, candidate, holderOf, lookUpUnitName, limit);
    }

    const at = new Date().toISOString();
    // The phone number and the seat are independent: claimed at once (one round trip, not two).
    const [claimed, reserved] = await Promise.all([
      !phone ||
        (stale
          ? registrations.takeOverPhone(sessionId, phone, stale, candidate.id, at)
          : registrations.claimPhone(sessionId, phone, candidate.id, at).then((result) => result.claimed)),
      reserveSeats(sessionId, 1, limit),
    ]);
    if (!claimed) {
      // Someone took the number in between: give the seat back and judge again.
      if (reserved) await addRegistered(sessionId, -1);
      continue;
    }
    if (!reserved) {
      if (phone) await registrations.releasePhone(sessionId, phone, candidate.id);
      throw await refusal({ kind: 'full' }, candidate, () => undefined, lookUpUnitName, limit);
    }
    const record = recordOf(sessionId, candidate, context.unit?.kecamatanCode ?? '', at, principal);
    let inserted: Awaited<ReturnType<typeof registrations.insertRegistration>>;
    try {
      inserted = await registrations.insertRegistration(record);
    } catch (error) {
      // The record was not written (DynamoDB busy or unreachable): give the seat and the number
      // back, as far as that works now; what does not is recounted or taken over later.
      await addRegistered(sessionId, -1).catch(() => undefined);
      if (phone) await registrations.releasePhone(sessionId, phone, candidate.id).catch(() => undefined);
      throw error;
    }
    if (!inserted.inserted) {
      // Someone took the place in between (or this same request ran twice): give back, judge again.
      await addRegistered(sessionId, -1);
      if (phone && inserted.holder?.phone !== phone) await registrations.releasePhone(sessionId, phone, candidate.id);
      continue;
    }
    await writeAudit(registrationAudit(record, principal));
    return { registration: toRegistration(record), created: true };
  }
  throw new ServiceUnavailable(2, undefined, registrationPending);
}

/**
 * Marks a participant present. The check-in time is set once (a conditional update); repeating it
 * changes nothing and answers the first check-in's time.
 */
export async function checkIn(
  sessionId: string,
  id: string,
  principal: Principal | null,
): Promise<{ registrationId: string; checkedInAt: string; alreadyCheckedIn: boolean }> {
  const result = await registrations.checkIn(sessionId, id, new Date().toISOString(), stamp(principal));
  if (!result) throw new NotFound(registrationNotFound);
  const checkedInAt = result.record.checkedInAt ?? '';
  if (result.checkedIn) await addPresent(sessionId, 1);
  // Keyed by the check-in's own time: a retry after a failed audit write completes it, never doubles it.
  await writeAudit({
    scope: scopes.session(sessionId),
    at: checkedInAt,
    action: 'registration.checkedIn',
    actor: userActor(principal),
    entityId: id,
    before: { checkedInAt: null },
    after: { checkedInAt },
    villageCode: result.record.villageCode,
  });
  return { registrationId: id, checkedInAt, alreadyCheckedIn: !result.checkedIn };
}

/** Cancels a registration: the record goes, then its phone number and its seat are given back. */
export async function cancelRegistration(
  sessionId: string,
  id: string,
  principal: Principal | null,
  reason?: string,
): Promise<void> {
  const record = await registrations.getRegistration(sessionId, id);
  if (!record || !(await registrations.deleteRegistration(record))) throw new NotFound(registrationNotFound);
  if (record.phone) await registrations.releasePhone(sessionId, record.phone, id);
  await addRegistered(sessionId, -1);
  if (record.checkedInAt) await addPresent(sessionId, -1);
  await writeAudit({
    scope: scopes.session(sessionId),
    at: new Date().toISOString(),
    action: 'registration.cancelled',
    actor: userActor(principal),
    entityId: id,
    before: toRegistration(record),
    after: null,
    villageCode: record.villageCode,
    reason,
  });
}

/** A page of registrations with their check-in state, in id order. */
export async function listRegistrations(
  sessionId: string,
  limit: number | undefined,
  cursor: string | undefined,
): Promise<{ items: Registration[]; nextCursor: string | null }> {
  const [session, page] = await Promise.all([
    getSession(sessionId),
    registrations.queryRegistrations(sessionId, limit ?? 500, cursor),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  return { items: page.items.map(toRegistration), nextCursor: page.nextCursor };
}
