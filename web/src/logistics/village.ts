/**
 * One desa's logistics: its state (by the summary's rule, so a desa sent 4 of 6 reads "Sebagian
 * dikirim" here as on the overview), allocation against what was shipped, its shipments, and its
 * history.
 */
import { shortOfAllocation } from '#shared/logistics/rules/receipt.ts';
import { allowed, call } from '../api.ts';
import { auditTrail } from '../audit/trail.ts';
import { add, h } from '../dom.ts';
import { formatDateTime, num } from '../lang.ts';
import { heading } from '../page.ts';
import type { LogisticsPage } from './logistics.ts';
import { desaFigures, desaState, shipmentState, stateBadge } from './states.ts';
import { t } from './texts.ts';

export const villageLogisticsPage: LogisticsPage = async ({ view, regions, params, user, left }) => {
  const code = params[0] ?? '';
  const village = regions.villages.find((each) => each.code === code);
  if (!village) {
    view.append(heading(t('village.unknown')));
    return undefined;
  }
  const [{ body: items }, { body: allocations }, { body: shipments }] = await Promise.all([
    call('listItems'),
    call('listAllocations'),
    call('listShipments', { query: { villageCode: code, limit: 1000 } }),
  ]);
  if (left()) return undefined;
  const allocation = allocations.items.find((each) => each.villageCode === code)?.lines ?? [];
  const figures = desaFigures(allocation, shipments.items);
  const state = desaState(shipments.items, allocation);
  const short = shortOfAllocation(figures.values());
  const rows = items.items.filter((item) => figures.has(item.code));
  add(
    view,
    h(
      'header',
      { class: 'section-head' },
      h('p', { class: 'back' }, h('a', { href: '#/logistik' }, `← ${t('log.title')}`)),
      heading(t('unit.village', { name: village.name })),
      h(
        'p',
        { class: 'meta' },
        `${t('unit.kecamatan', { name: regions.kecamatanName(village.kecamatanCode) })} · ${t('village.figures', {
          dpt: village.dpt ?? '—',
          tps: village.tps ?? '—',
        })} `,
        stateBadge(state),
      ),
      allowed(user, 'createShipment') &&
        h('a', { class: 'button primary', href: `#/logistik/kirim/${code}` }, t('village.dispatch')),
    ),
    h('h2', null, t('village.shipments')),
    shipments.items.length === 0
      ? h('p', { class: 'meta' }, t('village.noShipments'))
      : h(
          'ul',
          { class: 'cards' },
          shipments.items.map((shipment) =>
            h(
              'li',
              null,
              h(
                'a',
                { class: 'card link', href: `#/logistik/kiriman/${shipment.id}` },
                h('strong', { class: 'card-title' }, shipment.bastNumber),
                h('span', { class: 'meta' }, t('shipment.shippedAt', { time: formatDateTime(shipment.createdAt) })),
                h('span', null, stateBadge(shipmentState(shipment, short))),
              ),
            ),
          ),
        ),
    h('h2', null, t('village.allocation')),
    rows.length === 0
      ? h('p', { class: 'meta' }, t('village.noAllocation'))
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            // On a phone each item is a card of its three numbers, "Sisa" in view without scrolling.
            { class: 'items-table' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, t('col.item')),
                h('th', { scope: 'col', class: 'num' }, t('col.allocated')),
                h('th', { scope: 'col', class: 'num' }, t('col.shipped')),
                h('th', { scope: 'col', class: 'num' }, t('col.remaining')),
              ),
            ),
            h(
              'tbody',
              null,
              rows.map((item) => {
                const given = figures.get(item.code)?.allocated ?? 0;
                const sent = figures.get(item.code)?.shipped ?? 0;
                return h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, item.name, h('span', { class: 'unit' }, item.unit)),
                  h('td', { class: 'num', 'data-label': t('col.allocated') }, num(given)),
                  h('td', { class: 'num', 'data-label': t('col.shipped') }, num(sent)),
                  h(
                    'td',
                    { class: `num${given - sent < 0 ? ' bad' : ''}`, 'data-label': t('col.remaining') },
                    num(given - sent),
                  ),
                );
              }),
            ),
          ),
        ),
    allowed(user, 'listAudit') && auditTrail({ villageCode: code }, { regions }, t('village.history')),
  );
  return undefined;
};
