/**
 * `createMemoryProvider`: the embedded default provider. It evaluates segments in memory
 * over plain rows with the core engine, and keeps saved segments and their refresh
 * history in memory or in a given storage (e.g. `localStorage`).
 */
import { linkFor, tableOf, toKey, type Link } from '../../core/evaluate/columns.js';
import { hopsOf } from '../../core/evaluate/compile.js';
import { evaluateSegment, explainMember, type Dataset } from '../../core/evaluate/index.js';
import { attributeLabel, entityLabel, indexCatalog } from '../../core/model/catalog.js';
import { parseIsoDate, toInstant } from '../../core/model/dates.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import {
  SegmentProviderError,
  throwIfAborted,
  type AttributeStats,
  type CallOptions,
  type ColumnDef,
  type CountResult,
  type Explanation,
  type ListOptions,
  type MembersOptions,
  type MembersResult,
  type SegmentPatch,
  type SegmentProvider,
  type SegmentSummary,
  type SortSpec,
  type SuggestOptions,
  type TrendOptions,
  type TrendPoint,
  type ValueSuggestion,
} from '../../core/provider/types.js';
import { parseSegment } from '../../core/validate/parse.js';
import { validateSegment } from '../../core/validate/validate.js';
import { readStore, writeStore, type StorageLike, type StoredSegment } from './storage.js';

export interface MemoryProviderOptions {
  catalog: Catalog;
  /** Plain rows per entity: `{ Customer: [{ CustomerId: 'C1', … }], Order: [ … ] }`, dates as ISO strings. */
  data: Record<string, Record<string, unknown>[]>;
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
}

/** The memory provider: every SPEC section 6 method, plus what it found wrong in storage. */
export interface MemoryProvider extends SegmentProvider {
  attributeStats(entity: string, attribute: string, opts?: CallOptions): Promise<AttributeStats>;
  explain(segment: SegmentDocument, memberKey: string, opts?: CallOptions): Promise<Explanation>;
  /** Set when the storage held a damaged value at start-up (kept under `storageKey + '.damaged'`). */
  readonly storageError: SegmentProviderError | undefined;
}

const MAX_LIMIT = 10_000;

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

/** Order two values ascending or descending; empty values go last either way. */
function compare(a: unknown, b: unknown, direction: 'asc' | 'desc' = 'asc'): number {
  const an = a === null || a === undefined || a === '';
  const bn = b === null || b === undefined || b === '';
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = compareValues(a, b);
  return direction === 'desc' ? -c : c;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
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

function pageArgs(offset: unknown, limit: unknown, fallback: number): [number, number] {
  const o = typeof offset === 'number' && Number.isFinite(offset) ? Math.max(0, Math.floor(offset)) : 0;
  const l = typeof limit === 'number' && Number.isFinite(limit) ? Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit))) : fallback;
  return [o, l];
}

