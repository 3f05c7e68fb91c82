/**
 * Column caches over plain rows, built once per rows array and reused by every call.
 *
 * Rows are read once per (entity, attribute, type) into typed columns; after that every
 * evaluation only reads arrays. The cache is keyed on the rows array itself (a WeakMap),
 * so a new array (or one whose length changed) gets fresh columns. Editing the values of
 * rows in place is NOT detected: give the engine a new array when data changes.
 *
 * Coercions (one place, shared by conditions, aggregates and explanations):
 * - number: finite JS numbers; strings holding a decimal number (`"12"`, `" 1.5e3 "`);
 *   bigints. Anything else (booleans, `"abc"`, `""`, NaN, ±Infinity, objects) is null.
 * - date: ISO 8601 strings as `parseIsoDate` reads them (date-only = midnight UTC, no
 *   offset = UTC), `Date` objects and finite epoch milliseconds. A string that does not
 *   parse is null.
 * - string: strings; numbers, bigints and booleans are turned into text (`String(v)`).
 *   Objects and arrays are null. Comparisons use the lower-cased text.
 * - boolean: only JS `true` / `false`. Everything else, the strings `"true"` / `"false"`
 *   and `0` / `1` included, is null (so isTrue and isFalse are false and isEmpty is true).
 * - join keys (relationship attributes) and member keys: strings as they are, finite
 *   numbers and bigints as `String(v)` (so `7` and `"7"` join); null, undefined,
 *   booleans and objects never join.
 */
import { DAY_MS, daysFromCivil, daysInMonth, monthDayOfDay, parseIsoDate } from '../model/dates.js';
import type { AttributeType } from '../model/types.js';

/** The calendar lives in the model (`model/dates.ts`); re-exported for the engine's existing users. */
export { daysFromCivil, monthDayOfDay } from '../model/dates.js';

export type Row = Record<string, unknown>;
export type Rows = readonly Row[];

/** Numbers: the value, NaN for null. */
export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
}
/** Dates: epoch milliseconds, NaN for null; `monthDay` (month * 32 + day, 0 for null) is built on demand. */
export interface DateColumn {
  kind: 'date';
  values: Float64Array;
  monthDay?: Uint16Array;
}
/**
 * Strings with few distinct values (up to `MAX_DICTIONARY`), dictionary-coded on their
 * lower-cased text: code 0 is null. An operator becomes a table over the codes.
 */
export interface StringColumn {
  kind: 'string';
  codes: Int32Array;
  /** Lower-cased text per code; `dict[0]` is a placeholder for null. */
  dict: string[];
  codeOf: Map<string, number>;
}
/** Strings with many distinct values (e-mails, ids): the lower-cased text per row, null for null. */
export interface TextColumn {
  kind: 'text';
  lower: (string | null)[];
}
/** Booleans: 0 null, 1 false, 2 true. */
export interface BooleanColumn {
  kind: 'boolean';
  codes: Uint8Array;
}
export type Column = NumberColumn | DateColumn | StringColumn | TextColumn | BooleanColumn;

/** Beyond this many distinct values a string column is kept as plain lower-cased text. */
export const MAX_DICTIONARY = 1 << 16;

/** Rows of one entity grouped by the (join-key) value of one attribute. */
export interface GroupIndex {
  gid: Map<string, number>;
  /** Rows of group g are `items[offsets[g] .. offsets[g + 1])`, in row order. */
  offsets: Int32Array;
  items: Int32Array;
}

/** For each scope row i, the linked rows are `items[offsets[i] .. offsets[i + 1])` (distinct). */
export interface Link {
  offsets: Int32Array;
  items: Int32Array;
}

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A row value as a number (NaN for null), see the coercions above. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v === 'string') return DECIMAL.test(v) ? Number(v) : NaN;
  if (typeof v === 'bigint') return Number(v);
  return NaN;
}

const notDigit = (d: number) => d >>> 0 > 9;

/**
 * Epoch ms of an ISO 8601 string, NaN when it is not one: the same results as
 * `parseIsoDate`, with a fast path for the canonical forms `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (each character read once).
 */
