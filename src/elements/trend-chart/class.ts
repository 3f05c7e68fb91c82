/** `<trend-chart>`'s class without registering it (for wrappers, scoped registries, subclasses). */
export * from './trend-chart.js';
