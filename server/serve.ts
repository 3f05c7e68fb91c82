/**
 * `npm run serve`: the reference backend — a provider served as JSON endpoints
 * (`segment-kit/http`) on loopback, for `createHttpProvider` and the elements.
 *
 *   npm run serve -- [--port 8787] [--host 127.0.0.1] [--customers 20000] [--cors <origin>]
 *
 * It serves the memory provider over the sample dataset (at least 20,000 customers). With
 * `SEGMENT_KIT_TOKEN` set, every request needs `Authorization: Bearer <token>`. CORS is
 * off unless `--cors` names an origin. Ctrl+C stops it.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createProviderHandler } from '../src/providers/http/handler.js';
import { createSampleProvider } from '../src/sample/index.js';
import { toNodeListener } from './node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    customers: { type: 'string', default: '20000' },
    cors: { type: 'string', multiple: true },
  },
});

const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers must be a whole number, not ${values.customers}`);
const started = performance.now();
console.log(`segment-kit: building the sample dataset (${customers.toLocaleString('en')} customers, 180 days of weekly history)…`);
const provider = createSampleProvider({ customers, historyEvery: 7 });
const token = process.env.SEGMENT_KIT_TOKEN || undefined;
const handler = createProviderHandler(provider, {
  ...(token ? { token } : {}),
  ...(values.cors?.length ? { cors: values.cors } : {}),
  onError: (e, method) => console.error(`[segment-kit] ${method} failed:`, e),
});
const server = createServer(toNodeListener(handler));
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(
    `segment-kit serving the sample dataset (${customers.toLocaleString('en')} customers, ready in ${Math.round(performance.now() - started)} ms)` +
      ` at http://${values.host}:${port}/v1${token ? ' (bearer token required)' : ''}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
