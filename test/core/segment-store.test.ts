/**
 * The segment store on its own, with evaluators written here (no engine): what a SQL
 * provider will rely on. The memory provider's tests cover the store through the engine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SegmentProviderError, isAbortError, type SegmentDocument, type SegmentSummary } from '../../src/core/index.js';
import { REFRESH_SLICE_MS, SegmentStore, type EvaluationContext, type SegmentEvaluator } from '../../src/providers/store/index.js';
import { compare } from '../../src/providers/store/sort.js';
import { testCatalog as catalog } from './helpers/catalog.js';
import { memoryStorage, rejects } from './helpers/provider.js';

const T0 = Date.parse('2026-11-01T12:00:00Z');

const doc = (id: string, extra: Partial<SegmentDocument> = {}): SegmentDocument => ({
  schemaVersion: 1,
  id,
  name: id.replace(/-/g, '_'),
  state: 'active',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 } }],
  ...extra,
});

/** A pending answer the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Counts from a table by segment id; records every call. */
function tableEvaluator(counts: Record<string, number | (() => Promise<number>)>) {
  const calls: { id: string | undefined; type: string | undefined; snapshot: unknown; context: EvaluationContext }[] = [];
  const evaluator: SegmentEvaluator = {
    count(definition, context) {
      calls.push({ id: definition.id, type: definition.type, snapshot: definition.snapshot, context });
      const c = counts[definition.id!];
      if (c === undefined) throw new Error(`no count for ${definition.id}`);
      return typeof c === 'number' ? c : c();
    },
    members(definition, context) {
      calls.push({ id: definition.id, type: definition.type, snapshot: definition.snapshot, context });
      return ['C1', 'C3'];
    },
  };
  return { evaluator, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('segment store', () => {
  it('refreshes through the injected evaluator: a count for dynamic, member keys (a snapshot) for static', async () => {
    const { evaluator, calls } = tableEvaluator({ a: 7 });
    const store = new SegmentStore({ catalog, evaluator, now: () => T0 });
    const a = await store.save(doc('a'));
    assert.equal(a.status, 'succeeded');
    assert.equal(a.memberCount, 7);
    const s = await store.save(doc('s', { type: 'static' }));
    assert.equal(s.memberCount, 2);
    assert.deepEqual((await store.get('s')).snapshot, ['C1', 'C3']);
    // The evaluator gets the definition to evaluate now (dynamic, no snapshot), the clock and the saved segments.
    const last = calls[calls.length - 1]!;
    assert.deepEqual([last.id, last.type, last.snapshot, last.context.now], ['s', 'dynamic', undefined, T0]);
    assert.equal(last.context.segments('a')?.id, 'a');
    assert.deepEqual(await store.trend('a'), [{ date: '2026-11-01T12:00:00.000Z', count: 7 }]);
  });

  it('shows running while an evaluation is pending, then succeeded', async () => {
    const pending = deferred<number>();
    const { evaluator } = tableEvaluator({ a: 1, slow: () => pending.promise });
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments: [doc('a'), doc('slow', { state: 'inactive' })] });
    const saving = store.save(doc('slow'));
    await tick();
    const during = await store.list({ sort: 'id' });
    assert.deepEqual(
      during.items.map((s) => [s.id, s.status]),
      [
        ['a', 'succeeded'],
        ['slow', 'running'],
      ],
    );
    pending.resolve(42);
    const saved = await saving;
    assert.equal(saved.status, 'succeeded');
    assert.equal(saved.memberCount, 42);
  });

  it('a refresh cancelled while pending puts back the status of what it had not evaluated, and evaluates no more', async () => {
    const gate: { slow?: Promise<number> } = {};
    const { evaluator, calls } = tableEvaluator({ a: () => gate.slow ?? Promise.resolve(3), b: 5 });
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments: [doc('a'), doc('b')] });
    assert.deepEqual(
      (await store.list({ sort: 'id' })).items.map((s) => [s.status, s.memberCount]),
      [
        ['succeeded', 3],
        ['succeeded', 5],
      ],
    );
    const pending = deferred<number>();
    gate.slow = pending.promise;
    const c = new AbortController();
    const refreshing = store.refresh(['a', 'b'], { signal: c.signal });
    await tick();
    assert.deepEqual(
      (await store.list({ sort: 'id' })).items.map((s) => s.status),
      ['running', 'running'],
    );
    const evaluated = calls.length;
    assert.equal(calls[evaluated - 1]!.context.signal, c.signal, 'the evaluator gets the signal');
    c.abort();
    pending.reject(new SegmentProviderError('aborted', 'The request was cancelled.'));
    await assert.rejects(refreshing, (e: unknown) => isAbortError(e));
    assert.equal(calls.length, evaluated, 'b is not evaluated after the abort');
    assert.deepEqual(
      (await store.list({ sort: 'id' })).items.map((s) => [s.status, s.memberCount]),
      [
        ['succeeded', 3],
        ['succeeded', 5],
      ],
    );
  });

  it('drops an answer for a definition that was saved again or deleted while it was evaluated', async () => {
    const slow = deferred<number>();
    let answer: () => Promise<number> | number = () => slow.promise;
    const evaluator: SegmentEvaluator = { count: () => answer(), members: () => [] };
    const store = new SegmentStore({ catalog, evaluator, now: () => T0 });
    const saving = store.save(doc('a'));
    await tick();
    answer = () => 9;
    const again = await store.save(doc('a', { displayName: 'Again' }));
    assert.equal(again.memberCount, 9);
    slow.resolve(1);
    await saving;
    const [a] = (await store.list()).items;
    assert.equal(a!.memberCount, 9, 'the late answer for the old definition is not applied');
    assert.deepEqual(await store.trend('a'), [{ date: '2026-11-01T12:00:00.000Z', count: 9 }]);
  });

  it('lists 10,000 segments, with usedBy for each', async () => {
    const { evaluator } = tableEvaluator({});
    const segments = Array.from({ length: 10_000 }, (_, i) =>
      doc(`s${i}`, { state: 'inactive', ...(i >= 100 ? { rules: [{ segment: `s${i % 100}` }] } : {}) }),
    );
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments });
    const started = performance.now();
    const page = await store.list({ sort: 'id', limit: 3 });
    const ms = performance.now() - started;
    assert.equal(page.total, 10_000);
    assert.deepEqual(
      page.items.map((s) => [s.id, s.usedBy.length, s.usedBy[0]]),
      [
        ['s0', 99, 's100'],
        ['s1', 99, 's101'],
        ['s10', 99, 's110'],
      ],
    );
    assert.ok(ms < 2000, `listing took ${ms.toFixed(0)} ms`);
  });
});

