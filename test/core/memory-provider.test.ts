import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SegmentProviderError, isAbortError, type SegmentDocument } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';
import { documentArb } from './helpers/arbitraries.js';
import { testCatalog as catalog } from './helpers/catalog.js';
import { memoryStorage, ordersOver, rejects } from './helpers/provider.js';

const NOW = '2026-11-01T12:00:00Z';

const data = {
  Customer: [
    { CustomerId: 'C1', City: 'Paris', Country: 'FR', CreditBalance: 2500, BirthDate: '1980-11-20', DoNotContact: false },
    { CustomerId: 'C2', City: 'paris ', Country: 'FR', CreditBalance: 10, BirthDate: null, DoNotContact: true },
    { CustomerId: 'C3', City: 'Berlin', Country: 'DE', CreditBalance: 1200, BirthDate: '1990-01-02', DoNotContact: false },
    { CustomerId: 'C4', City: null, Country: 'US', CreditBalance: null, BirthDate: '1975-06-30', DoNotContact: false },
  ],
  Order: [
    { OrderId: 'O1', CustomerId: 'C1', TotalAmount: 600, OrderDate: '2026-10-01', Channel: 'Web' },
    { OrderId: 'O2', CustomerId: 'C1', TotalAmount: 50, OrderDate: '2026-10-20', Channel: 'Store' },
    { OrderId: 'O3', CustomerId: 'C3', TotalAmount: 900, OrderDate: '2025-01-01', Channel: 'Web' },
  ],
  Case: [{ CaseId: 'K1', CustomerId: 'C1', Escalated: true, Priority: 'High' }],
};

const rich: SegmentDocument = {
  schemaVersion: 1,
  id: 'rich',
  name: 'Rich',
  state: 'active',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 },
    },
  ],
};
const dnc: SegmentDocument = {
  schemaVersion: 1,
  id: 'dnc',
  name: 'DoNotContact',
  state: 'active',
  audience: 'Customer',
  rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } }],
};
const bigOrders: SegmentDocument = {
  schemaVersion: 1,
  name: 'BigOrders',
  audience: 'Customer',
  rules: [{ where: ordersOver(500) }, { setOperator: 'except', segment: 'dnc' }],
  projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
};

const provider = (extra: Partial<Parameters<typeof createMemoryProvider>[0]> = {}) =>
  createMemoryProvider({ catalog, data, now: NOW, segments: [rich, dnc], ...extra });

