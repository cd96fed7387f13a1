/**
 * A unit's invitation, `/daftar/<code>`: no account, the code in the address is the only
 * credential. It shows the session and the desa or kecamatan, who is already registered from it,
 * and a short form (role among those with room, name, phone). What is typed is kept on the phone;
 * a registration made without signal is kept and sent by itself when the signal returns, once.
 * Then it shows the person's pass: the QR to show at the door, its link, and a WhatsApp share.
 * A separate, small entry: a cheap phone on a weak signal never downloads the organizer pages.
 */
import './invitation.css';
import type { Role } from '#shared/sessions/rules/roles.ts';
import { fill, h } from './dom.ts';
import {
  type Body,
  type Draft,
  forgetAll,
  forgetDraft,
  forgetPending,
  type InvitationView,
  keepDraft,
  keepPass,
  keepPending,
  keepView,
  loadDraft,
  loadPasses,
  loadPending,
  loadView,
} from './invitation/outbox.ts';
import { t } from './invitation/texts.ts';
import { formatDate, formatDateTime, lang, num, setLang } from './lang.ts';
import type { ReplyBody } from './operations.ts';
import { call, type Problem } from './public/net.ts';
import { qrSvg } from './public/qr.ts';
import { bar, message, notice, whatsappLink } from './public/shell.ts';
import { retryWhenOnline } from './public/store.ts';
import { roleName } from './public/texts.ts';
import { TYPES, type UploadRoutes, uploadDocument } from './public/upload.ts';

type Registered = ReplyBody<'registerByInvitation', 201>;
type Screen = 'loading' | 'unknown' | 'tooMany' | 'offline' | 'failed' | 'form' | 'waiting' | 'done';
type Field = 'role' | 'fullName' | 'phone' | 'sk';

const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const root = document.getElementById('page') as HTMLElement;
const code = decodeURIComponent(location.pathname.split('/').pop() ?? '').toUpperCase();

let screen: Screen = 'loading';
let view: InvitationView | null = null;
/** When the invitation shown was read, if it came from the phone because there was no signal. */
let keptAt: string | null = null;
let failedStatus = 0;
let pending: Body | null = null;
let waitReason: 'offline' | 'busy' = 'offline';
let sending = false;
let done: Registered | null = null;
const EMPTY: Draft = { role: '', fullName: '', phone: '', skDocumentId: '', skFileName: '' };
const draft: Draft = { ...EMPTY };
/** The SK upload under way (what it says), and a file waiting for the signal to come back. */
let skSays: { kind: 'ok' | 'error' | 'info'; text: string } | null = null;
let skBusy = false;
let skWaiting: File | null = null;
let errors: Partial<Record<Field, string>> = {};
let formExtra: string[] = [];

const unitText = (current: InvitationView) =>
  t(current.unit.kind === 'village' ? 'pub.unit.village' : 'pub.unit.kecamatan', { name: current.unit.name });

/** The roles of this unit that still have a place. */
const open = (current: InvitationView) => current.roles.filter((each) => each.registered < each.max);

// ---- Pieces ---------------------------------------------------------------------------------

function sessionCard(current: InvitationView): HTMLElement {
  return h(
    'section',
    { class: 'panel session', 'aria-label': t('inv.page.title') },
    h('p', { class: 'unit' }, unitText(current)),
    h('h1', { class: 'page-title' }, current.session.title),
    h('p', { class: 'meta' }, `${formatDate(current.session.date)} · ${current.session.venue}`),
  );
}

/** Where this code's SK uploads go (when registering, and sent later). */
const skRoutes: UploadRoutes = {
  ask: (body) => call('requestInvitationDocumentUpload', { params: { code }, body }),
  complete: (documentId) => call('completeInvitationDocumentUpload', { params: { code, documentId } }),
};

/** What each registered person's SK sent later says (uploading, refused), by registration id. */
const laterSk = new Map<string, { kind: 'ok' | 'error' | 'info'; text: string }>();

