/**
 * The logistics overview: how many desa are in each state (tap one to list them), per item what
 * was allocated, shipped and how it arrived, the desa list with kecamatan and state filters (each
 * desa opens its shipments), and the CSV/Excel downloads.
 */
import { VILLAGE_STATES } from '#shared/logistics/rules/summary.ts';
import { allowed, call } from '../api.ts';
import { add, fill, h } from '../dom.ts';
import { exportButtons } from '../exports.ts';
import { num } from '../lang.ts';
import { byName } from '../regions/lookup.ts';
import type { LogisticsSummary } from '../types.ts';
import type { LogisticsPage } from './logistics.ts';
import { stateBadge, type VillageState } from './states.ts';
import { t } from './texts.ts';

function itemsTable(summary: LogisticsSummary): HTMLElement {
  const columns = ['allocated', 'shipped', 'good', 'minorDamage', 'majorDamage', 'missing'] as const;
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'items-table' },
      h('caption', { class: 'sr-only' }, t('summary.items')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('col.item')),
          columns.map((column) => h('th', { scope: 'col', class: 'num' }, t(`col.${column}`))),
        ),
      ),
      h(
        'tbody',
        null,
        summary.items.map((item) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, item.name, h('span', { class: 'unit' }, item.unit)),
            columns.map((column) =>
              h(
                'td',
                {
                  class: `num${(column === 'missing' || column.endsWith('Damage')) && item[column] > 0 ? ' bad' : ''}`,
                  'data-label': t(`col.${column}`),
                },
                num(item[column]),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export const summaryPage: LogisticsPage = async ({ view, regions, user, left }) => {
  const { body: summary } = await call('getLogisticsSummary');
  if (left()) return undefined;
  let state: VillageState | '' = '';
  let kecamatan = '';

  const tiles = h('div', { class: 'tiles', role: 'group', 'aria-label': t('summary.states') });
  const list = h('ul', { class: 'village-list' });
  const shown = h('p', { class: 'meta', 'aria-live': 'polite' });
  const stateSelect = h(
    'select',
    { id: 'filter-state' },
    h('option', { value: '' }, t('state.all')),
    VILLAGE_STATES.map((each) => h('option', { value: each }, t(`state.${each}`))),
  );
  const kecamatanSelect = h(
    'select',
    { id: 'filter-kecamatan' },
    h('option', { value: '' }, t('summary.allKecamatan')),
    byName(regions.kecamatan).map((each) => h('option', { value: each.code }, each.name)),
  );

  const drawTiles = () =>
    fill(
      tiles,
      VILLAGE_STATES.map((each) =>
        h(
          'button',
          {
            type: 'button',
            class: `tile ${each}`,
            'aria-pressed': state === each ? 'true' : 'false',
            onclick: () => {
              state = state === each ? '' : each;
              stateSelect.value = state;
              draw();
            },
          },
          h('strong', null, num(summary.states[each] ?? 0)),
          h('span', null, t(`state.${each}`)),
        ),
      ),
    );

  const draw = () => {
    drawTiles();
    const villages = summary.villages
      .filter((each) => (!state || each.state === state) && (!kecamatan || each.kecamatanCode === kecamatan))
      .map((each) => ({ ...each, name: regions.villageName(each.villageCode) }))
      .sort(
        (a, b) =>
          regions.kecamatanName(a.kecamatanCode).localeCompare(regions.kecamatanName(b.kecamatanCode), 'id') ||
          a.name.localeCompare(b.name, 'id'),
      );
    shown.textContent = villages.length ? t('summary.shown', { n: villages.length }) : t('summary.none');
    fill(
      list,
      villages.map((each) =>
        h(
          'li',
          null,
          h(
            'a',
            { class: 'village-row', href: `#/logistik/desa/${each.villageCode}` },
            h(
              'span',
              { class: 'who' },
              h('strong', null, each.name),
              h(
                'span',
                { class: 'meta' },
                `${t('unit.kecamatan', { name: regions.kecamatanName(each.kecamatanCode) })} · ${t('summary.shipments', { n: each.shipments })}`,
              ),
            ),
            stateBadge(each.state),
          ),
        ),
      ),
    );
  };
  stateSelect.addEventListener('change', () => {
    state = stateSelect.value as VillageState | '';
    draw();
  });
  kecamatanSelect.addEventListener('change', () => {
    kecamatan = kecamatanSelect.value;
    draw();
  });

  const exportNotice = h('div', { hidden: true });

  add(
    view,
    h('h2', { class: 'sr-only' }, t('summary.states')),
    tiles,
    allowed(user, 'exportLogisticsCsv') &&
      h(
        'div',
        { class: 'exports', role: 'group', 'aria-labelledby': 'log-exports' },
        h('span', { id: 'log-exports' }, t('summary.exports')),
        h(
          'div',
          { class: 'button-row' },
          exportButtons({
            files: { csv: 'exportLogisticsCsv', xlsx: 'exportLogisticsXlsx' },
            fallbackName: 'logistik',
            label: (format) => t('summary.download', { format }),
            failed: (format, reason) => t('summary.downloadFailed', { format, reason }),
            notices: exportNotice,
          }),
        ),
      ),
    exportNotice,
    h('h2', null, t('summary.items')),
    itemsTable(summary),
    h('h2', null, t('summary.villages')),
    h(
      'div',
      { class: 'filters' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'filter-kecamatan' }, t('summary.filterKecamatan')),
        kecamatanSelect,
      ),
      h('div', { class: 'field' }, h('label', { for: 'filter-state' }, t('summary.filterState')), stateSelect),
    ),
    shown,
    list,
  );
  draw();
  return undefined;
};
