/** Waves (gelombang): their desa and schedule, the readiness board, the chase list and problems. */
import { publicUrl } from '#shared/kernel/config.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, noContent, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/waves/contract.ts';
import { getFollowUps } from '#shared/waves/use-cases/follow-ups.ts';
import * as problems from '#shared/waves/use-cases/problems.ts';
import { getReadiness, readinessHistory } from '#shared/waves/use-cases/readiness.ts';
import * as waves from '#shared/waves/use-cases/waves.ts';

export const handler = lambdaHandler('waves', {
  listWaves: operation(contracts.listWaves, async ({ scope }) => ok(await waves.listWaves(scope))),
  createWave: operation(contracts.createWave, async ({ body, principal }) => {
    const wave = await waves.createWave(body, principal);
    return created(wave, `/waves/${wave.id}`);
  }),
  getWave: operation(contracts.getWave, async ({ params, scope }) => ok(await waves.getWave(params.waveId, scope))),
  updateWave: operation(contracts.updateWave, async ({ params, body, principal }) =>
    ok(await waves.updateWave(params.waveId, body, principal)),
  ),
  deleteWave: operation(contracts.deleteWave, async ({ params, body, principal }) => {
    await waves.deleteWave(params.waveId, body.reason, principal);
    return noContent();
  }),
  putStages: operation(contracts.putStages, async ({ params, body, principal }) =>
    ok(await waves.putStages(params.waveId, body, principal)),
  ),
  getReadiness: operation(contracts.getReadiness, async ({ params, query, lang, scope }) =>
    ok(await getReadiness(params.waveId, query.date, lang, scope)),
  ),
  getReadinessHistory: operation(contracts.getReadinessHistory, async ({ params }) =>
    ok(await readinessHistory(params.waveId)),
  ),
  getFollowUps: operation(contracts.getFollowUps, async ({ params, query, lang, scope }) =>
    ok(await getFollowUps(params.waveId, query.date, lang, publicUrl(), scope)),
  ),
  listProblems: operation(contracts.listProblems, async ({ params, query, scope }) =>
    ok(await problems.listProblems(params.waveId, query, scope)),
  ),
  addProblem: operation(contracts.addProblem, async ({ params, body, principal }) => {
    const problem = await problems.addProblem(params.waveId, body, principal);
    return created(problem, `/waves/${params.waveId}/problems/${problem.id}`);
  }),
  updateProblem: operation(contracts.updateProblem, async ({ params, body, principal, scope }) =>
    ok(await problems.updateProblem(params.waveId, params.problemId, body, principal, scope)),
  ),
  resolveProblem: operation(contracts.resolveProblem, async ({ params, body, principal, scope }) =>
    ok(await problems.resolveProblem(params.waveId, params.problemId, body.resolution, principal, scope)),
  ),
  reopenProblem: operation(contracts.reopenProblem, async ({ params, body, principal, scope }) =>
    ok(await problems.reopenProblem(params.waveId, params.problemId, body.reason, principal, scope)),
  ),
});
