/**
 * The memory provider keeps its last evaluations between the pages of one listing: what a
 * user would notice is only that the answers stay right — after a data change, after a
 * referenced saved segment changes, for a document changed in any way, and page after page
 * against one evaluation of the whole segment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSegment } from '../../src/core/evaluate/index.js';
import type { SegmentDocument } from '../../src/core/model/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';
import { RecentEvaluations } from '../../src/providers/memory/recent.js';

const sample = createSampleDataset({ customers: 600, seed: 3 });
const fresh = () => createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
const tier = (tiers: string[]): SegmentDocument => ({
  schemaVersion: 1,
  id: 'tier',
  name: 'Tier',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'in', value: tiers } }],
});
const keysOf = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.CustomerId));

async function allPages(p: ReturnType<typeof fresh>, doc: SegmentDocument, size: number) {
  const out: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await p.members(doc, { offset, limit: size });
    out.push(...keysOf(page.rows));
    if (offset + size >= page.total) return { keys: out, total: page.total };
  }
}

describe('memory provider: evaluations kept between pages', () => {
  it('every page of a listing equals one evaluation of the whole segment', async () => {
    const p = fresh();
    const doc = tier(['Gold', 'Silver']);
    const expected = evaluateSegment(doc, { catalog: sample.catalog, data: sample.data }, { now: sample.now }).members;
    assert.ok(expected.length > 50, `members: ${expected.length}`);
    const { keys, total } = await allPages(p, doc, 17);
    assert.equal(total, expected.length, 'total');
    assert.deepEqual(keys, expected, 'the pages, in order');
    assert.equal((await p.count(doc)).total, expected.length, 'count agrees');
  });

  it('a changed document is evaluated anew, and the one before is still right', async () => {
    const p = fresh();
    const gold = await p.members(tier(['Gold']), { limit: 1000 });
    const both = await p.members(tier(['Gold', 'Silver']), { limit: 1000 });
    assert.ok(both.total > gold.total, `${both.total} > ${gold.total}`);
    assert.deepEqual(keysOf((await p.members(tier(['Gold']), { limit: 1000 })).rows), keysOf(gold.rows), 'Gold again');
  });

  it('a data change is seen at once: setData, upsertRows, removeRows', async () => {
    const p = fresh();
    const doc = tier(['Gold']);
    const before = (await p.count(doc)).total;
    const someone = sample.data.Customer!.find((c) => c.LoyaltyTier !== 'Gold')!;
    p.upsertRows('Customer', [{ ...someone, LoyaltyTier: 'Gold' }]);
    assert.equal((await p.count(doc)).total, before + 1, 'after upsertRows');
    assert.ok(keysOf((await p.members(doc, { limit: 1000 })).rows).includes(String(someone.CustomerId)), 'listed after upsertRows');
    p.removeRows('Customer', [String(someone.CustomerId)]);
    assert.equal((await p.count(doc)).total, before, 'after removeRows');
    p.setData({ ...sample.data, Customer: sample.data.Customer!.map((c) => ({ ...c, LoyaltyTier: 'Gold' })) });
    assert.equal((await p.count(doc)).total, sample.data.Customer!.length, 'after setData');
  });

  it('a document using a saved segment follows that segment when it is saved again', async () => {
    const p = fresh();
    await p.saveSegment({ ...tier(['Gold']), id: 'base', name: 'Base', type: 'dynamic', state: 'active' });
    const user: SegmentDocument = { schemaVersion: 1, id: 'user', name: 'User', audience: 'Customer', rules: [{ segment: 'base' }] };
    const gold = (await p.count(user)).total;
    await p.saveSegment({ ...tier(['Gold', 'Silver']), id: 'base', name: 'Base', type: 'dynamic', state: 'active' });
    const both = (await p.count(user)).total;
    assert.ok(both > gold, `the reference follows the saved segment (${gold} → ${both})`);
    assert.equal((await p.members(user, { limit: 1 })).total, both, 'members too');
  });
});

describe('RecentEvaluations: which calls share one evaluation', () => {
  const data = { catalog: sample.catalog, data: sample.data };
  function counting(lookup: Map<string, SegmentDocument>, now = { at: Date.parse(String(sample.now)) }) {
    const calls: string[] = [];
    const recent = new RecentEvaluations<typeof data>({
      capacity: 4,
      lookup: (id) => lookup.get(id),
      now: () => now.at,
      evaluate: (doc, d) => {
        calls.push(doc.id ?? '');
        return evaluateSegment(doc, d, { now: now.at, segments: (id) => lookup.get(id) });
      },
    });
    return { recent, calls };
  }
  const base = { ...tier(['Gold']), id: 'base' };
  const user: SegmentDocument = { schemaVersion: 1, id: 'user', name: 'User', audience: 'Customer', rules: [{ segment: 'base' }] };

  it('members and count of a document with a segment rule evaluate it once, while the saved segment is the same', () => {
    const saved = new Map([['base', base]]);
    const { recent, calls } = counting(saved);
    const first = recent.get(user, data);
    const again = recent.get(structuredClone(user), data);
    assert.equal(calls.length, 1, `one evaluation for two calls (${calls.join(', ')})`);
    assert.equal(again.total, first.total, 'the same answer');
    saved.set('base', { ...tier(['Gold', 'Silver']), id: 'base' });
    const after = recent.get(user, data);
    assert.equal(calls.length, 2, 'evaluated anew after the saved segment changed');
    assert.ok(after.total > first.total, `the answer follows it (${first.total} → ${after.total})`);
    saved.delete('base');
    assert.throws(() => recent.get(user, data), /no saved segment "base"/, 'a deleted segment is seen too (not the kept answer)');
    assert.equal(calls.length, 3, 'evaluated anew');
  });

  it('a relative date in a referenced segment makes the instant part of the key; other data is evaluated anew', () => {
    const recentDoc: SegmentDocument = {
      ...tier(['Gold']),
      id: 'base',
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
    };
    const now = { at: Date.parse(String(sample.now)) };
    const { recent, calls } = counting(new Map([['base', recentDoc]]), now);
    recent.get(user, data);
    recent.get(user, data);
    assert.equal(calls.length, 1, 'same instant: one evaluation');
    now.at += 400 * 86_400_000;
    assert.equal(recent.get(user, data).total, 0, 'a year later nobody ordered in the last 30 days');
    assert.equal(calls.length, 2, 'a new instant: evaluated anew');
    recent.get(user, { ...data });
    assert.equal(calls.length, 3, 'other data: evaluated anew');
    recent.clear();
    recent.get(user, data);
    assert.equal(calls.length, 4, 'after clear: evaluated anew');
  });

  it('the provider answers a sample segment with a segment rule as a fresh evaluation does, call after call', async () => {
    const p = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now, segments: sample.segments });
    const doc = sample.segments.find((s) => s.rules.some((r) => r.segment) && s.rules.some((r) => r.where))!;
    const expected = evaluateSegment(doc, data, { now: sample.now, segments: sample.segments }).members;
    for (let i = 0; i < 2; i++) {
      assert.equal((await p.count(doc)).total, expected.length, `count, call ${i + 1}`);
      assert.deepEqual(keysOf((await p.members(doc, { limit: 10_000 })).rows), expected, `members, call ${i + 1}`);
    }
  });
});
