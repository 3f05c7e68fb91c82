/**
 * The differential test on a real PostgreSQL server (the one `DATABASE_URL` names; `.ci/run`
 * starts one on loopback): fixed-seed random segments over the sample dataset plus the edge
 * rows, loaded into a scratch schema (date attributes over date, timestamp and timestamptz
 * columns, a session time zone far from UTC), give the memory engine's members and per-rule
 * counts. Skipped, saying so, without `DATABASE_URL`.
 *
 * `SQL_SEGMENTS_PG=3000` runs more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Dataset } from '../../src/core/evaluate/index.js';
import type { SegmentDocument } from '../../src/core/model/types.js';
import { fromPg, loadDataset, type SqlConnection } from '../../src/providers/sql/index.js';
import { compareCountCases, compareRandomSegments, REF_GOLD, REF_STATIC } from './helpers/sql-compare.js';
import { DATE_COLUMNS, DECLARED, testDataset } from './helpers/sql-data.js';

const URL_ = process.env.DATABASE_URL;
const SEGMENTS = Number(process.env.SQL_SEGMENTS_PG ?? 300);
const SCHEMA = `sk_test_${process.pid}`;

const REFERENCED: SegmentDocument[] = [
  REF_GOLD,
  {
    schemaVersion: 1,
    id: 'ref-gold-not-opted-in',
    name: 'RefGoldNotOptedIn',
    audience: 'Customer',
    rules: [
      { segment: 'ref-gold' },
      { setOperator: 'except', where: { kind: 'condition', entity: 'Customer', attribute: 'EmailOptIn', operator: 'isTrue' } },
    ],
  },
  REF_STATIC,
];

describe('toSQL on a PostgreSQL server gives the memory engine’s answers', { ...(URL_ ? {} : { skip: 'DATABASE_URL is not set' }) }, () => {
  let pool: pg.Pool;
  let db: SqlConnection;
  let dataset: Dataset;

  before(async () => {
    const admin = new pg.Pool({ connectionString: URL_, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    pool = new pg.Pool({ connectionString: URL_, max: 2, options: `-c search_path=${SCHEMA} -c TimeZone=Asia/Kathmandu` });
    db = fromPg(pool);
    dataset = testDataset(1500);
    await loadDataset(db, dataset, { dateTypes: DATE_COLUMNS });
    await db.query('ANALYZE', []);
  });
  after(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await pool?.end();
  });

  it(`${SEGMENTS} random segments: the same members, in key order, and the same per-rule counts`, async () => {
    await compareRandomSegments({
      dataset,
      referenced: REFERENCED,
      count: SEGMENTS,
      seed: 20261203,
      run: (text, params) => db.query(text, params, { readOnly: true }),
      options: (n) => (n % 2 === 1 ? { tables: DECLARED } : {}),
    });
  });

  it('per-rule counts and members of the count cases (set operators, empty rules, related counts of zero, NULL aggregates)', async () => {
    const n = await compareCountCases({
      dataset,
      referenced: REFERENCED,
      run: (text, params) => db.query(text, params, { readOnly: true }),
      options: (i) => (i % 2 === 1 ? { tables: DECLARED } : {}),
    });
    assert.ok(n > 40, `${n} count queries compared`);
  });
});
