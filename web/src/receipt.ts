/**
 * The village's receipt page, `/terima/<code>`: no account, the code in the address is the only
 * credential. It shows the shipment, takes the confirmation (who received; per line how many
 * arrived good, lightly or heavily damaged; the rest is missing), keeps it on the phone while there
 * is no signal and sends it by itself when the signal returns, then shows what the DPMD recorded.
 * A separate, small entry: a cheap phone on a weak signal never downloads the organizer pages.
 */
import './receipt.css';
import { type Child, fill, h } from './dom.ts';
import { formatDateTime, lang, num, setLang } from './lang.ts';
import type { ReplyBody } from './operations.ts';
import { call, type Problem } from './public/net.ts';
import { retryWhenOnline } from './public/store.ts';
import {
  type Draft,
  forgetDraft,
  forgetPending,
  keepDraft,
  keepPending,
  loadDraft,
  loadPending,
  newRequestId,
  type Pending,
} from './receipt/outbox.ts';
import { t } from './receipt/texts.ts';
import { uploadSection } from './receipt/upload.ts';

type ReceiptView = ReplyBody<'getReceipt'>;

const RETRY_MS = 20_000;
const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The phone's local date ("8 Februari 2023"), with the clock time when `withTime`. */
const when = (timestamp: string, withTime = true) =>
  formatDateTime(timestamp, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });

type Counts = Draft['lines'][string];
type Screen =
  | 'loading'
  | 'unknown'
  | 'tooMany'
  | 'offline'
  | 'failed'
  | 'form'
  | 'waiting'
  | 'done'
  | 'confirmed'
  | 'conflict';

const root = document.getElementById('terima') as HTMLElement;
const code = decodeURIComponent(location.pathname.split('/').pop() ?? '').toUpperCase();

let screen: Screen = 'loading';
let view: ReceiptView | null = null;
let failedStatus = 0;
let pending: Pending | null = null;
/** Why the kept confirmation has not gone yet: no signal, a busy server, or too many attempts. */
let waitReason: 'offline' | 'busy' | 'tooMany' = 'offline';
let sending = false;
/** What the person has typed so far; kept on the phone at each keystroke until the confirmation is recorded. */
const draft: Draft = { name: '', phone: '', note: '', lines: {} };
/** Messages by field: `name`, `phone`, `note`, `line:<itemCode>`; `form` for the rest. */
let errors: Record<string, string> = {};
let formExtra: string[] = [];
/** The form's "Periksa isian yang ditandai." notice while one is shown. */
let checkNotice: HTMLElement | null = null;

/** Switching to the camera or WhatsApp often reloads the tab: the draft survives it. */
const saveDraft = () => keepDraft(code, draft);

/** The person is fixing a field: its message goes, and the form's notice once none is left. */
function fixed(key: string): void {
  delete errors[key];
  if (Object.keys(errors).length === 0 && formExtra.length === 0) {
    checkNotice?.remove();
    checkNotice = null;
  }
}

// ---- Arithmetic of a line -------------------------------------------------------------------

const parse = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

function lineState(shipped: number, counts: Counts) {
  const values = [counts.good, counts.minorDamage, counts.majorDamage];
  const filled = values.some((value) => value.trim() !== '');
  const numbers = values.map((value) => (value.trim() === '' ? 0 : parse(value)));
  const valid = numbers.every((value) => value !== null);
  const sum = numbers.reduce<number>((total, value) => total + (value ?? 0), 0);
  return { filled, valid, sum, missing: shipped - sum };
}

// ---- Pieces ---------------------------------------------------------------------------------

function header(): HTMLElement {
  const toggle = h(
    'button',
    { type: 'button', class: 'lang', lang: lang() === 'id' ? 'en' : 'id', 'aria-label': t('lang.label') },
    t('lang.switch'),
  );
  toggle.addEventListener('click', () => {
    setLang(lang() === 'id' ? 'en' : 'id');
    render();
  });
  return h(
    'header',
    { class: 'bar' },
    h('div', { class: 'brand' }, h('strong', null, 'SIAP Pilkades'), view ? h('small', null, view.regency) : null),
    toggle,
  );
}

