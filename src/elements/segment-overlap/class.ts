/** `<segment-overlap>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './segment-overlap.js';