describe('memory provider: reading', () => {
  it('counts with a per-rule breakdown lined up with the rules', async () => {
    const p = provider();
    const result = await p.count(bigOrders);
    assert.deepEqual(result, {
      total: 2,
      rules: [
        { count: 2, cumulative: 2 },
        { count: 1, cumulative: 2 },
      ],
    });
    assert.equal((await p.count({ ...bigOrders, rules: [...bigOrders.rules, { setOperator: 'union', segment: 'dnc' }] })).total, 3);
  });

  it('rejects an invalid segment with invalid-segment and the problems', async () => {
    const p = provider();
    await rejects(
      p.count({ ...rich, rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }] }),
      'invalid-segment',
      /no attribute "Nope"/,
    );
    await rejects(p.count('garbage' as unknown as SegmentDocument), 'invalid-segment', /cannot be read/);
  });

  it('pages and sorts members, with audience columns, projected columns and the key', async () => {
    const p = provider();
    const all = await p.members(bigOrders);
    assert.equal(all.total, 2);
    assert.deepEqual(
      all.columns.map((c) => c.key),
      ['CustomerId', 'City', 'Country', 'Tier', 'CreditBalance', 'BirthDate', 'DoNotContact', 'Order.TotalAmount'],
    );
    assert.deepEqual(
      all.rows.map((r) => [r.CustomerId, r['Order.TotalAmount']]),
      [
        ['C1', 50],
        ['C3', 900],
      ],
    );
    const sorted = await p.members(rich, { sort: { key: 'CreditBalance', direction: 'desc' }, limit: 1, offset: 1 });
    assert.equal(sorted.total, 2);
    assert.deepEqual(
      sorted.rows.map((r) => r.CustomerId),
      ['C3'],
    );
  });

  it('accepts sort orders as hosts write them', async () => {
    const p = provider();
    const keys = async (sort: unknown) => (await p.members(rich, { sort: sort as never })).rows.map((r) => r.CustomerId);
    assert.deepEqual(await keys('-CreditBalance'), ['C1', 'C3']);
    assert.deepEqual(await keys('CreditBalance'), ['C3', 'C1']);
    assert.deepEqual(await keys('CreditBalance desc'), ['C1', 'C3']);
    assert.deepEqual(await keys({ field: 'CreditBalance', order: 'DESC' }), ['C1', 'C3']);
    assert.deepEqual(await keys([{ key: 'Country' }, '-CreditBalance']), ['C3', 'C1']);
    assert.deepEqual(await keys('Nope'), ['C1', 'C3'], 'an unknown column keeps the natural order');
    assert.deepEqual(
      (await p.listSegments({ sort: '-name' })).items.map((s) => s.name),
      ['Rich', 'DoNotContact'],
    );
  });

  it('projects attributes two relationships away (the latest linked value)', async () => {
    const p = createMemoryProvider({
      catalog,
      data: {
        ...data,
        OnlineAccount: [{ AccountId: 'A1', CustomerId: 'C1', Username: 'ann' }],
        WebSession: [
          { SessionId: 'S1', AccountId: 'A1', StartedAt: '2026-10-01', Device: 'Desktop' },
          { SessionId: 'S2', AccountId: 'A1', StartedAt: '2026-10-02', Device: 'Mobile' },
        ],
      },
      now: NOW,
    });
    const result = await p.members({ ...rich, projectedAttributes: [{ entity: 'WebSession', attribute: 'Device' }] });
    assert.deepEqual(
      result.rows.map((r) => [r.CustomerId, r['WebSession.Device']]),
      [
        ['C1', 'Mobile'],
        ['C3', null],
      ],
    );
  });

  it('suggests values with counts, filtered by a query, and attribute stats', async () => {
    const p = provider();
    assert.deepEqual(await p.suggestValues('Customer', 'Country'), [
      { value: 'FR', count: 2 },
      { value: 'DE', count: 1 },
      { value: 'US', label: 'United States', count: 1 },
    ]);
    assert.deepEqual(await p.suggestValues('Customer', 'City', { query: 'PAR' }), [
      { value: 'Paris', count: 1 },
      { value: 'paris ', count: 1 },
    ]);
    assert.deepEqual(await p.suggestValues('Customer', 'Country', { query: 'united' }), [
      { value: 'US', label: 'United States', count: 1 },
    ]);
    await rejects(p.suggestValues('Customer', 'Nope'), 'not-found');
    // The original fields (the others are in attribute-stats.test.ts).
    const num = await p.attributeStats('Customer', 'CreditBalance');
    const { histogram: _h, customers: _c, related: _r, empty: _e, ...original } = num as Extract<typeof num, { type: 'number' }>;
    assert.deepEqual(original, {
      type: 'number',
      total: 4,
      nulls: 1,
      min: 10,
      max: 2500,
      mean: 1236.6666666666667,
      percentiles: { p5: 10, p25: 10, p50: 1200, p75: 2500, p95: 2500 },
    });
    const date = await p.attributeStats('Customer', 'BirthDate');
    assert.deepEqual(
      { type: date.type, total: date.total, nulls: date.nulls, min: 'min' in date && date.min, max: 'max' in date && date.max },
      { type: 'date', total: 4, nulls: 1, min: '1975-06-30T00:00:00.000Z', max: '1990-01-02T00:00:00.000Z' },
    );
    const bool = await p.attributeStats('Customer', 'DoNotContact');
    assert.equal(bool.type, 'boolean');
    assert.ok('top' in bool && bool.top[0]!.value === false && bool.top[0]!.count === 3);
  });

  it('explains why a member is in or out', async () => {
    const p = provider();
    const yes = await p.explain(bigOrders, 'C1');
    assert.equal(yes.member, true);
    assert.equal(yes.rules[0]!.matched, true);
    const no = await p.explain(bigOrders, 'C2');
    assert.equal(no.member, false);
    assert.equal((await p.explain(bigOrders, 'nobody')).found, false);
  });
});

