/** People: the regency's accounts, their groups and kecamatan (admins only; every change audited). */
import { userActor } from '#shared/kernel/caller.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/people/contract.ts';
import { inviteUser, listUsers, resendInvitation, resetMfa, updateUser } from '#shared/people/use-cases.ts';

export const handler = lambdaHandler('users', {
  listUsers: operation(contracts.listUsers, async () => ok(await listUsers())),
  inviteUser: operation(contracts.inviteUser, async ({ body, principal }) => {
    const user = await inviteUser(body, userActor(principal));
    return created(user, `/users/${user.id}`);
  }),
  updateUser: operation(contracts.updateUser, async ({ params, body, principal }) =>
    // Admin routes always carry a principal (the kernel refused the request otherwise).
    ok(await updateUser(params.userId, body, principal as NonNullable<typeof principal>, userActor(principal))),
  ),
  resendInvitation: operation(contracts.resendInvitation, async ({ params, principal }) =>
    ok(await resendInvitation(params.userId, userActor(principal))),
  ),
  resetMfa: operation(contracts.resetMfa, async ({ params, body, principal }) =>
    ok(await resetMfa(params.userId, body.reason, principal as NonNullable<typeof principal>, userActor(principal))),
  ),
});