/** Sends the SK of someone already registered (it came later, or the first was wrong). */
async function sendSkLater(current: InvitationView, person: InvitationView['registrations'][number], file?: File) {
  const say = (kind: 'ok' | 'error' | 'info', text: string) => {
    laterSk.set(person.id, { kind, text });
    const slot = document.getElementById(`sk-later-${person.id}`);
    if (slot) {
      slot.textContent = text;
      slot.hidden = false;
    }
  };
  const uploaded = await uploadDocument(file, skRoutes, say);
  if (!uploaded) return;
  const reply = await call('attachSkByInvitation', {
    params: { code, registrationId: person.id },
    body: { skDocumentId: uploaded.id },
  });
  if (!reply.ok) {
    say('error', reply.status === 0 ? t('pub.offline.title') : (reply.problem.detail ?? reply.problem.title ?? ''));
    return;
  }
  laterSk.delete(person.id);
  current.registrations = current.registrations.map((each) => (each.id === person.id ? reply.body : each));
  render();
}

function registeredList(current: InvitationView): HTMLElement {
  const person = (each: InvitationView['registrations'][number]) => {
    const said = laterSk.get(each.id);
    const input = h('input', { type: 'file', id: `sk-file-${each.id}`, accept: TYPES.join(',') });
    input.addEventListener('change', () => void sendSkLater(current, each, input.files?.[0]));
    return h(
      'li',
      null,
      h('strong', null, each.fullName),
      h('span', { class: 'meta' }, roleName(each.role)),
      each.sk
        ? h('span', { class: 'meta' }, `✓ ${t('inv.sk.attached', { name: each.sk.fileName })}`)
        : [
            input,
            h('label', { for: input.id, class: 'picker small' }, t('inv.sk.later.pick', { name: each.fullName })),
          ],
      h('span', { class: 'meta', id: `sk-later-${each.id}`, 'aria-live': 'polite', hidden: !said }, said?.text ?? ''),
    );
  };
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, t('inv.registered.title', { unit: unitText(current) })),
    current.registrations.length === 0
      ? h('p', { class: 'meta' }, t('inv.registered.none'))
      : h('ul', { class: 'people' }, current.registrations.map(person)),
  );
}

function keptPasses(): HTMLElement | null {
  const passes = loadPasses(code);
  if (passes.length === 0) return null;
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, t('inv.kept.title')),
    h(
      'ul',
      { class: 'people' },
      passes.map((each) =>
        h(
          'li',
          null,
          h('a', { href: each.url }, each.fullName),
          h('span', { class: 'meta' }, roleName(each.role as Role)),
        ),
      ),
    ),
  );
}

function errorSlot(key: Field): HTMLElement {
  const text = errors[key];
  return h('p', { class: 'error', id: `err-${key}`, hidden: !text }, text ?? '');
}

/** A field the person changes loses its message. */
function fixed(key: Field, input: Element): void {
  if (!errors[key]) return;
  delete errors[key];
  input.removeAttribute('aria-invalid');
  const slot = document.getElementById(`err-${key}`);
  if (slot) slot.hidden = true;
}

function textField(key: 'fullName' | 'phone', label: string, hint: string, input: HTMLInputElement): HTMLElement {
  input.id = `f-${key}`;
  input.required = true;
  input.setAttribute('aria-describedby', `hint-${key} err-${key}`);
  if (errors[key]) input.setAttribute('aria-invalid', 'true');
  input.addEventListener('input', () => {
    draft[key] = input.value;
    keepDraft(code, draft);
    fixed(key, input);
  });
  return h(
    'div',
    { class: 'field' },
    h(
      'div',
      { class: 'label-line' },
      h('label', { for: input.id }, label),
      h('span', { class: 'required-mark' }, t('inv.requiredMark')),
    ),
    h('p', { class: 'hint', id: `hint-${key}` }, hint),
    input,
    errorSlot(key),
  );
}

function roleField(current: InvitationView): HTMLElement {
  const choices = open(current);
  if (choices.length === 1 && !draft.role) draft.role = choices[0]?.role ?? '';
  const group = h(
    'fieldset',
    {
      class: 'roles',
      'aria-describedby': 'err-role',
      'aria-invalid': errors.role ? 'true' : null,
    },
    h('legend', null, t('inv.role'), h('span', { class: 'required-mark' }, ` ${t('inv.requiredMark')}`)),
    choices.map((each) => {
      const input = h('input', {
        type: 'radio',
        name: 'role',
        value: each.role,
        id: `role-${each.role}`,
        checked: draft.role === each.role,
      });
      input.addEventListener('change', () => {
        draft.role = each.role;
        keepDraft(code, draft);
        fixed('role', group);
      });
      const left = each.max - each.registered;
      return h(
        'label',
        { class: 'choice', for: input.id },
        input,
        h('span', null, roleName(each.role)),
        each.max > 1 ? h('small', { class: 'meta' }, t('inv.role.left', { n: num(left) })) : null,
      );
    }),
    errorSlot('role'),
  );
  return group;
}

