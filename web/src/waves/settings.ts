/**
 * A wave's settings (admin): its name, voting day (the whole schedule moves along), desa and
 * escalation, each change with a reason kept in the wave's history; removing a wave made by
 * mistake; and the history itself.
 */
import { daysBetween } from '#shared/waves/rules/calendar.ts';
import { ApiError, call } from '../api.ts';
import { h } from '../dom.ts';
import { field, notice, onSubmit } from '../forms.ts';
import type { RequestBody } from '../operations.ts';
import type { Wave } from '../types.ts';
import { t } from './texts.ts';
import { waveFields } from './wave-form.ts';
import type { WavePage } from './waves.ts';

function deleteForm(wave: Wave): HTMLElement {
  const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary danger' }, t('wave.delete.confirm'));
  const form = h(
    'form',
    { class: 'confirm-step', novalidate: true },
    h('p', null, t('wave.delete.intro')),
    field('reason', t('wave.delete.reason'), reason),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    await call('deleteWave', { params: { waveId: wave.id }, body: { reason: reason.value } });
    location.hash = '#/gelombang';
  });
  return h('details', { class: 'fold' }, h('summary', null, t('wave.delete')), form);
}

export const settingsPage: WavePage = async ({ view, wave, regions, renamed }) => {
  let current = wave;
  const fields = waveFields(regions, wave);
  const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('wave.save'));
  const form = h(
    'form',
    { class: 'panel wave-form', novalidate: true },
    h('h2', null, t('wave.edit')),
    fields.elements,
    field('reason', t('wave.field.reason'), reason, t('wave.field.reason.hint')),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    if (!reason.value.trim()) {
      const message = t('wave.field.reason.required');
      throw new ApiError(400, message, '', [{ field: 'reason', message }]);
    }
    const patch: RequestBody<'updateWave'> = { reason: reason.value };
    if (fields.name.value !== current.name) patch.name = fields.name.value;
    if (fields.votingDay.value !== current.votingDay) patch.votingDay = fields.votingDay.value;
    const villageCodes = fields.villageCodes();
    if (villageCodes) patch.villageCodes = villageCodes;
    const escalation = fields.escalation();
    if (
      escalation.kasiFromDays !== current.escalation.kasiFromDays ||
      escalation.urgentFromDays !== current.escalation.urgentFromDays
    ) {
      patch.escalation = escalation;
    }
    let fresh: Wave;
    try {
      fresh = (await call('updateWave', { params: { waveId: current.id }, body: patch })).body;
    } catch (error) {
      throw fields.explain(error);
    }
    const moved = daysBetween(current.votingDay, fresh.votingDay);
    current = fresh;
    reason.value = '';
    renamed(fresh);
    notice(box, 'ok', t('wave.saved'), moved ? t('wave.moved', { n: Math.abs(moved) }) : null);
  });
  const history = h('div');
  view.append(form, deleteForm(wave), history);
  // The trail in words is a chunk of its own, shared with the session and logistics pages.
  const { auditTrail } = await import('../audit/trail.ts');
  history.append(auditTrail({ waveId: wave.id }, { regions }, t('wave.history')));
  return undefined;
};
