/**
 * Putting one registration right, from the door's list: correct the name, phone, role or desa
 * (under the same rules as registering), undo a check-in tapped by mistake, or (admins) cancel the
 * registration. Each asks for its reason, which the audit trail keeps beside what changed; a
 * refusal is shown at the field it is about (a taken place at the role or desa, a used number at
 * the phone), naming who holds it.
 */
import { normalizePhone } from '#shared/kernel/people/phone.ts';
import { isVillageRole, type Role, roles, unitOf } from '#shared/sessions/rules/roles.ts';
import { ApiError, call } from '../api.ts';
import { fill, h, nextId, searchKey } from '../dom.ts';
import { choices, clearErrors, field, notice, showProblem } from '../forms.ts';
import { formatTime } from '../lang.ts';
import type { RequestBody } from '../operations.ts';
import { byName, type RegionIndex } from '../regions/lookup.ts';
import type { Registration, Session } from '../types.ts';
import { t } from './texts.ts';

/** The person as the door knows them; the phone only when the server's list had it. */
export type Person = Pick<
  Registration,
  'id' | 'fullName' | 'role' | 'villageCode' | 'kecamatanCode' | 'checkedInAt' | 'phone' | 'sk'
>;

export interface CorrectionOptions {
  session: Session;
  regions: RegionIndex;
  /** Only admins may cancel a registration (the route's access). */
  isAdmin: boolean;
  person: Person;
  /** After each change, with what the door says about it. */
  corrected: (before: Person, after: Registration, said: string) => void;
  undone: (after: Registration, said: string) => void;
  cancelled: (before: Person, said: string) => void;
  close: () => void;
}

/** `+6281211112222` as the desk writes it, `0812 1111 2222` (the API accepts either). */
function asWritten(phone: string | undefined): string {
  if (!phone?.startsWith('+62')) return phone ?? '';
  return `0${phone.slice(3)}`.replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3');
}

/** A refusal for one field the page itself found, shown like the API's. */
function fieldRefusal(name: string, message: string): ApiError {
  return new ApiError(400, message, '', [{ field: name, message }]);
}

/**
 * A 409 naming a holder, moved to the field it is about: the holder in the place asked for means
 * the place is taken (the desa or kecamatan when that changed, the name for an Anggota, else the
 * role); a holder elsewhere holds the phone number.
 */
function atItsField(error: unknown, wanted: { role: Role; unit: string; fullName: string }, before: Person): unknown {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.holder) return error;
  const holder = error.holder;
  const village = isVillageRole(wanted.role);
  const samePlace =
    holder.role === wanted.role &&
    (village ? holder.villageCode === wanted.unit : holder.kecamatanCode === wanted.unit) &&
    (wanted.role !== 'ANGGOTA_PANITIA' || searchKey(holder.fullName) === searchKey(wanted.fullName));
  const beforeUnit = village ? before.villageCode : before.kecamatanCode;
  let name = 'phone';
  if (samePlace) {
    if (wanted.role === 'ANGGOTA_PANITIA') name = 'fullName';
    else if (wanted.unit !== beforeUnit) name = village ? 'villageCode' : 'kecamatanCode';
    else name = 'role';
  }
  return new ApiError(409, error.message, error.title, [{ field: name, message: error.message }]);
}

/** A reason field; every correction asks for one. */
function reasonField(label: string): { input: HTMLInputElement; wrap: HTMLElement } {
  const input = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  return { input, wrap: field('reason', label, input) };
}

