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
import { inScope, type Principal, regencyScope, type Scope, stamp, userActor } from '#shared/kernel/caller.ts';
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
import { DEFAULT_ROLES, rolesOf } from '../rules/roles.ts';
import { judgeSeat } from '../rules/seat.ts';
import { refusal, type UnitNames } from './refusals.ts';
import { giveRolePlace, takeRolePlace } from './role-seats.ts';
import { newPass, passOf, sessionKey } from './secrets.ts';
import { reconcileTotals } from './totals.ts';

/** A phone guard whose registration never appeared is taken over after this long. */
export const PHONE_GUARD_GRACE_MS = 30_000;
const ATTEMPTS = 4;
const HOLDER_POLLS = 8;
const HOLDER_POLL_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A registration as the trail and the API show it, without its pass. */
export function shownRecord(record: RegistrationRecord): Omit<Registration, 'pass'> {
  const {
    fingerprint: _f,
    createdBy: _by,
    checkedInAt,
    checkedInBy: _in,
    updatedBy: _up,
    pass: _p,
    certificate: _c,
    ...shown
  } = record;
  return { ...shown, checkedInAt: checkedInAt ?? null };
}

/** A registration as the API shows it, with its pass (opened with the session's key). */
export function toRegistration(record: RegistrationRecord, key: Buffer): Registration {
  return { ...shownRecord(record), pass: passOf(key, record) };
}

/** The audit entry of a new registration; keyed by its creation time, so a rewrite keeps one. */
export function registrationAudit(record: RegistrationRecord, principal: Principal | null): AuditRecord {
  const { checkedInAt: _at, ...after } = shownRecord(record);
  return {
    scope: scopes.session(record.sessionId),
    at: record.createdAt,
    action: 'registration.created',
    actor: userActor(principal),
    entityId: record.id,
    after,
    villageCode: record.villageCode,
    ...(record.invitationId ? { invitationId: record.invitationId } : {}),
  };
}

/** Where a registration comes from: the desk (default), an import, or an invitation. */
export interface Origin {
  source: NonNullable<RegistrationRecord['source']>;
  invitationId?: string;
  /** The SK Panitia attached through the invitation (already checked to be its own and verified). */
  sk?: RegistrationRecord['sk'];
}