/** A clock the test moves by hand. */
function clock(start = T0) {
  const c = { t: start, now: () => c.t, at: (iso: string) => (c.t = Date.parse(iso)) };
  return c;
}

describe('segment store: lastError, schedule and scheduled state changes', () => {
  it('a failed refresh is failed with the error as lastError; the next good one clears it', async () => {
    const answers: Record<string, number | (() => Promise<number>)> = { a: () => Promise.reject(new Error('The database is down.')) };
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator(answers).evaluator, now: () => T0 });
    const failed = await store.save(doc('a'));
    assert.deepEqual([failed.status, failed.lastError, failed.memberCount], ['failed', 'The database is down.', null]);
    answers.a = 4;
    const [ok] = await store.refresh(['a']);
    assert.deepEqual([ok!.status, ok!.lastError, ok!.memberCount], ['succeeded', null, 4]);
  });

  it('summaries carry schedule (system for dynamic, manual for static by default), activateAt and deactivateAt', async () => {
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ d: 1 }).evaluator, now: () => T0 });
    const d = await store.save(doc('d'));
    const s = await store.save(doc('s', { type: 'static', state: 'inactive' }));
    assert.deepEqual(
      [d, s].map((x) => [x.schedule, x.activateAt, x.deactivateAt, x.lastError]),
      [
        ['system', null, null, null],
        ['manual', null, null, null],
      ],
    );
    const [weekly] = await store.update(['s'], { schedule: 'weekly' });
    assert.equal(weekly!.schedule, 'weekly');
    const [dynamic] = await store.update(['d'], { type: 'static' });
    assert.equal(dynamic!.schedule, 'manual', 'the default follows the type until one is chosen');
    assert.equal((await store.update(['s'], { type: 'dynamic' }))[0]!.schedule, 'weekly', 'a chosen schedule stays');
  });

  it('refuses unusable schedule values with invalid-argument and a readable message, changing nothing', async () => {
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 1 }).evaluator, now: () => T0, segments: [doc('a')] });
    await rejects(
      store.update(['a'], { schedule: 'hourly' as 'daily' }),
      'invalid-argument',
      /schedule must be one of "system", .* not "hourly"/,
    );
    await rejects(
      store.update(['a'], { activateAt: 'next tuesday' }),
      'invalid-argument',
      /activateAt must be an ISO 8601 instant .* not "next tuesday"/,
    );
    await rejects(store.update(['a'], { deactivateAt: 1767225600000 as unknown as string }), 'invalid-argument', /deactivateAt must be/);
    await rejects(store.update(['a'], { deactivateAt: new Date(NaN) }), 'invalid-argument', /an invalid Date/);
    await rejects(
      store.update(['a'], { activateAt: '2026-12-01T00:00:00Z', deactivateAt: '2026-12-01' }),
      'invalid-argument',
      /cannot be the same instant/,
    );
    const [a] = (await store.list()).items;
    assert.deepEqual([a!.schedule, a!.activateAt, a!.deactivateAt], ['system', null, null]);
  });

  it('applies a scheduled activation once the clock passes it, on a read or a write, refreshes it, and clears it', async () => {
    const c = clock();
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 3, b: 1 }).evaluator, now: c.now });
    await store.save(doc('a', { state: 'inactive' }));
    const [scheduled] = await store.update(['a'], { activateAt: new Date('2026-11-02T09:00:00+01:00') });
    assert.deepEqual([scheduled!.state, scheduled!.activateAt], ['inactive', '2026-11-02T08:00:00.000Z']);
    c.at('2026-11-02T07:59:59Z');
    assert.equal((await store.list()).items[0]!.state, 'inactive');
    c.at('2026-11-02T08:30:00Z');
    // A write (saving another segment) applies it too.
    await store.save(doc('b', { state: 'inactive' }));
    c.at('2026-11-02T10:00:00Z');
    const a = (await store.list({ search: 'a' })).items[0]!;
    assert.deepEqual(
      [a.state, a.activateAt, a.status, a.memberCount, a.updatedAt],
      ['active', null, 'succeeded', 3, '2026-11-02T08:00:00.000Z'],
    );
    assert.equal(a.lastRefreshed, '2026-11-02T08:30:00.000Z', 'refreshed when the store applied it');
    assert.equal((await store.get('a')).state, 'active');
  });

  it('applies a scheduled deactivation, and both in the order they fall due', async () => {
    const c = clock();
    const store = new SegmentStore({
      catalog,
      evaluator: tableEvaluator({ a: 3, b: 2 }).evaluator,
      now: c.now,
      segments: [doc('a'), doc('b')],
    });
    await store.update(['a'], { deactivateAt: '2026-11-03T00:00:00Z' });
    // b: off at the 3rd, back on at the 5th.
    await store.update(['b'], { deactivateAt: '2026-11-03T00:00:00Z', activateAt: '2026-11-05T00:00:00Z' });
    c.at('2026-11-04T00:00:00Z');
    assert.deepEqual(
      (await store.list({ sort: 'id' })).items.map((s) => [s.id, s.state, s.activateAt, s.deactivateAt]),
      [
        ['a', 'inactive', null, null],
        ['b', 'inactive', '2026-11-05T00:00:00.000Z', null],
      ],
    );
    c.at('2026-11-06T00:00:00Z');
    const b = (await store.refresh(['b']))[0]!;
    assert.deepEqual([b.state, b.activateAt, b.status], ['active', null, 'succeeded']);
    // Both due at one read: on at the 7th, off at the 8th → inactive.
    await store.update(['a'], { activateAt: '2026-11-07T00:00:00Z', deactivateAt: '2026-11-08T00:00:00Z' });
    c.at('2026-11-09T00:00:00Z');
    const a = (await store.list({ search: 'a' })).items[0]!;
    assert.deepEqual([a.state, a.activateAt, a.deactivateAt], ['inactive', null, null]);
  });

  it('activating or deactivating now clears a scheduled change in the same direction; an instant in the past applies at once', async () => {
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 3 }).evaluator, now: () => T0, segments: [doc('a')] });
    await store.update(['a'], { state: 'inactive', activateAt: '2026-12-01T00:00:00Z', deactivateAt: '2026-12-02T00:00:00Z' });
    const [now] = await store.update(['a'], { state: 'active' });
    assert.deepEqual([now!.state, now!.activateAt, now!.deactivateAt], ['active', null, '2026-12-02T00:00:00.000Z']);
    const [past] = await store.update(['a'], { deactivateAt: '2026-10-01T00:00:00Z' });
    assert.deepEqual([past!.state, past!.deactivateAt], ['inactive', null]);
  });

  it('refuses to schedule the activation of a draft; a segment that became a draft since keeps inactive and says why', async () => {
    const c = clock();
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 3, wip: 1 }).evaluator, now: c.now });
    await store.save({ ...doc('wip'), rules: [] });
    await rejects(
      store.update(['wip'], { activateAt: '2026-12-01T00:00:00Z' }),
      'invalid-segment',
      /A draft cannot be scheduled for activation until it is valid: "wip"/,
    );
    await store.save(doc('a', { state: 'inactive' }));
    await store.update(['a'], { activateAt: '2026-12-01T00:00:00Z' });
    // Saved again with no rules: a draft, with its activation still scheduled.
    const draft = await store.save({ ...doc('a', { state: 'inactive' }), rules: [] });
    assert.deepEqual([draft.status, draft.activateAt], ['draft', '2026-12-01T00:00:00.000Z']);
    c.at('2026-12-02T00:00:00Z');
    const a = (await store.list({ search: 'a' })).items[0]!;
    assert.deepEqual([a.state, a.status, a.activateAt], ['inactive', 'draft', null]);
    assert.match(a.lastError!, /activation scheduled for 2026-12-01T00:00:00.000Z was not applied: the segment is a draft/);
  });

  it('a refresh that finds a saved segment no longer valid makes it an inactive draft and says why', async () => {
    const storage = memoryStorage();
    const { evaluator } = tableEvaluator({ a: 3 });
    const first = new SegmentStore({ catalog, evaluator, now: () => T0, storage });
    await first.save(doc('a'));
    const narrower = {
      ...catalog,
      entities: catalog.entities.map((e) =>
        e.name === 'Customer' ? { ...e, attributes: e.attributes.filter((x) => x.name !== 'CreditBalance') } : e,
      ),
    };
    const later = new SegmentStore({ catalog: narrower, evaluator, now: () => T0, storage });
    const [a] = await later.refresh(['a']);
    assert.deepEqual([a!.status, a!.state], ['draft', 'inactive']);
    assert.match(a!.lastError!, /no longer valid: .*CreditBalance/);
  });

  it('refreshing every segment skips the inactive ones and leaves drafts drafts', async () => {
    const store = new SegmentStore({
      catalog,
      evaluator: tableEvaluator({ on: 2, off: 9 }).evaluator,
      now: () => T0,
      segments: [doc('on'), doc('off', { state: 'inactive' }), { ...doc('wip'), rules: [] }],
    });
    const all = (await store.list({ limit: 100 })).items.map((s) => s.id);
    const refreshed = await store.refresh(all);
    assert.deepEqual(refreshed.map((s) => [s.id, s.status, s.memberCount]).sort(), [
      ['off', 'skipped', null],
      ['on', 'succeeded', 2],
      ['wip', 'draft', null],
    ]);
  });

  it('keeps schedule, scheduled changes and lastError in storage; a damaged one is reported and kept', async () => {
    const storage = memoryStorage();
    const c = clock();
    const { evaluator } = tableEvaluator({ a: 3 });
    const first = new SegmentStore({ catalog, evaluator, now: c.now, storage });
    await first.save(doc('a', { state: 'inactive' }));
    await first.update(['a'], { schedule: 'daily', activateAt: '2026-11-10T00:00:00Z' });
    const second = new SegmentStore({ catalog, evaluator, now: c.now, storage });
    const a = (await second.list()).items[0]!;
    assert.deepEqual([a.schedule, a.activateAt, a.state], ['daily', '2026-11-10T00:00:00.000Z', 'inactive']);
    c.at('2026-11-11T00:00:00Z');
    const third = new SegmentStore({ catalog, evaluator, now: c.now, storage });
    assert.deepEqual(
      (await third.list()).items.map((s) => [s.state, s.activateAt, s.status]),
      [['active', null, 'succeeded']],
    );
    const saved = JSON.parse(storage.map.get('segment-kit')!) as { segments: Record<string, unknown>[] };
    saved.segments[0]!.schedule = 'hourly';
    storage.map.set('segment-kit', JSON.stringify(saved));
    const reported: SegmentProviderError[] = [];
    const damaged = new SegmentStore({ catalog, evaluator, now: c.now, storage, onStorageError: (e) => reported.push(e) });
    assert.match(damaged.storageError!.message, /#1 .* is damaged/);
    assert.equal(reported.length, 1);
    assert.equal(storage.map.get('segment-kit.damaged'), JSON.stringify(saved));
  });
});