function editForm(options: CorrectionOptions): HTMLFormElement {
  const { session, regions, person } = options;
  let role: Role = person.role;
  const expected = new Set(session.villageCodes);
  const kecamatanList = byName(regions.kecamatan.filter((each) => session.kecamatanCodes.includes(each.code)));
  const kecamatan = h(
    'select',
    { required: true },
    h('option', { value: '' }, t('common.choose')),
    kecamatanList.map((each) => h('option', { value: each.code }, each.name)),
  );
  kecamatan.value = person.kecamatanCode ?? '';
  const village = h('select', { required: true });
  const fillVillages = (chosen: string) => {
    const list = kecamatan.value
      ? byName(regions.villages.filter((each) => each.kecamatanCode === kecamatan.value && expected.has(each.code)))
      : [];
    fill(
      village,
      h('option', { value: '' }, kecamatan.value ? t('common.choose') : t('register.village.first')),
      list.map((each) => h('option', { value: each.code }, each.name)),
    );
    village.disabled = !kecamatan.value;
    village.value = list.some((each) => each.code === chosen) ? chosen : '';
  };
  fillVillages(person.villageCode ?? '');
  kecamatan.addEventListener('change', () => fillVillages(''));
  const fullName = h('input', {
    type: 'text',
    maxlength: 120,
    required: true,
    autocomplete: 'off',
    autocapitalize: 'words',
    spellcheck: 'false',
    value: person.fullName,
  });
  const phone = h('input', {
    type: 'tel',
    inputmode: 'tel',
    maxlength: 32,
    autocomplete: 'off',
    value: asWritten(person.phone),
  });
  // A wrong SK Panitia sent through the invitation can be taken off (the file stays in the trail).
  const dropSk = h('input', { type: 'checkbox', id: nextId('drop-sk') });
  const skField = person.sk
    ? h(
        'div',
        { class: 'field check' },
        dropSk,
        h('label', { for: dropSk.id }, t('correct.dropSk', { file: person.sk.fileName })),
      )
    : null;
  const villageField = field('villageCode', t('register.village'), village);
  const kecamatanField = field('kecamatanCode', t('register.kecamatan'), kecamatan);
  const reason = reasonField(t('correct.reason'));
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('correct.submit'));
  const showRole = () => {
    villageField.hidden = !isVillageRole(role);
    // An agency's representative comes from no desa or kecamatan.
    kecamatanField.hidden = unitOf(role) === 'none';
  };
  const form = h(
    'form',
    { class: 'correction-form', novalidate: true },
    choices(
      'role',
      t('register.role'),
      roles
        .filter((each) => each === person.role || session.roles.some((entry) => entry.role === each))
        .map((each) => ({ value: each, label: t(`role.${each}`) })),
      role,
      (value) => {
        role = value as Role;
        showRole();
      },
    ),
    kecamatanField,
    villageField,
    field('fullName', t('register.name'), fullName),
    field('phone', `${t('register.phone')} (${t('common.optional')})`, phone, t('correct.phone.hint')),
    skField,
    reason.wrap,
    box,
    submit,
  );
  showRole();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    clearErrors(form);
    box.hidden = true;
    const byVillage = isVillageRole(role);
    const unitless = unitOf(role) === 'none';
    const unit = unitless ? '' : byVillage ? village.value : kecamatan.value;
    // The page's own checks, in its words: a place needs its desa or kecamatan, a change its reason.
    if (!unit && !unitless) {
      const refusal = byVillage
        ? kecamatan.value
          ? fieldRefusal('villageCode', t('correct.village.needed'))
          : fieldRefusal('kecamatanCode', t('register.kecamatan.first'))
        : fieldRefusal('kecamatanCode', t('correct.kecamatan.needed'));
      return showProblem(form, box, refusal);
    }
    const body: RequestBody<'updateRegistration'> = { reason: reason.input.value };
    if (fullName.value !== person.fullName) body.fullName = fullName.value;
    // The same number however it is written is no change (the API would find it unchanged too).
    const typed = phone.value.trim();
    if ((normalizePhone(typed) ?? typed) !== (person.phone ?? '')) body.phone = typed === '' ? null : typed;
    if (role !== person.role) body.role = role;
    if (person.sk && dropSk.checked) body.sk = null;
    const unitBefore =
      isVillageRole(person.role) === byVillage ? (byVillage ? person.villageCode : person.kecamatanCode) : '';
    if (!unitless && unit !== unitBefore) {
      if (byVillage) body.villageCode = unit;
      else body.kecamatanCode = unit;
    }
    if (Object.keys(body).length === 1) return notice(box, 'info', t('edit.unchanged'));
    if (!reason.input.value.trim()) return showProblem(form, box, fieldRefusal('reason', t('correct.reason.needed')));
    submit.disabled = true;
    try {
      const { body: after } = await call('updateRegistration', {
        params: { sessionId: session.id, registrationId: person.id },
        body,
      });
      options.corrected(person, after, t('correct.done', { name: after.fullName }));
    } catch (error) {
      showProblem(form, box, atItsField(error, { role, unit, fullName: fullName.value }, person));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/**
 * A step behind its own button: the button opens a small form (a sentence, the reason, a
 * confirming button), "Tidak jadi" folds it again.
 */
function guardedStep(options: {
  open: string;
  intro: string;
  reasonLabel: string;
  confirm: string;
  /** The reason is optional for the API here; the page asks for it all the same. */
  send: (reason: string) => Promise<void>;
}): HTMLElement {
  const slot = h('div', { class: 'guarded-step' });
  const opener = h('button', { type: 'button', class: 'secondary' }, options.open);
  const ask = () => {
    const reason = reasonField(options.reasonLabel);
    const box = h('div', { hidden: true });
    const yes = h('button', { type: 'submit', class: 'primary danger' }, options.confirm);
    const no = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          fill(slot, opener);
          opener.focus();
        },
      },
      t('correct.keep'),
    );
    const form = h(
      'form',
      { class: 'confirm-step', novalidate: true },
      h('p', { class: 'confirm-intro' }, options.intro),
      reason.wrap,
      box,
      h('div', { class: 'button-row' }, yes, no),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (yes.disabled) return;
      clearErrors(form);
      box.hidden = true;
      if (!reason.input.value.trim()) {
        return showProblem(form, box, fieldRefusal('reason', t('correct.reason.needed')));
      }
      yes.disabled = true;
      try {
        await options.send(reason.input.value);
      } catch (error) {
        showProblem(form, box, error);
      } finally {
        yes.disabled = false;
      }
    });
    fill(slot, form);
    reason.input.focus();
  };
  opener.addEventListener('click', ask);
  fill(slot, opener);
  return slot;
}

