/**
 * What the invitation page keeps on the phone (public/store.ts): the invitation as last read (so
 * a reload without signal still shows the form), the draft, the registration waiting for a
 * signal, and the passes made on this phone. Resending the same registration is harmless: the
 * API answers the same person with 200 and the same pass.
 */
import type { ReplyBody, RequestBody } from '../operations.ts';
import { forget, isRecord, keep, loadKept, textOf } from '../public/store.ts';

export type InvitationView = ReplyBody<'getInvitation'>;
export type Body = RequestBody<'registerByInvitation'>;

export interface Draft {
  role: string;
  fullName: string;
  phone: string;
  /** The SK Panitia already uploaded and checked, to be named by the registration. */
  skDocumentId: string;
  skFileName: string;
}

export interface KeptPass {
  fullName: string;
  role: string;
  url: string;
}

const key = (what: string, code: string) => `siap.daftar.${what}.${code}`;

const isView = (value: unknown): value is { savedAt: string; view: InvitationView } =>
  isRecord(value) && isRecord(value.view) && Array.isArray(value.view.roles) && isRecord(value.view.session);
const isBody = (value: unknown): value is Body =>
  isRecord(value) && typeof value.fullName === 'string' && typeof value.phone === 'string';
const isPasses = (value: unknown): value is KeptPass[] =>
  Array.isArray(value) && value.every((each) => isRecord(each) && typeof each.url === 'string');

export const loadView = (code: string) => loadKept(key('view', code), isView);
export const keepView = (code: string, view: InvitationView) =>
  keep(key('view', code), { savedAt: new Date().toISOString(), view });

export function loadDraft(code: string): Draft | null {
  const kept = loadKept(key('draft', code), isRecord);
  if (!kept) return null;
  return {
    role: textOf(kept.role),
    fullName: textOf(kept.fullName),
    phone: textOf(kept.phone),
    skDocumentId: textOf(kept.skDocumentId),
    skFileName: textOf(kept.skFileName),
  };
}
export const keepDraft = (code: string, draft: Draft) => keep(key('draft', code), draft);
export const forgetDraft = (code: string) => forget(key('draft', code));

export const loadPending = (code: string) => loadKept(key('send', code), isBody);
export const keepPending = (code: string, body: Body) => keep(key('send', code), body);
export const forgetPending = (code: string) => forget(key('send', code));

export const loadPasses = (code: string) => loadKept(key('passes', code), isPasses) ?? [];
export function keepPass(code: string, pass: KeptPass): void {
  keep(key('passes', code), [...loadPasses(code).filter((each) => each.url !== pass.url), pass]);
}

/** Forgets everything kept for a code that stopped working. */
export function forgetAll(code: string): void {
  for (const what of ['view', 'draft', 'send']) forget(key(what, code));
}
