/**
 * `npm run serve`: the reference backend — a provider served as JSON endpoints
 * (`segment-kit/http`) on loopback, for `createHttpProvider` and the elements.
 *
 *   npm run serve -- [--port 8787] [--host 127.0.0.1] [--customers 20000] [--cors <origin>] [--memory] [--load-sample]
 *
 * By default it runs the SQL provider on PGlite (PostgreSQL in process, nothing to set up)
 * with the sample dataset loaded (20,000 customers). With `DATABASE_URL` it uses that
 * PostgreSQL server instead, whose tables must hold the sample catalog's entities;
 * `--load-sample` creates and fills them there first. `--memory` serves the memory provider.
 * Saved segments live in the database's `segment_kit_*` tables (PGlite: for the life of
 * the process). With `SEGMENT_KIT_TOKEN` set, every request needs `Authorization: Bearer
 * <token>`. CORS is off unless `--cors` names an origin. Ctrl+C stops it.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import type { SegmentProvider } from '../src/core/provider/types.js';
import { createProviderHandler } from '../src/providers/http/handler.js';
import { createMemoryProvider } from '../src/providers/memory/index.js';
import { createSqlProvider, fromPg, fromPGlite, loadDataset, type SqlConnection } from '../src/providers/sql/index.js';
import { createSampleDataset, createSampleHistory } from '../src/sample/index.js';
import { toNodeListener } from './node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    customers: { type: 'string', default: '20000' },
    cors: { type: 'string', multiple: true },
    memory: { type: 'boolean', default: false },
    'load-sample': { type: 'boolean', default: false },
  },
});

const customers = Number(values.customers);
if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers must be a whole number, not ${values.customers}`);
const started = performance.now();
const log = (text: string) => console.log(`segment-kit: ${text}`);
log(`building the sample dataset (${customers.toLocaleString('en')} customers, 180 days of weekly history)…`);
const sample = createSampleDataset({ customers, seed: 1 });
const history = createSampleHistory(sample, { days: 180, every: 7 });

let provider: SegmentProvider;
let where: string;
let close: () => Promise<void> = () => Promise.resolve();
if (values.memory) {
  provider = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now, segments: sample.segments, history });
  where = 'the memory provider';
} else {
  let connection: SqlConnection;
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url });
    connection = fromPg(pool);
    close = () => pool.end();
    where = `PostgreSQL at ${new URL(url).host}`;
    if (values['load-sample']) {
      log(`loading the sample dataset into ${where}…`);
      await loadDataset(connection, sample);
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite();
    connection = fromPGlite(db);
    close = () => db.close();
    where = 'PGlite (in process)';
    log('loading the sample dataset into PGlite…');
    await loadDataset(connection, sample);
  }
  provider = createSqlProvider({ catalog: sample.catalog, connection, now: sample.now, segments: sample.segments, history });
  await provider.listSegments({ limit: 1 }); // creates the store's tables and refreshes the seeds
}

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
  log(
    `serving ${where}, the sample dataset, ready in ${Math.round(performance.now() - started)} ms,` +
      ` at http://${values.host}:${port}/v1${token ? ' (bearer token required)' : ''}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => void close().finally(() => process.exit(0))));
