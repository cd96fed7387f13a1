/**
 * A desa's card on the board, as of the board's day: its state and why, whom to contact (the chase
 * list's WhatsApp links), its committee, its logistics lines, receipt and BAST photo, its
 * shipments, a replacement for what arrived broken or missing, and its problems.
 */
import { allowed, call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatDate, num } from '../lang.ts';
import { heading } from '../page.ts';
import type { FollowUp, ShipmentSummary, VillageReadiness } from '../types.ts';
import { asOf, countdown } from './as-of.ts';
import { stateBadge } from './board.ts';
import { contactLinks } from './follow-ups.ts';
import { problemsSection } from './problems.ts';
import { replaceSection, stillLost } from './replace.ts';
import { t } from './texts.ts';
import type { WavePage } from './waves.ts';

const ROLES = ['KETUA_PANITIA', 'SEKRETARIS_PANITIA'] as const;
const COLUMNS = ['allocated', 'shipped', 'usable', 'majorDamage', 'missing'] as const;

/** A phone as people read it: "+62 812…" for an international number, else as it was given. */
function phoneText(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return /^62\d/.test(digits) ? `+${digits}` : digits;
}

function committee(village: VillageReadiness): HTMLElement {
  return h(
    'ul',
    { class: 'committee' },
    ROLES.map((role) => {
      const member = village.committee[role];
      return h(
        'li',
        null,
        h('span', { class: 'meta' }, t(`role.${role}`)),
        member
          ? [
              h('strong', null, member.name),
              member.phone
                ? h(
                    'a',
                    {
                      class: 'tel',
                      href: `tel:${phoneText(member.phone)}`,
                      'aria-label': t('village.call', { name: member.name }),
                    },
                    phoneText(member.phone),
                  )
                : h('span', { class: 'meta' }, t('village.noPhone')),
              h(
                'span',
                { class: member.present ? 'present' : 'badge ACTION_NEEDED' },
                t(member.present ? 'village.present' : 'village.absent'),
              ),
            ]
          : h('span', null, t('village.notRegistered')),
      );
    }),
  );
}