function notice(kind: 'ok' | 'error' | 'info' | 'warn', ...content: Child[]): HTMLElement {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

function shipmentCard(current: ReceiptView): HTMLElement {
  return h(
    'section',
    { class: 'shipment', 'aria-label': t('bast') },
    h('p', { class: 'label' }, t('bast')),
    h('p', { class: 'bast' }, current.bastNumber),
    h('p', { class: 'place' }, t('place', { village: current.village.name, kecamatan: current.village.kecamatanName })),
    h('p', { class: 'meta' }, t('shippedAt', { date: when(current.shippedAt, false) })),
  );
}

interface ResultLine {
  name: string;
  unit: string;
  shipped: number;
  good: number;
  minorDamage: number;
  majorDamage: number;
  missing: number;
}

function stat(label: string, value: number, kind = ''): HTMLElement {
  return h(
    'div',
    { class: `stat ${kind}` },
    h('span', { class: 'stat-label' }, label),
    h('strong', { class: 'stat-value' }, num(value)),
  );
}

/** Per line what arrived: the page's answer after confirming, and the read-only view later. */
function results(lines: ResultLine[]): HTMLElement {
  return h(
    'ul',
    { class: 'results' },
    lines.map((line) =>
      h(
        'li',
        null,
        h(
          'p',
          { class: 'item' },
          h('strong', null, line.name),
          h('span', null, ` · ${t('shipped')} ${num(line.shipped)} ${line.unit}`),
        ),
        h(
          'div',
          { class: 'stats' },
          stat(t('good'), line.good, 'good'),
          stat(t('minor'), line.minorDamage, line.minorDamage ? 'bad' : ''),
          stat(t('major'), line.majorDamage, line.majorDamage ? 'bad' : ''),
          stat(t('missing'), line.missing, line.missing ? 'bad' : ''),
        ),
      ),
    ),
  );
}

function recorded(current: ReceiptView): HTMLElement[] {
  const receipt = current.receipt;
  if (!receipt) return [];
  const names = new Map(current.lines.map((line) => [line.itemCode, line]));
  return [
    h('p', { class: 'meta' }, t('recorded', { date: when(receipt.confirmedAt), name: receipt.receivedBy.name })),
    receipt.discrepancy ? notice('warn', t('discrepancy')) : notice('ok', t('allFine')),
    results(
      receipt.lines.map((line) => ({
        ...line,
        name: names.get(line.itemCode)?.name ?? line.itemCode,
        unit: names.get(line.itemCode)?.unit ?? '',
      })),
    ),
    receipt.note ? h('p', { class: 'note' }, receipt.note) : null,
    receipt.correctedBy
      ? h(
          'p',
          { class: 'meta' },
          t('corrected', { name: receipt.correctedBy.name, reason: receipt.correctedBy.reason }),
        )
      : null,
  ].filter((each): each is HTMLElement => each !== null);
}

function waitingSummary(current: ReceiptView, kept: Pending): HTMLElement {
  const reported = new Map(kept.body.lines.map((line) => [line.itemCode, line]));
  return results(
    current.lines.map((line) => {
      const report = reported.get(line.itemCode) ?? { good: 0, minorDamage: 0, majorDamage: 0 };
      return {
        name: line.name,
        unit: line.unit,
        shipped: line.quantity,
        good: report.good,
        minorDamage: report.minorDamage,
        majorDamage: report.majorDamage,
        missing: line.quantity - report.good - report.minorDamage - report.majorDamage,
      };
    }),
  );
}

// ---- The confirmation form ------------------------------------------------------------------

function errorSlot(key: string): HTMLElement {
  const message = errors[key];
  return h('p', { class: 'error', id: `err-${key.replace(/\W/g, '-')}`, hidden: !message }, message ?? '');
}

/** A text field the person changes loses its message (the form's notice goes with the last one). */
function clearField(key: 'name' | 'phone' | 'note', input: HTMLElement): void {
  if (!errors[key]) return;
  input.removeAttribute('aria-invalid');
  const slot = document.getElementById(`err-${key}`);
  if (slot) slot.hidden = true;
  fixed(key);
}

function textField(key: 'name' | 'phone', label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  const errorId = `err-${key}`;
  input.id = `f-${key}`;
  input.setAttribute('aria-describedby', hint ? `hint-${key} ${errorId}` : errorId);
  if (errors[key]) input.setAttribute('aria-invalid', 'true');
  const labelled = h('label', { for: input.id }, label);
  return h(
    'div',
    { class: 'field' },
    // Marked before any submit, beside (not inside) the label, so the field keeps its name.
    input.required
      ? h('div', { class: 'label-line' }, labelled, h('span', { class: 'required-mark' }, t('requiredMark')))
      : labelled,
    hint ? h('p', { class: 'hint', id: `hint-${key}` }, hint) : null,
    input,
    errorSlot(key),
  );
}

function lineFieldset(line: ReceiptView['lines'][number], index: number): HTMLElement {
  const counts = draft.lines[line.itemCode] ?? { good: '', minorDamage: '', majorDamage: '' };
  draft.lines[line.itemCode] = counts;
  const key = `line:${line.itemCode}`;
  const missing = h('output', { class: 'missing-value', id: `l${index}-missing`, 'aria-live': 'polite' });
  // One message per line: the check's, the server's, or (live, while typing) counts over the shipment.
  const slot = errorSlot(key);
  const update = (typed: boolean) => {
    const state = lineState(line.quantity, counts);
    const tooMany = state.valid && state.missing < 0;
    // More counted than shipped: nothing is missing, and "Hilang -84" would be untrue; the
    // message at the line says what is wrong instead.
    missing.textContent = state.filled && state.valid && !tooMany ? num(state.missing) : '—';
    missing.classList.toggle('bad', state.filled && state.missing !== 0);
    if (tooMany) {
      slot.textContent = t('overShipped', { shipped: num(line.quantity) });
      slot.hidden = false;
    } else if (typed) {
      slot.hidden = true;
    }
    for (const each of inputs) {
      if (tooMany || (!typed && errors[key])) each.input.setAttribute('aria-invalid', 'true');
      else each.input.removeAttribute('aria-invalid');
    }
  };
  const inputs = (['good', 'minorDamage', 'majorDamage'] as const).map((name) => {
    const input = h('input', {
      type: 'number',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      min: 0,
      max: line.quantity,
      step: 1,
      id: `l${index}-${name}`,
      name: `lines.${index}.${name}`,
      value: counts[name],
      'aria-describedby': `err-line-${line.itemCode.replace(/\W/g, '-')}`,
    });
    input.addEventListener('input', () => {
      counts[name] = input.value;
      saveDraft();
      // The person is fixing this line: the old message gives way to the live check.
      fixed(key);
      update(true);
    });
    const label = name === 'good' ? t('good') : name === 'minorDamage' ? t('minor') : t('major');
    return { name, input, cell: h('div', { class: `count ${name}` }, h('label', { for: input.id }, label), input) };
  });
  const allGood = h(
    'button',
    { type: 'button', class: 'secondary small', 'aria-label': t('lineGoodLabel', { item: line.name }) },
    t('lineGood'),
  );
  allGood.addEventListener('click', () => {
    counts.good = String(line.quantity);
    counts.minorDamage = '0';
    counts.majorDamage = '0';
    for (const each of inputs) each.input.value = counts[each.name];
    saveDraft();
    fixed(key);
    update(true);
  });
  update(false);
  return h(
    'fieldset',
    { class: 'line', 'data-line': line.itemCode, 'aria-labelledby': `l${index}-name` },
    h(
      'legend',
      null,
      h('span', { class: 'item', id: `l${index}-name` }, line.name),
      h('span', { class: 'shipped' }, `${t('shipped')} `, h('strong', null, num(line.quantity)), ` ${line.unit}`),
    ),
    h(
      'div',
      { class: 'counts' },
      inputs.map((each) => each.cell),
    ),
    h(
      'div',
      { class: 'line-foot' },
      h('p', { class: 'missing' }, h('label', { for: missing.id }, t('missing')), ' ', missing),
      allGood,
    ),
    slot,
  );
}

function validate(current: ReceiptView): boolean {
  errors = {};
  formExtra = [];
  if (!draft.name.trim()) errors.name = t('required');
  for (const line of current.lines) {
    const state = lineState(
      line.quantity,
      draft.lines[line.itemCode] ?? { good: '', minorDamage: '', majorDamage: '' },
    );
    if (!state.filled) errors[`line:${line.itemCode}`] = t('notFilled');
    else if (state.valid && state.missing < 0)
      errors[`line:${line.itemCode}`] = t('overShipped', { shipped: num(line.quantity) });
  }
  return Object.keys(errors).length === 0;
}

function bodyOf(current: ReceiptView, requestId: string): Pending['body'] {
  const phone = draft.phone.trim();
  const note = draft.note.trim();
  const lines: Pending['body']['lines'] = current.lines.map((line) => {
    const counts = draft.lines[line.itemCode] ?? { good: '', minorDamage: '', majorDamage: '' };
    return {
      itemCode: line.itemCode,
      good: parse(counts.good) ?? 0,
      minorDamage: parse(counts.minorDamage) ?? 0,
      majorDamage: parse(counts.majorDamage) ?? 0,
    };
  });
  return {
    receivedBy: phone ? { name: draft.name.trim(), phone } : { name: draft.name.trim() },
    lines,
    ...(note ? { note } : {}),
    clientRequestId: requestId,
  };
}

/** Puts the API's field messages where they belong; the rest goes above the button. */
function placeProblem(current: ReceiptView, sentLines: Array<{ itemCode: string }>, problem: Problem): void {
  errors = {};
  formExtra = [];
  for (const error of problem.errors ?? []) {
    const [head, second] = error.field.split('.');
    let key: string | null = null;
    if (error.field === 'receivedBy.name') key = 'name';
    else if (error.field === 'receivedBy.phone') key = 'phone';
    else if (head === 'note') key = 'note';
    else if (head === 'lines' && second !== undefined) {
      const itemCode = /^\d+$/.test(second) ? sentLines[Number(second)]?.itemCode : second;
      if (itemCode && current.lines.some((line) => line.itemCode === itemCode)) key = `line:${itemCode}`;
    }
    if (key) errors[key] ??= error.message;
    else formExtra.push(error.message);
  }
  if (formExtra.length === 0 && Object.keys(errors).length === 0) {
    formExtra.push(problem.detail ?? problem.title ?? t('failed.body', { status: '400' }));
  }
}

/** The form filled again from a kept confirmation (the page was reopened, then the server refused it). */
function restoreDraft(body: Pending['body']): void {
  draft.name = body.receivedBy.name;
  draft.phone = body.receivedBy.phone ?? '';
  draft.note = body.note ?? '';
  for (const line of body.lines) {
    draft.lines[line.itemCode] = {
      good: String(line.good),
      minorDamage: String(line.minorDamage),
      majorDamage: String(line.majorDamage),
    };
  }
}

function confirmationForm(current: ReceiptView): HTMLElement {
  const name = h('input', { type: 'text', autocomplete: 'name', maxlength: 120, required: true, value: draft.name });
  name.addEventListener('input', () => {
    draft.name = name.value;
    saveDraft();
    clearField('name', name);
  });
  const phone = h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 32, value: draft.phone });
  phone.addEventListener('input', () => {
    draft.phone = phone.value;
    saveDraft();
    clearField('phone', phone);
  });
  const note = h('textarea', {
    id: 'f-note',
    rows: 3,
    maxlength: 1000,
    'aria-describedby': 'hint-note err-note',
    'aria-invalid': errors.note ? 'true' : null,
  });
  note.value = draft.note;
  note.addEventListener('input', () => {
    draft.note = note.value;
    saveDraft();
    clearField('note', note);
  });
  const allGood = h('button', { type: 'button', class: 'secondary wide' }, `✓ ${t('allGood')}`);
  allGood.addEventListener('click', () => {
    for (const line of current.lines) {
      draft.lines[line.itemCode] = { good: String(line.quantity), minorDamage: '0', majorDamage: '0' };
    }
    saveDraft();
    for (const key of Object.keys(errors)) if (key.startsWith('line:')) delete errors[key];
    render();
    root.querySelector<HTMLElement>('.submit')?.scrollIntoView({ block: 'center' });
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary submit', disabled: sending },
    t(sending ? 'sending' : 'submit'),
  );
  const hasErrors = Object.keys(errors).length > 0 || formExtra.length > 0;
  checkNotice = hasErrors
    ? notice(
        'error',
        h('strong', null, t('check')),
        formExtra.length
          ? h(
              'ul',
              null,
              formExtra.map((each) => h('li', null, each)),
            )
          : null,
      )
    : null;
  const form = h(
    'form',
    { class: 'panel confirm', novalidate: true },
    h('h2', null, t('form.title')),
    h('p', { class: 'hint' }, t('form.intro')),
    textField('name', t('name'), name),
    textField('phone', t('phone'), phone, t('phone.hint')),
    allGood,
    current.lines.map((line, index) => lineFieldset(line, index)),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'f-note' }, t('note')),
      h('p', { class: 'hint', id: 'hint-note' }, t('note.hint')),
      note,
      errorSlot('note'),
    ),
    checkNotice,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    if (!validate(current)) {
      render();
      root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    // The id is chosen once per confirmation: a resend after a lost answer is the same one.
    pending = {
      body: bodyOf(current, pending?.body.clientRequestId ?? newRequestId()),
      savedAt: new Date().toISOString(),
    };
    keepPending(code, pending);
    void trySend();
  });
  return form;
}

