/**
 * The words the elements show, read from the core's typed message table
 * (`src/core/messages/`). `term(key, params)` renders one; `setMessages` replaces some or
 * all of them (house wording, or another language with its locale). Each element adds the
 * English sections it shows (`addEnglish`), so it carries no other element's words.
 */
import { operators } from '../../core/messages/en/operators.js';
import type { Messages } from '../../core/messages/en/index.js';
import { addEnglish, Translator, type MessageArgs, type MessageKey } from '../../core/messages/translator.js';
import type { SegmentError } from '../../core/model/types.js';
import { errorMessage } from '../../core/validate/errors.js';

export type { Messages } from '../../core/messages/en/index.js';
export type { MessageKey, MessageParams } from '../../core/messages/translator.js';

let translator = new Translator();

/** Replace some or all messages (another language, or house wording); missing keys stay English. */
export function setMessages(messages: Partial<Messages>, locale?: string): void {
  translator = new Translator(messages, locale);
}

/** The translator in effect (its `format` has the locale's number and date formatters). */
export function currentTranslator(): Translator {
  return translator;
}

/** A message with its parameters filled in. */
export function term<K extends MessageKey>(key: K, ...params: MessageArgs<K>): string {
  return translator.t(key, ...params);
}

/** The operators' labels in English (there wherever an operator is shown). */
const OPERATOR_LABELS: Record<string, string> = /* @__PURE__ */ addEnglish(operators);

/** The label of an operator, by name (`equals` → "is"). */
export function operatorLabel(operator: string): string {
  const key = `operator.${operator}`;
  return key in OPERATOR_LABELS || translator.has(key) ? translator.t(key as MessageKey) : operator;
}

/**
 * A problem's text in the current language: from its code and params, else its own
 * (English) message. Shows the errors section only where errors are made (the core's
 * validation adds it), so an element that only shows them does not carry it.
 */
export function errorText(error: SegmentError): string {
  return errorMessage(error, translator);
}
