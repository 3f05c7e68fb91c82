/**
 * Small adapters from three drivers to the `SqlConnection` the SQL provider and the SQL
 * store use: node-postgres (`pg` Pool), PGlite and DuckDB (`@duckdb/node-api`). None of
 * them imports its driver: each takes the driver's object and calls the few methods it
 * needs, so a host installs only the driver it uses.
 *
 * Every adapter runs a `readOnly` query in a transaction marked READ ONLY, with a
 * statement timeout, and makes an abort cancel the running query where the driver can
 * (node-postgres: `pg_cancel_backend` of the query's backend; DuckDB: `interrupt()`).
 * PGlite runs each statement to its end in process, so it has neither a timeout nor an
 * interrupt: a cancelled query not yet started is skipped, and the answer of one that was
 * running is dropped. An aborted query rejects with `SegmentProviderError('aborted')`, a
 * timeout with `unavailable`.
 */
import { SegmentProviderError, throwIfAborted } from '../../core/provider/types.js';
import type { SqlDialect, SqlTransaction } from './store-tables.js';

export interface SqlQueryOptions {
  signal?: AbortSignal;
  /** Run in a READ ONLY transaction (every segment query does). */
  readOnly?: boolean;
  /** Cancel the statement after this many milliseconds (with `readOnly`; default 30,000). */
  timeoutMs?: number;
}

