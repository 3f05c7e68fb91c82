/**
 * Translatable strings: one typed table (English complete, `en`), functions for plurals
 * and numbers, and a `Translator` that renders a key for a locale. Used by the core's
 * descriptions and messages and by every element.
 */
import { createFormatters, fillPlaceholders, type Formatters, type MessageFn } from './format.js';
import { en, type Messages } from './en/index.js';

export { en, type Messages } from './en/index.js';
export { createFormatters, fillPlaceholders, type Formatters, type Message, type MessageFn, type WidenTable } from './format.js';

export type MessageKey = keyof Messages;
/** The parameters a key takes: a function's first argument, else optional placeholder values. */
export type MessageParams<K extends MessageKey> = Messages[K] extends MessageFn<infer P> ? P : Record<string, string | number> | undefined;
export type MessageArgs<K extends MessageKey> =
  Messages[K] extends MessageFn<infer P> ? [params: P] : [params?: Record<string, string | number>];

/** Reads one message table (missing keys fall back to English) with one locale's formatters. */
export class Translator {
  readonly format: Formatters;
  private readonly table: Messages;

  constructor(
    table: Partial<Messages> = {},
    readonly locale?: string,
  ) {
    this.table = { ...en, ...table };
    this.format = createFormatters(locale);
  }

  /** The text of `key` with its parameters; an unknown key is returned as it is. */
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
    const entry = (this.table[key] ?? en[key]) as string | MessageFn<unknown> | undefined;
    if (entry === undefined) return String(key);
    if (typeof entry === 'function') return entry(args[0], this.format);
    return fillPlaceholders(entry, args[0] as object | undefined);
  }

  /** Is `key` in the table? (For keys built at run time, such as `operator.<name>`.) */
  has(key: string): key is MessageKey {
    return key in this.table;
  }
}

/** The English translator with the runtime's default locale. */
export const english = new Translator();
