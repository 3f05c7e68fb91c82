/**
 * The SQL provider's `attributeStats`: the memory provider's answer (`../memory/stats.ts`),
 * computed in the database, for every attribute type, for the audience and for related
 * entities (any number of hops along the catalog's relationship path).
 *
 * - A value's (or bar's) `count` is customers: for the audience, its rows; for a related
 *   entity, the distinct audience keys reached from the rows holding it, joined hop by
 *   hop from the audience as the compiler joins them. `rows` counts the entity's rows.
 * - Percentiles are nearest-rank (the value at rank ⌈p·n⌉ of the sorted values): the
 *   ranks are worked out here in JavaScript, as the memory provider works them out, and
 *   read with `row_number()`, so both dialects give the memory provider's values exactly.
 * - Histogram bounds come from the memory provider's own `numericHistogram` and
 *   `dateHistogram`, fed what they read of the data (min, max, the 98th percentile and
 *   whether every value is whole), computed in SQL; the bars are then counted in SQL with
 *   those bounds as parameters. So the bounds are identical, bit for bit.
 * - The top values are ordered by customers, rows, then the memory provider's `compare`
 *   (case-insensitive) in JavaScript, over the candidates SQL returns: the first ten plus
 *   everything tied with the tenth on customers and rows (at most `MAX_TIED_CANDIDATES`).
 * - The mean is the database's `avg`, which may sum in another order than the memory
 *   provider does: it can differ in the last bits.
 * - Values that differ only in case and tie on customers and rows come in byte order of
 *   the value (the memory provider keeps them in the order of their first rows, which a
 *   table does not have). SQL compares -0 equal to 0 (and drivers may send -0 as 0), so
 *   where the memory provider answers -0 this may answer 0.
 *
 * Every identifier comes from the catalog through `Names` (quoted by the dialect); every
 * value the queries compare with is a parameter.
 */
import type { CatalogIndex, PathStep } from '../../core/model/catalog.js';
import { DAY_MS, parseIsoDate, utcDay } from '../../core/model/dates.js';
import type { AttributeDef, EntityDef } from '../../core/model/types.js';
import { compare } from '../../core/provider/sort.js';
import type { AttributeStats, AttributeValueStat, DateHistogramBin, HistogramBin } from '../../core/provider/types.js';
import { Params, type Dialect } from '../../core/sql/dialect.js';
import type { Names } from '../../core/sql/names.js';
import { dateHistogram, numericHistogram, TOP_VALUES } from '../memory/stats.js';

/** The tied candidates for the last places of `top` read at most (beyond, SQL's case-insensitive order picks them). */
export const MAX_TIED_CANDIDATES = 10_000;

type Rows = readonly Record<string, unknown>[];

export interface SqlStatsContext {
  index: CatalogIndex;
  names: Names;
  dialect: Dialect;
  /** Runs one read-only query (the provider's, with its timeout, abort and error handling). */
  read(text: string, params: readonly unknown[], signal: AbortSignal | undefined): Promise<Rows>;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const int = (v: unknown): number => Number(v ?? 0);

/** A value as the memory provider holds it: numbers as numbers (drivers give bigints and numeric strings). */
function valueOf(v: unknown, type: AttributeDef['type']): unknown {
  if (type === 'number') return num(v);
  if (type === 'boolean' && typeof v !== 'boolean') return v === null || v === undefined ? null : v === true || v === 't' || v === 'true';
  return v;
}

/**
 * How the rows of the entity fall into buckets: `key` (SQL over the table's alias) is the
 * bucket, NULL when the row is empty or counted in no bucket; `empty` is true for rows
 * that count as empty.
 */
interface Bucketing {
  key: string;
  empty: string;
}

class StatsQuery {
  readonly params: Params;
  readonly audience: EntityDef;
  readonly table: string;

  constructor(
    readonly ctx: SqlStatsContext,
    readonly entity: EntityDef,
    readonly attr: AttributeDef,
  ) {
    this.params = new Params(ctx.dialect);
    this.audience = ctx.index.entity(ctx.index.audience)!;
    this.table = ctx.names.table(entity);
  }

