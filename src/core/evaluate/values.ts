/**
 * The values a condition was tested on, for `explainMember`: read from the typed columns
 * the engine compared (so they are what it saw, after its coercions), as JSON values.
 */
import type { ExplainedValue } from '../model/explain.js';
import type { AttributeDef } from '../model/types.js';
import { type EntityTable, toText } from './columns.js';

/** How many values a condition inside a related block reports (see `NodeExplanation.values`). */
export const MAX_EXPLAINED_VALUES = 3;

/** Row `r`'s value of `attr` as the engine compared it: null for an empty value; a date as written (or as an ISO string). */
export function valueAt(table: EntityTable, attr: AttributeDef, r: number): ExplainedValue {
  switch (attr.type) {
    case 'number': {
      const x = table.numbers(attr.name).values[r]!;
      return x === x ? x : null;
    }
    case 'date': {
      const t = table.dates(attr.name).values[r]!;
      if (t !== t) return null;
      const raw = table.rows[r]?.[attr.name];
      return typeof raw === 'string' ? raw : new Date(t).toISOString();
    }
    case 'boolean': {
      const code = table.booleans(attr.name).codes[r]!;
      return code === 0 ? null : code === 2;
    }
    default: {
      const row = table.rows[r];
      const s = row !== null && typeof row === 'object' ? toText(row[attr.name]) : undefined;
      return s === undefined || s === '' ? null : s;
    }
  }
}

/**
 * The values that decided a condition over `rows` (the member's row, or the linked rows of
 * a related block): those of up to MAX_EXPLAINED_VALUES rows it holds for — first the
 * `matched` ones (the rows that satisfy the block's whole filter: what it counted), then
 * the others — or, when it holds for none, of up to that many rows it was tested on.
 */
export function decidingValues(
  table: EntityTable,
  attr: AttributeDef,
  rows: readonly number[],
  holds: (r: number) => boolean,
  matched: readonly number[] = rows,
): ExplainedValue[] {
  const picked: number[] = [];
  const take = (from: readonly number[]) => {
    for (const r of from) {
      if (picked.length === MAX_EXPLAINED_VALUES) return;
      if (holds(r) && !picked.includes(r)) picked.push(r);
    }
  };
  if (matched !== rows) take(matched);
  take(rows);
  if (!picked.length) picked.push(...rows.slice(0, MAX_EXPLAINED_VALUES));
  return picked.map((r) => valueAt(table, attr, r));
}
