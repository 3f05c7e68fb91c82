/**
 * `runProviderContract` (segment-kit/testing) on every shipped provider: memory, SQL on
 * PGlite, SQL on DuckDB, SQL on a PostgreSQL server (when DATABASE_URL is set), and HTTP
 * (the handler over the memory and the SQL provider, a real loopback server, the client).
 * Also: the suite reports the failures of a provider that breaks the contract.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import pg from 'pg';
import type { SegmentProvider } from '../../src/core/index.js';
import { createHttpProvider } from '../../src/providers/http/client.js';
import { createProviderHandler } from '../../src/providers/http/handler.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromDuckDB, fromPg, fromPGlite, loadDataset, type SqlConnection } from '../../src/providers/sql/index.js';
import { ContractFailure, runProviderContract, type ContractFixture } from '../../src/testing/index.js';
import { toNodeListener } from '../../server/node.js';

const memory = (f: ContractFixture) => createMemoryProvider({ catalog: f.catalog, data: f.data, now: f.now });

const closers: (() => unknown)[] = [];
after(async () => {
  for (const close of closers) await close();
});

async function sqlOn(connection: SqlConnection, f: ContractFixture): Promise<SegmentProvider> {
  await loadDataset(connection, f);
  return createSqlProvider({ catalog: f.catalog, connection, now: f.now });
}

async function overHttp(provider: SegmentProvider): Promise<SegmentProvider> {
  const server: Server = createServer(toNodeListener(createProviderHandler(provider)));
  closers.push(() => new Promise((r) => server.close(r)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return createHttpProvider({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
}

describe('the provider contract: the memory provider', () => {
  void runProviderContract(memory, { it });
});

describe('the provider contract: the SQL provider on PGlite', () => {
  void runProviderContract(
    async (f) => {
      const db = new PGlite();
      closers.push(() => db.close());
      return sqlOn(fromPGlite(db), f);
    },
    { it },
  );
});

describe('the provider contract: the SQL provider on DuckDB', () => {
  void runProviderContract(
    async (f) => {
      const raw = await (await DuckDBInstance.create(':memory:')).connect();
      closers.push(() => raw.closeSync());
      return sqlOn(fromDuckDB(raw, { listValue: (items) => listValue(items as never[]) }), f);
    },
    { it },
  );
});

const url = process.env.DATABASE_URL;
describe('the provider contract: the SQL provider on a PostgreSQL server', { skip: url ? false : 'DATABASE_URL is not set' }, () => {
  let n = 0;
  void runProviderContract(
    async (f) => {
      // A schema of its own for each provider the suite makes, dropped at the end.
      const schema = `contract_${process.pid}_${++n}`;
      const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      closers.push(async () => {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      return sqlOn(fromPg(pool), f);
    },
    { it },
  );
});

describe('the provider contract: over HTTP, in front of the memory provider', () => {
  void runProviderContract((f) => overHttp(memory(f)), { it });
});

describe('the provider contract: over HTTP, in front of the SQL provider on PGlite', () => {
  void runProviderContract(
    async (f) => {
      const db = new PGlite();
      closers.push(() => db.close());
      return overHttp(await sqlOn(fromPGlite(db), f));
    },
    { it },
  );
});

describe('runProviderContract itself', () => {
  it('reports what a provider that breaks the contract gets wrong, by check', async () => {
    // Case-sensitive equals, and count rules that never say the cumulative count: two ways to break SPEC.
    const broken = (f: ContractFixture): SegmentProvider => {
      const p = memory(f);
      return {
        ...p,
        async count(segment, opts) {
          const r = await p.count(segment, opts);
          return { ...r, rules: r.rules.map((x) => ({ ...x, cumulative: x.count })) };
        },
        getSegment: () => Promise.reject(new Error('no store here')),
      };
    };
    const report = await runProviderContract(broken, { throwOnFailure: false, skip: ['store:'] });
    const failed = report.failed.map((f) => f.name);
    assert.ok(failed.includes('count: per-rule and cumulative counts, set operators left to right (union, except)'), failed.join('\n'));
    const error = report.failed.find((f) => f.name.startsWith('errors:'))?.error;
    assert.ok(
      error instanceof ContractFailure && /getSegment\(\) of an unknown id: expected code "not-found"/.test(error.message),
      String(error),
    );
    assert.ok(report.passed.includes('count and members: text equals is case-insensitive'), 'the checks it does not break pass');
    assert.ok(report.skipped.length === 6 && report.skipped.every((s) => s.startsWith('store:')), 'skip leaves out the store');
    await assert.rejects(
      runProviderContract(broken, { skip: ['store:'] }),
      (e: unknown) => e instanceof ContractFailure && /checks failed/.test(e.message),
    );
  });
});
