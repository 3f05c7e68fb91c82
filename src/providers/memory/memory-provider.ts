/**
 * `createMemoryProvider`: the embedded default provider. It evaluates segments in memory
 * over plain rows with the core engine (through `core/evaluate/index.ts` only), and keeps
 * saved segments and their refresh history in a `SegmentStore` (in memory or in a given
 * storage, e.g. `localStorage`), which it hands the engine to count refreshes with.
 */
import {
  evaluateSegment,
  explainMember,
  prepareDataset,
  SegmentMemo,
  type EvaluateOptions,
  type EvaluationResult,
} from '../../core/evaluate/index.js';
import { indexCatalog } from '../../core/model/catalog.js';
import { toInstant } from '../../core/model/dates.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import {
  SegmentProviderError,
  throwIfAborted,
  type AttributeStats,
  type CallOptions,
  type ColumnDef,
  type CountResult,
  type DeleteOptions,
  type Explanation,
  type ListOptions,
  type MembersOptions,
  type MembersResult,
  type SegmentPatch,
  type SegmentProvider,
  type SuggestOptions,
  type TrendOptions,
  type TrendPoint,
  type ValueSuggestion,
} from '../../core/provider/types.js';
import { memberColumns } from '../../core/provider/columns.js';
import { parseSegment } from '../../core/validate/parse.js';
import { compareBy, pageArgs, sortSpecs } from '../store/sort.js';
import type { StorageLike } from '../store/storage.js';
import { SegmentStore, type SegmentEvaluator } from '../store/store.js';
import { DataSnapshot, type Row, type Rows } from './data.js';
import { attributeStats } from './stats.js';
import { RecentEvaluations } from './recent.js';
import { hasIdleTime, IdlePreparation } from './idle.js';

export interface MemoryProviderOptions {
  catalog: Catalog;
  /**
   * Plain rows per entity: `{ Customer: [{ CustomerId: 'C1', … }], Order: [ … ] }`, dates as
   * ISO strings. Rows are read as immutable: the provider (and the engine's caches) keep
   * what they derived from each array, so never edit rows in place.
   */
  data: Record<string, readonly Record<string, unknown>[]>;
  /** The reference instant for relative dates and timestamps: a Date, ISO string or epoch ms. Default: the current time. */
  now?: Date | string | number;
  /** Keep segments and history here (anything with getItem/setItem, e.g. localStorage). */
  storage?: StorageLike;
  /** The storage key (default `segment-kit`). */
  storageKey?: string;
  /** Segments to start with when the storage holds none (e.g. the sample dataset's). */
  segments?: SegmentDocument[];
  /** Refresh history to start with, by segment id. */
  history?: Record<string, TrendPoint[]>;
  /** Called when stored data cannot be read; the damaged value is kept under `storageKey + '.damaged'`. */
  onStorageError?: (error: SegmentProviderError) => void;
  /** Simulated latency in milliseconds for every call (stories and demos of loading states). */
  latency?: number;
  /**
   * Build the engine's typed columns and join indexes in idle time after the provider is
   * created and after each data change, a few milliseconds at a time (see `whenPrepared`),
   * so the first question about a segment does not build them while a person waits.
   * `true`: what the provider's starting `segments` use (the columns they read, the links
   * to their related entities, the index of member rows): the likely first questions, at a
   * memory cost bounded by them. `'all'`: every attribute of every entity too (what
   * `prepare()` builds; at 100,000 sample customers about ten times the heap). Default: true
   * where the platform tells idle time apart (`scheduler.postTask` or `requestIdleCallback`:
   * browsers), false elsewhere (Node). `createWorkerProvider` prepares its worker's provider
   * at once, before `ready`.
   */
  prepareWhenIdle?: boolean | 'all';
}

/**
 * The memory provider: every SPEC section 6 method, what it found wrong in storage, and
 * the way to change its data.
 *
 * **Rows are read as immutable.** The provider and the engine cache what they derive from
 * each rows array (typed columns, join indexes, value counts), keyed on the array itself,
 * so a row edited in place gives stale counts with no warning. Change data through
 * `setData`, `upsertRows` and `removeRows`: each gives the entities it touches new arrays
 * (the arrays you passed are never changed) and leaves the others, and their caches,
 * alone. Counts, members, suggestions, stats and explanations see a change at once; a
 * call already under way answers for the data as it was when it was made (never a mix).
 * Saved segments' member counts change at their next refresh.
 */