describe('memory provider: abort', () => {
  it('rejects with an AbortError when the signal is already aborted', async () => {
    const p = provider();
    const c = new AbortController();
    c.abort();
    for (const call of [
      p.count(rich, { signal: c.signal }),
      p.listSegments({ signal: c.signal }),
      p.getCatalog({ signal: c.signal }),
      p.suggestValues('Customer', 'City', { signal: c.signal }),
    ]) {
      await assert.rejects(call, (e: unknown) => isAbortError(e) && e instanceof SegmentProviderError && e.code === 'aborted');
    }
  });

  it('rejects a slow call aborted midway, and does not apply it', async () => {
    const p = provider({ latency: 50 });
    const c = new AbortController();
    const pending = p.saveSegment({ ...rich, id: 'late', name: 'Late' }, { signal: c.signal });
    setTimeout(() => c.abort(), 5);
    await assert.rejects(pending, (e: unknown) => isAbortError(e));
    await rejects(p.getSegment('late'), 'not-found');
  });
});

describe('memory provider: the store', () => {
  it('lists with search, tags, sort and paging; usedBy names dependents', async () => {
    const p = provider();
    await p.saveSegment({ ...bigOrders, tags: ['vip'] });
    const all = await p.listSegments({ sort: { key: 'name' } });
    assert.deepEqual(
      all.items.map((s) => s.name),
      ['BigOrders', 'DoNotContact', 'Rich'],
    );
    assert.deepEqual(all.items.find((s) => s.id === 'dnc')!.usedBy, ['big-orders']);
    assert.equal((await p.listSegments({ search: 'rIch' })).items[0]!.id, 'rich');
    assert.deepEqual(
      (await p.listSegments({ tags: ['vip'] })).items.map((s) => s.id),
      ['big-orders'],
    );
    const page = await p.listSegments({ sort: { key: 'memberCount', direction: 'desc' }, limit: 1, offset: 0 });
    assert.equal(page.total, 3);
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]!.memberCount, 2);
  });

  it('saves an invalid document as an inactive draft, keeps it whole, and refuses to activate it', async () => {
    const p = provider();
    const draft = {
      schemaVersion: 1 as const,
      id: 'wip',
      name: 'Work in progress',
      state: 'active' as const,
      audience: 'Customer',
      rules: [],
      note: { keep: true },
    };
    const summary = await p.saveSegment(draft);
    assert.equal(summary.status, 'draft');
    assert.equal(summary.state, 'inactive');
    const back = await p.getSegment('wip');
    assert.deepEqual(back.note, { keep: true });
    assert.equal(back.name, 'Work in progress');
    await rejects(p.updateSegments(['wip'], { state: 'active' }), 'invalid-segment', /draft cannot be activated/);
    const fixed = await p.saveSegment({ ...back, name: 'WorkInProgress', rules: rich.rules, state: 'active' });
    assert.equal(fixed.status, 'succeeded');
    assert.equal(fixed.memberCount, 2);
  });

  it('refreshes dynamic segments, snapshots static ones, skips inactive ones, and records history', async () => {
    const first = provider();
    await first.saveSegment({ ...rich, id: 'frozen', name: 'Frozen', type: 'static' });
    const frozen = await first.getSegment('frozen');
    assert.deepEqual(frozen.snapshot, ['C1', 'C3']);
    await first.saveSegment({ ...rich, id: 'off', name: 'Off', state: 'inactive' });
    const [dyn, off] = await first.refreshSegments(['rich', 'off']);
    assert.equal(dyn!.status, 'succeeded');
    assert.equal(off!.status, 'skipped');
    assert.equal(off!.memberCount, null);
    // A static segment referenced by another uses its snapshot, even when the data changes.
    const grown = {
      ...data,
      Customer: [
        ...data.Customer,
        { CustomerId: 'C5', City: 'Oslo', Country: 'DE', CreditBalance: 9999, BirthDate: null, DoNotContact: false },
      ],
    };
    const later = createMemoryProvider({ catalog, data: grown, now: '2026-11-02T12:00:00Z', segments: [rich, dnc, { ...frozen }] });
    const ref: SegmentDocument = { schemaVersion: 1, name: 'Ref', audience: 'Customer', rules: [{ segment: 'frozen' }] };
    assert.equal((await later.count(ref)).total, 2);
    assert.equal((await later.count(rich)).total, 3);
    const [refreshed] = await later.refreshSegments(['rich']);
    assert.equal(refreshed!.memberCount, 3);
    assert.deepEqual(await later.trend('rich'), [{ date: '2026-11-02T12:00:00.000Z', count: 3 }]);
  });

  it('trend filters by from/to; update changes several segments at once; delete removes them', async () => {
    const p = provider({
      history: {
        rich: [
          { date: '2026-10-01T00:00:00Z', count: 1 },
          { date: '2026-10-15T00:00:00Z', count: 2 },
        ],
      },
    });
    assert.deepEqual(await p.trend('rich', { from: '2026-10-10' }), [{ date: '2026-10-15T00:00:00Z', count: 2 }]);
    await rejects(p.trend('nope'), 'not-found');
    const updated = await p.updateSegments(['rich', 'dnc'], { tags: ['q4'], type: 'static', displayName: 'Renamed' });
    assert.deepEqual(
      updated.map((s) => [s.tags, s.type, s.displayName]),
      [
        [['q4'], 'static', 'Renamed'],
        [['q4'], 'static', 'Renamed'],
      ],
    );
    await rejects(p.updateSegments(['rich'], { state: 'paused' as 'active' }), 'invalid-argument');
    await rejects(p.deleteSegments(['rich', 'ghost']), 'not-found');
    assert.equal((await p.listSegments()).total, 2, 'nothing deleted when one id is unknown');
    await p.deleteSegments(['rich']);
    await rejects(p.getSegment('rich'), 'not-found');
  });
});

