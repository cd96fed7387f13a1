/**
 * The board's pictures, drawn without a chart library: one bar per kecamatan split ready / action
 * needed / late (HTML, so it reflows on a phone and each bar is a button that filters the list),
 * and the trend of desa ready per day up to voting day (a small inline SVG). Sizes are set through
 * the CSSOM (`element.style`), which the pages' Content-Security-Policy allows, never as a `style`
 * attribute, which it refuses.
 */
import { addDays, daysBetween } from '#shared/waves/rules/calendar.ts';
import { h } from '../dom.ts';
import { formatDate, num } from '../lang.ts';
import type { Readiness, ReadinessState, Snapshot } from '../types.ts';
import { t } from './texts.ts';

export const STATES: readonly ReadinessState[] = ['READY', 'ACTION_NEEDED', 'LATE'];
const TALLY = { READY: 'ready', ACTION_NEEDED: 'actionNeeded', LATE: 'late' } as const;

type Tally = Readiness['totals'];

function percent(part: number, whole: number): string {
  return `${whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0}%`;
}

/** The three states' colours, named. */
export function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('board.legend') },
    STATES.map((state) =>
      h('li', null, h('span', { class: `swatch ${state}`, 'aria-hidden': 'true' }), t(`state.${state}`)),
    ),
  );
}

/** The bar's words: "Muara Dua: 3 siap, 1 perlu tindakan, 0 terlambat (4 desa)". */
function barLabel(name: string, tally: Tally): string {
  return t('board.bar', { name, ...tally });
}

/**
 * One bar per kecamatan, as long as its number of desa (against the largest), split by state.
 * Pressing one picks that kecamatan in the list (again: all kecamatan).
 */
export function kecamatanBars(readiness: Readiness, selected: string, select: (code: string) => void): HTMLElement {
  const rows = Object.entries(readiness.byKecamatan)
    .map(([code, tally]) => ({ code, ...tally }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const widest = Math.max(1, ...rows.map((row) => row.villages));
  return h(
    'ul',
    { class: 'kec-bars' },
    rows.map((row) => {
      const bar = h(
        'span',
        { class: 'kec-fill', 'aria-hidden': 'true' },
        STATES.filter((state) => row[TALLY[state]] > 0).map((state) => {
          const segment = h('span', { class: `segment ${state}`, 'data-state': state });
          segment.style.width = percent(row[TALLY[state]], row.villages);
          return segment;
        }),
      );
      bar.style.width = percent(row.villages, widest);
      return h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'kec-bar',
            'data-code': row.code,
            'aria-pressed': selected === row.code ? 'true' : 'false',
            'aria-label': barLabel(row.name, row),
            onclick: () => select(selected === row.code ? '' : row.code),
          },
          h(
            'span',
            { class: 'kec-line' },
            h('span', { class: 'kec-name' }, row.name),
            h('span', { class: 'kec-count' }, t('board.barCount', { ready: row.ready, villages: row.villages })),
          ),
          h('span', { class: 'track' }, bar),
        ),
      );
    }),
  );
}

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElement {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

const short: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/**
 * Desa ready per day, from the daily snapshots up to voting day; `now` (the board as of today)
 * ends the line with today's live count. Answers a note instead while there is nothing to draw.
 */
export function trendChart(
  history: readonly Snapshot[],
  now: { date: string; ready: number } | null,
  votingDay: string,
  villages: number,
): HTMLElement | SVGElement {
  const byDay = new Map(history.filter((each) => each.date <= votingDay).map((each) => [each.date, each.ready]));
  if (now && now.date <= votingDay) byDay.set(now.date, now.ready);
  const points = [...byDay.entries()]
    .map(([date, ready]) => ({ date, ready }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const first = points[0];
  if (!first) return h('p', { class: 'meta' }, t('board.trend.none'));
  const width = 320;
  const height = 150;
  const left = 30;
  const right = 14;
  const top = 18;
  const bottom = 24;
  const start = first.date < votingDay ? first.date : addDays(votingDay, -1);
  const span = Math.max(1, daysBetween(start, votingDay));
  const x = (date: string) => left + (daysBetween(start, date) / span) * (width - left - right);
  const y = (n: number) => top + (1 - n / Math.max(1, villages)) * (height - top - bottom);
  const line = points.map((point) => `${x(point.date).toFixed(1)},${y(point.ready).toFixed(1)}`).join(' ');
  const last = points[points.length - 1] ?? first;
  const label = t('board.trend.label', {
    votingDay: formatDate(votingDay),
    points: points
      .map((point) => t('board.trend.point', { date: formatDate(point.date, short), n: point.ready }))
      .join(', '),
  });
  return svg(
    'svg',
    { class: 'trend', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    svg('line', { class: 'goal', x1: left, x2: width - right, y1: y(villages), y2: y(villages) }),
    svg('text', { class: 'axis', x: left - 4, y: y(villages) + 4, 'text-anchor': 'end' }, num(villages)),
    svg('line', { class: 'base', x1: left, x2: width - right, y1: y(0), y2: y(0) }),
    svg('text', { class: 'axis', x: left - 4, y: y(0) + 4, 'text-anchor': 'end' }, num(0)),
    svg('line', { class: 'voting', x1: x(votingDay), x2: x(votingDay), y1: top - 6, y2: y(0) }),
    svg('text', { class: 'axis', x: x(votingDay), y: top - 8, 'text-anchor': 'end' }, t('board.trend.voting')),
    svg('text', { class: 'axis', x: left, y: height - 6 }, formatDate(start, short)),
    svg('text', { class: 'axis', x: x(votingDay), y: height - 6, 'text-anchor': 'end' }, formatDate(votingDay, short)),
    points.length > 1 ? svg('polyline', { class: 'ready-line', points: line }) : '',
    ...points.map((point) =>
      svg('circle', {
        class: point === last && now?.date === point.date ? 'point now' : 'point',
        cx: x(point.date),
        cy: y(point.ready),
        r: 3.5,
      }),
    ),
    svg(
      'text',
      // Right of the last point, or left of it once the line nears voting day (the words stay inside).
      x(last.date) > width * 0.6
        ? { class: 'value', x: x(last.date) - 6, y: y(last.ready) - 6, 'text-anchor': 'end' }
        : { class: 'value', x: x(last.date) + 6, y: y(last.ready) - 6 },
      now?.date === last.date ? `${num(last.ready)} (${t('board.trend.now')})` : num(last.ready),
    ),
  );
}
