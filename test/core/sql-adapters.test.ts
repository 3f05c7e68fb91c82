/**
 * The three driver adapters: parameters, READ ONLY segment queries, statement timeouts,
 * and aborts that stop the running query. node-postgres runs against the server named by
 * `DATABASE_URL` (`.ci/run` starts one on loopback); without it those cases are skipped
 * and say so.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import pg from 'pg';
import { SegmentProviderError } from '../../src/core/index.js';
import { fromDuckDB, fromPg, fromPGlite, type SqlConnection } from '../../src/providers/sql/adapters.js';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

const rejectsWith = (p: Promise<unknown>, code: string, message?: RegExp) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SegmentProviderError, `a SegmentProviderError, not ${String(e)}`);
    assert.equal(e.code, code, `${code}: ${e.message}`);
    if (message) assert.match(e.message, message);
    return true;
  });

interface Case {
  name: string;
  skip?: string;
  open(): Promise<SqlConnection>;
  /** A statement that runs for seconds. */
  slow: string;
  /** A statement creating a scratch table `t (x int)`. */
  table: string;
  /** Why this engine cannot stop a running statement, if it cannot. */
  noInterrupt?: string;
}

const DATABASE_URL = process.env.DATABASE_URL;
const cases: Case[] = [
  {
    name: 'PGlite',
    open: () => {
      const db = new PGlite();
      cleanups.push(() => db.close());
      return Promise.resolve(fromPGlite(db));
    },
    slow: 'SELECT pg_sleep(3)',
    table: 'CREATE TABLE t (x int)',
    noInterrupt:
      'PGlite runs each statement to its end in process: no statement timeout, no interrupt (the answer of a cancelled call is dropped)',
  },
  {
    name: 'node-postgres',
    ...(DATABASE_URL ? {} : { skip: 'DATABASE_URL is not set (the CI script starts PostgreSQL and sets it)' }),
    open: async () => {
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
      cleanups.push(() => pool.end());
      const c = fromPg(pool);
      await c.query('DROP TABLE IF EXISTS t', []);
      return c;
    },
    slow: 'SELECT pg_sleep(3)',
    table: 'CREATE TABLE t (x int)',
  },
  {
    name: 'DuckDB',
    open: async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      cleanups.push(() => connection.closeSync());
      return fromDuckDB(connection, { listValue: (items) => listValue(items as never[]) });
    },
    slow: 'SELECT count(*) FROM range(100000000000)',
    table: 'CREATE TABLE t (x INTEGER)',
  },
];

for (const c of cases) {
  describe(`the ${c.name} adapter`, { ...(c.skip ? { skip: c.skip } : {}) }, () => {
    it('passes values as parameters, lists included, and reads rows back', async () => {
      const db = await c.open();
      const [row] = await db.query(`SELECT $1::text AS a, $2::integer + 1 AS b, 3 = ANY($3::integer[]) AS c`, [
        "O'Brien; --",
        41,
        [1, 2, 3],
      ]);
      assert.equal(row?.a, "O'Brien; --");
      assert.equal(Number(row?.b), 42);
      assert.equal(row?.c, true);
    });

    it('a read-only query cannot write', async () => {
      const db = await c.open();
      await db.query(c.table, []);
      await assert.rejects(db.query('INSERT INTO t VALUES (1)', [], { readOnly: true }), /read[- ]only/i);
      await db.transaction(async (q) => {
        await q('INSERT INTO t VALUES ($1)', [7]);
      });
      const rows = await db.query('SELECT x FROM t', [], { readOnly: true });
      assert.deepEqual(
        rows.map((r) => Number(r.x)),
        [7],
        'a transaction writes, a read-only query reads',
      );
      await db.query('DROP TABLE t', []);
    });

    it('a statement longer than the timeout is stopped with a message', { ...(c.noInterrupt ? { skip: c.noInterrupt } : {}) }, async () => {
      const db = await c.open();
      const started = performance.now();
      await rejectsWith(db.query(c.slow, [], { readOnly: true, timeoutMs: 200 }), 'unavailable', /longer than 200 ms/);
      assert.ok(performance.now() - started < 2500, 'stopped well before it would have ended');
    });

    it('an abort cancels the query and the call rejects as aborted', async () => {
      const db = await c.open();
      const abort = new AbortController();
      const started = performance.now();
      const pending = db.query(c.slow, [], { readOnly: true, signal: abort.signal });
      setTimeout(() => abort.abort(), 150);
      await rejectsWith(pending, 'aborted');
      if (!c.noInterrupt) assert.ok(performance.now() - started < 2500, 'the running query was stopped');
      // The connection is still usable.
      const [row] = await db.query('SELECT 1 AS one', [], { readOnly: true });
      assert.equal(Number(row?.one), 1);
    });
  });
}