describe('memory provider: status, lastError and schedules (SPEC section 6)', () => {
  it('a refresh the engine cannot evaluate is failed, with its error as lastError', async () => {
    const p = provider();
    // A draft whose condition names an attribute the catalog lacks, and a valid segment that uses it.
    await p.saveSegment({
      ...rich,
      id: 'broken',
      name: 'Broken',
      state: 'inactive',
      rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }],
    });
    const user = await p.saveSegment({
      schemaVersion: 1,
      id: 'user',
      name: 'User',
      state: 'active',
      audience: 'Customer',
      rules: [{ segment: 'broken' }],
    });
    assert.equal(user.status, 'failed');
    assert.match(user.lastError!, /Nope/);
    const [again] = await p.refreshSegments(['user']);
    assert.equal(again!.status, 'failed');
    const [ok] = await p.refreshSegments(['rich']);
    assert.deepEqual([ok!.status, ok!.lastError], ['succeeded', null]);
  });

  it('summaries carry schedule, activateAt and deactivateAt; updateSegments changes and validates them', async () => {
    const p = provider();
    const [r] = (await p.listSegments({ search: 'rich' })).items;
    assert.deepEqual([r!.schedule, r!.activateAt, r!.deactivateAt, r!.lastError], ['system', null, null, null]);
    const [u] = await p.updateSegments(['rich'], { schedule: 'monthly', deactivateAt: '2026-12-31T23:00:00Z' });
    assert.deepEqual([u!.schedule, u!.deactivateAt, u!.state], ['monthly', '2026-12-31T23:00:00.000Z', 'active']);
    await rejects(p.updateSegments(['rich'], { schedule: 'sometimes' as 'daily' }), 'invalid-argument', /schedule must be one of/);
    await rejects(p.updateSegments(['rich'], { activateAt: '31/12/2026' }), 'invalid-argument', /ISO 8601/);
    // The provider's clock (now) has passed this instant: applied at once.
    const [off] = await p.updateSegments(['rich'], { deactivateAt: '2026-10-31T00:00:00Z' });
    assert.deepEqual([off!.state, off!.deactivateAt], ['inactive', null]);
  });

  it('a scheduled activation takes effect once the clock passes it (a provider created later on the same storage)', async () => {
    const storage = memoryStorage();
    const before = provider({ storage });
    await before.updateSegments(['rich'], { state: 'inactive', activateAt: '2026-11-05T00:00:00Z' });
    const same = createMemoryProvider({ catalog, data, now: '2026-11-04T00:00:00Z', storage });
    assert.equal((await same.getSegment('rich')).state, 'inactive');
    const after = createMemoryProvider({ catalog, data, now: '2026-11-06T00:00:00Z', storage });
    const [r] = (await after.listSegments({ search: 'rich' })).items;
    assert.deepEqual([r!.state, r!.activateAt, r!.status, r!.memberCount], ['active', null, 'succeeded', 2]);
  });
});

