/**
 * `computeOverlap`: counts every region of two or three saved segments with the
 * provider's own `count`, on the regions' compound documents (segment references joined
 * by intersect and except), so every provider gets it for free. All counts run in
 * parallel; the first failure aborts the others. Each segment's total is the sum of the
 * regions it is in (they partition it), so it costs no call of its own: three calls for
 * two segments, seven for three.
 */
import { addEnglish, english } from '../messages/translator.js';
import { overlap as overlapWords } from '../messages/en/overlap.js';
import type { SegmentDocument } from '../model/types.js';
import { isAbortError, SegmentProviderError, throwIfAborted, type SegmentProvider } from '../provider/types.js';
import { overlapRegions, type OverlapRegion, type OverlapRegionsOptions, type OverlapSet } from './regions.js';

addEnglish(overlapWords);

/** A segment compared, with its own member count. */
export interface OverlapSetCount extends OverlapSet {
  /** The letter it has in the diagram: A, B or C. */
  letter: string;
  /** Its members now: the sum of the regions it is in. */
  total: number;
}

/** A region with its member count. */
export interface OverlapRegionCount extends OverlapRegion {
  count: number;
}

export interface OverlapResult {
  sets: OverlapSetCount[];
  /** In the order of `regionMasks`: all of them, each pair only, each one only. */
  regions: OverlapRegionCount[];
  /** Customers in at least one of the segments: the regions' sum (they partition it). */
  union: number;
}

export interface ComputeOverlapOptions extends Partial<OverlapRegionsOptions> {
  signal?: AbortSignal;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Count the overlap of two or three saved segments: every region and each segment's
 * total. `segments` are ids, or `{ id, name?, displayName? }` (a set given without a
 * name is read with `provider.getSegment`, which also tells a missing one apart). The
 * audience is `options.audience`, else the provider's catalog's.
 *
 * Rejects with a `SegmentProviderError`: `invalid-argument` for fewer or more than three
 * segments, an empty id or an id given twice; `not-found` (or the provider's own code)
 * for a segment the provider does not have; for a failed count, the provider's code with
 * a message naming the region; `aborted` when `options.signal` is aborted.
 */
export async function computeOverlap(
  provider: SegmentProvider,
  segments: readonly (string | OverlapSet)[],
  options: ComputeOverlapOptions = {},
): Promise<OverlapResult> {
  const t = options.translator ?? english;
  const given = segments.map((s) => (typeof s === 'string' ? { id: s } : s));
  if (given.length !== 2 && given.length !== 3) {
    throw new SegmentProviderError('invalid-argument', t.t('overlap.error.sets', { count: given.length }));
  }
  const seen = new Set<string>();
  for (const s of given) {
    if (!s || typeof s.id !== 'string' || s.id === '') throw new SegmentProviderError('invalid-argument', t.t('overlap.error.id'));
    if (seen.has(s.id)) throw new SegmentProviderError('invalid-argument', t.t('overlap.error.duplicate', { id: s.id }));
    seen.add(s.id);
  }
  const outer = options.signal;
  throwIfAborted(outer);
  // One signal for every call: the caller's abort, or the first failure, stops them all.
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  const signal = abort.signal;
  try {
    const [audience, sets] = await Promise.all([
      options.audience ?? provider.getCatalog({ signal }).then((c) => c.audience),
      Promise.all(given.map((s) => (s.displayName || s.name ? Promise.resolve({ ...s }) : named(provider, s.id, signal, t)))),
    ]);
    const regions = overlapRegions(sets, { audience, translator: t });
    const count = (doc: SegmentDocument, label: string) =>
      provider.count(doc, { signal }).then(
        (r) => r.total,
        (e: unknown) => {
          if (isAbortError(e) || signal.aborted) throw e;
          const code = e instanceof SegmentProviderError ? e.code : 'internal';
          throw new SegmentProviderError(code, t.t('overlap.error.count', { region: label, message: messageOf(e) }), e);
        },
      );
    const counted = Promise.all(regions.map((r) => count(r.segment, r.label)));
    counted.catch(() => abort.abort());
    const regionCounts = await counted;
    throwIfAborted(outer);
    const withCounts = regions.map((r, i) => ({ ...r, count: regionCounts[i]! }));
    const totalOf = (i: number) => withCounts.reduce((sum, r) => (r.mask & (1 << i) ? sum + r.count : sum), 0);
    return {
      sets: sets.map((s, i) => ({ ...s, letter: 'ABC'[i]!, total: totalOf(i) })),
      regions: withCounts,
      union: withCounts.reduce((sum, r) => sum + r.count, 0),
    };
  } catch (e) {
    if (outer?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
    throw e;
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
}

/** A set's names from the provider's stored document (`not-found` when there is none). */
async function named(provider: SegmentProvider, id: string, signal: AbortSignal, t: typeof english): Promise<OverlapSet> {
  try {
    const doc = await provider.getSegment(id, { signal });
    return {
      id,
      ...(doc.name !== undefined ? { name: doc.name } : {}),
      ...(doc.displayName !== undefined ? { displayName: doc.displayName } : {}),
    };
  } catch (e) {
    if (isAbortError(e) || signal.aborted) throw e;
    const code = e instanceof SegmentProviderError ? e.code : 'not-found';
    throw new SegmentProviderError(code, t.t('overlap.error.missing', { id, message: messageOf(e) }), e);
  }
}
