/**
 * `attributeStats` of the SQL provider against the memory provider's, differentially: for
 * every attribute of every entity of the sample catalog (the audience, one-hop entities,
 * and WebSession and Product two hops away, Product through a fan-out), over the sample
 * dataset plus the SQL tests' edge rows (nulls, empty strings, mixed case, `%` `_` `\`,
 * dates on window boundaries over date, timestamp and timestamptz columns, a session time
 * zone far from UTC), on PGlite, on DuckDB, and on the PostgreSQL server `DATABASE_URL`
 * names (skipped, saying so, without it). Deep-equal, but for the mean (`MEAN_TOLERANCE`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import type { AttributeStats, Catalog } from '../../src/core/index.js';
import { SegmentProviderError } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromDuckDB, fromPg, fromPGlite, loadDataset, type SqlConnection } from '../../src/providers/sql/index.js';
import type { SqlTableMapping } from '../../src/core/sql/index.js';
import { compareAttributeStats } from './helpers/sql-compare.js';
import { DATE_COLUMNS, DECLARED, loadDatabase, testDataset } from './helpers/sql-data.js';

const NOW = '2026-11-01T12:00:00.000Z';
const dataset = testDataset(800);
const { catalog } = dataset;
const memory = createMemoryProvider({ catalog, data: dataset.data, now: NOW });
const ATTRIBUTES = catalog.entities.reduce((n, e) => n + e.attributes.length, 0);
const RELATED = catalog.entities.filter((e) => e.name !== catalog.audience).reduce((n, e) => n + e.attributes.length, 0);

const q = (name: string) => '"' + name.replace(/"/g, '""') + '"';

/**
 * Every table as a view in another schema, under other names, every column renamed (key
 * and join columns too): `tables` maps them, so every identifier the stats write comes
 * from the mapping. Names with a quote, a space and a dollar sign, which quoting must keep.
 */
function renamed(c: Catalog): { views: string[]; tables: Record<string, SqlTableMapping> } {
  const views = [`CREATE SCHEMA ${q('crm "stats"')}`];
  const tables: Record<string, SqlTableMapping> = {};
  for (const e of c.entities) {
    const cols = new Set(e.attributes.map((a) => a.name));
    cols.add(e.key);
    for (const r of c.relationships) {
      if (r.from === e.name) cols.add(r.fromAttribute);
      if (r.to === e.name) cols.add(r.toAttribute);
    }
    const col = (name: string) => `col $${name}'s`;
    views.push(
      `CREATE VIEW ${q('crm "stats"')}.${q(`tbl ${e.name}"`)} AS SELECT ${[...cols].map((n) => `${q(n)} AS ${q(col(n))}`).join(', ')} FROM ${q(e.name)}`,
    );
    tables[e.name] = {
      table: ['crm "stats"', `tbl ${e.name}"`],
      columns: Object.fromEntries([...cols].map((n) => [n, col(n)])),
    };
  }
  return { views, tables };
}

type Of<T extends AttributeStats['type']> = T extends 'string' | 'boolean'
  ? Extract<AttributeStats, { type: 'string' | 'boolean' }>
  : Extract<AttributeStats, { type: T }>;
function of<T extends AttributeStats['type']>(s: AttributeStats, type: T): Of<T> {
  assert.equal(s.type, type);
  return s as Of<T>;
}

