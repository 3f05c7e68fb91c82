/**
 * Injection fuzzing of the SQL compiler and `createSqlProvider`, with fast-check (fixed
 * seed): hostile strings built from fragments — quotes, backslashes, comment markers,
 * semicolons, dollar quotes and placeholders, LIKE wildcards and the escape character,
 * bidirectional marks, emoji, combining marks, U+2028, statements aimed at a canary table —
 * and very long strings (100 KB, 1 MB), and NUL.
 *
 * They go in as values (every text operator, `in` / `notIn` lists, on the audience and
 * on related entities one and two hops away; `suggestValues` searches), as saved
 * segments' ids, display names, descriptions and tags (the store's tables), and as
 * catalog names, labels and `tables` mappings (schema, table and column names). Each run
 * happens next to a canary table on PGlite, and on the PostgreSQL server `DATABASE_URL`
 * names (skipped, saying so, without it).
 *
 * Asserted: nothing is injected (the canary's rows, the list of tables and the store's
 * tables are unchanged), the answers are the memory provider's, and whatever is refused
 * is refused with a `SegmentProviderError` whose code and message say why — a NUL
 * (which PostgreSQL text cannot hold) as `invalid-segment` at its JSON path, from
 * `toSQL`, from the provider and, as a 422 with that message, from the HTTP handler.
 *
 * `SQL_FUZZ_RUNS=500 node --import tsx --test test/core/sql-injection.test.ts` runs more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import pg from 'pg';
import type { Catalog, SegmentDocument, SegmentNode } from '../../src/core/model/types.js';
import { SegmentProviderError, type SegmentProvider } from '../../src/core/provider/types.js';
import { toSQL, type SqlTableMapping } from '../../src/core/sql/index.js';
import { createProviderHandler } from '../../src/providers/http/handler.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromPg, fromPGlite, loadDataset, type SqlConnection, type SqlProvider } from '../../src/providers/sql/index.js';
import { DATE_COLUMNS, testDataset } from './helpers/sql-data.js';

const RUNS = Number(process.env.SQL_FUZZ_RUNS ?? 100);
const SEED = 20261201;
const NOW = '2026-11-01T12:00:00.000Z';

const FRAGMENTS = [
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  '--',
  '/*',
  '*/',
  ';',
  '$$',
  '$1',
  '$2::text',
  '$tag$',
  '%',
  '_',
  '!',
  '!%',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '😀',
  'e\u0301', // a combining acute accent
  '\u2028', // line separator
  ' ',
  'a',
  'O',
  'Paris',
  'web',
  "'); DROP TABLE canary; --",
  '; INSERT INTO canary VALUES (666); --',
  "' OR '1'='1",
  '"; DELETE FROM canary; --',
  '$$; DROP TABLE canary; $$',
  '*/ UPDATE canary SET x = 0; /*',
];

/** A hostile string: fragments strung together. */
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const TEXT_OPS = ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn'] as const;
/** Free-text attributes (no enumeration, whose values would be refused) of the audience, and of entities one and two hops away. */
const TEXT_ATTRIBUTES = [
  ['Customer', 'City'],
  ['Customer', 'FullName'],
  ['Customer', 'Email'],
  ['Order', 'OrderId'],
  ['OnlineAccount', 'Username'],
  ['Product', 'Name'],
] as const;

const cond = (entity: string, attribute: string, operator: string, value?: unknown): SegmentNode =>
  ({ kind: 'condition', entity, attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;

/** A rule on the attribute (a condition on the audience, else "with at least one … where"), and one more. */
function segmentOn(entity: string, attribute: string, operator: string, value: unknown, name = 'Fuzz'): SegmentDocument {
  const c = cond(entity, attribute, operator, value);
  const where: SegmentNode = entity === 'Customer' ? c : { kind: 'related', entity, match: { quantifier: 'any' }, where: c };
  return {
    schemaVersion: 1,
    name,
    audience: 'Customer',
    rules: [{ where }, { setOperator: 'union', where: cond('Customer', 'City', 'isEmpty') }],
  };
}

/** A SegmentProviderError with this code, whose message says `includes`. */
async function refused(p: Promise<unknown> | (() => unknown), code: string, includes: string): Promise<void> {
  let error: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof SegmentProviderError, `a SegmentProviderError, not ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.ok(error.message.includes(includes), `the message says ${includes}: ${error.message}`);
}

/** What the HTTP handler answers `method` with this body: the status and the error, if any. */
async function http(provider: SegmentProvider, method: string, body: unknown) {
  const response = await createProviderHandler(provider)(
    new Request(`http://localhost/v1/${method}`, { method: 'POST', body: JSON.stringify(body) }),
  );
  const json = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, error: json.error };
}

