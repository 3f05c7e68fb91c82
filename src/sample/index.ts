/**
 * The sample retail dataset (SPEC section 6): a catalog, deterministic generated rows,
 * ready-made segments, and the data "as of" any earlier instant. Pure TypeScript: no DOM,
 * no Lit; runs in Node, workers and browsers.
 */
export { sampleCatalog } from './catalog.js';
export { createSampleDataset, SAMPLE_NOW, type SampleData, type SampleDataset, type SampleDatasetOptions } from './generate.js';
export { datasetAsOf } from './as-of.js';
export { sampleSegments, createSampleSegments, VIP_SEGMENT_ID } from './segments.js';
export { createSampleHistory, type SampleHistoryOptions } from './history.js';
export { createSampleProvider, type SampleProvider, type SampleProviderOptions } from './provider.js';