export function parseDateText(s: string): number {
  const n = s.length;
  if (n === 10 || n === 20 || n === 24) {
    const t = canonicalDate(s, n);
    if (t === t) return t;
  }
  const t = parseIsoDate(s);
  return t === undefined ? NaN : t;
}

/** The fast path: NaN when `s` is not in a canonical form (the slow path then decides). */
function canonicalDate(s: string, n: number): number {
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  if (
    notDigit(y0) ||
    notDigit(y1) ||
    notDigit(y2) ||
    notDigit(y3) ||
    notDigit(m0) ||
    notDigit(m1) ||
    notDigit(d0) ||
    notDigit(d1) ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45
  ) {
    return NaN;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1)) return NaN;
  const t = daysFromCivil(y, mo, d) * DAY_MS;
  if (n === 10) return t;
  const h0 = s.charCodeAt(11) - 48;
  const h1 = s.charCodeAt(12) - 48;
  const i0 = s.charCodeAt(14) - 48;
  const i1 = s.charCodeAt(15) - 48;
  const s0 = s.charCodeAt(17) - 48;
  const s1 = s.charCodeAt(18) - 48;
  if (
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    notDigit(h0) ||
    notDigit(h1) ||
    notDigit(i0) ||
    notDigit(i1) ||
    notDigit(s0) ||
    notDigit(s1)
  ) {
    return NaN;
  }
  const hh = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const ss = s0 * 10 + s1;
  if (hh > 23 || mi > 59 || ss > 59) return NaN;
  const time = t + ((hh * 60 + mi) * 60 + ss) * 1000;
  if (n === 20) return s.charCodeAt(19) === 90 ? time : NaN;
  const f0 = s.charCodeAt(20) - 48;
  const f1 = s.charCodeAt(21) - 48;
  const f2 = s.charCodeAt(22) - 48;
  if (s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90 || notDigit(f0) || notDigit(f1) || notDigit(f2)) return NaN;
  return time + f0 * 100 + f1 * 10 + f2;
}

/** A row value as epoch milliseconds (NaN for null), see the coercions above. */
export function toDate(v: unknown): number {
  if (typeof v === 'string') return parseDateText(v);
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? t : NaN;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  return NaN;
}

/** A row value as text (undefined for null), see the coercions above. */
export function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A join or member key (undefined: joins nothing). */
export function toKey(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  return undefined;
}

const read = (row: Row | null | undefined, attr: string): unknown => (row === null || typeof row !== 'object' ? undefined : row[attr]);

/**
 * A build that can be run a slice at a time: each `next()` does about `SLICE_ROWS` rows of
 * work (well under a millisecond or two), so idle-time preparation (`prepareSteps`) never
 * holds the thread for long. Asking for the result while a build is under way finishes it
 * from where it is: the work is never done twice.
 */
export type Steps = Iterator<void, void>;

/** Rows per slice of a build. */
export const SLICE_ROWS = 2048;

const DONE: Steps = { next: () => ({ done: true, value: undefined }) };

/** Run `steps` to the end. */
export function drain(steps: Steps): void {
  while (!steps.next().done);
}

/** Typed columns, key lists and group indexes over one rows array. */
export class EntityTable {
  readonly rows: Rows;
  readonly length: number;
  private readonly columns = new Map<string, Column>();
  private readonly groups = new Map<string, GroupIndex>();
  private readonly keyLists = new Map<string, string[]>();
  private readonly keyIndexes = new Map<string, Map<string, number>>();
  /** Builds under way (started by `prepareSteps`, not finished yet), by cache key. */
  private readonly pending = new Map<string, Steps>();
  /** Links from this table's rows to another entity's rows, by path (see `linkFor`). */
  readonly links = new Map<string, { deps: EntityTable[]; link: Link }>();

  constructor(rows: Rows) {
    this.rows = rows;
    this.length = rows.length;
  }

  /**
   * The build named `key`: nothing left (`DONE`) when `has()`, the one under way, or a new
   * one from `start`, which stores its result itself. It is forgotten when it ends, also by
   * an error (then whoever asks next starts again, and sees the error).
   */
  steps(key: string, has: () => boolean, start: () => Generator<void, void>): Steps {
    if (has()) return DONE;
    const known = this.pending.get(key);
    if (known) return known;
    const pending = this.pending;
    const it = start();
    const steps: Steps = {
      next() {
        try {
          const r = it.next();
          if (r.done) pending.delete(key);
          return r;
        } catch (e) {
          pending.delete(key);
          throw e;
        }
      },
    };
    pending.set(key, steps);
    return steps;
  }