  /** The attribute's column on the entity's table, aliased `t`. */
  get column(): string {
    return `t.${this.ctx.names.column(this.entity, this.attr.name).sql}`;
  }

  /** A finite number of the column, else NULL (NaN and ±Infinity are no values, as in the memory provider; `x - x` is NaN for them). */
  get finite(): string {
    const c = this.column;
    return `CASE WHEN ${c} - ${c} = 0 THEN ${this.ctx.dialect.cast(`(${c})`, 'number')} END`;
  }

  /** Audience members in the data: distinct keys, and each row without a key. */
  customers(): string {
    const key = `a.${this.ctx.names.keyColumn(this.audience, this.audience.key)}`;
    return `(SELECT CAST(count(DISTINCT ${key}) + count(*) - count(${key}) AS integer) FROM ${this.ctx.names.table(this.audience)} AS a)`;
  }

  /**
   * `FROM` the audience (`a0`) joined hop by hop to the entity (`t`), with the audience key
   * as `m`; undefined when no relationship path links them (then no row has a customer).
   */
  private linked(): { from: string; member: string } | undefined {
    const { index, names } = this.ctx;
    const steps: PathStep[] | undefined = index.path(this.audience.name, this.entity.name);
    if (!steps || steps.length === 0) return undefined;
    const entityOf = (name: string) => index.entity(name)!;
    const joins = [`FROM ${names.table(this.audience)} AS a0`];
    steps.forEach((s, i) => {
      const to = entityOf(s.to);
      const alias = i === steps.length - 1 ? 't' : `a${i + 1}`;
      joins.push(
        `JOIN ${names.table(to)} AS ${alias} ON ${alias}.${names.keyColumn(to, s.toAttribute)} = a${i}.${names.keyColumn(entityOf(s.from), s.fromAttribute)}`,
      );
    });
    return { from: joins.join('\n'), member: `a0.${names.keyColumn(this.audience, this.audience.key)}` };
  }

  /**
   * A CTE body with one row per bucket: `k` (NULL for the empty bucket), `e` (1 for the
   * empty bucket), `rows` and `customers`.
   */
  groups(b: Bucketing): string {
    const bucket = (from: string, extra = '') => `SELECT ${b.key} AS k, CASE WHEN ${b.empty} THEN 1 ELSE 0 END AS e${extra}\n${from}`;
    const kept = `WHERE s.e = 1 OR s.k IS NOT NULL`;
    const own = bucket(`FROM ${this.table} AS t`);
    if (this.entity.name === this.audience.name)
      return `SELECT s.k, s.e, count(*) AS nr, count(*) AS nc FROM (\n${own}\n) AS s ${kept} GROUP BY s.k, s.e`;
    const linked = this.linked();
    const rows = `SELECT s.k, s.e, count(*) AS nr, 0 AS nc FROM (\n${own}\n) AS s ${kept} GROUP BY s.k, s.e`;
    if (!linked) return rows;
    const customers = `SELECT s.k, s.e, 0 AS nr, count(DISTINCT s.m) AS nc FROM (\n${bucket(linked.from, `, ${linked.member} AS m`)}\n) AS s ${kept} GROUP BY s.k, s.e`;
    return `SELECT u.k, u.e, sum(u.nr) AS nr, sum(u.nc) AS nc FROM (\n${rows}\nUNION ALL\n${customers}\n) AS u GROUP BY u.k, u.e`;
  }

