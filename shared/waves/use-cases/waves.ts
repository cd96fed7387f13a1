/**
 * Waves (gelombang): creating one with its desa and the template schedule, changing it, its
 * schedule, and removing one made by mistake. A desa belongs to at most one wave whose voting day
 * has not passed; the guards in `WAVEDESA` make that hold even when two admins add it at once.
 */

import { ulid } from 'ulid';
import { inScope, type Principal, regencyScope, type Scope, stamp, userActor } from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { Conflict, type FieldIssue, NotFound, ServiceUnavailable, ValidationFailed } from '#shared/kernel/errors.ts';
import { calendarDate } from '#shared/kernel/pdf/dates.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import { sessionsOfWave } from '#shared/sessions/use-cases/roster.ts';
import type { StagesInput, Wave, WaveInput, WavePatch, WaveSummary } from '../contract.ts';
import {
  escalationOrder,
  unknownVillage,
  villageInOtherWave,
  villagesInOtherWave,
  waveChanged,
  waveHasSessions,
  waveNotFound,
} from '../messages.ts';
import type { EscalationRecord, WaveRecord } from '../records.ts';
import {
  claimVillage,
  deleteWaveRecord,
  getVillageGuards,
  getWaves,
  insertWave,
  queryWaves,
  getWave as readWave,
  releaseVillage,
  replaceWave,
} from '../repository/waves.ts';
import { daysBetween } from '../rules/calendar.ts';
import { DEFAULT_ESCALATION } from '../rules/follow-ups.ts';
import { checkStages, shiftStages, templateStages } from '../rules/stages.ts';

/** A guard whose wave never appeared belongs to a request that died; after this long it is free. */
const ABANDONED_GUARD_MS = 60_000;
/** How many guards are written at once. */
const CLAIM_CONCURRENCY = 16;

/** Today in the regency's calendar. */
export function regencyToday(now: Date = new Date()): string {
  return calendarDate(now, regencyConfig().timeZone.iana);
}

/** A wave as the API shows it. */
export function toWave(record: WaveRecord): Wave {
  return {
    id: record.id,
    name: record.name,
    votingDay: record.votingDay,
    villageCodes: [...record.villageCodes].sort(),
    stages: record.stages,
    escalation: record.escalation,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt ?? null,
  };
}

/** One wave as stored, or 404. */
export async function waveRecord(waveId: string): Promise<WaveRecord> {
  const wave = await readWave(waveId);
  if (!wave) throw new NotFound(waveNotFound);
  return wave;
}

/** One wave as stored, if there is one (for other domains: a session naming its wave). */
export function findWave(waveId: string): Promise<WaveRecord | undefined> {
  return readWave(waveId);
}

/** One wave, or 404. */
export async function getWave(waveId: string, scope: Scope = regencyScope): Promise<Wave> {
  const wave = await waveRecord(waveId);
  // A kecamatan account's wave holds its own desa only.
  return toWave({ ...wave, villageCodes: wave.villageCodes.filter((code) => inScope(scope, code)) });
}

/** Every wave, latest voting day first. */
export async function listWaves(scope: Scope = regencyScope): Promise<{ items: WaveSummary[] }> {
  const waves = await queryWaves();
  return {
    items: waves.map((wave) => ({
      id: wave.id,
      name: wave.name,
      votingDay: wave.votingDay,
      // A kecamatan account counts its own desa of the wave.
      villages: wave.villageCodes.filter((code) => inScope(scope, code)).length,
      createdAt: wave.createdAt,
    })),
  };
}

