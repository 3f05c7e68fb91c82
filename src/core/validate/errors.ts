/**
 * `SegmentError`s from codes and parameters: the English `message` comes from the
 * `error.<code>` entry of the message table (`messages/en/errors.ts`), so the text and
 * the parameters an element translates from can never disagree. `errorMessage` renders
 * an error in any language.
 */
import { errors as errorsSection, type ErrorParamsOf, type ShownValue, type ValueKind } from '../messages/en/errors.js';
import { addEnglish, english, type Translator } from '../messages/translator.js';
import type { SegmentError, SegmentErrorCode, SegmentErrorParams } from '../model/types.js';

export type { ErrorParamsOf, ShownValue, ValueKind } from '../messages/en/errors.js';

/** The errors section of the English table, there for every translator wherever errors are made (not where they are only shown). */
const errors = /* @__PURE__ */ addEnglish(errorsSection);

/** The English message of an error code with its parameters. */
export function englishErrorMessage<C extends SegmentErrorCode>(code: C, params: ErrorParamsOf<C>): string {
  return (errors[`error.${code}`] as (p: ErrorParamsOf<C>, f: typeof english.format) => string)(params, english.format);
}

/** A `SegmentError` with its English message made from `params`. */
export function segmentError<C extends SegmentErrorCode>(path: string, code: C, params: ErrorParamsOf<C>, nodeId?: string): SegmentError {
  return reportedError(path, code, englishErrorMessage(code, params), params as SegmentErrorParams, nodeId);
}

/** A `SegmentError` from its parts (`nodeId` only when there is one). */
export function reportedError(
  path: string,
  code: SegmentErrorCode,
  message: string,
  params: SegmentErrorParams,
  nodeId: string | undefined,
): SegmentError {
  const e: SegmentError = { path, code, message, params };
  if (nodeId !== undefined) e.nodeId = nodeId;
  return e;
}

/**
 * The text of an error in the translator's language (default English), from its code
 * and params through the `error.<code>` entry of the table. Falls back to
 * `error.message` for an error without params, a code the table does not know, or
 * params its message function cannot read.
 */
export function errorMessage(error: SegmentError, translator: Translator = english): string {
  const key = `error.${error.code}`;
  if (!error.params || !translator.has(key)) return error.message;
  try {
    return translator.t(key, error.params as never);
  } catch {
    return error.message;
  }
}

/** The kind of a JavaScript value, as error parameters name it. */
export function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** A value as a message shows it: text shortened to 40 characters, numbers and booleans as they are, anything else by its kind. */
export function shownValue(v: unknown): ShownValue {
  if (typeof v === 'string') return { value: v.length > 40 ? v.slice(0, 40) + '…' : v };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  return { got: kindOf(v) };
}

/** Text shown as text, anything else (numbers too) by its kind. */
export function shownText(v: unknown): ShownValue {
  return typeof v === 'string' ? shownValue(v) : { got: kindOf(v) };
}