function slug(text: string): string {
  return (
    text
      .replace(/([a-z\d])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'segment'
  );
}

export function createMemoryProvider(options: MemoryProviderOptions): MemoryProvider {
  const { catalog, data } = options;
  if (!catalog || typeof catalog !== 'object' || typeof catalog.audience !== 'string') {
    throw new SegmentProviderError('invalid-argument', 'createMemoryProvider needs a catalog with an audience.');
  }
  const dataset: Dataset = { catalog, data: data ?? {} };
  const index = indexCatalog(catalog);
  const audience = index.entity(catalog.audience);
  if (!audience)
    throw new SegmentProviderError('invalid-argument', `The catalog's audience "${catalog.audience}" is not one of its entities.`);
  const fixedNow = options.now === undefined ? undefined : toInstant(options.now);
  if (options.now !== undefined && fixedNow === undefined)
    throw new SegmentProviderError('invalid-argument', `"${String(options.now)}" is not a valid instant for now.`);
  const now = () => fixedNow ?? Date.now();
  const iso = () => new Date(now()).toISOString();
  const latency = Math.max(0, options.latency ?? 0);
  const storage = options.storage;
  const key = options.storageKey ?? 'segment-kit';

  const store = new Map<string, StoredSegment>();
  let history: Record<string, TrendPoint[]> = Object.create(null) as Record<string, TrendPoint[]>;
  let storageError: SegmentProviderError | undefined;

  const persist = () => {
    if (storage) writeStore(storage, key, { segments: [...store.values()], history });
  };

  // ------------------------------------------------------------ segments in the store
  const docs = () => [...store.values()].map((s) => s.doc);
  const lookup = (id: string) => store.get(id)?.doc;

  function validate(doc: SegmentDocument) {
    return validateSegment(doc, catalog, { segments: (id: string) => (id === doc.id ? undefined : lookup(id)) });
  }

  function usedBy(id: string): string[] {
    return docs()
      .filter((d) => d.id !== id && d.rules.some((r) => r.segment === id))
      .map((d) => d.id!);
  }

  function summary(s: StoredSegment): SegmentSummary {
    const d = s.doc;
    const out: SegmentSummary = {
      id: d.id!,
      name: d.name ?? '',
      type: d.type ?? 'dynamic',
      state: d.state ?? 'inactive',
      status: s.status,
      memberCount: s.memberCount,
      lastRefreshed: s.lastRefreshed,
      tags: d.tags ? d.tags.slice() : [],
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      usedBy: usedBy(d.id!),
    };
    if (d.displayName !== undefined) out.displayName = d.displayName;
    if (d.description !== undefined) out.description = d.description;
    return out;
  }

  function evaluate(doc: SegmentDocument) {
    try {
      return evaluateSegment(doc, dataset, { now: now(), segments: lookup });
    } catch (e) {
      throw new SegmentProviderError('invalid-segment', e instanceof Error ? e.message : String(e), e);
    }
  }

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
    const result = validate(parsed.segment);
    if (!result.valid) {
      const first = result.errors[0]!;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? 's' : ''})` : '';
      throw new SegmentProviderError('invalid-segment', `The segment is not valid: ${first.message}${more}`, result.errors);
    }
    return parsed.segment;
  }

  function refreshOne(s: StoredSegment, at: string): void {
    const doc = s.doc;
    if (s.status === 'draft' || !validate(doc).valid) {
      s.status = 'draft';
      return;
    }
    if ((doc.state ?? 'inactive') !== 'active') {
      s.status = 'skipped';
      return;
    }
    let count: number;
    try {
      const definition = doc.type === 'static' ? { ...doc, type: 'dynamic' as const } : doc;
      const result = evaluate(definition);
      count = result.total;
      if (doc.type === 'static') s.doc = { ...doc, snapshot: result.members };
    } catch {
      s.status = 'failed';
      return;
    }
    s.status = 'succeeded';
    s.memberCount = count;
    s.lastRefreshed = at;
    const points = (history[doc.id!] ??= []);
    const day = at.slice(0, 10);
    const last = points[points.length - 1];
    if (last && last.date.slice(0, 10) === day) last.count = count;
    else points.push({ date: at, count });
  }

  // ------------------------------------------------------------ start-up
  if (storage) {
    try {
      const saved = readStore(storage, key);
      if (saved) {
        for (const s of saved.segments) store.set(s.doc.id!, s);
        history = Object.assign(Object.create(null) as Record<string, TrendPoint[]>, saved.history);
      }
    } catch (e) {
      storageError = e instanceof SegmentProviderError ? e : new SegmentProviderError('storage', String(e));
      try {
        const raw = storage.getItem(key);
        if (raw !== null) storage.setItem(`${key}.damaged`, raw);
      } catch {
        // the storage cannot be read at all; nothing to keep
      }
      options.onStorageError?.(storageError);
    }
  }
  if (store.size === 0 && !storageError && options.segments) {
    const at = iso();
    for (const doc of options.segments) {
      const parsed = parseSegment(doc);
      const d = parsed.segment;
      if (!d?.id) continue;
      store.set(d.id, { doc: d, status: 'notStarted', memberCount: null, lastRefreshed: null, createdAt: at, updatedAt: at });
    }
    for (const [id, points] of Object.entries(options.history ?? {})) if (store.has(id)) history[id] = points.map((p) => ({ ...p }));
    for (const s of store.values()) {
      if (!validate(s.doc).valid) {
        s.status = 'draft';
        s.doc = { ...s.doc, state: 'inactive' };
        continue;
      }
      const points = history[s.doc.id!];
      const last = points?.[points.length - 1];
      if (last) {
        s.status = 'succeeded';
        s.memberCount = last.count;
        s.lastRefreshed = last.date;
      }
      if (s.doc.type === 'static' && s.doc.snapshot) {
        // A static segment keeps the members it was saved with.
        s.status = 'succeeded';
        s.memberCount = s.doc.snapshot.length;
        s.lastRefreshed ??= at;
      }
    }
    for (const s of store.values()) if (s.status === 'notStarted' && (s.doc.state ?? 'inactive') === 'active') refreshOne(s, at);
    persist();
  }

  // ------------------------------------------------------------ data helpers
  const NO_ROWS: Record<string, unknown>[] = [];
  const tableFor = (entity: string) => tableOf(data[entity] ?? NO_ROWS);
  /**
   * The rows of `entity` linked to each audience row, through the engine's link index
   * (built once per dataset and shared with evaluation, same key coercions, distinct rows).
   */
  function linkTo(entity: string): Link | undefined {
    const path = index.path(catalog.audience, entity);
    if (!path || path.length === 0) return undefined;
    return linkFor(tableFor(catalog.audience), hopsOf(path, tableFor));
  }

  function columns(doc: SegmentDocument | undefined): ColumnDef[] {
    const out: ColumnDef[] = audience!.attributes.map((a) => ({
      key: a.name,
      label: attributeLabel(catalog, audience!.name, a.name),
      entity: audience!.name,
      attribute: a.name,
      type: a.type,
    }));
    if (!out.some((c) => c.key === audience!.key)) {
      out.unshift({
        key: audience!.key,
        label: attributeLabel(catalog, audience!.name, audience!.key),
        entity: audience!.name,
        attribute: audience!.key,
        type: 'string',
      });
    }
    for (const p of doc?.projectedAttributes ?? []) {
      const attr = index.attribute(p.entity, p.attribute);
      if (!attr) continue;
      const colKey = p.entity === audience!.name ? p.attribute : `${p.entity}.${p.attribute}`;
      if (out.some((c) => c.key === colKey)) continue;
      out.push({
        key: colKey,
        label: `${entityLabel(catalog, p.entity)} · ${attributeLabel(catalog, p.entity, p.attribute)}`,
        entity: p.entity,
        attribute: p.attribute,
        type: attr.type,
      });
    }
    return out;
  }

  const audienceRows = data[audience.name] ?? NO_ROWS;
  /** Audience row index by member key (the first row with that key). */
  const byKey = new Map<string, number>();
  audienceRows.forEach((row, i) => {
    const k = toKey(row[audience.key]);
    if (k !== undefined && !byKey.has(k)) byKey.set(k, i);
  });

  function memberRow(memberKey: string, cols: ColumnDef[]): Record<string, unknown> {
    const at = byKey.get(memberKey);
    const row = at === undefined ? {} : audienceRows[at]!;
    const out: Record<string, unknown> = {};
    for (const c of cols) {
      if (c.entity === audience!.name) {
        Object.defineProperty(out, c.key, {
          value: c.attribute === audience!.key ? memberKey : (row[c.attribute] ?? null),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        continue;
      }
      const link = at === undefined ? undefined : linkTo(c.entity);
      const rows = data[c.entity] ?? NO_ROWS;
      // A to-many projection shows the value of the most recent linked row that has one (rows are in data order).
      let value: unknown = null;
      if (link) {
        for (let k = link.offsets[at! + 1]! - 1; k >= link.offsets[at!]!; k--) {
          const v = rows[link.items[k]!]![c.attribute];
          if (v !== null && v !== undefined) {
            value = v;
            break;
          }
        }
      }
      Object.defineProperty(out, c.key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  const valueCache = new Map<string, { value: unknown; count: number }[]>();
  function valueCounts(entity: string, attribute: string): { value: unknown; count: number }[] {
    const cacheKey = `${entity}\u0000${attribute}`;
    const cached = valueCache.get(cacheKey);
    if (cached) return cached;
    const counts = new Map<unknown, number>();
    for (const row of data[entity] ?? []) {
      const v = row[attribute];
      if (v === null || v === undefined || v === '') continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const list = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compare(a.value, b.value));
    valueCache.set(cacheKey, list);
    return list;
  }

  function requireAttribute(entity: string, attribute: string) {
    const attr = index.attribute(entity, attribute);
    if (!attr) throw new SegmentProviderError('not-found', `The catalog has no attribute "${attribute}" on "${entity}".`);
    return attr;
  }

  function requireStored(id: string): StoredSegment {
    const s = typeof id === 'string' ? store.get(id) : undefined;
    if (!s) throw new SegmentProviderError('not-found', `There is no saved segment "${String(id)}".`);
    return s;
  }

  // ------------------------------------------------------------ the provider
  const provider: MemoryProvider = {
    get storageError() {
      return storageError;
    },

    async getCatalog(opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return catalog;
    },

    async count(segment: SegmentDocument, opts: CallOptions = {}): Promise<CountResult> {
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      const result = evaluate(doc);
      throwIfAborted(opts.signal);
      return { total: result.total, rules: result.rules.map((r) => ({ count: r.count, cumulative: r.cumulative })) };
    },

    async members(segment: SegmentDocument, opts: MembersOptions = {}): Promise<MembersResult> {
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      const result = evaluate(doc);
      const cols = columns(doc);
      const [offset, limit] = pageArgs(opts.offset, opts.limit, 100);
      const sorts = sortSpecs(opts.sort).filter((s) => cols.some((c) => c.key === s.key));
      let keys = result.members;
      if (sorts.length) {
        const rows = keys.map((k) => memberRow(k, cols));
        const order = rows.map((_, i) => i);
        order.sort((a, b) => {
          for (const s of sorts) {
            const c = compare(rows[a]![s.key], rows[b]![s.key], s.direction);
            if (c !== 0) return c;
          }
          return a - b;
        });
        throwIfAborted(opts.signal);
        return { total: result.total, columns: cols, rows: order.slice(offset, offset + limit).map((i) => rows[i]!) };
      }
      keys = keys.slice(offset, offset + limit);
      return { total: result.total, columns: cols, rows: keys.map((k) => memberRow(k, cols)) };
    },

    async suggestValues(entity: string, attribute: string, opts: SuggestOptions = {}): Promise<ValueSuggestion[]> {
      await abortable(opts.signal, latency);
      const attr = requireAttribute(entity, attribute);
      const [, limit] = pageArgs(0, opts.limit, 10);
      const query = typeof opts.query === 'string' ? opts.query.trim().toLowerCase() : '';
      const labels = new Map((attr.values ?? []).map((o) => [o.value, o.label]));
      let list = valueCounts(entity, attribute);
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

    async attributeStats(entity: string, attribute: string, opts: CallOptions = {}): Promise<AttributeStats> {
      await abortable(opts.signal, latency);
      const attr = requireAttribute(entity, attribute);
      const rows = data[entity] ?? [];
      let nulls = 0;
      if (attr.type === 'number') {
        const values: number[] = [];
        for (const row of rows) {
          const v = row[attribute];
          if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
          else nulls++;
        }
        values.sort((a, b) => a - b);
        const pct = (p: number) =>
          values.length ? values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]! : null;
        return {
          type: 'number',
          total: rows.length,
          nulls,
          min: values[0] ?? null,
          max: values[values.length - 1] ?? null,
          mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
          percentiles: { p5: pct(5), p25: pct(25), p50: pct(50), p75: pct(75), p95: pct(95) },
        };
      }
      if (attr.type === 'date') {
        let min: number | undefined;
        let max: number | undefined;
        for (const row of rows) {
          const v = row[attribute];
          const t = typeof v === 'string' ? parseIsoDate(v) : undefined;
          if (t === undefined) {
            nulls++;
            continue;
          }
          if (min === undefined || t < min) min = t;
          if (max === undefined || t > max) max = t;
        }
        return {
          type: 'date',
          total: rows.length,
          nulls,
          min: min === undefined ? null : new Date(min).toISOString(),
          max: max === undefined ? null : new Date(max).toISOString(),
        };
      }
      const counts = valueCounts(entity, attribute);
      nulls = rows.length - counts.reduce((a, c) => a + c.count, 0);
      const labels = new Map((attr.values ?? []).map((o) => [o.value, o.label]));
      return {
        type: attr.type,
        total: rows.length,
        nulls,
        distinct: counts.length,
        top: counts.slice(0, 10).map((c) => {
          const label = labels.get(c.value as string);
          return label === undefined ? { value: c.value, count: c.count } : { value: c.value, label, count: c.count };
        }),
      };
    },

    async trend(segmentId: string, opts: TrendOptions = {}): Promise<TrendPoint[]> {
      await abortable(opts.signal, latency);
      requireStored(segmentId);
      const from = toInstant(opts.from);
      const to = toInstant(opts.to);
      return (history[segmentId] ?? [])
        .filter((p) => {
          const t = parseIsoDate(p.date);
          return t !== undefined && (from === undefined || t >= from) && (to === undefined || t <= to);
        })
        .map((p) => ({ ...p }));
    },

    async listSegments(opts: ListOptions = {}) {
      await abortable(opts.signal, latency);
      const search = typeof opts.search === 'string' ? opts.search.trim().toLowerCase() : '';
      const tags = Array.isArray(opts.tags) ? opts.tags.filter((t) => typeof t === 'string') : [];
      let items = [...store.values()].map(summary);
      if (search)
        items = items.filter((s) => s.name.toLowerCase().includes(search) || (s.displayName ?? '').toLowerCase().includes(search));
      if (tags.length) items = items.filter((s) => tags.every((t) => s.tags.includes(t)));
      const sorts = sortSpecs(opts.sort);
      if (sorts.length) {
        items.sort((a, b) => {
          for (const s of sorts) {
            const c = compare(
              (a as unknown as Record<string, unknown>)[s.key],
              (b as unknown as Record<string, unknown>)[s.key],
              s.direction,
            );
            if (c !== 0) return c;
          }
          return 0;
        });
      } else {
        items.sort((a, b) => compare(a.updatedAt, b.updatedAt, 'desc') || compare(a.name, b.name));
      }
      const [offset, limit] = pageArgs(opts.offset, opts.limit, 50);
      return { total: items.length, items: items.slice(offset, offset + limit) };
    },

    async getSegment(id: string, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      return structuredClone(requireStored(id).doc);
    },

    async saveSegment(input: SegmentDocument, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      const parsed = parseSegment(input);
      if (!parsed.segment) {
        throw new SegmentProviderError(
          'invalid-segment',
          `This is not a segment document: ${parsed.errors[0]?.message ?? 'unknown problem'}`,
          parsed.errors,
        );
      }
      let doc = parsed.segment;
      const at = iso();
      if (!doc.id) {
        const base = slug(doc.name ?? doc.displayName ?? 'segment');
        let id = base;
        for (let n = 2; store.has(id); n++) id = `${base}-${n}`;
        doc = { ...doc, id };
      }
      const valid = validate(doc).valid;
      if (!valid) doc = { ...doc, state: 'inactive' };
      const previous = store.get(doc.id!);
      const entry: StoredSegment = {
        doc,
        status: valid ? 'notStarted' : 'draft',
        memberCount: previous?.memberCount ?? null,
        lastRefreshed: previous?.lastRefreshed ?? null,
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
      };
      store.set(doc.id!, entry);
      if (valid && (doc.state ?? 'inactive') === 'active') refreshOne(entry, at);
      persist();
      return summary(entry);
    },

    async deleteSegments(ids: string[], opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      const list = Array.isArray(ids) ? ids : [];
      for (const id of list) requireStored(id);
      for (const id of list) {
        store.delete(id);
        delete history[id];
      }
      persist();
    },

    async refreshSegments(ids: string[], opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      const list = (Array.isArray(ids) ? ids : []).map(requireStored);
      const at = iso();
      for (const s of list) refreshOne(s, at);
      persist();
      return list.map(summary);
    },

    async updateSegments(ids: string[], patch: SegmentPatch, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      const list = (Array.isArray(ids) ? ids : []).map(requireStored);
      const p = patch ?? {};
      if (p.state !== undefined && p.state !== 'active' && p.state !== 'inactive')
        throw new SegmentProviderError('invalid-argument', 'state must be "active" or "inactive".');
      if (p.type !== undefined && p.type !== 'dynamic' && p.type !== 'static')
        throw new SegmentProviderError('invalid-argument', 'type must be "dynamic" or "static".');
      if (p.tags !== undefined && (!Array.isArray(p.tags) || !p.tags.every((t) => typeof t === 'string')))
        throw new SegmentProviderError('invalid-argument', 'tags must be a list of text.');
      if (p.state === 'active') {
        const invalid = list.filter((s) => s.status === 'draft' || !validate(s.doc).valid);
        if (invalid.length) {
          const names = invalid.map((s) => s.doc.displayName ?? s.doc.name ?? s.doc.id).join(', ');
          throw new SegmentProviderError(
            'invalid-segment',
            `A draft cannot be activated until it is valid: ${names}. Open it in the builder to fix it.`,
          );
        }
      }
      const at = iso();
      for (const s of list) {
        const doc = { ...s.doc };
        if (p.state !== undefined) doc.state = p.state;
        if (p.type !== undefined) doc.type = p.type;
        if (p.tags !== undefined) doc.tags = p.tags.slice();
        if (p.displayName !== undefined) doc.displayName = p.displayName;
        s.doc = doc;
        s.updatedAt = at;
        if (p.state === 'active' && s.status !== 'succeeded') refreshOne(s, at);
      }
      persist();
      return list.map(summary);
    },

    async explain(segment: SegmentDocument, memberKey: string, opts: CallOptions = {}) {
      await abortable(opts.signal, latency);
      const doc = requireValid(segment);
      try {
        return explainMember(doc, dataset, String(memberKey), { now: now(), segments: lookup });
      } catch (e) {
        throw new SegmentProviderError('invalid-segment', e instanceof Error ? e.message : String(e), e);
      }
    },
  };
  return provider;
}
