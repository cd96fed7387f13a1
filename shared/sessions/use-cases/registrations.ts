import type { Principal } from '#shared/kernel/http/auth.ts';
import { Conflict, NotFound, ServiceUnavailable, ValidationFailed } from '#shared/kernel/http/errors.ts';
import { type Lang, t } from '#shared/kernel/i18n/messages.ts';
import type { AuditEntry } from '#shared/kernel/table/audit.ts';
import { userActor, writeAudit } from '#shared/kernel/table/audit.ts';
import { getKecamatan, getVillage } from '#shared/regions/repository.ts';
import { MAX_SESSION_CAPACITY } from '#shared/sessions/contract.ts';
import {
  kecamatanNotInSession,
  phoneTaken,
  registrationNotFound,
  registrationPending,
  roleNames,
  sessionFull,
  sessionNotFound,
  slotTaken,
  unitKecamatan,
  unitVillage,
  villageNotInSession,
} from '#shared/sessions/messages.ts';
import type { Registration, RegistrationInput } from '#shared/sessions/registration-contract.ts';
import {
  type CheckInItem,
  deleteRegistration,
  getCheckIn,
  getRegistration,
  insertCheckIn,
  queryCheckIns,
  queryRegistrations,
  type RegistrationItem,
  writeRegistrations,
} from '#shared/sessions/registration-repository.ts';
import {
  claimSeat,
  getSessionItem,
  releaseSeat,
  type SeatClaim,
  type SessionItem,
} from '#shared/sessions/repository.ts';
import { personFingerprint, registrationId } from '#shared/sessions/rules/registration-id.ts';
import { isVillageRole, type Role } from '#shared/sessions/rules/roles.ts';

/** A claim with no record after this long belongs to a request that died; it may be taken over. */
const ABANDONED_CLAIM_MS = 30_000;
const RECORD_POLL_MS = 250;
const RECORD_POLLS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

function toRegistration(item: RegistrationItem, checkIn: CheckInItem | undefined): Registration {
  return {
    id: item.id,
    sessionId: item.sessionId,
    role: item.role,
    fullName: item.fullName,
    villageCode: item.villageCode,
    kecamatanCode: item.kecamatanCode,
    phone: item.phone,
    createdAt: item.createdAt,
    checkedInAt: checkIn?.at ?? null,
  };
}

/** A registration about to be claimed: its id, unit and the person's fingerprint. */
export interface Candidate {
  input: RegistrationInput;
  id: string;
  unitMap: 'villages' | 'kecamatan';
  unitCode: string;
  fingerprint: string;
}

/** Derives a candidate's deterministic id and unit from validated input. */
export function candidateOf(input: RegistrationInput): Candidate {
  const village = isVillageRole(input.role);
  const unitCode = (village ? input.villageCode : input.kecamatanCode) ?? '';
  return {
    input,
    id: registrationId({ role: input.role, unitCode, fullName: input.fullName }),
    unitMap: village ? 'villages' : 'kecamatan',
    unitCode,
    fingerprint: personFingerprint(input.fullName, input.phone),
  };
}

/** The stored record of a claimed candidate. Derived only from the input and the claim. */
export function recordOf(
  sessionId: string,
  candidate: Candidate,
  claim: SeatClaim,
  kecamatanCode: string,
  principal: Principal | null,
): RegistrationItem {
  const { input } = candidate;
  return {
    id: candidate.id,
    sessionId,
    role: input.role,
    fullName: input.fullName,
    villageCode: input.villageCode,
    kecamatanCode,
    phone: input.phone,
    createdAt: claim.t,
    createdBy: { sub: principal?.sub ?? '-', name: principal?.name ?? '-' },
  };
}

/** The audit entry of a new registration; keyed by the claim time, so a retry rewrites it. */
export function registrationAudit(record: RegistrationItem, principal: Principal | null): AuditEntry {
  const { createdBy: _by, ...after } = record;
  return {
    scope: `SESSION#${record.sessionId}`,
    at: record.createdAt,
    action: 'registration.created',
    actor: userActor(principal),
    entityId: record.id,
    after,
    villageCode: record.villageCode,
  };
}

async function unitName(role: Role, code: string): Promise<string> {
  const unit = isVillageRole(role) ? await getVillage(code) : await getKecamatan(code);
  return unit?.name ?? code;
}