describe('attributeStats on PGlite: the memory provider’s, for every attribute', () => {
  let db: PGlite;

  before(async () => {
    db = await loadDatabase(dataset);
    for (const v of renamed(catalog).views) await db.exec(v);
  });
  after(async () => {
    await db?.close();
  });

  it(`all ${ATTRIBUTES} attributes (${RELATED} of related entities), date column types not declared`, async () => {
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), now: NOW, store: false });
    const r = await compareAttributeStats(catalog, sql, memory, 'PGlite');
    assert.deepEqual(r, { compared: ATTRIBUTES, related: RELATED });
  });

  it('the same with the date column types declared', async () => {
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), tables: DECLARED, now: NOW, store: false });
    await compareAttributeStats(catalog, sql, memory, 'PGlite, declared');
  });

  it('the same through a `tables` mapping that renames every table and column (multi-hop joins included)', async () => {
    const texts: string[] = [];
    const base = fromPGlite(db);
    const spy: SqlConnection = { ...base, query: (text, params, opts) => (texts.push(text), base.query(text, params, opts)) };
    const sql = createSqlProvider({ catalog, connection: spy, tables: renamed(catalog).tables, now: NOW, store: false });
    await compareAttributeStats(catalog, sql, memory, 'PGlite, renamed');
    // Every table read is a mapped one, quoted: none of the entities' own tables.
    const read = texts.flatMap((t) => [...t.matchAll(/(?:FROM|JOIN) ("(?:[^"]|"")*"(?:\."(?:[^"]|"")*")?)/g)].map((m) => m[1]!));
    assert.ok(read.length > ATTRIBUTES, `${read.length} tables read`);
    assert.deepEqual(
      [...new Set(read)].sort(),
      catalog.entities.map((e) => `"crm ""stats"""."tbl ${e.name}"""`).sort(),
      'only the mapped tables',
    );
  });

  it('what the stats say is what a click on them builds: a related value’s customers are the segment’s size', async () => {
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), now: NOW, store: false });
    // Two hops with a fan-out: customers with a subscription to the product.
    const product = of(await sql.attributeStats('Product', 'Category'), 'string');
    assert.equal(product.related, true);
    const first = product.top[0]!;
    assert.ok(first.count > 0 && first.count <= product.customers!, 'a customer count within the audience');
    const size = await sql.count({
      schemaVersion: 1,
      name: 'WithProduct',
      audience: 'Customer',
      rules: [
        {
          where: {
            kind: 'related',
            entity: 'Product',
            match: { quantifier: 'atLeast', count: 1 },
            where: { kind: 'condition', entity: 'Product', attribute: 'Category', operator: 'equals', value: String(first.value) },
          },
        },
      ],
    });
    assert.equal(size.total, first.count, `customers with a ${String(first.value)} product`);
    // A two-hop number: every bar's customers are at most the audience, the rows add up to the values.
    const duration = of(await sql.attributeStats('WebSession', 'DurationSeconds'), 'number');
    assert.equal(
      duration.histogram!.reduce((n, b) => n + (b.rows ?? 0), 0),
      duration.total - duration.nulls,
      'every value in one bar',
    );
  });

  it('an unknown attribute is refused; an aborted call rejects as aborted', async () => {
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), now: NOW, store: false });
    await assert.rejects(
      sql.attributeStats('Customer', 'Nope'),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'invalid-argument' && /Nope/.test(e.message),
    );
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(
      sql.attributeStats('Order', 'TotalAmount', { signal: abort.signal }),
      (e: unknown) => e instanceof SegmentProviderError && e.code === 'aborted',
    );
  });
});

describe('attributeStats on DuckDB: the memory provider’s, for every attribute', () => {
  let raw: DuckDBConnection;
  let db: SqlConnection;

  before(async () => {
    raw = await (await DuckDBInstance.create(':memory:')).connect();
    db = fromDuckDB(raw, { listValue: (items) => listValue(items as never[]) });
    await loadDataset(db, dataset, { dateTypes: DATE_COLUMNS });
  });
  after(() => {
    raw?.closeSync();
  });

  it(`all ${ATTRIBUTES} attributes, undeclared and declared date column types`, async () => {
    for (const tables of [undefined, DECLARED]) {
      const sql = createSqlProvider({ catalog, connection: db, ...(tables ? { tables } : {}), now: NOW, store: false });
      const r = await compareAttributeStats(catalog, sql, memory, `DuckDB${tables ? ', declared' : ''}`);
      assert.deepEqual(r, { compared: ATTRIBUTES, related: RELATED });
    }
  });
});

/**
 * Hand-made rows for what the generated data does not reach: more than ten values tied on
 * customers and rows (the last places go by case-insensitive order), text whose order in
 * JavaScript (UTF-16) is not its byte order in UTF-8 (`😀` before `ｆ` in JavaScript, after
 * it in bytes) or whose lower case is not ASCII (`Éb`, `éa`, `Ωmega`), NaN and ±Infinity in a number column (no values), a long tail (a last
 * bar of its own), fractions and negatives, dates over more than ten years (bars by year),
 * an audience row without a key, duplicate keys, an order of nobody, and a product two
 * hops away that one customer reaches through two subscriptions.
 */
