/**
 * Gelombang: `#/gelombang` the waves (and a new one, admin), and for one wave `#/gelombang/<id>`
 * its readiness board, `…/jadwal` its schedule, `…/tindak-lanjut` the daily chase list,
 * `…/pengaturan` its details (admin) and `…/desa/<code>` one desa's card. A wave's pages share a
 * head (name, voting day, tabs).
 */
import { call } from '../api.ts';
import { h } from '../dom.ts';
import { heading, type Page, type PageContext } from '../page.ts';
import { loadRegions, type RegionIndex } from '../regions/lookup.ts';
import type { Wave } from '../types.ts';
import { boardPage } from './board.ts';
import { chasePage } from './follow-ups.ts';
import { waveMeta, wavesListPage } from './list.ts';
import { schedulePage } from './schedule.ts';
import { settingsPage } from './settings.ts';
import { t, type WavesKey } from './texts.ts';
import { villageCardPage } from './village.ts';

export interface WaveContext extends PageContext {
  wave: Wave;
  regions: RegionIndex;
  /** Draws the wave's head again (after its name or voting day changed). */
  renamed(wave: Wave): void;
}

export type WavePage = (context: WaveContext) => Promise<(() => void) | undefined>;

const tabs: Array<{ path: string; label: WavesKey; page: WavePage; admin?: boolean }> = [
  { path: '', label: 'wave.tab.board', page: boardPage },
  { path: 'jadwal', label: 'wave.tab.schedule', page: schedulePage },
  { path: 'tindak-lanjut', label: 'wave.tab.chase', page: chasePage },
  { path: 'pengaturan', label: 'wave.tab.settings', page: settingsPage, admin: true },
];

function waveHead(wave: Wave, current: string, isAdmin: boolean): HTMLElement {
  return h(
    'header',
    { class: 'section-head wave-head' },
    h('p', { class: 'back' }, h('a', { href: '#/gelombang' }, `← ${t('wave.back')}`)),
    heading(wave.name),
    h('p', { class: 'meta' }, waveMeta({ votingDay: wave.votingDay, villages: wave.villageCodes.length })),
    h(
      'nav',
      { class: isAdmin ? 'tabs' : 'tabs three', 'aria-label': t('wave.tabs') },
      tabs
        .filter((each) => !each.admin || isAdmin)
        .map((each) =>
          h(
            'a',
            {
              href: `#/gelombang/${wave.id}${each.path ? `/${each.path}` : ''}`,
              'aria-current': each.path === current ? 'page' : null,
            },
            t(each.label),
          ),
        ),
    ),
  );
}

export const wavesPage: Page = async (context) => {
  const [id = '', sub = '', ...rest] = context.params;
  if (!id) return wavesListPage(context);
  const [{ body: wave }, regions] = await Promise.all([call('getWave', { params: { waveId: id } }), loadRegions()]);
  if (context.left()) return undefined;
  let head: HTMLElement | null = null;
  const wavePage = (page: WavePage, params: string[], current: string | null) => {
    const body = h('div', { class: 'wave-body' });
    if (current !== null) {
      head = waveHead(wave, current, context.user.isAdmin);
      context.view.append(head);
    }
    context.view.append(body);
    const renamed = (fresh: Wave) => {
      if (!head) return;
      const next = waveHead(fresh, current ?? '', context.user.isAdmin);
      head.replaceWith(next);
      head = next;
    };
    return page({ ...context, view: body, params, wave, regions, renamed });
  };
  if (sub === 'desa') return wavePage(villageCardPage, rest, null);
  const tab = tabs.find((each) => each.path === sub && (!each.admin || context.user.isAdmin));
  if (!tab) {
    context.view.append(heading(t('notFound.title')));
    return undefined;
  }
  return wavePage(tab.page, rest, tab.path);
};
