/**
 * The registration desk, built for a phone: role first, then kecamatan and desa from lists, then
 * the name as the person writes it. The API judges every field (its messages land beside them);
 * after a success the role and kecamatan stay chosen for the next person from the same area.
 */
import { type Role, roles } from '#shared/sessions/rules/roles.ts';
import { call } from '../api.ts';
import { h } from '../dom.ts';
import { choices, clearErrors, field, notice, showProblem } from '../forms.ts';
import type { RequestBody } from '../operations.ts';
import { byName } from '../regions/lookup.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

function placeholder(text: string): HTMLOptionElement {
  return h('option', { value: '' }, text);
}

export const registerPage: SessionPage = async ({ view, session, regions }) => {
  let role: Role = 'KETUA_PANITIA';
  const expectedVillages = new Set(session.villageCodes);
  const kecamatanList = byName(regions.kecamatan.filter((each) => session.kecamatanCodes.includes(each.code)));

  const kecamatan = h(
    'select',
    null,
    placeholder(t('common.choose')),
    kecamatanList.map((each) => h('option', { value: each.code }, each.name)),
  );
  const village = h('select', null);
  const fullName = h('input', {
    type: 'text',
    maxlength: 120,
    required: true,
    autocomplete: 'off',
    autocapitalize: 'words',
    spellcheck: 'false',
  });
  const phone = h('input', { type: 'tel', inputmode: 'tel', maxlength: 32, autocomplete: 'off' });
  const villageField = field('villageCode', t('register.village'), village);
  const result = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('register.submit'));

  const fillVillages = () => {
    const chosen = kecamatan.value;
    const options = chosen
      ? byName(regions.villages.filter((each) => each.kecamatanCode === chosen && expectedVillages.has(each.code)))
      : [];
    village.replaceChildren(
      placeholder(chosen ? t('common.choose') : t('register.village.first')),
      ...options.map((each) => h('option', { value: each.code }, each.name)),
    );
    village.disabled = !chosen;
  };
  const showRole = () => {
    villageField.hidden = role === 'KASI_PEMERINTAHAN';
  };
  kecamatan.addEventListener('change', fillVillages);
  fillVillages();

  const form = h(
    'form',
    { class: 'panel register', novalidate: true },
    result,
    choices(
      'role',
      t('register.role'),
      roles.map((each) => ({ value: each, label: t(`role.${each}`) })),
      role,
      (value) => {
        role = value as Role;
        showRole();
      },
    ),
    field('kecamatanCode', t('register.kecamatan'), kecamatan),
    villageField,
    field('fullName', t('register.name'), fullName),
    field('phone', `${t('register.phone')} (${t('common.optional')})`, phone, t('register.phone.hint')),
    submit,
  );
  showRole();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // One registration per tap, however impatient the thumb.
    if (submit.disabled) return;
    submit.disabled = true;
    submit.textContent = t('register.sending');
    clearErrors(form);
    result.hidden = true;
    const body: RequestBody<'register'> = { role, fullName: fullName.value };
    // The API wants the desa for committee roles (its kecamatan follows) and the kecamatan for the Kasi.
    if (role === 'KASI_PEMERINTAHAN') {
      if (kecamatan.value) body.kecamatanCode = kecamatan.value;
    } else if (village.value) body.villageCode = village.value;
    if (phone.value.trim()) body.phone = phone.value;
    try {
      const reply = await call('register', { params: { sessionId: session.id }, body });
      const person = reply.body;
      const unit = person.villageCode
        ? t('unit.village', { name: regions.villageName(person.villageCode) })
        : t('unit.kecamatan', { name: regions.kecamatanName(person.kecamatanCode) });
      notice(
        result,
        'ok',
        h('strong', null, t(reply.status === 201 ? 'register.done' : 'register.again', { name: person.fullName })),
        h('span', null, `${t(`role.${person.role}`)} · ${unit}`),
      );
      fullName.value = '';
      phone.value = '';
      village.value = '';
      (villageField.hidden ? fullName : village).focus({ preventScroll: true });
      result.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      showProblem(form, result, error);
      // Field errors move focus to the first bad field; otherwise (a 409) show the sentence.
      if (
        !(document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLSelectElement)
      ) {
        result.scrollIntoView({ block: 'nearest' });
      }
    } finally {
      submit.disabled = false;
      submit.textContent = t('register.submit');
    }
  });

  view.append(form);
  return undefined;
};
