/**
 * Overlap between segments: the regions' compound documents and `computeOverlap`, counted
 * by the memory provider on the sample dataset and checked against sets built from the
 * member keys `provider.members` lists for each segment alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeOverlap,
  isAbortError,
  overlapRegions,
  SegmentProviderError,
  Translator,
  validateSegment,
  type SegmentDocument,
  type SegmentProvider,
} from '../../src/core/index.js';
import { createSampleProvider } from '../../src/sample/index.js';

const provider = createSampleProvider({ customers: 1000, seed: 1, historyDays: 0 });

/** The member keys of one saved segment, from `members` (every page). */
async function keysOf(id: string): Promise<Set<string>> {
  const doc: SegmentDocument = { schemaVersion: 1, name: 'Probe', audience: 'Customer', rules: [{ segment: id }] };
  const { rows, total } = await provider.members(doc, { limit: 100_000 });
  assert.equal(rows.length, total, `every member of ${id} listed`);
  return new Set(rows.map((r) => String(r.CustomerId)));
}

/** The expected count of each region mask, from the key sets. */
function expectedCounts(sets: Set<string>[]): Map<number, number> {
  const out = new Map<number, number>();
  const union = new Set(sets.flatMap((s) => [...s]));
  for (const key of union) {
    const mask = sets.reduce((m, s, i) => (s.has(key) ? m | (1 << i) : m), 0);
    out.set(mask, (out.get(mask) ?? 0) + 1);
  }
  return out;
}