  column(attr: string, type: AttributeType): Column {
    const cacheKey = `${type}\u0000${attr}`;
    let col = this.columns.get(cacheKey);
    if (!col) {
      drain(this.columnSteps(attr, type));
      col = this.columns.get(cacheKey)!;
    }
    return col;
  }

  /** The build of a typed column, to run a slice at a time (see `Steps`). */
  columnSteps(attr: string, type: AttributeType): Steps {
    const cacheKey = `${type}\u0000${attr}`;
    return this.steps(
      `c\u0000${cacheKey}`,
      () => this.columns.has(cacheKey),
      () => this.build(attr, type, cacheKey),
    );
  }

  numbers(attr: string): NumberColumn {
    return this.column(attr, 'number') as NumberColumn;
  }

  dates(attr: string): DateColumn {
    return this.column(attr, 'date') as DateColumn;
  }

  strings(attr: string): StringColumn | TextColumn {
    return this.column(attr, 'string') as StringColumn | TextColumn;
  }

  booleans(attr: string): BooleanColumn {
    return this.column(attr, 'boolean') as BooleanColumn;
  }

  /** The month-day keys of a date column (built once). */
  monthDays(attr: string): Uint16Array {
    const col = this.dates(attr);
    if (!col.monthDay) {
      const md = new Uint16Array(this.length);
      const values = col.values;
      for (let i = 0; i < md.length; i++) {
        const t = values[i]!;
        if (t === t) md[i] = monthDayOfDay(Math.floor(t / DAY_MS));
      }
      col.monthDay = md;
    }
    return col.monthDay;
  }

