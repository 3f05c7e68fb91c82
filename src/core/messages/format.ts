/**
 * The message machinery: a table maps keys to text or to functions of typed parameters
 * (for plurals, numbers and dates), and a `Translator` reads a table with `Intl`
 * formatters for one locale. No DOM: the core (descriptions, validation messages, CSV
 * headers) and the elements use the same tables.
 */

/** Locale-aware formatting handed to every message function. */
export interface Formatters {
  /** The BCP 47 locale, or undefined for the runtime's default. */
  readonly locale: string | undefined;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A date (ISO string, epoch milliseconds or Date), by default as a UTC calendar day. */
  date(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** The plural category of `n` in this locale ("one", "other", …). */
  plural(n: number): Intl.LDMLPluralRule;
  /** "a, b and c" (conjunction) or "a, b or c" (disjunction). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

/** A message that needs parameters: plural forms and formatting live in the function. */
export type MessageFn<P> = (params: P, format: Formatters) => string;

/** A table entry: plain text (with optional `{name}` placeholders) or a function. */
export type Message = string | MessageFn<never>;

/** Text entries widen to `string`, so another language can fill them. */
export type WidenTable<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters for a locale (cached per locale and options). */
export function createFormatters(locale?: string): Formatters {
  const plurals = new Intl.PluralRules(locale);
  const lists = new Map<string, Intl.ListFormat>();
  return {
    locale,
    number(n, options) {
      const key = `${locale ?? ''}|${options ? JSON.stringify(options) : ''}`;
      let f = numberFormats.get(key);
      if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
      return f.format(n);
    },
    date(value, options = { dateStyle: 'medium', timeZone: 'UTC' }) {
      const d = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(d.getTime())) return String(value);
      const key = `${locale ?? ''}|${JSON.stringify(options)}`;
      let f = dateFormats.get(key);
      if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
      return f.format(d);
    },
    plural: (n) => plurals.select(n),
    list(items, type = 'conjunction') {
      let f = lists.get(type);
      if (!f) lists.set(type, (f = new Intl.ListFormat(locale, { type })));
      return f.format(items);
    },
  };
}

/** Fill `{name}` placeholders; unknown names stay as written. */
export function fillPlaceholders(text: string, params: object | undefined): string {
  if (!params) return text;
  const p = params as Record<string, unknown>;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in p ? String(p[name]) : m));
}