/** Shows where the SK upload is, in place (the form is not drawn again while it goes up). */
function saySk(kind: 'ok' | 'error' | 'info', text: string): void {
  skSays = kind === 'error' ? null : { kind, text };
  if (kind === 'error') errors.sk = text;
  const slot = document.getElementById('sk-status');
  if (slot && skSays) {
    slot.textContent = text;
    slot.hidden = false;
  }
}

/** Uploads the chosen SK at once, so it is checked by the time the form is sent. */
async function attachSk(file: File | undefined): Promise<void> {
  if (!file || skBusy) return;
  skBusy = true;
  skWaiting = null;
  delete errors.sk;
  Object.assign(draft, { skDocumentId: '', skFileName: '' });
  const done = await uploadDocument(file, skRoutes, saySk);
  skBusy = false;
  skSays = null;
  if (done) Object.assign(draft, { skDocumentId: done.id, skFileName: done.fileName });
  else if (!navigator.onLine) {
    // Tried again by itself when the signal returns (the file stays in this tab only).
    skWaiting = file;
    delete errors.sk;
    skSays = { kind: 'info', text: t('inv.sk.later') };
  }
  keepDraft(code, draft);
  if (screen === 'form') render();
}

function skField(): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'f-sk',
    accept: TYPES.join(','),
    disabled: skBusy,
    'aria-describedby': 'hint-sk sk-status err-sk',
    'aria-invalid': errors.sk ? 'true' : null,
  });
  input.addEventListener('change', () => void attachSk(input.files?.[0]));
  const remove = h('button', { type: 'button', class: 'secondary small' }, t('inv.sk.remove'));
  remove.addEventListener('click', () => {
    Object.assign(draft, { skDocumentId: '', skFileName: '' });
    keepDraft(code, draft);
    render();
  });
  return h(
    'div',
    { class: 'field' },
    h(
      'div',
      { class: 'label-line' },
      h('label', { for: input.id }, t('inv.sk')),
      h('span', { class: 'optional-mark' }, t('inv.optionalMark')),
    ),
    h('p', { class: 'hint', id: 'hint-sk' }, t('inv.sk.hint')),
    input,
    h('label', { for: input.id, class: 'picker' }, h('span', { 'aria-hidden': 'true' }, '📎 '), t('inv.sk.pick')),
    draft.skDocumentId
      ? h('p', { class: 'chosen' }, `✓ ${t('inv.sk.attached', { name: draft.skFileName })} `, remove)
      : null,
    h('p', { class: 'chosen meta', id: 'sk-status', 'aria-live': 'polite', hidden: !skSays }, skSays?.text ?? ''),
    errorSlot('sk'),
  );
}

function validate(current: InvitationView): boolean {
  const skError = errors.sk;
  errors = {};
  formExtra = [];
  if (skBusy) errors.sk = t('inv.sk.wait');
  else if (skError && !draft.skDocumentId) errors.sk = skError;
  if (!open(current).some((each) => each.role === draft.role)) errors.role = t('inv.chooseRole');
  if (!draft.fullName.trim()) errors.fullName = t('inv.required');
  if (!draft.phone.trim()) errors.phone = t('inv.required');
  return Object.keys(errors).length === 0;
}

/** The API's refusal placed at its fields; a taken place at the role, a taken phone at the phone. */
function placeProblem(problem: Problem, sent: Body): void {
  errors = {};
  formExtra = [];
  for (const error of problem.errors ?? []) {
    const field =
      error.field === 'fullName' || error.field === 'phone' || error.field === 'role'
        ? error.field
        : error.field === 'skDocumentId'
          ? 'sk'
          : null;
    if (field) errors[field] ??= error.message;
    else formExtra.push(error.message);
  }
  const said = problem.detail ?? problem.title;
  if (Object.keys(errors).length === 0 && said) {
    const holder = (problem as { holder?: { role?: string } }).holder;
    if (holder?.role && holder.role !== sent.role) errors.phone = said;
    else if (holder || /sudah terdaftar|already registered/.test(said)) errors.role = said;
    else formExtra.push(said);
  }
  if (formExtra.length === 0 && Object.keys(errors).length === 0) {
    formExtra.push(t('pub.failed.body', { status: 400 }));
  }
}