/** Busy for `ms` of wall-clock time (an evaluation that takes a while, synchronously like the memory engine). */
function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // evaluating
  }
}

describe('segment store: listing for the Segments page', () => {
  /**
   * Five segments that differ on every column, with empty values among them: a refreshed
   * one, a failed one, a never refreshed one, a static one, one used by two others.
   */
  async function pageStore() {
    const c = clock();
    const answers: Record<string, number | (() => Promise<number>)> = {
      a: 5,
      c: 12,
      d: () => Promise.reject(new Error('The warehouse is offline.')),
    };
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator(answers).evaluator, now: c.now });
    await store.save(doc('a', { name: 'alpha', displayName: 'Zed', description: 'first one', tags: ['vip', 'gold'] }));
    c.at('2026-11-02T12:00:00Z');
    await store.save(doc('b', { name: 'Bravo', type: 'static' }));
    c.at('2026-11-03T12:00:00Z');
    await store.save(doc('c', { name: 'charlie', displayName: 'Able', description: 'Second', tags: ['gold'] }));
    c.at('2026-11-04T12:00:00Z');
    await store.save(doc('d', { name: 'Delta', displayName: '', tags: ['archive'], rules: [{ segment: 'c' }] }));
    c.at('2026-11-05T12:00:00Z');
    await store.save(doc('e', { name: 'echo', state: 'inactive', rules: [{ segment: 'c' }, { setOperator: 'union', segment: 'a' }] }));
    c.at('2026-11-06T12:00:00Z');
    await store.update(['b'], { schedule: 'weekly', state: 'inactive' });
    c.at('2026-11-07T12:00:00Z');
    await store.refresh(['c']);
    return store;
  }

  /** The value a key sorts by, as the Segments page shows it. */
  const shown: Record<string, (s: SegmentSummary) => unknown> = {
    name: (s) => s.name.toLowerCase(),
    displayName: (s) => (s.displayName || s.name).toLowerCase(),
    description: (s) => s.description?.toLowerCase(),
    type: (s) => s.type,
    state: (s) => s.state,
    status: (s) => s.status,
    memberCount: (s) => s.memberCount,
    lastRefreshed: (s) => s.lastRefreshed,
    schedule: (s) => s.schedule,
    tags: (s) => s.tags.join(', ').toLowerCase(),
    usedBy: (s) => s.usedBy.length,
    createdAt: (s) => s.createdAt,
    updatedAt: (s) => s.updatedAt,
  };
  const empty = (v: unknown) => v === null || v === undefined || v === '';

  it('sorts by every column, both directions, empty values last either way, ties by id', async () => {
    const store = await pageStore();
    const all = (await store.list({ sort: 'id' })).items;
    assert.deepEqual(
      all.map((s) => s.id),
      ['a', 'b', 'c', 'd', 'e'],
    );
    assert.deepEqual(
      all.map((s) => [s.status, s.memberCount, s.usedBy.length]),
      [
        ['succeeded', 5, 1],
        ['succeeded', 2, 0],
        ['succeeded', 12, 2],
        ['failed', null, 0],
        ['notStarted', null, 0],
      ],
    );
    for (const [key, value] of Object.entries(shown)) {
      for (const direction of ['asc', 'desc'] as const) {
        const got = (await store.list({ sort: { key, direction } })).items;
        const values = got.map(value);
        const filled = values.filter((v) => !empty(v));
        assert.ok(values.slice(filled.length).every(empty), `${key} ${direction}: empty values last (${JSON.stringify(values)})`);
        for (let i = 1; i < got.length; i++) {
          const [x, y] = [values[i - 1], values[i]];
          if (empty(x) || empty(y)) continue;
          const tie = x === y;
          assert.ok(
            tie ? got[i - 1]!.id < got[i]!.id : direction === 'asc' ? (x as string) < (y as string) : (x as string) > (y as string),
            `${key} ${direction}: ${got.map((s) => s.id).join(' ')} (${JSON.stringify(values)})`,
          );
        }
        if (empty(values.at(-1))) assert.ok(filled.length > 0, `${key}: some values`);
      }
    }
    // What each column means, by hand.
    const ids = async (sort: string) => (await store.list({ sort })).items.map((s) => s.id);
    assert.deepEqual(await ids('displayName'), ['c', 'b', 'd', 'e', 'a'], 'Able, Bravo, Delta, echo, Zed: the name stands in');
    assert.deepEqual(await ids('-displayName'), ['a', 'e', 'd', 'b', 'c']);
    assert.deepEqual(await ids('name'), ['a', 'b', 'c', 'd', 'e'], 'case-insensitive');
    assert.deepEqual(await ids('-memberCount'), ['c', 'a', 'b', 'd', 'e'], 'none counted yet: last, descending too');
    assert.deepEqual(await ids('memberCount'), ['b', 'a', 'c', 'd', 'e']);
    assert.deepEqual(await ids('-usedBy'), ['c', 'a', 'b', 'd', 'e'], 'by how many use it; ties by id');
    assert.deepEqual(await ids('tags'), ['d', 'c', 'a', 'b', 'e'], '"archive", "gold", "vip, gold", then none');
    assert.deepEqual(await ids('-tags'), ['a', 'c', 'd', 'b', 'e']);
    assert.deepEqual(await ids('description'), ['a', 'c', 'b', 'd', 'e']);
    assert.deepEqual(await ids('-description'), ['c', 'a', 'b', 'd', 'e']);
    assert.deepEqual(await ids('-lastRefreshed'), ['c', 'b', 'a', 'd', 'e']);
    assert.deepEqual(await ids('updatedAt'), ['a', 'c', 'd', 'e', 'b']);
    assert.deepEqual(await ids('-createdAt'), ['e', 'd', 'c', 'b', 'a']);
    assert.deepEqual(await ids('schedule'), ['a', 'c', 'd', 'e', 'b'], 'system before weekly');
    assert.deepEqual(await ids('-status'), ['a', 'b', 'c', 'e', 'd'], 'succeeded, notStarted, failed');
    assert.deepEqual(await ids('type'), ['a', 'c', 'd', 'e', 'b']);
    assert.deepEqual(await ids('-state'), ['b', 'e', 'a', 'c', 'd']);
    // Several keys: by state, then by members descending.
    assert.deepEqual(
      (await store.list({ sort: ['state', '-memberCount'] })).items.map((s) => s.id),
      ['c', 'a', 'd', 'b', 'e'],
    );
  });

  it('refuses an unknown sort key with invalid-argument, naming it and the keys it accepts', async () => {
    const store = await pageStore();
    await rejects(
      store.list({ sort: 'members' }),
      'invalid-argument',
      /sorted by "members": use one of name, displayName, description, type, state, status, memberCount, lastRefreshed, schedule, tags, usedBy, createdAt, updatedAt/,
    );
    await rejects(store.list({ sort: ['name', { key: '__proto__', direction: 'desc' }] }), 'invalid-argument', /"__proto__"/);
    await rejects(store.list({ sort: 'toString' }), 'invalid-argument', /"toString"/);
  });

  it('searches name and display name case-insensitively, filters by every tag asked for, pages with the whole total', async () => {
    const store = await pageStore();
    const ids = async (opts: Parameters<SegmentStore['list']>[0]) => (await store.list({ sort: 'id', ...opts })).items.map((s) => s.id);
    assert.deepEqual(await ids({ search: 'ABLE' }), ['c'], 'the display name');
    assert.deepEqual(await ids({ search: 'Charl' }), ['c'], 'the name');
    assert.deepEqual(await ids({ search: '  zED ' }), ['a']);
    assert.deepEqual(await ids({ search: 'second' }), [], 'not the description');
    assert.deepEqual(await ids({ search: 'l' }), ['a', 'c', 'd'], 'alpha, Able/charlie, Delta');
    assert.deepEqual(await ids({ tags: ['gold'] }), ['a', 'c']);
    assert.deepEqual(await ids({ tags: ['gold', 'vip'] }), ['a'], 'every tag asked for');
    assert.deepEqual(await ids({ tags: ['gold', 'archive'] }), []);
    assert.deepEqual(await ids({ tags: [] }), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(await ids({ search: 'a', tags: ['gold'] }), ['a', 'c']);
    const page = await store.list({ search: 'a', sort: '-name', offset: 1, limit: 2 });
    assert.deepEqual([page.total, page.items.map((s) => s.id)], [4, ['c', 'b']], 'total is every match, not the page');
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) pages.push(...(await store.list({ sort: 'tags', offset, limit: 2 })).items);
    assert.deepEqual(
      pages.map((s) => s.id),
      (await store.list({ sort: 'tags' })).items.map((s) => s.id),
      'pages in a row are the whole list, no overlap',
    );
    assert.deepEqual((await store.list({ offset: 10 })).items, []);
    assert.equal((await store.list({ offset: 10 })).total, 5);
  });
});

