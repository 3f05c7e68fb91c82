/**
 * `segment-kit/memory/worker` in Chromium: a real module worker started through the dev
 * server, running the shipped memory provider, compared call by call with the same
 * provider in the page. Aborts, errors, storage, start-up failures and terminate.
 */
import { expect } from '@open-wc/testing';
import type { SegmentDocument } from '../../src/core/model/types.js';
import { SegmentProviderError } from '../../src/core/provider/types.js';
import { createMemoryProvider, type MemoryProvider, type StorageLike } from '../../src/providers/memory/index.js';
import { createWorkerProvider, type WorkerProvider, type WorkerProviderOptions } from '../../src/providers/memory/worker.js';
import type { CallMessage, FromWorker, ToWorker } from '../../src/providers/memory/worker-protocol.js';
import { createSampleDataset, createSampleProvider } from '../../src/sample/index.js';
import { catalog, data, doNotContact, example, NOW } from './fixtures.js';
import { threeRules as threeRulesOf } from '../../bench/worker/pages/segment.js';

const WORKER_URL = new URL('../../src/providers/memory/worker-main.js', import.meta.url);

/** The three-rule segment with a related aggregate of bench/engine.ts part B (one copy, in the worker bench). */
const threeRules: SegmentDocument = threeRulesOf();

/** A Map behind the StorageLike interface, recording every write. */
class MapStorage implements StorageLike {
  readonly values = new Map<string, string>();
  readonly writes: string[] = [];
  failWrites: Error | undefined;
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw this.failWrites;
    this.writes.push(key);
    this.values.set(key, value);
  }
}

/** The worker the provider would start, with every message in both directions recorded (and aborts delayed when asked). */
function tappedWorker(opts: { delayAborts?: number } = {}) {
  const received: { message: FromWorker; at: number }[] = [];
  const sent: ToWorker[] = [];
  let worker: Worker | undefined;
  const start = () => {
    worker = new Worker(WORKER_URL, { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<FromWorker>) => received.push({ message: e.data, at: performance.now() }));
    const post = worker.postMessage.bind(worker) as (m: ToWorker) => void;
    worker.postMessage = ((m: ToWorker) => {
      sent.push(m);
      if (m.type === 'abort' && opts.delayAborts) setTimeout(() => post(m), opts.delayAborts);
      else post(m);
    }) as Worker['postMessage'];
    return worker;
  };
  const answersTo = (id: number) => received.filter((r) => 'id' in r.message && r.message.id === id);
  const lastCallId = () => (sent.filter((m): m is CallMessage => m.type === 'call').pop() as CallMessage).id;
  return { start, received, sent, answersTo, lastCallId };
}

/** The reason a promise rejected with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<SegmentProviderError> {
  try {
    await promise;
  } catch (e) {
    return e as SegmentProviderError;
  }
  throw new Error('expected the call to reject');
}

const until = async (check: () => boolean, ms = 5000) => {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const providers: WorkerProvider[] = [];
function start(options: WorkerProviderOptions): WorkerProvider {
  const p = createWorkerProvider(options);
  providers.push(p);
  return p;
}
afterEach(() => {
  for (const p of providers.splice(0)) p.terminate();
});

/** The same calls on both providers, answers compared. */
async function sameAnswers(local: MemoryProvider, remote: WorkerProvider, segments: SegmentDocument[], memberKey: string) {
  expect(await remote.getCatalog()).to.deep.equal(await local.getCatalog());
  for (const s of segments) {
    expect(await remote.count(s), `count of ${s.name}`).to.deep.equal(await local.count(s));
    const page = { offset: 1, limit: 5, sort: '-CustomerId' };
    expect(await remote.members(s, page), `members of ${s.name}`).to.deep.equal(await local.members(s, page));
    expect(await remote.explain(s, memberKey), `explain of ${s.name}`).to.deep.equal(await local.explain(s, memberKey));
  }
  const suggest = { query: 'a', limit: 4 };
  expect(await remote.suggestValues('Customer', 'City', suggest)).to.deep.equal(await local.suggestValues('Customer', 'City', suggest));
  expect(await remote.suggestValues('Order', 'Channel')).to.deep.equal(await local.suggestValues('Order', 'Channel'));
  expect(await remote.attributeStats('Order', 'TotalAmount')).to.deep.equal(await local.attributeStats('Order', 'TotalAmount'));
  expect(await remote.listSegments()).to.deep.equal(await local.listSegments());
}

