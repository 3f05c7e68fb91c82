/**
 * Which control of a row each of its errors belongs to, by the end of the error's JSON
 * path (`…/attribute`, `…/operator`, `…/value/1` …); the rest describe the whole row. An
 * attribute the catalog does not know gets an error of its own when none says so.
 * DOM-free.
 */
import type { SegmentError } from '../../core/model/types.js';
import { term, errorText } from '../shared/messages.js';
import { rawText } from '../shared/value-editors/values.js';

export interface RowError {
  id: string;
  message: string;
}

export interface ErrorTargets {
  list: RowError[];
  attribute: string[];
  operator: string[];
  row: string[];
  /** By the part of the path after `/value`: '' for the whole value, '/0', '/amount' … */
  value: Map<string, string[]>;
}

export const NO_ERRORS: readonly SegmentError[] = Object.freeze([]);

export function errorTargets(given: unknown, unknownAttribute: string | undefined): ErrorTargets {
  const t: ErrorTargets = { list: [], attribute: [], operator: [], row: [], value: new Map() };
  const errors: readonly (SegmentError | null | undefined)[] = Array.isArray(given) ? (given as SegmentError[]) : NO_ERRORS;
  errors.forEach((e, i) => {
    if (!e || typeof e !== 'object') return;
    const id = `error-${i}`;
    t.list.push({ id, message: typeof e.message === 'string' ? errorText(e) : rawText(e.code) });
    const path = typeof e.path === 'string' ? e.path : '';
    const value = /\/value((?:\/[^/]*)?)$/.exec(path);
    if (value) {
      const sub = value[1] ?? '';
      const list = t.value.get(sub);
      if (list) list.push(id);
      else t.value.set(sub, [id]);
    } else if (/\/(attribute|entity)$/.test(path)) t.attribute.push(id);
    else if (/\/operator$/.test(path)) t.operator.push(id);
    else t.row.push(id);
  });
  if (unknownAttribute !== undefined && t.attribute.length === 0) {
    t.list.push({ id: 'error-unknown-attribute', message: term('attribute.unknown', { name: unknownAttribute }) });
    t.attribute.push('error-unknown-attribute');
  }
  return t;
}

/** Every error id of the targets, the row's first. */
export function allErrorIds(t: ErrorTargets): string[] {
  return [...t.row, ...t.attribute, ...t.operator, ...[...t.value.values()].flat()];
}
