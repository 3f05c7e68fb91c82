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

function tally<K>(snap: DataSnapshot, audience: EntityDef, entity: string, bucketsOf: (row: Row, i: number) => K | undefined): Tally<K> {
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
  const seen = new Set<string>();
  const hit = new Set<K>();
  for (const row of snap.rows(audience.name)) {
    const key = keyOf(row?.[audience.key]);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    hit.clear();
    for (const i of snap.linkedRows(key, entity)) {
      const k = buckets[i];
      if (k !== undefined) hit.add(k);
    }
    for (const k of hit) out.customers.set(k, (out.customers.get(k) ?? 0) + 1);
  }
  return out;
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
export function numericHistogram(sorted: readonly number[], bars = HISTOGRAM_BARS): { from: number; to: number }[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [{ from: min, to: max }];
  const p98 = sorted[Math.min(sorted.length - 1, Math.ceil(0.98 * sorted.length) - 1)]!;
  const tail = p98 > min && max - min > 3 * (p98 - min);
  const top = tail ? p98 : max;
  const integers = sorted.every((v) => Number.isInteger(v));
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
    const values: number[] = [];
    for (const row of rows) {
      const v = row?.[name];
      if (finite(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const nulls = rows.length - values.length;
    const pct = (p: number) =>
      values.length ? values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]! : null;
    const bounds = numericHistogram(values);
    const bars = tally(snap, audience, entity, (row) => {
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
      const t = tally<unknown>(snap, audience, entity, (row) => (finite(row[name]) ? row[name] : undefined));
      Object.assign(stats, topValues(t, attr));
    }
    return stats;
  }

  if (attr.type === 'date') {
    const days: (number | undefined)[] = rows.map((row) => {
      const v = row?.[name];
      const t = typeof v === 'string' ? parseIsoDate(v) : undefined;
      return t === undefined ? undefined : utcDay(t);
    });
    let min: number | undefined;
    let max: number | undefined;
    let minDay = Infinity;
    let maxDay = -Infinity;
    rows.forEach((row, i) => {
      const d = days[i];
      if (d === undefined) return;
      const t = parseIsoDate(row[name] as string)!;
      if (min === undefined || t < min) min = t;
      if (max === undefined || t > max) max = t;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    });
    const { unit, bins } = min === undefined ? { unit: 'month' as const, bins: [] } : dateHistogram(minDay, maxDay);
    const starts = bins.map((b) => utcDay(parseIsoDate(b.from)!));
    const bars = tally<number | typeof EMPTY>(snap, audience, entity, (_row, i) => {
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
      nulls: days.filter((d) => d === undefined).length,
      min: min === undefined ? null : new Date(min).toISOString(),
      max: max === undefined ? null : new Date(max).toISOString(),
      ...common,
      empty: bars.customers.get(EMPTY) ?? 0,
      unit,
      histogram: bins.map((b, i): DateHistogramBin => ({ ...b, count: bars.customers.get(i) ?? 0, rows: bars.rows.get(i) ?? 0 })),
    };
  }

  // Strings and booleans: the values themselves (empty ones apart).
  const t = tally<unknown>(snap, audience, entity, (row) => (isEmptyValue(row[name]) ? EMPTY : row[name]));
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
