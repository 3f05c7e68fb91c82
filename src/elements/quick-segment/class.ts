/** `<quick-segment>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './quick-segment.js';
