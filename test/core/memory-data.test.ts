/**
 * Data that changes: the memory provider's setData, upsertRows and removeRows invalidate
 * exactly the entities they touch, and a call under way answers for one state of the data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SegmentDocument } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';
import { ordersOver, rejects } from './helpers/provider.js';

const NOW = '2026-11-01T12:00:00Z';

const customers = () => [
  { CustomerId: 'C1', City: 'Paris', Country: 'FR', CreditBalance: 2500 },
  { CustomerId: 'C2', City: 'Lyon', Country: 'FR', CreditBalance: 10 },
  { CustomerId: 'C3', City: 'Berlin', Country: 'DE', CreditBalance: 1200 },
];
const orders = () => [
  { OrderId: 'O1', CustomerId: 'C1', TotalAmount: 600 },
  { OrderId: 'O2', CustomerId: 'C2', TotalAmount: 50 },
];

const rich: SegmentDocument = {
  schemaVersion: 1,
  name: 'Rich',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 } }],
};
const bigBuyers: SegmentDocument = {
  schemaVersion: 1,
  name: 'BigBuyers',
  audience: 'Customer',
  rules: [{ where: ordersOver(500) }],
  projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
};

const total = async (p: ReturnType<typeof createMemoryProvider>, doc: SegmentDocument) => (await p.count(doc)).total;

describe('memory provider: data that changes', () => {
  it('setData replaces all the data, or with merge only the entities named', async () => {
    const p = createMemoryProvider({ catalog, data: { Customer: customers(), Order: orders() }, now: NOW });
    assert.equal(await total(p, bigBuyers), 1);
    p.setData({ Order: [...orders(), { OrderId: 'O3', CustomerId: 'C3', TotalAmount: 900 }] }, { merge: true });
    assert.equal(await total(p, bigBuyers), 2);
    assert.equal(await total(p, rich), 2, 'customers kept');
    p.setData({ Customer: customers().slice(0, 1) });
    assert.equal(await total(p, rich), 1);
    assert.equal(await total(p, bigBuyers), 0, 'an entity not named has no rows any more');
  });

  it('upsertRows inserts and replaces by key (7 and "7" are one key); removeRows removes by key', async () => {
    const given = customers();
    const p = createMemoryProvider({ catalog, data: { Customer: given, Order: orders() }, now: NOW });
    assert.deepEqual(
      p.upsertRows('Customer', [
        { CustomerId: 'C2', City: 'Lyon', CreditBalance: 5000 },
        { CustomerId: 7, CreditBalance: 1500 },
      ]),
      {
        inserted: 1,
        replaced: 1,
      },
    );
    assert.equal(await total(p, rich), 4);
    const page = await p.members(rich, { sort: 'CustomerId' });
    assert.deepEqual(
      page.rows.map((r) => [r.CustomerId, r.CreditBalance]),
      [
        ['7', 1500],
        ['C1', 2500],
        ['C2', 5000],
        ['C3', 1200],
      ],
    );
    assert.deepEqual(p.upsertRows('Customer', [{ CustomerId: '7', CreditBalance: 1 }]), { inserted: 0, replaced: 1 });
    assert.equal(await total(p, rich), 3);
    assert.equal(p.removeRows('Customer', ['C1', 7, 'nobody']), 2);
    assert.equal(await total(p, rich), 2);
    assert.equal(given.length, 3, 'the arrays the host passed are never changed');
    assert.equal(given[1]!.CreditBalance, 10);
  });

  it('members, suggestions, stats and explanations see a change at once', async () => {
    const p = createMemoryProvider({ catalog, data: { Customer: customers(), Order: orders() }, now: NOW });
    assert.deepEqual(
      (await p.suggestValues('Customer', 'Country')).map((v) => [v.value, v.count]),
      [
        ['FR', 2],
        ['DE', 1],
        ['US', 0],
      ],
    );
    assert.equal((await p.explain(bigBuyers, 'C2')).member, false);
    p.upsertRows('Order', [{ OrderId: 'O2', CustomerId: 'C2', TotalAmount: 700 }]);
    p.upsertRows('Customer', [{ CustomerId: 'C4', Country: 'DE', CreditBalance: 0 }]);
    assert.equal((await p.explain(bigBuyers, 'C2')).member, true);
    assert.deepEqual(
      (await p.members(bigBuyers)).rows.map((r) => [r.CustomerId, r['Order.TotalAmount']]),
      [
        ['C1', 600],
        ['C2', 700],
      ],
    );
    assert.deepEqual(
      (await p.suggestValues('Customer', 'Country')).map((v) => [v.value, v.count]),
      [
        ['DE', 2],
        ['FR', 2],
        ['US', 0],
      ],
    );
    const stats = await p.attributeStats('Order', 'TotalAmount');
    assert.ok(stats.type === 'number' && stats.max === 700 && stats.total === 2);
  });

  it('an untouched entity keeps its caches: a count over it does not read its rows again', async () => {
    let reads = 0;
    const counted = customers().map((c) => {
      const row: Record<string, unknown> = { ...c };
      Object.defineProperty(row, 'CreditBalance', {
        enumerable: true,
        get: () => {
          reads++;
          return c.CreditBalance;
        },
      });
      return row;
    });
    const p = createMemoryProvider({ catalog, data: { Customer: counted, Order: orders() }, now: NOW });
    assert.equal(await total(p, rich), 2);
    const built = reads;
    assert.equal(built, 3, 'the column is built once, reading each row');
    p.upsertRows('Order', [{ OrderId: 'O9', CustomerId: 'C3', TotalAmount: 999 }]);
    p.removeRows('Order', ['O2']);
    p.setData({ Order: orders() }, { merge: true });
    assert.equal(await total(p, rich), 2);
    assert.equal(reads, built, 'Customer rows were not read again');
    p.upsertRows('Customer', [{ CustomerId: 'C2', CreditBalance: 3000 }]);
    assert.equal(await total(p, rich), 3);
    assert.ok(reads > built, 'a touched entity is rebuilt');
  });

  it('a call under way when the data changes answers for the data as it was when it was made', async () => {
    const p = createMemoryProvider({ catalog, data: { Customer: customers(), Order: orders() }, now: NOW, latency: 20 });
    const counting = p.count(bigBuyers);
    const listing = p.members(rich);
    p.removeRows('Customer', ['C1']);
    p.upsertRows('Order', [{ OrderId: 'O2', CustomerId: 'C2', TotalAmount: 800 }]);
    assert.equal((await counting).total, 1);
    assert.deepEqual(
      (await listing).rows.map((r) => [r.CustomerId, r.City]),
      [
        ['C1', 'Paris'],
        ['C3', 'Berlin'],
      ],
      'the removed member still has its row in that answer (no mix of old keys and new rows)',
    );
    assert.equal((await p.count(bigBuyers)).total, 1, 'C1 is gone, C2 is in');
    assert.deepEqual(
      (await p.members(bigBuyers)).rows.map((r) => r.CustomerId),
      ['C2'],
    );
  });

  it('refreshes count saved segments over the data as it is then', async () => {
    const p = createMemoryProvider({ catalog, data: { Customer: customers() }, now: NOW });
    const saved = await p.saveSegment({ ...rich, state: 'active' });
    assert.equal(saved.memberCount, 2);
    p.upsertRows('Customer', [{ CustomerId: 'C9', CreditBalance: 4000 }]);
    assert.equal((await p.listSegments()).items[0]!.memberCount, 2, 'until the next refresh');
    assert.equal((await p.refreshSegments([saved.id]))[0]!.memberCount, 3);
  });

  it('refuses unusable changes, changing nothing', async () => {
    const p = createMemoryProvider({ catalog, data: { Customer: customers() }, now: NOW });
    assert.throws(() => p.upsertRows('Nope', []), /no entity "Nope"/);
    assert.throws(
      () => p.upsertRows('Customer', [{ CustomerId: 'C5', CreditBalance: 9000 }, { City: 'Oslo' }]),
      /Row #2 of Customer has no CustomerId/,
    );
    assert.throws(() => p.removeRows('Customer', [null as unknown as string]), /Key #1 for Customer is not a text or a number/);
    assert.throws(() => p.setData({ Customer: 'rows' as unknown as [] }), /rows of Customer must be an array/);
    assert.throws(() => p.setData({ Shop: [] }), /no entity "Shop"/);
    assert.equal(await total(p, rich), 2);
    await rejects(p.count(rich, { signal: AbortSignal.abort() }), 'aborted');
  });
});
