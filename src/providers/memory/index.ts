export { createMemoryProvider } from './memory-provider.js';
export type { MemoryProvider, MemoryProviderOptions } from './memory-provider.js';
export { SegmentStore, createSegmentStore } from '../store/index.js';
export type { EvaluationContext, SegmentEvaluator, SegmentStoreOptions, StorageLike, StoredSegment } from '../store/index.js';
