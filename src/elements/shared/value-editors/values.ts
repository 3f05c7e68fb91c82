/**
 * Value helpers for the value editors: the text a control shows for a value (a date's
 * UTC calendar day), parsing a control's text back into a value of the attribute's type,
 * labels, and the operator and value in words (a read-only condition). DOM-free.
 */
import { isoDay, parseIsoDate } from '../../../core/model/dates.js';
import { RELATIVE_UNITS, valueShapeOf } from '../../../core/model/operators.js';
import type { AttributeDef, AttributeType, ConditionValue, RelativeValue, ScalarValue } from '../../../core/model/types.js';
import { units } from '../../../core/messages/en/units.js';
import { conditionRow } from '../../../core/messages/en/condition-row.js';
import { term, operatorLabel } from '../messages.js';
import { addEnglish } from '../../../core/messages/translator.js';

// The value editors' words (in the condition row's section) and the units of relative dates.
addEnglish(conditionRow);
addEnglish(units);

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

/**
 * The text a typed control shows for a fitting value. A date shows its UTC calendar day
 * (SPEC: on/before/after/between compare UTC days), so "2026-12-19T23:30-05:00" is
 * 2026-12-20; a string that is not a real instant shows its first ten characters.
 */
export function controlText(type: AttributeType | undefined, v: unknown): string {
  if (type === 'date' && typeof v === 'string') {
    const t = parseIsoDate(v);
    return t !== undefined ? isoDay(t) : (DATE_PREFIX.exec(v)?.[1] ?? v);
  }
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
  if (operator === '') return term('value.missing');
  const op = operatorLabel(operator);
  const shape = valueShapeOf(operator);
  const missing = term('value.missing');
  const one = (v: unknown) => (v === null || v === undefined || v === '' ? missing : valueLabel(attr, v));
  switch (shape) {
    case 'none':
      return op;
    case 'pair': {
      const pair = Array.isArray(value) ? value : [value, undefined];
      return `${op} ${term('value.pair', { low: one(pair[0]), high: one(pair[1]) })}`;
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map(one) : value === undefined || value === null ? [] : [one(value)];
      return `${op} ${items.length > 0 ? formatList(items) : missing}`;
    }
    case 'relative': {
      if (!isRelative(value)) return `${op} ${one(value)}`;
      return `${op} ${one(value.amount)} ${unitLabel(value.unit)}`;
    }
    default:
      return `${op} ${one(value)}`;
  }
}

/** A relative date's unit in words ("days"); an unknown unit as it is. */
export function unitLabel(unit: unknown): string {
  return isUnit(unit) ? term(`unit.${unit}`) : rawText(unit);
}

export function isUnit(unit: unknown): unit is (typeof RELATIVE_UNITS)[number] {
  return (RELATIVE_UNITS as readonly unknown[]).includes(unit);
}

/** A list editor's values: the array, a lone value as a list of one, nothing as empty. */
export function listValues(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** The same list item (text case-insensitively, a number and its text alike). */
export function sameScalar(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return Object.is(a, b);
}
