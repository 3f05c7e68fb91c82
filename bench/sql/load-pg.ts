/**
 * Load the sample dataset into PostgreSQL once, and reuse it.
 *
 * The tables are the kit's own (`datasetDDL(sampleCatalog)`: one table per entity, dates as
 * `timestamptz`, the key and relationship columns indexed). The rows go in with a
 * server-side `COPY … FROM '<file>'` of the CSV files (`csv.ts`) when the server can read
 * them (it runs on this machine and the role may: a superuser or `pg_read_server_files`);
 * otherwise with `INSERT … SELECT * FROM unnest($1::text[], $2::timestamptz[], …)`: one
 * array parameter per column and 20,000 rows a statement, over two connections at once,
 * which works against any server (`COPY FROM STDIN` would need another package). Then the
 * key indexes, the bench's indexes (`indexes.ts`) and `VACUUM ANALYZE` (statistics for the
 * planner, and the visibility map without which an index-only scan still reads the table).
 *
 * `bench_sql_meta` records what was loaded (data version, customers, seed, row counts, load
 * time); a run with the same version and size reuses the tables, `--reload` loads them again.
 */
import type pg from 'pg';
import { datasetDDL } from '../../src/providers/sql/load.js';
import { CSV_NULL, type CsvFiles } from './csv.js';
import { DATA_VERSION, SEED, catalog, columnsOf, quote, type generate } from './data.js';

const META = 'bench_sql_meta';
const BATCH = 20_000;
const PG_TYPES = { string: 'text', number: 'float8', boolean: 'boolean', date: 'timestamptz' } as const;

export interface LoadInfo {
  version: number;
  customers: number;
  seed: number;
  rows: Record<string, number>;
  loadedAt: string;
  /** How the rows went in: `copy` (server-side COPY of the CSV files) or `insert` (unnest batches). */
  method: 'copy' | 'insert';
  /** Seconds: inserting the rows, building the indexes, VACUUM ANALYZE. */
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
}

/** What the database holds now, if a complete load recorded it. */
export async function loadedInfo(pool: pg.Pool): Promise<LoadInfo | undefined> {
  const exists = await pool.query(`SELECT to_regclass($1) IS NOT NULL AS "ok"`, [META]);
  if (!exists.rows[0]?.ok) return undefined;
  const r = await pool.query(`SELECT "info" FROM ${META} LIMIT 1`);
  return (r.rows[0]?.info as LoadInfo | undefined) ?? undefined;
}

export function matches(info: LoadInfo | undefined, customers: number): info is LoadInfo {
  return info !== undefined && info.version === DATA_VERSION && info.customers === customers && info.seed === SEED;
}

/** Drop the catalog's tables and load `data` into new ones. `log` gets progress lines. */
export async function loadPostgres(
  pool: pg.Pool,
  customers: number,
  data: ReturnType<typeof generate>,
  csv: CsvFiles | undefined,
  log: (line: string) => void,
): Promise<LoadInfo> {
  const ddl = datasetDDL(catalog);
  const creates = ddl.filter((s) => s.startsWith('CREATE TABLE'));
  const keyIndexes = ddl.filter((s) => !s.startsWith('CREATE TABLE'));
  await pool.query(`DROP TABLE IF EXISTS ${META}`);
  for (const e of catalog.entities) await pool.query(`DROP TABLE IF EXISTS ${quote(e.name)} CASCADE`);
  for (const s of creates) await pool.query(s);
  const t0 = performance.now();
  const method = csv && (await copyFiles(pool, csv, log)) ? 'copy' : 'insert';
  if (method === 'insert') await insertRows(pool, data, log);
  const insertSeconds = (performance.now() - t0) / 1000;
  log(`  ${method === 'copy' ? 'copied' : 'inserted'} the rows in ${insertSeconds.toFixed(1)} s`);

  const t1 = performance.now();
  await buildIndexes(pool, keyIndexes, log);
  const indexSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  for (const e of catalog.entities) await pool.query(`VACUUM ANALYZE ${quote(e.name)}`);
  const vacuumSeconds = (performance.now() - t2) / 1000;
  log(`  VACUUM ANALYZE in ${vacuumSeconds.toFixed(1)} s`);

  const info: LoadInfo = {
    version: DATA_VERSION,
    customers,
    seed: SEED,
    rows: Object.fromEntries(catalog.entities.map((e) => [e.name, data[e.name]?.length ?? 0])),
    loadedAt: new Date().toISOString(),
    method,
    insertSeconds,
    indexSeconds,
    vacuumSeconds,
  };
  await pool.query(`CREATE TABLE ${META} ("info" jsonb NOT NULL)`);
  await pool.query(`INSERT INTO ${META} ("info") VALUES ($1::jsonb)`, [JSON.stringify(info)]);
  return info;
}

