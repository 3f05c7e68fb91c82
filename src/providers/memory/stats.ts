/**
 * The memory provider's `attributeStats`: what quick segments show about one attribute.
 *
 * Counts are customers. For an audience attribute a customer is a row. For an attribute
 * of a related entity (`Order.Status`), a value's count is the number of customers with
 * at least one linked row holding it (through the catalog's relationship path, as the
 * engine's `related` node links them), so that clicking the value builds a segment of
 * that size: `with at least 1 Order where Status is …`. `rows` beside it counts the
 * entity's rows. Percentiles, range and mean are over the rows' values.
 */
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, isoDay, parseIsoDate, utcDay } from '../../core/model/dates.js';
import type { CatalogIndex } from '../../core/model/catalog.js';
import type { AttributeDef, EntityDef } from '../../core/model/types.js';
import type { AttributeStats, AttributeValueStat, DateHistogramBin, HistogramBin } from '../../core/provider/types.js';
import { compare } from '../store/sort.js';
import { keyOf, type DataSnapshot, type Row } from './data.js';

/** How many values a categorical attribute's `top` lists. */
export const TOP_VALUES = 10;
/** About how many bars a numeric histogram has (never more than 2 × this). */
export const HISTOGRAM_BARS = 12;
/** A date histogram is by month up to this many months, else by year. */
export const MAX_MONTH_BARS = 120;

const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Tally rows into buckets, by customers and by rows. `bucketsOf` gives the bucket keys a
 * row falls in (none: the row is not counted). For the audience each row is a customer;
 * for a related entity a customer counts once per bucket however many of its linked rows
 * fall in it.
 */
class Tally<K> {
  readonly customers = new Map<K, number>();
  readonly rows = new Map<K, number>();
}

function tally<K>(
  snap: DataSnapshot,
  index: CatalogIndex,
  audience: EntityDef,
  entity: string,
  bucketsOf: (row: Row, i: number) => K | undefined,
): Tally<K> {
  const out = new Tally<K>();
  const rows = snap.rows(entity);
  const buckets: (K | undefined)[] = new Array<K | undefined>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const k = row && typeof row === 'object' ? bucketsOf(row, i) : undefined;
    buckets[i] = k;
    if (k !== undefined) out.rows.set(k, (out.rows.get(k) ?? 0) + 1);
  }
  if (entity === audience.name) {
    for (const [k, n] of out.rows) out.customers.set(k, n);
    return out;
  }
  const links = memberLinks(snap, index, audience, entity);
  const ids = new Map<K, number>();
  const keys: K[] = [];
  const bucketOf = new Int32Array(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const k = buckets[i];
    if (k === undefined) continue;
    let id = ids.get(k);
    if (id === undefined) {
      ids.set(k, (id = keys.length));
      keys.push(k);
    }
    bucketOf[i] = id;
  }
  // The links come grouped by member: a member counts once per bucket.
  const seen = new Int32Array(keys.length).fill(-1);
  const counts = new Int32Array(keys.length);
  for (let p = 0; p < links.rows.length; p++) {
    const b = bucketOf[links.rows[p]!]!;
    const m = links.members[p]!;
    if (b >= 0 && seen[b] !== m) {
      seen[b] = m;
      counts[b]!++;
    }
  }
  keys.forEach((k, b) => out.customers.set(k, counts[b]!));
  return out;
}

/** Which rows of an entity belong to which members: (row, member) pairs ordered by member. */
interface MemberLinks {
  rows: Int32Array;
  members: Int32Array;
}

/** Per state of the data (its rows by entity), per entity: computed once, whatever attribute is asked about. */
const linkCache = new WeakMap<object, Map<string, MemberLinks>>();

/**
 * Walk each row of `entity` back along the relationship path to the members it belongs
 * to (one per many-to-one hop, several where a hop fans out); a member is its key's first
 * audience row, as the engine links them.
 */