/** A database as the SQL provider and the SQL store use it. */
export interface SqlConnection {
  dialect: SqlDialect;
  query(text: string, params: readonly unknown[], opts?: SqlQueryOptions): Promise<readonly Record<string, unknown>[]>;
  /** Run `work` in one read-write transaction (the store's writes). */
  transaction: SqlTransaction;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

const aborted = () => new SegmentProviderError('aborted', 'The query was cancelled.');
const timedOut = (ms: number) =>
  new SegmentProviderError(
    'unavailable',
    `The query took longer than ${ms} ms and was stopped. Narrow the segment or add the indexes the docs suggest.`,
  );
const timeoutOf = (opts: SqlQueryOptions | undefined) => Math.max(1, Math.floor(opts?.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS));

// ------------------------------------------------------------------ node-postgres

interface PgResult {
  rows: Record<string, unknown>[];
}
interface PgClient {
  query(text: string, values?: unknown[]): Promise<PgResult>;
  release(error?: Error | boolean): void;
}
/** What the adapter uses of a node-postgres `Pool`. */
export interface PgPoolLike {
  connect(): Promise<PgClient>;
  query(text: string, values?: unknown[]): Promise<PgResult>;
}

/** PostgreSQL's "query_canceled" (a cancel or a statement timeout). */
const isCancel = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '57014';

/** A node-postgres `Pool` (or anything with its `connect` and `query`) as a `SqlConnection`. */
export function fromPg(pool: PgPoolLike): SqlConnection {
  const run = async <T>(signal: AbortSignal | undefined, work: (client: PgClient) => Promise<T>): Promise<T> => {
    throwIfAborted(signal);
    const client = await pool.connect();
    const pid = (client as { processID?: number }).processID;
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      if (typeof pid === 'number') void pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let broken: Error | undefined;
    try {
      if (signal?.aborted) throw aborted();
      return await work(client);
    } catch (e) {
      if (cancelled || signal?.aborted) throw aborted();
      if (!(e instanceof SegmentProviderError)) broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      client.release(broken && !isCancel(broken) ? broken : undefined);
    }
  };
  return {
    dialect: 'postgres',
    async query(text, params, opts) {
      return run(opts?.signal, async (client) => {
        if (!opts?.readOnly) return (await client.query(text, params as unknown[])).rows;
        const ms = timeoutOf(opts);
        await client.query('BEGIN READ ONLY');
        try {
          await client.query(`SELECT set_config('statement_timeout', $1, true)`, [String(ms)]);
          const rows = (await client.query(text, params as unknown[])).rows;
          await client.query('COMMIT');
          return rows;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (isCancel(e) && !opts.signal?.aborted) throw timedOut(ms);
          throw e;
        }
      });
    },
    transaction: (work) =>
      run(undefined, async (client) => {
        await client.query('BEGIN');
        try {
          const out = await work(async (text, params) => (await client.query(text, params as unknown[])).rows);
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
  };
}

// ------------------------------------------------------------------ PGlite

interface PGliteResults {
  rows: unknown[];
}
interface PGliteTx {
  query(text: string, params?: unknown[]): Promise<PGliteResults>;
}
/** What the adapter uses of a `PGlite` database. */
export interface PGliteLike extends PGliteTx {
  transaction<T>(work: (tx: PGliteTx) => Promise<T>): Promise<T>;
}

/** A PGlite database as a `SqlConnection`. */
export function fromPGlite(db: PGliteLike): SqlConnection {
  const rowsOf = (r: PGliteResults) => r.rows as Record<string, unknown>[];
  return {
    dialect: 'postgres',
    async query(text, params, opts) {
      const signal = opts?.signal;
      throwIfAborted(signal);
      const rows = opts?.readOnly
        ? await db.transaction(async (tx) => {
            // Queued behind other statements: skip it if it was cancelled meanwhile.
            if (signal?.aborted) throw aborted();
            await tx.query('SET TRANSACTION READ ONLY');
            return rowsOf(await tx.query(text, params as unknown[]));
          })
        : rowsOf(await db.query(text, params as unknown[]));
      // It ran to the end; a cancelled call never answers late.
      throwIfAborted(signal);
      return rows;
    },
    transaction: (work) => db.transaction((tx) => work(async (text, params) => rowsOf(await tx.query(text, params as unknown[])))),
  };
}

// ------------------------------------------------------------------ DuckDB

interface DuckDBReader {
  getRowObjectsJS(): Record<string, unknown>[];
}
/** What the adapter uses of a `@duckdb/node-api` `DuckDBConnection`. */
export interface DuckDBConnectionLike {
  /** (`never[]`: any driver's value type fits; the adapter passes plain values and `listValue` lists.) */
  runAndReadAll(sql: string, values?: never[]): Promise<DuckDBReader>;
  interrupt(): void;
}
export interface DuckDBAdapterOptions {
  /** `listValue` from `@duckdb/node-api`: lets list parameters (`in` values) through; DuckDB takes no plain arrays. */
  listValue?: (items: readonly unknown[]) => unknown;
}

/** A DuckDB connection as a `SqlConnection`. Statements on one connection run one at a time. */
export function fromDuckDB(connection: DuckDBConnectionLike, options: DuckDBAdapterOptions = {}): SqlConnection {
  let queue: Promise<unknown> = Promise.resolve();
  const values = (params: readonly unknown[]) =>
    params.map((p) => {
      if (!Array.isArray(p)) return p;
      if (!options.listValue)
        throw new SegmentProviderError('invalid-argument', 'List parameters need fromDuckDB(connection, { listValue }).');
      return options.listValue(p);
    });
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const run = async (sql: string, params: readonly unknown[]) =>
    (await connection.runAndReadAll(sql, values(params) as never[])).getRowObjectsJS();
  return {
    dialect: 'duckdb',
    query(text, params, opts) {
      const signal = opts?.signal;
      return exclusive(async () => {
        throwIfAborted(signal);
        const ms = timeoutOf(opts);
        let why: 'abort' | 'timeout' | undefined;
        const stop = (reason: 'abort' | 'timeout') => {
          why = reason;
          connection.interrupt();
        };
        const onAbort = () => stop('abort');
        signal?.addEventListener('abort', onAbort, { once: true });
        const timer = opts?.readOnly ? setTimeout(() => stop('timeout'), ms) : undefined;
        try {
          if (!opts?.readOnly) return await run(text, params);
          await run('BEGIN TRANSACTION READ ONLY', []);
          try {
            const rows = await run(text, params);
            await run('COMMIT', []);
            return rows;
          } catch (e) {
            await run('ROLLBACK', []).catch(() => undefined);
            throw e;
          }
        } catch (e) {
          if (why === 'abort') throw aborted();
          if (why === 'timeout') throw timedOut(ms);
          throw e;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        }
      });
    },
    transaction: (work) =>
      exclusive(async () => {
        await run('BEGIN TRANSACTION', []);
        try {
          const out = await work((text, params) => run(text, params));
          await run('COMMIT', []);
          return out;
        } catch (e) {
          await run('ROLLBACK', []).catch(() => undefined);
          throw e;
        }
      }),
  };
}