describe('overlapRegions', () => {
  it('lists the three regions of two segments as intersect/except references, named from the display names', () => {
    const regions = overlapRegions(
      [
        { id: 'a', name: 'BigSpenders', displayName: 'Big spenders' },
        { id: 'b', name: 'AtRisk', displayName: 'At risk' },
      ],
      { audience: 'Customer' },
    );
    assert.deepEqual(
      regions.map((r) => [r.key, r.label, r.segment.rules]),
      [
        ['AB', '“Big spenders” and “At risk”', [{ segment: 'a' }, { setOperator: 'intersect', segment: 'b' }]],
        ['A', '“Big spenders”, not “At risk”', [{ segment: 'a' }, { setOperator: 'except', segment: 'b' }]],
        ['B', '“At risk”, not “Big spenders”', [{ segment: 'b' }, { setOperator: 'except', segment: 'a' }]],
      ],
    );
    const ab = regions[0]!.segment;
    assert.equal(ab.name, 'BigSpendersAndAtRisk');
    assert.equal(ab.displayName, '“Big spenders” and “At risk”');
    assert.equal(ab.description, 'Customers in “Big spenders” and “At risk”');
    assert.equal(ab.audience, 'Customer');
    assert.equal(ab.type, 'dynamic');
    assert.equal(ab.id, undefined, 'a new segment: no id');
  });

  it('lists the seven regions of three segments in order: all, each pair only, each one only', () => {
    const regions = overlapRegions([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { audience: 'Customer' });
    assert.deepEqual(
      regions.map((r) => r.key),
      ['ABC', 'AB', 'AC', 'BC', 'A', 'B', 'C'],
    );
    const acOnly = regions.find((r) => r.key === 'AC')!;
    assert.deepEqual(acOnly.segment.rules, [
      { segment: 'a' },
      { setOperator: 'intersect', segment: 'c' },
      { setOperator: 'except', segment: 'b' },
    ]);
    assert.deepEqual([acOnly.included, acOnly.excluded], [['a', 'c'], ['b']]);
    assert.equal(acOnly.label, '“a” and “c”, not “b”');
    const bOnly = regions.find((r) => r.key === 'B')!;
    assert.equal(bOnly.label, '“b”, not “a” or “c”');
    assert.equal(bOnly.segment.name, 'BNotANotC');
  });

  it('makes valid identifiers from names that are not identifiers, and documents that validate', () => {
    const regions = overlapRegions(
      [
        { id: 'high-value', displayName: '<img src=x onerror=alert(1)>' },
        { id: '42-lapsed', name: 'not an identifier' },
      ],
      { audience: 'Customer' },
    );
    for (const r of regions) assert.match(r.segment.name!, /^[A-Za-z_][A-Za-z0-9_]*$/, r.segment.name);
    assert.equal(regions[0]!.label, '“<img src=x onerror=alert(1)>” and “not an identifier”');
    for (const r of regions) {
      const result = validateSegment(r.segment, provider.dataset.catalog, {
        segments: provider.dataset.segments.concat([
          { schemaVersion: 1, id: 'high-value', name: 'HighValue', audience: 'Customer', rules: [{ segment: 'big-spenders' }] },
          { schemaVersion: 1, id: '42-lapsed', name: 'Lapsed', audience: 'Customer', rules: [{ segment: 'lapsed-customers' }] },
        ]),
      });
      assert.equal(result.valid, true, JSON.stringify(result.errors));
    }
  });

  it('names the regions in another language through the translator', () => {
    const de = new Translator(
      {
        'overlap.region.name': ({ included, excluded }: { included: readonly string[]; excluded: readonly string[] }) =>
          `${included.join(' und ')}${excluded.length ? `, nicht ${excluded.join(' oder ')}` : ''}`,
      },
      'de',
    );
    const [ab, a] = overlapRegions(
      [
        { id: 'a', displayName: 'Treue' },
        { id: 'b', displayName: 'Neu' },
      ],
      { audience: 'Customer', translator: de },
    );
    assert.equal(ab!.label, 'Treue und Neu');
    assert.equal(a!.segment.displayName, 'Treue, nicht Neu');
  });

  it('refuses fewer than two or more than three segments', () => {
    assert.throws(() => overlapRegions([{ id: 'a' }], { audience: 'Customer' }), RangeError);
    assert.throws(() => overlapRegions([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], { audience: 'Customer' }), RangeError);
  });
});

describe('computeOverlap with the memory provider on the sample dataset', () => {
  it('counts the three regions of two segments as the member key sets say', async () => {
    const ids = ['at-risk-customers', 'lapsed-customers'];
    const [a, b] = await Promise.all(ids.map(keysOf));
    const result = await computeOverlap(provider, ids);
    const expected = expectedCounts([a!, b!]);
    assert.deepEqual(
      result.regions.map((r) => [r.key, r.count]),
      [
        ['AB', expected.get(0b11) ?? 0],
        ['A', expected.get(0b01) ?? 0],
        ['B', expected.get(0b10) ?? 0],
      ],
    );
    assert.ok((expected.get(0b11) ?? 0) > 0, 'the sample has an overlap to count');
    assert.deepEqual(
      result.sets.map((s) => [s.id, s.letter, s.total, s.displayName]),
      [
        ['at-risk-customers', 'A', a!.size, 'At risk'],
        ['lapsed-customers', 'B', b!.size, 'Lapsed customers'],
      ],
    );
    assert.equal(result.union, new Set([...a!, ...b!]).size);
  });

  it('counts the seven regions of three segments, and they partition the union', async () => {
    const ids = ['at-risk-customers', 'big-spenders', 'web-active-30-days'];
    const sets = await Promise.all(ids.map(keysOf));
    const result = await computeOverlap(provider, ids);
    const expected = expectedCounts(sets);
    for (const r of result.regions) assert.equal(r.count, expected.get(r.mask) ?? 0, `region ${r.key}`);
    const union = new Set(sets.flatMap((s) => [...s]));
    assert.equal(result.union, union.size);
    assert.equal(
      result.regions.reduce((n, r) => n + r.count, 0),
      union.size,
      'the regions add up to the union',
    );
    // Each segment's total is the sum of the regions it is in.
    result.sets.forEach((s, i) => {
      assert.equal(s.total, sets[i]!.size, `${s.id} total`);
      assert.equal(
        result.regions.filter((r) => r.mask & (1 << i)).reduce((n, r) => n + r.count, 0),
        s.total,
        `${s.id}'s regions`,
      );
    });
    // The regions' members are disjoint: no customer is in two of them.
    const seen = new Set<string>();
    for (const r of result.regions) {
      const { rows } = await provider.members(r.segment, { limit: 100_000 });
      for (const row of rows) {
        const key = String(row.CustomerId);
        assert.ok(!seen.has(key), `${key} in two regions`);
        seen.add(key);
      }
    }
    assert.equal(seen.size, union.size);
  });

  it('counts disjoint segments: nothing in common', async () => {
    // "Do not contact" and "High credit balance, except do-not-contact" share nobody by definition.
    const result = await computeOverlap(provider, ['do-not-contact', 'high-credit-except-dnc']);
    assert.equal(result.regions.find((r) => r.key === 'AB')!.count, 0);
    assert.equal(result.regions.find((r) => r.key === 'A')!.count, result.sets[0]!.total);
    assert.ok(result.sets[0]!.total > 0 && result.sets[1]!.total > 0, 'both have members');
  });

  it('reads the names of segments given by id, and uses the names given', async () => {
    const byId = await computeOverlap(provider, ['big-spenders', 'lapsed-customers']);
    assert.equal(byId.regions[0]!.label, '“Big spenders (12 months)” and “Lapsed customers”');
    let reads = 0;
    const counting: SegmentProvider = Object.assign(Object.create(provider) as SegmentProvider, {
      getSegment: (...args: Parameters<SegmentProvider['getSegment']>) => (reads++, provider.getSegment(...args)),
    });
    const given = await computeOverlap(
      counting,
      [
        { id: 'big-spenders', displayName: 'Spenders' },
        { id: 'lapsed-customers', displayName: 'Lapsed' },
      ],
      { audience: 'Customer' },
    );
    assert.equal(reads, 0, 'no reads when the names are given');
    assert.equal(given.regions[0]!.label, '“Spenders” and “Lapsed”');
    assert.deepEqual(
      given.regions.map((r) => r.count),
      byId.regions.map((r) => r.count),
    );
  });

  it('the region documents count the same through provider.count', async () => {
    const result = await computeOverlap(provider, ['at-risk-customers', 'lapsed-customers', 'big-spenders']);
    for (const r of result.regions) assert.equal((await provider.count(r.segment)).total, r.count, r.key);
  });
});

describe('computeOverlap errors', () => {
  it('a segment the provider does not have: not-found, naming it', async () => {
    await assert.rejects(computeOverlap(provider, ['big-spenders', 'no-such-segment']), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError, 'a SegmentProviderError');
      assert.equal(e.code, 'not-found');
      assert.match(e.message, /no-such-segment/);
      return true;
    });
  });

  it('a missing segment given with a name: the count fails with a message naming it', async () => {
    await assert.rejects(computeOverlap(provider, ['big-spenders', { id: 'gone', displayName: 'Gone segment' }]), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError, 'a SegmentProviderError');
      assert.equal(e.code, 'invalid-segment');
      assert.match(e.message, /Gone segment/);
      assert.match(e.message, /There is no saved segment "gone"/);
      return true;
    });
  });

  it('refuses one segment, four, an empty id and an id given twice', async () => {
    for (const bad of [['a'], ['a', 'b', 'c', 'd'], ['a', ''], ['a', 'a']]) {
      await assert.rejects(computeOverlap(provider, bad), (e: unknown) => {
        assert.ok(e instanceof SegmentProviderError && e.code === 'invalid-argument', `${JSON.stringify(bad)}: ${String(e)}`);
        return true;
      });
    }
  });

  it('a provider whose count fails: the error names the region, and the other counts are aborted', async () => {
    const aborted: string[] = [];
    let calls = 0;
    const failing: SegmentProvider = Object.assign(Object.create(provider) as SegmentProvider, {
      count: (doc: SegmentDocument, opts: { signal?: AbortSignal } = {}) => {
        const n = calls++;
        if (n === 1) return Promise.reject(new SegmentProviderError('unavailable', 'The service is down.'));
        return new Promise((_, reject) => {
          opts.signal?.addEventListener('abort', () => {
            aborted.push(doc.displayName ?? doc.name ?? '');
            reject(new SegmentProviderError('aborted', 'cancelled'));
          });
        });
      },
    });
    await assert.rejects(computeOverlap(failing, ['big-spenders', 'lapsed-customers'], { audience: 'Customer' }), (e: unknown) => {
      assert.ok(e instanceof SegmentProviderError, 'a SegmentProviderError');
      assert.equal(e.code, 'unavailable');
      assert.equal(e.message, '“Big spenders (12 months)”, not “Lapsed customers” could not be counted: The service is down.');
      return true;
    });
    assert.equal(calls, 3, 'the three regions asked at once (the totals are their sums)');
    assert.equal(aborted.length, 2, 'the other two calls were aborted');
  });

  it('aborts: rejects with an abort error and aborts the calls in flight', async () => {
    const slow = createSampleProvider({ customers: 200, historyDays: 0, latency: 200 });
    const controller = new AbortController();
    const started = Date.now();
    const running = computeOverlap(slow, ['big-spenders', 'lapsed-customers'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(running, (e: unknown) => {
      assert.ok(isAbortError(e), `an abort error: ${String(e)}`);
      return true;
    });
    assert.ok(Date.now() - started < 150, 'it did not wait for the slow calls');
    const already = new AbortController();
    already.abort();
    await assert.rejects(computeOverlap(provider, ['big-spenders', 'lapsed-customers'], { signal: already.signal }), (e: unknown) => {
      assert.ok(isAbortError(e), 'an abort error');
      return true;
    });
  });
});
