/**
 * The differential loop the SQL tests share (PGlite, a PostgreSQL server, DuckDB): fixed-seed
 * random segments, each compiled by `toSQL` and run by `run`, must give the memory engine's
 * members in key order, and every fourth its per-rule counts. Asserts that enough segments
 * split the audience for the comparison to mean something.
 */
import assert from 'node:assert/strict';
import { evaluateSegment, type Dataset } from '../../../src/core/evaluate/index.js';
import type { SegmentDocument } from '../../../src/core/model/types.js';
import { countResult, toSQL, type ToSqlOptions } from '../../../src/core/sql/index.js';
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

export async function compareRandomSegments(o: CompareOptions): Promise<{ compared: number; nontrivial: number; counts: number }> {
  const gen = new SegmentGenerator(
    o.dataset,
    rng(o.seed),
    o.referenced.map((s) => s.id!),
  );
  const audience = o.dataset.data['Customer']!.length;
  let nontrivial = 0;
  let counts = 0;
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
  }
  // The comparison means something only when segments split the audience.
  assert.ok(nontrivial > o.count * 0.4, `${nontrivial} of ${o.count} segments select some but not all customers`);
  return { compared: o.count, nontrivial, counts };
}