describe('segment store: listing between changes (list keeps its summaries and sort orders)', () => {
  /** What a fresh store with the same segments would list: every summary, by id, with every field. */
  const byId = async (store: SegmentStore, sort = 'id') => (await store.list({ sort, limit: 1000 })).items;
  const ids = async (store: SegmentStore, opts: Parameters<SegmentStore['list']>[0]) => (await store.list(opts)).items.map((s) => s.id);

  it('every change shows at the next list, in the summaries, the sort orders, the search and the tag filter', async () => {
    const c = clock();
    const answers: Record<string, number | (() => Promise<number>)> = { a: 5, b: 7, c: 3, d: 9 };
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator(answers).evaluator, now: c.now });
    await store.save(doc('a', { displayName: 'Mango', tags: ['x'] }));
    await store.save(doc('b', { displayName: 'Apple' }));
    await store.save(doc('c', { displayName: 'Kiwi', state: 'inactive' }));
    // Ask for every order and search once, so that they are kept.
    const warm = async () => {
      for (const sort of ['id', 'displayName', '-memberCount', 'state', 'usedBy', '-updatedAt', 'tags', 'status'])
        await store.list({ sort, limit: 1000 });
      await store.list({ search: 'an' });
      await store.list({ tags: ['x'] });
    };
    await warm();
    assert.deepEqual(await ids(store, { sort: 'displayName' }), ['b', 'c', 'a']);

    // update: a display name, a state, tags
    c.at('2026-11-02T12:00:00Z');
    await store.update(['a'], { displayName: 'Banana', tags: ['y'] });
    assert.deepEqual(await ids(store, { sort: 'displayName' }), ['b', 'a', 'c'], 'renamed: sorted by the new name');
    assert.deepEqual(await ids(store, { search: 'an' }), ['a'], 'the search finds the new name');
    assert.deepEqual(await ids(store, { search: 'mango' }), [], 'and not the old one');
    assert.deepEqual(await ids(store, { tags: ['x'] }), [], 'the tag filter sees the new tags');
    assert.deepEqual(await ids(store, { sort: '-updatedAt' }), ['a', 'b', 'c'], 'the newest first, ties by id');
    await warm();
    await store.update(['b'], { state: 'inactive' });
    assert.equal((await byId(store)).find((s) => s.id === 'b')!.state, 'inactive');
    assert.deepEqual(await ids(store, { sort: 'state' }), ['a', 'b', 'c']);

    // refresh: a new member count and status
    await warm();
    answers.c = 20;
    await store.update(['c'], { state: 'active' });
    assert.equal((await byId(store)).find((s) => s.id === 'c')!.memberCount, 20);
    assert.deepEqual(await ids(store, { sort: '-memberCount' }), ['c', 'b', 'a']);
    await warm();
    answers.a = 50;
    await store.refresh(['a']);
    assert.deepEqual(await ids(store, { sort: '-memberCount' }), ['a', 'c', 'b']);
    await warm();
    answers.a = () => Promise.reject(new Error('down'));
    await store.refresh(['a']);
    const a = (await byId(store)).find((s) => s.id === 'a')!;
    assert.equal(a.status, 'failed');
    assert.equal(a.lastError, 'down');

    // save: a new segment that uses another (its usedBy), and a new version of one
    await warm();
    await store.save(doc('d', { displayName: 'Cherry', rules: [{ segment: 'b' }] }));
    assert.deepEqual(await ids(store, { sort: 'displayName' }), ['b', 'a', 'd', 'c']);
    assert.deepEqual((await byId(store)).find((s) => s.id === 'b')!.usedBy, ['d']);
    assert.deepEqual(await ids(store, { sort: '-usedBy' }), ['b', 'a', 'c', 'd']);
    await warm();
    await store.save({ ...(await store.get('d')), displayName: 'Zucchini', rules: doc('d').rules });
    assert.deepEqual((await byId(store)).find((s) => s.id === 'b')!.usedBy, [], 'the new version does not use b');
    assert.deepEqual(await ids(store, { sort: 'displayName' }), ['b', 'a', 'c', 'd']);

    // a scheduled change falls due with no write in between: the next list applies and shows it
    await warm();
    await store.update(['d'], { deactivateAt: '2026-11-03T00:00:00Z' });
    await warm();
    assert.equal((await byId(store)).find((s) => s.id === 'd')!.deactivateAt, '2026-11-03T00:00:00.000Z');
    c.at('2026-11-04T00:00:00Z');
    const d = (await byId(store)).find((s) => s.id === 'd')!;
    assert.equal(d.state, 'inactive');
    assert.equal(d.deactivateAt, null);

    // delete: gone from every order and search
    await warm();
    await store.delete(['a']);
    assert.deepEqual(await ids(store, { sort: 'displayName' }), ['b', 'c', 'd']);
    assert.deepEqual(await ids(store, { search: 'banana' }), []);
    assert.equal((await store.list({})).total, 3);

    // After all that, the same as a store that never listed before.
    const fresh = new SegmentStore({ catalog, evaluator: tableEvaluator(answers).evaluator, now: c.now });
    for (const x of await byId(store)) await fresh.save(await store.get(x.id));
    const strip = (list: SegmentSummary[]) =>
      list.map(({ id, displayName, state, usedBy, tags }) => ({ id, displayName, state, usedBy, tags }));
    assert.deepEqual(strip(await byId(store, 'displayName')), strip(await byId(fresh, 'displayName')));
  });

  it('after many small changes, every order kept is still the whole list in order (the sort starts from the last order)', async () => {
    const c = clock();
    const answers: Record<string, number> = {};
    const n = 300;
    for (let i = 0; i < n; i++) answers[`s${i}`] = (i * 37) % 50;
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator(answers).evaluator, now: c.now });
    for (let i = 0; i < n; i++) await store.save(doc(`s${i}`, { displayName: i % 3 ? `Name ${(i * 7) % 41}` : '', state: 'inactive' }));
    const values: Record<string, (s: SegmentSummary) => unknown> = {
      displayName: (s) => s.displayName || s.name,
      state: (s) => s.state,
      memberCount: (s) => s.memberCount,
      updatedAt: (s) => Date.parse(s.updatedAt),
      tags: (s) => s.tags,
    };
    const sorts = ['displayName', '-displayName', 'state', '-memberCount', '-updatedAt', 'tags'];
    let count = n;
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 25; round++) {
      for (const sort of sorts) {
        const { items, total } = await store.list({ sort, limit: 1000 });
        assert.equal(total, items.length);
        assert.equal(total, count, 'every segment, once');
        assert.equal(new Set(items.map((s) => s.id)).size, items.length, 'no row twice');
        const key = sort.replace('-', '');
        const direction = sort.startsWith('-') ? 'desc' : 'asc';
        for (let i = 1; i < items.length; i++) {
          const cmp = compare(values[key]!(items[i - 1]!), values[key]!(items[i]!), direction);
          assert.ok(
            cmp < 0 || (cmp === 0 && items[i - 1]!.id < items[i]!.id),
            `${sort}, round ${round}: ${items[i - 1]!.id} before ${items[i]!.id}`,
          );
        }
      }
      c.t += 60_000;
      const some = Array.from({ length: 1 + Math.floor(random() * 8) }, () => `s${Math.floor(random() * n)}`);
      const ids = [...new Set(some)].filter((id) => store.lookup(id));
      const what = random();
      if (what < 0.3) await store.update(ids, { displayName: `Renamed ${Math.floor(random() * 100)}` });
      else if (what < 0.5) await store.update(ids, { state: random() < 0.5 ? 'active' : 'inactive' });
      else if (what < 0.65) await store.update(ids, { tags: [`t${Math.floor(random() * 4)}`] });
      else if (what < 0.8 && ids.length) {
        await store.delete([ids[0]!]);
        count--;
      } else {
        await store.save(doc(`new-${round}`, { displayName: `New ${round}`, state: 'inactive' }));
        count++;
      }
    }
  });

  it('a caller changing the summaries it was given does not change the next list', async () => {
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 1, b: 2 }).evaluator, now: () => T0 });
    await store.save(doc('a', { tags: ['x'] }));
    await store.save(doc('b', { rules: [{ segment: 'a' }] }));
    const first = (await store.list({ sort: 'id' })).items;
    first[0]!.tags.push('changed');
    first[0]!.usedBy.length = 0;
    first[0]!.name = 'changed';
    const again = (await store.list({ sort: 'id' })).items;
    assert.notEqual(again[0], first[0]);
    assert.deepEqual(again[0]!.tags, ['x']);
    assert.deepEqual(again[0]!.usedBy, ['b']);
    assert.equal(again[0]!.name, 'a');
  });

  it('a list during a long refresh sees the statuses as they are, then the answers', async () => {
    const gate = deferred<number>();
    const store = new SegmentStore({ catalog, evaluator: tableEvaluator({ a: 1, b: () => gate.promise }).evaluator, now: () => T0 });
    await store.save(doc('a'));
    await store.save(doc('b', { state: 'inactive' }));
    await store.list({ sort: 'status' });
    const activating = store.update(['b'], { state: 'active' });
    await tick();
    assert.equal((await byId(store, 'status')).find((s) => s.id === 'b')!.status, 'running');
    gate.resolve(4);
    await activating;
    const b = (await byId(store, 'status')).find((s) => s.id === 'b')!;
    assert.equal(b.status, 'succeeded');
    assert.equal(b.memberCount, 4);
  });
});