/** The correction panel for one person: the edit form, then undoing the check-in, then cancelling. */
export function correctionPanel(options: CorrectionOptions): HTMLElement[] {
  const { session, person } = options;
  const params = { sessionId: session.id, registrationId: person.id };
  const close = h('button', { type: 'button', class: 'secondary', onclick: options.close }, t('correct.close'));
  return [
    h('h2', { tabindex: -1 }, t('correct.title', { name: person.fullName })),
    h('p', { class: 'hint' }, t('correct.intro')),
    editForm(options),
    person.checkedInAt
      ? h(
          'section',
          { class: 'correction-step', 'aria-label': t('undo.open') },
          h('p', null, t('undo.present', { time: formatTime(person.checkedInAt) })),
          guardedStep({
            open: t('undo.open'),
            intro: t('undo.intro', { name: person.fullName }),
            reasonLabel: t('undo.reason'),
            confirm: t('undo.confirm'),
            send: async (reason) => {
              const { body: after } = await call('undoCheckIn', { params, body: { reason } });
              options.undone(after, t('undo.done', { name: after.fullName }));
            },
          }),
        )
      : null,
    options.isAdmin
      ? h(
          'section',
          { class: 'correction-step', 'aria-label': t('cancel.open') },
          guardedStep({
            open: t('cancel.open'),
            intro: t('cancel.intro', { name: person.fullName }),
            reasonLabel: t('cancel.reason'),
            confirm: t('cancel.confirm'),
            send: async (reason) => {
              await call('cancelRegistration', { params, body: { reason } });
              options.cancelled(person, t('cancel.done', { name: person.fullName }));
            },
          }),
        )
      : null,
    h('div', { class: 'button-row' }, close),
  ].filter((each) => each !== null);
}