/** Refuses desa that are listed twice or not in the region list, naming each. */
async function checkVillages(codes: readonly string[]): Promise<Map<string, string>> {
  const regions = await getRegions();
  const names = new Map(regions.villages.map((village) => [village.code, village.name]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (seen.has(code)) issues.push({ field: `villageCodes.${index}`, key: 'field.duplicate' });
    else if (!names.has(code)) issues.push({ field: `villageCodes.${index}`, key: unknownVillage, params: { code } });
    seen.add(code);
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
  return names;
}

function checkEscalation(escalation: EscalationRecord): void {
  if (escalation.urgentFromDays > escalation.kasiFromDays) {
    throw new ValidationFailed([{ field: 'escalation.urgentFromDays', key: escalationOrder }]);
  }
}

interface Holder {
  villageCode: string;
  index: number;
  wave: { id: string; name: string; votingDay: string };
}

/**
 * Which of these desa another running wave holds, and which guards may be taken over (their wave
 * passed, or never appeared): one BatchGetItem for the guards, one for the waves they name.
 */
async function holdersOf(codes: readonly string[], waveId: string, today: string) {
  const guards = await getVillageGuards(codes);
  const others = [...guards.values()].filter((guard) => guard.waveId !== waveId);
  const waves = others.length > 0 ? await getWaves(others.map((guard) => guard.waveId)) : new Map();
  const held: Holder[] = [];
  const free = new Map<string, string>();
  codes.forEach((code, index) => {
    const guard = guards.get(code);
    if (!guard || guard.waveId === waveId) return;
    const wave: WaveRecord | undefined = waves.get(guard.waveId);
    const abandoned = !wave && Date.now() - Date.parse(guard.claimedAt) > ABANDONED_GUARD_MS;
    if ((wave && wave.votingDay < today) || abandoned) free.set(code, guard.waveId);
    else
      held.push({
        villageCode: code,
        index,
        wave: { id: guard.waveId, name: wave?.name ?? guard.waveId, votingDay: wave?.votingDay ?? '' },
      });
  });
  return { held, free };
}

function heldConflict(held: readonly Holder[], names: ReadonlyMap<string, string>): Conflict {
  const first = held[0] as Holder;
  const village = names.get(first.villageCode) ?? first.villageCode;
  const params = { n: held.length, village, wave: first.wave.name, votingDay: first.wave.votingDay };
  return new Conflict(
    held.length === 1 ? villageInOtherWave : villagesInOtherWave,
    params,
    {
      wave: first.wave,
      villages: held.map((holder) => ({ villageCode: holder.villageCode, waveId: holder.wave.id })),
    },
    held.map((holder) => ({
      field: `villageCodes.${holder.index}`,
      key: villageInOtherWave,
      params: {
        village: names.get(holder.villageCode) ?? holder.villageCode,
        wave: holder.wave.name,
        votingDay: holder.wave.votingDay,
      },
    })),
  );
}

/** Runs tasks with at most `limit` in flight, answering their results in order. */
async function inBatches<T, R>(values: readonly T[], limit: number, task: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += limit) {
    results.push(...(await Promise.all(values.slice(start, start + limit).map(task))));
  }
  return results;
}

/**
 * Claims desa for a wave, all or none: held ones are refused with a 409 that names the first
 * wave holding one, before anything is written; a desa taken by another wave in the meantime
 * gives back every guard this call wrote.
 */
async function claimVillages(
  waveId: string,
  codes: readonly string[],
  names: ReadonlyMap<string, string>,
  at: string,
): Promise<void> {
  const today = regencyToday();
  const { held, free } = await holdersOf(codes, waveId, today);
  if (held.length > 0) throw heldConflict(held, names);
  const claimed = await inBatches(codes, CLAIM_CONCURRENCY, (code) => claimVillage(code, waveId, at, free.get(code)));
  if (claimed.every(Boolean)) return;
  const lost = codes.filter((_, index) => !claimed[index]);
  const won = codes.filter((_, index) => claimed[index]);
  await inBatches(won, CLAIM_CONCURRENCY, (code) => releaseVillage(code, waveId));
  const again = await holdersOf(lost, waveId, today);
  // Taken and let go again in the meantime: nothing is held now, so trying again will do.
  if (again.held.length === 0) throw new ServiceUnavailable(1);
  throw heldConflict(
    again.held.map((holder) => ({ ...holder, index: codes.indexOf(holder.villageCode) })),
    names,
  );
}

/** Lets desa go (each only if this wave still holds it). */
async function releaseVillages(waveId: string, codes: readonly string[]): Promise<void> {
  await inBatches(codes, CLAIM_CONCURRENCY, (code) => releaseVillage(code, waveId));
}

/**
 * Creates a wave with its desa and the template schedule. The desa are claimed first (guards), the
 * wave is written last: a wave that exists holds all its desa.
 */
export async function createWave(input: WaveInput, principal: Principal | null): Promise<Wave> {
  const names = await checkVillages(input.villageCodes);
  const escalation = input.escalation ?? DEFAULT_ESCALATION;
  checkEscalation(escalation);
  const record: WaveRecord = {
    id: ulid(),
    name: input.name,
    votingDay: input.votingDay,
    villageCodes: input.villageCodes,
    stages: templateStages(input.votingDay),
    escalation,
    createdAt: new Date().toISOString(),
    createdBy: stamp(principal),
  };
  await claimVillages(record.id, record.villageCodes, names, record.createdAt);
  const wave = toWave(record);
  try {
    await insertWave(record, {
      scope: scopes.wave(record.id),
      at: record.createdAt,
      action: 'wave.created',
      actor: userActor(principal),
      entityId: record.id,
      after: { ...wave, villageCodes: wave.villageCodes.length, stages: wave.stages.length },
    });
  } catch (error) {
    await releaseVillages(record.id, record.villageCodes).catch(() => undefined);
    throw error;
  }
  return wave;
}

/**
 * Changes a wave. Desa added are claimed before the wave is stored and desa left out are let go
 * after; a new voting day moves the whole schedule with it (each stage keeps its distance), and
 * claims every desa again (another wave may have taken one while this one's day had passed).
 */
export async function updateWave(waveId: string, patch: WavePatch, principal: Principal | null): Promise<Wave> {
  const before = await waveRecord(waveId);
  const codes = patch.villageCodes ?? before.villageCodes;
  const names = await checkVillages(codes);
  const escalation = patch.escalation ?? before.escalation;
  checkEscalation(escalation);
  const votingDay = patch.votingDay ?? before.votingDay;
  const next: WaveRecord = {
    ...before,
    name: patch.name ?? before.name,
    votingDay,
    villageCodes: codes,
    escalation,
    stages: shiftStages(before.stages, before.votingDay, votingDay, daysBetween(before.votingDay, votingDay)),
    updatedAt: new Date().toISOString(),
  };
  const had = new Set(before.villageCodes);
  const wanted = new Set(codes);
  const added = codes.filter((code) => !had.has(code));
  const removed = before.villageCodes.filter((code) => !wanted.has(code));
  const toClaim = votingDay !== before.votingDay ? codes : added;
  if (toClaim.length > 0) await claimVillages(waveId, toClaim, names, next.updatedAt ?? '');
  if (!(await replaceWave(before, next))) {
    await releaseVillages(waveId, added).catch(() => undefined);
    throw new Conflict(waveChanged);
  }
  if (removed.length > 0) await releaseVillages(waveId, removed);
  const shown = (wave: WaveRecord) => ({
    ...toWave(wave),
    villageCodes: wave.villageCodes.length,
    stages: wave.stages.length,
  });
  await writeAudit({
    scope: scopes.wave(waveId),
    at: next.updatedAt ?? '',
    action: 'wave.updated',
    actor: userActor(principal),
    entityId: waveId,
    before: { ...shown(before), removedVillages: removed },
    after: { ...shown(next), addedVillages: added },
    reason: patch.reason,
  });
  return toWave(next);
}

/** Replaces a wave's schedule; refused field by field when it breaks a rule (nothing is written). */
export async function putStages(waveId: string, input: StagesInput, principal: Principal | null): Promise<Wave> {
  const before = await waveRecord(waveId);
  const issues = checkStages(input.stages, before.votingDay);
  if (issues.length > 0) throw new ValidationFailed(issues);
  const next: WaveRecord = { ...before, stages: input.stages, updatedAt: new Date().toISOString() };
  if (!(await replaceWave(before, next))) throw new Conflict(waveChanged);
  await writeAudit({
    scope: scopes.wave(waveId),
    at: next.updatedAt ?? '',
    action: 'wave.stagesReplaced',
    actor: userActor(principal),
    entityId: waveId,
    before: { stages: before.stages },
    after: { stages: next.stages },
    reason: input.reason,
  });
  return toWave(next);
}

/**
 * Removes a wave made by mistake: only while no session belongs to it (move them first), so no
 * attendance loses its wave. Its desa are free again; the audit entry keeps the whole wave.
 */
export async function deleteWave(waveId: string, reason: string, principal: Principal | null): Promise<void> {
  const before = await waveRecord(waveId);
  const sessions = await sessionsOfWave(waveId);
  if (sessions.length > 0) {
    throw new Conflict(
      waveHasSessions,
      { n: sessions.length, titles: sessions.map((session) => session.title).join(', ') },
      { sessions: sessions.map((session) => session.id) },
    );
  }
  if (!(await deleteWaveRecord(before))) throw new Conflict(waveChanged);
  await releaseVillages(waveId, before.villageCodes);
  await writeAudit({
    scope: scopes.wave(waveId),
    at: new Date().toISOString(),
    action: 'wave.deleted',
    actor: userActor(principal),
    entityId: waveId,
    before: toWave(before),
    after: null,
    reason,
  });
}
