/**
 * `createSqlProvider` on PGlite (and DuckDB for the queries that differ): the same answers
 * as the memory provider over the same rows — counts with per-rule numbers, member pages
 * with sort and projections, suggestions, attribute statistics — and a segment store in
 * tables that survives a restart, with static snapshots a compiled query reads back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import { SegmentProviderError, type SegmentDocument } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromPGlite, type SqlProvider } from '../../src/providers/sql/index.js';
import { comparable } from './helpers/sql-compare.js';
import { DECLARED, loadDatabase, testDataset } from './helpers/sql-data.js';

const NOW = '2026-11-01T12:00:00.000Z';
const dataset = testDataset(400);

const highValue: SegmentDocument = {
  schemaVersion: 1,
  id: 'high-value',
  name: 'HighValue',
  displayName: 'High value',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: {
        kind: 'related',
        entity: 'Order',
        match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 300 },
      },
    },
    {
      id: 'r2',
      setOperator: 'except',
      where: { kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' },
    },
  ],
  projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
};

describe('createSqlProvider on PGlite', () => {
  let db: PGlite;
  let sql: SqlProvider;
  const memory = createMemoryProvider({ catalog: dataset.catalog, data: dataset.data, now: NOW });

  before(async () => {
    db = await loadDatabase(dataset);
    sql = createSqlProvider({ catalog: dataset.catalog, connection: fromPGlite(db), tables: DECLARED, now: NOW });
  });
  after(async () => {
    await db.close();
  });

  it('counts with the per-rule breakdown the memory provider gives', async () => {
    assert.deepEqual(await sql.count(highValue), await memory.count(highValue));
  });

  it('pages, sorts and projects members as the memory provider does', async () => {
    for (const opts of [
      { limit: 7 },
      { offset: 3, limit: 5, sort: { key: 'City', direction: 'desc' as const } },
      { limit: 4, sort: '-Order.TotalAmount' },
    ]) {
      const a = await sql.members(highValue, opts);
      const b = await memory.members(highValue, opts);
      assert.equal(a.total, b.total, 'total');
      assert.deepEqual(a.columns, b.columns, 'columns');
      assert.deepEqual(
        a.rows.map((r) => r.CustomerId),
        b.rows.map((r) => r.CustomerId),
        `the same members in the same order for ${JSON.stringify(opts)}`,
      );
      for (const [i, row] of a.rows.entries()) {
        const other = b.rows[i]!;
        assert.equal(row['Order.TotalAmount'], other['Order.TotalAmount'], 'the projected value');
        assert.equal(typeof row.CustomerId, typeof other.CustomerId);
      }
    }
  });

  it('suggests values with counts, in the memory provider order, with a search', async () => {
    for (const [entity, attribute, query] of [
      ['Customer', 'City', undefined],
      ['Customer', 'City', 'an'],
      ['Order', 'Status', undefined],
      ['Customer', 'LoyaltyTier', 'g'],
    ] as const) {
      const opts = { limit: 8, ...(query ? { query } : {}) };
      assert.deepEqual(
        await sql.suggestValues(entity, attribute, opts),
        await memory.suggestValues(entity, attribute, opts),
        `${entity}.${attribute} ${query ?? ''}`,
      );
    }
  });

  it('gives the memory provider’s attribute statistics for text, numbers, dates and booleans (all of them: sql-stats.test.ts)', async () => {
    for (const [entity, attribute] of [
      ['Customer', 'City'],
      ['Order', 'TotalAmount'],
      ['Order', 'OrderDate'],
      ['Customer', 'DoNotContact'],
    ] as const) {
      const a = await sql.attributeStats(entity, attribute);
      const b = await memory.attributeStats(entity, attribute);
      if (a.type === 'number' && b.type === 'number') {
        assert.ok(Math.abs((a.mean ?? 0) - (b.mean ?? 0)) < 1e-6, 'the mean');
        assert.deepEqual({ ...a, mean: 0 }, { ...b, mean: 0 }, `${entity}.${attribute}`);
      } else assert.deepEqual(a, b, `${entity}.${attribute}`);
    }
  });

  it('refuses an invalid document with the JSON path, and an unknown attribute', async () => {
    const bad = {
      ...highValue,
      rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }],
    };
    await assert.rejects(
      sql.count(bad as SegmentDocument),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'invalid-segment' && /\/rules\/0/.test(e.message),
    );
    await assert.rejects(
      sql.suggestValues('Customer', 'Nope'),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'invalid-argument',
    );
  });

  it('keeps segments in tables: saved, refreshed into the trend, static snapshots read by other segments, and all of it after a restart', async () => {
    const saved = await sql.saveSegment({ ...highValue, id: undefined, state: 'active' });
    const expected = (await memory.count(highValue)).total;
    assert.equal(saved.memberCount, expected, 'the refresh counted in SQL');
    const fixed = await sql.saveSegment({ ...highValue, id: 'fixed', name: 'Fixed', type: 'static', state: 'active' });
    assert.equal(fixed.memberCount, expected);
    const uses: SegmentDocument = { schemaVersion: 1, name: 'UsesFixed', audience: 'Customer', rules: [{ segment: 'fixed' }] };
    assert.equal((await sql.count(uses)).total, expected, 'a static segment is read from the members table');

    const again = createSqlProvider({ catalog: dataset.catalog, connection: fromPGlite(db), tables: DECLARED, now: NOW });
    const listed = await again.listSegments({ sort: 'name' });
    assert.deepEqual(
      listed.items.map((s) => [s.id, s.memberCount]),
      [
        ['fixed', expected],
        [saved.id, expected],
      ],
    );
    assert.equal((await again.trend(saved.id)).length, 1, 'the refresh is in the trend');
    assert.equal((await again.count(uses)).total, expected, 'the snapshot survives the restart');
    await again.deleteSegments(['fixed', saved.id]);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM segment_kit_members');
    assert.equal(rows.rows[0]?.n, 0, "the snapshot's rows are deleted with it");
  });

  it('explains a member in SQL as the memory provider does: each rule, node, linked row count, aggregate and deciding value', async () => {
    const keys = (await memory.members(highValue, { limit: 2 })).rows.map((r) => String(r['CustomerId']));
    const outside = dataset.data['Customer']!.map((c) => String(c['CustomerId'])).find((k) => !keys.includes(k))!;
    const nested: SegmentDocument = {
      schemaVersion: 1,
      name: 'Nested',
      audience: 'Customer',
      rules: [
        {
          where: {
            kind: 'related',
            entity: 'Order',
            match: { quantifier: 'atLeast', count: 1 },
            where: {
              kind: 'group',
              combinator: 'or',
              children: [
                { kind: 'condition', entity: 'Order', attribute: 'Status', operator: 'equals', value: 'completed' },
                { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 100 },
              ],
            },
          },
        },
      ],
    };
    for (const doc of [highValue, nested])
      for (const key of [...keys, outside, 'no such customer']) {
        const got = await sql.explain(doc, key);
        assert.deepEqual(comparable(got), comparable(await memory.explain(doc, key)), `${doc.name} ${key}`);
      }
    const e = await sql.explain(highValue, keys[0]!);
    assert.equal(e.member, true, 'a member is explained as one');
    assert.equal(typeof e.rules[0]!.nodes[0]!.aggregateValue, 'number', 'with the sum that decided it');
    assert.equal((await sql.explain(highValue, 'no such customer')).found, false, 'an unknown key is not found');
  });

  it('shows the SQL it runs, with values as parameters', () => {
    const q = sql.sql({ ...highValue, displayName: `x'); DROP TABLE "Customer"; --` });
    assert.match(q.text, /SELECT/);
    assert.ok(!q.text.includes('DROP TABLE "Customer"; --\n'), 'the name cannot end the comment');
    assert.ok(q.params.includes(300), 'the value is a parameter');
  });

  it('an aborted call rejects as aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      sql.count(highValue, { signal: abort.signal }),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'aborted',
    );
  });
});