describe('memory provider: deleting a segment others use (bug 4)', () => {
  const user = (id: string, uses: string, displayName: string): SegmentDocument => ({
    schemaVersion: 1,
    id,
    name: id.replace(/-/g, '_'),
    displayName,
    state: 'active',
    audience: 'Customer',
    rules: [{ segment: uses }],
  });

  it('refuses with conflict, naming the dependants by display name, and deletes nothing', async () => {
    const p = provider();
    await p.saveSegment({ ...bigOrders, displayName: 'Big orders' });
    await p.saveSegment(user('uses-rich', 'rich', 'Uses rich'));
    await assert.rejects(p.deleteSegments(['dnc', 'rich']), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError);
      assert.equal(e.code, 'conflict');
      assert.match(e.message, /"DoNotContact" is used by "Big orders"; "Rich" is used by "Uses rich"/);
      assert.deepEqual(e.details, { usedBy: { dnc: ['big-orders'], rich: ['uses-rich'] } });
      return true;
    });
    assert.equal((await p.listSegments()).total, 4, 'nothing deleted');
  });

  it('deletes a segment together with every segment that uses it', async () => {
    const p = provider();
    await p.saveSegment(bigOrders);
    await p.deleteSegments(['big-orders', 'dnc']);
    assert.deepEqual(
      (await p.listSegments()).items.map((s) => s.id),
      ['rich'],
    );
  });

  it('with force, keeps the dependants as inactive drafts whose lastError names the deleted segment', async () => {
    const p = provider();
    await p.saveSegment({ ...bigOrders, state: 'active' });
    await p.saveSegment(user('indirect', 'big-orders', 'Indirect'));
    await p.deleteSegments(['dnc'], { force: true });
    await rejects(p.getSegment('dnc'), 'not-found');
    const [big] = (await p.listSegments({ search: 'bigorders' })).items;
    assert.deepEqual([big!.status, big!.state], ['draft', 'inactive']);
    assert.match(big!.lastError!, /uses "DoNotContact", which was deleted/);
    assert.equal((await p.getSegment('big-orders')).rules[1]!.segment, 'dnc', 'the document is kept as it was');
    await rejects(p.updateSegments(['big-orders'], { state: 'active' }), 'invalid-segment', /draft cannot be activated/);
    // One step further away: not silent either, it fails with the reason.
    const [indirect] = await p.refreshSegments(['indirect']);
    assert.equal(indirect!.status, 'failed');
    assert.match(indirect!.lastError!, /no saved segment "dnc"/);
  });
});

