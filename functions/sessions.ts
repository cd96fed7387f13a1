/** Sessions (sosialisasi) and their live attendance recap. */

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

export const handler = lambdaHandler('sessions', {
  listSessions: operation(contracts.listSessions, async ({ query }) =>
    ok(await listSessions(query.limit, query.cursor)),
  ),
  createSession: operation(contracts.createSession, async ({ body, principal }) => {
    const session = await createSession(body, principal);
    return created(session, `/sessions/${session.id}`);
  }),
  getSession: operation(contracts.getSession, async ({ params }) => ok(await getSession(params.sessionId))),
  updateSession: operation(contracts.updateSession, async ({ params, body, principal }) =>
    ok(await updateSession(params.sessionId, body, principal)),
  ),
  getAttendance: operation(contracts.getAttendance, async ({ params }) => ok(await getAttendance(params.sessionId))),
});
