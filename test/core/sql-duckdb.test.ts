/**
 * The DuckDB dialect, run on DuckDB: for fixed-seed random segments over the sample dataset
 * plus the edge rows (helpers/sql-data.ts; date attributes spread over date, timestamp and
 * timestamptz columns), DuckDB running `toSQL(…, { dialect: 'duckdb' })` returns exactly the
 * memory engine's members and per-rule counts, as PostgreSQL does in sql-differential.test.ts.
 *
 * `SQL_SEGMENTS_DUCKDB=2000 node --import tsx --test test/core/sql-duckdb.test.ts` runs more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Dataset } from '../../src/core/evaluate/index.js';
import type { SegmentDocument } from '../../src/core/model/types.js';
import { fromDuckDB, loadDataset, type SqlConnection } from '../../src/providers/sql/index.js';
import { compareCountCases, compareRandomSegments, REF_GOLD, REF_STATIC } from './helpers/sql-compare.js';
import { DATE_COLUMNS, DECLARED, testDataset } from './helpers/sql-data.js';

const SEGMENTS = Number(process.env.SQL_SEGMENTS_DUCKDB ?? 200);

const REFERENCED: SegmentDocument[] = [REF_GOLD, REF_STATIC];

let dataset: Dataset;
let raw: DuckDBConnection;
let db: SqlConnection;

describe('toSQL on DuckDB gives the memory engine’s answers', () => {
  before(async () => {
    dataset = testDataset(1000);
    raw = await (await DuckDBInstance.create(':memory:')).connect();
    db = fromDuckDB(raw, { listValue: (items) => listValue(items as never[]) });
    await loadDataset(db, dataset, { dateTypes: DATE_COLUMNS });
    await db.query('CREATE TABLE segment_members (segment_id VARCHAR NOT NULL, member_key VARCHAR NOT NULL)', []);
    for (const key of REF_STATIC.snapshot!) await db.query('INSERT INTO segment_members VALUES ($1, $2)', ['ref-static', key]);
  });
  after(() => {
    raw?.closeSync();
  });

  it(`${SEGMENTS} random segments: the same members, in key order, and the same per-rule counts`, async () => {
    await compareRandomSegments({
      dataset,
      referenced: REFERENCED,
      count: SEGMENTS,
      seed: 20261202,
      run: (text, params) => db.query(text, params),
      options: (n) => ({
        dialect: 'duckdb',
        ...(n % 2 === 1 ? { tables: DECLARED } : {}),
        ...(n % 3 === 0 ? { snapshotTable: { table: 'segment_members' } } : {}),
      }),
    });
  });

  it('per-rule counts and members of the count cases (set operators, empty rules, related counts of zero, NULL aggregates)', async () => {
    const n = await compareCountCases({
      dataset,
      referenced: REFERENCED,
      run: (text, params) => db.query(text, params),
      options: (i) => ({
        dialect: 'duckdb',
        ...(i % 2 === 1 ? { tables: DECLARED } : {}),
        ...(i % 3 === 0 ? { snapshotTable: { table: 'segment_members' } } : {}),
      }),
    });
    assert.ok(n > 40, `${n} count queries compared`);
  });
});
