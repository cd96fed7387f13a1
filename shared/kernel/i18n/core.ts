/**
 * The one i18n engine of SIAP, used by the API, the organizer pages and the village pages alike.
 * Bahasa Indonesia comes first; English is the second language. It has no dependencies and no
 * Node.js imports, so the pages bundle it as it is.
 *
 * A text is a sentence in both languages. `{name}` placeholders are filled from params; numbers
 * are written with the language's digit grouping ("2.316" / "2,316"), and a param may itself be a
 * text (a role's name, "Desa Tanjung Raya"), rendered in the same language. A sentence whose words
 * depend on a count gives one form per plural category of `Intl.PluralRules` (`one`, `other`),
 * chosen by the count in `params.n` (or the param named by `count`).
 */

export type Lang = 'id' | 'en';

/** The languages in the order the pages offer them. */
export const languages: readonly Lang[] = ['id', 'en'];

/** Forms of one sentence per plural category; `other` is always there. */
export interface PluralForms {
  one?: string;
  other: string;
  /** Which param holds the count (default `n`). */
  count?: string;
}

export type Template = string | PluralForms;

/** A sentence in both languages. */
export interface Text {
  id: Template;
  en: Template;
}

/** Values for placeholders: text as is, numbers grouped, or a text rendered in the same language. */
export type Params = Record<string, string | number | Text>;

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** The BCP 47 locale the language formats numbers and dates with. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A whole or decimal number as the language writes it: 2.316 / 2,316. */
export function formatNumber(lang: Lang, value: number): string {
  numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
  return numberFormats[lang].format(value);
}

function pick(lang: Lang, template: Template, params: Params): string {
  if (typeof template === 'string') return template;
  const count = Number(params[template.count ?? 'n']);
  if (!Number.isFinite(count)) return template.other;
  pluralRules[lang] ??= new Intl.PluralRules(LOCALES[lang]);
  const category = pluralRules[lang].select(count);
  return (category === 'one' ? template.one : undefined) ?? template.other;
}

/**
 * Fills a template: `{name}` from params (numbers grouped), the plural form from the count. A
 * placeholder without a param stays visible as `{name}`, which the tests look for.
 */
export function format(lang: Lang, template: Template, params: Params = {}): string {
  return pick(lang, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(lang, value);
    // A text param is taken as written (its words are not searched for placeholders again).
    return typeof value === 'string' ? value : pick(lang, value[lang], params);
  });
}

/** Renders a text in a language. */
export function render(lang: Lang, text: Text, params?: Params): string {
  return format(lang, text[lang], params);
}

/** The placeholders a template expects, for the tests that check every message is filled. */
export function placeholdersOf(template: Template): string[] {
  const forms = typeof template === 'string' ? [template] : [template.other, template.one ?? ''];
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')))];
}

/**
 * A dictionary of texts keyed by name, and a lookup bound to it. Pages keep one per area
 * (sessions, logistics, regions, the receipt page), beside the code that shows them.
 */
export function dictionary<K extends string>(texts: Record<K, Text>) {
  return {
    texts,
    // `in` rather than Object.hasOwn: the pages target Chrome 80 and Safari 14.1.
    has: (key: string): key is K => key in texts,
    text: (lang: Lang, key: K, params?: Params) => render(lang, texts[key], params),
  };
}

/** Picks the reply language from an Accept-Language header: English if asked for, else Indonesian. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().toLowerCase().split(';')[0] ?? '';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