  run(text: string, signal: AbortSignal | undefined): Promise<Rows> {
    return this.ctx.read(text, this.params.values, signal);
  }
}

/** The top values (customers, then rows, then `compare`), labelled from the enumeration. */
function topOf(rows: Rows, attr: AttributeDef): AttributeValueStat[] {
  const labels = new Map<unknown, string | undefined>((attr.values ?? []).map((o) => [o.value, o.label]));
  const list = rows.map((r) => ({ value: valueOf(r.k, attr.type), count: int(r.nc), rows: int(r.nr) }));
  list.sort((x, y) => y.count - x.count || y.rows - x.rows || compare(x.value, y.value));
  return list.slice(0, TOP_VALUES).map((v) => {
    const label = labels.get(v.value);
    return label === undefined ? { value: v.value, count: v.count, rows: v.rows } : { value: v.value, label, count: v.count, rows: v.rows };
  });
}

/**
 * The values' groups that can make the top ten — the first ten by customers and rows, and
 * those tied with the tenth — with `distinct` (how many values), `total` (the entity's
 * rows) and the empty bucket (`e` = 1) beside them.
 */
async function valueGroups(
  q: StatsQuery,
  b: Bucketing,
  signal: AbortSignal | undefined,
): Promise<{ values: Rows; empty: Record<string, unknown> | undefined; distinct: number; total: number }> {
  const { dialect } = q.ctx;
  const text = dialect.binaryOrder('CAST(g.k AS VARCHAR)');
  const lower = dialect.binaryOrder('lower(CAST(g.k AS VARCHAR))');
  const rows = await q.run(
    `WITH g AS (\n${q.groups(b)}\n),
v AS (SELECT g.k, g.nr, g.nc, row_number() OVER (ORDER BY g.nc DESC, g.nr DESC, ${lower}, ${text}) AS pos FROM g WHERE g.e = 0),
b AS (SELECT v.nr, v.nc FROM v WHERE v.pos = ${TOP_VALUES})
SELECT v.k, 0 AS e, CAST(v.nr AS integer) AS nr, CAST(v.nc AS integer) AS nc,
  (SELECT CAST(count(*) AS integer) FROM v) AS "distinct", (SELECT CAST(sum(g.nr) AS integer) FROM g) AS total
FROM v
WHERE v.pos <= ${TOP_VALUES} OR (v.pos <= ${TOP_VALUES + MAX_TIED_CANDIDATES} AND EXISTS (SELECT 1 FROM b WHERE b.nr = v.nr AND b.nc = v.nc))
UNION ALL
SELECT NULL, 1, CAST(g.nr AS integer), CAST(g.nc AS integer), (SELECT CAST(count(*) AS integer) FROM v), (SELECT CAST(sum(g.nr) AS integer) FROM g)
FROM g WHERE g.e = 1`,
    signal,
  );
  const empty = rows.find((r) => int(r.e) === 1);
  return {
    values: rows.filter((r) => int(r.e) === 0),
    empty,
    distinct: int(rows[0]?.distinct),
    total: int(rows[0]?.total),
  };
}

/** Every bucket's customers and rows (histograms: a few dozen buckets at most), and the empty bucket's customers. */
async function tally(q: StatsQuery, b: Bucketing, signal: AbortSignal | undefined) {
  const rows = await q.run(
    `SELECT g.k, g.e, CAST(g.nr AS integer) AS nr, CAST(g.nc AS integer) AS nc FROM (\n${q.groups(b)}\n) AS g`,
    signal,
  );
  const customers = new Map<number, number>();
  const counted = new Map<number, number>();
  let empty = 0;
  for (const r of rows) {
    if (int(r.e) === 1) empty = int(r.nc);
    else {
      customers.set(int(r.k), int(r.nc));
      counted.set(int(r.k), int(r.nr));
    }
  }
  return { customers, rows: counted, empty };
}

/** `CASE` giving the index of the last bound `value` reaches (bounds ascending), NULL for NULL. */
function barIndex(q: StatsQuery, value: string, bounds: readonly number[], type: 'number' | 'epoch', outside?: string): string {
  const whens = bounds
    .map((bound, i) => ({ bound, i }))
    .slice(1)
    .reverse()
    .map(({ bound, i }) => `WHEN ${value} >= ${q.params.add(bound, type)} THEN ${i}`);
  return `CASE WHEN ${value} IS NULL THEN NULL${outside ? ` WHEN ${outside} THEN NULL` : ''} ${whens.join(' ')} ELSE 0 END`;
}

/**
 * What `numericHistogram` reads of its sorted values: the first, the last, the one at its
 * 98th-percentile rank and whether every value is whole. This sample of 100 sorted values
 * has the data's min, max and 98th percentile there, and a fractional value of the data
 * (when there is one) where it sorts, so the bounds come out as over the data itself.
 */
function histogramSample(min: number, max: number, p98: number, fraction: number | null): number[] {
  const size = 100;
  const at = Math.min(size - 1, Math.ceil(0.98 * size) - 1);
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = i === 0 ? min : i < at ? min : i < size - 1 ? p98 : max;
  if (fraction !== null) {
    if (fraction <= p98) for (let i = 1; i < at; i++) out[i] = fraction;
    else for (let i = at + 1; i < size - 1; i++) out[i] = fraction;
  }
  return out;
}

/** The nearest rank (1-based) of percentile `p` among `n` values, as the memory provider picks it. */
const rankOf = (p: number, n: number) => Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1)) + 1;

