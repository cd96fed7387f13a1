/**
 * The session's invitations (Undangan): one per expected desa and kecamatan, made with one press;
 * each with its status (Baru, Dibuka, Dipakai), how many registered through it, its link to copy
 * or send by WhatsApp, and "Ganti kode" for a lost or leaked link, after a confirmation that says
 * the old link stops working and asks why. The letters (one page per unit with its QR) download
 * as one PDF.
 */
import { ApiError, call } from '../api.ts';
import { fill, h, nextId, searchKey } from '../dom.ts';
import { pdfButton } from '../exports.ts';
import { notice } from '../forms.ts';
import { num } from '../lang.ts';
import type { ItemOf, ReplyBody } from '../operations.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

type Listed = ItemOf<'listInvitations'>;
type Renewed = ReplyBody<'replaceInvitationCode'>;

/** Rows drawn at once; the search narrows 101 units down to the one asked about. */
const MAX_ROWS = 120;

export const invitationsPage: SessionPage = async ({ view, session, left }) => {
  let items: Listed[] = [];
  const notices = h('div', { hidden: true });
  const summary = h('p', { class: 'meta invitations-summary', 'aria-live': 'polite' });
  const list = h('ul', { class: 'invitations' });
  const filter = h('input', {
    type: 'search',
    id: 'invitations-filter',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  const create = h('button', { type: 'button', class: 'primary' }, t('invitations.create'));

  const unitOf = (item: Pick<Listed, 'unit'>) =>
    t(item.unit.kind === 'village' ? 'unit.village' : 'unit.kecamatan', { name: item.unit.name });

  const copy = async (item: Listed, said: HTMLElement) => {
    try {
      await navigator.clipboard.writeText(item.url);
      said.textContent = t('invitations.copied');
      said.className = 'copied ok';
    } catch {
      said.textContent = t('invitations.copyFailed');
      said.className = 'copied error';
    }
    said.hidden = false;
  };

  /** The confirmation of a code's replacement, drawn under its row. */
  const replaceBox = (item: Listed, slot: HTMLElement, done: (renewed: Renewed) => void) => {
    const unit = unitOf(item);
    const reasonId = nextId('reason');
    const reason = h('input', {
      type: 'text',
      id: reasonId,
      maxlength: 300,
      required: true,
      'aria-describedby': `${reasonId}-hint ${reasonId}-error`,
    });
    const error = h('p', { class: 'error', id: `${reasonId}-error`, hidden: true });
    const confirm = h('button', { type: 'submit', class: 'primary danger' }, t('invitations.replace'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
    const legendId = nextId('replace');
    const form = h(
      'form',
      { class: 'replace-code', role: 'group', 'aria-labelledby': legendId, novalidate: true },
      h('h3', { id: legendId }, t('invitations.replaceLabel', { unit })),
      h('div', { class: 'notice warn' }, t('invitations.replace.warning', { unit })),
      h(
        'div',
        { class: 'field' },
        h(
          'div',
          { class: 'label-line' },
          h('label', { for: reasonId }, t('invitations.replace.reason')),
          h('span', { class: 'required-mark' }, t('form.required')),
        ),
        h('p', { class: 'hint', id: `${reasonId}-hint` }, t('invitations.replace.reasonHint')),
        reason,
        error,
      ),
      h('div', { class: 'button-row' }, confirm, cancel),
    );
    cancel.addEventListener('click', () => fill(slot));
    reason.addEventListener('input', () => {
      error.hidden = true;
      reason.removeAttribute('aria-invalid');
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (confirm.disabled) return;
      const why = reason.value.trim();
      if (!why) {
        error.textContent = t('correct.reason.needed');
        error.hidden = false;
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      confirm.disabled = true;
      try {
        const { body } = await call('replaceInvitationCode', {
          params: { sessionId: session.id, invitationId: item.id },
          body: { reason: why },
        });
        done(body);
      } catch (failure) {
        const fieldMessage = failure instanceof ApiError ? failure.errors[0]?.message : undefined;
        error.textContent = fieldMessage ?? (failure instanceof Error ? failure.message : t('error.network'));
        error.hidden = false;
      } finally {
        confirm.disabled = false;
      }
    });
    fill(slot, form);
    reason.focus();
  };

  const row = (item: Listed): HTMLElement => {
    const unit = unitOf(item);
    const said = h('p', { class: 'copied', role: 'status', hidden: true });
    const slot = h('div', { class: 'replace-slot' });
    const copyButton = h(
      'button',
      { type: 'button', class: 'secondary small', 'aria-label': t('invitations.copyLabel', { unit }) },
      t('invitations.copy'),
    );
    copyButton.addEventListener('click', () => void copy(item, said));
    const replaceButton = h(
      'button',
      { type: 'button', class: 'link-button', 'aria-label': t('invitations.replaceLabel', { unit }) },
      t('invitations.replace'),
    );
    replaceButton.addEventListener('click', () =>
      replaceBox(item, slot, (renewed) => {
        items = items.map((each) => (each.id === item.id ? { ...each, ...renewed } : each));
        draw();
        notice(notices, 'ok', t('invitations.replace.done', { unit }));
        notices.scrollIntoView({ block: 'nearest' });
      }),
    );
    return h(
      'li',
      { class: 'invitation' },
      h(
        'div',
        { class: 'invitation-head' },
        h('strong', null, unit),
        h('span', { class: `badge ${item.status}` }, t(`invitations.status.${item.status}`)),
        h('span', { class: 'meta' }, t('invitations.registered', { n: num(item.registered) })),
      ),
      h('a', { class: 'invitation-link', href: item.url, target: '_blank', rel: 'noopener' }, item.url),
      h(
        'div',
        { class: 'button-row' },
        copyButton,
        h(
          'a',
          {
            class: 'button secondary small whatsapp',
            href: item.whatsappUrl,
            target: '_blank',
            rel: 'noopener',
            'aria-label': t('invitations.whatsappLabel', { unit }),
          },
          t('invitations.whatsapp'),
        ),
        replaceButton,
      ),
      said,
      slot,
    );
  };

  function draw(): void {
    const words = searchKey(filter.value).split(' ').filter(Boolean);
    const found = words.length
      ? items.filter((each) => words.every((word) => searchKey(unitOf(each)).includes(word)))
      : items;
    fill(list, found.slice(0, MAX_ROWS).map(row));
    const count = (status: Listed['status']) => num(items.filter((each) => each.status === status).length);
    summary.textContent =
      items.length === 0
        ? t('invitations.none')
        : `${t('invitations.count', { n: items.length })} · ${t('invitations.summary', {
            used: count('USED'),
            opened: count('OPENED'),
            fresh: count('NEW'),
          })}`;
  }

  const load = async () => {
    const { body } = await call('listInvitations', { params: { sessionId: session.id } });
    if (left()) return;
    items = body.items;
    draw();
  };

  create.addEventListener('click', async () => {
    if (create.disabled) return;
    create.disabled = true;
    create.textContent = t('invitations.creating');
    notices.hidden = true;
    try {
      await call('createInvitations', { params: { sessionId: session.id } });
      await load();
      notice(notices, 'ok', t('invitations.created'));
    } catch (error) {
      notice(notices, 'error', t('invitations.failed', { reason: error instanceof Error ? error.message : '' }));
    } finally {
      create.disabled = false;
      create.textContent = t('invitations.create');
    }
  });
  filter.addEventListener('input', draw);

  view.append(
    h(
      'section',
      { class: 'invitations-page' },
      h('h2', null, t('invitations.title')),
      h('p', { class: 'meta' }, t('invitations.intro')),
      h(
        'div',
        { class: 'button-row' },
        create,
        pdfButton({
          operationId: 'exportInvitationLetters',
          sessionId: session.id,
          label: t('invitations.letters'),
          fallbackName: `surat-undangan-${session.date}`,
          failed: (reason) => t('invitations.failed', { reason }),
          notices,
        }),
      ),
      notices,
      summary,
      h('div', { class: 'field search' }, h('label', { for: 'invitations-filter' }, t('invitations.filter')), filter),
      list,
    ),
  );
  await load();
  return undefined;
};
