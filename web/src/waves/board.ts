/**
 * A wave's readiness board: the picture first (the totals as a sentence, one bar per kecamatan
 * split ready / action needed / late, the trend of desa ready per day), as of today or a day
 * picked; the downloads of that same day; then the desa, filtered by kecamatan, state and reason,
 * each opening its card.
 */
import { ApiError, call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { exportButtons } from '../exports.ts';
import { notice } from '../forms.ts';
import { byName } from '../regions/lookup.ts';
import type { Readiness, ReadinessState, ReasonCode, Snapshot, VillageReadiness } from '../types.ts';
import { asOf, asOfPicker, countdown, showDay } from './as-of.ts';
import { kecamatanBars, legend, STATES, trendChart } from './chart.ts';
import { t } from './texts.ts';
import type { WavePage } from './waves.ts';

const REASONS: readonly ReasonCode[] = [
  'KETUA_NOT_TRAINED',
  'SEKRETARIS_NOT_TRAINED',
  'NOT_ALLOCATED',
  'NOT_SHIPPED',
  'RECEIPT_PENDING',
  'SHORTFALL',
  'BAST_PHOTO_MISSING',
  'PROBLEM_OPEN',
];

/** "61 dari 82 desa siap; 14 perlu tindakan; 7 terlambat; H-12". */
export function totalsSentence(readiness: Readiness): string {
  return t('board.totals', { ...readiness.totals, countdown: countdown(readiness.daysToVoting) });
}

/** A desa's state as a coloured label. */
export function stateBadge(state: ReadinessState): HTMLElement {
  return h('span', { class: `badge ${state}` }, t(`state.${state}`));
}

function desaRow(waveId: string, village: VillageReadiness): HTMLElement {
  return h(
    'li',
    null,
    h(
      'a',
      { class: 'desa-row', href: `#/gelombang/${waveId}/desa/${village.villageCode}` },
      h('span', { class: 'desa-top' }, h('strong', null, village.villageName), stateBadge(village.state)),
      h('span', { class: 'meta' }, t('unit.kecamatan', { name: village.kecamatanName })),
      h(
        'span',
        { class: 'reasons' },
        village.reasons.length ? village.reasons.map((reason) => reason.message).join('; ') : t('board.allMet'),
      ),
    ),
  );
}

export const boardPage: WavePage = async ({ view, wave, regions, left, user }) => {
  const waveId = wave.id;
  const filters = { kecamatan: '', state: '' as ReadinessState | '', reason: '' as ReasonCode | '' };
  const fetchReadiness = async () =>
    (await call('getReadiness', { params: { waveId }, query: { date: asOf(waveId) } })).body;
  let [readiness, history]: [Readiness, Snapshot[]] = await Promise.all([
    fetchReadiness(),
    // The trend is the regency's totals: a kecamatan account is not given it (403) and sees no trend.
    call('getReadinessHistory', { params: { waveId } }).then(
      (reply) => reply.body.items,
      () => [],
    ),
  ]);
  if (left()) return undefined;

  const sentence = h('p', { class: 'totals-sentence', 'aria-live': 'polite' });
  const bars = h('div', { class: 'bars-box' });
  const trend = h('div', { class: 'trend-box' });
  const list = h('ul', { class: 'village-list' });
  const shown = h('p', { class: 'meta shown', 'aria-live': 'polite' });
  const loadNotice = h('div', { hidden: true });
  const exportNotice = h('div', { hidden: true });

  const select = (label: string, id: string, options: Array<[string, string]>, onChange: (value: string) => void) => {
    const control = h(
      'select',
      { id },
      options.map(([value, text]) => h('option', { value }, text)),
    );
    control.addEventListener('change', () => onChange(control.value));
    return { control, wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control) };
  };
  const kecamatanFilter = select(
    t('filter.kecamatan'),
    'wave-filter-kecamatan',
    [
      ['', t('filter.allKecamatan')],
      ...byName(regions.kecamatan).map((each): [string, string] => [each.code, each.name]),
    ],
    (value) => {
      filters.kecamatan = value;
      draw();
    },
  );
  const stateFilter = select(
    t('filter.state'),
    'wave-filter-state',
    [['', t('filter.allStates')], ...STATES.map((state): [string, string] => [state, t(`state.${state}`)])],
    (value) => {
      filters.state = value as ReadinessState | '';
      drawList();
    },
  );
  const reasonFilter = select(
    t('filter.reason'),
    'wave-filter-reason',
    [['', t('filter.allReasons')], ...REASONS.map((code): [string, string] => [code, t(`reason.${code}`)])],
    (value) => {
      filters.reason = value as ReasonCode | '';
      drawList();
    },
  );

  const drawList = () => {
    const villages = readiness.villages
      .filter(
        (each) =>
          (!filters.kecamatan || each.kecamatanCode === filters.kecamatan) &&
          (!filters.state || each.state === filters.state) &&
          (!filters.reason || each.reasons.some((reason) => reason.code === filters.reason)),
      )
      .sort(
        (a, b) =>
          a.kecamatanName.localeCompare(b.kecamatanName, 'id') || a.villageName.localeCompare(b.villageName, 'id'),
      );
    shown.textContent = villages.length ? t('filter.shown', { n: villages.length }) : t('filter.none');
    fill(
      list,
      villages.map((each) => desaRow(waveId, each)),
    );
  };

  const draw = () => {
    sentence.textContent = totalsSentence(readiness);
    fill(
      bars,
      kecamatanBars(readiness, filters.kecamatan, (code) => {
        filters.kecamatan = code;
        kecamatanFilter.control.value = code;
        draw();
        // On a phone the list is far below: the list's head comes into view.
        listHead.scrollIntoView({ block: 'start' });
      }),
    );
    const today = asOf(waveId) === undefined;
    fill(
      trend,
      trendChart(
        history,
        today ? { date: readiness.date, ready: readiness.totals.ready } : null,
        readiness.votingDay,
        readiness.totals.villages,
      ),
    );
    drawList();
  };

  const picker = asOfPicker(waveId, asOf(waveId) ?? '', async () => {
    loadNotice.hidden = true;
    view.setAttribute('aria-busy', 'true');
    try {
      readiness = await fetchReadiness();
      if (left()) return;
      showDay(picker, readiness.date);
      draw();
    } catch (error) {
      notice(loadNotice, 'error', error instanceof ApiError ? error.message : t('error.network'));
    } finally {
      view.removeAttribute('aria-busy');
    }
  });

  showDay(picker, readiness.date);
  const listHead = h('h2', { id: 'wave-list-head' }, t('board.list'));
  view.append(
    h(
      'section',
      { class: 'picture', 'aria-labelledby': 'wave-picture-head' },
      picker,
      loadNotice,
      sentence,
      h('h2', { id: 'wave-picture-head' }, t('board.picture')),
      legend(),
      h('p', { class: 'hint' }, t('board.barHint')),
      bars,
      // The trend is the regency's daily totals, which a kecamatan account is not given.
      user.kecamatanCode ? null : h('h2', null, t('board.trend')),
      user.kecamatanCode ? null : trend,
    ),
    // The files are the regency's whole board: not a kecamatan account's (their routes refuse it).
    ...(user.kecamatanCode
      ? []
      : [
          h(
            'div',
            { class: 'exports', role: 'group', 'aria-labelledby': 'wave-exports' },
            h('span', { id: 'wave-exports' }, t('board.exports')),
            h(
              'div',
              { class: 'button-row' },
              exportButtons({
                files: { csv: 'exportReadinessCsv', xlsx: 'exportReadinessXlsx', pdf: 'exportReadinessPdf' },
                params: { waveId },
                query: () => ({ date: asOf(waveId) }),
                fallbackName: 'kesiapan-pilkades',
                label: (format) => t('board.download', { format }),
                failed: (format, reason) => t('board.downloadFailed', { format, reason }),
                notices: exportNotice,
              }),
            ),
          ),
        ]),
    exportNotice,
    listHead,
    h('div', { class: 'filters three' }, kecamatanFilter.wrap, stateFilter.wrap, reasonFilter.wrap),
    shown,
    list,
  );
  draw();
  return undefined;
};