function linesTable(village: VillageReadiness): HTMLElement {
  const { lines } = village.logistics;
  if (lines.length === 0) return h('p', { class: 'meta' }, t('village.noLines'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'items-table five' },
      h('caption', { class: 'sr-only' }, t('village.logistics')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('col.item')),
          COLUMNS.map((column) => h('th', { scope: 'col', class: 'num' }, t(`col.${column}`))),
        ),
      ),
      h(
        'tbody',
        null,
        lines.map((line) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, line.itemName),
            COLUMNS.map((column) => {
              const bad =
                (column === 'usable' && line.usable < line.allocated) ||
                ((column === 'majorDamage' || column === 'missing') && line[column] > 0);
              return h(
                'td',
                { class: `num${bad ? ' bad' : ''}`, 'data-label': t(`col.short.${column}`) },
                num(line[column]),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

function facts(village: VillageReadiness): HTMLElement {
  const fact = (label: string, yes: boolean) =>
    h('div', null, h('dt', null, label), h('dd', { class: yes ? 'yes' : 'no' }, t(yes ? 'village.yes' : 'village.no')));
  return h(
    'dl',
    { class: 'facts' },
    fact(t('village.receipt'), village.logistics.receiptConfirmed),
    fact(t('village.bastPhoto'), village.logistics.bastPhoto),
  );
}

function shipmentList(shipments: readonly ShipmentSummary[]): HTMLElement[] {
  if (shipments.length === 0) return [];
  return [
    h('h3', null, t('village.shipments')),
    h(
      'ul',
      { class: 'village-list' },
      shipments.map((shipment) =>
        h(
          'li',
          null,
          h(
            'a',
            { class: 'village-row', href: `#/logistik/kiriman/${shipment.id}` },
            h(
              'span',
              { class: 'who' },
              h('strong', null, shipment.bastNumber),
              h(
                'span',
                { class: 'meta' },
                [
                  shipment.replacesShipmentId ? t('village.replacement') : '',
                  t(shipment.receipt ? 'village.confirmed' : 'village.awaiting'),
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
}

function chase(item: FollowUp | undefined): HTMLElement {
  return h(
    'section',
    { class: 'chase', 'aria-labelledby': 'chase-head' },
    h('h2', { id: 'chase-head' }, t('village.chase')),
    item
      ? [
          item.contacts.length ? h('div', { class: 'contacts' }, contactLinks(item)) : null,
          item.note ? h('p', { class: 'note' }, item.note) : null,
        ]
      : h('p', { class: 'meta' }, t('village.ready')),
  );
}

export const villageCardPage: WavePage = async ({ view, wave, params, config, user, left }) => {
  const code = params[0] ?? '';
  const waveId = wave.id;
  const back = h(
    'p',
    { class: 'back' },
    h('a', { href: `#/gelombang/${waveId}` }, `← ${t('wave.tab.board')} · ${wave.name}`),
  );
  if (!wave.villageCodes.includes(code)) {
    view.append(back, heading(t('village.notInWave')));
    return undefined;
  }
  const status = h('div', { hidden: true });
  const codeBox = h('div', { class: 'code-box' });
  const card = h('div', { class: 'desa-card' });

  const draw = async (message: string) => {
    const date = asOf(waveId);
    const [readiness, followUps, problems, shipments] = await Promise.all([
      call('getReadiness', { params: { waveId }, query: { date } }),
      call('getFollowUps', { params: { waveId }, query: { date } }),
      call('listProblems', { params: { waveId }, query: { villageCode: code } }),
      call('listShipments', { query: { villageCode: code, limit: 1000 } }),
    ]);
    const lost = await stillLost(shipments.body.items);
    if (left()) return;
    const board = readiness.body;
    const village = board.villages.find((each) => each.villageCode === code);
    if (!village) {
      fill(card, back, heading(t('village.notInWave')));
      return;
    }
    const item = followUps.body.items.find((each) => each.villageCode === code);
    const ketua = village.committee.KETUA_PANITIA;
    if (message) notice(status, 'ok', message);
    else status.hidden = true;
    fill(
      card,
      h(
        'header',
        { class: 'section-head desa-head' },
        back,
        heading(t('unit.village', { name: village.villageName })),
        h(
          'p',
          { class: 'meta' },
          `${t('unit.kecamatan', { name: village.kecamatanName })} · ${t('village.asOf', { date: formatDate(board.date) })} · `,
          h('span', { class: 'countdown' }, countdown(board.daysToVoting)),
        ),
        h('p', null, stateBadge(village.state)),
        village.reasons.length
          ? h(
              'ul',
              { class: 'reason-list' },
              village.reasons.map((reason) => h('li', null, reason.message)),
            )
          : h('p', { class: 'meta' }, t('board.allMet')),
      ),
      status,
      codeBox,
      chase(item),
      problemsSection({
        waveId,
        villageCode: code,
        problems: problems.body.items,
        done: (said) => draw(said),
      }),
      h('h2', null, t('village.committee')),
      committee(village),
      h('h2', null, t('village.logistics')),
      linesTable(village),
      facts(village),
      shipmentList(shipments.body.items),
      h('p', null, h('a', { href: `#/logistik/desa/${code}` }, t('village.openLogistics'))),
      // Sending a replacement is the DPMD's (a kecamatan account sees what was lost and chases).
      allowed(user, 'createReplacement') &&
        replaceSection({
          lost,
          regency: config.regency.name,
          villageName: village.villageName,
          kecamatanName: village.kecamatanName,
          ...(ketua?.phone ? { chair: { name: ketua.name, phone: ketua.phone } } : {}),
          codeBox,
          done: (said) => draw(said),
        }),
    );
    // An action's outcome is told at the top of the card: bring it into view.
    if (message) status.scrollIntoView({ block: 'nearest' });
  };
  view.append(card);
  await draw('');
  return undefined;
};
