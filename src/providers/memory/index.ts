export { createMemoryProvider } from './memory-provider.js';
export type { MemoryProvider, MemoryProviderOptions } from './memory-provider.js';
export type { StorageLike, StoredSegment } from './storage.js';