describe('memory provider: persistence', () => {
  it('keeps segments and history across a new provider on the same storage', async () => {
    const storage = memoryStorage();
    const a = provider({ storage });
    await a.saveSegment({ ...bigOrders, id: 'big', state: 'active' });
    const b = createMemoryProvider({ catalog, data, now: NOW, storage });
    assert.deepEqual(
      (await b.listSegments({ sort: { key: 'id' } })).items.map((s) => s.id),
      ['big', 'dnc', 'rich'],
    );
    assert.equal((await b.trend('big')).length, 1);
    assert.equal(b.storageError, undefined);
  });

  it('reports damaged storage, keeps the damaged value, and keeps working', async () => {
    const storage = memoryStorage();
    storage.map.set('segment-kit', '{"version":1,"segments":[{"doc":');
    const reported: SegmentProviderError[] = [];
    const p = createMemoryProvider({ catalog, data, now: NOW, storage, onStorageError: (e) => reported.push(e) });
    assert.equal(reported.length, 1);
    assert.equal(p.storageError?.code, 'storage');
    assert.match(p.storageError.message, /not valid JSON/);
    assert.equal(storage.map.get('segment-kit.damaged'), '{"version":1,"segments":[{"doc":');
    await p.saveSegment(rich);
    assert.equal((await p.listSegments()).total, 1);
    storage.map.set('other', JSON.stringify({ version: 1, segments: [{ doc: {} }], history: {} }));
    const q = createMemoryProvider({ catalog, data, storage, storageKey: 'other' });
    assert.match(q.storageError!.message, /#1 .* is damaged/);
  });
});

describe('memory provider: properties', () => {
  it("count's total equals the number of members, and per-rule cumulative ends at the total", async () => {
    const p = createMemoryProvider({ catalog, data, now: NOW });
    await fc.assert(
      fc.asyncProperty(documentArb(catalog), async (doc) => {
        const counted = await p.count(doc);
        const members = await p.members(doc, { limit: 10_000 });
        assert.equal(counted.total, members.total);
        assert.equal(members.rows.length, members.total);
        assert.equal(counted.rules.at(-1)!.cumulative, counted.total);
        assert.equal(counted.rules.length, doc.rules.length);
      }),
      { seed: 11, numRuns: 150 },
    );
  });
});

describe('memory provider: the Segments page (listing, long refreshes, history)', () => {
  it('a concurrent listSegments during a long refresh sees the ones not done yet running, the others succeeded or failed', async () => {
    const sample = createSampleDataset({ customers: 3000, seed: 5 });
    const base = sample.segments.find((s) => s.type !== 'static' && s.rules.every((r) => !r.segment))!;
    const copies = Array.from({ length: 150 }, (_, i): SegmentDocument => ({
      ...base,
      id: `copy-${String(i).padStart(3, '0')}`,
      name: `Copy${i}`,
      state: 'inactive',
    }));
    // One that will fail: it uses a segment deleted (with force) after it was saved.
    const p = createMemoryProvider({
      catalog: sample.catalog,
      data: sample.data,
      now: sample.now,
      segments: [...sample.segments, ...copies],
    });
    await p.saveSegment({ ...base, id: 'gone', name: 'Gone', state: 'inactive' });
    await p.saveSegment({ ...base, id: 'middle', name: 'Middle', state: 'inactive', rules: [{ segment: 'gone' }] });
    await p.saveSegment({ ...base, id: 'copy-075x', name: 'Copy75x', state: 'inactive', rules: [{ segment: 'middle' }] });
    await p.deleteSegments(['gone'], { force: true });
    const ids = [...copies.map((c) => c.id!), 'copy-075x'].sort();
    await p.updateSegments(ids, { state: 'active' });

    const seen: { status: Map<string, string>; error?: string | null }[] = [];
    const look = setInterval(() => {
      void p
        .listSegments({ search: 'copy', sort: 'name', limit: 500 })
        .then(({ items }) =>
          seen.push({ status: new Map(items.map((s) => [s.id, s.status])), error: items.find((s) => s.id === 'copy-075x')?.lastError }),
        );
    }, 2);
    const refreshed = await p.refreshSegments(ids).finally(() => clearInterval(look));
    assert.deepEqual(
      refreshed.filter((s) => s.status !== 'succeeded').map((s) => [s.id, s.status]),
      [['copy-075x', 'failed']],
    );
    assert.match(refreshed.find((s) => s.id === 'copy-075x')!.lastError!, /no saved segment "gone"/);
    const during = seen.find((x) => [...x.status.values()].includes('running') && [...x.status.values()].includes('succeeded'));
    assert.ok(during, `a listing saw the refresh under way (${seen.length} listings)`);
    // In refresh order: the done ones first, then the running ones.
    const order = ids.map((id) => during.status.get(id));
    const first = order.indexOf('running');
    assert.ok(first > 0 && order.slice(first).every((s) => s === 'running'), `running = the tail: ${order.join(' ')}`);
    assert.ok(
      order.slice(0, first).every((s) => s === 'succeeded' || s === 'failed'),
      `done = the head: ${order.join(' ')}`,
    );
    // An unknown sort key reaches the caller as invalid-argument.
    await rejects(p.listSegments({ sort: 'popularity' }), 'invalid-argument', /"popularity"/);
  });

  it('a scheduled deactivation takes effect once the clock passes it (a provider created later on the same storage)', async () => {
    const storage = memoryStorage();
    const before = provider({ storage });
    const [r] = await before.updateSegments(['rich'], { deactivateAt: '2026-11-05T00:00:00Z' });
    assert.deepEqual([r!.state, r!.deactivateAt], ['active', '2026-11-05T00:00:00.000Z']);
    const same = createMemoryProvider({ catalog, data, now: '2026-11-04T23:59:59Z', storage });
    assert.equal((await same.listSegments({ search: 'rich' })).items[0]!.state, 'active');
    const after = createMemoryProvider({ catalog, data, now: '2026-11-05T00:00:00Z', storage });
    const [off] = (await after.listSegments({ search: 'rich' })).items;
    assert.deepEqual([off!.state, off!.deactivateAt, off!.updatedAt], ['inactive', null, '2026-11-05T00:00:00.000Z']);
    const [skipped] = await after.refreshSegments(['rich']);
    assert.equal(skipped!.status, 'skipped');
  });

  it('a delete removes the history: the trend of a deleted id is not-found, and the id saved again starts afresh', async () => {
    const storage = memoryStorage();
    const p = provider({ storage, history: { rich: [{ date: '2026-10-01T00:00:00Z', count: 1 }] } });
    await p.refreshSegments(['rich']);
    assert.deepEqual(
      (await p.trend('rich')).map((t) => t.count),
      [1, 2],
      'the history given, and a refresh',
    );
    await p.deleteSegments(['rich']);
    await rejects(p.trend('rich'), 'not-found');
    assert.ok(!storage.map.get('segment-kit')!.includes('"rich"'), 'gone from storage too');
    await p.saveSegment({ ...rich, state: 'inactive' });
    assert.deepEqual(await p.trend('rich'), []);
    const [again] = await p.updateSegments(['rich'], { state: 'active' });
    assert.equal(again!.status, 'succeeded');
    assert.deepEqual(await p.trend('rich'), [{ date: '2026-11-01T12:00:00.000Z', count: 2 }], 'one point: the new refresh');
  });
});

it('members rows keep an attribute named "__proto__" as data, with an ordinary prototype', async () => {
  const hostileCatalog = {
    audience: 'Customer',
    entities: [
      {
        name: 'Customer',
        key: 'Id',
        attributes: [
          { name: 'Id', type: 'string' as const },
          { name: '__proto__', type: 'string' as const },
        ],
      },
    ],
    relationships: [],
  };
  const row: Record<string, unknown> = { Id: 'C1' };
  Object.defineProperty(row, '__proto__', { value: 'x', enumerable: true, writable: true, configurable: true });
  const provider = createMemoryProvider({ catalog: hostileCatalog, data: { Customer: [row] } });
  const { rows } = await provider.members({
    schemaVersion: 1,
    name: 'All',
    audience: 'Customer',
    rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'Id', operator: 'isNotEmpty' } }],
  });
  assert.deepEqual(Object.keys(rows[0]!), ['Id', '__proto__'], 'both columns are own keys');
  assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype, 'the prototype is untouched');
  assert.equal(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value, 'x', 'the value is data');
});
