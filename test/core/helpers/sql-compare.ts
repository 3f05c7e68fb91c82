/**
 * The differential loop the SQL tests share (PGlite, a PostgreSQL server, DuckDB): fixed-seed
 * random segments, each compiled by `toSQL` and run by `run`, must give the memory engine's
 * members in key order, and every other one its per-rule counts. Asserts that enough segments
 * split the audience for the comparison to mean something.
 */
import assert from 'node:assert/strict';
import { evaluateSegment, explainMember, type Dataset, type Explanation } from '../../../src/core/evaluate/index.js';
import { toInstant } from '../../../src/core/model/dates.js';
import type { Catalog, SegmentDocument, SegmentNode, SegmentRule } from '../../../src/core/model/types.js';
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

const c = (attribute: string, operator: string, value?: unknown, entity = 'Customer'): SegmentNode =>
  ({ kind: 'condition', entity, attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;
const related = (entity: string, match: Record<string, unknown>, where?: SegmentNode): SegmentNode =>
  ({ kind: 'related', entity, match, ...(where ? { where } : {}) }) as SegmentNode;
const not = (child: SegmentNode): SegmentNode => ({ kind: 'group', combinator: 'and', not: true, children: [child] });
const inLast = (amount: number) => ({ amount, unit: 'day' });

/** The saved segments the count cases reference (`COUNT_CASES`), for each engine's test to pass as `referenced`. */
export const REF_GOLD: SegmentDocument = {
  schemaVersion: 1,
  id: 'ref-gold',
  name: 'RefGold',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'in', value: ['Gold', 'Platinum'] } }],
};
/** A static one: its snapshot goes into the engine's `segment_members` table. */
export const REF_STATIC: SegmentDocument = {
  schemaVersion: 1,
  id: 'ref-static',
  name: 'RefStatic',
  type: 'static',
  audience: 'Customer',
  snapshot: ['C000001', 'C000002', 'C000010', 'C900003', 'no-such-customer'],
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'EmailOptIn', operator: 'isTrue' } }],
};

/**
 * Segments whose per-rule counts the count query (one pass, a flag per rule, grouped related
 * rows) must get right, besides the random ones: set operators in every order, rules that
 * match nobody or everybody, related counts of zero, aggregates of customers without linked
 * rows (NULL: in no comparison, but under NOT), quantifiers, multi-hop, segment references
 * (`ref-gold` and `ref-static` must be among the referenced segments).
 */
