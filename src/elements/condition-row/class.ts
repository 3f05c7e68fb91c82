/** `<condition-row>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './condition-row.js';