/**
 * The first `n` characters (code points: half an emoji, a lone surrogate, is no text a
 * database can hold, and goes to it as U+FFFD).
 */
const prefix = (s: string, n: number) => Array.from(s).slice(0, n).join('');

const q = (name: string) => '"' + name.replace(/"/g, '""') + '"';

interface Engine {
  connection: SqlConnection;
  /** Runs one statement (the test's own DDL and checks). */
  exec(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function pglite(): Promise<Engine> {
  const db = new PGlite();
  await db.exec(`SET TIME ZONE 'Asia/Kathmandu'`);
  return {
    connection: fromPGlite(db),
    exec: async (text, params = []) => (await db.query<Record<string, unknown>>(text, params)).rows,
    close: () => db.close(),
  };
}

async function postgres(url: string): Promise<Engine> {
  const schema = `sk_fuzz_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 3, options: `-c search_path=${schema} -c TimeZone=Asia/Kathmandu` });
  return {
    connection: fromPg(pool),
    exec: async (text, params = []) => (await pool.query(text, params)).rows as Record<string, unknown>[],
    close: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await pool.end();
    },
  };
}

/**
 * The schemas the other test files make on the same PostgreSQL server while this one runs (npm test
 * runs two files at a time): theirs to create and drop, so left out of the fingerprint.
 */
const OTHER_TEST_SCHEMA = /^(sk_(test|stats)_\d+|sk_fuzz_(?!${process.pid}$)\d+|contract_\d+_\d+)$/;

/** Everything the attacks could touch: the canary's rows, the tables, views and schemas, the store's rows and version. */
async function fingerprint(e: Engine): Promise<unknown> {
  return {
    canary: await e.exec('SELECT x FROM canary ORDER BY x'),
    tables: (
      await e.exec(
        `SELECT table_schema AS s, table_name AS t, table_type AS k FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
      )
    )
      .filter((r) => !OTHER_TEST_SCHEMA.test(String(r.s)))
      .map((r) => `${String(r.s)}.${String(r.t)} ${String(r.k)}`),
    schemas: (await e.exec('SELECT schema_name AS s FROM information_schema.schemata ORDER BY 1'))
      .map((r) => r.s)
      .filter((s) => !OTHER_TEST_SCHEMA.test(String(s))),
    meta: await e.exec('SELECT key, value FROM segment_kit_meta ORDER BY key'),
    segments: await e.exec('SELECT id FROM segment_kit_segments ORDER BY id'),
  };
}

/** The same members (in order), with the same projected values. */
async function sameMembers(sql: SegmentProvider, memory: SegmentProvider, segment: SegmentDocument, sort: string, what: string) {
  const doc = { ...segment, projectedAttributes: [{ entity: 'Order', attribute: 'Channel' }] };
  const [a, b] = await Promise.all([sql.members(doc, { sort, limit: 25 }), memory.members(doc, { sort, limit: 25 })]);
  assert.equal(a.total, b.total, `${what}: total`);
  const pick = (r: Record<string, unknown>) => [r['CustomerId'], r['City'], r['Order.Channel']];
  assert.deepEqual(a.rows.map(pick), b.rows.map(pick), `${what}: the rows, sorted by ${sort}`);
}

/**
 * A name the kit can quote: the fragments have no control characters, and PostgreSQL keeps
 * 63 bytes of a name (a projected column is named `Entity.attribute`: 31 bytes each).
 */
const identifier = hostile.filter((s) => new TextEncoder().encode(s).length <= 31);
/** A label: anything, line breaks, NUL and comment markers included (labels reach the SQL only in comments). */
const label = fc.oneof(
  hostile,
  hostile.map((h) => `${h}\n\r\u0000*/ DROP TABLE canary; /*`),
);

/**
 * Catalogs whose entity and attribute names and labels are hostile, over tables named
 * after them (no mapping) or, through `tables`, after other hostile names in a hostile
 * schema: the provider's counts, members, suggestions and statistics equal the memory
 * provider's, and nothing is injected.
 */
