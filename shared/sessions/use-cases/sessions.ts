import { ulid } from 'ulid';
import type { Principal } from '#shared/kernel/http/auth.ts';
import { type FieldIssue, NotFound, ValidationFailed } from '#shared/kernel/http/errors.ts';
import { type Actor, userActor } from '#shared/kernel/table/audit.ts';
import { loadRegions } from '#shared/regions/repository.ts';
import {
  type Attendance,
  MAX_SESSION_CAPACITY,
  type Session,
  type SessionInput,
  type SessionSummary,
} from '#shared/sessions/contract.ts';
import { noVillages, sessionNotFound } from '#shared/sessions/messages.ts';
import { queryAttendance } from '#shared/sessions/registration-repository.ts';
import {
  getSessionItem,
  getSessionPlan,
  insertSession,
  querySessions,
  type SessionItem,
} from '#shared/sessions/repository.ts';
import { recapAttendance } from '#shared/sessions/rules/recap.ts';

function toSession(item: SessionItem): Session {
  return {
    id: item.id,
    title: item.title,
    date: item.date,
    venue: item.venue,
    capacity: item.capacity ?? null,
    villageCodes: Object.keys(item.villages).sort(),
    kecamatanCodes: Object.keys(item.kecamatan).sort(),
    registered: Object.keys(item.regs ?? {}).length,
    createdAt: item.createdAt,
  };
}

/**
 * Creates a session. The expected desa (all by default) are copied from the region data with
 * their kecamatan, so registrations are judged against the session alone.
 */
export async function createSession(input: SessionInput, principal: Principal | null): Promise<Session> {
  const regions = await loadRegions();
  const kecamatanOf = new Map(regions.villages.map((village) => [village.code, village.kecamatanCode]));
  if (kecamatanOf.size === 0) throw new ValidationFailed([{ field: 'villageCodes', key: noVillages }]);
  const codes = input.villageCodes ?? [...kecamatanOf.keys()];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (seen.has(code)) issues.push({ field: `villageCodes.${index}`, key: 'field.duplicate' });
    else if (!kecamatanOf.has(code)) issues.push({ field: `villageCodes.${index}`, key: 'field.village.unknown' });
    seen.add(code);
  });
  if (issues.length > 0) throw new ValidationFailed(issues);

  const villages: Record<string, string> = {};
  const kecamatan: Record<string, 1> = {};
  for (const code of codes) {
    const kecamatanCode = kecamatanOf.get(code) ?? '';
    villages[code] = kecamatanCode;
    kecamatan[kecamatanCode] = 1;
  }
  const actor = userActor(principal);
  const item: SessionItem = {
    id: ulid(),
    title: input.title,
    date: input.date,
    venue: input.venue,
    capacity: input.capacity,
    seatLimit: input.capacity ?? MAX_SESSION_CAPACITY,
    ver: 0,
    createdAt: new Date().toISOString(),
    createdBy: { sub: principal?.sub ?? '-', name: principal?.name ?? '-' },
    villages,
    kecamatan,
    regs: {},
    phones: {},
  };
  if (item.capacity === undefined) delete item.capacity;
  const session = toSession(item);
  await insertSession(item, {
    scope: `SESSION#${item.id}`,
    at: item.createdAt,
    action: 'session.created',
    actor: actor satisfies Actor,
    entityId: item.id,
    after: { ...session, villageCodes: session.villageCodes.length },
  });
  return session;
}

/** One session, or 404. */
export async function getSession(sessionId: string): Promise<Session> {
  const item = await getSessionItem(sessionId);
  if (!item) throw new NotFound(sessionNotFound);
  return toSession(item);
}

/** A page of sessions, newest date first. */
export async function listSessions(
  limit: number | undefined,
  cursor: string | undefined,
): Promise<{ items: SessionSummary[]; nextCursor: string | null }> {
  const page = await querySessions(limit ?? 50, cursor);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      title: row.title,
      date: row.date,
      venue: row.venue,
      capacity: row.capacity ?? null,
      createdAt: row.createdAt,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * The live recap: one read of the session's plan and one Query of its registrations and
 * check-ins (a single page for a session of a few thousand people).
 */
export async function getAttendance(sessionId: string): Promise<Attendance> {
  const [plan, rows] = await Promise.all([getSessionPlan(sessionId), queryAttendance(sessionId)]);
  if (!plan) throw new NotFound(sessionNotFound);
  const presentIds = new Set(rows.checkIns.map((checkIn) => checkIn.registrationId));
  const recap = recapAttendance(
    { villages: plan.villages, kecamatan: Object.keys(plan.kecamatan) },
    rows.registrations.map((registration) => ({
      role: registration.role,
      villageCode: registration.villageCode,
      kecamatanCode: registration.kecamatanCode,
      present: presentIds.has(registration.id),
    })),
  );
  return { sessionId, ...recap };
}