  private *build(attr: string, type: AttributeType, cacheKey: string): Generator<void, void> {
    const rows = this.rows;
    const n = this.length;
    let col: Column;
    if (type === 'number' || type === 'date') {
      const values = new Float64Array(n);
      const conv = type === 'number' ? toNumber : toDate;
      for (let start = 0; start < n; start += SLICE_ROWS) {
        if (start > 0) yield;
        for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) values[i] = conv(read(rows[i], attr));
      }
      col = type === 'number' ? { kind: 'number', values } : { kind: 'date', values };
    } else if (type === 'boolean') {
      const codes = new Uint8Array(n);
      for (let start = 0; start < n; start += SLICE_ROWS) {
        if (start > 0) yield;
        for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
          const v = read(rows[i], attr);
          codes[i] = v === true ? 2 : v === false ? 1 : 0;
        }
      }
      col = { kind: 'boolean', codes };
    } else {
      const dictionary = yield* this.dictionary(attr);
      col = dictionary ?? (yield* this.text(attr));
    }
    this.columns.set(cacheKey, col);
  }

  /** A dictionary-coded string column, or undefined beyond `MAX_DICTIONARY` distinct values. */
  private *dictionary(attr: string): Generator<void, StringColumn | undefined> {
    const rows = this.rows;
    const n = this.length;
    const codes = new Int32Array(n);
    const dict: string[] = [''];
    const codeOf = new Map<string, number>();
    const raw = new Map<string, number>();
    for (let start = 0; start < n; start += SLICE_ROWS) {
      if (start > 0) yield;
      for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
        const v = read(rows[i], attr);
        const text = typeof v === 'string' ? v : toText(v);
        if (text === undefined) continue;
        let code = raw.get(text);
        if (code === undefined) {
          const lower = text.toLowerCase();
          code = codeOf.get(lower);
          if (code === undefined) {
            if (dict.length > MAX_DICTIONARY) return undefined;
            code = dict.length;
            dict.push(lower);
            codeOf.set(lower, code);
          }
          raw.set(text, code);
        }
        codes[i] = code;
      }
    }
    return { kind: 'string', codes, dict, codeOf };
  }

  private *text(attr: string): Generator<void, TextColumn> {
    const rows = this.rows;
    const n = this.length;
    const lower = new Array<string | null>(n);
    for (let start = 0; start < n; start += SLICE_ROWS) {
      yield;
      for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
        const v = read(rows[i], attr);
        const text = typeof v === 'string' ? v : toText(v);
        lower[i] = text === undefined ? null : text.toLowerCase();
      }
    }
    return { kind: 'text', lower };
  }

  /** Member keys (`String(row[key])`) in row order. */
  keys(keyAttr: string): string[] {
    let keys = this.keyLists.get(keyAttr);
    if (!keys) {
      keys = new Array<string>(this.length);
      for (let i = 0; i < this.length; i++) keys[i] = String(read(this.rows[i], keyAttr));
      this.keyLists.set(keyAttr, keys);
    }
    return keys;
  }

  /** The first row of each member key (built on first use: snapshots). */
  keyIndex(keyAttr: string): Map<string, number> {
    let index = this.keyIndexes.get(keyAttr);
    if (!index) {
      index = new Map<string, number>();
      const keys = this.keys(keyAttr);
      for (let i = 0; i < keys.length; i++) if (!index.has(keys[i]!)) index.set(keys[i]!, i);
      this.keyIndexes.set(keyAttr, index);
    }
    return index;
  }

  /** This table's rows grouped by the join key in `attr`. */
  group(attr: string): GroupIndex {
    let g = this.groups.get(attr);
    if (!g) {
      drain(this.groupSteps(attr));
      g = this.groups.get(attr)!;
    }
    return g;
  }

  /** The build of a group index, to run a slice at a time (see `Steps`). */
  groupSteps(attr: string): Steps {
    return this.steps(
      `g\u0000${attr}`,
      () => this.groups.has(attr),
      () => this.buildGroup(attr),
    );
  }

  private *buildGroup(attr: string): Generator<void, void> {
    const n = this.length;
    const rows = this.rows;
    const gid = new Map<string, number>();
    const of = new Int32Array(n);
    const sizes: number[] = [];
    for (let start = 0; start < n; start += SLICE_ROWS) {
      if (start > 0) yield;
      for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
        const k = toKey(read(rows[i], attr));
        if (k === undefined) {
          of[i] = -1;
          continue;
        }
        let id = gid.get(k);
        if (id === undefined) {
          id = sizes.length;
          gid.set(k, id);
          sizes.push(0);
        }
        sizes[id]!++;
        of[i] = id;
      }
    }
    const offsets = new Int32Array(sizes.length + 1);
    for (let j = 0; j < sizes.length; j++) offsets[j + 1] = offsets[j]! + sizes[j]!;
    const fill = offsets.slice(0, sizes.length);
    const items = new Int32Array(offsets[sizes.length]!);
    for (let start = 0; start < n; start += SLICE_ROWS) {
      yield;
      for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
        const id = of[i]!;
        if (id >= 0) items[fill[id]!++] = i;
      }
    }
    this.groups.set(attr, { gid, offsets, items });
  }

  /** For each row, the group (in `target`'s index on `targetAttr`) its `attr` joins, or -1. */
  *joinGroups(attr: string, target: GroupIndex): Generator<void, Int32Array> {
    const n = this.length;
    const out = new Int32Array(n);
    for (let start = 0; start < n; start += SLICE_ROWS) {
      if (start > 0) yield;
      for (let i = start, end = Math.min(n, start + SLICE_ROWS); i < end; i++) {
        const k = toKey(read(this.rows[i], attr));
        const g = k === undefined ? undefined : target.gid.get(k);
        out[i] = g === undefined ? -1 : g;
      }
    }
    return out;
  }
}

const tables = new WeakMap<Rows, EntityTable>();

/** The cached table of a rows array (rebuilt when the array's length changed). */
export function tableOf(rows: Rows): EntityTable {
  let t = tables.get(rows);
  if (!t || t.length !== rows.length) {
    t = new EntityTable(rows);
    tables.set(rows, t);
  }
  return t;
}

/** One hop of a path, resolved to tables. */
export interface Hop {
  /** Cache key fragment: entity names, attributes. */
  key: string;
  fromAttribute: string;
  to: EntityTable;
  toAttribute: string;
}