function memberLinks(snap: DataSnapshot, index: CatalogIndex, audience: EntityDef, entity: string): MemberLinks {
  let perData = linkCache.get(snap.data);
  if (!perData) linkCache.set(snap.data, (perData = new Map<string, MemberLinks>()));
  const cached = perData.get(entity);
  if (cached) return cached;
  const steps = index.path(audience.name, entity) ?? [];
  const rows = snap.rows(entity);
  const audienceRows = snap.rows(audience.name);
  const canonical = new Int32Array(audienceRows.length).fill(-1);
  for (let r = 0; r < audienceRows.length; r++) {
    const key = keyOf(audienceRows[r]?.[audience.key]);
    if (key !== undefined) canonical[r] = snap.firstRowWithKey(audience, key) ?? -1;
  }
  const pairRow: number[] = [];
  const pairMember: number[] = [];
  if (steps.length > 0) {
    const indexes = steps.map((step) => snap.joinIndex(step.from, step.fromAttribute));
    const none: readonly number[] = [];
    const lastStep = steps[steps.length - 1]!;
    const lastRows = snap.rows(lastStep.to);
    const lastIndex = indexes[steps.length - 1]!;
    for (let i = 0; i < rows.length; i++) {
      // The last hop without a list of one (most entities are one hop from the audience).
      const first = keyOf(lastRows[i]?.[lastStep.toAttribute]);
      let current: readonly number[] = first === undefined ? none : (lastIndex.get(first) ?? none);
      for (let s = steps.length - 2; s >= 0 && current.length > 0; s--) {
        const step = steps[s]!;
        const at = snap.rows(step.to);
        const next: number[] = [];
        for (const j of current) {
          const key = keyOf(at[j]?.[step.toAttribute]);
          if (key !== undefined) for (const r of indexes[s]!.get(key) ?? none) next.push(r);
        }
        current = next;
      }
      for (const r of current) {
        const m = canonical[r]!;
        if (m < 0) continue;
        pairRow.push(i);
        pairMember.push(m);
      }
    }
  }
  // A counting sort by member.
  const starts = new Int32Array(audienceRows.length + 1);
  for (const m of pairMember) starts[m + 1]!++;
  for (let m = 0; m < audienceRows.length; m++) starts[m + 1]! += starts[m]!;
  const links: MemberLinks = { rows: new Int32Array(pairRow.length), members: new Int32Array(pairRow.length) };
  for (let p = 0; p < pairRow.length; p++) {
    const at = starts[pairMember[p]!]!++;
    links.rows[at] = pairRow[p]!;
    links.members[at] = pairMember[p]!;
  }
  perData.set(entity, links);
  return links;
}

/** Audience members in the data (distinct keys). */
function customerCount(snap: DataSnapshot, audience: EntityDef): number {
  const keys = new Set<string>();
  let unkeyed = 0;
  for (const row of snap.rows(audience.name)) {
    const k = keyOf(row?.[audience.key]);
    if (k === undefined) unkeyed++;
    else keys.add(k);
  }
  return keys.size + unkeyed;
}

/** A step of 1, 2, 2.5 or 5 × a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * power;
    if (step >= raw * (1 - 1e-9)) return step;
  }
  return 10 * power;
}

/** Round away binary noise (0.1 + 0.2) from a bound that is a multiple of `step`. */
const tidy = (n: number, step: number) => {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(n.toFixed(Math.min(20, digits)));
};

/**
 * Bars with nice bounds over sorted values: `from <= v < to`, the last one closed. A long
 * tail (the max more than three times as far from the min as the 98th percentile is)
 * gets one last bar of its own, from the last nice bound to the max, so that the bulk of
 * the values is not squeezed into the first bar.
 */
