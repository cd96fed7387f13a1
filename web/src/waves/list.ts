/** The waves, latest voting day first, and for admins the form that makes a new one. */
import { call } from '../api.ts';
import { h } from '../dom.ts';
import { notice, onSubmit } from '../forms.ts';
import { formatDate } from '../lang.ts';
import { heading, type PageContext } from '../page.ts';
import { loadRegions } from '../regions/lookup.ts';
import type { WaveSummary } from '../types.ts';
import { t } from './texts.ts';
import { newWave, waveFields } from './wave-form.ts';

/** "Pemungutan suara 12 Januari 2027 · 82 desa". */
export function waveMeta(wave: { votingDay: string; villages: number }): string {
  return t('waves.meta', { date: formatDate(wave.votingDay), n: wave.villages });
}

function card(wave: WaveSummary): HTMLLIElement {
  return h(
    'li',
    null,
    h(
      'a',
      { class: 'card link', href: `#/gelombang/${wave.id}` },
      h('strong', { class: 'card-title' }, wave.name),
      h('span', { class: 'meta' }, waveMeta(wave)),
    ),
  );
}

export async function wavesListPage({ view, user, left }: PageContext): Promise<undefined> {
  const [{ body: waves }, regions] = await Promise.all([call('listWaves'), loadRegions()]);
  if (left()) return undefined;
  const empty = h('div', { hidden: true });
  if (waves.items.length === 0) notice(empty, 'info', t('waves.empty'));
  view.append(heading(t('waves.title')), empty, h('ul', { class: 'cards' }, waves.items.map(card)));
  if (!user.isAdmin) return undefined;
  const fields = waveFields(regions);
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('waves.create'));
  const form = h(
    'form',
    { class: 'panel wave-form', novalidate: true },
    heading(t('waves.new'), 'h2'),
    h('p', { class: 'hint' }, t('waves.new.intro')),
    fields.elements,
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    try {
      const { body: created } = await call('createWave', { body: newWave(fields) });
      location.hash = `#/gelombang/${created.id}`;
    } catch (error) {
      throw fields.explain(error);
    }
  });
  view.append(form);
  return undefined;
}
