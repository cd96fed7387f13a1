/**
 * The registration form, built for a phone: role first, then kecamatan and desa from lists, then
 * the name as the person writes it. The desk (Pendaftaran) and the door's walk-in ("Daftar +
 * hadir") both use it. The API judges every field (its messages land beside them); after a
 * success the role and kecamatan stay chosen for the next person from the same area, and they
 * survive a reload of the page (kept in sessionStorage for this session).
 */
import { type Role, roles, unitOf } from '#shared/sessions/rules/roles.ts';
import { type Child, fill, h } from '../dom.ts';
import { choices, clearErrors, field, notice, showProblem, withFieldMessage } from '../forms.ts';
import type { RequestBody } from '../operations.ts';
import { byName, type RegionIndex } from '../regions/lookup.ts';
import type { Session } from '../types.ts';
import { t } from './texts.ts';

export type RegistrationBody = RequestBody<'register'>;

export interface RegistrationFormOptions {
  session: Session;
  regions: RegionIndex;
  /** Where the chosen role and kecamatan are remembered (one place per form kind). */
  memory: string;
  submitLabel: string;
  /** A name to start with (the walk-in's search words). */
  name?: string;
  /** Only roles of a desa or kecamatan (a kecamatan account registers its own units' people, no agency's). */
  unitsOnly?: boolean;
  /** Sends the registration; answers what the notice says after a success. */
  send: (body: RegistrationBody) => Promise<Child[]>;
}

interface Remembered {
  role: Role;
  kecamatan: string;
}

function recall(key: string): Remembered | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Remembered> | null;
    if (!value || !roles.includes(value.role as Role)) return null;
    return { role: value.role as Role, kecamatan: typeof value.kecamatan === 'string' ? value.kecamatan : '' };
  } catch {
    return null;
  }
}

function remember(key: string, value: Remembered): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode: chosen again after a reload.
  }
}

function placeholder(text: string): HTMLOptionElement {
  return h('option', { value: '' }, text);
}

/** The form and its notice; `focus()` puts the cursor where the next person starts. */
export function registrationForm(options: RegistrationFormOptions): { form: HTMLFormElement; focus(): void } {
  const { session, regions } = options;
  const memoryKey = `siap.${options.memory}.${session.id}`;
  const kept = recall(memoryKey);
  const offered = session.roles
    .filter((entry) => !options.unitsOnly || entry.unit !== 'none')
    .map((entry) => entry.role);
  let role: Role = kept && offered.includes(kept.role) ? kept.role : (offered[0] ?? 'KETUA_PANITIA');
  const expectedVillages = new Set(session.villageCodes);
  const kecamatanList = byName(regions.kecamatan.filter((each) => session.kecamatanCodes.includes(each.code)));

  const kecamatan = h(
    'select',
    { required: true },
    placeholder(t('common.choose')),
    kecamatanList.map((each) => h('option', { value: each.code }, each.name)),
  );
  if (kept?.kecamatan && kecamatanList.some((each) => each.code === kept.kecamatan)) kecamatan.value = kept.kecamatan;
  const village = h('select', { required: true });
  const fullName = h('input', {
    type: 'text',
    maxlength: 120,
    required: true,
    autocomplete: 'off',
    autocapitalize: 'words',
    spellcheck: 'false',
    value: options.name ?? '',
  });
  const phone = h('input', { type: 'tel', inputmode: 'tel', maxlength: 32, autocomplete: 'off' });
  const organization = h('input', { type: 'text', maxlength: 150, autocomplete: 'organization' });
  const villageField = field('villageCode', t('register.village'), village);
  const kecamatanField = field('kecamatanCode', t('register.kecamatan'), kecamatan);
  const organizationField = field(
    'organization',
    t('register.organization'),
    organization,
    t('register.organization.hint'),
  );
  const result = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, options.submitLabel);

  const keep = () => remember(memoryKey, { role, kecamatan: kecamatan.value });
  const fillVillages = () => {
    const chosen = kecamatan.value;
    const list = chosen
      ? byName(regions.villages.filter((each) => each.kecamatanCode === chosen && expectedVillages.has(each.code)))
      : [];
    fill(
      village,
      placeholder(chosen ? t('common.choose') : t('register.village.first')),
      list.map((each) => h('option', { value: each.code }, each.name)),
    );
    village.disabled = !chosen;
  };
  const showRole = () => {
    const unit = unitOf(role);
    villageField.hidden = unit !== 'village';
    kecamatanField.hidden = unit === 'none';
    organizationField.hidden = unit !== 'none';
  };
  kecamatan.addEventListener('change', () => {
    fillVillages();
    keep();
  });
  fillVillages();

  const form = h(
    'form',
    { class: 'panel register', novalidate: true },
    result,
    choices(
      'role',
      t('register.role'),
      roles.filter((each) => offered.includes(each)).map((each) => ({ value: each, label: t(`role.${each}`) })),
      role,
      (value) => {
        role = value as Role;
        showRole();
        keep();
      },
    ),
    kecamatanField,
    villageField,
    organizationField,
    field('fullName', t('register.name'), fullName),
    field('phone', `${t('register.phone')} (${t('common.optional')})`, phone, t('register.phone.hint')),
    submit,
  );
  showRole();
  const focus = () =>
    (!organizationField.hidden ? organization : villageField.hidden || village.disabled ? fullName : village).focus({
      preventScroll: true,
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // One registration per tap, however impatient the thumb.
    if (submit.disabled) return;
    submit.disabled = true;
    submit.textContent = t('register.sending');
    clearErrors(form);
    result.hidden = true;
    const body: RegistrationBody = { role, fullName: fullName.value };
    // The API wants the desa for desa roles (its kecamatan follows), the kecamatan for kecamatan
    // roles, and the agency for an agency's representative.
    const unit = unitOf(role);
    if (unit === 'kecamatan' && kecamatan.value) body.kecamatanCode = kecamatan.value;
    if (unit === 'village' && village.value) body.villageCode = village.value;
    if (unit === 'none' && organization.value.trim()) body.organization = organization.value;
    if (phone.value.trim()) body.phone = phone.value;
    try {
      const said = await options.send(body);
      notice(result, 'ok', ...said);
      fullName.value = '';
      phone.value = '';
      village.value = '';
      focus();
      result.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      // A desa the API asks for while no kecamatan is chosen: the desa list is still closed, so
      // the message belongs on the kecamatan, the field to fill first.
      const shown = kecamatan.value
        ? error
        : withFieldMessage(error, 'villageCode', t('register.kecamatan.first'), 'kecamatanCode');
      showProblem(form, result, shown);
      // Field errors move focus to the first bad field; otherwise (a 409) show the sentence.
      if (
        !(document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLSelectElement)
      ) {
        result.scrollIntoView({ block: 'nearest' });
      }
    } finally {
      submit.disabled = false;
      submit.textContent = options.submitLabel;
    }
  });
  return { form, focus };
}