export const COUNT_CASES: readonly SegmentDocument[] = (
  [
    // bench:engine's three-rule segment: a related sum, intersect an OR, except a quantifier.
    [
      {
        where: related(
          'Order',
          { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 300 },
          c('OrderDate', 'inLast', inLast(365), 'Order'),
        ),
      },
      {
        setOperator: 'intersect',
        where: {
          kind: 'group',
          combinator: 'or',
          children: [c('Satisfaction', 'greaterThanOrEqual', 3), c('LoyaltyTier', 'in', ['Gold', 'Platinum'])],
        },
      },
      { setOperator: 'except', where: related('Case', { quantifier: 'any' }, c('Escalated', 'isTrue', undefined, 'Case')) },
    ],
    // A rule that matches nobody, first, in the middle (union, then intersect), last (except).
    [{ where: c('City', 'equals', 'no such city') }, { setOperator: 'union', where: c('LoyaltyTier', 'in', ['Gold']) }],
    [
      { where: c('EmailOptIn', 'isTrue') },
      { setOperator: 'intersect', where: c('City', 'equals', 'no such city') },
      { setOperator: 'union', where: c('DoNotContact', 'isTrue') },
    ],
    [{ where: c('EmailOptIn', 'isTrue') }, { setOperator: 'except', where: c('City', 'equals', 'no such city') }],
    // Everybody except everybody; union after except.
    [
      { where: c('CustomerId', 'isNotEmpty') },
      { setOperator: 'except', where: c('CustomerId', 'isNotEmpty') },
      { setOperator: 'union', where: c('EmailOptIn', 'isFalse') },
    ],
    // Related counts of zero: no orders, at most none, a count under 1, no cases; and their negations.
    [
      { where: related('Order', { quantifier: 'exactly', count: 0 }) },
      { setOperator: 'union', where: related('Order', { quantifier: 'atMost', count: 0 }, c('OrderDate', 'inLast', inLast(30), 'Order')) },
      {
        setOperator: 'union',
        where: related('Order', { aggregate: 'count', operator: 'lessThan', value: 1 }, c('Channel', 'equals', 'Store', 'Order')),
      },
      { setOperator: 'intersect', where: related('Case', { quantifier: 'none' }) },
    ],
    [
      { where: not(related('Order', { quantifier: 'any' })) },
      { setOperator: 'except', where: not(related('Case', { quantifier: 'none' })) },
    ],
    // Aggregates of customers without orders (NULL): out of `sum < 200`, in `NOT (sum > 500)`; averages, dates.
    [
      { where: related('Order', { aggregate: 'sum', attribute: 'TotalAmount', operator: 'lessThan', value: 200 }) },
      {
        setOperator: 'union',
        where: not(related('Order', { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 })),
      },
      { setOperator: 'except', where: related('Order', { aggregate: 'avg', attribute: 'ItemCount', operator: 'between', value: [1, 2] }) },
    ],
    [
      { where: related('Order', { aggregate: 'max', attribute: 'OrderDate', operator: 'inLast', value: inLast(90) }) },
      {
        setOperator: 'intersect',
        where: not(related('Order', { aggregate: 'min', attribute: 'OrderDate', operator: 'inLast', value: inLast(365) })),
      },
      { setOperator: 'union', where: related('Order', { quantifier: 'atLeast', count: 3 }, c('Status', 'equals', 'Returned', 'Order')) },
    ],
    // Several related nodes in one rule (or, and), one of them in a NOT; multi-hop.
    [
      {
        where: {
          kind: 'group',
          combinator: 'or',
          children: [
            related('Order', { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThanOrEqual', value: 800 }),
            {
              kind: 'group',
              combinator: 'and',
              children: [related('Case', { quantifier: 'atLeast', count: 1 }), not(related('Order', { quantifier: 'any' }))],
            },
          ],
        },
      },
      { setOperator: 'intersect', where: related('WebSession', { quantifier: 'atLeast', count: 2 }) },
      { setOperator: 'union', where: related('WebSession', { quantifier: 'none' }) },
    ],
    // Segment references, first and after each operator; one with related rows of its own.
    [{ segment: 'count-ref-spenders' }, { setOperator: 'intersect', where: related('Order', { quantifier: 'atLeast', count: 2 }) }],
    [
      { segment: 'ref-gold' },
      { setOperator: 'except', segment: 'ref-static' },
      { setOperator: 'union', where: c('DoNotContact', 'isTrue') },
    ],
    [
      { where: c('EmailOptIn', 'isTrue') },
      { setOperator: 'intersect', segment: 'ref-static' },
      { setOperator: 'union', segment: 'ref-gold' },
      { setOperator: 'except', segment: 'ref-gold' },
    ],
  ] as SegmentRule[][]
).map((rules, i) => ({ schemaVersion: 1, id: `count-case-${i}`, name: `CountCase${i}`, audience: 'Customer', rules }));

/** A referenced segment with related rows of its own (its rules are compiled inside the query, with their own grouped rows). */
const SPENDERS: SegmentDocument = {
  schemaVersion: 1,
  id: 'count-ref-spenders',
  name: 'CountRefSpenders',
  audience: 'Customer',
  rules: [
    { where: related('Order', { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 400 }) },
    { setOperator: 'except', where: not(related('Case', { quantifier: 'none' })) },
    { setOperator: 'union', where: related('Order', { aggregate: 'avg', attribute: 'TotalAmount', operator: 'lessThan', value: 40 }) },
  ],
};

/** Each of `COUNT_CASES`: the memory engine's per-rule and cumulative counts and members, at every `now` of the tests. */
export async function compareCountCases(o: Pick<CompareOptions, 'dataset' | 'referenced' | 'run' | 'options'>): Promise<number> {
  const referenced = [...o.referenced, SPENDERS];
  let n = 0;
  const audience = o.dataset.data['Customer']!.length;
  let empty = 0;
  for (const doc of COUNT_CASES)
    for (const now of NOWS) {
      const expected = evaluateSegment(doc, o.dataset, { now, segments: referenced });
      // Each case splits the audience somewhere; some rules match nobody.
      assert.ok(
        expected.rules.some((r) => r.count > 0 && r.count < audience),
        `${doc.id} at ${now} has a rule that selects some but not all customers`,
      );
      empty += expected.rules.filter((r) => r.count === 0 || r.cumulative === 0).length;
      const q = toSQL(doc, o.dataset.catalog, { ...o.options(n++), now, segments: referenced, select: 'count' });
      assert.deepEqual(
        countResult(await o.run(q.text, q.params)),
        { total: expected.total, rules: expected.rules },
        `counts of ${doc.id} at ${now}`,
      );
      const k = toSQL(doc, o.dataset.catalog, { ...o.options(n), now, segments: referenced });
      assert.deepEqual(
        (await o.run(k.text, k.params)).map((r) => String(r['CustomerId'])),
        expected.members,
        `members of ${doc.id} at ${now}`,
      );
    }
  assert.ok(empty >= NOWS.length * 4, `${empty} counts of zero among the cases`);
  return n;
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
    if (n % 2 === 0) {
      // Every other segment (the fixed COUNT_CASES check the count query's shapes on every engine).
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