export interface MemoryProvider extends SegmentProvider {
  attributeStats(entity: string, attribute: string, opts?: CallOptions): Promise<AttributeStats>;
  explain(segment: SegmentDocument, memberKey: string, opts?: CallOptions): Promise<Explanation>;
  /** Set when the storage held a damaged value at start-up (kept under `storageKey + '.damaged'`). */
  readonly storageError: SegmentProviderError | undefined;
  /**
   * Replace the data: all of it (an entity missing from `data` has no rows any more), or
   * with `{ merge: true }` only the entities named. Passing an entity's current array
   * again keeps its caches. Throws `not-found` for an entity the catalog lacks and
   * `invalid-argument` for rows that are not an array.
   */
  setData(data: Record<string, readonly Record<string, unknown>[]>, opts?: { merge?: boolean }): void;
  /**
   * Insert rows of `entity`, or replace the rows with the same key (the entity's `key`
   * attribute; `7` and `"7"` are the same key). A replaced row keeps its place, a new one
   * goes last; if the data held several rows with that key, the others are removed.
   * Throws `invalid-argument` for a row without a usable key (and then changes nothing).
   */
  upsertRows(entity: string, rows: readonly Record<string, unknown>[]): { inserted: number; replaced: number };
  /** Remove the rows of `entity` with these keys; returns how many rows went. */
  removeRows(entity: string, keys: readonly (string | number)[]): number;
  /**
   * Build now, synchronously, what the first questions would otherwise build: the engine's
   * typed columns and join indexes for every entity, and the index of member rows. Returns
   * the milliseconds it took. `createWorkerProvider` does it in the worker before `ready`.
   */
  prepare(): number;
  /**
   * Resolves when the idle-time preparation of the current data (`prepareWhenIdle`) has
   * finished, or was stopped by a data change or `prepare()`; at once when none runs.
   */
  whenPrepared(): Promise<void>;
}

