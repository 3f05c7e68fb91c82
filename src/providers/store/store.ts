/**
 * `SegmentStore`: the segment store half of a provider (SPEC section 6), on its own so
 * that every provider keeps segments the same way: drafts, ids from names, `usedBy`,
 * refreshes and their history (which feeds `trend`), listing with search, tags, sort and
 * paging, bulk updates, deletes, and persistence to any `getItem`/`setItem` storage.
 *
 * The store evaluates nothing itself: a refresh asks the injected `SegmentEvaluator` for
 * a dynamic segment's member count or a static segment's member keys. The memory
 * provider gives it the in-memory engine; a SQL provider gives it queries. Evaluators
 * may answer synchronously or with a promise; while one is pending the segment's status
 * is `running`.
 *
 * Scheduled changes (`activateAt` / `deactivateAt`) take effect once the store's clock
 * passes them, at the next read or write, in the order they fall due, and are then
 * cleared. An activation (now or scheduled) refreshes the segment unless its last
 * refresh succeeded. No DOM, no Lit.
 */
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import {
  REFRESH_SCHEDULES,
  SegmentProviderError,
  isAbortError,
  throwIfAborted,
  type CallOptions,
  type DeleteOptions,
  type ListOptions,
  type SegmentPatch,
  type SegmentStatus,
  type SegmentSummary,
  type SortSpec,
  type TrendOptions,
  type TrendPoint,
} from '../../core/provider/types.js';
import { toInstant, parseIsoDate } from '../../core/model/dates.js';
import { parseSegment } from '../../core/validate/parse.js';
import { validateSegment, type ValidationResult } from '../../core/validate/validate.js';
import { compareKeys, pageArgs, sortKey, sortSpecs, type SortKey } from './sort.js';
import { ChangeTracker, type StoreBackend } from './backend.js';
import { readStore, writeStore, type StorageLike, type StoredSegment } from './storage.js';

/** What an evaluator is given besides the definition. */
export interface EvaluationContext {
  /** The store's clock (epoch ms): the reference instant for relative dates. */
  now: number;
  /** The saved segments by id, for `segment` rules (a static one carries its `snapshot`). */
  segments: (id: string) => SegmentDocument | undefined;
  /** Aborted when the refresh is cancelled. */
  signal?: AbortSignal;
}

/**
 * How the store gets members counted. Each function receives a valid definition (type
 * `dynamic`, no snapshot: "evaluate this now") and may throw or reject; the message of
 * the error becomes the refresh's failure.
 */
export interface SegmentEvaluator {
  /** The number of members (a dynamic segment's refresh). */
  count(definition: SegmentDocument, context: EvaluationContext): number | Promise<number>;
  /** The member keys (a static segment's refresh: its new snapshot). */
  members(definition: SegmentDocument, context: EvaluationContext): readonly string[] | Promise<readonly string[]>;
}

export interface SegmentStoreOptions {
  /** The catalog documents are validated against. */
  catalog: Catalog;
  evaluator: SegmentEvaluator;
  /** The store's clock in epoch ms (timestamps, scheduled changes). Default: `Date.now`. */
  now?: () => number;
  /** Keep segments and history here (anything with getItem/setItem, e.g. localStorage). */
  storage?: StorageLike;
  /**
   * Or keep them in an asynchronous backend (database tables: `createSqlStoreBackend` in
   * `segment-kit/sql`), written change by change. Not together with `storage`.
   */
  backend?: StoreBackend;
  /** The storage key (default `segment-kit`). */
  storageKey?: string;
  /** Segments to start with when the storage holds none. Active ones are refreshed on first use. */
  segments?: SegmentDocument[];
  /** Refresh history to start with, by segment id. */
  history?: Record<string, TrendPoint[]>;
  /** Called when stored data cannot be read; the damaged value is kept under `storageKey + '.damaged'`. */
  onStorageError?: (error: SegmentProviderError) => void;
}

/** A stored segment as the store holds it in memory: every field present. */
type Entry = Required<StoredSegment>;

/** A stored segment with the fields added since version 1 was first written filled in. */
function entryOf(s: StoredSegment): Entry {
  return {
    ...s,
    status: s.status === 'running' ? 'notStarted' : s.status,
    lastError: s.lastError ?? null,
    schedule: s.schedule ?? null,
    activateAt: s.activateAt ?? null,
    deactivateAt: s.deactivateAt ?? null,
  };
}

/** A fresh entry, or the next version of `previous` (its history of refreshes and its schedule carried over). */
function newEntry(doc: SegmentDocument, status: SegmentStatus, at: string, previous?: Entry): Entry {
  return {
    doc,
    status,
    memberCount: previous?.memberCount ?? null,
    lastRefreshed: previous?.lastRefreshed ?? null,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    lastError: null,
    schedule: previous?.schedule ?? null,
    activateAt: previous?.activateAt ?? null,
    deactivateAt: previous?.deactivateAt ?? null,
  };
}

