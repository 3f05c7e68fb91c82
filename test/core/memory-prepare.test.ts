/**
 * `provider.prepare()`: the engine's indexes built ahead of the first question (what the
 * worker does before `ready`) change no answer, and follow the data after a change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset } from '../../src/sample/index.js';

const sample = createSampleDataset({ customers: 400, seed: 9 });

describe('memory provider prepare()', () => {
  it('builds the indexes up front and every answer stays the same, after a data change too', async () => {
    const cold = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
    const prepared = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
    const ms = prepared.prepare();
    assert.ok(Number.isFinite(ms) && ms >= 0, 'it says how long it took');
    for (const doc of sample.segments.filter((s) => s.rules.every((r) => r.where))) {
      assert.deepEqual(await prepared.count(doc), await cold.count(doc), `count of ${doc.id}`);
      assert.deepEqual(await prepared.members(doc, { limit: 5 }), await cold.members(doc, { limit: 5 }), `members of ${doc.id}`);
    }
    const fewer = { ...sample.data, Order: sample.data.Order!.slice(0, 100) };
    prepared.setData(fewer);
    cold.setData(fewer);
    prepared.prepare();
    const doc = sample.segments.find((s) => JSON.stringify(s).includes('"Order"') && s.rules.every((r) => r.where))!;
    assert.deepEqual(await prepared.count(doc), await cold.count(doc), 'the prepared indexes follow the new rows');
  });
});
