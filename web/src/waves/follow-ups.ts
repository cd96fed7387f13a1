/**
 * The daily chase list: every desa that is not ready as of the day shown, most urgent first (the
 * API's order), how far up it goes (level 1, 2, 3 in words), what is missing, and for each contact
 * a WhatsApp link with the message already written; a desa without any phone says so.
 */
import { ApiError, call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatDate } from '../lang.ts';
import type { FollowUp, FollowUps } from '../types.ts';
import { asOf, asOfPicker, countdown, showDay } from './as-of.ts';
import { stateBadge } from './board.ts';
import { t } from './texts.ts';
import type { WavePage } from './waves.ts';

/** One WhatsApp button per contact, and the number to call. */
export function contactLinks(item: FollowUp): HTMLElement[] {
  return item.contacts.map((contact) =>
    h(
      'div',
      { class: 'contact' },
      h(
        'a',
        { class: 'button whatsapp', href: contact.whatsappUrl, target: '_blank', rel: 'noopener noreferrer' },
        t('chase.whatsapp', { role: t(`role.${contact.role}`), name: contact.name }),
      ),
      h('a', { class: 'tel', href: `tel:+${contact.phone}` }, `+${contact.phone}`),
    ),
  );
}

function chaseItem(waveId: string, item: FollowUp): HTMLElement {
  return h(
    'li',
    { class: `chase-item level-${item.level}${item.urgent ? ' urgent' : ''}` },
    h('div', { class: 'chase-line' }, h('h2', null, item.villageName), stateBadge(item.state)),
    h('p', { class: 'meta' }, t('unit.kecamatan', { name: item.kecamatanName })),
    h('p', { class: 'level' }, t(`chase.level.${item.level}`)),
    h(
      'ul',
      { class: 'reason-list' },
      item.reasons.map((reason) => h('li', null, reason.message)),
    ),
    item.contacts.length ? h('div', { class: 'contacts' }, contactLinks(item)) : null,
    item.note ? h('p', { class: 'note' }, item.note) : null,
    h('p', null, h('a', { href: `#/gelombang/${waveId}/desa/${item.villageCode}` }, t('chase.open'))),
  );
}

export const chasePage: WavePage = async ({ view, wave, left }) => {
  const waveId = wave.id;
  const summary = h('p', { class: 'chase-summary', 'aria-live': 'polite' });
  const list = h('ol', { class: 'chase-list' });
  const box = h('div', { hidden: true });
  const load = async () => (await call('getFollowUps', { params: { waveId }, query: { date: asOf(waveId) } })).body;
  let followUps: FollowUps = await load();
  if (left()) return undefined;
  const draw = () => {
    const when = { date: formatDate(followUps.date), countdown: countdown(followUps.daysToVoting) };
    summary.textContent = followUps.items.length
      ? t('chase.summary', { n: followUps.items.length, ...when })
      : t('chase.allReady', when);
    fill(
      list,
      followUps.items.map((item) => chaseItem(waveId, item)),
    );
  };
  const picker = asOfPicker(waveId, asOf(waveId) ?? '', async () => {
    box.hidden = true;
    try {
      followUps = await load();
      if (left()) return;
      showDay(picker, followUps.date);
      draw();
    } catch (error) {
      notice(box, 'error', error instanceof ApiError ? error.message : t('error.network'));
    }
  });
  showDay(picker, followUps.date);
  view.append(h('p', { class: 'section-intro' }, h('strong', null, t('chase.title'))), picker, box, summary, list);
  draw();
  return undefined;
};