const PERCENTILES = [5, 25, 50, 75, 95] as const;

async function numberStats(q: StatsQuery, common: Common, signal: AbortSignal | undefined): Promise<AttributeStats> {
  const finite = q.finite;
  const [s] = await q.run(
    `SELECT CAST(count(*) AS integer) AS total, CAST(count(s.f) AS integer) AS n, min(s.f) AS min, max(s.f) AS max, avg(s.f) AS mean,
  min(CASE WHEN s.f <> floor(s.f) THEN s.f END) AS fraction, ${q.customers()} AS customers
FROM (SELECT ${finite} AS f FROM ${q.table} AS t) AS s`,
    signal,
  );
  const n = int(s?.n);
  const total = int(s?.total);
  const customers = int(s?.customers);
  const min = num(s?.min);
  const max = num(s?.max);
  const at = new Map<number, number>();
  if (n > 0) {
    const ranks = [...new Set([...PERCENTILES, 98].map((p) => rankOf(p, n)))];
    const ranked = new StatsQuery(q.ctx, q.entity, q.attr);
    const f = ranked.finite;
    const list = ranks.map((r) => ranked.params.add(r, 'number')).join(', ');
    const rows = await ranked.run(
      `SELECT CAST(r.rn AS integer) AS rn, r.f FROM (
  SELECT s.f, row_number() OVER (ORDER BY s.f) AS rn FROM (SELECT ${f} AS f FROM ${q.table} AS t) AS s WHERE s.f IS NOT NULL
) AS r WHERE r.rn IN (${list})`,
      signal,
    );
    for (const r of rows) at.set(int(r.rn), Number(r.f));
  }
  const pct = (p: number) => (n ? (at.get(rankOf(p, n)) ?? null) : null);
  const bounds = n && min !== null && max !== null ? numericHistogram(histogramSample(min, max, pct(98)!, num(s?.fraction))) : [];
  const bars = new StatsQuery(q.ctx, q.entity, q.attr);
  let histogram: HistogramBin[] = [];
  let empty: number;
  if (bounds.length) {
    const f = `(${bars.finite})`;
    const lo = bars.params.add(bounds[0]!.from, 'number');
    const hi = bars.params.add(bounds[bounds.length - 1]!.to, 'number');
    const key = barIndex(
      bars,
      f,
      bounds.map((b) => b.from),
      'number',
      `${f} < ${lo} OR ${f} > ${hi}`,
    );
    const t = await tally(bars, { key, empty: `${f} IS NULL` }, signal);
    histogram = bounds.map((b, i) => ({ ...b, count: t.customers.get(i) ?? 0, rows: t.rows.get(i) ?? 0 }));
    empty = t.empty;
  } else {
    empty = (await tally(bars, { key: 'NULL', empty: 'TRUE' }, signal)).empty;
  }
  const stats: AttributeStats = {
    type: 'number',
    total,
    nulls: total - n,
    min,
    max,
    mean: num(s?.mean),
    percentiles: Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, pct(p)])),
    ...common,
    customers,
    empty,
    histogram,
  };
  if (q.attr.values?.length) {
    const values = new StatsQuery(q.ctx, q.entity, q.attr);
    const g = await valueGroups(values, { key: values.finite, empty: 'FALSE' }, signal);
    Object.assign(stats, { top: topOf(g.values, q.attr), distinct: g.distinct });
  }
  return stats;
}

