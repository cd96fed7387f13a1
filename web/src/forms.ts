/**
 * Form fields with their label, hint and error slot, and the mapping from a problem document's
 * `errors: [{field, message}]` onto them: each message sits next to its field, is announced, and
 * is linked to the control with aria-describedby.
 */
import { ApiError, type FieldError } from './api.ts';
import { type Child, fill, h, nextId } from './dom.ts';
import { t } from './texts.ts';

type Control = HTMLInputElement | HTMLSelectElement;

/** A labelled control. `name` is the API's field name, so its errors land here. */
export function field(name: string, label: string, control: Control, hint?: string): HTMLDivElement {
  const id = control.id || nextId(name);
  control.id = id;
  control.name = name;
  const hintId = hint ? `${id}-hint` : '';
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', `${hintId} ${errorId}`.trim());
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('p', { class: 'error', id: errorId, hidden: true }),
  );
}

/** A group of radio buttons drawn as large choices. */
export function choices(
  name: string,
  legend: string,
  options: Array<{ value: string; label: string }>,
  selected: string,
  onChange: (value: string) => void,
): HTMLFieldSetElement {
  const errorId = nextId(`${name}-error`);
  return h(
    'fieldset',
    { class: 'field choices', 'data-field': name, 'aria-describedby': errorId },
    h('legend', null, legend),
    h(
      'div',
      { class: 'choice-grid' },
      options.map((option) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'radio',
            name,
            value: option.value,
            checked: option.value === selected,
            onchange: () => onChange(option.value),
          }),
          h('span', null, option.label),
        ),
      ),
    ),
    h('p', { class: 'error', id: errorId, hidden: true }),
  );
}

/** Clears every field message and the form's notice. */
export function clearErrors(form: HTMLElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('.field > .error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Puts each field error next to its field and answers the ones no field on this form owns (shown
 * in the notice). Focuses the first field in error so a phone scrolls to it.
 */
export function showFieldErrors(form: HTMLElement, errors: FieldError[]): FieldError[] {
  clearErrors(form);
  const unplaced: FieldError[] = [];
  let first: HTMLElement | null = null;
  for (const error of errors) {
    const wrap = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(error.field)}"]`);
    const slot = wrap?.querySelector<HTMLElement>(':scope > .error');
    if (!wrap || !slot || wrap.hidden) {
      unplaced.push(error);
      continue;
    }
    slot.textContent = error.message;
    slot.hidden = false;
    const control = wrap.querySelector<HTMLElement>('input, select');
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  first?.focus();
  return unplaced;
}

/** A message box: `ok` is announced politely, `error` at once. */
export function notice(box: HTMLElement, kind: 'ok' | 'error' | 'info', ...content: Child[]): void {
  box.className = `notice ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
  fill(box, ...content);
}

/** Shows an API failure on a form: field messages beside fields, the sentence in the notice. */
export function showProblem(form: HTMLElement, box: HTMLElement, error: unknown): void {
  if (!(error instanceof ApiError)) {
    notice(box, 'error', t('error.network'));
    return;
  }
  const unplaced = showFieldErrors(form, error.errors);
  const message = error.errors.length > 0 && unplaced.length === 0 ? t('form.check') : error.message;
  notice(
    box,
    'error',
    h('strong', null, message),
    unplaced.length > 0
      ? h(
          'ul',
          null,
          unplaced.map((each) => h('li', null, each.message)),
        )
      : null,
  );
}

/**
 * Sends a form once per tap: while `send` runs the button stays disabled, old messages are
 * cleared first, and a failure is shown by its fields (and in `box`) for the person to fix.
 */
export function onSubmit(
  form: HTMLFormElement,
  submit: HTMLButtonElement,
  box: HTMLElement,
  send: () => Promise<void>,
): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    clearErrors(form);
    box.hidden = true;
    try {
      await send();
    } catch (error) {
      showProblem(form, box, error);
    } finally {
      submit.disabled = false;
    }
  });
}
