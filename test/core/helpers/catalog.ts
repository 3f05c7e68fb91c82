/** The shared retail catalog (test/fixtures/retail.ts), under the name the core tests use. */
export { retailCatalog as testCatalog, wideCatalog } from '../../fixtures/retail.js';
