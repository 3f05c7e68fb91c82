/**
 * The reference backend the element tests run on (web-test-runner.config.mjs mounts it
 * under /sk-api/v1): the sample provider, 300 customers, behind the same handler and Node
 * adapter as `npm run serve`. One module, so the handler and the provider share one copy
 * of the core.
 */
import { createProviderHandler } from '../src/providers/http/handler.js';
import { createSampleProvider } from '../src/sample/index.js';
import { toNodeListener } from './node.js';

export function createTestBackend(basePath: string) {
  const provider = createSampleProvider({ customers: 300, historyDays: 30 });
  return toNodeListener(createProviderHandler(provider, { basePath, onError: (e, method) => console.error(`[sk-api] ${method}:`, e) }));
}
