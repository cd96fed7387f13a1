/**
 * Editing a session from its page: title, date, venue, capacity and the desa it expects (chosen
 * per kecamatan), with a reason kept in the audit trail. The API keeps the session within its
 * registrations: a capacity below those registered, or a desa left out that has registrations, is
 * refused, and the page shows the refusal at that field.
 */
import { ApiError, call } from '../api.ts';
import { h } from '../dom.ts';
import { clearErrors, field, notice, showProblem, withFieldMessage } from '../forms.ts';
import type { RequestBody } from '../operations.ts';
import type { RegionIndex } from '../regions/lookup.ts';
import type { Session } from '../types.ts';
import { t } from './texts.ts';

export interface SessionEditOptions {
  session: Session;
  regions: RegionIndex;
  saved: (session: Session) => void;
  close: () => void;
}

/** Desa checkboxes per kecamatan (code order, as the Wilayah list), each group with "all of it". */
function villagePicker(session: Session, regions: RegionIndex) {
  const chosen = new Set(session.villageCodes);
  const total = h('p', { class: 'meta', 'aria-live': 'polite' });
  const boxes: HTMLInputElement[] = [];
  const groups = regions.kecamatan
    .map((kecamatan) => ({
      kecamatan,
      villages: regions.villages.filter((village) => village.kecamatanCode === kecamatan.code),
    }))
    .filter((group) => group.villages.length > 0)
    .map(({ kecamatan, villages }) => {
      const summary = h('summary');
      const all = h('input', { type: 'checkbox' });
      const own = villages.map((village) => {
        const box = h('input', { type: 'checkbox', value: village.code, checked: chosen.has(village.code) });
        boxes.push(box);
        return { box, label: h('label', { class: 'check-line' }, box, h('span', null, village.name)) };
      });
      const count = () => {
        const n = own.filter((each) => each.box.checked).length;
        summary.textContent = t('sessionEdit.villages.group', { name: kecamatan.name, n, total: own.length });
        all.checked = n === own.length;
        all.indeterminate = n > 0 && n < own.length;
      };
      all.addEventListener('change', () => {
        for (const each of own) each.box.checked = all.checked;
        count();
        sum();
      });
      for (const each of own) {
        each.box.addEventListener('change', () => {
          count();
          sum();
        });
      }
      count();
      return h(
        'details',
        { class: 'village-group' },
        summary,
        h(
          'div',
          { class: 'village-checks' },
          h('label', { class: 'check-line all' }, all, h('span', null, t('sessionEdit.villages.all'))),
          own.map((each) => each.label),
        ),
      );
    });
  const sum = () => {
    total.textContent = t('sessionEdit.villages.count', {
      n: boxes.filter((box) => box.checked).length,
      total: boxes.length,
    });
  };
  sum();
  const wrap = h(
    'fieldset',
    { class: 'field village-picker', 'data-field': 'villageCodes' },
    h('legend', null, t('sessionEdit.villages')),
    h('p', { class: 'hint' }, t('sessionEdit.villages.hint')),
    total,
    // Above the groups: a refusal is read before the folded lists.
    h('p', { class: 'error', hidden: true }),
    groups,
  );
  const codes = () => boxes.filter((box) => box.checked).map((box) => box.value);
  return { wrap, codes };
}

/** The same set of desa, whatever the order. */
function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((code) => set.has(code));
}

/** The edit form; `saved` receives the session as the API now has it. */
export function sessionEditForm(options: SessionEditOptions): HTMLFormElement {
  const { session, regions } = options;
  const title = h('input', { type: 'text', maxlength: 150, required: true, autocomplete: 'off', value: session.title });
  const date = h('input', { type: 'date', required: true, value: session.date });
  const venue = h('input', { type: 'text', maxlength: 200, required: true, autocomplete: 'off', value: session.venue });
  const capacity = h('input', {
    type: 'number',
    inputmode: 'numeric',
    min: 1,
    step: 1,
    value: session.capacity ?? '',
  });
  const villages = villagePicker(session, regions);
  const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('sessionEdit.submit'));
  const cancel = h('button', { type: 'button', class: 'secondary', onclick: options.close }, t('correct.close'));
  const form = h(
    'form',
    { class: 'panel session-edit', novalidate: true },
    h('h2', { tabindex: -1 }, t('sessionEdit.title')),
    field('title', t('sessions.field.title'), title),
    field('date', t('sessions.field.date'), date),
    field('venue', t('sessions.field.venue'), venue),
    field(
      'capacity',
      `${t('sessions.field.capacity')} (${t('common.optional')})`,
      capacity,
      t('sessionEdit.capacity.hint', { n: session.registered }),
    ),
    villages.wrap,
    field('reason', t('correct.reason'), reason),
    box,
    h('div', { class: 'button-row' }, submit, cancel),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    clearErrors(form);
    box.hidden = true;
    const body: RequestBody<'updateSession'> = {};
    if (title.value !== session.title) body.title = title.value;
    if (date.value !== session.date) body.date = date.value;
    if (venue.value !== session.venue) body.venue = venue.value;
    const wanted = capacity.value.trim() === '' ? null : Number(capacity.value);
    if (wanted !== session.capacity) body.capacity = wanted;
    const codes = villages.codes();
    if (!sameCodes(codes, session.villageCodes)) body.villageCodes = codes;
    if (Object.keys(body).length === 0) return notice(box, 'info', t('edit.unchanged'));
    if (!reason.value.trim()) {
      const message = t('correct.reason.needed');
      return showProblem(form, box, new ApiError(400, message, '', [{ field: 'reason', message }]));
    }
    body.reason = reason.value;
    submit.disabled = true;
    try {
      const { body: fresh } = await call('updateSession', { params: { sessionId: session.id }, body });
      options.saved(fresh);
    } catch (error) {
      showProblem(form, box, placed(error, body, session));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/**
 * The API's refusals where the person sees the cause: an emptied date picker in the page's words,
 * a desa's checkbox error on the desa list, and a 409 at the capacity or at the desa list.
 */
function placed(error: unknown, body: RequestBody<'updateSession'>, session: Session): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.status === 409) {
    const atCapacity =
      body.capacity !== undefined &&
      body.capacity !== null &&
      (body.villageCodes === undefined || body.capacity < session.registered);
    const name = atCapacity ? 'capacity' : body.villageCodes !== undefined ? 'villageCodes' : '';
    return name ? new ApiError(409, error.message, error.title, [{ field: name, message: error.message }]) : error;
  }
  const errors = error.errors.map((each) =>
    each.field.startsWith('villageCodes.') ? { ...each, field: 'villageCodes' } : each,
  );
  const moved = new ApiError(error.status, error.message, error.title, errors);
  return body.date === '' ? withFieldMessage(moved, 'date', t('sessions.field.date.empty')) : moved;
}