// ---- Screens --------------------------------------------------------------------------------

function message(title: string, body: string, retry = false): HTMLElement[] {
  const shown: HTMLElement[] = [h('h1', { class: 'page-title' }, title), h('p', null, body)];
  if (retry) {
    const again = h('button', { type: 'button', class: 'primary' }, t('retry'));
    again.addEventListener('click', () => void load());
    shown.push(again);
  }
  return shown;
}

function render(): void {
  document.documentElement.lang = lang();
  const main = h('main', null);
  const current = view;
  if (screen === 'loading' || !current) {
    if (screen === 'unknown') main.append(...message(t('unknown.title'), t('unknown.body')));
    else if (screen === 'tooMany') main.append(...message(t('tooMany.title'), t('tooMany.body'), true));
    else if (screen === 'offline') main.append(...message(t('offline.title'), t('offline.body'), true));
    else if (screen === 'failed')
      main.append(...message(t('failed.title'), t('failed.body', { status: failedStatus }), true));
    else main.append(h('p', { class: 'boot' }, t('loading')));
    document.title = `${t(screen === 'unknown' ? 'unknown.title' : 'page.title')} · SIAP Pilkades`;
    fill(root, header(), main);
    return;
  }
  document.title = `${t('page.title')} · ${current.village.name}`;
  main.append(h('h1', { class: 'page-title' }, t('page.title')), shipmentCard(current));
  if (screen === 'form') {
    main.append(confirmationForm(current));
  } else if (screen === 'waiting' && pending) {
    const now = h(
      'button',
      { type: 'button', class: 'primary', disabled: sending },
      t(sending ? 'sending' : 'saved.now'),
    );
    now.addEventListener('click', () => void trySend());
    main.append(
      h(
        'section',
        { class: 'panel' },
        notice(
          'warn',
          h('strong', { class: 'banner' }, t('saved.banner')),
          waitReason === 'busy' ? h('span', null, t('saved.busy')) : null,
          waitReason === 'tooMany' ? h('span', null, t('saved.tooMany')) : null,
          h('span', null, t('saved.body')),
        ),
        h('h2', null, t('form.title')),
        h('p', { class: 'meta' }, pending.body.receivedBy.name),
        waitingSummary(current, pending),
        now,
      ),
    );
  } else {
    const title = screen === 'done' ? t('done.title') : t('confirmed.title');
    main.append(
      h(
        'section',
        { class: `panel outcome ${screen}` },
        h('h2', null, screen === 'done' ? `✓ ${title}` : title),
        screen === 'conflict' ? notice('error', t('conflict')) : null,
        ...recorded(current),
      ),
    );
  }
  main.append(uploadSection(code, current.documents));
  fill(root, header(), main);
}

