/**
 * The segment store every provider can share (SPEC section 6's store half): drafts, ids,
 * `usedBy`, refreshes and history, listing, bulk updates, deletes and persistence. It
 * evaluates nothing: a provider injects a `SegmentEvaluator`. No DOM, no Lit.
 */
export {
  REFRESH_SLICE_MS,
  SEGMENT_SORT_KEYS,
  SegmentStore,
  createSegmentStore,
  type EvaluationContext,
  type SegmentEvaluator,
  type SegmentStoreOptions,
} from './store.js';
export { ChangeTracker, type StoreBackend, type StoreChanges } from './backend.js';
export { readStore, writeStore, STORE_VERSION, type StorageLike, type StoreState, type StoredSegment } from './storage.js';
export { MAX_LIMIT, compare, compareBy, pageArgs, sortSpecs } from './sort.js';
