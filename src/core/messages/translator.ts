/**
 * The `Translator`: reads a language's own messages (the overrides it is given) and, for
 * any key it lacks, the English section that holds it. English sections are not one
 * table: each module that shows a section's messages adds that section (`addEnglish`), so
 * a bundle carries only the English its code can show (`<group-operator>` has no
 * validation or summary text). The complete table, `en`, is `./en/index.ts`.
 */
import { createFormatters, fillPlaceholders, type Formatters, type Message, type MessageFn } from './format.js';
import type { Messages } from './en/index.js';

export type MessageKey = keyof Messages;
/** The parameters a key takes: a function's first argument, else optional placeholder values. */
export type MessageParams<K extends MessageKey> = Messages[K] extends MessageFn<infer P> ? P : Record<string, string | number> | undefined;
export type MessageArgs<K extends MessageKey> =
  Messages[K] extends MessageFn<infer P> ? [params: P] : [params?: Record<string, string | number>];

/** The English text of the sections loaded so far, by key. */
const englishText: Record<string, Message | undefined> = {};

/**
 * Make a section of the English table available to every `Translator` (the fallback for
 * keys a language does not give). Returns the section. Adding a section twice is harmless.
 */
export function addEnglish<T extends Partial<Record<MessageKey, unknown>>>(section: T): T {
  Object.assign(englishText, section);
  return section;
}

/** Reads one message table (missing keys fall back to English) with one locale's formatters. */
export class Translator {
  readonly format: Formatters;
  private readonly table: Partial<Record<string, Message>>;

  constructor(
    table: Partial<Messages> = {},
    readonly locale?: string,
  ) {
    this.table = { ...table };
    this.format = createFormatters(locale);
  }

  /** The text of `key` with its parameters; an unknown key is returned as it is. */
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
    const entry = (this.table[key] ?? englishText[key]) as string | MessageFn<unknown> | undefined;
    if (entry === undefined) return String(key);
    if (typeof entry === 'function') return entry(args[0], this.format);
    return fillPlaceholders(entry, args[0] as object | undefined);
  }

  /** Is `key` in the table (or in English)? (For keys built at run time, such as `operator.<name>`.) */
  has(key: string): key is MessageKey {
    return this.table[key] !== undefined || englishText[key] !== undefined;
  }
}

/** The English translator with the runtime's default locale. */
export const english = new Translator();
