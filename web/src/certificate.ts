/**
 * A certificate's check page, `/sertifikat/<code>` (the QR printed on it): whose certificate it is
 * (name exactly as written, role, unit) and for which session and day; nothing else. An unknown
 * code says plainly "Sertifikat tidak ditemukan".
 */
import './certificate.css';
import { t } from './certificate/texts.ts';
import { fill, h } from './dom.ts';
import { formatDate, lang, setLang } from './lang.ts';
import type { ReplyBody } from './operations.ts';
import { call } from './public/net.ts';
import { bar, message, notice } from './public/shell.ts';
import { roleName } from './public/texts.ts';

type CertificateView = ReplyBody<'getCertificate'>;

const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const root = document.getElementById('page') as HTMLElement;
const code = decodeURIComponent(location.pathname.split('/').pop() ?? '').toUpperCase();

let view: CertificateView | null = null;
let status = -1;

function render(): void {
  document.documentElement.lang = lang();
  const main = h('main', null);
  if (view) {
    document.title = `${t('cert.page.title')} · ${view.fullName}`;
    main.append(
      h(
        'section',
        { class: 'panel certificate' },
        notice('ok', h('strong', null, `✓ ${t('cert.valid')}`)),
        h('h1', { class: 'page-title' }, view.fullName),
        h('p', { class: 'role' }, roleName(view.role)),
        h('p', { class: 'meta' }, view.unit),
        h('p', null, t('cert.given')),
        h('h2', null, view.session.title),
        h('p', { class: 'meta' }, `${formatDate(view.session.date)} · ${view.session.venue}`),
      ),
    );
  } else if (status === 404 || status === -2) {
    document.title = `${t('cert.unknown.title')} · SIAP Pilkades`;
    main.append(...message(t, t('cert.unknown.title'), t('cert.unknown.body')));
  } else if (status === 429) {
    main.append(...message(t, t('pub.tooMany.title'), t('pub.tooMany.body'), load));
  } else if (status === 0) {
    main.append(...message(t, t('pub.offline.title'), t('pub.offline.body'), load));
  } else if (status > 0) {
    main.append(...message(t, t('pub.failed.title'), t('pub.failed.body', { status }), load));
  } else {
    main.append(h('p', { class: 'boot' }, t('pub.loading')));
  }
  fill(root, bar(t, null, render), main);
}

async function load(): Promise<void> {
  if (!CODE.test(code)) {
    status = -2;
    return render();
  }
  render();
  const reply = await call('getCertificate', { params: { code } });
  if (reply.ok) view = reply.body;
  status = reply.status;
  render();
}

window.addEventListener('online', () => {
  if (status === 0) void load();
});
setLang(lang());
void load();
