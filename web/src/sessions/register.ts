/**
 * The registration desk (Pendaftaran): one person at a time with the registration form, or a
 * whole list at once from a CSV or XLSX file. The import panel and its parsers load only when the
 * panel is opened, so the desk's first load stays small.
 */
import { allowed, call } from '../api.ts';
import { add, fill, h } from '../dom.ts';
import { notice } from '../forms.ts';
import { registrationForm } from './registration-form.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

export const registerPage: SessionPage = async (context) => {
  const { view, session, regions, user } = context;
  const { form } = registrationForm({
    session,
    regions,
    memory: 'daftar',
    unitsOnly: user.kecamatanCode !== null,
    submitLabel: t('register.submit'),
    send: async (body) => {
      const reply = await call('register', { params: { sessionId: session.id }, body });
      const person = reply.body;
      const unit = person.villageCode
        ? t('unit.village', { name: regions.villageName(person.villageCode) })
        : person.kecamatanCode
          ? t('unit.kecamatan', { name: regions.kecamatanName(person.kecamatanCode) })
          : (person.organization ?? '');
      return [
        h('strong', null, t(reply.status === 201 ? 'register.done' : 'register.again', { name: person.fullName })),
        h('span', null, `${t(`role.${person.role}`)} · ${unit}`),
      ];
    },
  });

  const panelBody = h('div', { class: 'import-body' }, h('p', { class: 'meta' }, t('app.loading')));
  const panel = h('details', { class: 'panel import' }, h('summary', null, t('import.title')), panelBody);
  let opened = false;
  panel.addEventListener('toggle', () => {
    if (!panel.open || opened) return;
    opened = true;
    import('./import.ts')
      .then((module) => module.importPanel(panelBody, context))
      .catch(() => {
        opened = false;
        const box = h('div');
        notice(box, 'error', t('error.network'));
        fill(panelBody, box);
      });
  });

  add(view, form, allowed(user, 'importRegistrations') && panel);
  return undefined;
};
