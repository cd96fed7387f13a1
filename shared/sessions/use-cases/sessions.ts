/** Sessions (sosialisasi): creating one, reading it, listing them, and the live recap. */
import { ulid } from 'ulid';
import { inScope, type Principal, regencyScope, type Scope, stamp, userActor } from '#shared/kernel/caller.ts';
import { Conflict, type FieldIssue, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import type { Attendance, Session, SessionInput, SessionPatch, SessionSummary } from '../contract.ts';
import {
  capacityBelowRegistered,
  noVillages,
  sessionChanged,
  sessionNotFound,
  villagesStillRegistered,
} from '../messages.ts';
import type { ExpectedUnitRecord, SessionRecord } from '../records.ts';
import { queryAllRegistrations } from '../repository/registrations.ts';
import {
  changeUnits,
  getSessionWithTotals,
  insertSession,
  querySessions,
  queryUnits,
  replaceSession,
} from '../repository/sessions.ts';
import { recapAttendance } from '../rules/recap.ts';
import { isCounted, rolesOf, type SessionRole } from '../rules/roles.ts';
import { sessionRoster, summaryOf } from './roster.ts';
import { newSealedSessionKey } from './secrets.ts';
import { reconcileTotals } from './totals.ts';

function sessionOf(record: SessionRecord, units: readonly ExpectedUnitRecord[], registered: number): Session {
  const codes = (kind: ExpectedUnitRecord['kind']) =>
    units
      .filter((unit) => unit.kind === kind)
      .map((unit) => unit.code)
      .sort();
  return {
    ...summaryOf(record),
    roles: [...rolesOf(record)],
    villageCodes: codes('village'),
    kecamatanCodes: codes('kecamatan'),
    registered,
  };
}

/**
 * The roles a change leaves out, or whose places change kind (one per unit ↔ counted): refused
 * while anyone holds them, since their registrations' ids depend on it.
 */
async function refuseRoleChanges(
  sessionId: string,
  before: readonly SessionRole[],
  after: readonly SessionRole[],
): Promise<void> {
  const changed = before.filter((old) => {
    const now = after.find((entry) => entry.role === old.role);
    return !now || isCounted(now) !== isCounted(old);
  });
  if (changed.length === 0) return;
  const { registrations } = await queryAllRegistrations(sessionId);
  const held = new Set(registrations.map((registration) => registration.role));
  const issues: FieldIssue[] = changed.flatMap((old) => {
    if (!held.has(old.role)) return [];
    const index = after.findIndex((entry) => entry.role === old.role);
    return [{ field: index < 0 ? 'roles' : `roles.${index}.max`, key: 'field.role.stillRegistered' as const }];
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
}

/**
 * Creates a session. The expected desa (all by default) are stored beside it with their kecamatan,
 * one small item each, so registrations are judged against the session alone and the session item
 * stays small however many desa it expects.
 */
/** The units a session expecting these desa stores: each desa with its kecamatan, and each kecamatan. */
function expectedUnits(codes: readonly string[], kecamatanOf: ReadonlyMap<string, string>): ExpectedUnitRecord[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (seen.has(code)) issues.push({ field: `villageCodes.${index}`, key: 'field.duplicate' });
    else if (!kecamatanOf.has(code)) issues.push({ field: `villageCodes.${index}`, key: 'field.village.unknown' });
    seen.add(code);
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
  const units: ExpectedUnitRecord[] = codes.map((code) => ({
    kind: 'village',
    code,
    kecamatanCode: kecamatanOf.get(code) ?? '',
  }));
  for (const kecamatanCode of new Set(units.map((unit) => unit.kecamatanCode))) {
    units.push({ kind: 'kecamatan', code: kecamatanCode, kecamatanCode });
  }
  return units;
}

/**
 * Creates a session. The expected desa (all by default) are stored beside it with their kecamatan,
 * one small item each, so registrations are judged against the session alone and the session item
 * stays small however many desa it expects.
 */
export async function createSession(input: SessionInput, principal: Principal | null): Promise<Session> {
  const regions = await getRegions();
  const kecamatanOf = new Map(regions.villages.map((village) => [village.code, village.kecamatanCode]));
  if (kecamatanOf.size === 0) throw new ValidationFailed([{ field: 'villageCodes', key: noVillages }]);
  const units = expectedUnits(input.villageCodes ?? [...kecamatanOf.keys()], kecamatanOf);
  const id = ulid();
  const record: SessionRecord = {
    id,
    title: input.title,
    date: input.date,
    venue: input.venue,
    capacity: input.capacity,
    waveId: input.waveId,
    roles: input.roles,
    sealedKey: await newSealedSessionKey(id),
    createdAt: new Date().toISOString(),
    createdBy: stamp(principal),
  };
  if (record.capacity === undefined) delete record.capacity;
  if (record.waveId === undefined) delete record.waveId;
  if (record.roles === undefined) delete record.roles;
  const session = sessionOf(record, units, 0);
  await insertSession(record, units, {
    scope: scopes.session(record.id),
    at: record.createdAt,
    action: 'session.created',
    actor: userActor(principal),
    entityId: record.id,
    after: { ...session, villageCodes: session.villageCodes.length, kecamatanCodes: session.kecamatanCodes.length },
  });
  return session;
}

/**
 * Changes a session's details or the desa it expects. The capacity may not go below those already
 * registered, and a desa (or kecamatan) with registrations may not be left out.
 */
export async function updateSession(
  sessionId: string,
  patch: SessionPatch,
  principal: Principal | null,
): Promise<Session> {
  const [{ session: before, totals }, current] = await Promise.all([
    getSessionWithTotals(sessionId),
    queryUnits(sessionId),
  ]);
  if (!before) throw new NotFound(sessionNotFound);
  const registered = totals.registered ?? 0;
  const next: SessionRecord = {
    ...before,
    title: patch.title ?? before.title,
    date: patch.date ?? before.date,
    venue: patch.venue ?? before.venue,
    updatedAt: new Date().toISOString(),
  };
  if (patch.waveId === null) delete next.waveId;
  else if (patch.waveId !== undefined) next.waveId = patch.waveId;
  if (patch.capacity === null) delete next.capacity;
  else if (patch.capacity !== undefined) next.capacity = patch.capacity;
  if (patch.roles) {
    await refuseRoleChanges(sessionId, rolesOf(before), patch.roles);
    next.roles = patch.roles;
  }
  if (next.capacity !== undefined && next.capacity < registered) {
    throw new Conflict(capacityBelowRegistered, { registered }, undefined, [
      { field: 'capacity', key: capacityBelowRegistered, params: { registered } },
    ]);
  }
  let units = current;
  let added: ExpectedUnitRecord[] = [];
  let removed: ExpectedUnitRecord[] = [];
  if (patch.villageCodes) {
    const regions = await getRegions();
    const kecamatanOf = new Map(regions.villages.map((village) => [village.code, village.kecamatanCode]));
    units = expectedUnits(patch.villageCodes, kecamatanOf);
    const key = (unit: ExpectedUnitRecord) => `${unit.kind}:${unit.code}`;
    const wanted = new Set(units.map(key));
    const had = new Set(current.map(key));
    added = units.filter((unit) => !had.has(key(unit)));
    removed = current.filter((unit) => !wanted.has(key(unit)));
    if (removed.length > 0) {
      const { registrations } = await queryAllRegistrations(sessionId);
      const gone = new Set(removed.map(key));
      const held = registrations.filter((registration) =>
        registration.villageCode
          ? gone.has(`village:${registration.villageCode}`)
          : registration.kecamatanCode !== undefined && gone.has(`kecamatan:${registration.kecamatanCode}`),
      );
      if (held.length > 0) {
        const names = [
          ...new Set(held.map((registration) => registration.villageCode ?? registration.kecamatanCode ?? '')),
        ].map(
          (code) =>
            regions.villages.find((village) => village.code === code)?.name ??
            regions.kecamatan.find((unit) => unit.code === code)?.name ??
            code,
        );
        throw new Conflict(villagesStillRegistered, { names: names.join(', ') });
      }
    }
  }
  if (!(await replaceSession(before, next))) throw new Conflict(sessionChanged);
  if (added.length + removed.length > 0) await changeUnits(sessionId, added, removed);
  const beforeShown = sessionOf(before, current, registered);
  const afterShown = sessionOf(next, units, registered);
  const brief = (session: Session) => ({
    ...session,
    villageCodes: session.villageCodes.length,
    kecamatanCodes: session.kecamatanCodes.length,
  });
  await writeAudit({
    scope: scopes.session(sessionId),
    at: next.updatedAt ?? '',
    action: 'session.updated',
    actor: userActor(principal),
    entityId: sessionId,
    before: { ...brief(beforeShown), removedVillages: removed.filter((u) => u.kind === 'village').map((u) => u.code) },
    after: { ...brief(afterShown), addedVillages: added.filter((u) => u.kind === 'village').map((u) => u.code) },
    reason: patch.reason,
  });
  return afterShown;
}

/**
 * One session with the desa and kecamatan it expects (of the scope's kecamatan only, for a
 * kecamatan account) and how many registered in all (a counter), or 404.
 */
export async function getSession(sessionId: string, scope: Scope = regencyScope): Promise<Session> {
  const [{ session, totals }, units] = await Promise.all([getSessionWithTotals(sessionId), queryUnits(sessionId)]);
  if (!session) throw new NotFound(sessionNotFound);
  const seen = units.filter((unit) => inScope(scope, unit.code));
  return sessionOf(session, seen, totals.registered ?? 0);
}

/** A page of sessions, newest date first. */
export async function listSessions(
  limit: number | undefined,
  cursor: string | undefined,
): Promise<{ items: SessionSummary[]; nextCursor: string | null }> {
  const page = await querySessions(limit ?? 50, cursor);
  return { items: page.items.map(summaryOf), nextCursor: page.nextCursor };
}

/**
 * The live recap, from the registrations themselves (one Query; a page per ~2,500 people); for a
 * kecamatan account, of its own desa, its own kecamatan and their people only.
 */
export async function getAttendance(sessionId: string, scope: Scope = regencyScope): Promise<Attendance> {
  const roster = await sessionRoster(sessionId);
  const units = roster.units.filter((unit) => inScope(scope, unit.code));
  const villages = Object.fromEntries(
    units.filter((unit) => unit.kind === 'village').map((unit) => [unit.code, unit.kecamatanCode]),
  );
  const kecamatan = units.filter((unit) => unit.kind === 'kecamatan').map((unit) => unit.code);
  const people = roster.registrations.filter((registration) =>
    inScope(scope, registration.villageCode ?? registration.kecamatanCode),
  );
  const recap = recapAttendance(
    { villages, kecamatan, roles: rolesOf(roster.session) },
    people.map((registration) => ({
      role: registration.role,
      villageCode: registration.villageCode,
      kecamatanCode: registration.kecamatanCode,
      present: registration.checkedInAt !== undefined,
    })),
  );
  if (scope.kind !== 'regency') return { sessionId, ...recap };
  // The recap has counted every record anyway: a lasting disagreement of the counters is corrected.
  await reconcileTotals(sessionId, {
    seen: roster.totals,
    counted: { registered: recap.registered, present: recap.present },
  });
  return { sessionId, ...recap };
}
