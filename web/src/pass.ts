/**
 * A person's pass, `/hadir/<token>`: the QR the door scans, with the name exactly as written, the
 * role, the unit and the session. Opened once with a signal, it is kept on the phone: the page and
 * its files by the service worker (pass/worker.ts), the words it shows by the page, so it opens
 * again when the signal is gone at the venue, saying it is the copy saved on this phone. The API
 * is asked again whenever there is a signal; a pass replaced or cancelled says so and its copy
 * goes. "Hapus dari HP ini" drops the copy. It can be sent on by WhatsApp. No account: the token
 * is the credential, and the page shows nothing a QR on a name tag does not.
 */
import './pass.css';
import { fill, h } from './dom.ts';
import { formatDate, formatDateTime, formatTime, lang, setLang } from './lang.ts';
import type { ReplyBody } from './operations.ts';
import { t } from './pass/texts.ts';
import { call } from './public/net.ts';
import { qrSvg } from './public/qr.ts';
import { bar, message, notice, whatsappLink } from './public/shell.ts';
import { forget, isRecord, keep, loadKept } from './public/store.ts';
import { roleName } from './public/texts.ts';

type PassView = ReplyBody<'getPass'>;
/** What the phone keeps of a pass: only what the page shows (no ids but the token the QR carries). */
interface Shown {
  token: string;
  session: Pick<PassView['session'], 'title' | 'date' | 'venue'>;
  registration: Pick<PassView['registration'], 'fullName' | 'role' | 'unit' | 'checkedInAt'>;
}
interface Kept {
  savedAt: string;
  pass: Shown;
}
type Screen = 'loading' | 'unknown' | 'tooMany' | 'offline' | 'failed' | 'pass';

const TOKEN = /^[0-9A-HJKMNP-TV-Z]{26}_[A-Z]{2}[-0-9a-f.]{0,40}_[0-9A-HJKMNP-TV-Z]{26}$/;
const root = document.getElementById('page') as HTMLElement;
const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const storeKey = `siap.pass.${token}`;
/** What the QR carries: the same address the name tags print, so either opens this page. */
const url = `${location.origin}/hadir/${token}`;

let screen: Screen = 'loading';
let view: Shown | null = null;
/** When the copy on the screen was saved, while it is the phone's and not the server's. */
let savedAt: string | null = null;
/** Cleared by "Hapus dari HP ini": this page then keeps nothing until it is opened again. */
let keepOnPhone = true;
let failedStatus = 0;

const isKept = (value: unknown): value is Kept =>
  isRecord(value) &&
  typeof value.savedAt === 'string' &&
  isRecord(value.pass) &&
  isRecord(value.pass.registration) &&
  isRecord(value.pass.session) &&
  value.pass.token === token;

const shownOf = ({ session, registration }: PassView): Shown => ({
  token,
  session: { title: session.title, date: session.date, venue: session.venue },
  registration: {
    fullName: registration.fullName,
    role: registration.role,
    unit: registration.unit,
    checkedInAt: registration.checkedInAt,
  },
});

const keepCopy = (pass: Shown): boolean => keep(storeKey, { savedAt: new Date().toISOString(), pass } satisfies Kept);

function passCard(current: Shown): HTMLElement {
  const person = current.registration;
  const kept = loadKept(storeKey, isKept) !== null;
  const keepButton = h('button', { type: 'button', class: 'secondary wide' }, t(kept ? 'pass.forget' : 'pass.keep'));
  keepButton.addEventListener('click', () => {
    keepOnPhone = !kept;
    if (kept) forget(storeKey);
    else keepCopy(current);
    render();
  });
  return h(
    'section',
    { class: 'panel pass' },
    h('h1', { class: 'page-title name' }, person.fullName),
    h('p', { class: 'role' }, roleName(person.role)),
    h('p', { class: 'unit' }, person.unit),
    h('a', { class: 'qr-link', href: url }, qrSvg(url, t('pub.qr', { name: person.fullName }))),
    person.checkedInAt
      ? notice('ok', `✓ ${t('pass.present', { time: formatTime(person.checkedInAt) })}`)
      : h('p', { class: 'hint' }, t('pass.show')),
    kept && !savedAt ? notice('info', t('pass.kept')) : null,
    keepButton,
    whatsappLink(
      t('pub.whatsapp'),
      t('pass.share', {
        session: current.session.title,
        name: person.fullName,
        role: roleName(person.role),
        unit: person.unit,
        url,
      }),
    ),
  );
}

function render(): void {
  document.documentElement.lang = lang();
  const main = h('main', null);
  const current = view;
  if (!current) {
    if (screen === 'unknown') main.append(...message(t, t('pass.unknown.title'), t('pass.unknown.body')));
    else if (screen === 'tooMany') main.append(...message(t, t('pub.tooMany.title'), t('pub.tooMany.body'), load));
    else if (screen === 'offline') main.append(...message(t, t('pub.offline.title'), t('pub.offline.body'), load));
    else if (screen === 'failed')
      main.append(...message(t, t('pub.failed.title'), t('pub.failed.body', { status: failedStatus }), load));
    else main.append(h('p', { class: 'boot' }, t('pub.loading')));
    document.title = `${t(screen === 'unknown' ? 'pass.unknown.title' : 'pass.page.title')} · SIAP Pilkades`;
    fill(root, bar(t, null, render), main);
    return;
  }
  document.title = `${t('pass.page.title')} · ${current.registration.fullName}`;
  // The phone's copy while the server has not answered, unless "Hapus dari HP ini" just dropped it.
  if (savedAt && loadKept(storeKey, isKept))
    main.append(notice('info', t('pass.saved', { when: formatDateTime(savedAt) })));
  main.append(
    h(
      'section',
      { class: 'panel session' },
      h('p', { class: 'unit' }, t('pass.page.title')),
      h('h2', null, current.session.title),
      h('p', { class: 'meta' }, `${formatDate(current.session.date)} · ${current.session.venue}`),
    ),
    passCard(current),
  );
  fill(root, bar(t, null, render), main);
}

async function load(): Promise<void> {
  if (!TOKEN.test(token)) {
    screen = 'unknown';
    return render();
  }
  const kept = loadKept(storeKey, isKept);
  if (!view && kept) {
    // Shown at once from the phone (a weak signal may take long to fail); the server's copy (a
    // check-in time) replaces it when it comes.
    view = kept.pass;
    savedAt = kept.savedAt;
  }
  render();
  const reply = await call('getPass', { params: { token } });
  if (reply.ok) {
    view = shownOf(reply.body);
    savedAt = null;
    if (keepOnPhone) keepCopy(view);
    screen = 'pass';
  } else if (reply.status === 404) {
    // Replaced or cancelled: the copy on the phone is no pass any more.
    forget(storeKey);
    view = null;
    savedAt = null;
    screen = 'unknown';
  } else if (!view) {
    failedStatus = reply.status;
    screen = reply.status === 429 ? 'tooMany' : reply.status === 0 ? 'offline' : 'failed';
  }
  render();
}

window.addEventListener('online', () => {
  if (savedAt || !view) void load();
});
setLang(lang());
// The worker is registered once the pass is on the screen, so it never competes with it for a weak
// signal. Without one (an old browser, a refusal) the pass still shows whenever there is a signal.
void load().then(() => {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/hadir/sw.js').catch(() => undefined);
});
