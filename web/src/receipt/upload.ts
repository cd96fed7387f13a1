/**
 * The signed BAST's photo or scan, sent through the public pages' upload (public/upload.ts): the
 * phone checks it and makes a large photo smaller, the server alone decides whether it counts.
 */
import { fill, h } from '../dom.ts';
import { call } from '../public/net.ts';
import { type DocumentInfo, TYPES, uploadDocument } from '../public/upload.ts';
import { t } from './texts.ts';

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
    const done = await uploadDocument(
      input.files?.[0],
      {
        ask: (body) => call('requestDocumentUpload', { params: { receiptCode: code }, body }),
        complete: (documentId) => call('completeDocumentUpload', { params: { receiptCode: code, documentId } }),
      },
      say,
    );
    if (!done) return;
    known.push(done);
    drawList();
    input.value = '';
    chosenName.textContent = '';
    say('ok', t('doc.verified'));
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