async function hostileCatalogs(engine: Engine, runs: number): Promise<number> {
  const names = fc.uniqueArray(identifier, { minLength: 9, maxLength: 9, selector: (s) => s.toLowerCase() });
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(
      names,
      fc.array(label, { minLength: 6, maxLength: 6 }),
      fc.uniqueArray(hostile, { minLength: 6, maxLength: 6 }),
      fc.boolean(),
      async (n, labels, values, mapped) => {
        const [people, orders, key, text, flag, fk, amount, schema, id] = n as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        const catalog: Catalog = {
          audience: people,
          entities: [
            {
              name: people,
              label: labels[0]!,
              key,
              attributes: [
                { name: key, label: labels[1]!, type: 'string' },
                { name: text, label: labels[2]!, type: 'string' },
                { name: flag, label: labels[3]!, type: 'boolean' },
              ],
            },
            {
              name: orders,
              label: labels[4]!,
              key: id,
              attributes: [
                { name: id, type: 'string' },
                { name: fk, type: 'string' },
                { name: amount, label: labels[5]!, type: 'number' },
                { name: text, type: 'string', values: values.slice(0, 3).map((value, i) => ({ value, label: labels[i]! })) },
              ],
            },
          ],
          relationships: [{ name: labels[0]!, from: orders, fromAttribute: fk, to: people, toAttribute: key }],
        };
        const data: Record<string, Record<string, unknown>[]> = {
          [people]: values.map((v, i) => ({
            [key]: `${v}#${i}`,
            [text]: i % 3 === 0 ? values[(i + 1) % values.length] : v,
            [flag]: i % 2 === 0,
          })),
          [orders]: values.flatMap((v, i) => [
            { [id]: `${i}a`, [fk]: `${v}#${i}`, [amount]: i * 2.5, [text]: values[i % 3] },
            { [id]: `${i}b`, [fk]: `${values[(i + 2) % values.length]}#${(i + 2) % values.length}`, [amount]: 1 - i, [text]: v },
          ]),
        };
        // The tables: named after the catalog, or (mapped) after other hostile names in a schema of their own.
        const tableOf = (e: string) => (mapped ? `${q(schema)}.${q(`t ${e}`)}` : q(e));
        const columnOf = (c: string) => (mapped ? `c ${c}` : c);
        const tables: Record<string, SqlTableMapping> = {};
        if (mapped) {
          await engine.exec(`CREATE SCHEMA ${q(schema)}`);
          for (const e of catalog.entities)
            tables[e.name] = {
              table: [schema, `t ${e.name}`],
              columns: Object.fromEntries(e.attributes.map((a) => [a.name, columnOf(a.name)])),
            };
        }
        const types = { string: 'text', boolean: 'boolean', number: 'double precision', date: 'timestamptz' } as const;
        try {
          for (const e of catalog.entities) {
            await engine.exec(
              `CREATE TABLE ${tableOf(e.name)} (${e.attributes.map((a) => `${q(columnOf(a.name))} ${types[a.type]}`).join(', ')})`,
            );
            for (const row of data[e.name]!)
              await engine.exec(
                `INSERT INTO ${tableOf(e.name)} VALUES (${e.attributes.map((_, i) => `$${i + 1}`).join(', ')})`,
                e.attributes.map((a) => row[a.name] ?? null),
              );
          }
          const sql = createSqlProvider({ catalog, connection: engine.connection, now: NOW, store: false, ...(mapped ? { tables } : {}) });
          const memory = createMemoryProvider({ catalog, data, now: NOW });
          const segment: SegmentDocument = {
            schemaVersion: 1,
            name: 'Hostile',
            audience: people,
            rules: [
              { where: cond(people, text, 'contains', values[1]!) },
              {
                setOperator: 'union',
                where: {
                  kind: 'related',
                  entity: orders,
                  match: { aggregate: 'sum', attribute: amount, operator: 'greaterThan', value: 3 },
                },
              },
              {
                setOperator: 'except',
                where: {
                  kind: 'related',
                  entity: orders,
                  match: { quantifier: 'any' },
                  where: cond(orders, text, 'in', [values[0]!, values[2]!]),
                },
              },
            ],
            projectedAttributes: [{ entity: orders, attribute: text }],
          };
          const what = `${JSON.stringify(n)} mapped ${mapped}`;
          assert.deepEqual(await sql.count(segment), await memory.count(segment), what);
          const sort = `-${orders}.${text}`;
          const [a, b] = await Promise.all([sql.members(segment, { sort }), memory.members(segment, { sort })]);
          assert.deepEqual(a.columns, b.columns, `${what}: columns`);
          const pick = (r: Record<string, unknown>) => [r[key], r[`${orders}.${text}`]];
          assert.deepEqual(a.rows.map(pick), b.rows.map(pick), `${what}: members`);
          for (const [e, attr] of [
            [people, text],
            [orders, text],
            [orders, amount],
            [people, flag],
          ] as const) {
            const search = { query: prefix(values[3]!, 3) };
            assert.deepEqual(
              await sql.suggestValues(e, attr, search),
              await memory.suggestValues(e, attr, search),
              `${what}: suggest ${e}.${attr}`,
            );
            const [x, y] = await Promise.all([sql.attributeStats(e, attr), memory.attributeStats(e, attr)]);
            if (x.type === 'number' && y.type === 'number')
              assert.deepEqual(
                { ...x, mean: x.mean?.toPrecision(12) },
                { ...y, mean: y.mean?.toPrecision(12) },
                `${what}: stats ${e}.${attr}`,
              );
            else assert.deepEqual(x, y, `${what}: stats ${e}.${attr}`);
          }
          compared++;
        } finally {
          if (mapped) await engine.exec(`DROP SCHEMA ${q(schema)} CASCADE`);
          else for (const e of catalog.entities) await engine.exec(`DROP TABLE IF EXISTS ${tableOf(e.name)}`);
        }
      },
    ),
    { seed: SEED + 4, numRuns: runs },
  );
  return compared;
}

