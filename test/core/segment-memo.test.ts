/**
 * `SegmentMemo`: referenced segments evaluated once across calls, and never a stale
 * answer — a changed document (or one it reaches), other rows or another instant
 * recompute.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSegment, SegmentMemo, type Dataset, type SegmentDocument } from '../../src/core/index.js';
import { createSampleDataset } from '../../src/sample/index.js';

const sample = createSampleDataset({ customers: 600, seed: 3 });
const dataset: Dataset = { catalog: sample.catalog, data: sample.data };
const NOW = Date.parse(String(sample.now));

const byCity = (id: string, city: string): SegmentDocument => ({
  schemaVersion: 1,
  id,
  name: id,
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'equals', value: city } }],
});
const refs = (id: string, ...parts: [string, 'union' | 'intersect' | 'except' | undefined][]): SegmentDocument => ({
  schemaVersion: 1,
  id,
  name: id,
  audience: 'Customer',
  rules: parts.map(([segment, setOperator]) => (setOperator ? { segment, setOperator } : { segment })),
});
const recent = (id: string): SegmentDocument => ({
  schemaVersion: 1,
  id,
  name: id,
  audience: 'Customer',
  rules: [
    {
      where: {
        kind: 'related',
        entity: 'Order',
        match: { quantifier: 'any' },
        where: { kind: 'condition', entity: 'Order', attribute: 'OrderDate', operator: 'inLast', value: { amount: 30, unit: 'day' } },
      },
    },
  ],
});

const cities = [...new Set(sample.data.Customer!.map((c) => String(c.City)))];

function world() {
  const saved = new Map<string, SegmentDocument>([
    ['a', byCity('a', cities[0]!)],
    ['b', byCity('b', cities[1]!)],
    ['c', refs('c', ['a', undefined], ['b', 'union'])],
    ['r', recent('r')],
  ]);
  let lookups = 0;
  const segments = (id: string) => {
    lookups++;
    return saved.get(id);
  };
  return { saved, segments, lookups: () => lookups };
}

const plain = (doc: SegmentDocument, w: ReturnType<typeof world>, data = dataset, now: number = NOW) =>
  evaluateSegment(doc, data, { now, segments: (id) => w.saved.get(id) }).members;

describe('SegmentMemo', () => {
  it('gives the same members as evaluating without it, and keeps the referenced segments', () => {
    const w = world();
    const memo = new SegmentMemo();
    const doc = refs('top', ['c', undefined], ['r', 'except']);
    const first = evaluateSegment(doc, dataset, { now: NOW, segments: w.segments, memo }).members;
    assert.deepEqual(first, plain(doc, w));
    assert.ok(first.length > 0, 'the segment has members');
    assert.equal(memo.size, 4, 'c, a, b and r are kept');
    const again = evaluateSegment(doc, dataset, { now: NOW, segments: w.segments, memo }).members;
    assert.deepEqual(again, first);
  });

  it('a changed document is recomputed, and so is every segment that reaches it', () => {
    const w = world();
    const memo = new SegmentMemo();
    const doc = refs('top', ['c', undefined]);
    const before = evaluateSegment(doc, dataset, { now: NOW, segments: w.segments, memo }).members;
    // b, reached by top only through c, now means another city.
    w.saved.set('b', byCity('b', cities[2]!));
    const after = evaluateSegment(doc, dataset, { now: NOW, segments: w.segments, memo }).members;
    assert.deepEqual(after, plain(doc, w), 'the answer follows the new b');
    assert.notDeepEqual(after, before, 'and differs from the one before');
  });

  it('other rows or another instant recompute', () => {
    const w = world();
    const memo = new SegmentMemo();
    const doc = refs('top', ['r', undefined]);
    const at = evaluateSegment(doc, dataset, { now: NOW, segments: w.segments, memo }).members;
    const later = NOW + 200 * 86_400_000;
    const then = evaluateSegment(doc, dataset, { now: later, segments: w.segments, memo }).members;
    assert.deepEqual(then, plain(doc, w, dataset, later), 'the 30-day window moved');
    assert.notDeepEqual(then, at);
    const fewer: Dataset = { catalog: dataset.catalog, data: { ...dataset.data, Order: dataset.data.Order!.slice(0, 50) } };
    const other = evaluateSegment(doc, fewer, { now: NOW, segments: w.segments, memo }).members;
    assert.deepEqual(other, plain(doc, w, fewer), 'other rows');
  });

  it('keeps at most its capacity, the least recently used going first', () => {
    const w = world();
    const memo = new SegmentMemo(2);
    evaluateSegment(refs('top', ['a', undefined], ['b', 'union'], ['r', 'union']), dataset, { now: NOW, segments: w.segments, memo });
    assert.equal(memo.size, 2);
  });
});
