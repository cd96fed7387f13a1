/** A session's pages share a header (title, date, venue) and tabs: recap, registration, check-in, history. */
import { call } from '../api.ts';
import { h } from '../dom.ts';
import { formatDate } from '../lang.ts';
import { heading, type Page, type PageContext } from '../page.ts';
import { loadRegions, type RegionIndex } from '../regions/lookup.ts';
import type { Session } from '../types.ts';
import { checkInPage } from './check-in.ts';
import { recapPage } from './recap.ts';
import { registerPage } from './register.ts';
import { type SessionKey, t } from './texts.ts';

export interface SessionContext extends PageContext {
  session: Session;
  regions: RegionIndex;
}

export type SessionPage = (context: SessionContext) => Promise<(() => void) | undefined>;

// The trail in words is the heaviest part of a session's pages and the least used at the desk
// and the door: loaded only when Riwayat is opened (a chunk shared with the logistics pages).
const historyPage: SessionPage = async (context) => (await import('./history.ts')).historyPage(context);

const tabs: Array<{ path: string; label: SessionKey; page: SessionPage }> = [
  { path: '', label: 'session.tab.recap', page: recapPage },
  { path: 'daftar', label: 'session.tab.register', page: registerPage },
  { path: 'hadir', label: 'session.tab.checkIn', page: checkInPage },
  { path: 'riwayat', label: 'session.tab.history', page: historyPage },
];

export const sessionPage: Page = async (context) => {
  const [id = '', sub = ''] = context.params;
  const tab = tabs.find((each) => each.path === sub);
  if (!tab) return undefined;
  const [{ body: session }, regions] = await Promise.all([
    call('getSession', { params: { sessionId: id } }),
    loadRegions(),
  ]);
  if (context.left()) return undefined;
  const body = h('div', { class: 'session-body' });
  context.view.append(
    h(
      'header',
      { class: 'session-head' },
      heading(session.title),
      h('p', { class: 'meta' }, `${formatDate(session.date)} · ${session.venue}`),
      h(
        'nav',
        { class: 'tabs', 'aria-label': t('session.tabs') },
        tabs.map((each) =>
          h(
            'a',
            {
              href: `#/sesi/${session.id}${each.path ? `/${each.path}` : ''}`,
              'aria-current': each === tab ? 'page' : null,
            },
            t(each.label),
          ),
        ),
      ),
    ),
    body,
  );
  return tab.page({ ...context, view: body, session, regions });
};
