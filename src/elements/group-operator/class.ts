/** `<group-operator>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './group-operator.js';