// ---- Loading and sending --------------------------------------------------------------------

async function load(): Promise<void> {
  if (!CODE.test(code)) {
    screen = 'unknown';
    return render();
  }
  if (!view) {
    screen = 'loading';
    render();
  }
  const reply = await call('getReceipt', { params: { receiptCode: code } });
  if (!reply.ok) {
    if (view) return; // Keep what is shown; a later tick tries again.
    failedStatus = reply.status;
    screen =
      reply.status === 404 ? 'unknown' : reply.status === 429 ? 'tooMany' : reply.status === 0 ? 'offline' : 'failed';
    return render();
  }
  view = reply.body;
  pending = loadPending(code);
  if (pending) {
    screen = 'waiting';
    render();
    return trySend();
  }
  if (view.receipt) {
    forgetDraft(code);
    screen = 'confirmed';
  } else {
    const kept = loadDraft(code);
    if (kept) Object.assign(draft, kept);
    screen = 'form';
  }
  render();
}

/** Sends the kept confirmation, if any; on no answer it stays kept and is tried again later. */
async function trySend(): Promise<void> {
  const current = view;
  const kept = pending;
  if (!kept || !current || sending) return;
  sending = true;
  if (screen === 'form' || screen === 'waiting') render();
  const reply = await call('confirmReceipt', { params: { receiptCode: code }, body: kept.body });
  sending = false;
  if (reply.ok) {
    forgetPending(code);
    forgetDraft(code);
    pending = null;
    view = reply.body;
    screen = 'done';
  } else if (reply.status === 409) {
    // Someone else's confirmation was recorded first: show theirs, drop ours.
    forgetPending(code);
    forgetDraft(code);
    pending = null;
    // (The API's sentence carries a raw timestamp; the recorded receipt below says it better.)
    const fresh = await call('getReceipt', { params: { receiptCode: code } });
    if (fresh.ok) view = fresh.body;
    screen = 'conflict';
  } else if (reply.status === 404) {
    // The code was replaced since the page opened: this confirmation can never be recorded with it.
    forgetPending(code);
    forgetDraft(code);
    pending = null;
    view = null;
    screen = 'unknown';
  } else if (reply.status === 0 || reply.status === 429 || reply.status >= 500) {
    waitReason = reply.status === 0 ? 'offline' : reply.status === 429 ? 'tooMany' : 'busy';
    screen = 'waiting';
  } else {
    // The server refused the content: back to the form with its messages beside the fields.
    forgetPending(code);
    pending = null;
    screen = 'form';
    restoreDraft(kept.body);
    placeProblem(current, kept.body.lines, reply.problem);
  }
  render();
  if (screen === 'done' || screen === 'waiting' || screen === 'conflict') {
    root.querySelector('.outcome, .notice')?.scrollIntoView({ block: 'start' });
  }
}

function tick(): void {
  if (!view && (screen === 'offline' || screen === 'failed')) void load();
  else if (pending) void trySend();
}

retryWhenOnline(tick, RETRY_MS);
setLang(lang());
void load();
