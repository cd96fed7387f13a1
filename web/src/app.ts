/**
 * The organizer pages: a shell (regency, menu, language, sign-out) and hash routes
 * `#/` sessions, `#/sesi/<id>` recap, `#/sesi/<id>/daftar` registration, `#/sesi/<id>/hadir`
 * check-in, `#/sesi/<id>/riwayat` history, `#/gelombang…` election waves, `#/logistik…` logistics,
 * `#/wilayah` regions, `#/pengguna` people (admins). A kecamatan account's menu holds what it may
 * open (its sessions' people and its wave board). Signed out, every route shows the sign-in page.
 */
import './app.css';
import { ApiError, allowed, call, configureApi } from './api.ts';
import {
  currentUser,
  finishCognitoSignIn,
  forgetToken,
  keepSessionRenewed,
  localAccounts,
  onThisMachine,
  renewSession,
  signInLocally,
  signOut,
  startCognitoSignIn,
  type User,
} from './auth.ts';
import { fill, h } from './dom.ts';
import { choices, field, notice } from './forms.ts';
import { lang, setLang } from './lang.ts';
import { heading, type Page } from './page.ts';
import { forgetLists } from './sessions/door-store.ts';
import { sessionPage } from './sessions/session.ts';
import { sessionsPage } from './sessions/sessions.ts';
import { type CommonKey, t } from './texts.ts';
import type { PublicConfig } from './types.ts';

// Opened less often than the sessions: loaded only when opened (a separate chunk).
const logisticsPage: Page = async (context) => (await import('./logistics/logistics.ts')).logisticsPage(context);
const regionsPage: Page = async (context) => (await import('./regions/regions.ts')).regionsPage(context);
const wavesPage: Page = async (context) => (await import('./waves/waves.ts')).wavesPage(context);
const peoplePage: Page = async (context) => (await import('./people/people.ts')).peoplePage(context);

const root = document.getElementById('app') as HTMLElement;
let config: PublicConfig;
let generation = 0;
let stopPage: (() => void) | undefined;
/** Why the sign-in page is shown again (kept as a key so a language switch translates it). */
let signInMessage: CommonKey | null = null;

function route(): { page: Page | null; params: string[]; name: string } {
  const [name = '', ...params] = location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part; // A mistyped address is a page not found, not a crash.
      }
    });
  if (name === '' || (name === 'sesi' && params.length === 0)) return { page: sessionsPage, params, name: 'sesi' };
  if (name === 'sesi') return { page: sessionPage, params, name };
  if (name === 'wilayah') return { page: regionsPage, params, name };
  if (name === 'logistik') return { page: logisticsPage, params, name };
  if (name === 'gelombang') return { page: wavesPage, params, name };
  if (name === 'pengguna') return { page: peoplePage, params, name };
  return { page: null, params, name };
}

function header(user: User | null): HTMLElement {
  const toggle = h(
    'button',
    { type: 'button', class: 'lang', lang: lang() === 'id' ? 'en' : 'id', 'aria-label': t('lang.switchLabel') },
    t('lang.switch'),
  );
  toggle.addEventListener('click', () => {
    setLang(lang() === 'id' ? 'en' : 'id');
    render();
  });
  const current = route().name;
  const link = (href: string, name: string, label: string) =>
    h('a', { href, 'aria-current': current === name ? 'page' : null }, label);
  return h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '#/' }, h('span', null, t('app.name')), h('small', null, config.regency.name)),
      toggle,
    ),
    user
      ? h(
          'nav',
          { class: 'menu', 'aria-label': t('nav.main') },
          // A kecamatan account's menu holds what the route table opens to it: its desa's sessions,
          // wave board and logistics; the regions are the DPMD's.
          link('#/', 'sesi', t('nav.sessions')),
          link('#/gelombang', 'gelombang', t('nav.waves')),
          allowed(user, 'getLogisticsSummary') ? link('#/logistik', 'logistik', t('nav.logistics')) : null,
          allowed(user, 'putRegions') || !user.kecamatanCode ? link('#/wilayah', 'wilayah', t('nav.regions')) : null,
          user.isAdmin ? link('#/pengguna', 'pengguna', t('nav.people')) : null,
          h(
            'span',
            { class: 'user' },
            user.kecamatanCode ? `${user.name} · ${t('group.kecamatan', { code: user.kecamatanCode })}` : user.name,
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => {
                // The door's lists hold people's names: they leave the phone with the organizer.
                void forgetLists();
                signOut(config).finally(() => render());
              },
            },
            t('nav.signOut'),
          ),
        )
      : null,
  );
}

