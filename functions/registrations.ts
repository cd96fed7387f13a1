/** Registration, check-in and cancellation of participants, one by one (bulk imports: functions/imports.ts). */
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, noContent, ok } from '#shared/kernel/http/reply.ts';
import * as invitations from '#shared/sessions/invitation-contract.ts';
import * as contracts from '#shared/sessions/registration-contract.ts';
import { undoCheckIn, updateRegistration } from '#shared/sessions/use-cases/corrections.ts';
import { createInvitations, listInvitations, replaceCode } from '#shared/sessions/use-cases/invitations.ts';
import { checkInMany } from '#shared/sessions/use-cases/passes.ts';
import { cancelRegistration, checkIn, listRegistrations, register } from '#shared/sessions/use-cases/registrations.ts';

export const handler = lambdaHandler('registrations', {
  register: operation(contracts.register, async ({ params, body, principal }) => {
    const { registration, created: isNew } = await register(params.sessionId, body, principal);
    const location = `/sessions/${params.sessionId}/registrations/${registration.id}`;
    return isNew ? created(registration, location) : ok(registration, { location });
  }),
  listRegistrations: operation(contracts.listRegistrations, async ({ params, query, scope }) =>
    ok(await listRegistrations(params.sessionId, query.limit, query.cursor, scope)),
  ),
  checkIn: operation(contracts.checkIn, async ({ params, principal }) =>
    ok(await checkIn(params.sessionId, params.registrationId, principal)),
  ),
  updateRegistration: operation(contracts.updateRegistration, async ({ params, body, principal }) =>
    ok(await updateRegistration(params.sessionId, params.registrationId, body, principal)),
  ),
  undoCheckIn: operation(contracts.undoCheckIn, async ({ params, body, principal }) =>
    ok(await undoCheckIn(params.sessionId, params.registrationId, body.reason, principal)),
  ),
  cancelRegistration: operation(contracts.cancelRegistration, async ({ params, body, principal }) => {
    await cancelRegistration(params.sessionId, params.registrationId, principal, body.reason);
    return noContent();
  }),
  checkInMany: operation(invitations.checkInMany, async ({ params, body, principal, scope }) =>
    ok(await checkInMany(params.sessionId, body, principal, scope)),
  ),
  createInvitations: operation(invitations.createInvitations, async ({ params, principal }) =>
    ok(await createInvitations(params.sessionId, principal)),
  ),
  listInvitations: operation(invitations.listInvitations, async ({ params }) =>
    ok(await listInvitations(params.sessionId)),
  ),
  replaceInvitationCode: operation(invitations.replaceInvitationCode, async ({ params, body, principal }) =>
    ok(await replaceCode(params.sessionId, params.invitationId, body.reason, principal)),
  ),
});