/** An instant of a patch: undefined (not in the patch), null (cancel) or epoch ms. Throws `invalid-argument`. */
function patchInstant(value: unknown, field: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  const t = typeof value === 'string' || value instanceof Date ? toInstant(value) : undefined;
  if (t === undefined) {
    const shown =
      typeof value === 'string' ? `"${value}"` : value instanceof Date ? 'an invalid Date' : (JSON.stringify(value) ?? typeof value);
    throw new SegmentProviderError(
      'invalid-argument',
      `${field} must be an ISO 8601 instant such as 2026-12-01T09:00:00Z (or null to cancel), not ${shown}.`,
    );
  }
  return t;
}

const stateOf = (doc: SegmentDocument) => doc.state ?? 'inactive';

/** How long a refresh evaluates before it lets other tasks run, in milliseconds. */
export const REFRESH_SLICE_MS = 10;

/**
 * Resolve in a later task (a macrotask, not a microtask), so timers, events and other calls
 * run first: `setImmediate` in Node, a `MessageChannel` message in browsers and workers
 * (unlike `setTimeout`, not clamped to 4 ms), `setTimeout` otherwise.
 */
function nextTask(): Promise<void> {
  // Read from globalThis: the library's own types include no Node globals.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => {
    if (typeof immediate === 'function') immediate(() => resolve());
    else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    } else setTimeout(resolve, 0);
  });
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

const instant = (iso: string | null) => (iso === null ? null : (parseIsoDate(iso) ?? null));

/** What `list` sorts by, per key: the summary's value, as it compares. */
const SORT_VALUES: Record<string, (s: SegmentSummary) => unknown> = {
  name: (s) => s.name,
  displayName: (s) => s.displayName || s.name,
  description: (s) => s.description,
  type: (s) => s.type,
  state: (s) => s.state,
  status: (s) => s.status,
  memberCount: (s) => s.memberCount,
  lastRefreshed: (s) => instant(s.lastRefreshed),
  schedule: (s) => s.schedule,
  tags: (s) => s.tags,
  usedBy: (s) => s.usedBy.length,
  createdAt: (s) => instant(s.createdAt),
  updatedAt: (s) => instant(s.updatedAt),
  id: (s) => s.id,
  lastError: (s) => s.lastError,
  activateAt: (s) => instant(s.activateAt),
  deactivateAt: (s) => instant(s.deactivateAt),
};

/**
 * The keys `listSegments` sorts by: the columns of the Segments page (`displayName` falls
 * back to the name; `tags` compare by their text; `usedBy` by how many segments use it;
 * the instants by time), and `id`, `lastError`, `activateAt`, `deactivateAt`.
 */
export const SEGMENT_SORT_KEYS: readonly string[] = Object.keys(SORT_VALUES);

/**
 * A summary as `list` keeps it between calls, with what it was built from: the entry's
 * document (replaced, never changed in place, whenever the segment changes) and its other
 * fields, and the segments that use it. When any of them differs, the summary is built again.
 */
interface Listed {
  entry: Entry;
  doc: SegmentDocument;
  status: SegmentStatus;
  memberCount: number | null;
  lastRefreshed: string | null;
  createdAt: string;
  updatedAt: string;
  lastError: string | null;
  schedule: Entry['schedule'];
  activateAt: string | null;
  deactivateAt: string | null;
  usedBy: readonly string[];
  /** Never handed out: `list` gives copies. */
  summary: SegmentSummary;
  /** The name and display name in lower case, for the search. */
  name: string;
  displayName: string;
  /** Its place among every id in code-unit order: ties sort by it, an integer, not the id's text. */
  rank: number;
  /** Sort values worked out so far, by sort key (they last as long as the summary). */
  keys: Record<string, SortKey>;
  /** The listing it was last part of (`Listing.generation`). */
  seen: number;
  /** Marks it placed while an order is put together (`SegmentStore.sorted`). */
  placed: number;
}

/** What `list` keeps between calls: every summary in store order, and the orders asked for lately. */
interface Listing {
  rows: Listed[];
  users: Map<string, string[]>;
  /** Sort orders (`sortId`) → the rows in that order. */
  sorted: Map<string, Listed[]>;
  /**
   * The orders of earlier listings, where to start sorting from: after a few segments changed,
   * the rows are almost in order already, which the sort goes through quickly.
   */
  hints: Map<string, Listed[]>;
  generation: number;
}

/** How many sort orders a listing keeps. */
const SORTED_KEPT = 4;
const NOBODY: readonly string[] = Object.freeze([]);

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

function upToDate(r: Listed, s: Entry, usedBy: readonly string[]): boolean {
  return (
    r.doc === s.doc &&
    r.status === s.status &&
    r.memberCount === s.memberCount &&
    r.lastRefreshed === s.lastRefreshed &&
    r.createdAt === s.createdAt &&
    r.updatedAt === s.updatedAt &&
    r.lastError === s.lastError &&
    r.schedule === s.schedule &&
    r.activateAt === s.activateAt &&
    r.deactivateAt === s.deactivateAt &&
    sameList(r.usedBy, usedBy)
  );
}

/** A summary to hand out: its lists copied, so a caller's changes stay its own. */
const copyOf = (s: SegmentSummary): SegmentSummary => ({ ...s, tags: s.tags.slice(), usedBy: s.usedBy.slice() });