function signInPage(view: HTMLElement): void {
  const box = h('div', { hidden: true });
  if (signInMessage) notice(box, 'info', t(signInMessage));
  if (config.auth.mode === 'cognito') {
    const button = h('button', { type: 'button', class: 'primary' }, t('signIn.cognito.button'));
    button.addEventListener('click', () => {
      button.disabled = true;
      startCognitoSignIn(config).catch(() => {
        button.disabled = false;
        notice(box, 'error', t('signIn.failed'));
      });
    });
    view.append(
      h(
        'section',
        { class: 'panel narrow' },
        heading(t('signIn.title')),
        box,
        h('p', null, t('signIn.cognito.intro')),
        button,
      ),
    );
    return;
  }
  // Locally there are no passwords: the local accounts (made from Pengguna, or by the demo seed) to choose from.
  let chosen = '';
  // From a phone on the LAN the local issuer asks for the one-time code `npm start` printed.
  const code = h('input', { type: 'text', inputmode: 'numeric', maxlength: 8, autocomplete: 'one-time-code' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('signIn.local.button'));
  const accounts = h('div', { 'aria-busy': 'true' });
  const form = h(
    'form',
    { class: 'panel narrow', novalidate: true },
    heading(t('signIn.title')),
    box,
    h('p', null, t('signIn.local.intro')),
    accounts,
    onThisMachine() ? null : field('code', t('signIn.code'), code, t('signIn.code.hint')),
    submit,
  );
  localAccounts()
    .then((list) => {
      accounts.removeAttribute('aria-busy');
      if (list.length === 0) {
        fill(accounts, h('p', null, t('signIn.noAccounts')));
        submit.disabled = true;
        return;
      }
      const groupLabel = (account: (typeof list)[number]) =>
        account.group === 'kecamatan'
          ? t('group.kecamatan', { code: account.kecamatanCode ?? '' })
          : t(account.group === 'admin' ? 'group.admin' : 'group.organizer');
      fill(
        accounts,
        choices(
          'account',
          t('signIn.as'),
          list.map((account) => ({ value: account.id, label: `${account.name} · ${groupLabel(account)}` })),
          chosen,
          (value) => {
            chosen = value;
          },
        ),
      );
    })
    .catch(() => notice(box, 'error', t('error.network')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    if (!chosen) {
      notice(box, 'error', t('signIn.choose'));
      return;
    }
    submit.disabled = true;
    try {
      await signInLocally(chosen, code.value.trim());
      signInMessage = null;
      keepSessionRenewed(config);
      render();
    } catch {
      notice(box, 'error', t('signIn.failed'));
      submit.disabled = false;
    }
  });
  view.append(form);
}

/** Draws the shell and the current route; every navigation and language change comes here. */
function render(focus = false): void {
  stopPage?.();
  stopPage = undefined;
  const mine = ++generation;
  const user = currentUser();
  const view = h('main', { id: 'view' });
  fill(root, header(user), view);
  if (!user) {
    signInPage(view);
    return;
  }
  const { page, params } = route();
  if (!page) {
    view.append(heading(t('notFound.title')), h('p', null, h('a', { href: '#/' }, t('nav.sessions'))));
    return;
  }
  const left = () => mine !== generation;
  view.setAttribute('aria-busy', 'true');
  page({ view, user, config, params, left })
    .then((stop) => {
      if (left()) stop?.();
      else stopPage = stop;
    })
    .catch((error: unknown) => {
      if (left()) return;
      const box = h('div');
      notice(box, 'error', error instanceof ApiError ? error.message : t('error.network'));
      view.append(box);
    })
    .finally(() => {
      if (left()) return;
      view.removeAttribute('aria-busy');
      if (focus) view.querySelector<HTMLElement>('.page-title')?.focus();
    });
}

async function start(): Promise<void> {
  setLang(lang());
  config = (await call('getConfig')).body;
  configureApi({
    token: () => currentUser()?.token ?? null,
    unauthorized: () => {
      // The token expired or was refused: back to sign-in, saying why.
      forgetToken();
      signInMessage = 'signIn.expired';
      queueMicrotask(() => render());
    },
  });
  if (config.auth.mode === 'cognito') {
    try {
      await finishCognitoSignIn(config);
    } catch {
      signInMessage = 'signIn.failed';
    }
  }
  // A tab reopened after its ID token ran out renews it rather than asking to sign in again.
  if (!currentUser()) await renewSession(config);
  keepSessionRenewed(config);
  window.addEventListener('hashchange', () => render(true));
  render();
}

start().catch(() => {
  root.textContent = t('error.network');
});