function edgeData(): Record<string, Record<string, unknown>[]> {
  const cities = ['Éb', 'éa', 'Alpha', 'beta', 'Gamma', 'Ωmega', '😀 smile', 'Ｆull', 'яблоко', 'Gamma', 'Alpha', 'alpha'];
  const customers = cities.map((City, i) => ({
    CustomerId: `K${String(i).padStart(2, '0')}`,
    City,
    LoyaltyPoints: i < 11 ? i : 1_000_000,
    CreditBalance: [-2.5, 0.1, 0.2, 0.30000000000000004, NaN, Infinity, -Infinity, 7.75, null, -0.001, 12, 3][i],
    BirthDate: ['1950-06-15', '1999-12-31', '1970-01-01T00:00:00.000Z', null, '1980-02-29'][i % 5],
    DoNotContact: [true, false, null][i % 3],
  }));
  customers.push({
    CustomerId: null as unknown as string,
    City: 'Nowhere',
    LoyaltyPoints: 5,
    CreditBalance: 1,
    BirthDate: null,
    DoNotContact: true,
  });
  customers.push({ CustomerId: 'K00', City: 'Alpha', LoyaltyPoints: 3, CreditBalance: 2, BirthDate: '2001-01-01', DoNotContact: false });
  const orders = customers.flatMap((c, i) =>
    Array.from({ length: i % 4 }, (_, k) => ({
      OrderId: `O${i}-${k}`,
      CustomerId: c.CustomerId,
      TotalAmount: k === 2 ? Infinity : i * 10.5 + k,
      Channel: ['Web', 'web', 'Store', ''][k % 4],
      OrderDate: k === 1 ? null : `2024-0${1 + (i % 9)}-15T23:59:59.999Z`,
    })),
  );
  orders.push({ OrderId: 'O-nobody', CustomerId: 'K99', TotalAmount: 1, Channel: 'Web', OrderDate: '2024-01-01' });
  return {
    Customer: customers,
    Order: orders,
    Subscription: [
      { SubscriptionId: 'S1', CustomerId: 'K01', ProductId: 'P1', Status: 'Active' },
      { SubscriptionId: 'S2', CustomerId: 'K01', ProductId: 'P1', Status: 'Expired' },
      { SubscriptionId: 'S3', CustomerId: 'K02', ProductId: 'P2', Status: 'Active' },
    ],
    Product: [
      { ProductId: 'P1', Name: 'One', Category: 'Security', Price: 9.99 },
      { ProductId: 'P2', Name: 'Two', Category: 'Security', Price: NaN },
      { ProductId: 'P3', Name: 'Three', Category: 'Storage', Price: 1 },
    ],
  };
}

/** The rows' NaN and ±Infinity, which JSON cannot carry, written into the loaded tables. */
async function writeNonFinite(
  run: (text: string, params: unknown[]) => Promise<unknown>,
  data: Record<string, Record<string, unknown>[]>,
  schema: string,
) {
  for (const e of catalog.entities) {
    for (const row of data[e.name] ?? []) {
      for (const a of e.attributes) {
        const v = row[a.name];
        if (typeof v === 'number' && !Number.isFinite(v) && row[e.key] !== null)
          await run(
            `UPDATE ${schema}${q(e.name)} SET ${q(a.name)} = CAST($1 AS DOUBLE PRECISION) WHERE ${q(e.key)} = $2 AND ${q(a.name)} IS NULL`,
            [String(v), row[e.key]],
          );
      }
    }
  }
}

/** The rows in tables of their own schema of the PGlite database (date columns of every type); the `tables` mapping that reads them. */
async function loadInSchema(db: PGlite, schema: string, data: Record<string, Record<string, unknown>[]>) {
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  await loadDataset(fromPGlite(db), { catalog, data }, { dateTypes: DATE_COLUMNS });
  await writeNonFinite((text, params) => db.query(text, params), data, `${schema}.`);
  await db.exec('SET search_path TO public');
  return Object.fromEntries(catalog.entities.map((e) => [e.name, { table: [schema, e.name] }]));
}