function registrationForm(current: InvitationView): HTMLElement {
  if (open(current).length === 0) {
    return h('section', { class: 'panel' }, notice('info', t('inv.full', { unit: unitText(current) })));
  }
  const name = h('input', {
    type: 'text',
    autocomplete: 'name',
    autocapitalize: 'words',
    maxlength: 120,
    value: draft.fullName,
  });
  const phone = h('input', {
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    maxlength: 32,
    value: draft.phone,
  });
  const hasErrors = Object.keys(errors).length > 0 || formExtra.length > 0;
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', disabled: sending },
    t(sending ? 'inv.sending' : 'inv.submit'),
  );
  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('inv.form.title')),
    roleField(current),
    textField('fullName', t('inv.name'), t('inv.name.hint'), name),
    textField('phone', t('inv.phone'), t('inv.phone.hint'), phone),
    skField(),
    hasErrors
      ? notice(
          'error',
          h('strong', null, t('inv.check')),
          formExtra.length
            ? h(
                'ul',
                null,
                formExtra.map((each) => h('li', null, each)),
              )
            : null,
        )
      : null,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    if (!validate(current)) {
      render();
      root.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"]')?.focus();
      return;
    }
    pending = {
      fullName: draft.fullName.trim(),
      role: draft.role as Role,
      phone: draft.phone.trim(),
      ...(draft.skDocumentId ? { skDocumentId: draft.skDocumentId } : {}),
    };
    keepPending(code, pending);
    void trySend();
  });
  return form;
}

function waitingPanel(kept: Body): HTMLElement {
  const now = h(
    'button',
    { type: 'button', class: 'primary', disabled: sending },
    t(sending ? 'inv.sending' : 'inv.saved.now'),
  );
  now.addEventListener('click', () => void trySend());
  return h(
    'section',
    { class: 'panel' },
    notice(
      'warn',
      h('strong', { class: 'banner' }, t('inv.saved.banner')),
      waitReason === 'busy' ? h('span', null, t('inv.saved.busy')) : null,
      h('span', null, t('inv.saved.body')),
    ),
    h('p', { class: 'person' }, h('strong', null, kept.fullName), h('span', { class: 'meta' }, roleName(kept.role))),
    now,
  );
}

function donePanel(current: InvitationView, person: Registered): HTMLElement {
  const role = roleName(person.role);
  const pass = person.pass;
  const another = h('button', { type: 'button', class: 'secondary wide' }, t('inv.done.another'));
  another.addEventListener('click', () => {
    done = null;
    screen = 'form';
    render();
    void load();
  });
  return h(
    'section',
    { class: 'panel outcome done' },
    h('h2', null, `✓ ${t('inv.done.title', { name: person.fullName })}`),
    h('p', { class: 'meta' }, `${role} · ${unitText(current)}`),
    person.sk ? h('p', null, `✓ ${t('inv.done.sk', { name: person.sk.fileName })}`) : null,
    pass
      ? [
          h('p', null, t('inv.done.pass')),
          h('a', { class: 'qr-link', href: pass.url }, qrSvg(pass.url, t('pub.qr', { name: person.fullName }))),
          h('a', { class: 'button primary', href: pass.url }, t('inv.done.open')),
          whatsappLink(
            t('pub.whatsapp'),
            t('inv.done.share', {
              session: current.session.title,
              name: person.fullName,
              role,
              unit: unitText(current),
              url: pass.url,
            }),
          ),
        ]
      : null,
    another,
  );
}

// ---- Screens --------------------------------------------------------------------------------

