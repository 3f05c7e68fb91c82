/**
 * `attributeStats` of the memory provider, for every attribute type: against values
 * worked out by hand on a small dataset, and on the sample dataset against the engine
 * (a value's customer count is the size of the segment a click on it builds).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttributeStats, SegmentDocument, SegmentNode } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { dateHistogram, niceStep, numericHistogram } from '../../src/providers/memory/stats.js';
import { createSampleProvider } from '../../src/sample/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';
import { rejects } from './helpers/provider.js';

const data = {
  Customer: [
    { CustomerId: 'C1', City: 'Paris', Country: 'FR', CreditBalance: 0, BirthDate: '1980-01-31', DoNotContact: false },
    { CustomerId: 'C2', City: 'Paris', Country: 'FR', CreditBalance: 15, BirthDate: '1980-02-01T23:30:00Z', DoNotContact: true },
    { CustomerId: 'C3', City: 'Berlin', Country: 'DE', CreditBalance: 47, BirthDate: null, DoNotContact: false },
    { CustomerId: 'C4', City: '', Country: 'US', CreditBalance: null, BirthDate: '1980-03-15', DoNotContact: null },
    { CustomerId: 'C5', City: 'Lyon', Country: 'FR', CreditBalance: 100, BirthDate: '1980-03-01', DoNotContact: true },
  ],
  Order: [
    // C1: two Web orders and a Store one; C2: one Web; C3: one Store with no amount; C4 and C5: none.
    { OrderId: 'O1', CustomerId: 'C1', TotalAmount: 10, OrderDate: '2026-01-05', Channel: 'Web' },
    { OrderId: 'O2', CustomerId: 'C1', TotalAmount: 12, OrderDate: '2026-01-20', Channel: 'Web' },
    { OrderId: 'O3', CustomerId: 'C1', TotalAmount: 35, OrderDate: '2026-03-02', Channel: 'Store' },
    { OrderId: 'O4', CustomerId: 'C2', TotalAmount: 18, OrderDate: '2026-01-31', Channel: 'Web' },
    { OrderId: 'O5', CustomerId: 'C3', TotalAmount: null, OrderDate: null, Channel: 'Store' },
    // An order of nobody: a row, but no customer.
    { OrderId: 'O6', CustomerId: 'C9', TotalAmount: 11, OrderDate: '2026-01-07', Channel: 'Web' },
  ],
  Case: [
    { CaseId: 'K1', CustomerId: 'C1', Escalated: true },
    { CaseId: 'K2', CustomerId: 'C1', Escalated: false },
    { CaseId: 'K3', CustomerId: 'C2', Escalated: true },
    { CaseId: 'K4', CustomerId: 'C3', Escalated: null },
  ],
};

const provider = () => createMemoryProvider({ catalog, data, now: '2026-11-01T12:00:00Z' });
type Of<T extends AttributeStats['type']> = T extends 'string' | 'boolean'
  ? Extract<AttributeStats, { type: 'string' | 'boolean' }>
  : Extract<AttributeStats, { type: T }>;

describe('attributeStats: audience attributes (a customer is a row)', () => {
  it('a string: top values with counts, distinct, empty and nulls', async () => {
    const s = (await provider().attributeStats('Customer', 'City')) as Of<'string'>;
    assert.equal(s.type, 'string');
    assert.deepEqual(s.top, [
      { value: 'Paris', count: 2, rows: 2 },
      { value: 'Berlin', count: 1, rows: 1 },
      { value: 'Lyon', count: 1, rows: 1 },
    ]);
    assert.equal(s.distinct, 3);
    assert.equal(s.empty, 1, 'the empty string is no value');
    assert.equal(s.nulls, 1);
    assert.equal(s.customers, 5);
    assert.equal(s.related, false);
  });

  it('an enumeration: values with their labels', async () => {
    const s = (await provider().attributeStats('Customer', 'Country')) as Of<'string'>;
    assert.deepEqual(s.top, [
      { value: 'FR', count: 3, rows: 3 },
      { value: 'DE', count: 1, rows: 1 },
      { value: 'US', label: 'United States', count: 1, rows: 1 },
    ]);
  });

  it('a number: percentiles, range, mean and a histogram with nice bounds', async () => {
    const s = (await provider().attributeStats('Customer', 'CreditBalance')) as Of<'number'>;
    assert.equal(s.min, 0);
    assert.equal(s.max, 100);
    assert.equal(s.mean, (0 + 15 + 47 + 100) / 4);
    assert.deepEqual(s.percentiles, { p5: 0, p25: 0, p50: 15, p75: 47, p95: 100 });
    assert.equal(s.nulls, 1);
    assert.equal(s.empty, 1);
    // (100 - 0) / 12 = 8.3 → a step of 10: ten bars 0–10 … 90–100, the last one closed.
    assert.equal(s.histogram!.length, 10);
    assert.deepEqual(s.histogram![0], { from: 0, to: 10, count: 1, rows: 1 });
    assert.deepEqual(s.histogram![1], { from: 10, to: 20, count: 1, rows: 1 });
    assert.deepEqual(s.histogram![4], { from: 40, to: 50, count: 1, rows: 1 });
    assert.deepEqual(s.histogram![9], { from: 90, to: 100, count: 1, rows: 1 }, '100 is in the last bar');
    assert.equal(
      s.histogram!.reduce((a, b) => a + b.count, 0),
      4,
      'every value in exactly one bar',
    );
  });

  it('a date: range and a histogram by month, each bar a run of whole UTC days', async () => {
    const s = (await provider().attributeStats('Customer', 'BirthDate')) as Of<'date'>;
    assert.equal(s.min, '1980-01-31T00:00:00.000Z');
    assert.equal(s.max, '1980-03-15T00:00:00.000Z');
    assert.equal(s.unit, 'month');
    assert.deepEqual(s.histogram, [
      { from: '1980-01-01', to: '1980-01-31', count: 1, rows: 1 },
      { from: '1980-02-01', to: '1980-02-29', count: 1, rows: 1 },
      { from: '1980-03-01', to: '1980-03-31', count: 2, rows: 2 },
    ]);
    assert.equal(s.nulls, 1);
    assert.equal(s.empty, 1);
  });

  it('a boolean: true, false and empty counts', async () => {
    const s = (await provider().attributeStats('Customer', 'DoNotContact')) as Of<'boolean'>;
    assert.deepEqual(s.counts, { true: 2, false: 2, empty: 1 });
    assert.deepEqual(
      s.top.map((t) => [t.value, t.count]),
      [
        [false, 2],
        [true, 2],
      ],
    );
  });

  it('an unknown attribute is not-found; an aborted call rejects', async () => {
    await rejects(provider().attributeStats('Customer', 'Nope'), 'not-found');
    const abort = new AbortController();
    abort.abort();
    await rejects(provider().attributeStats('Customer', 'City', { signal: abort.signal }), 'aborted');
  });
});

describe('attributeStats: related entities (customers with at least one linked row)', () => {
  it('a string: customers, not orders, with the rows beside them', async () => {
    const s = (await provider().attributeStats('Order', 'Channel')) as Of<'string'>;
    assert.equal(s.related, true);
    assert.deepEqual(s.top, [
      // Web: C1 (two orders) and C2; O6 has no customer but is a row.
      { value: 'Web', count: 2, rows: 4 },
      { value: 'Store', count: 2, rows: 2 },
    ]);
    assert.equal(s.total, 6);
    assert.equal(s.customers, 5);
  });

  it('a number: percentiles over the rows, bars in customers', async () => {
    const s = (await provider().attributeStats('Order', 'TotalAmount')) as Of<'number'>;
    assert.equal(s.min, 10);
    assert.equal(s.max, 35);
    assert.deepEqual(s.percentiles, { p5: 10, p25: 11, p50: 12, p75: 18, p95: 35 });
    // (35 - 10) / 12 ≈ 2.08 → integers, a step of 3 (ceil of 2.5): 9–12, 12–15, …, 33–36.
    const bars = s.histogram!;
    assert.deepEqual(bars[0], { from: 9, to: 12, count: 1, rows: 2 }, 'O1 and O6 (nobody’s): one customer, two rows');
    assert.deepEqual(bars[1], { from: 12, to: 15, count: 1, rows: 1 });
    assert.deepEqual(bars[3], { from: 18, to: 21, count: 1, rows: 1 });
    assert.deepEqual(bars[bars.length - 1], { from: 33, to: 36, count: 1, rows: 1 });
    assert.equal(s.empty, 1, 'C3 has an order without an amount');
  });

  it('a date: bars by month in customers', async () => {
    const s = (await provider().attributeStats('Order', 'OrderDate')) as Of<'date'>;
    assert.deepEqual(s.histogram, [
      { from: '2026-01-01', to: '2026-01-31', count: 2, rows: 4 },
      { from: '2026-02-01', to: '2026-02-28', count: 0, rows: 0 },
      { from: '2026-03-01', to: '2026-03-31', count: 1, rows: 1 },
    ]);
  });

  it('a boolean: a customer with an escalated case and one not escalated counts in both', async () => {
    const s = (await provider().attributeStats('Case', 'Escalated')) as Of<'boolean'>;
    assert.deepEqual(s.counts, { true: 2, false: 1, empty: 1 });
  });
});

describe('attributeStats after a change of the data', () => {
  it('counts the new rows at once (nothing stale from the links kept per state of the data)', async () => {
    const p = provider();
    const before = (await p.attributeStats('Order', 'Channel')) as Of<'string'>;
    assert.equal(before.top.find((t) => t.value === 'Store')?.count, 2);
    p.upsertRows('Order', [{ OrderId: 'O7', CustomerId: 'C5', TotalAmount: 5, OrderDate: '2026-02-02', Channel: 'Store' }]);
    const after = (await p.attributeStats('Order', 'Channel')) as Of<'string'>;
    assert.deepEqual(
      after.top.find((t) => t.value === 'Store'),
      { value: 'Store', count: 3, rows: 3 },
    );
    p.removeRows('Customer', ['C1']);
    const gone = (await p.attributeStats('Order', 'Channel')) as Of<'string'>;
    assert.deepEqual(
      gone.top.find((t) => t.value === 'Web'),
      { value: 'Web', count: 1, rows: 4 },
      'C1’s orders count no customer',
    );
  });
});

describe('attributeStats helpers', () => {
  it('nice steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    assert.deepEqual([0.3, 1, 1.5, 2.2, 3, 7, 12, 260, 0.04].map(niceStep), [0.5, 1, 2, 2.5, 5, 10, 20, 500, 0.05]);
  });

  it('a numeric histogram covers every value, with clean decimal bounds', () => {
    const bars = numericHistogram([0.1, 0.2, 0.35, 0.7]);
    assert.equal(bars[0]!.from, 0.1);
    assert.equal(bars[1]!.from, 0.15, 'no 0.15000000000000002');
    assert.ok(bars[bars.length - 1]!.to >= 0.7, 'the last bar reaches the max');
    assert.deepEqual(numericHistogram([5, 5, 5]), [{ from: 5, to: 5 }], 'one value: one bar');
    assert.deepEqual(numericHistogram([]), []);
    // A long tail: 98 values from 1 to 98, then 5,000 and 10,000. The bulk gets nice bars, the tail one bar to the max.
    const tail = numericHistogram([...Array.from({ length: 98 }, (_, i) => i + 1), 5000, 10000]);
    assert.equal(tail[0]!.from, 0);
    assert.equal(tail[1]!.from - tail[0]!.from, 10, 'a step of 10 over 1–98');
    assert.deepEqual(tail[tail.length - 1], { from: 100, to: 10000 }, 'the tail bar');
  });

  it('a date histogram is by year past ten years', () => {
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const long = dateHistogram(day('1950-06-01'), day('2005-02-01'));
    assert.equal(long.unit, 'year');
    assert.equal(long.bins.length, 56);
    assert.deepEqual(long.bins[0], { from: '1950-01-01', to: '1950-12-31' });
    const short = dateHistogram(day('2024-11-30'), day('2025-02-01'));
    assert.deepEqual(
      short.bins.map((b) => b.to),
      ['2024-11-30', '2024-12-31', '2025-01-31', '2025-02-28'],
    );
  });
});

describe('attributeStats on the sample dataset: a count is the size of the segment a click builds', () => {
  const p = createSampleProvider({ customers: 400, seed: 3, historyDays: 0 });
  const audience = 'Customer';
  const segment = (node: SegmentNode): SegmentDocument => ({ schemaVersion: 1, name: 'Probe', audience, rules: [{ where: node }] });
  const inside = (entity: string, where: SegmentNode): SegmentNode =>
    entity === audience ? where : { kind: 'related', entity, match: { quantifier: 'atLeast', count: 1 }, where };
  const size = async (node: SegmentNode) => (await p.count(segment(node))).total;

  for (const [entity, attribute] of [
    ['Customer', 'LoyaltyTier'],
    ['Customer', 'Country'],
    ['Order', 'Status'],
    ['WebSession', 'Device'],
  ] as const) {
    it(`${entity}.${attribute}: each top value's count is the segment "is that value"`, async () => {
      const s = (await p.attributeStats(entity, attribute)) as Of<'string'>;
      assert.ok(s.top.length > 1, 'values');
      assert.ok(s.top.length <= 10, 'at most ten');
      for (const t of s.top) {
        const n = await size(inside(entity, { kind: 'condition', entity, attribute, operator: 'equals', value: t.value as string }));
        assert.equal(t.count, n, `${String(t.value)}`);
      }
      if (entity !== audience)
        assert.ok(
          s.top.some((t) => (t.rows ?? 0) > t.count),
          'rows and customers differ for a related entity',
        );
    });
  }

  it('Customer.Satisfaction (a number enumeration): top values as for a string, and a histogram', async () => {
    const s = (await p.attributeStats('Customer', 'Satisfaction')) as Of<'number'>;
    assert.ok(s.top && s.top.length === 5, 'five values');
    assert.equal(s.top[0]!.label?.includes('–'), true, 'labelled');
    for (const t of s.top)
      assert.equal(
        t.count,
        await size({ kind: 'condition', entity: 'Customer', attribute: 'Satisfaction', operator: 'equals', value: t.value as number }),
      );
  });

  for (const [entity, attribute] of [
    ['Customer', 'CreditBalance'],
    ['Order', 'TotalAmount'],
  ] as const) {
    it(`${entity}.${attribute}: the bars cover every value and each counts its customers`, async () => {
      const s = (await p.attributeStats(entity, attribute)) as Of<'number'>;
      const bars = s.histogram!;
      assert.ok(bars.length >= 5 && bars.length <= 24, `${bars.length} bars`);
      assert.equal(
        bars.reduce((a, b) => a + (b.rows ?? 0), 0),
        s.total - s.nulls,
        'every row in one bar',
      );
      for (let i = 1; i < bars.length; i++) assert.equal(bars[i]!.from, bars[i - 1]!.to, 'bars touch');
      // A bar is from <= v < to: greaterThanOrEqual + lessThan counts exactly its customers.
      for (const b of bars.slice(0, -1)) {
        const where: SegmentNode = {
          kind: 'group',
          combinator: 'and',
          children: [
            { kind: 'condition', entity, attribute, operator: 'greaterThanOrEqual', value: b.from },
            { kind: 'condition', entity, attribute, operator: 'lessThan', value: b.to },
          ],
        };
        assert.equal(b.count, await size(inside(entity, where)), `${b.from}–${b.to}`);
      }
    });
  }

  for (const [entity, attribute] of [
    ['Customer', 'CreatedOn'],
    ['Order', 'OrderDate'],
  ] as const) {
    it(`${entity}.${attribute}: each date bar's count is the segment "between its first and last day"`, async () => {
      const s = (await p.attributeStats(entity, attribute)) as Of<'date'>;
      const bars = s.histogram!;
      assert.ok(bars.length > 1, 'bars');
      for (const b of bars.filter((_, i) => i % 3 === 0)) {
        const n = await size(inside(entity, { kind: 'condition', entity, attribute, operator: 'between', value: [b.from, b.to] }));
        assert.equal(b.count, n, `${b.from}–${b.to}`);
      }
    });
  }

  it('Customer.BirthDate spans decades: by year', async () => {
    const s = (await p.attributeStats('Customer', 'BirthDate')) as Of<'date'>;
    assert.equal(s.unit, 'year');
    assert.equal(
      s.histogram!.reduce((a, b) => a + b.count, 0),
      s.customers! - s.empty!,
      'every customer with a birth date in one bar',
    );
  });

  for (const [entity, attribute] of [
    ['Customer', 'EmailOptIn'],
    ['Case', 'Escalated'],
    ['Subscription', 'AutoRenew'],
  ] as const) {
    it(`${entity}.${attribute}: true, false and empty are the isTrue, isFalse and isEmpty segments`, async () => {
      const s = (await p.attributeStats(entity, attribute)) as Of<'boolean'>;
      const c = s.counts!;
      assert.equal(c.true, await size(inside(entity, { kind: 'condition', entity, attribute, operator: 'isTrue' })));
      assert.equal(c.false, await size(inside(entity, { kind: 'condition', entity, attribute, operator: 'isFalse' })));
      assert.equal(c.empty, await size(inside(entity, { kind: 'condition', entity, attribute, operator: 'isEmpty' })));
    });
  }
});