/** The stored record of a candidate taking its place now, with a new pass. */
export function recordOf(
  sessionId: string,
  candidate: Candidate,
  kecamatanCode: string | undefined,
  at: string,
  principal: Principal | null,
  origin: Origin,
  pass: RegistrationRecord['pass'],
): RegistrationRecord {
  const { input } = candidate;
  const record: RegistrationRecord = {
    id: candidate.id,
    sessionId,
    role: input.role,
    fullName: input.fullName,
    villageCode: input.villageCode,
    kecamatanCode: kecamatanCode || undefined,
    organization: input.organization,
    phone: input.phone,
    source: origin.source,
    invitationId: origin.invitationId,
    sk: origin.sk,
    pass,
    fingerprint: candidate.fingerprint,
    createdAt: at,
    createdBy: stamp(principal),
  };
  for (const field of [
    'villageCode',
    'kecamatanCode',
    'organization',
    'phone',
    'invitationId',
    'sk',
    'pass',
  ] as const) {
    if (record[field] === undefined) delete record[field];
  }
  return record;
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
 * `created: false`. Refusals name who holds the place or the phone number. The place's id depends
 * on the session's terms for the role (one per unit, or counted), so it is derived for the usual
 * terms first and again, with one more read, for a session whose terms differ.
 */
export async function register(
  sessionId: string,
  input: RegistrationInput,
  principal: Principal | null,
  origin: Origin = { source: 'desk' },
): Promise<{ registration: Registration; created: boolean }> {
  let candidate = candidateOf(input, DEFAULT_ROLES);
  const phone = input.phone;
  for (let attempt = 0; attempt < ATTEMPTS + 1; attempt++) {
    const context = await getRegistrationContext(sessionId, candidate.unit, candidate.id, phone);
    if (!context.session) throw new NotFound(sessionNotFound);
    const terms = candidateOf(input, rolesOf(context.session));
    if (terms.id !== candidate.id) {
      candidate = terms;
      continue;
    }
    candidate = terms;
    const limit = seatLimit(context.session);
    const key = await sessionKey(context.session);
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
        roleExpected: candidate.seat !== undefined,
        unitExpected: candidate.unit === undefined || context.unit !== undefined,
        holder: context.holder,
        phoneHolderId,
        seatsLeft: Number.POSITIVE_INFINITY, // the capacity counter decides, atomically, below
      },
    );
    if (verdict.kind === 'repeat' && context.holder) {
      // The first attempt may have died before its audit entry; writing it again keeps one.
      await writeAudit(registrationAudit(context.holder, principal));
      return { registration: toRegistration(context.holder, key), created: false };
    }
    if (verdict.kind !== 'fresh' && verdict.kind !== 'repeat') {
      const holderOf = (id: string) =>
        id === context.holder?.id ? context.holder : registrations.getRegistration(sessionId, id);
      throw await refusal(verdict, candidate, holderOf, lookUpUnitName, limit);
    }

    const at = new Date().toISOString();
    const place = { role: input.role, unitCode: candidate.unit?.code };
    // The phone number, the seat and a counted role's place are independent: claimed at once.
    const [claimed, reserved, placed] = await Promise.all([
      !phone ||
        (stale
          ? registrations.takeOverPhone(sessionId, phone, stale, candidate.id, at)
          : registrations.claimPhone(sessionId, phone, candidate.id, at).then((result) => result.claimed)),
      reserveSeats(sessionId, 1, limit),
      takeRolePlace(sessionId, place, candidate.seat),
    ]);
    const giveBack = async (what: { phone?: boolean; seat?: boolean; place?: boolean }) => {
      await Promise.all([
        what.phone && phone ? registrations.releasePhone(sessionId, phone, candidate.id) : undefined,
        what.seat ? addRegistered(sessionId, -1) : undefined,
        what.place ? giveRolePlace(sessionId, place, candidate.seat) : undefined,
      ]);
    };
    if (!claimed) {
      // Someone took the number in between: give the rest back and judge again.
      await giveBack({ seat: reserved, place: placed });
      continue;
    }
    if (!reserved || !placed) {
      await giveBack({ phone: true, seat: reserved, place: placed });
      throw await refusal(
        reserved ? { kind: 'roleFull', max: candidate.seat?.max ?? 0 } : { kind: 'full' },
        candidate,
        () => undefined,
        lookUpUnitName,
        limit,
      );
    }
    const kecamatanCode = context.unit?.kecamatanCode;
    const record = recordOf(sessionId, candidate, kecamatanCode, at, principal, origin, newPass(key, sessionId));
    let inserted: Awaited<ReturnType<typeof registrations.insertRegistration>>;
    try {
      inserted = await registrations.insertRegistration(record);
    } catch (error) {
      // The record was not written (DynamoDB busy or unreachable): give everything back, as far
      // as that works now; what does not is recounted or taken over later.
      await giveBack({ phone: true, seat: true, place: true }).catch(() => undefined);
      throw error;
    }
    if (!inserted.inserted) {
      // Someone took the place in between (or this same request ran twice): give back, judge again.
      await giveBack({ phone: inserted.holder?.phone !== phone, seat: true, place: true });
      continue;
    }
    await writeAudit(registrationAudit(record, principal));
    return { registration: toRegistration(record, key), created: true };
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
  const [session, record] = await Promise.all([getSession(sessionId), registrations.getRegistration(sessionId, id)]);
  if (!session || !record || !(await registrations.deleteRegistration(record))) {
    throw new NotFound(registrationNotFound);
  }
  const seat = rolesOf(session).find((entry) => entry.role === record.role);
  await Promise.all([
    record.phone ? registrations.releasePhone(sessionId, record.phone, id) : undefined,
    addRegistered(sessionId, -1),
    record.checkedInAt ? addPresent(sessionId, -1) : undefined,
    giveRolePlace(sessionId, { role: record.role, unitCode: record.villageCode ?? record.kecamatanCode }, seat),
  ]);
  await writeAudit({
    scope: scopes.session(sessionId),
    at: new Date().toISOString(),
    action: 'registration.cancelled',
    actor: userActor(principal),
    entityId: id,
    before: shownRecord(record),
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
  scope: Scope = regencyScope,
): Promise<{ items: Registration[]; nextCursor: string | null }> {
  const [session, page] = await Promise.all([
    getSession(sessionId),
    registrations.queryRegistrations(sessionId, limit ?? 500, cursor),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  const key = await sessionKey(session);
  // A kecamatan's page holds its own desa's and kecamatan's people only (a page may come out short).
  const seen = page.items.filter((record) => inScope(scope, record.villageCode ?? record.kecamatanCode));
  return { items: seen.map((record) => toRegistration(record, key)), nextCursor: page.nextCursor };
}
