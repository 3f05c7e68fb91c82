/**
 * Ordering and paging as providers read them from hosts: sort orders in the forms hosts
 * write them, a comparison with empty values last, and offset/limit clamped.
 */
import type { SortSpec } from './types.js';

/** The most rows or items one call returns. */
export const MAX_LIMIT = 10_000;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Order two values ascending or descending; empty values (null, '', []) go last either way. Lists compare by their text. */
export function compare(a: unknown, b: unknown, direction: 'asc' | 'desc' = 'asc'): number {
  const an = isEmpty(a);
  const bn = isEmpty(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = compareValues(a, b);
  return direction === 'desc' ? -c : c;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = (Array.isArray(a) ? a.join(', ') : String(a)).toLowerCase();
  const sb = (Array.isArray(b) ? b.join(', ') : String(b)).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * A value as `compare` reads it, worked out once (for sorting many values by the same key):
 * `null` when empty, else its kind (0 number, 1 boolean, 2 anything else), the number (for
 * numbers and booleans) and the lowercased text (for everything, as values of different kinds
 * compare by their text).
 */
export type SortKey = { kind: 0 | 1 | 2; n: number; text: string } | null;

export function sortKey(v: unknown): SortKey {
  if (isEmpty(v)) return null;
  const kind = typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2;
  return { kind, n: kind === 2 ? 0 : Number(v), text: (Array.isArray(v) ? v.join(', ') : String(v)).toLowerCase() };
}

/** `compare(a, b, direction)` for the values of `sortKey(a)` and `sortKey(b)`. */
export function compareKeys(a: SortKey, b: SortKey, direction: 'asc' | 'desc' = 'asc'): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = a.kind === b.kind && a.kind !== 2 ? a.n - b.n : a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  return direction === 'desc' ? -c : c;
}

/** Compare two records by a list of sort orders (0 when they tie on all of them). */
export function compareBy(a: Record<string, unknown>, b: Record<string, unknown>, sorts: readonly SortSpec[]): number {
  for (const s of sorts) {
    const c = compare(a[s.key], b[s.key], s.direction);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Sort orders as hosts write them: `{ key, direction }`, `"key"`, `"-key"` (descending),
 * `"key desc"`, `{ field | column, order | dir }`, or a list of those.
 */
export function sortSpecs(sort: unknown): SortSpec[] {
  if (sort === undefined || sort === null || sort === '') return [];
  const out: SortSpec[] = [];
  for (const s of Array.isArray(sort) ? (sort as unknown[]) : [sort]) {
    if (typeof s === 'string') {
      const m = /^\s*(-?)([^\s]+)(?:\s+(asc|desc))?\s*$/i.exec(s);
      if (m) out.push({ key: m[2]!, direction: m[1] === '-' || m[3]?.toLowerCase() === 'desc' ? 'desc' : 'asc' });
    } else if (s && typeof s === 'object') {
      const o = s as Record<string, unknown>;
      const key = [o.key, o.field, o.column, o.id].find((k): k is string => typeof k === 'string');
      const dir = [o.direction, o.order, o.dir].find((d): d is string => typeof d === 'string');
      if (key) out.push({ key, direction: dir?.toLowerCase() === 'desc' || o.descending === true ? 'desc' : 'asc' });
    }
  }
  return out;
}

/** `[offset, limit]`: whole, non-negative numbers, the limit at most `MAX_LIMIT`; `fallback` without a usable limit. */
export function pageArgs(offset: unknown, limit: unknown, fallback: number): [number, number] {
  const o = typeof offset === 'number' && Number.isFinite(offset) ? Math.max(0, Math.floor(offset)) : 0;
  const l = typeof limit === 'number' && Number.isFinite(limit) ? Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit))) : fallback;
  return [o, l];
}