/** The suites, on one engine. */
function fuzzOn(engineName: string, open: () => Promise<Engine>, skip?: string) {
  describe(`injection fuzzing on ${engineName}`, { ...(skip ? { skip } : {}) }, () => {
    const dataset = testDataset(120);
    const { catalog } = dataset;
    const memory = createMemoryProvider({ catalog, data: dataset.data, now: NOW });
    let engine: Engine;
    let sql: SqlProvider;
    let clean: unknown;

    before(async () => {
      engine = await open();
      await loadDataset(engine.connection, dataset, { dateTypes: DATE_COLUMNS });
      await engine.exec('CREATE TABLE canary (x integer)');
      await engine.exec('INSERT INTO canary VALUES (1), (2)');
      sql = createSqlProvider({ catalog, connection: engine.connection, now: NOW });
      await sql.listSegments(); // creates the store's tables
      clean = await fingerprint(engine);
    });
    after(async () => {
      await engine?.close();
    });

    it(`${RUNS} hostile values through every text operator and in/notIn lists: the memory provider's counts and members`, async () => {
      let compared = 0;
      let split = 0;
      const audience = dataset.data['Customer']!.length;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TEXT_ATTRIBUTES),
          fc.constantFrom(...TEXT_OPS),
          hostile,
          fc.array(fc.oneof(hostile, fc.constantFrom('Paris', 'Web', "O'Brien", '50% off', 'a_b', '\\')), { minLength: 1, maxLength: 4 }),
          async ([entity, attribute], op, value, list) => {
            const segment = segmentOn(entity, attribute, op, op === 'in' || op === 'notIn' ? [value, ...list] : value);
            const what = `${entity}.${attribute} ${op} ${JSON.stringify(segment.rules[0]!.where).slice(0, 200)}`;
            const expected = await memory.count(segment);
            assert.deepEqual(await sql.count(segment), expected, what);
            const first = expected.rules[0]!.count;
            if (first > 0 && first < audience) split++;
            if (compared % 4 === 0) await sameMembers(sql, memory, segment, compared % 8 === 0 ? '-City' : 'Order.Channel', what);
            compared++;
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
      assert.equal(compared, RUNS);
      // The comparison means something only when hostile values match some rows and not others.
      assert.ok(split >= RUNS * 0.3, `${split} of ${RUNS} hostile rules select some but not all customers`);
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected');
    });

    it(`${RUNS} hostile suggestValues searches: the memory provider's suggestions`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            ...TEXT_ATTRIBUTES,
            ['Customer', 'Country'] as const,
            ['Order', 'Channel'] as const,
            ['WebSession', 'Device'] as const,
          ),
          fc.oneof(
            hostile,
            hostile.map((h) => prefix(h, 2)),
          ),
          async ([entity, attribute], query) => {
            assert.deepEqual(
              await sql.suggestValues(entity, attribute, { query, limit: 10 }),
              await memory.suggestValues(entity, attribute, { query, limit: 10 }),
              `${entity}.${attribute} ${JSON.stringify(query)}`,
            );
          },
        ),
        { seed: SEED + 1, numRuns: RUNS },
      );
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected');
    });

    it('very long values (100 KB, 1 MB) in every text operator and in searches: the memory provider’s answers', async () => {
      for (const size of [100_000, 1_000_000]) {
        const long = ("'; DROP TABLE canary; -- %_\\ " + 'x'.repeat(size)).slice(0, size);
        for (const op of TEXT_OPS) {
          const segment = segmentOn('Order', 'OrderId', op, op === 'in' || op === 'notIn' ? [long, 'O900001'] : long);
          assert.deepEqual(await sql.count(segment), await memory.count(segment), `${size} ${op}`);
        }
        assert.deepEqual(
          await sql.suggestValues('Customer', 'City', { query: long }),
          await memory.suggestValues('Customer', 'City', { query: long }),
          `a ${size}-character search`,
        );
      }
      // Over HTTP: 100 KB is answered; a body over the limit (1 MiB) is refused with a 413 that says so.
      const fits = segmentOn('Customer', 'City', 'contains', 'x'.repeat(100_000));
      assert.equal((await http(sql, 'count', { segment: fits })).status, 200);
      const big = await http(sql, 'count', { segment: segmentOn('Customer', 'City', 'contains', 'x'.repeat(1_100_000)) });
      assert.equal(big.status, 413);
      assert.match(big.error!.message, /larger than/);
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected');
    });

    it('NUL in a value: invalid-segment at the value’s JSON path, from toSQL, the provider and the HTTP handler (422)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TEXT_ATTRIBUTES),
          fc.constantFrom(...TEXT_OPS),
          hostile,
          hostile,
          async ([entity, attribute], op, head, tail) => {
            const nul = `${head}\u0000${tail}`;
            const list = op === 'in' || op === 'notIn';
            const segment = segmentOn(entity, attribute, op, list ? [head, nul] : nul);
            const path = `/rules/0/where${entity === 'Customer' ? '' : '/where'}/value${list ? '/1' : ''}`;
            await refused(() => toSQL(segment, catalog, { now: NOW }), 'invalid-segment', path);
            await refused(sql.count(segment), 'invalid-segment', path);
            await refused(sql.members(segment), 'invalid-segment', path);
            const answer = await http(sql, 'count', { segment });
            assert.equal(answer.status, 422, `the HTTP status for ${path}`);
            assert.equal(answer.error!.code, 'invalid-segment');
            assert.ok(answer.error!.message.includes(path) && /NUL/.test(answer.error!.message), answer.error!.message);
          },
        ),
        { seed: SEED + 2, numRuns: Math.max(10, RUNS >> 1) },
      );
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected');
    });

    it('NUL elsewhere: a search answers as the memory provider; a saved segment is refused at its path and the store keeps working', async () => {
      for (const query of ['a\u0000', '\u0000'])
        for (const [entity, attribute] of [
          ['Customer', 'City'],
          ['Customer', 'Country'],
        ] as const)
          assert.deepEqual(
            await sql.suggestValues(entity, attribute, { query }),
            await memory.suggestValues(entity, attribute, { query }),
            `a search for ${JSON.stringify(query)} in ${attribute}`,
          );
      const search = await http(sql, 'suggestValues', { entity: 'Customer', attribute: 'City', query: 'a\u0000' });
      assert.equal(search.status, 200, 'a search with a NUL is answered (nothing matches)');
      const stats = await http(sql, 'attributeStats', { entity: 'Customer', attribute: 'City\u0000; DROP TABLE canary' });
      assert.equal(stats.status, 400, 'an attribute the catalog lacks');
      assert.equal(stats.error!.code, 'invalid-argument');
      const base = segmentOn('Customer', 'City', 'equals', 'Paris', 'WithNul');
      const nul: [SegmentDocument, string][] = [
        [{ ...base, displayName: 'a\u0000b' }, '/displayName'],
        [{ ...base, description: 'x\u0000' }, '/description'],
        [{ ...base, tags: ['ok', '\u0000'] }, '/tags/1'],
        [{ ...base, id: 'id\u0000' }, '/id'],
      ];
      for (const [doc, path] of nul) {
        await refused(sql.saveSegment(doc), 'invalid-segment', path);
        const answer = await http(sql, 'saveSegment', { segment: doc });
        assert.equal(answer.status, 422, `the HTTP status for ${path}`);
        assert.ok(answer.error!.message.includes(path) && /NUL/.test(answer.error!.message), answer.error!.message);
      }
      const saved = await sql.saveSegment({ ...base, displayName: 'Fine' });
      await refused(sql.updateSegments([saved.id], { displayName: 'b\u0000' }), 'invalid-argument', 'displayName');
      await refused(sql.updateSegments([saved.id], { tags: ['\u0000'] }), 'invalid-argument', 'tags');
      assert.equal((await sql.getSegment(saved.id)).displayName, 'Fine', 'nothing half-written');
      assert.deepEqual(await sql.count(base), await memory.count(base), 'the provider still answers');
      await sql.deleteSegments([saved.id]);
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected, the store as it was');
    });

    it(`${RUNS} saved segments with hostile ids, display names, descriptions and tags: read back as written, also after a restart`, async () => {
      const written = new Map<string, SegmentDocument>();
      await fc.assert(
        fc.asyncProperty(hostile, hostile, hostile, fc.array(hostile, { maxLength: 3 }), async (id, displayName, description, tags) => {
          const doc: SegmentDocument = {
            ...segmentOn('Customer', 'City', 'contains', displayName, 'Hostile'),
            id: `h${written.size}${id}`,
            displayName,
            description,
            tags,
          };
          assert.equal((await sql.saveSegment(doc)).id, doc.id);
          await memory.saveSegment(doc);
          const back = await sql.getSegment(doc.id!);
          assert.deepEqual(back, await memory.getSegment(doc.id!), `segment ${JSON.stringify(doc.id)}: as the memory provider keeps it`);
          assert.deepEqual([back.displayName, back.description, back.tags], [displayName, description, tags]);
          written.set(doc.id!, back);
        }),
        { seed: SEED + 3, numRuns: RUNS },
      );
      // A new provider over the same tables reads them back as they were written.
      const again = createSqlProvider({ catalog, connection: engine.connection, now: NOW });
      for (const [id, doc] of written) assert.deepEqual(await again.getSegment(id), doc, `segment ${JSON.stringify(id)} after a restart`);
      const listed = await again.listSegments({ limit: 1000 });
      assert.deepEqual(listed.items.map((s) => s.id).sort(), [...written.keys()].sort(), 'the store lists exactly what was saved');
      await again.deleteSegments([...written.keys()]);
      await memory.deleteSegments([...written.keys()]);
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected, the store as it was');
    });

    it('hostile catalogs: names, labels and `tables` mappings through the provider; names it cannot quote refused', async () => {
      const runs = Math.max(6, RUNS >> 2);
      assert.equal(await hostileCatalogs(engine, runs), runs, 'every catalog compared');
      const base: Catalog = {
        audience: 'P',
        entities: [{ name: 'P', key: 'id', attributes: [{ name: 'id', type: 'string' }] }],
        relationships: [],
      };
      const probe: SegmentDocument = { schemaVersion: 1, name: 'Probe', audience: 'P', rules: [{ where: cond('P', 'id', 'isNotEmpty') }] };
      for (const [name, why] of [
        ['x'.repeat(64), '63-byte'],
        ['😀'.repeat(16), '63-byte'],
        ['a\u0000b', 'control character'],
        ['a\nDROP TABLE canary', 'control character'],
      ] as const) {
        await refused(() => toSQL(probe, base, { tables: { P: { table: name } } }), 'invalid-argument', why);
        await refused(
          () => createSqlProvider({ catalog: base, connection: engine.connection, tables: { P: { columns: { id: name } } }, store: false }),
          'invalid-argument',
          why,
        );
      }
      assert.deepEqual(await fingerprint(engine), clean, 'nothing injected');
    });
  });
}

fuzzOn('PGlite', pglite);
const URL_ = process.env.DATABASE_URL;
fuzzOn('a PostgreSQL server', () => postgres(URL_!), URL_ ? undefined : 'DATABASE_URL is not set');
