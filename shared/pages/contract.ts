import * as z from 'zod/mini';
import { CODE } from '#shared/kernel/codes.ts';
import { contract } from '#shared/kernel/http/contract.ts';
import { PASS_TOKEN } from '#shared/sessions/rules/pass.ts';

export const PublicConfig = z.object({
  regency: z.object({ name: z.string(), slug: z.string() }),
  auth: z.object({
    mode: z.enum(['local', 'cognito']),
    cognitoDomain: z.optional(z.string()),
    clientId: z.optional(z.string()),
  }),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const getConfig = contract({
  summary: 'What the pages need to know: the regency and how to sign in',
  tag: 'Pages',
  replies: { 200: { description: 'Public configuration', schema: PublicConfig } },
});

export const getAppPage = contract({
  summary: 'The organizer pages',
  tag: 'Pages',
  replies: { 200: { description: 'HTML', contentType: 'text/html' } },
});

export const getAsset = contract({
  summary: 'A script, style sheet or icon of the pages',
  tag: 'Pages',
  params: z.strictObject({ file: z.string().check(z.regex(/^[\w.-]{1,100}$/)) }),
  replies: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
});

export const getReceiptPage = contract({
  summary: 'The page a village opens from the QR code or WhatsApp link to confirm a delivery',
  tag: 'Pages',
  params: z.strictObject({ receiptCode: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)) }),
  replies: { 200: { description: 'HTML', contentType: 'text/html' } },
});

export const getInvitationPage = contract({
  summary: 'The page a desa or kecamatan opens from its invitation link to register its people',
  tag: 'Pages',
  params: z.strictObject({ code: z.string().check(z.regex(CODE)) }),
  replies: { 200: { description: 'HTML', contentType: 'text/html' } },
});

export const getPassPage = contract({
  summary: 'A person’s pass: the QR to show at the door, kept on the phone',
  tag: 'Pages',
  params: z.strictObject({ token: z.string().check(z.regex(PASS_TOKEN)) }),
  replies: { 200: { description: 'HTML', contentType: 'text/html' } },
});

export const getPassWorker = contract({
  summary: 'The pass page’s service worker: keeps the page on the phone so a pass opened once opens without a signal',
  tag: 'Pages',
  replies: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
});

export const getCertificatePage = contract({
  summary: 'The page a certificate’s QR opens: whose certificate it is',
  tag: 'Pages',
  params: z.strictObject({ code: z.string().check(z.regex(CODE)) }),
  replies: { 200: { description: 'HTML', contentType: 'text/html' } },
});

export const getOpenApi = contract({
  summary: 'This API described as OpenAPI 3.1, generated from the route table and the schemas',
  tag: 'Documentation',
  replies: { 200: { description: 'The OpenAPI document', contentType: 'application/json' } },
});
