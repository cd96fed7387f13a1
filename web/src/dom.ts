/** A tiny element builder: enough DOM for these pages without a framework. */

export type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const each of child) append(parent, each);
  else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

/**
 * `h('button', { class: 'primary', onclick: go }, 'Simpan')`. Attributes named `on…` become
 * listeners; `true` sets an empty attribute, `false`/null/undefined leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Replaces an element's content (not `replaceChildren`: Chrome 86+, newer than the target phones). */
export function fill(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, children);
}

/** Appends children by the same rules as `h` (null and false leave a part out). */
export function add(parent: Element, ...children: Child[]): void {
  append(parent, children);
}

let uid = 0;
/** A page-unique id for label/field/message links. */
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Saves a blob under a file name (the browser's download bar). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lower case without accents or punctuation, for forgiving search ("Ma'ruf" finds "maruf"). */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '');
}