async function describeHolder(lang: Lang, holder: RegistrationItem) {
  const isVillage = isVillageRole(holder.role);
  const unit = t(lang, isVillage ? unitVillage : unitKecamatan, {
    name: await unitName(holder.role, isVillage ? (holder.villageCode ?? '') : holder.kecamatanCode),
  });
  return {
    holder: {
      registrationId: holder.id,
      fullName: holder.fullName,
      role: holder.role,
      villageCode: holder.villageCode,
      kecamatanCode: holder.kecamatanCode,
    },
    params: { holder: holder.fullName, role: t(lang, roleNames[holder.role]), unit },
  };
}

/**
 * Explains why a claim was refused, from a fresh read of the session. Throws the matching 404,
 * 400 or 409; returns 'retry' if the refusal was a race that has passed, or an abandoned claim
 * to take over.
 */
async function explainRefusal(
  sessionId: string,
  candidate: Candidate,
  lang: Lang,
): Promise<'retry' | { abandoned: { id: string; claim: SeatClaim; phone?: string } }> {
  const session = await getSessionItem(sessionId);
  if (!session) throw new NotFound(sessionNotFound);
  const { input } = candidate;
  if (!(candidate.unitCode in session[candidate.unitMap])) {
    const field = candidate.unitMap === 'villages' ? 'villageCode' : 'kecamatanCode';
    throw new ValidationFailed([{ field, key: field === 'villageCode' ? villageNotInSession : kecamatanNotInSession }]);
  }
  const taken = session.regs[candidate.id];
  if (taken && taken.f !== candidate.fingerprint) return refuseTaken(session, candidate.id, taken, 'slot', lang);
  const phoneHolder = input.phone ? session.phones[input.phone] : undefined;
  if (phoneHolder && phoneHolder !== candidate.id) {
    const claim = session.regs[phoneHolder];
    if (claim) return refuseTaken(session, phoneHolder, claim, 'phone', lang, input.phone);
  }
  const capacity = session.capacity ?? MAX_SESSION_CAPACITY;
  if (!taken && Object.keys(session.regs).length >= capacity) throw new Conflict(sessionFull, { capacity });
  return 'retry';
}

async function refuseTaken(
  session: SessionItem,
  holderId: string,
  claim: SeatClaim,
  what: 'slot' | 'phone',
  lang: Lang,
  phone?: string,
): Promise<{ abandoned: { id: string; claim: SeatClaim; phone?: string } }> {
  const holder = await getRegistration(session.id, holderId);
  if (!holder) {
    if (Date.now() - Date.parse(claim.t) < ABANDONED_CLAIM_MS) {
      throw new ServiceUnavailable(2, undefined, registrationPending);
    }
    const abandonedPhone = Object.entries(session.phones).find(([, id]) => id === holderId)?.[0];
    return { abandoned: { id: holderId, claim, phone: abandonedPhone } };
  }
  const { holder: summary, params } = await describeHolder(lang, holder);
  if (what === 'phone') {
    throw new Conflict(phoneTaken, { ...params, phone: phone ?? '' }, { holder: summary });
  }
  throw new Conflict(slotTaken, params, { holder: summary });
}

/**
 * Registers a participant. One conditional update claims the place (and phone, and a seat) in
 * the session's ledger; one BatchWriteItem stores the record and its audit entry. A repeat of the
 * same registration finds its own claim and answers the existing record with `created: false`.
 */
