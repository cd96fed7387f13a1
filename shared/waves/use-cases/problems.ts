/**
 * Problems (catatan masalah) of the desa of a wave: recorded, corrected, resolved with how, and
 * opened again when resolved by mistake. Each change is audited on the wave's trail and the
 * desa's.
 */
import { ulid } from 'ulid';
import {
  inScope,
  type Principal,
  refuseOutside,
  regencyScope,
  type Scope,
  stamp,
  userActor,
} from '#shared/kernel/caller.ts';
import { Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import type { Problem, ProblemInput, ProblemPatch } from '../contract.ts';
import {
  problemAlreadyResolved,
  problemNotFound,
  problemNotResolved,
  villageNotInWave,
  waveChanged,
} from '../messages.ts';
import type { ProblemRecord } from '../records.ts';
import { getProblem, insertProblem, queryProblems, replaceProblem } from '../repository/waves.ts';
import { waveRecord } from './waves.ts';

/** A problem as the API shows it. */
export function toProblem(record: ProblemRecord): Problem {
  return {
    id: record.id,
    waveId: record.waveId,
    villageCode: record.villageCode,
    category: record.category,
    description: record.description,
    severity: record.severity,
    status: record.status,
    createdAt: record.createdAt,
    createdBy: record.createdBy.name,
    resolvedAt: record.resolvedAt ?? null,
    resolvedBy: record.resolvedBy?.name ?? null,
    resolution: record.resolution ?? null,
  };
}

/** Records a problem of a desa of the wave, open. */
export async function addProblem(waveId: string, input: ProblemInput, principal: Principal | null): Promise<Problem> {
  const wave = await waveRecord(waveId);
  if (!wave.villageCodes.includes(input.villageCode)) {
    throw new ValidationFailed([{ field: 'villageCode', key: villageNotInWave }]);
  }
  const record: ProblemRecord = {
    id: ulid(),
    waveId,
    villageCode: input.villageCode,
    category: input.category,
    description: input.description,
    severity: input.severity,
    status: 'open',
    createdAt: new Date().toISOString(),
    createdBy: stamp(principal),
  };
  const problem = toProblem(record);
  await insertProblem(record, {
    scope: scopes.wave(waveId),
    at: record.createdAt,
    action: 'problem.opened',
    actor: userActor(principal),
    entityId: record.id,
    after: problem,
    villageCode: record.villageCode,
  });
  return problem;
}

/** The problems of a wave, newest first, optionally open or resolved only and of one desa (of the scope's). */
export async function listProblems(
  waveId: string,
  filter: { status?: 'open' | 'resolved'; villageCode?: string },
  scope: Scope = regencyScope,
): Promise<{ items: Problem[] }> {
  const [, problems] = await Promise.all([waveRecord(waveId), queryProblems(waveId)]);
  return {
    items: problems
      .filter((problem) => inScope(scope, problem.villageCode))
      .filter((problem) => !filter.status || problem.status === filter.status)
      .filter((problem) => !filter.villageCode || problem.villageCode === filter.villageCode)
      .map(toProblem),
  };
}

/** A problem as stored: 404 when there is none, 403 for a desa outside the scope. */
async function problemRecord(waveId: string, problemId: string, scope: Scope): Promise<ProblemRecord> {
  const record = await getProblem(waveId, problemId);
  if (!record) throw new NotFound(problemNotFound);
  refuseOutside(scope, record.villageCode);
  return record;
}

/** Stores a problem's change (only if nobody changed it meanwhile) and audits it. */
async function change(
  before: ProblemRecord,
  next: ProblemRecord,
  action: string,
  principal: Principal | null,
  reason?: string,
): Promise<Problem> {
  if (!(await replaceProblem(before, next))) throw new Conflict(waveChanged);
  await writeAudit({
    scope: scopes.wave(before.waveId),
    at: next.updatedAt ?? new Date().toISOString(),
    action,
    actor: userActor(principal),
    entityId: before.id,
    before: toProblem(before),
    after: toProblem(next),
    reason,
    villageCode: before.villageCode,
  });
  return toProblem(next);
}

/** Corrects a problem's category, description or severity. */
export async function updateProblem(
  waveId: string,
  problemId: string,
  patch: ProblemPatch,
  principal: Principal | null,
  scope: Scope = regencyScope,
): Promise<Problem> {
  const before = await problemRecord(waveId, problemId, scope);
  const next: ProblemRecord = {
    ...before,
    category: patch.category ?? before.category,
    description: patch.description ?? before.description,
    severity: patch.severity ?? before.severity,
    updatedAt: new Date().toISOString(),
  };
  return change(before, next, 'problem.updated', principal, patch.reason);
}

/** Resolves an open problem, saying how. */
export async function resolveProblem(
  waveId: string,
  problemId: string,
  resolution: string,
  principal: Principal | null,
  scope: Scope = regencyScope,
): Promise<Problem> {
  const before = await problemRecord(waveId, problemId, scope);
  if (before.status === 'resolved') throw new Conflict(problemAlreadyResolved);
  const at = new Date().toISOString();
  const next: ProblemRecord = {
    ...before,
    status: 'resolved',
    resolvedAt: at,
    resolvedBy: stamp(principal),
    resolution,
    updatedAt: at,
  };
  return change(before, next, 'problem.resolved', principal);
}

/** Opens a resolved problem again (resolved by mistake, or it came back), saying why. */
export async function reopenProblem(
  waveId: string,
  problemId: string,
  reason: string,
  principal: Principal | null,
  scope: Scope = regencyScope,
): Promise<Problem> {
  const before = await problemRecord(waveId, problemId, scope);
  if (before.status !== 'resolved') throw new Conflict(problemNotResolved);
  const { resolvedAt: _at, resolvedBy: _by, resolution: _how, ...rest } = before;
  const next: ProblemRecord = { ...rest, status: 'open', updatedAt: new Date().toISOString() };
  return change(before, next, 'problem.reopened', principal, reason);
}