const copySql = (entity: string, file: string) =>
  `COPY ${quote(entity)} (${columnsOf(entity)
    .map((c) => quote(c.name))
    .join(', ')}) FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, NULL '${CSV_NULL}')`;

/** Server-side COPY of every entity's file, two at a time; false (and nothing loaded) if the server cannot read them. */
async function copyFiles(pool: pg.Pool, csv: CsvFiles, log: (line: string) => void): Promise<boolean> {
  const entities = catalog.entities.map((e) => e.name);
  try {
    // The smallest table first: if the server cannot read the file, nothing else was loaded.
    await pool.query(copySql('Product', csv.files.Product!));
  } catch (e) {
    await pool.query(`TRUNCATE "Product"`);
    log(`  the server cannot COPY from ${csv.dir} (${e instanceof Error ? e.message : String(e)}): inserting from here instead`);
    return false;
  }
  const queue = entities.filter((e) => e !== 'Product');
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET TimeZone = 'UTC'`);
      for (let e = queue.shift(); e; e = queue.shift()) {
        const t0 = performance.now();
        await client.query(copySql(e, csv.files[e]!));
        log(`  COPY ${e} — ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  return true;
}

/** INSERT … SELECT FROM unnest(arrays) batches of every entity, two statements in flight. */
async function insertRows(pool: pg.Pool, data: ReturnType<typeof generate>, log: (line: string) => void): Promise<void> {
  // Batches of all entities, two statements in flight (node builds one while the server runs the other).
  const jobs: { entity: string; from: number; to: number }[] = [];
  for (const e of catalog.entities) {
    const n = data[e.name]?.length ?? 0;
    for (let i = 0; i < n; i += BATCH) jobs.push({ entity: e.name, from: i, to: Math.min(n, i + BATCH) });
  }
  const t0 = performance.now();
  let done = 0;
  let next = 0;
  let lastLog = t0;
  const total = jobs.reduce((s, j) => s + j.to - j.from, 0);
  const worker = async () => {
    const client = await pool.connect();
    try {
      // A date without a time is midnight UTC, whatever the server's time zone (as loadDataset does).
      await client.query(`SET TimeZone = 'UTC'`);
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const cols = columnsOf(job.entity);
        const rows = data[job.entity]!;
        const arrays = cols.map((c) => {
          const out = new Array<unknown>(job.to - job.from);
          for (let i = job.from; i < job.to; i++) out[i - job.from] = rows[i]![c.name] ?? null;
          return out;
        });
        await client.query(
          `INSERT INTO ${quote(job.entity)} (${cols.map((c) => quote(c.name)).join(', ')}) SELECT * FROM unnest(${cols
            .map((c, i) => `$${i + 1}::${PG_TYPES[c.type]}[]`)
            .join(', ')})`,
          arrays,
        );
        done += job.to - job.from;
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`  inserted ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows (${((lastLog - t0) / 1000).toFixed(0)} s)`);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Run `CREATE INDEX` statements two at a time, with room to sort in memory. */
export async function buildIndexes(pool: pg.Pool, statements: readonly string[], log: (line: string) => void): Promise<void> {
  const queue = [...statements];
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '512MB'`);
      for (let s = queue.shift(); s; s = queue.shift()) {
        const t0 = performance.now();
        await client.query(s);
        log(`  ${s.replace(/\s+/g, ' ')} — ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
}
