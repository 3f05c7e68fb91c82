/**
 * Value helpers for `<condition-row>`: the text a control shows for a value, parsing a
 * control's text back into a value of the attribute's type, and the plain-language
 * sentence of the read-only mode. DOM-free.
 */
import { valueShapeOf } from '../../core/model/operators.js';
import type { AttributeDef, AttributeType, ConditionValue, RelativeValue, ScalarValue } from '../../core/model/types.js';
import { term, operatorLabel, type MessageKey } from '../shared/messages.js';

export type LocalKey = MessageKey;

/** A message from the shared table (`setMessages` changes it). */
export function text(key: MessageKey, vars?: Record<string, string | number>): string {
  return term(key, vars);
}

let numberFormat: Intl.NumberFormat | undefined;
/** Numbers through Intl (the page's locale). */
export function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat();
  return numberFormat.format(n);
}

let listFormat: Intl.ListFormat | undefined;
function formatList(items: string[]): string {
  listFormat ??= new Intl.ListFormat(undefined, { style: 'short', type: 'unit' });
  return listFormat.format(items);
}

/** Any value as text, without throwing (objects as JSON). */
export function rawText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return Object.prototype.toString.call(v);
  }
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;

/** Does `v` fit a scalar control for `type` (empty counts as fitting)? */
export function fitsType(type: AttributeType | undefined, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (type === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (type === 'date') return typeof v === 'string' && DATE_PREFIX.test(v);
  if (type === 'string') return typeof v === 'string';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The text a typed control shows for a fitting value (dates: the calendar day). */
export function controlText(type: AttributeType | undefined, v: unknown): string {
  if (type === 'date' && typeof v === 'string') return DATE_PREFIX.exec(v)?.[1] ?? v;
  return rawText(v);
}

/**
 * A control's text as a value: empty → undefined; numbers parsed (text that is not a
 * number stays text, so nothing typed is lost); otherwise the text.
 */
export function parseText(type: AttributeType | undefined, s: string): ScalarValue | undefined {
  if (s.trim() === '') return undefined;
  if (type === 'number') {
    const n = Number(s.trim());
    return Number.isFinite(n) ? n : s;
  }
  return s;
}

/** Same value for display purposes (null and undefined alike; arrays and objects by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Object.is(a, b)) return true;
  if (typeof a === 'object' && typeof b === 'object') return rawText(a) === rawText(b);
  return false;
}

export function isRelative(v: unknown): v is RelativeValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The label of one value: the enumeration's label, a formatted number, or the text. */
export function valueLabel(attr: AttributeDef | undefined, v: unknown): string {
  if (attr?.values && (typeof v === 'string' || typeof v === 'number')) {
    const option = attr.values.find((o) => o && o.value === v);
    if (option && typeof option.label === 'string' && option.label !== '') return option.label;
  }
  if (typeof v === 'number') return formatNumber(v);
  return rawText(v);
}

/** The operator and value in words: "is greater than 500", "is in the last 90 days". */
export function describeComparison(attr: AttributeDef | undefined, operator: string, value: ConditionValue): string {
  if (operator === '') return '…';
  const op = operatorLabel(operator);
  const shape = valueShapeOf(operator);
  const one = (v: unknown) => (v === null || v === undefined || v === '' ? '…' : valueLabel(attr, v));
  switch (shape) {
    case 'none':
      return op;
    case 'pair': {
      const pair = Array.isArray(value) ? value : [value, undefined];
      return `${op} ${text('value.pair', { low: one(pair[0]), high: one(pair[1]) })}`;
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map(one) : value === undefined || value === null ? [] : [one(value)];
      return `${op} ${items.length > 0 ? formatList(items) : '…'}`;
    }
    case 'relative': {
      if (!isRelative(value)) return `${op} ${one(value)}`;
      const unitKey = `unit.${String(value.unit)}`;
      const unit = ['unit.day', 'unit.week', 'unit.month', 'unit.year'].includes(unitKey)
        ? term(unitKey as MessageKey)
        : rawText(value.unit);
      return `${op} ${one(value.amount)} ${unit}`;
    }
    default:
      return `${op} ${one(value)}`;
  }
}