const sortId = (sorts: readonly SortSpec[]) => sorts.map((o) => `${o.key} ${o.direction ?? 'asc'}`).join(',');

function keyOf(r: Listed, key: string): SortKey {
  let k = r.keys[key];
  if (k === undefined) k = r.keys[key] = sortKey(SORT_VALUES[key]!(r.summary));
  return k;
}

/** The comparison of rows for `sorts`: empty values last either way, ties by id (so pages never overlap). */
function comparator(sorts: readonly SortSpec[]): (a: Listed, b: Listed) => number {
  return (a, b) => {
    for (const o of sorts) {
      const c = compareKeys(a.keys[o.key]!, b.keys[o.key]!, o.direction);
      if (c !== 0) return c;
    }
    return a.rank - b.rank;
  };
}

/** Rows in sort order (sorted in place). Each value is worked out once per summary. */
function sortRows(rows: Listed[], sorts: readonly SortSpec[]): Listed[] {
  for (const r of rows) for (const o of sorts) keyOf(r, o.key);
  return rows.sort(comparator(sorts));
}

/** Two lists in sort order as one. */
function merge(a: readonly Listed[], b: readonly Listed[], compare: (x: Listed, y: Listed) => number): Listed[] {
  const out: Listed[] = new Array<Listed>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

export class SegmentStore {
  readonly catalog: Catalog;
  private readonly evaluator: SegmentEvaluator;
  private readonly clock: () => number;
  private readonly storage: StorageLike | undefined;
  private readonly backend: StoreBackend | undefined;
  private readonly tracker = new ChangeTracker();
  /** The backend's first load (with the seeding when it held nothing); undefined without a backend. */
  private loading: Promise<void> | undefined;
  /** The backend write in progress: writes run one at a time, in order. */
  private writing: Promise<void> = Promise.resolve();
  private readonly options: SegmentStoreOptions;
  private readonly key: string;
  private readonly entries = new Map<string, Entry>();
  private history: Record<string, TrendPoint[]> = Object.create(null) as Record<string, TrendPoint[]>;
  /** Segments to refresh before the next answer (the active seeds, at start-up). */
  private readonly stale = new Set<Entry>();
  private dirty = false;
  private error: SegmentProviderError | undefined;
  /** Every id's rank in code-unit order (`rankIds`). */
  private idRanks: Map<string, number> | undefined;
  /** `list`'s summaries and sort orders from its last call (checked against the entries at every call). */
  private listing: Listing | undefined;
  private readonly listed = new WeakMap<Entry, Listed>();
  private listings = 0;
  private placing = 0;

  constructor(options: SegmentStoreOptions) {
    this.catalog = options.catalog;
    this.evaluator = options.evaluator;
    this.clock = options.now ?? Date.now;
    this.storage = options.storage;
    this.backend = options.backend;
    this.options = options;
    if (this.storage && this.backend)
      throw new SegmentProviderError('invalid-argument', 'Give the store a storage or a backend, not both.');
    this.key = options.storageKey ?? 'segment-kit';
    if (!this.backend) this.load(options);
  }

  /** Set when the storage held a damaged value at start-up (kept under `storageKey + '.damaged'`). */
  get storageError(): SegmentProviderError | undefined {
    return this.error;
  }

  /**
   * Bring the store up to date before reading `lookup` from outside: loaded from its
   * backend, the scheduled changes that are due applied, the pending refreshes done.
   */
  async ready(signal?: AbortSignal): Promise<void> {
    await this.settle(signal);
  }

  /** A saved document by id, as stored (do not change it): for evaluating `segment` rules. */
  readonly lookup = (id: string): SegmentDocument | undefined => this.entries.get(id)?.doc;

  /** Validate a document against the catalog and the saved segments (its own id is not a saved segment to itself). */
  validate(doc: SegmentDocument): ValidationResult {
    return validateSegment(doc, this.catalog, { segments: (id: string) => (id === doc.id ? undefined : this.lookup(id)) });
  }

  // ------------------------------------------------------------ reading

  /**
   * List saved segments: `search` (case-insensitive, in the name or the display name),
   * `tags` (a segment must carry every one), `sort` by any of `SEGMENT_SORT_KEYS` (empty
   * values last in both directions, ties by id; default: last updated first), then
   * `offset`/`limit` (default 50). `total` counts every match. An unknown sort key
   * rejects with `invalid-argument`.
   */
  async list(opts: ListOptions = {}): Promise<{ total: number; items: SegmentSummary[] }> {
    const given = sortSpecs(opts.sort);
    const unknown = given.filter((s) => !Object.hasOwn(SORT_VALUES, s.key));
    if (unknown.length) {
      throw new SegmentProviderError(
        'invalid-argument',
        `Segments cannot be sorted by ${unknown.map((s) => `"${s.key}"`).join(', ')}: use one of ${SEGMENT_SORT_KEYS.join(', ')}.`,
      );
    }
    const sorts: SortSpec[] = given.length ? given : [{ key: 'updatedAt', direction: 'desc' }, { key: 'name' }];
    await this.settle(opts.signal);
    const search = typeof opts.search === 'string' ? opts.search.trim().toLowerCase() : '';
    const tags = Array.isArray(opts.tags) ? opts.tags.filter((t) => typeof t === 'string') : [];
    let rows = this.sorted(sorts);
    if (search) rows = rows.filter((r) => r.name.includes(search) || r.displayName.includes(search));
    if (tags.length) rows = rows.filter((r) => tags.every((t) => r.summary.tags.includes(t)));
    const [offset, limit] = pageArgs(opts.offset, opts.limit, 50);
    return { total: rows.length, items: rows.slice(offset, offset + limit).map((r) => copyOf(r.summary)) };
  }

  async get(id: string, opts: CallOptions = {}): Promise<SegmentDocument> {
    await this.settle(opts.signal);
    return structuredClone(this.require(id).doc);
  }

  async trend(id: string, opts: TrendOptions = {}): Promise<TrendPoint[]> {
    await this.settle(opts.signal);
    this.require(id);
    const from = toInstant(opts.from);
    const to = toInstant(opts.to);
    return (this.history[id] ?? [])
      .filter((p) => {
        const t = parseIsoDate(p.date);
        return t !== undefined && (from === undefined || t >= from) && (to === undefined || t <= to);
      })
      .map((p) => ({ ...p }));
  }

  // ------------------------------------------------------------ writing

  /** Save a document (a new id from its name when it has none). An invalid one is kept whole as an inactive draft. */
  async save(input: SegmentDocument, opts: CallOptions = {}): Promise<SegmentSummary> {
    await this.settle(opts.signal);
    const parsed = parseSegment(input);
    if (!parsed.segment) {
      throw new SegmentProviderError(
        'invalid-segment',
        `This is not a segment document: ${parsed.errors[0]?.message ?? 'unknown problem'}`,
        parsed.errors,
      );
    }
    let doc = parsed.segment;
    const at = this.iso();
    if (!doc.id) {
      const base = slug(doc.name ?? doc.displayName ?? 'segment');
      let id = base;
      for (let n = 2; this.entries.has(id); n++) id = `${base}-${n}`;
      doc = { ...doc, id };
    }
    const valid = this.validate(doc).valid;
    if (!valid) doc = { ...doc, state: 'inactive' };
    const entry = newEntry(doc, valid ? 'notStarted' : 'draft', at, this.entries.get(doc.id!));
    this.entries.set(doc.id!, entry);
    this.dirty = true;
    // The refresh is part of the write: once saved, a cancelled call must not report "nothing happened".
    if (valid && stateOf(doc) === 'active') await this.refreshEntries([entry], undefined);
    await this.persist();
    return this.summary(entry);
  }

  /**
   * Delete segments and their history. Nothing is deleted when one id is unknown.
   *
   * A segment that others use (`usedBy`) is deleted only with them, or with `force`:
   * otherwise the call rejects with `conflict`, a message naming the segments that use it
   * by display name, and `details.usedBy` (deleted id → the ids of those that use it).
   * With `force`, those segments are kept but become inactive drafts (a document that
   * references an unknown segment fails validation, SPEC section 3), with `lastError`
   * naming what was deleted; their documents are unchanged, so the builder shows the rule
   * to fix. Segments that use those drafts fail at their next refresh, saying why.
   */
  async delete(ids: string[], opts: DeleteOptions = {}): Promise<void> {
    await this.settle(opts.signal);
    const list = Array.isArray(ids) ? ids : [];
    const gone = new Set(list.map((id) => this.require(id).doc.id!));
    const users = this.dependants();
    const usedBy: Record<string, string[]> = {};
    const kept = new Map<string, string[]>();
    for (const id of gone) {
      const others = (users.get(id) ?? []).filter((u) => !gone.has(u));
      if (!others.length) continue;
      usedBy[id] = others;
      for (const u of others) kept.set(u, [...(kept.get(u) ?? []), id]);
    }
    if (kept.size && opts.force !== true) {
      const parts = Object.entries(usedBy).map(
        ([id, others]) => `${this.names([this.entries.get(id)!])} is used by ${this.names(others.map((u) => this.entries.get(u)!))}`,
      );
      throw new SegmentProviderError(
        'conflict',
        `${parts.join('; ')}. Delete those too, or delete anyway to keep them as inactive drafts.`,
        { usedBy },
      );
    }
    const names = new Map([...gone].map((id) => [id, this.names([this.entries.get(id)!])]));
    const at = this.iso();
    for (const id of gone) {
      this.entries.delete(id);
      delete this.history[id];
    }
    for (const [id, deleted] of kept) {
      const s = this.entries.get(id)!;
      const which = deleted.map((d) => names.get(d)!);
      s.doc = { ...s.doc, state: 'inactive' };
      s.status = 'draft';
      s.lastError = `It uses ${which.join(', ')}, which ${which.length > 1 ? 'were' : 'was'} deleted: choose another segment or remove the rule.`;
      s.updatedAt = at;
    }
    this.dirty = true;
    await this.persist();
  }

  /**
   * Refresh segments: a valid active one gets its member count (a static one a new
   * snapshot) and a point in its history; an inactive one is `skipped`; a draft stays a
   * draft; an evaluation error makes it `failed`.
   */
  async refresh(ids: string[], opts: CallOptions = {}): Promise<SegmentSummary[]> {
    await this.settle(opts.signal);
    const list = (Array.isArray(ids) ? ids : []).map((id) => this.require(id));
    await this.refreshEntries(list, opts.signal);
    await this.persist();
    const users = this.dependants();
    return list.map((s) => this.summary(s, users));
  }

  /** Change several segments at once. Nothing changes when one id is unknown or a value is unusable. */
  async update(ids: string[], patch: SegmentPatch, opts: CallOptions = {}): Promise<SegmentSummary[]> {
    await this.settle(opts.signal);
    const list = (Array.isArray(ids) ? ids : []).map((id) => this.require(id));
    const p = patch ?? {};
    if (p.state !== undefined && p.state !== 'active' && p.state !== 'inactive')
      throw new SegmentProviderError('invalid-argument', 'state must be "active" or "inactive".');
    if (p.type !== undefined && p.type !== 'dynamic' && p.type !== 'static')
      throw new SegmentProviderError('invalid-argument', 'type must be "dynamic" or "static".');
    if (p.tags !== undefined && (!Array.isArray(p.tags) || !p.tags.every((t) => typeof t === 'string')))
      throw new SegmentProviderError('invalid-argument', 'tags must be a list of text.');
    if (p.displayName !== undefined && typeof p.displayName !== 'string')
      throw new SegmentProviderError('invalid-argument', 'displayName must be text.');
    if (p.schedule !== undefined && !REFRESH_SCHEDULES.includes(p.schedule))
      throw new SegmentProviderError(
        'invalid-argument',
        `schedule must be one of ${REFRESH_SCHEDULES.map((v) => `"${v}"`).join(', ')}, not ${JSON.stringify(p.schedule) ?? String(p.schedule)}.`,
      );
    const activateAt = patchInstant(p.activateAt, 'activateAt');
    const deactivateAt = patchInstant(p.deactivateAt, 'deactivateAt');
    if (activateAt !== undefined && deactivateAt !== undefined && activateAt !== null && activateAt === deactivateAt)
      throw new SegmentProviderError('invalid-argument', 'activateAt and deactivateAt cannot be the same instant.');
    const drafts = p.state === 'active' || typeof activateAt === 'number' ? list.filter((s) => this.isDraft(s)) : [];
    if (drafts.length) {
      const what = p.state === 'active' ? 'activated' : 'scheduled for activation';
      throw new SegmentProviderError(
        'invalid-segment',
        `A draft cannot be ${what} until it is valid: ${this.names(drafts)}. Open it in the builder to fix it.`,
      );
    }
    const at = this.iso();
    const activated: Entry[] = [];
    for (const s of list) {
      const doc = { ...s.doc };
      if (p.state !== undefined) doc.state = p.state;
      if (p.type !== undefined) doc.type = p.type;
      if (p.tags !== undefined) doc.tags = p.tags.slice();
      if (p.displayName !== undefined) doc.displayName = p.displayName;
      s.doc = doc;
      s.updatedAt = at;
      if (p.schedule !== undefined) s.schedule = p.schedule;
      // Activating now replaces a scheduled activation; deactivating now, a scheduled deactivation.
      if (p.state === 'active') s.activateAt = null;
      if (p.state === 'inactive') s.deactivateAt = null;
      if (activateAt !== undefined) s.activateAt = activateAt === null ? null : this.iso(activateAt);
      if (deactivateAt !== undefined) s.deactivateAt = deactivateAt === null ? null : this.iso(deactivateAt);
      if (p.state === 'active' && s.status !== 'succeeded') activated.push(s);
    }
    this.dirty = true;
    await this.refreshEntries(activated, undefined);
    // A scheduled change already due (an instant in the past) is applied at once.
    await this.settle(undefined);
    const users = this.dependants();
    return list.map((s) => this.summary(s, users));
  }

  // ------------------------------------------------------------ inside

  private iso(t = this.clock()): string {
    return new Date(t).toISOString();
  }

  private require(id: string): Entry {
    const s = typeof id === 'string' ? this.entries.get(id) : undefined;
    if (!s) throw new SegmentProviderError('not-found', `There is no saved segment "${String(id)}".`);
    return s;
  }

  private isDraft(s: Entry): boolean {
    return s.status === 'draft' || !this.validate(s.doc).valid;
  }

  /** Display names (or names, or ids) in quotes, joined for a sentence. */
  private names(list: readonly Entry[]): string {
    return list.map((s) => `"${s.doc.displayName ?? s.doc.name ?? s.doc.id}"`).join(', ');
  }

  /** Who uses whom: segment id → the ids of the saved segments with a rule referencing it, in store order. */
  private dependants(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, s] of this.entries) {
      for (const rule of s.doc.rules) {
        const ref = rule.segment;
        if (typeof ref !== 'string' || ref === id) continue;
        const users = out.get(ref);
        if (!users) out.set(ref, [id]);
        else if (users[users.length - 1] !== id) users.push(id);
      }
    }
    return out;
  }

  /**
   * Every summary, in store order, as of now. The summaries of the last call are kept and
   * each is checked against its entry (a few comparisons): only the segments that changed
   * are summarized again, and who uses whom is worked out again only when a document changed
   * or a segment came or went. The sort orders kept are dropped when anything changed.
   */
  private currentListing(): Listing {
    const prev = this.listing;
    let sameDocs = prev !== undefined && prev.rows.length === this.entries.size;
    if (prev && sameDocs) {
      let i = 0;
      for (const s of this.entries.values()) {
        const r = prev.rows[i++]!;
        if (r.entry !== s || r.doc !== s.doc) {
          sameDocs = false;
          break;
        }
      }
    }
    const users = prev && sameDocs ? prev.users : this.dependants();
    let changed = !sameDocs;
    const generation = ++this.listings;
    const rows: Listed[] = [];
    let i = 0;
    for (const s of this.entries.values()) {
      const usedBy = users.get(s.doc.id!) ?? NOBODY;
      // Most often the entry is where it was at the last call.
      const at = prev?.rows[i++];
      let r = at?.entry === s ? at : this.listed.get(s);
      if (!r || !upToDate(r, s, usedBy)) {
        const summary = this.summary(s, users);
        r = {
          entry: s,
          doc: s.doc,
          status: s.status,
          memberCount: s.memberCount,
          lastRefreshed: s.lastRefreshed,
          createdAt: s.createdAt,
          updatedAt: s.updatedAt,
          lastError: s.lastError,
          schedule: s.schedule,
          activateAt: s.activateAt,
          deactivateAt: s.deactivateAt,
          usedBy,
          summary,
          name: summary.name.toLowerCase(),
          displayName: (summary.displayName ?? '').toLowerCase(),
          keys: Object.create(null) as Record<string, SortKey>,
          rank: 0,
          seen: 0,
          placed: 0,
        };
        this.listed.set(s, r);
        changed = true;
      }
      rows.push(r);
    }
    if (prev && !changed) {
      this.listings--;
      return prev;
    }
    for (const r of rows) r.seen = generation;
    this.rankIds(rows);
    const hints = new Map(prev ? [...prev.hints, ...prev.sorted] : []);
    for (const k of [...hints.keys()].slice(0, Math.max(0, hints.size - SORTED_KEPT))) hints.delete(k);
    return (this.listing = { rows, users, sorted: new Map(), hints, generation });
  }

  /**
   * Give each row its id's rank (ids in code-unit order, as `a < b` compares them), worked
   * out again only when the set of ids changed: sorts break ties by it.
   */
  private rankIds(rows: readonly Listed[]): void {
    let ranks = this.idRanks;
    if (!ranks || ranks.size !== rows.length || rows.some((r) => !ranks!.has(r.summary.id))) {
      const ids = rows.map((r) => r.summary.id).sort();
      ranks = this.idRanks = new Map(ids.map((id, i) => [id, i]));
    }
    for (const r of rows) r.rank = ranks.get(r.summary.id)!;
  }

  /** Every summary in the order of `sorts` (kept for the next call while nothing changes). */
  private sorted(sorts: readonly SortSpec[]): Listed[] {
    const listing = this.currentListing();
    const id = sortId(sorts);
    let rows = listing.sorted.get(id);
    if (!rows) {
      const hint = listing.hints.get(id);
      if (hint) {
        // The order asked for last time with these sorts: the summaries that did not change are still in order
        // among themselves; sort the others (changed or new) and merge the two.
        const mark = ++this.placing;
        const kept: Listed[] = [];
        for (const r of hint) {
          if (r.seen === listing.generation) {
            r.placed = mark;
            kept.push(r);
          }
        }
        const others = sortRows(
          listing.rows.filter((r) => r.placed !== mark),
          sorts,
        );
        rows = merge(kept, others, comparator(sorts));
      } else rows = sortRows(listing.rows.slice(), sorts);
      if (listing.sorted.size >= SORTED_KEPT) listing.sorted.delete(listing.sorted.keys().next().value!);
      listing.sorted.set(id, rows);
    }
    return rows;
  }

  private summary(s: Entry, users = this.dependants()): SegmentSummary {
    const d = s.doc;
    const out: SegmentSummary = {
      id: d.id!,
      name: d.name ?? '',
      type: d.type ?? 'dynamic',
      state: stateOf(d),
      status: s.status,
      memberCount: s.memberCount,
      lastRefreshed: s.lastRefreshed,
      tags: d.tags ? d.tags.slice() : [],
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      usedBy: (users.get(d.id!) ?? []).slice(),
      lastError: s.lastError,
      schedule: s.schedule ?? (d.type === 'static' ? 'manual' : 'system'),
      activateAt: s.activateAt,
      deactivateAt: s.deactivateAt,
    };
    if (d.displayName !== undefined) out.displayName = d.displayName;
    if (d.description !== undefined) out.description = d.description;
    return out;
  }

  /**
   * Bring the store up to its clock before answering: the scheduled changes that are due,
   * and the refreshes left to do (the active seeds at start-up, the segments activated);
   * then write what changed.
   */
  private async settle(signal: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal);
    if (this.backend) await this.loadBackend(this.backend);
    this.applyDue();
    if (this.stale.size) {
      const due = [...this.stale];
      this.stale.clear();
      await this.refreshEntries(due, undefined);
      this.dirty = true;
    }
    await this.persist();
    throwIfAborted(signal);
  }

  /**
   * Apply the scheduled changes whose instant the clock has passed, each segment's in the
   * order they fall due, and clear them. A due activation of a draft is not applied: it
   * is cleared and `lastError` says why (an activation of a draft is refused when it is
   * scheduled, so this happens only when the segment became a draft afterwards).
   */
  private applyDue(): void {
    const now = this.clock();
    for (const s of this.entries.values()) {
      if (s.activateAt === null && s.deactivateAt === null) continue;
      const due: { t: number; state: 'active' | 'inactive' }[] = [];
      const on = s.activateAt === null ? undefined : toInstant(s.activateAt);
      const off = s.deactivateAt === null ? undefined : toInstant(s.deactivateAt);
      if (on !== undefined && on <= now) due.push({ t: on, state: 'active' });
      if (off !== undefined && off <= now) due.push({ t: off, state: 'inactive' });
      if (!due.length) continue;
      due.sort((a, b) => a.t - b.t);
      for (const change of due) {
        if (change.state === 'active') {
          s.activateAt = null;
          if (this.isDraft(s)) {
            s.lastError = `The activation scheduled for ${this.iso(change.t)} was not applied: the segment is a draft and cannot be activated until it is valid.`;
            continue;
          }
        } else s.deactivateAt = null;
        s.doc = { ...s.doc, state: change.state };
        if (Date.parse(s.updatedAt) < change.t) s.updatedAt = this.iso(change.t);
      }
      if (stateOf(s.doc) === 'active' && s.status !== 'succeeded') this.stale.add(s);
      this.dirty = true;
    }
  }

  /**
   * Refresh entries in order. The active ones are `running` at once, until their
   * evaluation answers (`succeeded` or `failed`); drafts stay drafts; inactive ones become
   * `skipped` (or drafts, if no longer valid) as the loop gets to them. Every
   * `REFRESH_SLICE_MS` of work the loop waits for the next task, so other calls are
   * answered meanwhile (and see the statuses as they are). On abort, the ones not yet
   * evaluated get their status back and the abort is rethrown.
   */
  private async refreshEntries(list: readonly Entry[], signal: AbortSignal | undefined): Promise<void> {
    // First, at once and cheaply, what will be evaluated is `running`; validating waits for the slices.
    const queue: { s: Entry; before: SegmentStatus }[] = [];
    const inactive: Entry[] = [];
    const seen = new Set<Entry>();
    for (const s of list) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (s.status === 'draft') continue; // a draft stays a draft
      if (stateOf(s.doc) !== 'active') inactive.push(s);
      else {
        // Already running in another refresh: if this one is cancelled, it has not started.
        queue.push({ s, before: s.status === 'running' ? 'notStarted' : s.status });
        s.status = 'running';
      }
    }
    if (list.length) this.dirty = true;
    let slice = performance.now();
    // A long refresh (thousands of segments) must not block the page or the worker: after a
    // slice of work, let other tasks run (a listing then sees who is still running).
    const pause = async () => {
      if (performance.now() - slice < REFRESH_SLICE_MS) return;
      await nextTask();
      slice = performance.now();
    };
    let i = 0;
    try {
      for (const s of inactive) {
        await pause();
        if (!this.draftIfInvalid(s)) s.status = 'skipped';
      }
      for (; i < queue.length; i++) {
        const { s } = queue[i]!;
        await pause();
        throwIfAborted(signal);
        // Deleted, or saved again (a new entry, refreshed by that save), while this one waited.
        if (this.entries.get(s.doc.id!) !== s || this.draftIfInvalid(s)) continue;
        await this.refreshOne(s, signal);
      }
    } catch (e) {
      for (const q of queue.slice(i)) if (q.s.status === 'running') q.s.status = q.before;
      throw e;
    }
  }

  /**
   * A segment valid when saved that is not any more (the catalog or a segment it uses
   * changed since) becomes an inactive draft saying why. True when it is a draft.
   */
  private draftIfInvalid(s: Entry): boolean {
    if (s.status === 'draft') return true;
    const result = this.validate(s.doc);
    if (result.valid) return false;
    s.lastError = `The segment is no longer valid: ${result.errors[0]?.message ?? 'unknown problem'}`;
    s.doc = { ...s.doc, state: 'inactive' };
    s.status = 'draft';
    return true;
  }

  private async refreshOne(s: Entry, signal: AbortSignal | undefined): Promise<void> {
    const doc = s.doc;
    const now = this.clock();
    const context: EvaluationContext = { now, segments: this.lookup, ...(signal ? { signal } : {}) };
    const { snapshot: _snapshot, ...rest } = doc;
    const definition: SegmentDocument = { ...rest, type: 'dynamic' };
    let count: number;
    let snapshot: string[] | undefined;
    try {
      if (doc.type === 'static') {
        const keys = await this.evaluator.members(definition, context);
        if (!Array.isArray(keys)) throw new TypeError('The evaluator did not return a list of member keys.');
        snapshot = keys.map(String);
        count = snapshot.length;
      } else {
        count = await this.evaluator.count(definition, context);
        if (typeof count !== 'number' || !Number.isFinite(count) || count < 0)
          throw new TypeError(`The evaluator returned ${String(count)}, not a member count.`);
      }
    } catch (e) {
      if (isAbortError(e)) throw e;
      if (this.entries.get(doc.id!) === s) {
        s.status = 'failed';
        s.lastError = e instanceof Error ? e.message : String(e);
      }
      return;
    }
    // Deleted or saved again while it was being evaluated: this answer is for a definition that is gone.
    if (this.entries.get(doc.id!) !== s || s.doc.rules !== doc.rules) {
      if (s.status === 'running') s.status = 'notStarted';
      return;
    }
    if (snapshot) s.doc = { ...s.doc, snapshot };
    const at = this.iso(now);
    s.status = 'succeeded';
    s.lastError = null;
    s.memberCount = count;
    s.lastRefreshed = at;
    const points = (this.history[doc.id!] ??= []);
    const day = at.slice(0, 10);
    const last = points[points.length - 1];
    if (last && last.date.slice(0, 10) === day) last.count = count;
    else points.push({ date: at, count });
    this.dirty = true;
  }

  /** Write what changed: the whole store to the storage, or the changes to the backend (one write at a time). */
  private async persist(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.storage) writeStore(this.storage, this.key, { segments: [...this.entries.values()], history: this.history });
    const backend = this.backend;
    if (!backend) return;
    const write = this.writing.then(async () => {
      const changes = this.tracker.changes(this.entries.values(), this.history);
      if (!changes.segments.length && !changes.deleted.length && !Object.keys(changes.history).length) return;
      const { commit, ...rest } = changes;
      try {
        await backend.write(rest);
      } catch (e) {
        this.dirty = true; // offered again at the next write
        throw e instanceof SegmentProviderError
          ? e
          : new SegmentProviderError('storage', `Segments could not be saved: ${e instanceof Error ? e.message : String(e)}`, e);
      }
      commit();
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  /** Read the backend once, before the first answer; seed it when it holds nothing. A failed load is tried again at the next call. */
  private loadBackend(backend: StoreBackend): Promise<void> {
    this.loading ??= (async () => {
      let saved;
      try {
        saved = await backend.load();
      } catch (e) {
        this.loading = undefined;
        throw e instanceof SegmentProviderError
          ? e
          : new SegmentProviderError('storage', `Saved segments could not be read: ${e instanceof Error ? e.message : String(e)}`, e);
      }
      if (saved?.segments.length) {
        for (const s of saved.segments) this.entries.set(s.doc.id!, entryOf(s));
        this.history = Object.assign(Object.create(null) as Record<string, TrendPoint[]>, saved.history);
        this.tracker.remember(this.entries.values(), this.history);
      } else if (this.options.segments) this.seed(this.options.segments, this.options.history ?? {});
    })();
    return this.loading;
  }

  private load(options: SegmentStoreOptions): void {
    const storage = this.storage;
    if (storage) {
      try {
        const saved = readStore(storage, this.key);
        if (saved) {
          for (const s of saved.segments) this.entries.set(s.doc.id!, entryOf(s));
          this.history = Object.assign(Object.create(null) as Record<string, TrendPoint[]>, saved.history);
        }
      } catch (e) {
        this.error = e instanceof SegmentProviderError ? e : new SegmentProviderError('storage', String(e));
        try {
          const raw = storage.getItem(this.key);
          if (raw !== null) storage.setItem(`${this.key}.damaged`, raw);
        } catch {
          // the storage cannot be read at all; nothing to keep
        }
        options.onStorageError?.(this.error);
      }
    }
    if (this.entries.size === 0 && !this.error && options.segments) this.seed(options.segments, options.history ?? {});
  }

  private seed(segments: readonly SegmentDocument[], history: Record<string, TrendPoint[]>): void {
    const at = this.iso();
    for (const input of segments) {
      const d = parseSegment(input).segment;
      if (!d?.id) continue;
      this.entries.set(d.id, newEntry(d, 'notStarted', at));
    }
    for (const [id, points] of Object.entries(history)) if (this.entries.has(id)) this.history[id] = points.map((p) => ({ ...p }));
    for (const s of this.entries.values()) {
      if (!this.validate(s.doc).valid) {
        s.status = 'draft';
        s.doc = { ...s.doc, state: 'inactive' };
        continue;
      }
      const points = this.history[s.doc.id!];
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
    for (const s of this.entries.values()) if (s.status === 'notStarted' && stateOf(s.doc) === 'active') this.stale.add(s);
    this.dirty = true;
  }
}

/** Create a segment store (see `SegmentStore`). */
export function createSegmentStore(options: SegmentStoreOptions): SegmentStore {
  return new SegmentStore(options);
}
