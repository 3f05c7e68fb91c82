/**
 * The no-build bundle's entry (`dist/segment-kit.bundle.js`, made by `npm run bundle`):
 * everything `segment-kit` exports — the core, every element (registered on load), the memory
 * provider and the sample data — and the HTTP provider, in one ES module with Lit inside.
 * chart.js stays out of it: `<trend-chart>` loads its chunk (`dist/bundle/`) when first shown.
 */
export * from './index.js';
export { createHttpProvider } from './providers/http/index.js';
