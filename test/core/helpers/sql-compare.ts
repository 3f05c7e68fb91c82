/**
 * The differential loop the SQL tests share (PGlite, a PostgreSQL server, DuckDB): fixed-seed
 * random segments, each compiled by `toSQL` and run by `run`, must give the memory engine's
 * members in key order, and every fourth its per-rule counts. Asserts that enough segments
 * split the audience for the comparison to mean something.
 */
import assert from 'node:assert/strict';
import { evaluateSegment, explainMember, type Dataset, type Explanation } from '../../../src/core/evaluate/index.js';
import { toInstant } from '../../../src/core/model/dates.js';
import type { Catalog, SegmentDocument } from '../../../src/core/model/types.js';
import type { SegmentProvider } from '../../../src/core/provider/types.js';
import { countResult, explainSQL, toSQL, type ToSqlOptions } from '../../../src/core/sql/index.js';
import { NOWS } from './sql-data.js';
import { SegmentGenerator, rng } from './sql-segments.js';

export interface CompareOptions {
  dataset: Dataset;
  referenced: readonly SegmentDocument[];
  count: number;
  seed: number;
  /** Runs one query and returns its rows. */
  run: (text: string, params: unknown[]) => Promise<readonly Record<string, unknown>[]>;
  /** The `toSQL` options of segment `n` (dialect, tables, snapshot table), besides `now` and `segments`. */
  options: (n: number) => ToSqlOptions;
  /** Check that every generated segment validates (the PGlite suite does). */
  validate?: (doc: SegmentDocument) => void;
}

/**
 * An explanation in a form both engines give alike: dates (written as the data has them by
 * the memory engine, as ISO instants by SQL) as epoch ms, sums and averages to 9 digits.
 */
export function comparable(e: Explanation): unknown {
  const v = (x: unknown) => {
    if (typeof x === 'string' && /^\d{4}-\d\d-\d\d/.test(x)) return toInstant(x) ?? x;
    if (typeof x === 'number' && !Number.isInteger(x)) return Number(x.toPrecision(9));
    return x;
  };
  return {
    ...e,
    rules: e.rules.map((r) => ({
      ...r,
      nodes: r.nodes.map((n) => ({
        ...n,
        ...(n.values ? { values: n.values.map(v) } : {}),
        ...(n.aggregateValue !== undefined ? { aggregateValue: v(n.aggregateValue) } : {}),
      })),
    })),
  };
}

export async function compareRandomSegments(
  o: CompareOptions,
): Promise<{ compared: number; nontrivial: number; counts: number; explained: number }> {
  const gen = new SegmentGenerator(
    o.dataset,
    rng(o.seed),
    o.referenced.map((s) => s.id!),
  );
  const audience = o.dataset.data['Customer']!.length;
  let nontrivial = 0;
  let counts = 0;
  let explained = 0;
  const customers = o.dataset.data['Customer']!;
  for (let n = 0; n < o.count; n++) {
    const doc = gen.segment(n);
    o.validate?.(doc);
    const now = NOWS[n % NOWS.length]!;
    const options: ToSqlOptions = { ...o.options(n), now, segments: o.referenced };
    const expected = evaluateSegment(doc, o.dataset, { now, segments: o.referenced });
    const q = toSQL(doc, o.dataset.catalog, options);
    const keys = (await o.run(q.text, q.params)).map((r) => String(r['CustomerId']));
    assert.deepEqual(keys, expected.members, `segment ${n} (now ${now}): ${JSON.stringify(doc)}`);
    if (expected.total > 0 && expected.total < audience) nontrivial++;
    if (n % 4 === 0) {
      const c = toSQL(doc, o.dataset.catalog, { ...options, select: 'count' });
      assert.deepEqual(
        countResult(await o.run(c.text, c.params)),
        { total: expected.total, rules: expected.rules },
        `counts of segment ${n}: ${JSON.stringify(doc)}`,
      );
      counts++;
    }
    if (n % 4 === 1) {
      // explain, computed in SQL: a member, a customer who is not, one of the edge rows, and an unknown key.
      const outside = customers.find((c) => !expected.members.includes(String(c['CustomerId'])));
      const keys = [
        expected.members[n % Math.max(1, expected.members.length)],
        outside?.['CustomerId'],
        customers[customers.length - 1 - (n % 40)]!['CustomerId'],
        'nobody',
      ];
      for (const k of keys) {
        if (k === undefined) continue;
        const key = typeof k === 'string' ? k : JSON.stringify(k);
        const e = explainSQL(doc, o.dataset.catalog, key, options);
        const got = e.read(await o.run(e.text, e.params));
        const want = explainMember(doc, o.dataset, key, { now, segments: o.referenced });
        assert.deepEqual(comparable(got), comparable(want), `explain ${key} in segment ${n} (now ${now}): ${JSON.stringify(doc)}`);
        explained++;
      }
    }
  }
  // The comparison means something only when segments split the audience.
  assert.ok(nontrivial > o.count * 0.4, `${nontrivial} of ${o.count} segments select some but not all customers`);
  return { compared: o.count, nontrivial, counts, explained };
}

/**
 * `attributeStats` of a SQL provider against the memory provider's, for every attribute of
 * every entity of the catalog: deep-equal, but for the mean, which the database may sum in
 * another order: it must agree to 1e-9 of its size (`MEAN_TOLERANCE`).
 */
export const MEAN_TOLERANCE = 1e-9;

export async function compareAttributeStats(
  catalog: Catalog,
  sql: Pick<SegmentProvider, 'attributeStats'>,
  memory: Pick<SegmentProvider, 'attributeStats'>,
  where: string,
): Promise<{ compared: number; related: number }> {
  let compared = 0;
  let related = 0;
  for (const e of catalog.entities) {
    for (const a of e.attributes) {
      const what = `${where}: ${e.name}.${a.name}`;
      const expected = await memory.attributeStats!(e.name, a.name);
      const got = await sql.attributeStats!(e.name, a.name);
      if (expected.type === 'number' && got.type === 'number' && expected.mean !== null && got.mean !== null) {
        const off = Math.abs(got.mean - expected.mean);
        assert.ok(off <= MEAN_TOLERANCE * Math.max(1, Math.abs(expected.mean)), `${what}: mean ${got.mean}, not ${expected.mean}`);
        assert.deepEqual({ ...got, mean: 0 }, { ...expected, mean: 0 }, what);
      } else assert.deepEqual(got, expected, what);
      compared++;
      if (expected.related) related++;
    }
  }
  return { compared, related };
}
