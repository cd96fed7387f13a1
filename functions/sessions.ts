/** Sessions (sosialisasi) and their live attendance recap; a session may serve a wave. */

import { ValidationFailed } from '#shared/kernel/errors.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/sessions/contract.ts';
import {
  createSession,
  getAttendance,
  getSession,
  listSessions,
  updateSession,
} from '#shared/sessions/use-cases/sessions.ts';
import { waveNotFoundField } from '#shared/waves/messages.ts';
import { findWave } from '#shared/waves/use-cases/waves.ts';

/** The wave a session names, or a field message when there is none. */
async function waveOf(waveId: string) {
  const wave = await findWave(waveId);
  if (!wave) throw new ValidationFailed([{ field: 'waveId', key: waveNotFoundField }]);
  return wave;
}

export const handler = lambdaHandler('sessions', {
  listSessions: operation(contracts.listSessions, async ({ query }) =>
    ok(await listSessions(query.limit, query.cursor)),
  ),
  createSession: operation(contracts.createSession, async ({ body, principal }) => {
    // A session of a wave expects the wave's desa unless it names its own.
    const wave = body.waveId ? await waveOf(body.waveId) : undefined;
    const session = await createSession({ ...body, villageCodes: body.villageCodes ?? wave?.villageCodes }, principal);
    return created(session, `/sessions/${session.id}`);
  }),
  getSession: operation(contracts.getSession, async ({ params, scope }) =>
    ok(await getSession(params.sessionId, scope)),
  ),
  updateSession: operation(contracts.updateSession, async ({ params, body, principal }) => {
    if (body.waveId) await waveOf(body.waveId);
    return ok(await updateSession(params.sessionId, body, principal));
  }),
  getAttendance: operation(contracts.getAttendance, async ({ params, scope }) =>
    ok(await getAttendance(params.sessionId, scope)),
  ),
});
