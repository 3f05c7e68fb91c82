import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateSegment } from '../../src/core/index.js';
import { createSampleProvider } from '../../src/sample/index.js';

describe('createSampleProvider', () => {
  it('serves the sample segments with a real refresh history that feeds the trend', async () => {
    const provider = createSampleProvider({ customers: 300, historyDays: 14 });
    const list = await provider.listSegments({ limit: 100 });
    assert.equal(list.total, provider.dataset.segments.length);
    assert.ok(
      list.items.every((s) => s.status === 'succeeded'),
      JSON.stringify(list.items.map((s) => [s.id, s.status])),
    );
    const trend = await provider.trend('big-spenders');
    assert.equal(trend.length, 15);
    assert.equal(trend.at(-1)!.date, provider.dataset.now);
    const doc = await provider.getSegment('high-value-escalated');
    assert.equal(validateSegment(doc, provider.dataset.catalog, { segments: provider.dataset.segments }).valid, true);
    const counted = await provider.count(doc);
    assert.equal(
      counted.total,
      trend.length > 0 ? (await provider.listSegments({ search: 'HighValueEscalated' })).items[0]!.memberCount : -1,
    );
    assert.equal(
      list.items
        .find((s) => s.id === 'do-not-contact')!
        .usedBy.sort()
        .join(),
      'at-risk-customers,high-credit-except-dnc,high-value-escalated',
    );
  });
});
