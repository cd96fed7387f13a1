/**
 * The public pages' requests (a village's receipt, a unit's invitation, a pass, a certificate): JSON in and out, in the page language, and never an exception for
 * a refusal or a missing signal. Status 0 means the request did not get through (offline, no
 * signal, or the connection dropped before an answer came back).
 *
 * A call names its operationId and is typed from its contract, like the organizer pages' client;
 * but the phone carries only the public code routes, not the whole route table (bytes on a weak
 * signal), and tsc checks each against that table.
 */
import type { routes } from '#shared/routes.ts';
import { lang } from '../lang.ts';
import {
  type Reply as Answer,
  address,
  type LooseRequest,
  type Problem,
  type RequestArgs,
  type RouteKeyOf,
} from '../operations.ts';

export type { Problem };

/** What the public pages may call: the routes whose code or token in the path is the credential. */
type PublicOperation = Extract<
  (typeof routes)[number],
  { access: 'public'; group: 'receipts' | 'documents' | 'invitations' }
>['operationId'];

const ROUTES = {
  getReceipt: 'GET /receipts/{receiptCode}',
  confirmReceipt: 'POST /receipts/{receiptCode}',
  requestDocumentUpload: 'POST /receipts/{receiptCode}/documents',
  completeDocumentUpload: 'POST /receipts/{receiptCode}/documents/{documentId}/complete',
  getInvitation: 'GET /invitations/{code}',
  registerByInvitation: 'POST /invitations/{code}/registrations',
  attachSkByInvitation: 'PUT /invitations/{code}/registrations/{registrationId}/sk',
  requestInvitationDocumentUpload: 'POST /invitations/{code}/documents',
  completeInvitationDocumentUpload: 'POST /invitations/{code}/documents/{documentId}/complete',
  getPass: 'GET /passes/{token}',
  getCertificate: 'GET /certificates/{code}',
} as const satisfies { [Op in PublicOperation]: RouteKeyOf<Op> };

export type Reply<Op extends PublicOperation> =
  | ({ ok: true } & Answer<Op>)
  | { ok: false; status: number; problem: Problem };

/** Sends one request; answers what came back, or status 0 when nothing did. */
export async function call<Op extends PublicOperation>(
  operationId: Op,
  ...[request]: RequestArgs<Op>
): Promise<Reply<Op>> {
  if (!navigator.onLine) return { ok: false, status: 0, problem: {} };
  const [method, path] = ROUTES[operationId].split(' ') as [string, string];
  const loose: LooseRequest = request ?? {};
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() };
  if (loose.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(address(path, loose), {
      method,
      headers,
      body: loose.body === undefined ? undefined : JSON.stringify(loose.body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, problem: {} };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A reply cut short on a weak signal is a reply that did not arrive.
    if (response.ok) return { ok: false, status: 0, problem: {} };
  }
  // The reply is the API's, shaped by the same contract the types come from.
  if (response.ok) return { ok: true, status: response.status, body: json } as Reply<Op>;
  return { ok: false, status: response.status, problem: (json ?? {}) as Problem };
}
