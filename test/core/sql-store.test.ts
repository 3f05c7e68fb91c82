/**
 * The segment store kept in PostgreSQL tables (PGlite, in process): everything a person
 * does to segments survives a restart, change by change, with parameters only.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { SegmentProviderError, type SegmentDocument } from '../../src/core/index.js';
import { SegmentStore, type SegmentEvaluator } from '../../src/providers/store/index.js';
import { createSqlStoreBackend, SQL_STORE_VERSION, storeDDL, type SqlQueryFunction } from '../../src/providers/sql/store-tables.js';
import { testCatalog as catalog } from './helpers/catalog.js';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const DAY = 86_400_000;

const doc = (id: string, extra: Partial<SegmentDocument> = {}): SegmentDocument => ({
  schemaVersion: 1,
  id,
  name: id.replace(/[^A-Za-z0-9]/g, '_'),
  state: 'active',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 } }],
  ...extra,
});

const evaluator: SegmentEvaluator = {
  count: (d) => (d.id === 'big' ? 1200 : 7),
  members: () => ['C1', 'C3', "C'4"],
};

const dbs: PGlite[] = [];
after(async () => {
  for (const db of dbs) await db.close();
});

function database() {
  const db = new PGlite();
  dbs.push(db);
  const statements: string[] = [];
  const query: SqlQueryFunction = async (text, params) => {
    statements.push(text);
    return (await db.query<Record<string, unknown>>(text, params as unknown[])).rows;
  };
  const transaction = <T>(work: (q: SqlQueryFunction) => Promise<T>) =>
    db.transaction((tx) =>
      work(async (text, params) => {
        statements.push(text);
        return (await tx.query<Record<string, unknown>>(text, params as unknown[])).rows;
      }),
    );
  return { db, query, transaction, statements };
}

function storeOn(d: ReturnType<typeof database>, clock: { t: number }, extra: { segments?: SegmentDocument[] } = {}) {
  return new SegmentStore({
    catalog,
    evaluator,
    now: () => clock.t,
    backend: createSqlStoreBackend({ query: d.query, transaction: d.transaction, dialect: 'postgres' }),
    ...extra,
  });
}

describe('segment store in SQL tables', () => {
  it('creates its tables, seeds them once, and a new store on the same database finds everything', async () => {
    const d = database();
    const clock = { t: T0 };
    const first = storeOn(d, clock, { segments: [doc('a'), doc('big', { tags: ['vip'] })] });
    const listed = await first.list();
    assert.deepEqual(listed.items.map((s) => [s.id, s.memberCount, s.status]).sort(), [
      ['a', 7, 'succeeded'],
      ['big', 1200, 'succeeded'],
    ]);
    const version = await d.db.query<{ value: string }>(`SELECT value FROM segment_kit_meta WHERE key = 'schema_version'`);
    assert.equal(version.rows[0]?.value, String(SQL_STORE_VERSION), 'the layout version is recorded');

    // A restart: the seeds are not applied again, the saved state is read back.
    const second = storeOn(d, clock, { segments: [doc('seed-again')] });
    const again = await second.list();
    assert.deepEqual(again.items.map((s) => s.id).sort(), ['a', 'big'], 'the seeds of a second start are ignored');
    assert.deepEqual(
      again.items.find((s) => s.id === 'big'),
      listed.items.find((s) => s.id === 'big'),
      'the summary is the same after the restart',
    );
  });

  it('keeps saves, tag changes, scheduled changes, refresh history and deletes across restarts', async () => {
    const d = database();
    const clock = { t: T0 };
    const store = storeOn(d, clock);
    await store.save(doc('a', { displayName: 'Première' }));
    clock.t += DAY;
    await store.refresh(['a']);
    await store.update(['a'], { tags: ['x', 'y'], deactivateAt: new Date(T0 + 30 * DAY).toISOString() });
    await store.save(doc('gone'));
    await store.delete(['gone']);

    const later = storeOn(d, clock);
    const a = (await later.list()).items.find((s) => s.id === 'a');
    assert.ok(a, 'a survives the restart');
    assert.deepEqual(a.tags, ['x', 'y']);
    assert.equal(a.displayName, 'Première');
    assert.equal(a.deactivateAt, new Date(T0 + 30 * DAY).toISOString());
    assert.deepEqual(
      (await later.trend('a')).map((p) => p.date),
      [new Date(T0).toISOString(), new Date(T0 + DAY).toISOString()],
      'both refreshes are in the trend',
    );
    await assert.rejects(later.get('gone'), (e: unknown) => e instanceof SegmentProviderError && e.code === 'not-found');
    const rows = await d.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM segment_kit_history WHERE segment_id = 'gone'`);
    assert.equal(rows.rows[0]?.n, 0, "a deleted segment's history is deleted with it");

    // The scheduled deactivation is applied by the restarted store once its clock passes it.
    clock.t = T0 + 31 * DAY;
    const s = (await later.list()).items.find((x) => x.id === 'a');
    assert.equal(s?.state, 'inactive', 'the scheduled deactivation was applied after the restart');
  });

  it("writes a static segment's snapshot to the members table, and only when it changes", async () => {
    const d = database();
    const clock = { t: T0 };
    const store = storeOn(d, clock);
    await store.save(doc('fixed', { type: 'static' }));
    const members = async () =>
      (
        await d.db.query<{ member_key: string }>(`SELECT member_key FROM segment_kit_members WHERE segment_id = 'fixed' ORDER BY 1`)
      ).rows.map((r) => r.member_key);
    assert.deepEqual(await members(), ['C1', "C'4", 'C3'].sort());
    d.statements.length = 0;
    await store.update(['fixed'], { tags: ['t'] });
    assert.ok(
      d.statements.some((t) => t.includes('INSERT INTO "segment_kit_segments"')),
      'the tag change is written',
    );
    assert.equal(d.statements.filter((t) => t.includes('segment_kit_members')).length, 0, 'a tag change does not rewrite the members');
    const reopened = storeOn(d, clock);
    const read = await reopened.get('fixed');
    assert.deepEqual([...(read.snapshot ?? [])].sort(), ['C1', "C'4", 'C3'].sort(), 'the snapshot is read back');
    const stored = await d.db.query<{ doc: Record<string, unknown> }>(`SELECT doc FROM segment_kit_segments WHERE id = 'fixed'`);
    assert.equal('snapshot' in stored.rows[0]!.doc, false, 'the document column holds no snapshot');
  });

  it('a failed write is reported as a storage error and written at the next call; nothing is lost', async () => {
    const d = database();
    const clock = { t: T0 };
    let failNext = false;
    const flaky: SqlQueryFunction = (text, params) => {
      if (failNext && text.startsWith('INSERT INTO "segment_kit_segments"')) {
        failNext = false;
        return Promise.reject(new Error('connection reset'));
      }
      return d.query(text, params);
    };
    const store = new SegmentStore({
      catalog,
      evaluator,
      now: () => clock.t,
      backend: createSqlStoreBackend({ query: flaky, dialect: 'postgres' }),
    });
    await store.list();
    failNext = true;
    await assert.rejects(
      store.save(doc('kept')),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'storage' && /connection reset/.test(e.message),
    );
    await store.list(); // the next call writes what the failed one could not
    const reopened = storeOn(d, clock);
    assert.equal((await reopened.get('kept')).id, 'kept', 'the save reached the table at the next call');
  });

  it('values are parameters: hostile ids, names and tags are stored as they are, and no table is harmed', async () => {
    const d = database();
    const clock = { t: T0 };
    const store = storeOn(d, clock);
    const hostile = `x'); DROP TABLE segment_kit_segments; --`;
    await store.save(doc('h', { displayName: hostile, tags: [hostile, '$$', '\\'] }));
    const reopened = storeOn(d, clock);
    const h = (await reopened.list()).items.find((s) => s.id === 'h');
    assert.equal(h?.displayName, hostile);
    assert.deepEqual(h?.tags, [hostile, '$$', '\\']);
    assert.ok(
      d.statements.every((t) => !t.includes('DROP')),
      'no statement carries the hostile text',
    );
  });

  it('refuses tables written by a newer version, and a prefix that is not a plain name', async () => {
    const d = database();
    for (const statement of storeDDL('postgres')) await d.db.query(statement);
    await d.db.query(`INSERT INTO segment_kit_meta (key, value) VALUES ('schema_version', '99')`);
    const store = storeOn(d, { t: T0 });
    await assert.rejects(
      store.list(),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'storage' && /version 99/.test(e.message),
    );
    assert.throws(
      () => createSqlStoreBackend({ query: d.query, dialect: 'postgres', prefix: 'x"; drop' }),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'invalid-argument',
    );
  });
});
