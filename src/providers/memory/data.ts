/**
 * The memory provider's rows: one snapshot of the data per state (entity → rows array),
 * and what the provider reads from it besides evaluation (member rows, the rows linked to
 * a member for projected columns, value counts).
 *
 * Rows are read as immutable. Everything derived from rows (here, and the engine's typed
 * columns) is cached per rows array, so an entity whose array did not change keeps its
 * caches, and a changed entity must come as a new array.
 */
import { prepareSteps, type Dataset } from '../../core/evaluate/index.js';
import { indexCatalog, type CatalogIndex } from '../../core/model/catalog.js';
import type { Catalog, EntityDef, SegmentDocument } from '../../core/model/types.js';
import { SegmentProviderError } from '../../core/provider/types.js';
import { compare } from '../store/sort.js';

export type Row = Record<string, unknown>;
export type Rows = readonly Row[];
export interface ValueCount {
  value: unknown;
  count: number;
}

const NO_ROWS: Rows = Object.freeze([]);
/** Rows per slice of an index built in idle time (`prepareSteps`). */
const SLICE_ROWS = 2048;

/**
 * A join or member key, coerced as the engine coerces them (SPEC: `7` and `"7"` join):
 * strings as they are, finite numbers and bigints as text; anything else joins nothing.
 */
export function keyOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  return undefined;
}

const read = (row: Row | null | undefined, attr: string): unknown => (row === null || typeof row !== 'object' ? undefined : row[attr]);

/** Caches over rows arrays, shared by all snapshots of one provider. */
class RowCaches {
  private readonly groups = new WeakMap<Rows, Map<string, Map<string, number[]>>>();
  private readonly counts = new WeakMap<Rows, Map<string, ValueCount[]>>();
  private readonly firsts = new WeakMap<Rows, Map<string, Map<string, number>>>();

  private slot<T>(map: WeakMap<Rows, Map<string, T>>, rows: Rows): Map<string, T> {
    let m = map.get(rows);
    if (!m) map.set(rows, (m = new Map<string, T>()));
    return m;
  }

  /** Row indexes by key (`keyOf`) of `attr`, in row order. */
  groupsOf(rows: Rows, attr: string): Map<string, number[]> {
    const cache = this.slot(this.groups, rows);
    let g = cache.get(attr);
    if (!g) {
      g = new Map();
      for (let i = 0; i < rows.length; i++) {
        const k = keyOf(read(rows[i], attr));
        if (k === undefined) continue;
        const list = g.get(k);
        if (list) list.push(i);
        else g.set(k, [i]);
      }
      cache.set(attr, g);
    }
    return g;
  }

  /** The first row of each key (`keyOf`) of `attr`: a member's row (cheaper than `groupsOf`, which keeps every row of a key). */
  firstRows(rows: Rows, attr: string): Map<string, number> {
    const cache = this.slot(this.firsts, rows);
    let first = cache.get(attr);
    if (!first) {
      const steps = this.firstRowsSteps(rows, attr);
      while (!steps.next().done);
      first = cache.get(attr)!;
    }
    return first;
  }

  /** `firstRows` a slice at a time (it stops early when a question built it in between). */
  *firstRowsSteps(rows: Rows, attr: string): Generator<void, void> {
    const cache = this.slot(this.firsts, rows);
    if (cache.has(attr)) return;
    const first = new Map<string, number>();
    for (let start = 0; start < rows.length; start += SLICE_ROWS) {
      if (start > 0) {
        yield;
        if (cache.has(attr)) return;
      }
      for (let i = start, end = Math.min(rows.length, start + SLICE_ROWS); i < end; i++) {
        const k = keyOf(read(rows[i], attr));
        if (k !== undefined && !first.has(k)) first.set(k, i);
      }
    }
    cache.set(attr, first);
  }

  /** The non-empty values of `attr` with how many rows hold each, most frequent first. */
  valueCounts(rows: Rows, attr: string): ValueCount[] {
    const cache = this.slot(this.counts, rows);
    let list = cache.get(attr);
    if (!list) {
      const counts = new Map<unknown, number>();
      for (const row of rows) {
        const v = read(row, attr);
        if (v === null || v === undefined || v === '') continue;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      list = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compare(a.value, b.value));
      cache.set(attr, list);
    }
    return list;
  }
}

/** One state of the data. Never changes: a change makes a new snapshot that shares the untouched arrays. */
export class DataSnapshot {
  readonly dataset: Dataset;
  private readonly index: CatalogIndex;
  private readonly audience: EntityDef;

  private constructor(
    readonly catalog: Catalog,
    readonly data: Readonly<Record<string, Rows>>,
    private readonly caches: RowCaches,
  ) {
    this.dataset = { catalog, data };
    this.index = indexCatalog(catalog);
    this.audience = this.index.entity(catalog.audience)!;
  }

  /** The first snapshot of a provider (the catalog's audience must be one of its entities). */
  static create(catalog: Catalog, data: Readonly<Record<string, Rows>>): DataSnapshot {
    return new DataSnapshot(catalog, data, new RowCaches());
  }

  /** A snapshot with the same caches over other data (arrays it shares with this one keep theirs). */
  with(data: Readonly<Record<string, Rows>>): DataSnapshot {
    return new DataSnapshot(this.catalog, data, this.caches);
  }

  /**
   * The data with the rows of the entities in `data` replaced: only those (merge) or all
   * of it (an entity not named has no rows). An array that is the one in use keeps its caches.
   */
  replace(data: unknown, merge: boolean): DataSnapshot {
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new SegmentProviderError('invalid-argument', 'setData needs rows per entity: { Customer: [ … ], Order: [ … ] }.');
    const next: Record<string, Rows> = merge ? { ...this.data } : {};
    for (const [entity, rows] of Object.entries(data as Record<string, unknown>)) {
      this.entity(entity);
      if (!Array.isArray(rows)) throw new SegmentProviderError('invalid-argument', `The rows of ${entity} must be an array.`);
      Object.defineProperty(next, entity, { value: rows, enumerable: true, writable: true, configurable: true });
    }
    return this.with(next);
  }

