/**
 * A desa's problems (catatan masalah): the list, newest first, and what a person can do with each:
 * record one, correct it, resolve it saying how, open it again saying why. Every write is put
 * right by another; each is in the desa's history.
 */
import { problemCategories, severities } from '#shared/waves/records.ts';
import { call } from '../api.ts';
import { h } from '../dom.ts';
import { choices, field, onSubmit } from '../forms.ts';
import { formatDateTime } from '../lang.ts';
import type { Problem } from '../types.ts';
import { t } from './texts.ts';

type Category = Problem['category'];
type Severity = Problem['severity'];

export interface ProblemsOptions {
  waveId: string;
  villageCode: string;
  problems: Problem[];
  /** After a write: the card is drawn again, saying what was done. */
  done(message: string): Promise<void>;
}

function categorySelect(selected: string): HTMLSelectElement {
  const select = h(
    'select',
    null,
    h('option', { value: '' }, t('common.choose')),
    problemCategories.map((each) => h('option', { value: each }, t(`problem.category.${each}`))),
  );
  select.value = selected;
  return select;
}

function severityChoices(selected: Severity, onChange: (value: Severity) => void): HTMLFieldSetElement {
  return choices(
    'severity',
    t('problem.severity'),
    severities.map((each) => ({ value: each, label: t(`problem.severity.${each}`) })),
    selected,
    (value) => onChange(value as Severity),
  );
}

/** The form that records a problem, folded until asked for. */
function addForm(options: ProblemsOptions): HTMLElement {
  let severity: Severity = 'MEDIUM';
  const category = categorySelect('');
  category.required = true;
  const description = h('input', { type: 'text', maxlength: 1000, required: true, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('problem.save'));
  const form = h(
    'form',
    { class: 'problem-form', novalidate: true },
    field('category', t('problem.category'), category),
    severityChoices(severity, (value) => {
      severity = value;
    }),
    field('description', t('problem.description'), description),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    await call('addProblem', {
      params: { waveId: options.waveId },
      body: {
        villageCode: options.villageCode,
        category: category.value as Category,
        description: description.value,
        severity,
      },
    });
    await options.done(t('problem.added'));
  });
  return h('details', { class: 'fold add-problem' }, h('summary', null, t('problem.add')), form);
}

/** A small form under a problem (resolve, reopen, correct), with a cancel that folds it again. */
function stepForm(
  item: HTMLElement,
  fields: HTMLElement[],
  label: string,
  send: () => Promise<void>,
  focus: HTMLElement,
): HTMLFormElement {
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, label);
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
  const form = h(
    'form',
    { class: 'problem-step', novalidate: true },
    fields,
    box,
    h('div', { class: 'button-row' }, submit, cancel),
  );
  cancel.addEventListener('click', () => {
    form.remove();
    item.querySelector<HTMLElement>('.problem-actions')?.removeAttribute('hidden');
  });
  onSubmit(form, submit, box, send);
  item.querySelector<HTMLElement>('.problem-actions')?.setAttribute('hidden', '');
  item.append(form);
  focus.focus();
  return form;
}

function problemItem(problem: Problem, options: ProblemsOptions): HTMLElement {
  const params = { waveId: options.waveId, problemId: problem.id };
  const open = problem.status === 'open';
  const item = h(
    'li',
    { class: `problem ${problem.status}` },
    h(
      'div',
      { class: 'problem-line' },
      h('strong', null, problem.description),
      h('span', { class: `badge ${open ? 'LATE' : 'READY'}` }, t(open ? 'problem.open' : 'problem.done')),
    ),
    h(
      'span',
      { class: 'meta' },
      t('problem.meta', {
        category: t(`problem.category.${problem.category}`),
        severity: t(`problem.severity.${problem.severity}`),
        time: formatDateTime(problem.createdAt),
        name: problem.createdBy,
      }),
    ),
    !open && problem.resolvedAt
      ? h(
          'span',
          { class: 'meta' },
          t('problem.resolvedMeta', {
            time: formatDateTime(problem.resolvedAt),
            name: problem.resolvedBy ?? '',
            resolution: problem.resolution ?? '',
          }),
        )
      : null,
  );
  const resolve = () => {
    const resolution = h('input', { type: 'text', maxlength: 1000, required: true, autocomplete: 'off' });
    stepForm(
      item,
      [field('resolution', t('problem.resolution'), resolution)],
      t('problem.resolve.save'),
      async () => {
        await call('resolveProblem', { params, body: { resolution: resolution.value } });
        await options.done(t('problem.resolved'));
      },
      resolution,
    );
  };
  const reopen = () => {
    const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
    stepForm(
      item,
      [field('reason', t('problem.reopen.reason'), reason)],
      t('problem.reopen.save'),
      async () => {
        await call('reopenProblem', { params, body: { reason: reason.value } });
        await options.done(t('problem.reopened'));
      },
      reason,
    );
  };
  const correct = () => {
    let severity = problem.severity;
    const category = categorySelect(problem.category);
    const description = h('input', { type: 'text', maxlength: 1000, value: problem.description, autocomplete: 'off' });
    const reason = h('input', { type: 'text', maxlength: 300, autocomplete: 'off' });
    stepForm(
      item,
      [
        field('category', t('problem.category'), category),
        severityChoices(severity, (value) => {
          severity = value;
        }),
        field('description', t('problem.description'), description),
        field('reason', t('problem.edit.reason'), reason),
      ],
      t('problem.edit.save'),
      async () => {
        await call('updateProblem', {
          params,
          body: {
            category: category.value as Category,
            severity,
            description: description.value,
            ...(reason.value.trim() ? { reason: reason.value } : {}),
          },
        });
        await options.done(t('problem.edited'));
      },
      category,
    );
  };
  item.append(
    h(
      'div',
      { class: 'button-row problem-actions' },
      open
        ? [
            h('button', { type: 'button', class: 'secondary', onclick: resolve }, t('problem.resolve')),
            h('button', { type: 'button', class: 'secondary', onclick: correct }, t('problem.edit')),
          ]
        : h('button', { type: 'button', class: 'secondary', onclick: reopen }, t('problem.reopen')),
    ),
  );
  return item;
}

/** The desa's problems and the form that records one. */
export function problemsSection(options: ProblemsOptions): HTMLElement {
  return h(
    'section',
    { class: 'problems', 'aria-labelledby': 'problems-head' },
    h('h2', { id: 'problems-head' }, t('problem.title')),
    options.problems.length === 0
      ? h('p', { class: 'meta' }, t('problem.none'))
      : h(
          'ul',
          { class: 'problem-list' },
          options.problems.map((problem) => problemItem(problem, options)),
        ),
    addForm(options),
  );
}
