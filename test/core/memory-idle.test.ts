/**
 * Idle-time preparation (`prepareWhenIdle`): the engine's indexes built a slice at a time
 * change no answer — asked before, during or after it — the first questions find them
 * built, a data change drops the preparation of the old data, and no turn holds the thread
 * for long.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSegment, prepareSteps } from '../../src/core/evaluate/index.js';
import { tableOf } from '../../src/core/evaluate/columns.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { IdlePreparation, SLICE_MS } from '../../src/providers/memory/idle.js';
import { createSampleDataset } from '../../src/sample/index.js';

// 2,000 customers: about 20,000 orders, so the orders' builds take several slices.
const sample = createSampleDataset({ customers: 2000, seed: 5 });
const copy = () => Object.fromEntries(Object.entries(sample.data).map(([k, rows]) => [k, rows.slice()]));
const docs = sample.segments.filter((s) => s.rules.every((r) => r.where));
const tick = () => new Promise((r) => setTimeout(r, 0));
/** Is this build finished (its steps have nothing left)? Rows of more than one slice (2,048) only: a fresh build's first step does one slice. */
const built = (rows: readonly Record<string, unknown>[], attr: string, type: 'date' | 'number' | 'string') =>
  tableOf(rows).columnSteps(attr, type).next().done === true;