describe('attributeStats on hand-made edge rows: the memory provider’s, on PGlite and DuckDB', () => {
  const data = edgeData();
  const m = createMemoryProvider({ catalog, data, now: NOW });
  /** No products, and cases without an Escalated value. */
  const blank = { ...data, Product: [], Case: [{ CaseId: 'C1', CustomerId: 'K01', Escalated: null }] };
  let db: PGlite;
  const edge = { tables: {} as Record<string, SqlTableMapping> };
  const none = { tables: {} as Record<string, SqlTableMapping> };

  before(async () => {
    db = await PGlite.create();
    await db.exec(`SET TIME ZONE 'Asia/Kathmandu'`);
    edge.tables = await loadInSchema(db, 'edge', data);
    none.tables = await loadInSchema(db, 'blank', blank);
  });
  after(async () => {
    await db?.close();
  });

  it('PGlite', async () => {
    const [written] = (
      await db.query(`SELECT count(*) AS n FROM edge."Customer" WHERE "CreditBalance" IN ('NaN', 'Infinity', '-Infinity')`)
    ).rows as { n: number }[];
    assert.equal(Number(written!.n), 3, 'NaN and ±Infinity are in the table');
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), tables: edge.tables, now: NOW, store: false });
    await compareAttributeStats(catalog, sql, m, 'PGlite, edge rows');
    const city = of(await sql.attributeStats('Customer', 'City'), 'string');
    assert.deepEqual(
      city.top.map((t) => t.value),
      ['Alpha', 'Gamma', 'alpha', 'beta', 'Nowhere', 'éa', 'Éb', 'Ωmega', 'яблоко', '😀 smile'],
      'the most common first, then case-insensitive order (nine tied for eight places)',
    );
    const balance = of(await sql.attributeStats('Customer', 'CreditBalance'), 'number');
    assert.equal(balance.nulls, 4, 'NaN, Infinity, -Infinity and null are no values');
    const points = of(await sql.attributeStats('Customer', 'LoyaltyPoints'), 'number');
    assert.equal(points.histogram!.at(-1)!.to, 1_000_000, 'the long tail in a last bar of its own');
    const birth = of(await sql.attributeStats('Customer', 'BirthDate'), 'date');
    assert.equal(birth.unit, 'year');
  });

  it('PGlite: an entity with no rows, and a boolean with no values', async () => {
    const sql = createSqlProvider({ catalog, connection: fromPGlite(db), tables: none.tables, now: NOW, store: false });
    await compareAttributeStats(catalog, sql, createMemoryProvider({ catalog, data: blank, now: NOW }), 'PGlite, no rows');
    const price = of(await sql.attributeStats('Product', 'Price'), 'number');
    assert.deepEqual([price.total, price.min, price.histogram], [0, null, []]);
    const escalated = of(await sql.attributeStats('Case', 'Escalated'), 'boolean');
    assert.deepEqual(escalated.counts, { true: 0, false: 0, empty: 1 }, 'one customer with a case of no value');
  });

  it('DuckDB', async () => {
    const raw = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      const duck = fromDuckDB(raw, { listValue: (items) => listValue(items as never[]) });
      await loadDataset(duck, { catalog, data }, { dateTypes: DATE_COLUMNS });
      await writeNonFinite((text, params) => duck.query(text, params), data, '');
      const [written] = await duck.query(`SELECT count(*) AS n FROM "Customer" WHERE isnan("CreditBalance") OR isinf("CreditBalance")`, []);
      assert.equal(Number(written!.n), 3, 'NaN and ±Infinity are in the table');
      const sql = createSqlProvider({ catalog, connection: duck, now: NOW, store: false });
      await compareAttributeStats(catalog, sql, m, 'DuckDB, edge rows');
    } finally {
      raw.closeSync();
    }
  });
});

const URL_ = process.env.DATABASE_URL;
const SCHEMA = `sk_stats_${process.pid}`;

describe('attributeStats on a PostgreSQL server: the memory provider’s', { ...(URL_ ? {} : { skip: 'DATABASE_URL is not set' }) }, () => {
  let pool: pg.Pool;

  before(async () => {
    const admin = new pg.Pool({ connectionString: URL_, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    pool = new pg.Pool({ connectionString: URL_, max: 2, options: `-c search_path=${SCHEMA} -c TimeZone=Asia/Kathmandu` });
    await loadDataset(fromPg(pool), dataset, { dateTypes: DATE_COLUMNS });
    await pool.query('ANALYZE');
  });
  after(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await pool?.end();
  });

  it(`all ${ATTRIBUTES} attributes, undeclared and declared date column types`, async () => {
    for (const tables of [undefined, DECLARED]) {
      const sql = createSqlProvider({ catalog, connection: fromPg(pool), ...(tables ? { tables } : {}), now: NOW, store: false });
      const r = await compareAttributeStats(catalog, sql, memory, `PostgreSQL${tables ? ', declared' : ''}`);
      assert.deepEqual(r, { compared: ATTRIBUTES, related: RELATED });
    }
  });
});
