/**
 * `loadDataset` puts the sample dataset into PostgreSQL (PGlite) and DuckDB, and the SQL
 * provider over those tables counts what the memory provider counts over the same rows.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromDuckDB, fromPGlite, loadDataset, type SqlConnection } from '../../src/providers/sql/index.js';
import { createSampleDataset } from '../../src/sample/index.js';

const sample = createSampleDataset({ customers: 300, seed: 5 });
const memory = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
const closers: (() => unknown)[] = [];
after(async () => {
  for (const c of closers) await c();
});

const engines: [string, () => Promise<SqlConnection>][] = [
  [
    'PGlite',
    () => {
      const db = new PGlite();
      closers.push(() => db.close());
      return Promise.resolve(fromPGlite(db));
    },
  ],
  [
    'DuckDB',
    async () => {
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      closers.push(() => connection.closeSync());
      return fromDuckDB(connection, { listValue: (items) => listValue(items as never[]) });
    },
  ],
];

for (const [name, open] of engines) {
  describe(`loadDataset on ${name}`, () => {
    it('loads every row, and the SQL provider counts the sample segments as the memory provider does', async () => {
      const connection = await open();
      const { rows } = await loadDataset(connection, sample);
      const expected = Object.values(sample.data).reduce((n, r) => n + r.length, 0);
      assert.equal(rows, expected, 'every row');
      const [c] = await connection.query('SELECT count(*) AS n FROM "Order"', []);
      assert.equal(Number(c?.n), sample.data.Order!.length);
      const sql = createSqlProvider({ catalog: sample.catalog, connection, now: sample.now, store: false });
      for (const doc of sample.segments.filter((s) => s.rules.every((r) => r.where))) {
        assert.deepEqual(await sql.count(doc), await memory.count(doc), `${doc.id} on ${name}`);
      }
    });
  });
}