describe('segment store: long refreshes do not block', () => {
  it('a refresh of many segments lets other calls run: a concurrent list sees running, succeeded and failed', async () => {
    const n = 300;
    const answers: Record<string, number> = {};
    const evaluator: SegmentEvaluator = {
      count(definition) {
        busy(0.5);
        if (definition.id === 's7') throw new Error('Column "CreditBalance" is locked.');
        return (answers[definition.id!] = Number(definition.id!.slice(1)));
      },
      members: () => [],
    };
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments: ids.map((id) => doc(id, { state: 'inactive' })) });
    await store.update(ids, { state: 'active' });
    // Now all are refreshed once; refresh them all again and look in while it runs.
    const seen: SegmentSummary[][] = [];
    let timers = 0;
    const look = setInterval(() => {
      timers++;
      void store.list({ sort: 'createdAt', limit: n }).then((page) => seen.push(page.items));
    }, 5);
    const started = performance.now();
    const refreshed = await store.refresh(ids);
    const ms = performance.now() - started;
    clearInterval(look);
    assert.ok(ms > 100, `the refresh took ${ms.toFixed(0)} ms`);
    assert.ok(timers >= 3, `timers ran during the refresh (${timers})`);
    const during = seen.find((items) => items.some((s) => s.status === 'running') && items.some((s) => s.status === 'succeeded'));
    assert.ok(
      during,
      `a list during the refresh saw some done and some running: ${seen.map((x) => x.filter((s) => s.status === 'running').length).join(', ')}`,
    );
    // The ones still running are the ones not evaluated yet: the refresh goes in order.
    const status = new Map(during.map((s) => [s.id, s.status]));
    const running = ids.map((id) => status.get(id) === 'running');
    const firstRunning = running.indexOf(true);
    assert.ok(running.slice(firstRunning).every(Boolean), 'running = the tail of the queue');
    assert.ok(
      ids.slice(0, firstRunning).every((id) => status.get(id) === (id === 's7' ? 'failed' : 'succeeded')),
      'the head: done',
    );
    assert.equal(during.find((s) => s.id === 's7')!.lastError, 'Column "CreditBalance" is locked.');
    assert.deepEqual(
      refreshed.filter((s) => s.status !== 'succeeded').map((s) => [s.id, s.status, s.lastError]),
      [['s7', 'failed', 'Column "CreditBalance" is locked.']],
    );
    assert.equal(refreshed[42]!.memberCount, 42);
  });

  it('refreshes 10,000 segments in slices: other tasks run between them', async () => {
    const n = 10_000;
    let evaluations = 0;
    const evaluator: SegmentEvaluator = {
      count: () => {
        evaluations++;
        return 1;
      },
      members: () => [],
    };
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments: ids.map((id) => doc(id, { state: 'inactive' })) });
    await store.update(ids, { state: 'active' });
    assert.equal(evaluations, n);
    const midway: number[] = [];
    let done = false;
    const tickEvery = () => {
      if (done) return;
      midway.push(evaluations);
      setImmediate(tickEvery);
    };
    setImmediate(tickEvery);
    const started = performance.now();
    const refreshed = await store.refresh(ids);
    done = true;
    const ms = performance.now() - started;
    assert.equal(evaluations, 2 * n);
    assert.ok(
      refreshed.every((s) => s.status === 'succeeded'),
      'all succeeded',
    );
    const inside = midway.filter((e) => e > n && e < 2 * n);
    // Without slices, no other task runs until all 10,000 are done. (A slice is ~10 ms of work.)
    if (ms > 4 * REFRESH_SLICE_MS) assert.ok(inside.length >= 1, `other tasks ran during a ${ms.toFixed(0)} ms refresh: ${inside.length}`);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });

  it('a refresh cancelled between slices stops there and puts the others back', async () => {
    const evaluator: SegmentEvaluator = {
      count: () => {
        busy(1);
        return 1;
      },
      members: () => [],
    };
    const ids = Array.from({ length: 200 }, (_, i) => `s${i}`);
    const store = new SegmentStore({ catalog, evaluator, now: () => T0, segments: ids.map((id) => doc(id, { state: 'inactive' })) });
    await store.update(ids, { state: 'active' });
    const c = new AbortController();
    setTimeout(() => c.abort(), 30);
    await assert.rejects(store.refresh(ids, { signal: c.signal }), (e: unknown) => isAbortError(e));
    const statuses = (await store.list({ limit: 200 })).items.map((s) => s.status);
    assert.ok(
      statuses.every((s) => s === 'succeeded'),
      'the ones not evaluated are back to their last status',
    );
  });
});