describe('memory provider: preparation in idle time', () => {
  it('answers the same before, during and after the preparation, and the indexes are built at the end', async () => {
    const data = copy();
    const p = createMemoryProvider({ catalog: sample.catalog, data, now: sample.now, prepareWhenIdle: 'all' });
    const expected = (doc: (typeof docs)[number]) =>
      evaluateSegment(doc, { catalog: sample.catalog, data: sample.data }, { now: sample.now });
    assert.equal((await p.count(docs[0]!)).total, expected(docs[0]!).total, 'before any turn');
    await tick();
    await tick();
    for (const doc of docs) {
      const want = expected(doc);
      assert.equal((await p.count(doc)).total, want.total, `count of ${doc.id}, during`);
      const page = await p.members(doc, { limit: 20 });
      assert.deepEqual(
        page.rows.map((r) => String(r.CustomerId)),
        want.members.slice(0, 20),
        `members of ${doc.id}, during`,
      );
    }
    await p.whenPrepared();
    assert.ok(built(data.Order!, 'OrderDate', 'date'), 'Order.OrderDate is built');
    assert.ok(built(data.Order!, 'ItemCount', 'number'), 'an attribute no question used is built too');
    for (const doc of docs) assert.equal((await p.count(doc)).total, expected(doc).total, `count of ${doc.id}, after`);
  });

  it('a data change drops the preparation of the old rows and prepares the new ones', async () => {
    const data = copy();
    const p = createMemoryProvider({ catalog: sample.catalog, data, now: sample.now, prepareWhenIdle: 'all' });
    await tick();
    const fewer = { ...data, Order: data.Order!.slice(0, 500) };
    p.setData(fewer);
    await p.whenPrepared();
    assert.ok(built(fewer.Order, 'TotalAmount', 'number'), 'the new orders are prepared');
    // Column builds of the old, replaced orders that had not started never run.
    const old = tableOf(data.Order!);
    const oldBuilt = sample.catalog.entities
      .find((e) => e.name === 'Order')!
      .attributes.filter((a) => a.type === 'string')
      .map((a) => old.columnSteps(a.name, a.type).next().done);
    assert.ok(oldBuilt.includes(false), `some of the old orders' columns were left unbuilt (${oldBuilt.join(', ')})`);
    const doc = docs.find((d) => JSON.stringify(d).includes('"Order"'))!;
    const want = evaluateSegment(doc, { catalog: sample.catalog, data: fewer }, { now: sample.now }).total;
    assert.equal((await p.count(doc)).total, want, 'answers follow the new rows');
  });

  it('by default (true) builds only what the starting segments use: the rest is left to the questions that need it', async () => {
    const data = copy();
    const doc = docs.find((d) => JSON.stringify(d).includes('"OrderDate"'))!;
    const p = createMemoryProvider({ catalog: sample.catalog, data, now: sample.now, segments: [doc], prepareWhenIdle: true });
    await p.whenPrepared();
    assert.ok(built(data.Order!, 'OrderDate', 'date'), 'Order.OrderDate, which the segment reads, is built');
    assert.equal(built(data.Order!, 'ItemCount', 'number'), false, 'Order.ItemCount, which no segment reads, is not');
    const other = docs.find((d) => !JSON.stringify(d).includes('"Order"'))!;
    const want = evaluateSegment(other, { catalog: sample.catalog, data: sample.data }, { now: sample.now }).total;
    assert.equal((await p.count(other)).total, want, 'another segment is answered all the same');
  });

  it('is off without requestIdleCallback unless asked, and prepare() finishes it at once', async () => {
    const data = copy();
    createMemoryProvider({ catalog: sample.catalog, data, now: sample.now });
    await tick();
    await tick();
    assert.equal(built(data.Order!, 'ItemCount', 'number'), false, 'nothing prepared in Node by default');
    const other = copy();
    const q = createMemoryProvider({ catalog: sample.catalog, data: other, now: sample.now, prepareWhenIdle: true });
    q.prepare();
    assert.ok(built(other.Order!, 'ItemCount', 'number'), 'prepare() built everything at once');
    await q.whenPrepared();
  });

  it('builds what the `first` documents use before everything else', () => {
    const data = copy();
    const doc = docs.find((d) => JSON.stringify(d).includes('"OrderDate"'))!;
    const steps = prepareSteps({ catalog: sample.catalog, data }, { first: [doc] });
    // Order.OrderDate (about 20,000 rows, 10 slices) and the customer → order link come before
    // the columns of the customers, the first entity of the catalog.
    let n = 0;
    while (!built(data.Order!, 'OrderDate', 'date')) {
      assert.ok(!steps.next().done && ++n < 200, 'OrderDate is built within the first slices');
    }
    assert.equal(built(data.Order!, 'ItemCount', 'number'), false, 'an attribute no document uses is not built yet');
    while (!steps.next().done);
    assert.ok(built(data.Order!, 'ItemCount', 'number'), 'and it is built by the end');
  });

  it('interleaving slices with evaluations gives the same answers as evaluating cold (engine)', () => {
    const data = copy();
    const dataset = { catalog: sample.catalog, data };
    const steps = prepareSteps(dataset);
    const cold = { catalog: sample.catalog, data: copy() };
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < 3; k++) steps.next();
      const doc = docs[round % docs.length]!;
      assert.deepEqual(
        evaluateSegment(doc, dataset, { now: sample.now }),
        evaluateSegment(doc, cold, { now: sample.now }),
        `${doc.id} after ${round * 3 + 3} slices`,
      );
    }
    while (!steps.next().done);
  });
});

describe('IdlePreparation', () => {
  it('gives the thread back after about SLICE_MS, and stop() ends it', async () => {
    const turns: number[] = [];
    let inTurn = 0;
    let last = -1;
    function* work() {
      for (let i = 0; i < 400; i++) {
        const t = performance.now();
        while (performance.now() - t < 0.5); // half a millisecond of work per step
        inTurn++;
        yield;
      }
    }
    const idle = new IdlePreparation();
    idle.start(work());
    // Between turns, count the steps each one took.
    for (let i = 0; i < 5; i++) {
      await tick();
      if (inTurn !== last) turns.push(inTurn - Math.max(0, last));
      last = inTurn;
    }
    assert.ok(idle.running, 'still running after five turns');
    const most = Math.max(...turns);
    assert.ok(most <= (SLICE_MS / 0.5) * 2 + 1, `at most about ${SLICE_MS} ms of steps per turn (steps per turn: ${turns.join(', ')})`);
    idle.stop();
    const at = inTurn;
    await idle.done();
    await tick();
    await tick();
    assert.equal(inTurn, at, 'no step after stop()');
    assert.equal(idle.running, false, 'stopped');
  });
});
