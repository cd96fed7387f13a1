/**
 * A session's pages share a header (title, date, venue, "Ubah sesi") and tabs: recap, registration,
 * check-in, invitations, history.
 */
import { allowed, call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { formatDate } from '../lang.ts';
import type { OperationId } from '../operations.ts';
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
// The invitations are set up once per session, days before it: loaded when the tab is opened.
const invitationsPage: SessionPage = async (context) => (await import('./invitations.ts')).invitationsPage(context);

const historyPage: SessionPage = async (context) => (await import('./history.ts')).historyPage(context);

/** The tabs, each shown to whoever may call what it is built on (`needs`). */
const tabs: Array<{ path: string; label: SessionKey; page: SessionPage; needs: OperationId }> = [
  { path: '', label: 'session.tab.recap', page: recapPage, needs: 'getAttendance' },
  { path: 'daftar', label: 'session.tab.register', page: registerPage, needs: 'register' },
  { path: 'hadir', label: 'session.tab.checkIn', page: checkInPage, needs: 'listRegistrations' },
  { path: 'undangan', label: 'session.tab.invitations', page: invitationsPage, needs: 'listInvitations' },
  { path: 'riwayat', label: 'session.tab.history', page: historyPage, needs: 'listAudit' },
];

/** What the page says once after a session was saved (it is drawn again, with the new details). */
let justSaved: { sessionId: string; text: string } | null = null;

export const sessionPage: Page = async (context) => {
  const [id = '', sub = ''] = context.params;
  const open = tabs.filter((each) => allowed(context.user, each.needs));
  const tab = open.find((each) => each.path === sub);
  if (!tab) return undefined;
  const [{ body: session }, regions] = await Promise.all([
    call('getSession', { params: { sessionId: id } }),
    loadRegions(),
  ]);
  // The wave the session briefs for, named with a link to its board (its name is not worth failing the page for).
  const wave = session.waveId
    ? await call('getWave', { params: { waveId: session.waveId } }).then(
        (reply) => reply.body,
        () => null,
      )
    : null;
  if (context.left()) return undefined;
  const body = h('div', { class: 'session-body' });
  const editSlot = h('div');
  const edit = h(
    'button',
    { type: 'button', class: 'link-button edit-session', 'aria-expanded': 'false' },
    t('sessionEdit.open'),
  );
  const close = () => {
    fill(editSlot);
    edit.setAttribute('aria-expanded', 'false');
  };
  edit.addEventListener('click', async () => {
    if (editSlot.childElementCount > 0) return close();
    if (edit.disabled) return;
    edit.disabled = true;
    let sessionEditForm: typeof import('./session-edit.ts').sessionEditForm;
    try {
      // Edited now and then: loaded when asked for, out of the first load.
      ({ sessionEditForm } = await import('./session-edit.ts'));
    } catch {
      fill(editSlot, h('div', { class: 'notice error', role: 'alert' }, t('error.network')));
      return;
    } finally {
      edit.disabled = false;
    }
    if (context.left()) return;
    const form = sessionEditForm({
      session,
      regions,
      saved: () => {
        justSaved = { sessionId: session.id, text: t('sessionEdit.saved') };
        // The shell draws the route again on a hash change: every part of the page (the tabs'
        // forms and lists too) then starts from the session as it is now.
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
      close: () => {
        close();
        edit.focus();
      },
    });
    fill(editSlot, form);
    edit.setAttribute('aria-expanded', 'true');
    form.scrollIntoView({ block: 'start' });
    form.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  });
  const said = justSaved?.sessionId === session.id ? justSaved.text : null;
  justSaved = null;
  context.view.append(
    h(
      'header',
      { class: 'session-head', 'data-tab': tab.path || 'rekap' },
      heading(session.title),
      h(
        'div',
        { class: 'session-meta' },
        h('p', { class: 'meta' }, `${formatDate(session.date)} · ${session.venue}`),
        allowed(context.user, 'updateSession') ? edit : null,
      ),
      wave
        ? h(
            'p',
            { class: 'session-wave' },
            `${t('session.wave')}: `,
            h('a', { href: `#/gelombang/${wave.id}` }, wave.name),
          )
        : null,
      h(
        'nav',
        { class: 'tabs', 'aria-label': t('session.tabs') },
        open.map((each) =>
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
    editSlot,
    body,
  );
  if (said) editSlot.before(h('div', { class: 'notice ok', role: 'status' }, said));
  return tab.page({ ...context, view: body, session, regions });
};
