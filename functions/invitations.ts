/** What a unit's invitation code and a person's pass open (no account: the code is the credential). */
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/sessions/invitation-contract.ts';
import { certificateView } from '#shared/sessions/use-cases/certificates.ts';
import { attachSkByInvitation, openInvitation, registerByInvitation } from '#shared/sessions/use-cases/invitations.ts';
import { passView } from '#shared/sessions/use-cases/passes.ts';

export const handler = lambdaHandler('invitations', {
  getInvitation: operation(contracts.getInvitation, async ({ params, sourceIp }) =>
    ok(await openInvitation(params.code, sourceIp)),
  ),
  registerByInvitation: operation(contracts.registerByInvitation, async ({ params, body, sourceIp }) => {
    const { registration, created: isNew } = await registerByInvitation(params.code, body, sourceIp);
    return isNew ? created(registration, `/passes/${registration.pass?.token ?? ''}`) : ok(registration);
  }),
  attachSkByInvitation: operation(contracts.attachSkByInvitation, async ({ params, body, sourceIp }) =>
    ok(await attachSkByInvitation(params.code, params.registrationId, body.skDocumentId, sourceIp)),
  ),
  getPass: operation(contracts.getPass, async ({ params, sourceIp }) => ok(await passView(params.token, sourceIp))),
  getCertificate: operation(contracts.getCertificate, async ({ params, sourceIp }) =>
    ok(await certificateView(params.code, sourceIp)),
  ),
});
