/**
 * A wave's schedule (tahapan) as a picture: a timeline with one bar per stage and a vertical line
 * for today, each stage with its dates and whether it is done, under way or to come; the "Jadwal
 * Tahapan" PDF and Excel; and for admins the dates to change, each refusal at its field.
 */
import { daysBetween } from '#shared/waves/rules/calendar.ts';
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { exportButtons } from '../exports.ts';
import { field, notice, onSubmit } from '../forms.ts';
import { formatDate } from '../lang.ts';
import type { Stage, Wave } from '../types.ts';
import { t } from './texts.ts';
import type { WavePage } from './waves.ts';

const short: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** Today on this device's calendar (the organizer's, who is in the regency). */
function localToday(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Where a day falls across the tracks, as a CSS length: the tracks start after the labels'
 * column (`--label`, none on a phone where labels sit above their bar).
 */
function across(fraction: number): string {
  const part = Math.min(1, Math.max(0, fraction)).toFixed(4);
  return `calc(var(--label) + (100% - var(--label)) * ${part})`;
}

function progress(stage: Stage, today: string): 'done' | 'now' | 'next' {
  if (stage.end < today) return 'done';
  if (stage.start > today) return 'next';
  return 'now';
}

/** The first day of each month inside the range, for the ticks above the bars. */
function monthStarts(first: string, last: string): string[] {
  const starts: string[] = [];
  const date = new Date(`${first.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  while (date.toISOString().slice(0, 10) <= last) {
    starts.push(date.toISOString().slice(0, 10));
    date.setUTCMonth(date.getUTCMonth() + 1);
  }
  return starts;
}

/** The timeline: one bar per stage across the schedule's days, and today's line. */
export function timeline(wave: Wave, today = localToday()): HTMLElement {
  const edges = [wave.votingDay, ...wave.stages.flatMap((stage) => [stage.start, stage.end])].sort();
  const first = edges[0] ?? wave.votingDay;
  const last = edges[edges.length - 1] ?? wave.votingDay;
  const span = daysBetween(first, last) + 1;
  const at = (day: string) => daysBetween(first, day) / span;
  const months = h(
    'div',
    { class: 'months', 'aria-hidden': 'true' },
    monthStarts(first, last).map((day) => {
      const tick = h('span', { class: 'month' }, formatDate(day, { month: 'short' }));
      tick.style.left = across(at(day));
      return tick;
    }),
  );
  const stages = h(
    'ol',
    { class: 'stages' },
    wave.stages.map((stage) => {
      const state = progress(stage, today);
      const bar = h('span', { class: 'stage-bar' });
      bar.style.left = `${(at(stage.start) * 100).toFixed(2)}%`;
      bar.style.width = `${Math.max(0.6, ((daysBetween(stage.start, stage.end) + 1) / span) * 100).toFixed(2)}%`;
      const days = daysBetween(stage.start, stage.end) + 1;
      return h(
        'li',
        { class: `stage ${state}${stage.code.startsWith('TAHAP_') ? ' phase' : ''}`, 'data-code': stage.code },
        h(
          'div',
          { class: 'stage-label' },
          h('strong', null, stage.name),
          h(
            'span',
            { class: 'meta' },
            [
              stage.start === stage.end
                ? formatDate(stage.start, short)
                : t('schedule.range', { start: formatDate(stage.start, short), end: formatDate(stage.end, short) }),
              t('schedule.days', { n: days }),
              t(`schedule.${state}`),
            ].join(' · '),
          ),
        ),
        h('div', { class: 'stage-track' }, bar),
      );
    }),
  );
  const inside = today >= first && today <= last;
  const line = inside
    ? h('div', { class: 'today-line', role: 'img', 'aria-label': t('schedule.today', { date: formatDate(today) }) })
    : null;
  if (line) line.style.left = across((daysBetween(first, today) + 0.5) / span);
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-head' },
    h('h2', { id: 'timeline-head' }, t('schedule.picture')),
    h(
      'p',
      { class: 'today-note' },
      inside
        ? t('schedule.today', { date: formatDate(today) })
        : t('schedule.todayOutside', { date: formatDate(today) }),
    ),
    h('div', { class: 'tracks' }, h('div', { class: 'tracks-inner' }, months, stages, line)),
  );
}

/** The admin's form: each stage's start and end; the API's refusals land on their fields. */
function stagesForm(wave: Wave, saved: (fresh: Wave) => void): HTMLElement {
  const rows = wave.stages.map((stage) => ({
    stage,
    start: h('input', { type: 'date', value: stage.start }),
    end: h('input', { type: 'date', value: stage.end }),
  }));
  const reason = h('input', { type: 'text', maxlength: 300, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('schedule.save'));
  const form = h(
    'form',
    { class: 'stages-form', novalidate: true },
    h('p', { class: 'hint' }, t('schedule.edit.intro')),
    // Refusals about the schedule as a whole (a required stage missing) are shown here.
    h('div', { class: 'field', 'data-field': 'stages' }, h('p', { class: 'error', hidden: true })),
    rows.map((row, index) =>
      h(
        'fieldset',
        { class: 'stage-dates' },
        h('legend', null, row.stage.name),
        h(
          'div',
          { class: 'date-pair' },
          field(`stages.${index}.start`, t('schedule.start'), row.start),
          field(`stages.${index}.end`, t('schedule.end'), row.end),
        ),
      ),
    ),
    field('reason', t('schedule.reason'), reason),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    const { body: fresh } = await call('putStages', {
      params: { waveId: wave.id },
      body: {
        stages: rows.map((row) => ({
          code: row.stage.code,
          name: row.stage.name,
          start: row.start.value,
          end: row.end.value,
        })),
        ...(reason.value.trim() ? { reason: reason.value } : {}),
      },
    });
    notice(box, 'ok', t('schedule.saved'));
    reason.value = '';
    saved(fresh);
  });
  return h('details', { class: 'fold' }, h('summary', null, t('schedule.edit')), form);
}

export const schedulePage: WavePage = async ({ view, wave, user }) => {
  const picture = h('div', null, timeline(wave));
  const exportNotice = h('div', { hidden: true });
  view.append(
    picture,
    h(
      'div',
      { class: 'exports', role: 'group', 'aria-labelledby': 'schedule-exports' },
      h('span', { id: 'schedule-exports' }, t('schedule.exports')),
      h(
        'div',
        { class: 'button-row' },
        exportButtons({
          files: { pdf: 'exportSchedulePdf', xlsx: 'exportScheduleXlsx' },
          params: { waveId: wave.id },
          fallbackName: 'jadwal-tahapan',
          label: (format) => t('schedule.download', { format }),
          failed: (format, reason) => t('schedule.downloadFailed', { format, reason }),
          notices: exportNotice,
        }),
      ),
    ),
    exportNotice,
  );
  if (user.isAdmin) view.append(stagesForm(wave, (fresh) => fill(picture, timeline(fresh))));
  return undefined;
};