function render(): void {
  document.documentElement.lang = lang();
  const main = h('main', null);
  const current = view;
  if (!current || screen === 'loading') {
    if (screen === 'unknown') main.append(...message(t, t('inv.unknown.title'), t('inv.unknown.body')));
    else if (screen === 'tooMany') main.append(...message(t, t('pub.tooMany.title'), t('pub.tooMany.body'), retry));
    else if (screen === 'offline') main.append(...message(t, t('pub.offline.title'), t('pub.offline.body'), retry));
    else if (screen === 'failed')
      main.append(...message(t, t('pub.failed.title'), t('pub.failed.body', { status: failedStatus }), retry));
    else main.append(h('p', { class: 'boot' }, t('pub.loading')));
    document.title = `${t(screen === 'unknown' ? 'inv.unknown.title' : 'inv.page.title')} · SIAP Pilkades`;
    fill(root, bar(t, null, render), main);
    return;
  }
  document.title = `${t('inv.page.title')} · ${unitText(current)}`;
  if (keptAt) main.append(notice('info', `${t('inv.fromPhone')} (${formatDateTime(keptAt)})`));
  main.append(sessionCard(current));
  if (screen === 'done' && done) main.append(donePanel(current, done));
  else if (screen === 'waiting' && pending) main.append(waitingPanel(pending));
  else main.append(registrationForm(current));
  main.append(registeredList(current));
  const passes = screen === 'done' ? null : keptPasses();
  if (passes) main.append(passes);
  fill(root, bar(t, null, render), main);
}

function retry(): void {
  void load();
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
  const reply = await call('getInvitation', { params: { code } });
  if (reply.ok) {
    view = reply.body;
    keptAt = null;
    keepView(code, view);
  } else if (reply.status === 404) {
    forgetAll(code);
    view = null;
    screen = 'unknown';
    return render();
  } else {
    // No signal (or a busy server): the invitation as this phone last read it, if it has one.
    const kept = view ? null : loadView(code);
    if (kept) {
      view = kept.view;
      keptAt = kept.savedAt;
    } else if (!view) {
      failedStatus = reply.status;
      screen = reply.status === 429 ? 'tooMany' : reply.status === 0 ? 'offline' : 'failed';
      return render();
    }
  }
  if (screen === 'done') return render();
  pending = loadPending(code);
  if (pending) {
    screen = 'waiting';
    render();
    return trySend();
  }
  const typed = loadDraft(code);
  if (typed) Object.assign(draft, typed);
  screen = 'form';
  render();
}

/** Sends the kept registration, if any; on no answer it stays kept and is tried again later. */
async function trySend(): Promise<void> {
  const kept = pending;
  if (!kept || sending) return;
  sending = true;
  render();
  const reply = await call('registerByInvitation', { params: { code }, body: kept });
  sending = false;
  if (reply.ok) {
    forgetPending(code);
    forgetDraft(code);
    pending = null;
    done = reply.body;
    Object.assign(draft, EMPTY);
    errors = {};
    formExtra = [];
    if (done.pass) keepPass(code, { fullName: done.fullName, role: done.role, url: done.pass.url });
    if (view && !view.registrations.some((each) => each.id === reply.body.id)) {
      view.registrations.push({ id: reply.body.id, fullName: reply.body.fullName, role: reply.body.role });
      const seat = view.roles.find((each) => each.role === reply.body.role);
      if (seat) seat.registered += 1;
      keepView(code, view);
    }
    screen = 'done';
  } else if (reply.status === 404) {
    // The code was replaced since the page opened: nothing can be registered with it any more.
    forgetAll(code);
    pending = null;
    view = null;
    screen = 'unknown';
  } else if (reply.status === 0 || reply.status === 429 || reply.status >= 500) {
    waitReason = reply.status === 0 ? 'offline' : 'busy';
    screen = 'waiting';
  } else {
    // Refused (a taken place, a phone number, a field): back to the form with the API's words.
    forgetPending(code);
    pending = null;
    Object.assign(draft, { role: kept.role, fullName: kept.fullName, phone: kept.phone });
    placeProblem(reply.problem, kept);
    // An SK the API would not take is let go: it is chosen again.
    if (errors.sk) Object.assign(draft, { skDocumentId: '', skFileName: '' });
    keepDraft(code, draft);
    screen = 'form';
    // The place may have been taken meanwhile: the roles with room are read again.
    if (reply.status === 409) {
      const fresh = await call('getInvitation', { params: { code } });
      if (fresh.ok) {
        view = fresh.body;
        keepView(code, view);
      }
    }
  }
  render();
  if (screen !== 'form') root.querySelector('.outcome, .notice')?.scrollIntoView({ block: 'start' });
  else root.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' });
}

function tick(): void {
  if (skWaiting && navigator.onLine) void attachSk(skWaiting);
  if (!view && (screen === 'offline' || screen === 'failed')) void load();
  else if (pending) void trySend();
  else if (keptAt && navigator.onLine) void load();
}

retryWhenOnline(tick);
setLang(lang());
void load();
