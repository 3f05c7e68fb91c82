/** `<segment-workspace>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './segment-workspace.js';
