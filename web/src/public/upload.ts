/**
 * The public pages' upload of one document (a signed BAST's photo, an SK Panitia): checked on the
 * phone (type, at most 10 MB), large photos made smaller first (a weak signal carries 600 KB far
 * sooner than 5 MB), then asked for, posted to the presigned storage address (its fields first,
 * the file last) and checked by the server, which alone decides whether it counts. The page says
 * where it is through `say`; each page names its own two routes.
 */
import type { ReplyBody, RequestBody } from '../operations.ts';
import type { Problem } from './net.ts';
import { t } from './upload-texts.ts';

/** The contract's limits (its values are zod, too heavy to bundle; the server checks again). */
const MAX_BYTES = 10 * 1024 * 1024;
export type DocumentType = RequestBody<'requestDocumentUpload'>['contentType'];
export const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'] satisfies DocumentType[];
/** Photos above this are redrawn as JPEG with the long side at most LONG_SIDE pixels. */
const SHRINK_ABOVE = 1_500_000;
const LONG_SIDE = 2400;

export type DocumentInfo = ReplyBody<'completeDocumentUpload'>;
type Answer<T> = { ok: true; body: T } | { ok: false; status: number; problem: Problem };

/** A page's two routes: ask for an upload, and ask for the stored file to be checked. */
export interface UploadRoutes {
  ask(body: RequestBody<'requestDocumentUpload'>): Promise<Answer<ReplyBody<'requestDocumentUpload', 201>>>;
  complete(documentId: string): Promise<Answer<DocumentInfo>>;
}

export type Say = (kind: 'ok' | 'error' | 'info', text: string) => void;

const isDocumentType = (type: string): type is DocumentType => TYPES.includes(type);

/** The file's type, by what the phone says or by its name; null when it is none of the three. */
function typeOf(file: File): DocumentType | null {
  if (isDocumentType(file.type)) return file.type;
  const name = file.name.toLowerCase();
  if (/\.jpe?g$/.test(name)) return 'image/jpeg';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.pdf')) return 'application/pdf';
  return null;
}

/** A phone photo redrawn smaller as JPEG; the original when that fails or saves nothing. */
async function shrink(file: File, type: DocumentType): Promise<{ file: File; type: DocumentType }> {
  if (!type.startsWith('image/') || file.size <= SHRINK_ABOVE || typeof createImageBitmap !== 'function') {
    return { file, type };
  }
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return { file, type };
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'berkas'}.jpg`;
    return { file: new File([blob], name, { type: 'image/jpeg' }), type: 'image/jpeg' };
  } catch {
    return { file, type };
  }
}

/** The API's limit is 120 characters; keep the end, where the extension is. */
function shortName(name: string): string {
  const clean = name.trim() || 'berkas';
  return clean.length <= 120 ? clean : clean.slice(-120);
}

/** Posts the form to storage with progress; answers the HTTP status, 0 when it did not get through. */
function postForm(url: string, form: FormData, progress: (percent: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) progress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve(request.status);
    request.onerror = () => resolve(0);
    request.onabort = () => resolve(0);
    request.send(form);
  });
}

/** What a refusal says: the field's message, else the problem's, else the status. */
function refusal(reply: { status: number; problem: Problem }): string {
  if (reply.status === 0) return t('doc.offline');
  const { problem } = reply;
  return problem.errors?.[0]?.message ?? problem.detail ?? problem.title ?? t('doc.failed', { status: reply.status });
}

/** Uploads one chosen file through the page's routes; answers the checked document, or null (said why). */
export async function uploadDocument(
  chosen: File | undefined,
  routes: UploadRoutes,
  say: Say,
): Promise<DocumentInfo | null> {
  const fail = (text: string) => {
    say('error', text);
    return null;
  };
  if (!chosen) return fail(t('doc.none'));
  const declared = typeOf(chosen);
  if (!declared) return fail(t('doc.badType'));
  say('info', t('doc.preparing'));
  const { file, type } = await shrink(chosen, declared);
  if (file.size === 0) return fail(t('doc.empty'));
  if (file.size > MAX_BYTES) return fail(t('doc.tooBig'));
  const fileName = shortName(file.name);
  const ticket = await routes.ask({ fileName, contentType: type, size: file.size });
  if (!ticket.ok) return fail(refusal(ticket));
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', file, fileName);
  say('info', t('doc.uploading', { percent: 0 }));
  const stored = await postForm(ticket.body.url, form, (percent) => say('info', t('doc.uploading', { percent })));
  if (stored === 0) return fail(navigator.onLine ? t('doc.failed', { status: 0 }) : t('doc.offline'));
  if (stored >= 300) return fail(t('doc.failed', { status: stored }));
  say('info', t('doc.checking'));
  const done = await routes.complete(ticket.body.documentId);
  return done.ok ? done.body : fail(refusal(done));
}