  /**
   * Insert rows of `entity`, or replace the rows with the same key (`keyOf` of the
   * entity's key attribute). A replaced row keeps its place; a new one goes last; when the
   * data held several rows with that key, the first is replaced and the others removed;
   * when `rows` holds a key twice, the last one wins.
   */
  upsert(entity: string, rows: unknown): { next: DataSnapshot; inserted: number; replaced: number } {
    const def = this.entity(entity);
    if (!Array.isArray(rows)) throw new SegmentProviderError('invalid-argument', `upsertRows needs an array of ${entity} rows.`);
    const incoming = new Map<string, Row>();
    rows.forEach((row: unknown, i) => {
      const k = keyOf(read(row as Row, def.key));
      if (k === undefined)
        throw new SegmentProviderError(
          'invalid-argument',
          `Row #${i + 1} of ${entity} has no ${def.key} (a text or a number), so it cannot be matched.`,
        );
      incoming.set(k, row as Row);
    });
    if (!incoming.size) return { next: this, inserted: 0, replaced: 0 };
    const out: Row[] = [];
    const placed = new Set<string>();
    for (const row of this.rows(entity)) {
      const k = keyOf(read(row, def.key));
      const replacement = k === undefined ? undefined : incoming.get(k);
      if (replacement === undefined) out.push(row);
      else if (!placed.has(k!)) {
        out.push(replacement);
        placed.add(k!);
      }
    }
    for (const [k, row] of incoming) if (!placed.has(k)) out.push(row);
    return { next: this.with({ ...this.data, [entity]: out }), inserted: incoming.size - placed.size, replaced: placed.size };
  }

  /** Remove the rows of `entity` whose key is one of `keys` (keys coerced by `keyOf`). */
  remove(entity: string, keys: unknown): { next: DataSnapshot; removed: number } {
    const def = this.entity(entity);
    if (!Array.isArray(keys)) throw new SegmentProviderError('invalid-argument', `removeRows needs a list of ${def.key} values.`);
    const gone = new Set<string>();
    keys.forEach((key: unknown, i) => {
      const k = keyOf(key);
      if (k === undefined)
        throw new SegmentProviderError('invalid-argument', `Key #${i + 1} for ${entity} is not a text or a number, so it matches no row.`);
      gone.add(k);
    });
    const current = this.rows(entity);
    const out = current.filter((row) => {
      const k = keyOf(read(row, def.key));
      return k === undefined || !gone.has(k);
    });
    const removed = current.length - out.length;
    return { next: removed ? this.with({ ...this.data, [entity]: out }) : this, removed };
  }

  private entity(name: string): EntityDef {
    const def = typeof name === 'string' ? this.index.entity(name) : undefined;
    if (!def) throw new SegmentProviderError('not-found', `The catalog has no entity "${String(name)}".`);
    return def;
  }

  rows(entity: string): Rows {
    const rows = Object.prototype.hasOwnProperty.call(this.data, entity) ? this.data[entity] : undefined;
    return Array.isArray(rows) ? rows : NO_ROWS;
  }

  valueCounts(entity: string, attribute: string): ValueCount[] {
    return this.caches.valueCounts(this.rows(entity), attribute);
  }

  /** The first row of `entity` with the given key (`keyOf` of the entity's key attribute). */
  firstRowWithKey(entity: EntityDef, key: string): number | undefined {
    return this.caches.firstRows(this.rows(entity.name), entity.key).get(key);
  }

  /** The rows of `entity` by the key (`keyOf`) of `attribute`, in row order (cached per rows array and attribute): a join's index. */
  joinIndex(entity: string, attribute: string): ReadonlyMap<string, readonly number[]> {
    return this.caches.groupsOf(this.rows(entity), attribute);
  }

  /**
   * Everything the first questions over this data would build (the engine's caches, see
   * `prepareSteps`, and the index of member rows), a slice at a time, for idle time; what
   * the documents in `first` use is built before the rest (and, with `only`, nothing else).
   */
  *prepareSteps(first: readonly SegmentDocument[] = [], only = false): Generator<void, void> {
    yield* prepareSteps(this.dataset, { first, only });
    yield* this.caches.firstRowsSteps(this.rows(this.audience.name), this.audience.key);
  }

  /** The audience row of a member key (the first row with that key). */
  memberRow(key: string): Row | undefined {
    const at = this.firstRowWithKey(this.audience, key);
    return at === undefined ? undefined : this.rows(this.audience.name)[at];
  }

  /**
   * The rows of `entity` linked to the member (through the catalog's relationship path,
   * one hop after the other), distinct, in row order. Empty when nothing links them.
   */
  linkedRows(key: string, entity: string): number[] {
    const start = this.firstRowWithKey(this.audience, key);
    const steps = this.index.path(this.audience.name, entity);
    if (start === undefined || !steps || steps.length === 0) return [];
    let current = [start];
    for (const step of steps) {
      const from = this.rows(step.from);
      const groups = this.caches.groupsOf(this.rows(step.to), step.toAttribute);
      const next = new Set<number>();
      for (const i of current) {
        const k = keyOf(read(from[i], step.fromAttribute));
        for (const j of (k === undefined ? undefined : groups.get(k)) ?? []) next.add(j);
      }
      current = [...next];
    }
    return current.sort((a, b) => a - b);
  }
}
