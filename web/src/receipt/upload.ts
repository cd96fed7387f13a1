/**
 * The signed BAST's photo or scan: checked on the phone (type, at most 10 MB), large photos made
 * smaller first (a weak signal carries 600 KB far sooner than 5 MB), then asked for, posted to the
 * presigned storage address (its fields first, the file last) and checked by the server, which
 * alone decides whether it counts.
 */
import { fill, h } from '../dom.ts';
import type { ReplyBody, RequestBody } from '../operations.ts';
import { call } from '../public/net.ts';
import { t } from './texts.ts';

/** The contract's limits (its values are zod, too heavy to bundle; the server checks again). */
const MAX_BYTES = 10 * 1024 * 1024;
type DocumentType = RequestBody<'requestDocumentUpload'>['contentType'];
const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'] satisfies DocumentType[];
/** Photos above this are redrawn as JPEG with the long side at most LONG_SIDE pixels. */
const SHRINK_ABOVE = 1_500_000;
const LONG_SIDE = 2400;

type DocumentInfo = ReplyBody<'completeDocumentUpload'>;

const isDocumentType = (type: string): type is DocumentType => TYPES.includes(type);

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
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'bast'}.jpg`;
    return { file: new File([blob], name, { type: 'image/jpeg' }), type: 'image/jpeg' };
  } catch {
    return { file, type };
  }
}

/** The API's limit is 120 characters; keep the end, where the extension is. */
function shortName(name: string): string {
  const clean = name.trim() || 'bast';
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

function stateOf(document: DocumentInfo): string {
  if (document.status === 'verified') return t('doc.verifiedState');
  if (document.status === 'rejected') return t('doc.rejectedState');
  return t('doc.pendingState');
}

/** The upload section; `documents` are those the server already knows. */
export function uploadSection(code: string, documents: DocumentInfo[]): HTMLElement {
  const known = [...documents];
  const list = h('ul', { class: 'docs' });
  const drawList = () => {
    fill(
      list,
      known.map((each) =>
        h(
          'li',
          { class: each.status },
          h('span', { class: 'doc-name' }, each.fileName),
          h('span', null, stateOf(each)),
        ),
      ),
    );
    list.hidden = known.length === 0;
  };
  const input = h('input', {
    type: 'file',
    id: 'bast-file',
    name: 'file',
    accept: TYPES.join(','),
    'aria-describedby': 'bast-hint bast-status',
  });
  const chosenName = h('p', { class: 'chosen meta', 'aria-live': 'polite' });
  input.addEventListener('change', () => {
    chosenName.textContent = input.files?.[0]?.name ?? '';
  });
  const status = h('div', { id: 'bast-status', class: 'notice', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, t('doc.send'));
  const say = (kind: 'ok' | 'error' | 'info', text: string) => {
    status.className = `notice ${kind}`;
    status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    status.hidden = false;
    status.textContent = text;
  };

  const send = async () => {
    const chosen = input.files?.[0];
    if (!chosen) return say('error', t('doc.none'));
    const declared = typeOf(chosen);
    if (!declared) return say('error', t('doc.badType'));
    say('info', t('doc.preparing'));
    const { file, type } = await shrink(chosen, declared);
    if (file.size === 0) return say('error', t('doc.empty'));
    if (file.size > MAX_BYTES) return say('error', t('doc.tooBig'));
    const fileName = shortName(file.name);
    const ticket = await call('requestDocumentUpload', {
      params: { receiptCode: code },
      body: { fileName, contentType: type, size: file.size },
    });
    if (!ticket.ok) {
      if (ticket.status === 0) return say('error', t('doc.offline'));
      const message = ticket.problem.errors?.[0]?.message ?? ticket.problem.detail ?? ticket.problem.title;
      return say('error', message ?? t('doc.failed', { status: ticket.status }));
    }
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
    form.append('file', file, fileName);
    say('info', t('doc.uploading', { percent: 0 }));
    const stored = await postForm(ticket.body.url, form, (percent) => say('info', t('doc.uploading', { percent })));
    if (stored === 0) return say('error', navigator.onLine ? t('doc.failed', { status: 0 }) : t('doc.offline'));
    if (stored >= 300) return say('error', t('doc.failed', { status: stored }));
    say('info', t('doc.checking'));
    const done = await call('completeDocumentUpload', {
      params: { receiptCode: code, documentId: ticket.body.documentId },
    });
    if (!done.ok) {
      if (done.status === 0) return say('error', t('doc.offline'));
      const message = done.problem.errors?.[0]?.message ?? done.problem.detail ?? done.problem.title;
      return say('error', message ?? t('doc.failed', { status: done.status }));
    }
    known.push(done.body);
    drawList();
    input.value = '';
    chosenName.textContent = '';
    return say('ok', t('doc.verified'));
  };

  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('doc.title')),
    h('p', { id: 'bast-hint', class: 'hint' }, t('doc.intro')),
    list,
    h(
      'div',
      { class: 'field' },
      input,
      h('label', { for: 'bast-file', class: 'picker' }, h('span', { 'aria-hidden': 'true' }, '📷 '), t('doc.file')),
      chosenName,
    ),
    status,
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    send().finally(() => {
      button.disabled = false;
      status.scrollIntoView({ block: 'nearest' });
    });
  });
  drawList();
  return form;
}