async function dateStats(q: StatsQuery, common: Common, signal: AbortSignal | undefined): Promise<AttributeStats> {
  const epoch = q.ctx.dialect.epoch(q.column);
  const [s] = await q.run(
    `SELECT CAST(count(*) AS integer) AS total, CAST(count(s.e) AS integer) AS n, min(s.e) AS min, max(s.e) AS max, ${q.customers()} AS customers
FROM (SELECT ${epoch} AS e FROM ${q.table} AS t) AS s`,
    signal,
  );
  const total = int(s?.total);
  const n = int(s?.n);
  // Seconds (numeric in PostgreSQL, double in DuckDB) to the millisecond the memory provider reads.
  const ms = (v: unknown) => (v === null || v === undefined ? undefined : Math.round(Number(v) * 1000));
  const min = ms(s?.min);
  const max = ms(s?.max);
  const { unit, bins } =
    min === undefined || max === undefined ? { unit: 'month' as const, bins: [] } : dateHistogram(utcDay(min), utcDay(max));
  const bars = new StatsQuery(q.ctx, q.entity, q.attr);
  const starts = bins.map((b) => (utcDay(parseIsoDate(b.from)!) * DAY_MS) / 1000);
  const e = `(${q.ctx.dialect.epoch(bars.column)})`;
  const t = await tally(bars, { key: bins.length ? barIndex(bars, e, starts, 'epoch') : 'NULL', empty: `${bars.column} IS NULL` }, signal);
  return {
    type: 'date',
    total,
    nulls: total - n,
    min: min === undefined ? null : new Date(min).toISOString(),
    max: max === undefined ? null : new Date(max).toISOString(),
    ...common,
    customers: int(s?.customers),
    empty: t.empty,
    unit,
    histogram: bins.map((b, i): DateHistogramBin => ({ ...b, count: t.customers.get(i) ?? 0, rows: t.rows.get(i) ?? 0 })),
  };
}

async function valueStats(q: StatsQuery, common: Common, signal: AbortSignal | undefined): Promise<AttributeStats> {
  const c = q.column;
  const boolean = q.attr.type === 'boolean';
  const b: Bucketing = boolean ? { key: c, empty: `${c} IS NULL` } : { key: `NULLIF(${c}, '')`, empty: `(${c} IS NULL OR ${c} = '')` };
  const [[totals], g] = await Promise.all([q.ctx.read(`SELECT ${q.customers()} AS customers`, [], signal), valueGroups(q, b, signal)]);
  const empty = int(g.empty?.nc);
  const top = topOf(g.values, q.attr);
  const stats: AttributeStats = {
    type: boolean ? 'boolean' : 'string',
    total: g.total,
    nulls: int(g.empty?.nr),
    distinct: g.distinct,
    top,
    ...common,
    customers: int(totals?.customers),
    empty,
  };
  if (boolean) {
    const of = (v: boolean) => top.find((x) => x.value === v)?.count ?? 0;
    stats.counts = { true: of(true), false: of(false), empty };
  }
  return stats;
}

interface Common {
  related: boolean;
}

/** `attributeStats(entity, attribute)` in SQL: the memory provider's answer (see the top of this file). */
export function sqlAttributeStats(
  ctx: SqlStatsContext,
  entity: EntityDef,
  attr: AttributeDef,
  signal: AbortSignal | undefined,
): Promise<AttributeStats> {
  const q = new StatsQuery(ctx, entity, attr);
  const common: Common = { related: entity.name !== ctx.index.audience };
  if (attr.type === 'number') return numberStats(q, common, signal);
  if (attr.type === 'date') return dateStats(q, common, signal);
  return valueStats(q, common, signal);
}
