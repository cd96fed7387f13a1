/**
 * The fields of a wave, shared by the new-wave form and the settings page: its name, voting day,
 * desa (every desa of the regency, or chosen by kecamatan; when editing, also "as they are"), and
 * when the chase list escalates. A refusal naming desa one by one (`villageCodes.3`: "Desa X
 * sudah termasuk Gelombang I …") is shown once, at the desa field.
 */
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { choices, field, withFieldMessage } from '../forms.ts';
import type { RequestBody } from '../operations.ts';
import { byName, type RegionIndex } from '../regions/lookup.ts';
import type { Wave } from '../types.ts';
import { t } from './texts.ts';

type Scope = 'keep' | 'all' | 'kecamatan';

export interface WaveFields {
  /** The fields, in the order the form shows them. */
  elements: HTMLElement[];
  name: HTMLInputElement;
  votingDay: HTMLInputElement;
  /** The desa chosen, or null to leave them as they are (editing). */
  villageCodes(): string[] | null;
  escalation(): { kasiFromDays: number; urgentFromDays: number };
  /** The refusal in the page's words: desa messages at the desa field, an empty date said plainly. */
  explain(error: unknown): unknown;
}

/** The fields, empty for a new wave or filled from `wave`. */
export function waveFields(regions: RegionIndex, wave?: Wave): WaveFields {
  const name = h('input', { type: 'text', maxlength: 150, required: true, autocomplete: 'off', value: wave?.name });
  const votingDay = h('input', { type: 'date', required: true, value: wave?.votingDay });
  // A browser without a date picker shows a text box: then the format is the one to type.
  const dateHint = votingDay.type === 'date' ? undefined : t('wave.field.date.hint');
  let scope: Scope = wave ? 'keep' : 'all';
  const perKecamatan = new Map<string, string[]>();
  for (const village of regions.villages) {
    perKecamatan.set(village.kecamatanCode, [...(perKecamatan.get(village.kecamatanCode) ?? []), village.code]);
  }
  const inWave = new Set(wave?.villageCodes ?? []);
  const boxes = byName(regions.kecamatan)
    .filter((each) => perKecamatan.has(each.code))
    .map((each) => {
      const codes = perKecamatan.get(each.code) ?? [];
      const input = h('input', {
        type: 'checkbox',
        value: each.code,
        checked: codes.length > 0 && codes.every((code) => inWave.has(code)),
      });
      return {
        codes,
        input,
        label: h(
          'label',
          { class: 'choice' },
          input,
          h('span', null, t('wave.villages.kecamatan', { name: each.name, n: codes.length })),
        ),
      };
    });
  const chosenCount = h('p', { class: 'hint', 'aria-live': 'polite' });
  const chosen = () => boxes.filter((box) => box.input.checked).flatMap((box) => box.codes);
  const kecamatanList = h(
    'fieldset',
    { class: 'field kecamatan-choice', hidden: true },
    h('legend', null, t('filter.kecamatan')),
    h(
      'div',
      { class: 'choice-grid' },
      boxes.map((box) => box.label),
    ),
    chosenCount,
  );
  const count = () => {
    chosenCount.textContent = t('wave.villages.chosen', { n: chosen().length });
  };
  kecamatanList.addEventListener('change', count);
  count();
  const scopes: Array<{ value: Scope; label: string }> = [
    ...(wave ? [{ value: 'keep' as const, label: t('wave.villages.keep', { n: wave.villageCodes.length }) }] : []),
    { value: 'all', label: t('wave.villages.all', { n: regions.villages.length }) },
    { value: 'kecamatan', label: t('wave.villages.byKecamatan') },
  ];
  const villages = choices('villageCodes', t('wave.field.villages'), scopes, scope, (value) => {
    scope = value as Scope;
    kecamatanList.hidden = scope !== 'kecamatan';
  });

  const kasi = h('input', {
    type: 'number',
    inputmode: 'numeric',
    min: 0,
    max: 120,
    step: 1,
    value: wave?.escalation.kasiFromDays ?? 7,
  });
  const urgent = h('input', {
    type: 'number',
    inputmode: 'numeric',
    min: 0,
    max: 120,
    step: 1,
    value: wave?.escalation.urgentFromDays ?? 3,
  });
  const escalation = h(
    'fieldset',
    { class: 'field escalation' },
    h('legend', null, t('wave.field.escalation')),
    h('p', { class: 'hint' }, t('wave.field.days.hint')),
    h(
      'div',
      { class: 'date-pair' },
      field('escalation.kasiFromDays', t('wave.field.kasiFromDays'), kasi),
      field('escalation.urgentFromDays', t('wave.field.urgentFromDays'), urgent),
    ),
  );

  return {
    elements: [
      field('name', t('wave.field.name'), name),
      field('votingDay', t('wave.field.votingDay'), votingDay, dateHint),
      villages,
      kecamatanList,
      escalation,
    ],
    name,
    votingDay,
    villageCodes: () => {
      if (scope === 'keep') return null;
      if (scope === 'all') return regions.villages.map((village) => village.code);
      return chosen();
    },
    escalation: () => ({ kasiFromDays: Number(kasi.value), urgentFromDays: Number(urgent.value) }),
    explain(error) {
      let result = error;
      if (!dateHint && !votingDay.value) result = withFieldMessage(result, 'votingDay', t('wave.field.date.empty'));
      if (scope === 'kecamatan' && chosen().length === 0) {
        result = withFieldMessage(result, 'villageCodes', t('wave.villages.none'));
      }
      return atVillageField(result);
    },
  };
}

/**
 * Messages about single desa (`villageCodes.N`) become one message at the desa field: the one
 * desa's sentence, or, for many in another wave, the sentence that counts them and names the wave.
 */
function atVillageField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const desa = error.errors.filter((each) => /^villageCodes\.\d+$/.test(each.field));
  if (desa.length === 0) return error;
  const others = error.errors.filter((each) => !desa.includes(each));
  const message =
    desa.length === 1
      ? (desa[0]?.message ?? error.message)
      : error.status === 409
        ? error.message
        : desa
            .slice(0, 3)
            .map((each) => each.message)
            .join('; ') + (desa.length > 3 ? ' …' : '');
  return new ApiError(error.status, error.message, error.title, [...others, { field: 'villageCodes', message }]);
}

/** The wave's body for POST /waves from the fields. */
export function newWave(fields: WaveFields): RequestBody<'createWave'> {
  return {
    name: fields.name.value,
    votingDay: fields.votingDay.value,
    villageCodes: fields.villageCodes() ?? [],
    escalation: fields.escalation(),
  };
}
