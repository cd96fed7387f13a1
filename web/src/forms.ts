/**
 * Form fields with their label, hint and error slot, and the mapping from a problem document's
 * `errors: [{field, message}]` onto them: each message sits next to its field, is announced, and
 * is linked to the control with aria-describedby.
 */
import { ApiError, type FieldError } from './api.ts';
import { type Child, fill, h, nextId } from './dom.ts';
import { t } from './texts.ts';

type Control = HTMLInputElement | HTMLSelectElement;

/**
 * A labelled control. `name` is the API's field name, so its errors land here. A control built
 * with `required` is marked "wajib diisi" beside its label from the start, not only after a
 * refused submit (the mark sits outside the label, so the field's name stays the label's words).
 */
export function field(name: string, label: string, control: Control, hint?: string): HTMLDivElement {
  const id = control.id || nextId(name);
  control.id = id;
  control.name = name;
  const hintId = hint ? `${id}-hint` : '';
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', `${hintId} ${errorId}`.trim());
  const labelled = h('label', { for: id }, label);
  return h(
    'div',
    { class: 'field', 'data-field': name },
    control.required
      ? h('div', { class: 'label-line' }, labelled, h('span', { class: 'required-mark' }, t('form.required')))
      : labelled,
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

/** Clears every field message (the form's notice is the caller's). */
export function clearErrors(form: HTMLElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('.field > .error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Puts each field error next to its field and answers the ones no field on this form owns (shown
 * in the notice). Focuses the first field in error (top to bottom) so a phone scrolls to it.
 */
export function showFieldErrors(form: HTMLElement, errors: FieldError[]): FieldError[] {
  clearErrors(form);
  const unplaced: FieldError[] = [];
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
  }
  // The first marked field as the form reads, top to bottom (not the API's order).
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  return unplaced;
}

/**
 * A message box: `ok` is announced politely, `error` at once. A box holds one notice: a new one
 * replaces whatever it said before, so a page never shows an old notice beside the current one.
 */
export function notice(box: HTMLElement, kind: 'ok' | 'error' | 'info' | 'warn', ...content: Child[]): void {
  box.className = `notice ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
  delete box.dataset.check;
  fill(box, ...content);
}

const watched = new WeakSet<HTMLElement>();

/**
 * Once a form has shown field messages: a field the person changes loses its message, and when no
 * marked field is left the notice "Periksa isian yang ditandai." goes too (it would be untrue).
 */
function watchFixes(form: HTMLElement, box: HTMLElement): void {
  if (watched.has(form)) return;
  watched.add(form);
  const fixed = (event: Event) => {
    const control = event.target;
    if (!(control instanceof HTMLElement) || control.getAttribute('aria-invalid') !== 'true') return;
    control.removeAttribute('aria-invalid');
    const slot = control.closest('[data-field]')?.querySelector<HTMLElement>(':scope > .error');
    if (slot) {
      slot.hidden = true;
      slot.textContent = '';
    }
    if (box.dataset.check && !form.querySelector('[aria-invalid="true"]')) {
      box.hidden = true;
      delete box.dataset.check;
    }
  };
  form.addEventListener('input', fixed);
  form.addEventListener('change', fixed);
}

/**
 * The same refusal with the page's own words for one field: where the page knows better what the
 * person sees (a date picker's format, a list that is still closed), its message replaces the API's.
 */
export function withFieldMessage(error: unknown, fieldName: string, message: string, to = fieldName): unknown {
  if (!(error instanceof ApiError) || !error.errors.some((each) => each.field === fieldName)) return error;
  const errors = error.errors.map((each) => (each.field === fieldName ? { field: to, message } : each));
  return new ApiError(error.status, error.message, error.title, errors);
}

/**
 * The page's own check of quantities before they are sent: each filled field that is not a whole
 * number of 0 or more gets `message` (the page's hint says "0" is how to leave an item out, so
 * a −3 must not come back as the API's "Minimal 1"). Answers a refusal to show, or null.
 */
export function wholeNumbers(
  fields: Array<{ field: string; input: HTMLInputElement }>,
  message: string,
): ApiError | null {
  const errors = fields
    .filter(({ input }) => input.value.trim() !== '' && !/^\d+$/.test(input.value.trim()))
    .map(({ field: name }) => ({ field: name, message }));
  return errors.length ? new ApiError(400, message, '', errors) : null;
}

/** Shows an API failure on a form: field messages beside fields, the sentence in the notice. */
export function showProblem(form: HTMLElement, box: HTMLElement, error: unknown): void {
  if (!(error instanceof ApiError)) {
    notice(box, 'error', t('error.network'));
    return;
  }
  const unplaced = showFieldErrors(form, error.errors);
  const onlyFields = error.errors.length > 0 && unplaced.length === 0;
  const message = onlyFields ? t('form.check') : error.message;
  watchFixes(form, box);
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
  if (onlyFields) box.dataset.check = '1';
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
