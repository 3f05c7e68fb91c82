/** `<member-preview>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './member-preview.js';
