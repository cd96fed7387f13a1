/**
 * "As of" a day: the board, a desa's card and the chase list show a wave as of today in the
 * regency unless the organizer picks another day; the pick is kept per wave while the app is open,
 * so going from the board to a card and back keeps it. Also the countdown ("H-12").
 */
import { h } from '../dom.ts';
import { field } from '../forms.ts';
import { t } from './texts.ts';

const chosen = new Map<string, string>();

/** The day picked for a wave, or undefined for today (the API's default). */
export function asOf(waveId: string): string | undefined {
  return chosen.get(waveId);
}

/** "H-12", "hari H", "H+2". */
export function countdown(daysToVoting: number): string {
  if (daysToVoting > 0) return t('countdown.before', { n: daysToVoting });
  if (daysToVoting === 0) return t('countdown.day');
  return t('countdown.after', { n: -daysToVoting });
}

/**
 * The date picker: shows the day the page shows (`shown`, as the API answered it) and calls
 * `changed` when another is picked, or when "back to today" is pressed.
 */
export function asOfPicker(waveId: string, shown: string, changed: () => void): HTMLElement {
  const input = h('input', { type: 'date', value: shown });
  const today = h('button', { type: 'button', class: 'link-button', hidden: !chosen.has(waveId) }, t('asOf.today'));
  input.addEventListener('change', () => {
    // A half-typed date (a browser without a picker) waits until it is whole.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) return;
    chosen.set(waveId, input.value);
    today.hidden = false;
    changed();
  });
  today.addEventListener('click', () => {
    chosen.delete(waveId);
    today.hidden = true;
    changed();
  });
  const picker = field('date', t('asOf.label'), input);
  picker.classList.add('as-of');
  picker.append(today);
  return picker;
}

/** Puts the picker on the day the page now shows (after "back to today", the API's today). */
export function showDay(picker: HTMLElement, day: string): void {
  const input = picker.querySelector('input');
  if (input && input.value !== day) input.value = day;
}
