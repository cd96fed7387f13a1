/** Sessions: the list (newest first, paged) and the form that creates one for every desa. */
import { allowed, call } from '../api.ts';
import { h } from '../dom.ts';
import { field, notice, onSubmit, showProblem, withFieldMessage } from '../forms.ts';
import { formatDate } from '../lang.ts';
import type { RequestBody } from '../operations.ts';
import { heading, type Page } from '../page.ts';
import { loadRegions } from '../regions/lookup.ts';
import type { SessionSummary } from '../types.ts';
import { t } from './texts.ts';

function card(session: SessionSummary): HTMLLIElement {
  return h(
    'li',
    null,
    h(
      'a',
      { class: 'card link', href: `#/sesi/${session.id}` },
      h('strong', { class: 'card-title' }, session.title),
      h('span', { class: 'meta' }, `${formatDate(session.date)} · ${session.venue}`),
      session.capacity ? h('span', { class: 'meta' }, t('sessions.capacity', { n: session.capacity })) : null,
    ),
  );
}

export const sessionsPage: Page = async ({ view, left, user }) => {
  const list = h('ul', { class: 'cards' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.more'));
  const listNotice = h('div', { hidden: true });
  let cursor: string | null = null;

  const loadPage = async () => {
    more.disabled = true;
    try {
      const { body: page } = await call('listSessions', { query: { cursor: cursor ?? undefined } });
      if (left()) return;
      list.append(...page.items.map(card));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (list.childElementCount === 0) {
        notice(listNotice, 'info', t(allowed(user, 'createSession') ? 'sessions.empty' : 'sessions.emptyReadOnly'));
      }
    } catch (error) {
      showProblem(list, listNotice, error);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', loadPage);

  const title = h('input', { type: 'text', maxlength: 150, required: true, autocomplete: 'off' });
  const date = h('input', { type: 'date', required: true });
  // A browser without a date picker shows a text box: then the format is the one to type.
  const dateHint = date.type === 'date' ? undefined : t('sessions.field.date.hint');
  const venue = h('input', { type: 'text', maxlength: 200, required: true, autocomplete: 'off' });
  const capacity = h('input', { type: 'number', inputmode: 'numeric', min: 1, max: 3000, step: 1 });
  const scope = h('p', { class: 'hint' });
  const formNotice = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('sessions.create'));
  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    heading(t('sessions.new'), 'h2'),
    field('title', t('sessions.field.title'), title),
    field('date', t('sessions.field.date'), date, dateHint),
    field('venue', t('sessions.field.venue'), venue),
    field('capacity', `${t('sessions.field.capacity')} (${t('common.optional')})`, capacity),
    scope,
    formNotice,
    submit,
  );
  onSubmit(form, submit, formNotice, async () => {
    const body: RequestBody<'createSession'> = { title: title.value, date: date.value, venue: venue.value };
    if (capacity.value.trim()) body.capacity = Number(capacity.value);
    try {
      const created = await call('createSession', { body });
      location.hash = `#/sesi/${created.body.id}`;
    } catch (error) {
      // The API asks for "TTTT-BB-HH", which is not what a date picker shows: an empty picker
      // gets the page's words.
      throw dateHint || date.value ? error : withFieldMessage(error, 'date', t('sessions.field.date.empty'));
    }
  });

  // A kecamatan account opens the DPMD's sessions for its desa; it does not create them.
  if (!allowed(user, 'createSession')) {
    view.append(heading(t('sessions.title')), listNotice, list, more);
    await loadPage();
    return undefined;
  }
  view.append(heading(t('sessions.title')), listNotice, list, more, form);
  loadRegions()
    .then((regions) => {
      scope.textContent = t('sessions.allVillages', {
        villages: regions.villages.length,
        kecamatan: regions.kecamatan.length,
      });
    })
    .catch(() => undefined);
  await loadPage();
  return undefined;
};
