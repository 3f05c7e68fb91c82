/**
 * The segment store on its own, with evaluators written here (no engine): what a SQL
 * provider will rely on. The memory provider's tests cover the store through the engine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SegmentProviderError, isAbortError, type SegmentDocument } from '../../src/core/index.js';
import { SegmentStore, type EvaluationContext, type SegmentEvaluator } from '../../src/providers/store/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';

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