export function numericHistogram(sorted: ArrayLike<number>, bars = HISTOGRAM_BARS): { from: number; to: number }[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [{ from: min, to: max }];
  const p98 = sorted[Math.min(sorted.length - 1, Math.ceil(0.98 * sorted.length) - 1)]!;
  const tail = p98 > min && max - min > 3 * (p98 - min);
  const top = tail ? p98 : max;
  let integers = true;
  for (let i = 0; i < sorted.length && integers; i++) integers = Number.isInteger(sorted[i]);
  let step = niceStep((top - min) / (tail ? bars - 1 : bars));
  if (integers) step = Math.max(1, Math.ceil(step));
  const start = Math.floor(min / step) * step;
  let n = Math.max(1, Math.ceil((top - start) / step));
  // The last bar is closed: a max on a bound needs no bar of its own.
  if (start + n * step < top) n++;
  const out: { from: number; to: number }[] = [];
  for (let i = 0; i < n; i++) out.push({ from: tidy(start + i * step, step), to: tidy(start + (i + 1) * step, step) });
  if (tail && out[out.length - 1]!.to < max) out.push({ from: out[out.length - 1]!.to, to: max });
  return out;
}

/** The bar a value falls in (binary search over `from`s; the last bar takes its upper bound). */
function barOf(bins: readonly { from: number; to: number }[], v: number): number | undefined {
  if (bins.length === 0 || v < bins[0]!.from || v > bins[bins.length - 1]!.to) return undefined;
  let lo = 0;
  let hi = bins.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bins[mid]!.from <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The months (or years) from the first value's to the last's: first and last UTC days, inclusive. */
export function dateHistogram(minDay: number, maxDay: number): { unit: 'month' | 'year'; bins: { from: string; to: string }[] } {
  const a = civilFromDays(minDay);
  const b = civilFromDays(maxDay);
  const [y0, m0, y1, m1] = [a >> 9, (a >> 5) & 15, b >> 9, (b >> 5) & 15];
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  const bins: { from: string; to: string }[] = [];
  if (months <= MAX_MONTH_BARS) {
    for (let i = 0; i < months; i++) {
      const y = y0 + Math.floor((m0 - 1 + i) / 12);
      const m = ((m0 - 1 + i) % 12) + 1;
      bins.push({ from: isoDay(daysFromCivil(y, m, 1) * DAY_MS), to: isoDay(daysFromCivil(y, m, daysInMonth(y, m - 1)) * DAY_MS) });
    }
    return { unit: 'month', bins };
  }
  for (let y = y0; y <= y1; y++) {
    bins.push({ from: isoDay(daysFromCivil(y, 1, 1) * DAY_MS), to: isoDay(daysFromCivil(y, 12, 31) * DAY_MS) });
  }
  return { unit: 'year', bins };
}

function withLabel(value: unknown, labels: Map<unknown, string | undefined>, count: number, rows: number): AttributeValueStat {
  const label = labels.get(value);
  return label === undefined ? { value, count, rows } : { value, label, count, rows };
}

/** The top values by customers (then rows, then value), with labels from the enumeration. */
function topValues(t: Tally<unknown>, attr: AttributeDef): { top: AttributeValueStat[]; distinct: number } {
  const labels = new Map<unknown, string | undefined>((attr.values ?? []).map((o) => [o.value, o.label]));
  const list = [...t.rows.keys()].map((value) => ({ value, count: t.customers.get(value) ?? 0, rows: t.rows.get(value)! }));
  list.sort((x, y) => y.count - x.count || y.rows - x.rows || compare(x.value, y.value));
  return { top: list.slice(0, TOP_VALUES).map((v) => withLabel(v.value, labels, v.count, v.rows)), distinct: list.length };
}

const EMPTY = Symbol('empty');

/** `attributeStats` over one snapshot of the data. */
export function attributeStats(snap: DataSnapshot, index: CatalogIndex, entity: string, attr: AttributeDef): AttributeStats {
  const audience = index.entity(index.audience)!;
  const name = attr.name;
  const rows = snap.rows(entity);
  const common = { customers: customerCount(snap, audience), related: entity !== audience.name };
  const emptyOf = (t: Tally<unknown>) => t.customers.get(EMPTY) ?? 0;

  if (attr.type === 'number') {
    const found: number[] = [];
    for (const row of rows) {
      const v = row?.[name];
      if (finite(v)) found.push(v);
    }
    // A typed array sorts numbers natively (no comparator calls), -0 before 0 as in a - b.
    const values = Float64Array.from(found).sort();
    const nulls = rows.length - values.length;
    const pct = (p: number) =>
      values.length ? values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]! : null;
    const bounds = numericHistogram(values);
    const bars = tally(snap, index, audience, entity, (row) => {
      const v = row[name];
      return finite(v) ? barOf(bounds, v) : EMPTY;
    });
    const stats: AttributeStats = {
      type: 'number',
      total: rows.length,
      nulls,
      min: values[0] ?? null,
      max: values[values.length - 1] ?? null,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      percentiles: { p5: pct(5), p25: pct(25), p50: pct(50), p75: pct(75), p95: pct(95) },
      ...common,
      empty: bars.customers.get(EMPTY) ?? 0,
      histogram: bounds.map((b, i): HistogramBin => ({ ...b, count: bars.customers.get(i) ?? 0, rows: bars.rows.get(i) ?? 0 })),
    };
    if (attr.values?.length) {
      const t = tally<unknown>(snap, index, audience, entity, (row) => (finite(row[name]) ? row[name] : undefined));
      Object.assign(stats, topValues(t, attr));
    }
    return stats;
  }

  if (attr.type === 'date') {
    // Each value parsed once.
    const days: (number | undefined)[] = new Array<number | undefined>(rows.length).fill(undefined);
    let min: number | undefined;
    let max: number | undefined;
    let nulls = 0;
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i]?.[name];
      const t = typeof v === 'string' ? parseIsoDate(v) : undefined;
      if (t === undefined) {
        nulls++;
        continue;
      }
      days[i] = utcDay(t);
      if (min === undefined || t < min) min = t;
      if (max === undefined || t > max) max = t;
    }
    const minDay = min === undefined ? 0 : utcDay(min);
    const maxDay = max === undefined ? 0 : utcDay(max);
    const { unit, bins } = min === undefined ? { unit: 'month' as const, bins: [] } : dateHistogram(minDay, maxDay);
    const starts = bins.map((b) => utcDay(parseIsoDate(b.from)!));
    const bars = tally<number | typeof EMPTY>(snap, index, audience, entity, (_row, i) => {
      const d = days[i];
      if (d === undefined) return EMPTY;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= d) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    });
    return {
      type: 'date',
      total: rows.length,
      nulls,
      min: min === undefined ? null : new Date(min).toISOString(),
      max: max === undefined ? null : new Date(max).toISOString(),
      ...common,
      empty: bars.customers.get(EMPTY) ?? 0,
      unit,
      histogram: bins.map((b, i): DateHistogramBin => ({ ...b, count: bars.customers.get(i) ?? 0, rows: bars.rows.get(i) ?? 0 })),
    };
  }

  // Strings and booleans: the values themselves (empty ones apart).
  const t = tally<unknown>(snap, index, audience, entity, (row) => (isEmptyValue(row[name]) ? EMPTY : row[name]));
  const empty = emptyOf(t);
  t.rows.delete(EMPTY);
  t.customers.delete(EMPTY);
  const { top, distinct } = topValues(t, attr);
  const stats: AttributeStats = {
    type: attr.type === 'boolean' ? 'boolean' : 'string',
    total: rows.length,
    nulls: rows.length - [...t.rows.values()].reduce((a, b) => a + b, 0),
    distinct,
    top,
    ...common,
    empty,
  };
  if (attr.type === 'boolean') stats.counts = { true: t.customers.get(true) ?? 0, false: t.customers.get(false) ?? 0, empty };
  return stats;
}