export async function register(
  sessionId: string,
  input: RegistrationInput,
  principal: Principal | null,
  lang: Lang,
): Promise<{ registration: Registration; created: boolean }> {
  const candidate = candidateOf(input);
  const claim: SeatClaim = { f: candidate.fingerprint, t: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let result: Awaited<ReturnType<typeof claimSeat>>;
    try {
      result = await claimSeat({
        sessionId,
        registrationId: candidate.id,
        unitMap: candidate.unitMap,
        unitCode: candidate.unitCode,
        claim,
        phone: input.phone,
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const verdict = await explainRefusal(sessionId, candidate, lang);
      if (verdict !== 'retry') {
        const { id, claim: stale, phone } = verdict.abandoned;
        await releaseSeat(sessionId, id, stale, phone).catch((failure) => {
          if (!isConditionFailure(failure)) throw failure;
        });
      }
      continue;
    }
    const kecamatanCode = candidate.unitMap === 'villages' ? String(result.unitValue) : candidate.unitCode;
    if (!result.previous) {
      const record = recordOf(sessionId, candidate, claim, kecamatanCode, principal);
      try {
        await writeRegistrations([record], [registrationAudit(record, principal)]);
      } catch (error) {
        // Give the place back so a retry starts clean; if even that fails, the claim is taken over
        // once it is older than ABANDONED_CLAIM_MS.
        await releaseSeat(sessionId, candidate.id, claim, input.phone).catch(() => undefined);
        throw error;
      }
      return { registration: toRegistration(record, undefined), created: true };
    }
    return settleRepeat(sessionId, candidate, result.previous, kecamatanCode, principal);
  }
  throw new ServiceUnavailable(2, undefined, registrationPending);
}

/**
 * The same person registered in the same place before. Normally the record is there; if the
 * first request is still writing it we wait briefly; if that request died (its claim is old and
 * has no record) this request finishes its work.
 */
async function settleRepeat(
  sessionId: string,
  candidate: Candidate,
  previous: SeatClaim,
  kecamatanCode: string,
  principal: Principal | null,
): Promise<{ registration: Registration; created: boolean }> {
  for (let poll = 0; poll <= RECORD_POLLS; poll++) {
    const [existing, checkIn] = await Promise.all([
      getRegistration(sessionId, candidate.id),
      getCheckIn(sessionId, candidate.id),
    ]);
    if (existing) return { registration: toRegistration(existing, checkIn), created: false };
    if (Date.now() - Date.parse(previous.t) >= ABANDONED_CLAIM_MS) {
      const record = recordOf(sessionId, candidate, previous, kecamatanCode, principal);
      await writeRegistrations([record], [registrationAudit(record, principal)]);
      return { registration: toRegistration(record, undefined), created: true };
    }
    if (poll < RECORD_POLLS) await sleep(RECORD_POLL_MS);
  }
  throw new ServiceUnavailable(2, undefined, registrationPending);
}

/**
 * Marks a participant present. The check-in is written once (a conditional put); repeating it
 * changes nothing and answers the first check-in's time.
 */
export async function checkIn(
  sessionId: string,
  id: string,
  principal: Principal | null,
): Promise<{ registrationId: string; checkedInAt: string; alreadyCheckedIn: boolean }> {
  const registration = await getRegistration(sessionId, id);
  if (!registration) throw new NotFound(registrationNotFound);
  const by = { sub: principal?.sub ?? '-', name: principal?.name ?? '-' };
  const attempt: CheckInItem = { registrationId: id, at: new Date().toISOString(), by };
  const inserted = await insertCheckIn(sessionId, attempt);
  const stored = inserted ? attempt : await getCheckIn(sessionId, id);
  if (!stored) throw new ServiceUnavailable(2);
  // Keyed by the check-in's own time: a retry after a failed audit write completes it, never doubles it.
  await writeAudit({
    scope: `SESSION#${sessionId}`,
    at: stored.at,
    action: 'registration.checkedIn',
    actor: userActor(principal),
    entityId: id,
    before: { checkedInAt: null },
    after: { checkedInAt: stored.at },
    villageCode: registration.villageCode,
  });
  return { registrationId: id, checkedInAt: stored.at, alreadyCheckedIn: !inserted };
}

/** Cancels a registration: the record and check-in go first, then the place and phone are freed. */
export async function cancelRegistration(sessionId: string, id: string, principal: Principal | null): Promise<void> {
  const [registration, session] = await Promise.all([getRegistration(sessionId, id), getSessionItem(sessionId)]);
  if (!registration || !session) throw new NotFound(registrationNotFound);
  const claim = session.regs[id];
  await deleteRegistration(sessionId, id);
  if (claim) {
    await releaseSeat(sessionId, id, claim, registration.phone).catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
  }
  const { createdBy: _by, ...before } = registration;
  await writeAudit({
    scope: `SESSION#${sessionId}`,
    at: new Date().toISOString(),
    action: 'registration.cancelled',
    actor: userActor(principal),
    entityId: id,
    before,
    after: null,
    villageCode: registration.villageCode,
  });
}

/** A page of registrations with their check-in state. */
export async function listRegistrations(
  sessionId: string,
  limit: number | undefined,
  cursor: string | undefined,
): Promise<{ items: Registration[]; nextCursor: string | null }> {
  const [session, page, checkIns] = await Promise.all([
    getSessionItem(sessionId),
    queryRegistrations(sessionId, limit ?? 500, cursor),
    queryCheckIns(sessionId),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  const byId = new Map(checkIns.map((item) => [item.registrationId, item]));
  return {
    items: page.items.map((item) => toRegistration(item, byId.get(item.id))),
    nextCursor: page.nextCursor,
  };
}