describe('createWorkerProvider (segment-kit/memory/worker)', () => {
  it('answers like the memory provider in the page over the same rows (data cloned to the worker)', async () => {
    const options = { catalog, data, now: NOW, segments: [doNotContact] };
    const local = createMemoryProvider(options);
    const remote = start(options);
    await sameAnswers(local, remote, [doNotContact, example()], 'C1');

    // The store: save, get, list, refresh, update, trend and delete give the same answers.
    const saved = await remote.saveSegment(example());
    expect(saved).to.deep.equal(await local.saveSegment(example()));
    expect(saved.usedBy).to.deep.equal([]);
    expect((await remote.listSegments({ search: 'escalated' })).items.map((s) => s.id)).to.deep.equal(['high-value-escalated']);
    expect(await remote.getSegment('high-value-escalated')).to.deep.equal(await local.getSegment('high-value-escalated'));
    expect(await remote.refreshSegments(['high-value-escalated'])).to.deep.equal(await local.refreshSegments(['high-value-escalated']));
    const patch = { state: 'active' as const, tags: ['vip'] };
    expect(await remote.updateSegments(['high-value-escalated'], patch)).to.deep.equal(
      await local.updateSegments(['high-value-escalated'], patch),
    );
    expect(await remote.trend('high-value-escalated')).to.deep.equal(await local.trend('high-value-escalated'));
    await remote.deleteSegments(['high-value-escalated']);
    await local.deleteSegments(['high-value-escalated']);
    expect(await remote.listSegments()).to.deep.equal(await local.listSegments());
  });

  it('generates the sample dataset in the worker and answers like createSampleProvider', async () => {
    const local = createSampleProvider({ customers: 300, seed: 5, historyDays: 20, historyEvery: 5 });
    const remote = start({ dataset: { sample: { customers: 300, seed: 5, historyDays: 20, historyEvery: 5 } } });
    const saved = (await local.listSegments()).items.map((s) => s.id);
    expect(saved.length).to.be.greaterThan(2);
    const segments = await Promise.all(saved.slice(0, 3).map((id) => local.getSegment(id)));
    await sameAnswers(local, remote, [...segments, threeRules], local.dataset.data.Customer![7]!.CustomerId as string);
    for (const id of saved) expect(await remote.trend(id), `trend of ${id}`).to.deep.equal(await local.trend(id));
    const count = await remote.count(threeRules);
    expect(count.total).to.be.greaterThan(0);
    expect(count.rules).to.have.length(3);
  });

  it('fetches the rows in the worker with dataset: { url } and answers like the memory provider in the page', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
    try {
      const local = createMemoryProvider({ catalog, data, now: NOW, segments: [doNotContact] });
      const remote = start({ catalog, dataset: { url }, now: NOW, segments: [doNotContact] });
      // Called at once: the calls wait in the worker until the rows have arrived.
      const early = remote.count(example());
      await sameAnswers(local, remote, [doNotContact, example()], 'C3');
      expect(await early).to.deep.equal(await local.count(example()));
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('rejects start-up and calls with a clear error when the rows at dataset.url cannot be loaded', async () => {
    const missing = start({ catalog, dataset: { url: './no-such-rows.json' } });
    const error = await rejection(missing.count(doNotContact));
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.match(/The data at http:\/\/.+\/no-such-rows\.json could not be loaded: HTTP 404/);
    expect((await rejection(missing.ready)).message).to.equal(error.message);
    const url = URL.createObjectURL(new Blob(['[1, 2]'], { type: 'application/json' }));
    try {
      const wrong = start({ catalog, dataset: { url } });
      expect((await rejection(wrong.ready)).message).to.contain('is not rows per entity');
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('is a SegmentProvider with every method of the memory provider once the worker is up', async () => {
    const local = createMemoryProvider({ catalog, data }) as unknown as Record<string, unknown>;
    const remote = start({ catalog, data });
    expect(remote.getCatalog).to.be.a('function');
    await remote.ready;
    const methods = Object.keys(local).filter((k) => typeof local[k] === 'function');
    expect(methods).to.include.members(['count', 'explain', 'attributeStats']);
    for (const name of methods) expect((remote as unknown as Record<string, unknown>)[name], name).to.be.a('function');
    // After start-up, names the memory provider does not have are not there either.
    expect((remote as unknown as Record<string, unknown>).noSuchMethod).to.equal(undefined);
    // Promise adoption and JSON never mistake it for a thenable.
    expect(await Promise.resolve(remote)).to.equal(remote);
  });

  it('forwards a method by name before start-up and rejects one the memory provider lacks', async () => {
    const remote = start({ catalog, data }) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const error = await rejection(remote.noSuchMethod!({ x: 1 }));
    expect(error).to.be.instanceOf(SegmentProviderError);
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('noSuchMethod');
  });

  it("forwards the memory provider's data methods by name (setData, upsertRows, removeRows)", async () => {
    const remote = start({ catalog, data: { Customer: [] } });
    expect((await remote.count(doNotContact)).total).to.equal(0);
    await remote.setData(data);
    expect(await remote.count(doNotContact)).to.deep.equal(await createMemoryProvider({ catalog, data }).count(doNotContact));
  });

  describe('aborts', () => {
    it('rejects at once with AbortError and aborts the real call in the worker', async () => {
      const tap = tappedWorker();
      const remote = start({ catalog, data, latency: 400, worker: tap.start });
      await remote.ready;
      const controller = new AbortController();
      const call = remote.count(example(), { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      controller.abort();
      const error = await rejection(call);
      const rejectedAt = performance.now();
      expect(rejectedAt - t0).to.be.below(50);
      expect(error).to.be.instanceOf(SegmentProviderError);
      expect(error.name).to.equal('AbortError');
      expect(error.code).to.equal('aborted');
      expect(error.message).to.equal('The request was cancelled.');
      // The worker aborted the memory provider's own signal: its latency wait ended with an abort, long before 400 ms.
      const id = tap.lastCallId();
      await until(() => tap.answersTo(id).length > 0, 300);
      expect(tap.answersTo(id).map((r) => r.message.type === 'error' && r.message.error.code)).to.deep.equal(['aborted']);
      // The page did not wait for the worker to say so.
      expect(tap.answersTo(id)[0]!.at).to.be.above(rejectedAt);
    });

    it('drops the late answer of an aborted call', async () => {
      // Aborts reach the worker 200 ms late, so it computes the count and answers anyway.
      const tap = tappedWorker({ delayAborts: 200 });
      const remote = start({ catalog, data, now: NOW, segments: [doNotContact], worker: tap.start });
      await remote.ready;
      const controller = new AbortController();
      let settled: unknown;
      const call = remote.count(example(), { signal: controller.signal }).then(
        (v) => (settled = v),
        (e: unknown) => (settled = e),
      );
      const id = tap.lastCallId();
      controller.abort();
      await call;
      expect((settled as Error).name).to.equal('AbortError');
      await until(() => tap.answersTo(id).length > 0);
      expect(tap.answersTo(id)[0]!.message.type).to.equal('result');
      // The late result changed nothing, and the next call gets its own answer.
      expect((settled as Error).name).to.equal('AbortError');
      const local = createMemoryProvider({ catalog, data, now: NOW });
      expect(await remote.count(doNotContact)).to.deep.equal(await local.count(doNotContact));
    });

    it('rejects a call whose signal is already aborted without sending it', async () => {
      const tap = tappedWorker();
      const remote = start({ catalog, data, worker: tap.start });
      const error = await rejection(remote.getCatalog({ signal: AbortSignal.abort() }));
      expect(error.name).to.equal('AbortError');
      expect(tap.sent.filter((m) => m.type === 'call')).to.have.length(0);
    });

    it('computes only the latest of a burst of superseded counts, as the builder sends them', async () => {
      const tap = tappedWorker();
      const remote = start({ dataset: { sample: { customers: 2000, seed: 2, historyDays: 0 } }, worker: tap.start });
      await remote.ready;
      let controller: AbortController | undefined;
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 6; i++) {
        controller?.abort();
        controller = new AbortController();
        calls.push(remote.count(threeRules, { signal: controller.signal }).catch((e: unknown) => e));
      }
      const results = await Promise.all(calls);
      expect(results.slice(0, 5).map((e) => (e as Error).name)).to.deep.equal(Array(5).fill('AbortError'));
      expect((results[5] as { total: number }).total).to.be.a('number');
      const ids = tap.sent.filter((m): m is CallMessage => m.type === 'call').map((m) => m.id);
      await new Promise((r) => setTimeout(r, 50));
      // Superseded calls whose abort arrives before they start are dropped: no answer at all. The page
      // posts the twelve messages in one task, but on a busy machine the worker may start a call or
      // two before the abort behind it is posted; most of the burst is never computed.
      const answers = ids.map((id) => tap.answersTo(id).length);
      expect(answers[5], 'the latest is answered once').to.equal(1);
      expect(
        answers.slice(0, 5).every((n) => n <= 1),
        'no call answered twice',
      ).to.equal(true);
      expect(
        answers.slice(0, 5).reduce((a, b) => a + b, 0),
        'superseded calls computed',
      ).to.be.at.most(2);
    });
  });

  describe('errors', () => {
    it('keep their code, message and details', async () => {
      const local = createMemoryProvider({ catalog, data });
      const remote = start({ catalog, data });
      const invalid = { ...example(), name: 'has spaces' };
      const cases: [string, (p: MemoryProvider | WorkerProvider) => Promise<unknown>][] = [
        ['invalid segment', (p) => p.count(invalid)],
        ['not a segment', (p) => p.members({ rules: 'no' } as unknown as SegmentDocument)],
        ['not found', (p) => p.getSegment('nope')],
        ['invalid argument', (p) => p.updateSegments([], { state: 'on' as 'active' })],
        ['unknown member', (p) => p.explain(example(), 'C404')],
      ];
      for (const [label, run] of cases) {
        const [mine, theirs] = [await rejection(run(local)), await rejection(run(remote))];
        expect(theirs, label).to.be.instanceOf(SegmentProviderError);
        expect({ code: theirs.code, name: theirs.name, message: theirs.message }, label).to.deep.equal({
          code: mine.code,
          name: mine.name,
          message: mine.message,
        });
        expect(JSON.parse(JSON.stringify(theirs.details ?? null)), label).to.deep.equal(JSON.parse(JSON.stringify(mine.details ?? null)));
      }
      expect((await rejection(remote.count(invalid))).code).to.equal('invalid-segment');
    });

    it('rejects every call with the start-up error when the options are wrong in the worker', async () => {
      const remote = start({ catalog: { audience: 'Nobody', entities: [], relationships: [] }, data: {} });
      const error = await rejection(remote.ready);
      expect(error.code).to.equal('invalid-argument');
      expect(error.message).to.contain('Nobody');
      expect((await rejection(remote.count(doNotContact))).code).to.equal('invalid-argument');
    });

    it('throws at once for options that cannot be sent, or no data at all', () => {
      expect(() => createWorkerProvider({ catalog, data, now: (() => 1) as unknown as number })).to.throw(
        SegmentProviderError,
        /cannot be sent/,
      );
      expect(() => createWorkerProvider({})).to.throw(SegmentProviderError, /needs a catalog/);
      expect(() => createWorkerProvider({ catalog, data, dataset: { sample: {} } })).to.throw(SegmentProviderError, /not both/);
      expect(() => createWorkerProvider({ catalog, data, dataset: { url: '/rows.json' } })).to.throw(SegmentProviderError, /not both/);
      expect(() => createWorkerProvider({ dataset: { url: '/rows.json' } })).to.throw(SegmentProviderError, /needs a catalog/);
    });

    it('rejects arguments that cannot be cloned with invalid-argument', async () => {
      const remote = start({ catalog, data });
      const error = await rejection(remote.count({ ...doNotContact, description: (() => 1) as unknown as string }));
      expect(error.code).to.equal('invalid-argument');
      expect(error.message).to.contain('count()');
    });
  });

  describe('storage', () => {
    it("writes come back to the page's storage, as the memory provider in the page writes them", async () => {
      const mine = new MapStorage();
      const theirs = new MapStorage();
      const options = { catalog, data, now: NOW, segments: [doNotContact], storageKey: 'sk-test' };
      const local = createMemoryProvider({ ...options, storage: mine });
      const remote = start({ ...options, storage: theirs });
      await local.saveSegment(example());
      await remote.saveSegment(example());
      expect(theirs.writes).to.deep.equal(mine.writes);
      expect(theirs.writes.length).to.be.greaterThan(0);
      expect(JSON.parse(theirs.values.get('sk-test')!)).to.deep.equal(JSON.parse(mine.values.get('sk-test')!));
      await remote.updateSegments(['high-value-escalated'], { state: 'active' });
      await local.updateSegments(['high-value-escalated'], { state: 'active' });
      expect(theirs.values.get('sk-test')).to.equal(mine.values.get('sk-test'));

      // A new worker reads what the first one saved.
      const again = start({ ...options, segments: [], storage: theirs });
      expect((await again.listSegments()).items.map((s) => s.id)).to.deep.equal(['do-not-contact', 'high-value-escalated']);
      expect(await again.trend('high-value-escalated')).to.deep.equal(await local.trend('high-value-escalated'));
    });

    it('reports a damaged value, keeps it under key.damaged and starts empty, like the memory provider', async () => {
      const storage = new MapStorage();
      storage.values.set('segment-kit', '{ not json');
      const seen: SegmentProviderError[] = [];
      const remote = start({ catalog, data, storage, segments: [doNotContact], onStorageError: (e) => seen.push(e) });
      expect(remote.storageError).to.equal(undefined);
      await remote.ready;
      const local = createMemoryProvider({ catalog, data, storage: new MapStorage(), segments: [doNotContact] });
      expect(remote.storageError?.code).to.equal('storage');
      expect(remote.storageError?.message).to.equal('The saved segments under "segment-kit" are not valid JSON.');
      expect(seen.map((e) => e.message)).to.deep.equal([remote.storageError!.message]);
      expect(storage.values.get('segment-kit.damaged')).to.equal('{ not json');
      expect((await remote.listSegments()).total).to.equal(0);
      expect((await local.listSegments()).total).to.equal(1);
    });

    it('a storage that cannot be read at all gives the memory provider’s storage error', async () => {
      const storage: StorageLike = {
        getItem: () => {
          throw new Error('SecurityError: access denied');
        },
        setItem: () => {},
      };
      const remote = start({ catalog, data, storage });
      await remote.ready;
      expect(remote.storageError?.code).to.equal('storage');
      expect(remote.storageError?.message).to.equal('Saved segments could not be read from storage: SecurityError: access denied');
    });

    it('a write the page storage refuses rejects the call that made it with a storage error', async () => {
      const storage = new MapStorage();
      const remote = start({ catalog, data, now: NOW, storage });
      await remote.ready;
      storage.failWrites = new Error('QuotaExceededError');
      const error = await rejection(remote.saveSegment(example()));
      expect(error.code).to.equal('storage');
      expect(error.message).to.equal('Segments could not be saved to storage: QuotaExceededError');
      storage.failWrites = undefined;
      // Like the memory provider, the segment is kept in memory; the next write stores it.
      await remote.saveSegment(doNotContact);
      expect(JSON.parse(storage.values.get('segment-kit')!).segments.map((s: { doc: { id: string } }) => s.doc.id)).to.deep.equal([
        'high-value-escalated',
        'do-not-contact',
      ]);
    });
  });

  describe('lifecycle', () => {
    it('terminate() rejects pending and later calls with unavailable and ends the worker', async () => {
      const tap = tappedWorker();
      const remote = start({ catalog, data, latency: 300, worker: tap.start });
      await remote.ready;
      const pending = remote.count(doNotContact);
      remote.terminate();
      const error = await rejection(pending);
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.contain('terminated');
      expect((await rejection(remote.listSegments())).code).to.equal('unavailable');
      await new Promise((r) => setTimeout(r, 400));
      // The worker is gone: the latency wait never finished there.
      expect(tap.answersTo(tap.lastCallId())).to.have.length(0);
      remote.dispose();
    });

    it('a worker that cannot load rejects start-up and every call with unavailable, and nothing hangs', async () => {
      const remote = start({
        catalog,
        data,
        worker: () => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' }),
      });
      const pending = remote.count(doNotContact);
      const error = await rejection(remote.ready);
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.contain('could not be started');
      expect((await rejection(pending)).code).to.equal('unavailable');
      expect((await rejection(remote.getCatalog())).code).to.equal('unavailable');
    });

    it('a worker constructor that throws (a CSP, no Worker) rejects with unavailable', async () => {
      const remote = start({
        catalog,
        data,
        worker: () => {
          throw new DOMException(
            "Refused to create a worker: violates the Content Security Policy directive 'worker-src'",
            'SecurityError',
          );
        },
      });
      const error = await rejection(remote.count(doNotContact));
      expect(error.code).to.equal('unavailable');
      expect(error.message).to.contain('worker-src');
      expect((await rejection(remote.ready)).code).to.equal('unavailable');
    });

    it('answers before start-up finishes: calls made at once wait for the worker', async () => {
      const remote = start({ dataset: { sample: { customers: 500, seed: 3, historyDays: 0 } } });
      const local = createSampleProvider({ customers: 500, seed: 3, historyDays: 0 });
      const [a, b] = await Promise.all([remote.count(threeRules), remote.listSegments({ limit: 2 })]);
      expect(a).to.deep.equal(await local.count(threeRules));
      expect(b).to.deep.equal(await local.listSegments({ limit: 2 }));
      expect(createSampleDataset({ customers: 500, seed: 3 }).data.Customer).to.have.length(500);
    });
  });
});
