/**
 * The documents bucket's layout: each upload under its holder's folder (`shipments/<id>/…`,
 * `invitations/<id>/…`), and each verified copy under `verified/`, a folder no presigned POST
 * names. The functions' grants are limited to these folders (infra/constructs/siap-function.ts).
 */
export const folders = { shipments: 'shipments', invitations: 'invitations', verified: 'verified' } as const;
