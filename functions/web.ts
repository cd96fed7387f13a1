/** The pages: organizer app, assets, and the public configuration they start from. */
import { authConfig, regencyConfig, uploadOrigin } from '#shared/kernel/config.ts';
import { preferredEncoding } from '#shared/kernel/http/compression.ts';
import { type HttpEvent, header } from '#shared/kernel/http/event.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { ok, type Reply } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/pages/contract.ts';
import { staticFile } from '#shared/pages/static-files.ts';

const { name, slug } = regencyConfig();
const regency = { name, slug };
const auth = authConfig();

// Pages talk to this API, to the documents bucket for uploads and to Cognito to renew a sign-in;
// to nothing else. The one worker (the pass page's, kept offline) comes from this origin only.
const connect = ["'self'", uploadOrigin(), auth.mode === 'cognito' ? new URL(auth.cognitoDomain ?? '').origin : '']
  .filter(Boolean)
  .join(' ');
const CONTENT_SECURITY_POLICY = `default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src ${connect}; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

/** A built file, in the precompressed form the browser takes when there is one. */
const acceptEncodingOf = (event: HttpEvent) => header(event, 'accept-encoding');

async function serve(name: string, acceptEncoding: string | undefined): Promise<Reply> {
  const { bytes, contentType, immutable, compressed } = await staticFile(name);
  const encoding = preferredEncoding(acceptEncoding);
  const encoded = encoding ? compressed[encoding] : undefined;
  const headers: Record<string, string> = {
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    ...(Object.keys(compressed).length > 0 ? { vary: 'accept-encoding' } : {}),
  };
  if (encoding && encoded)
    return { status: 200, file: encoded, contentType, headers: { ...headers, 'content-encoding': encoding } };
  const isText = contentType.startsWith('text/') || contentType.includes('json') || contentType.includes('svg');
  return isText
    ? { status: 200, text: bytes.toString('utf8'), contentType, headers }
    : { status: 200, file: bytes, contentType, headers };
}

export const handler = lambdaHandler('web', {
  getConfig: operation(contracts.getConfig, async () =>
    ok({ regency, auth: { mode: auth.mode, cognitoDomain: auth.cognitoDomain, clientId: auth.clientId } }),
  ),
  getAppPage: operation(contracts.getAppPage, async ({ event }) => serve('index.html', acceptEncodingOf(event))),
  getAsset: operation(contracts.getAsset, async ({ params, event }) => serve(params.file, acceptEncodingOf(event))),
  // The code stays in the address; the page reads it from there. Unknown codes are found out by the API.
  getReceiptPage: operation(contracts.getReceiptPage, async ({ event }) =>
    serve('terima.html', acceptEncodingOf(event)),
  ),
  // Likewise a unit's invitation, a person's pass and a certificate: the page reads the code or
  // the token from the address and asks the API, which alone knows whether it is valid.
  getInvitationPage: operation(contracts.getInvitationPage, async ({ event }) =>
    serve('daftar.html', acceptEncodingOf(event)),
  ),
  getPassPage: operation(contracts.getPassPage, async ({ event }) => serve('hadir.html', acceptEncodingOf(event))),
  // Under a fixed name, so `no-cache`: the phone checks for a new build each time it opens a pass.
  getPassWorker: operation(contracts.getPassWorker, async ({ event }) => serve('pass-sw.js', acceptEncodingOf(event))),
  getCertificatePage: operation(contracts.getCertificatePage, async ({ event }) =>
    serve('sertifikat.html', acceptEncodingOf(event)),
  ),
});
