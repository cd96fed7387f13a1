/** What every page gets from the shell, and what it may hand back. */
import type { User } from './auth.ts';
import { h } from './dom.ts';
import { t } from './texts.ts';
import type { PublicConfig } from './types.ts';

export interface PageContext {
  /** Where the page draws itself. */
  view: HTMLElement;
  user: User;
  config: PublicConfig;
  /** Path segments after the route's name, e.g. the session id. */
  params: string[];
  /** True once the shell has moved on to another page (late replies must not draw). */
  left(): boolean;
}

/** A page draws into the view and may answer a function that stops its timers. */
export type Page = (context: PageContext) => Promise<(() => void) | undefined>;

/** A heading; the page's h1 also names the browser tab and receives focus after navigation. */
export function heading(text: string, level: 'h1' | 'h2' = 'h1'): HTMLHeadingElement {
  if (level === 'h2') return h('h2', null, text);
  document.title = `${text} · ${t('app.name')}`;
  return h('h1', { tabindex: -1, class: 'page-title' }, text);
}
