/**
 * The words the elements show, read from the core's typed message table
 * (`src/core/messages/`). `term(key, params)` renders one in the language of the element
 * rendering now: each element follows the `lang` of its nearest ancestor (through shadow
 * roots) and shows the table registered for it (`registerLocale`), else the `setMessages`
 * words (English by default). Each element adds the English sections it shows
 * (`addEnglish`), so it carries no other element's words.
 */
import { operators } from '../../core/messages/en/operators.js';
import type { Messages } from '../../core/messages/en/index.js';
import { addEnglish, Translator, type MessageArgs, type MessageKey } from '../../core/messages/translator.js';
import type { SegmentError } from '../../core/model/types.js';
import { errorMessage } from '../../core/validate/errors.js';

export type { Messages } from '../../core/messages/en/index.js';
export type { MessageKey, MessageParams } from '../../core/messages/translator.js';

/** The words of elements whose language has no table of its own (`setMessages`; English by default). */
let fallback = new Translator();
/** The translator of the element rendering now (`withTranslator`), else the fallback. */
let ambient: Translator | undefined;

interface Locale {
  messages: Partial<Messages>;
  /** A translator per language tag that resolved to this table ("de", "de-AT" …), each with its tag's formats. */
  translators: Map<string, Translator>;
}
const locales = new Map<string, Locale>();
const changeListeners = new Set<() => void>();
const changed = () => changeListeners.forEach((fn) => fn());

/**
 * Replace some or all messages of elements whose `lang` has no registered table (house
 * wording, or one language for the whole page); missing keys stay English. Elements on the
 * page show the new words at once.
 */
export function setMessages(messages: Partial<Messages>, locale?: string): void {
  fallback = new Translator(messages, locale);
  changed();
}

/**
 * Register a language's table (`registerLocale('de', de)` with `de` from
 * `segment-kit/locales/de`). An element whose nearest `lang` is that tag, or starts with it
 * (`de-AT`, `de-CH`), shows that table with the tag's number and date formats; keys the table
 * lacks fall back to English. Elements on the page switch at once. Registering a tag again
 * replaces its table.
 */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  locales.set(lang.toLowerCase(), { messages, translators: new Map() });
  changed();
}

/** The tags with a registered table, as given to `registerLocale` (lower case). */
export function registeredLocales(): string[] {
  return [...locales.keys()];
}

/**
 * The translator for a `lang` value: its registered table (the whole tag, else its
 * language: `de-AT` → `de`), else the `setMessages` one. Empty or missing: the latter.
 */
export function translatorFor(lang: string | null | undefined): Translator {
  const tag = lang?.trim();
  if (!tag) return fallback;
  const lower = tag.toLowerCase();
  const locale = locales.get(lower) ?? locales.get(lower.split('-')[0]!);
  if (!locale) return fallback;
  let t = locale.translators.get(lower);
  if (!t) locale.translators.set(lower, (t = new Translator(locale.messages, validTag(tag))));
  return t;
}

/** A tag `Intl` accepts, else undefined (the runtime's default formats). */
function validTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Run `fn` with `translator` as the one `term` and `currentTranslator` use (an element's render). */
export function withTranslator<T>(translator: Translator, fn: () => T): T {
  const before = ambient;
  ambient = translator;
  try {
    return fn();
  } finally {
    ambient = before;
  }
}

/** Call `fn` when the registered tables or the `setMessages` words change; returns the unsubscribe. */
export function onMessagesChange(fn: () => void): () => void {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}

/** The translator in effect (its `format` has the locale's number and date formatters). */
export function currentTranslator(): Translator {
  return ambient ?? fallback;
}

/** A message with its parameters filled in, in the language of the element rendering now. */
export function term<K extends MessageKey>(key: K, ...params: MessageArgs<K>): string {
  return currentTranslator().t(key, ...params);
}

/** The operators' labels in English (there wherever an operator is shown). */
const OPERATOR_LABELS: Record<string, string> = /* @__PURE__ */ addEnglish(operators);

/** The label of an operator, by name (`equals` → "is"). */
export function operatorLabel(operator: string): string {
  const key = `operator.${operator}`;
  const translator = currentTranslator();
  return key in OPERATOR_LABELS || translator.has(key) ? translator.t(key as MessageKey) : operator;
}

/**
 * A problem's text in the current language: from its code and params, else its own
 * (English) message. Shows the errors section only where errors are made (the core's
 * validation adds it), so an element that only shows them does not carry it.
 */
export function errorText(error: SegmentError): string {
  return errorMessage(error, currentTranslator());
}
