/**
 * The words the elements show, read from the core's typed message table
 * (`src/core/messages/`). `term(key, params)` renders one; `setMessages` replaces some or
 * all of them (house wording, or another language with its locale).
 */
import { Translator, type MessageArgs, type MessageKey, type Messages } from '../../core/messages/index.js';
import type { SegmentError } from '../../core/model/types.js';
import { errorMessage } from '../../core/validate/errors.js';

export type { MessageKey, MessageParams, Messages } from '../../core/messages/index.js';

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

/** The label of an operator, by name (`equals` → "is"). */
export function operatorLabel(operator: string): string {
  const key = `operator.${operator}`;
  return translator.has(key) ? translator.t(key) : operator;
}

/** A problem's text in the current language: from its code and params, else its own message. */
export function errorText(error: SegmentError): string {
  return errorMessage(error, translator);
}