/**
 * The rows of the last hop's table linked to each row of `from` through `hops` (each row
 * of one hop joins the rows of the next whose `toAttribute` equals its `fromAttribute`).
 * Linked rows are distinct and in row order of discovery. Cached on `from`.
 */
export function linkFor(from: EntityTable, hops: Hop[]): Link {
  const key = hops.map((h) => h.key).join('\u0001');
  const cached = from.links.get(key);
  if (cached && cached.deps.length === hops.length && cached.deps.every((d, i) => d === hops[i]!.to)) return cached.link;
  drain(linkSteps(from, hops));
  return from.links.get(key)!.link;
}

/** The build of a link (and of the group indexes it joins through), to run a slice at a time (see `Steps`). */
export function linkSteps(from: EntityTable, hops: Hop[]): Steps {
  const key = hops.map((h) => h.key).join('\u0001');
  const deps = hops.map((h) => h.to);
  // The tables are part of the build's name: the same path over other rows is another link.
  const names = deps.map((d) => tableIds.get(d) ?? tableIds.set(d, ++tableCount).get(d)!).join(',');
  return from.steps(
    `l\u0000${key}\u0000${names}`,
    () => {
      const cached = from.links.get(key);
      return !!cached && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i]);
    },
    function* () {
      const link = yield* buildLink(from, hops);
      from.links.set(key, { deps, link });
    },
  );
}

const tableIds = new WeakMap<EntityTable, number>();
let tableCount = 0;

/** Yield through `steps` (a group index under way or to build), then read what it built. */
function* run(steps: Steps): Generator<void, void> {
  while (!steps.next().done) yield;
}

function* buildLink(from: EntityTable, hops: Hop[]): Generator<void, Link> {
  const n = from.length;
  if (hops.length === 0) {
    const offsets = new Int32Array(n + 1);
    const items = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      offsets[i + 1] = i + 1;
      items[i] = i;
    }
    return { offsets, items };
  }
  // First hop: each row joins one group of the target.
  const first = hops[0]!;
  yield* run(first.to.groupSteps(first.toAttribute));
  const g0 = first.to.group(first.toAttribute);
  const rowGroup = yield* from.joinGroups(first.fromAttribute, g0);
  let offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const g = rowGroup[i]!;
    offsets[i + 1] = offsets[i]! + (g < 0 ? 0 : g0.offsets[g + 1]! - g0.offsets[g]!);
  }
  let items = new Int32Array(offsets[n]!);
  for (let i = 0, k = 0; i < n; i++) {
    const g = rowGroup[i]!;
    if (g < 0) continue;
    for (let j = g0.offsets[g]!, end = g0.offsets[g + 1]!; j < end; j++) items[k++] = g0.items[j]!;
  }
  // Further hops: expand, keeping each target row once per scope row.
  let current = first.to;
  for (let h = 1; h < hops.length; h++) {
    const hop = hops[h]!;
    yield* run(hop.to.groupSteps(hop.toAttribute));
    const gi = hop.to.group(hop.toAttribute);
    const mid = yield* current.joinGroups(hop.fromAttribute, gi);
    const seen = new Int32Array(hop.to.length).fill(-1);
    const nextOffsets = new Int32Array(n + 1);
    let buf = new Int32Array(Math.max(16, items.length));
    let k = 0;
    for (let i = 0; i < n; i++) {
      if ((i & (SLICE_ROWS - 1)) === SLICE_ROWS - 1) yield;
      for (let a = offsets[i]!, end = offsets[i + 1]!; a < end; a++) {
        const g = mid[items[a]!]!;
        if (g < 0) continue;
        for (let j = gi.offsets[g]!, jend = gi.offsets[g + 1]!; j < jend; j++) {
          const r = gi.items[j]!;
          if (seen[r] === i) continue;
          seen[r] = i;
          if (k === buf.length) {
            const bigger = new Int32Array(buf.length * 2);
            bigger.set(buf);
            buf = bigger;
          }
          buf[k++] = r;
        }
      }
      nextOffsets[i + 1] = k;
    }
    offsets = nextOffsets;
    items = buf.slice(0, k);
    current = hop.to;
  }
  return { offsets, items };
}
