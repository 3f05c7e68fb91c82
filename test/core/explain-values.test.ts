/**
 * `explainMember`'s deciding values against the engine, on the sample dataset: for members
 * and non-members alike, the verdict per rule equals `evaluateSegment`, each condition on
 * the member's row reports the member's own value, and each condition inside a related
 * block reports values of rows it holds for, the rows the block counted first (or, when it
 * holds for none, of rows it fails on) — checked against the rows themselves. The memory provider's `explain` is the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSegment, explainMember, type NodeExplanation } from '../../src/core/evaluate/index.js';
import type { SegmentDocument } from '../../src/core/model/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';

const sample = createSampleDataset({ customers: 1500, seed: 7 });
const dataset = { catalog: sample.catalog, data: sample.data };
const now = sample.now;
const DAY = 86_400_000;

/** Big orders in the last 90 days, intersected with a loyalty tier, except those who may not be contacted. */
const segment: SegmentDocument = {
  schemaVersion: 1,
  id: 'explained',
  name: 'Explained',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: {
        kind: 'related',
        entity: 'Order',
        match: { quantifier: 'atLeast', count: 1 },
        where: {
          kind: 'group',
          combinator: 'and',
          children: [
            { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 300 },
            { kind: 'condition', entity: 'Order', attribute: 'OrderDate', operator: 'inLast', value: { amount: 90, unit: 'day' } },
          ],
        },
      },
    },
    {
      id: 'r2',
      setOperator: 'union',
      where: { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyPoints', operator: 'greaterThanOrEqual', value: 4000 },
    },
    { id: 'r3', setOperator: 'except', where: { kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } },
  ],
};

const customers = sample.data.Customer!;
const orders = sample.data.Order!;
const ordersOf = new Map<string, Record<string, unknown>[]>();
for (const o of orders) {
  const k = String(o.CustomerId);
  ordersOf.set(k, [...(ordersOf.get(k) ?? []), o]);
}
const nowMs = new Date(now).getTime();
const bigAmount = (o: Record<string, unknown>) => typeof o.TotalAmount === 'number' && o.TotalAmount > 300;
const recent = (o: Record<string, unknown>) => {
  const t = typeof o.OrderDate === 'string' ? Date.parse(o.OrderDate) : NaN;
  return t >= nowMs - 90 * DAY && t <= nowMs;
};
const node = (nodes: NodeExplanation[], path: string) => {
  const n = nodes.find((x) => x.path === path);
  assert.ok(n, `a node at ${path}`);
  return n;
};

describe('explainMember: the values that decided', () => {
  const members = new Set(evaluateSegment(segment, dataset, { now }).members);
  const keys = customers.slice(0, 300).map((c) => String(c.CustomerId));

  it('the sample holds members and non-members among the keys checked', () => {
    const inside = keys.filter((k) => members.has(k)).length;
    assert.ok(inside > 10 && inside < keys.length - 10, `members among the first 300: ${inside}`);
  });

  it('the verdict per rule and overall equals the engine, for members and non-members', () => {
    for (const key of keys) {
      const x = explainMember(segment, dataset, key, { now });
      assert.equal(x.found, true, `${key} found`);
      assert.equal(x.member, members.has(key), `${key}: member`);
      segment.rules.forEach((rule, i) => {
        const own = evaluateSegment({ ...segment, rules: [{ ...rule, setOperator: undefined }] }, dataset, { now }).members.includes(key);
        assert.equal(x.rules[i]!.matched, own, `${key}: rule ${i}`);
      });
    }
  });

  it("a condition on the member's own row reports the member's value", () => {
    for (const row of customers.slice(0, 300)) {
      const x = explainMember(segment, dataset, String(row.CustomerId), { now });
      const points = node(x.rules[1]!.nodes, '/rules/1/where');
      assert.deepEqual(
        points.values,
        [typeof row.LoyaltyPoints === 'number' ? row.LoyaltyPoints : null],
        `${String(row.CustomerId)} points`,
      );
      assert.equal(points.result, typeof row.LoyaltyPoints === 'number' && row.LoyaltyPoints >= 4000, 'points verdict');
      const dnc = node(x.rules[2]!.nodes, '/rules/2/where');
      assert.deepEqual(dnc.values, [typeof row.DoNotContact === 'boolean' ? row.DoNotContact : null], 'do-not-contact value');
    }
  });

  it('a condition inside a related block reports rows it holds for, else rows it fails on', () => {
    let heldSome = 0;
    let heldNone = 0;
    for (const key of keys) {
      const mine = ordersOf.get(key) ?? [];
      const x = explainMember(segment, dataset, key, { now });
      const nodes = x.rules[0]!.nodes;
      const related = node(nodes, '/rules/0/where');
      assert.equal(related.linkedRows, mine.length, `${key}: linked orders`);
      assert.equal(related.matchedRows, mine.filter((o) => bigAmount(o) && recent(o)).length, `${key}: matched orders`);
      const amount = node(nodes, '/rules/0/where/where/children/0');
      const date = node(nodes, '/rules/0/where/where/children/1');
      const big = mine.filter(bigAmount);
      assert.equal(amount.trueRows, big.length, `${key}: orders over 300`);
      assert.equal(amount.result, big.length > 0, `${key}: amount verdict`);
      assert.equal(amount.values!.length, Math.min(3, big.length || mine.length), `${key}: how many amounts`);
      if (big.length) {
        heldSome++;
        // The orders the block counted (over 300 and recent) first, then the other orders over 300.
        const expected = [...big.filter(recent), ...big.filter((o) => !recent(o))].slice(0, 3).map((o) => o.TotalAmount);
        assert.deepEqual(amount.values, expected, `${key}: the amounts over 300, the counted orders first`);
      } else {
        heldNone++;
        assert.ok(
          amount.values!.every((v) => typeof v !== 'number' || v <= 300),
          `${key}: no value over 300 when none holds (${amount.values!.join()})`,
        );
      }
      const dates = date.values as (string | null)[];
      if (date.result)
        assert.ok(
          dates.every((d) => recent({ OrderDate: d })),
          `${key}: recent order dates`,
        );
      else
        assert.ok(
          dates.every((d) => !recent({ OrderDate: d })),
          `${key}: no recent order date`,
        );
    }
    assert.ok(heldSome > 0 && heldNone > 0, `both cases met (${heldSome} / ${heldNone})`);
  });

  it('an unknown key is not found and has no values', () => {
    const x = explainMember(segment, dataset, 'no-such-customer', { now });
    assert.equal(x.found, false, 'not found');
    assert.ok(
      x.rules.every((r) => r.nodes.length === 0),
      'no nodes',
    );
  });

  it("the memory provider's explain answers the same", async () => {
    const provider = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now });
    for (const key of keys.slice(0, 40)) {
      assert.deepEqual(await provider.explain(segment, key), explainMember(segment, dataset, key, { now }), `${key}: provider`);
    }
  });
});
