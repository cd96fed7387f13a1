/**
 * The frame of a public page: the bar (name, an optional subtitle, the language switch), notices,
 * and the one-message screens (loading, unknown code, no signal, too many attempts, busy).
 */
import { type Child, h } from '../dom.ts';
import { lang, setLang } from '../lang.ts';

type Words = (key: 'pub.lang.switch' | 'pub.lang.label' | 'pub.retry') => string;

/** The bar at the top; the switch changes language and calls `redraw`. */
export function bar(t: Words, subtitle: string | null, redraw: () => void): HTMLElement {
  const toggle = h(
    'button',
    { type: 'button', class: 'lang', lang: lang() === 'id' ? 'en' : 'id', 'aria-label': t('pub.lang.label') },
    t('pub.lang.switch'),
  );
  toggle.addEventListener('click', () => {
    setLang(lang() === 'id' ? 'en' : 'id');
    redraw();
  });
  return h(
    'header',
    { class: 'bar' },
    h('div', { class: 'brand' }, h('strong', null, 'SIAP Pilkades'), subtitle ? h('small', null, subtitle) : null),
    toggle,
  );
}

/** A notice box; errors are announced at once, the rest politely. */
export function notice(kind: 'ok' | 'error' | 'info' | 'warn', ...content: Child[]): HTMLElement {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** A screen that only says something: a heading, a sentence, and "Coba lagi" when `retry` is given. */
export function message(t: Words, title: string, body: string, retry?: () => void): HTMLElement[] {
  const shown: HTMLElement[] = [h('h1', { class: 'page-title' }, title), h('p', null, body)];
  if (retry) shown.push(h('button', { type: 'button', class: 'primary', onclick: retry }, t('pub.retry')));
  return shown;
}

/** A WhatsApp link carrying `text` (the person picks the chat). */
export function whatsappLink(label: string, text: string): HTMLAnchorElement {
  return h(
    'a',
    {
      class: 'button whatsapp',
      href: `https://wa.me/?text=${encodeURIComponent(text)}`,
      target: '_blank',
      rel: 'noopener',
    },
    label,
  );
}