function abortable(signal: AbortSignal | undefined, ms: number): Promise<void> {
  throwIfAborted(signal);
  if (!ms) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SegmentProviderError('aborted', 'The request was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createMemoryProvider(options: MemoryProviderOptions): MemoryProvider {
  const { catalog } = options;
  if (!catalog || typeof catalog !== 'object' || typeof catalog.audience !== 'string') {
    throw new SegmentProviderError('invalid-argument', 'createMemoryProvider needs a catalog with an audience.');
  }
  const index = indexCatalog(catalog);
  const audience = index.entity(catalog.audience);
  if (!audience)
    throw new SegmentProviderError('invalid-argument', `The catalog's audience "${catalog.audience}" is not one of its entities.`);
  const fixedNow = options.now === undefined ? undefined : toInstant(options.now);
  if (options.now !== undefined && fixedNow === undefined)
    throw new SegmentProviderError('invalid-argument', `"${String(options.now)}" is not a valid instant for now.`);
  const now = () => fixedNow ?? Date.now();
  const latency = Math.max(0, options.latency ?? 0);
  /** The data now. Every call reads it once, when it is made, so it answers for one state of the data. */
  let data: DataSnapshot = DataSnapshot.create(catalog, options.data ?? {});
  const idle = new IdlePreparation();
  /** What the idle preparation builds first: what the segments the provider starts with use (a page lists them first). */
  const likelyFirst = options.segments ?? [];
  const prepareWhenIdle = options.prepareWhenIdle ?? hasIdleTime();
  const idleSteps = () => data.prepareSteps(likelyFirst, prepareWhenIdle !== 'all');
  /** The data changed (or is new): prepare it in idle time, if asked to. */
  const changed = () => {
    recent.clear();
    if (prepareWhenIdle) idle.start(idleSteps());
  };

  // ------------------------------------------------------------ the engine
  /** Referenced segments' members between calls (checked against the rows, the instant and the stored documents). */
  const memo = new SegmentMemo();
  function evaluate(doc: SegmentDocument, snap: DataSnapshot, at?: EvaluateOptions['now']) {
    try {
      return evaluateSegment(doc, snap.dataset, { now: at ?? now(), segments: store.lookup, memo });
    } catch (e) {
      throw new SegmentProviderError('invalid-segment', e instanceof Error ? e.message : String(e), e);
    }
  }

  /** The last few evaluations of `count` and `members` (see `recent.ts`): a listing's pages and the details' calls evaluate a segment once. */
  const recent = new RecentEvaluations<DataSnapshot>({
    capacity: 4,
    lookup: (id) => store.lookup(id),
    now,
    evaluate: (doc, snap) => evaluate(doc, snap),
  });
  const evaluateRecent = (doc: SegmentDocument, snap: DataSnapshot): EvaluationResult => recent.get(doc, snap, snap === data);

  /** Refreshes count over the data as it is when the refresh runs. */
  const evaluator: SegmentEvaluator = {
    count: (definition, context) => evaluate(definition, data, context.now).total,
    members: (definition, context) => evaluate(definition, data, context.now).members,
  };

  const store = new SegmentStore({
    catalog,
    evaluator,
    now,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.storageKey !== undefined ? { storageKey: options.storageKey } : {}),
    ...(options.segments ? { segments: options.segments } : {}),
    ...(options.history ? { history: options.history } : {}),
    ...(options.onStorageError ? { onStorageError: options.onStorageError } : {}),
  });

  /** A parsed, valid document or an `invalid-segment` rejection listing the problems. */
  function requireValid(segment: unknown): SegmentDocument {
    const parsed = parseSegment(segment);
    if (!parsed.segment) {
      throw new SegmentProviderError(
        'invalid-segment',
        `The segment cannot be read: ${parsed.errors[0]?.message ?? 'unknown problem'}`,
        parsed.errors,
      );
    }
    const result = store.validate(parsed.segment);
    if (!result.valid) {
      const first = result.errors[0]!;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? 's' : ''})` : '';
      throw new SegmentProviderError('invalid-segment', `The segment is not valid: ${first.message}${more}`, result.errors);
    }
    return parsed.segment;
  }

  // ------------------------------------------------------------ data helpers
  function columns(doc: SegmentDocument | undefined): ColumnDef[] {
    return memberColumns(catalog, doc);
  }

  function memberRow(snap: DataSnapshot, memberKey: string, cols: ColumnDef[]): Row {
    const row = snap.memberRow(memberKey) ?? {};
    const out: Row = {};
    // Plain assignment, except for the one key it would not store as data ("__proto__" sets the prototype).
    const set = (key: string, value: unknown) => {
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    };
    for (const c of cols) {
      if (c.entity === audience!.name) {
        set(c.key, c.attribute === audience!.key ? memberKey : (row[c.attribute] ?? null));
        continue;
      }
      // A to-many projection shows the value of the most recent linked row that has one (rows are in data order).
      const rows: Rows = snap.rows(c.entity);
      const linked = snap.linkedRows(memberKey, c.entity);
      let value: unknown = null;
      for (let k = linked.length - 1; k >= 0; k--) {
        const v = rows[linked[k]!]?.[c.attribute];
        if (v !== null && v !== undefined) {
          value = v;
          break;
        }
      }
      set(c.key, value);
    }
    return out;
  }

  function requireAttribute(entity: string, attribute: string) {
    const attr = index.attribute(entity, attribute);
    if (!attr) throw new SegmentProviderError('not-found', `The catalog has no attribute "${attribute}" on "${entity}".`);
    return attr;
  }

  // ------------------------------------------------------------ the provider
  const provider: MemoryProvider = {
    get storageError() {
      return store.storageError;
    },

    setData(next, opts = {}) {
      data = data.replace(next, opts.merge === true);
      changed();
    },

    upsertRows(entity, rows) {
      const { next, inserted, replaced } = data.upsert(entity, rows);
      if (next === data) return { inserted, replaced };
      data = next;
      changed();
      return { inserted, replaced };
    },

    prepare() {
      const started = Date.now();
      const snap = data;
      idle.stop();
      prepareDataset(snap.dataset);
      snap.memberRow('');
      return Date.now() - started;
    },

    whenPrepared() {
      return idle.done();
    },

    removeRows(entity, keys) {
      const { next, removed } = data.remove(entity, keys);
      if (next === data) return removed;
      data = next;
      changed();
      return removed;
    },

    async getCatalog(opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return catalog;
    },

    async count(segment: SegmentDocument, opts: CallOptions = {}): Promise<CountResult> {
      const snap = data;
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      const result = evaluateRecent(doc, snap);
      throwIfAborted(opts.signal);
      return { total: result.total, rules: result.rules.map((r) => ({ count: r.count, cumulative: r.cumulative })) };
    },

    async members(segment: SegmentDocument, opts: MembersOptions = {}): Promise<MembersResult> {
      const snap = data;
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      const result = evaluateRecent(doc, snap);
      const cols = columns(doc);
      const [offset, limit] = pageArgs(opts.offset, opts.limit, 100);
      const sorts = sortSpecs(opts.sort).filter((s) => cols.some((c) => c.key === s.key));
      if (sorts.length) {
        const rows = result.members.map((k) => memberRow(snap, k, cols));
        const order = rows.map((_, i) => i);
        order.sort((a, b) => compareBy(rows[a]!, rows[b]!, sorts) || a - b);
        throwIfAborted(opts.signal);
        return { total: result.total, columns: cols, rows: order.slice(offset, offset + limit).map((i) => rows[i]!) };
      }
      const keys = result.members.slice(offset, offset + limit);
      return { total: result.total, columns: cols, rows: keys.map((k) => memberRow(snap, k, cols)) };
    },

    async suggestValues(entity: string, attribute: string, opts: SuggestOptions = {}): Promise<ValueSuggestion[]> {
      const snap = data;
      await abortable(opts.signal, latency);
      const attr = requireAttribute(entity, attribute);
      const [, limit] = pageArgs(0, opts.limit, 10);
      const query = typeof opts.query === 'string' ? opts.query.trim().toLowerCase() : '';
      const labels = new Map((attr.values ?? []).map((o) => [o.value, o.label]));
      let list = snap.valueCounts(entity, attribute);
      if (attr.values?.length) {
        const counted = new Map(list.map((v) => [v.value, v.count]));
        list = [...list, ...attr.values.filter((o) => !counted.has(o.value)).map((o) => ({ value: o.value, count: 0 }))];
      }
      if (query) {
        const starts = list.filter(
          (v) =>
            String(v.value).trim().toLowerCase().startsWith(query) ||
            String(labels.get(v.value as string) ?? '')
              .toLowerCase()
              .startsWith(query),
        );
        const contains = list.filter(
          (v) =>
            !starts.includes(v) &&
            (String(v.value).toLowerCase().includes(query) ||
              String(labels.get(v.value as string) ?? '')
                .toLowerCase()
                .includes(query)),
        );
        list = [...starts, ...contains];
      }
      return list.slice(0, limit).map((v) => {
        const label = labels.get(v.value as string);
        return label === undefined ? { value: v.value, count: v.count } : { value: v.value, label, count: v.count };
      });
    },

    /** See `stats.ts`: counts in customers (related entities: customers with at least one linked row), histograms for numbers and dates. */
    async attributeStats(entity: string, attribute: string, opts: CallOptions = {}): Promise<AttributeStats> {
      const snap = data;
      await abortable(opts.signal, latency);
      const attr = requireAttribute(entity, attribute);
      const stats = attributeStats(snap, index, entity, attr);
      throwIfAborted(opts.signal);
      return stats;
    },

    async explain(segment: SegmentDocument, memberKey: string, opts: CallOptions = {}) {
      const snap = data;
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      try {
        return explainMember(doc, snap.dataset, String(memberKey), { now: now(), segments: store.lookup, memo });
      } catch (e) {
        throw new SegmentProviderError('invalid-segment', e instanceof Error ? e.message : String(e), e);
      }
    },

    // ------------------------------------------------------------ the store
    async trend(segmentId: string, opts: TrendOptions = {}): Promise<TrendPoint[]> {
      await abortable(opts.signal, latency);
      return store.trend(segmentId, opts);
    },

    async listSegments(opts: ListOptions = {}) {
      await abortable(opts.signal, latency);
      return store.list(opts);
    },

    async getSegment(id: string, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return store.get(id, opts);
    },

    async saveSegment(input: SegmentDocument, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return store.save(input, opts);
    },

    /** See `SegmentStore.delete`: rejects with `conflict` when others use a deleted segment, unless `force`. */
    async deleteSegments(ids: string[], opts: DeleteOptions = {}) {
      await abortable(opts.signal, latency);
      return store.delete(ids, opts);
    },

    async refreshSegments(ids: string[], opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return store.refresh(ids, opts);
    },

    async updateSegments(ids: string[], patch: SegmentPatch, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return store.update(ids, patch, opts);
    },
  };
  if (prepareWhenIdle) idle.start(idleSteps());
  return provider;
}
