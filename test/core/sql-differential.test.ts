/**
 * Differential tests of `toSQL`: for fixed-seed random segments over the sample dataset
 * plus edge rows (see helpers/sql-data.ts), PostgreSQL (PGlite) running the compiled SQL
 * returns exactly the memory engine's members, and per-rule counts. The session time zone
 * is far from UTC, date attributes are spread over date / timestamp / timestamptz columns,
 * half the queries declare the column types and half use the type-agnostic form.
 *
 * `SQL_SEGMENTS=5000 node --import tsx --test test/core/sql-differential.test.ts` runs more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import { evaluateSegment, type Dataset } from '../../src/core/evaluate/index.js';
import type { SegmentDocument, SegmentNode } from '../../src/core/model/types.js';
import { toSQL, type ToSqlOptions } from '../../src/core/sql/index.js';
import { validateSegment } from '../../src/core/validate/validate.js';
import { DECLARED, NOWS, loadDatabase, testDataset } from './helpers/sql-data.js';
import { compareCountCases, compareRandomSegments } from './helpers/sql-compare.js';

const SEGMENTS = Number(process.env.SQL_SEGMENTS ?? 400);

const cond = (attribute: string, operator: string, value?: unknown, entity = 'Customer'): SegmentNode =>
  ({ kind: 'condition', entity, attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;

/** Saved segments the random ones reference: dynamic (one through another), static with a snapshot, static never refreshed. */
const REFERENCED: SegmentDocument[] = [
  {
    schemaVersion: 1,
    id: 'ref-gold',
    name: 'RefGold',
    audience: 'Customer',
    rules: [{ where: cond('LoyaltyTier', 'in', ['Gold', 'Platinum']) }],
  },
  {
    schemaVersion: 1,
    id: 'ref-gold-no-optin',
    name: 'RefGoldNoOptIn',
    audience: 'Customer',
    rules: [{ segment: 'ref-gold' }, { setOperator: 'except', where: cond('EmailOptIn', 'isTrue') }],
  },
  {
    schemaVersion: 1,
    id: 'ref-static',
    name: 'RefStatic',
    type: 'static',
    audience: 'Customer',
    snapshot: ['C000001', 'C000002', 'C000010', 'C900003', 'C900004', 'no-such-customer'],
    rules: [{ where: cond('EmailOptIn', 'isTrue') }],
  },
  {
    schemaVersion: 1,
    id: 'ref-static-new',
    name: 'RefStaticNew',
    type: 'static',
    audience: 'Customer',
    rules: [{ where: cond('DoNotContact', 'isFalse') }],
  },
];

let dataset: Dataset;
let db: PGlite;

async function sqlKeys(doc: SegmentDocument, options: ToSqlOptions): Promise<string[]> {
  const q = toSQL(doc, dataset.catalog, { segments: REFERENCED, ...options });
  const { rows } = await db.query<Record<string, unknown>>(q.text, q.params);
  return rows.map((r) => String(r['CustomerId']));
}

const memoryKeys = (doc: SegmentDocument, now: string) => evaluateSegment(doc, dataset, { now, segments: REFERENCED }).members;

describe('toSQL on PostgreSQL gives the memory engine’s answers', () => {
  before(async () => {
    dataset = testDataset(2000);
    db = await loadDatabase(dataset);
    await db.exec(
      `CREATE TABLE segment_members (segment_id text NOT NULL, member_key text NOT NULL, PRIMARY KEY (segment_id, member_key))`,
    );
    const snap = REFERENCED.find((s) => s.id === 'ref-static')!;
    for (const key of snap.snapshot!) await db.query('INSERT INTO segment_members VALUES ($1, $2)', ['ref-static', key]);
  });
  after(async () => {
    await db?.close();
  });

  it(`${SEGMENTS} random segments: the same members, in key order, and the same per-rule counts`, async () => {
    const started = Date.now();
    const r = await compareRandomSegments({
      dataset,
      referenced: REFERENCED,
      count: SEGMENTS,
      seed: 20261201,
      run: async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
      options: (n) => ({
        ...(n % 2 === 1 ? { tables: DECLARED } : {}),
        ...(n % 3 === 0 ? { snapshotTable: { table: 'segment_members' } } : {}),
      }),
      validate: (doc) => {
        const validation = validateSegment(doc, dataset.catalog, { segments: REFERENCED });
        assert.equal(validation.valid, true, `generated segment ${doc.id} is valid: ${JSON.stringify(validation.errors[0])}`);
      },
    });
    console.log(
      `# sql differential: ${r.compared} segments (${r.counts} with counts, ${r.explained} members explained), ${r.nontrivial} non-trivial, ${Date.now() - started} ms`,
    );
  });

  it('window boundaries: rows exactly on an edge are in, a millisecond outside is out', async () => {
    const cases: [SegmentNode, string][] = [];
    for (const now of NOWS)
      for (const unit of ['day', 'week', 'month', 'year'] as const)
        for (const op of ['inLast', 'notInLast', 'inNext'] as const) {
          const value = { amount: unit === 'day' ? 90 : 1, unit };
          cases.push([
            { kind: 'related', entity: 'Order', match: { quantifier: 'any' }, where: cond('OrderDate', op, value, 'Order') },
            now,
          ]);
          cases.push([
            { kind: 'related', entity: 'WebSession', match: { quantifier: 'any' }, where: cond('StartedAt', op, value, 'WebSession') },
            now,
          ]);
          cases.push([cond('CreatedOn', op, value), now]);
        }
    let edgeHits = 0;
    for (const [where, now] of cases) {
      const doc: SegmentDocument = { schemaVersion: 1, name: 'Edge', audience: 'Customer', rules: [{ where }] };
      const expected = memoryKeys(doc, now);
      edgeHits += expected.filter((k) => k.startsWith('C9')).length;
      for (const tables of [{}, DECLARED])
        assert.deepEqual(await sqlKeys(doc, { now, tables }), expected, `${JSON.stringify(where)} at ${now}`);
    }
    assert.ok(edgeHits > 100, `the edge rows take part (${edgeHits} hits)`);
  });

  it('anniversaries across the year end, and 29 February in common and leap years', async () => {
    const nows = [
      '2025-02-27T10:00:00Z',
      '2025-02-28T23:00:00Z',
      '2024-02-28T10:00:00Z',
      '2024-02-29T10:00:00Z',
      '2025-12-30T00:00:00Z',
      '2026-03-01T00:00:00Z',
    ];
    for (const now of nows)
      for (const value of [
        { amount: 0, unit: 'day' },
        { amount: 1, unit: 'day' },
        { amount: 3, unit: 'day' },
        { amount: 1, unit: 'week' },
        { amount: 1, unit: 'month' },
        { amount: 1, unit: 'year' },
      ]) {
        const doc: SegmentDocument = {
          schemaVersion: 1,
          name: 'Birthdays',
          audience: 'Customer',
          rules: [{ where: cond('BirthDate', 'isAnniversaryInNext', value) }],
        };
        const expected = memoryKeys(doc, now);
        for (const tables of [{}, DECLARED])
          assert.deepEqual(await sqlKeys(doc, { now, tables }), expected, `${JSON.stringify(value)} at ${now}`);
      }
    // 29 February birthdays: on 28 February of a common year they are today's anniversaries.
    const leap: SegmentDocument = {
      schemaVersion: 1,
      name: 'Leap',
      audience: 'Customer',
      rules: [
        {
          where: {
            kind: 'group',
            combinator: 'and',
            children: [cond('BirthDate', 'on', '2000-02-29'), cond('BirthDate', 'isAnniversaryInNext', { amount: 0, unit: 'day' })],
          },
        },
      ],
    };
    const keys = await sqlKeys(leap, { now: '2025-02-28T12:00:00Z' });
    assert.ok(keys.length > 0, 'a 29 February birthday is an anniversary on 28 February 2025');
    assert.deepEqual(keys, memoryKeys(leap, '2025-02-28T12:00:00Z'));
    assert.deepEqual(await sqlKeys(leap, { now: '2024-02-28T12:00:00Z' }), [], 'but not on 28 February 2024 (a leap year)');
  });

  it('text: case, %, _, \\, quotes and empty strings', async () => {
    const values = ['50%', '%', '_', 'a_b', '\\', 'back\\', "o'brien", 'MIXED case', '!', ' '];
    for (const value of values)
      for (const op of ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'])
        for (const attribute of ['FullName', 'City']) {
          const doc: SegmentDocument = {
            schemaVersion: 1,
            name: 'Text',
            audience: 'Customer',
            rules: [{ where: cond(attribute, op, value) }],
          };
          assert.deepEqual(await sqlKeys(doc, { now: NOWS[0] }), memoryKeys(doc, NOWS[0]!), `${attribute} ${op} ${JSON.stringify(value)}`);
        }
    // "a_b" does not match "axb": `_` is a character, not a wildcard; `%` likewise.
    const doc: SegmentDocument = {
      schemaVersion: 1,
      name: 'Under',
      audience: 'Customer',
      rules: [{ where: cond('FullName', 'contains', 'a_b') }],
    };
    const keys = await sqlKeys(doc, { now: NOWS[0] });
    const names = new Map(dataset.data['Customer']!.map((r) => [r['CustomerId'], r['FullName']]));
    assert.ok(keys.length > 0, 'some names contain a_b');
    assert.ok(
      keys.every((k) => String(names.get(k)).toLowerCase().includes('a_b')),
      'only names with a literal a_b',
    );
    for (const op of ['isEmpty', 'isNotEmpty']) {
      const empty: SegmentDocument = {
        schemaVersion: 1,
        name: 'Empty',
        audience: 'Customer',
        rules: [{ where: { kind: 'group', combinator: 'and', not: true, children: [cond('FullName', op)] } }],
      };
      assert.deepEqual(await sqlKeys(empty, { now: NOWS[0] }), memoryKeys(empty, NOWS[0]!), `not ${op}`);
    }
  });

  it('per-rule counts and members of the count cases (set operators, empty rules, related counts of zero, NULL aggregates)', async () => {
    const n = await compareCountCases({
      dataset,
      referenced: REFERENCED,
      run: async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
      options: (i) => ({
        ...(i % 2 === 1 ? { tables: DECLARED } : {}),
        ...(i % 3 === 0 ? { snapshotTable: { table: 'segment_members' } } : {}),
      }),
    });
    assert.ok(n > 40, `${n} count queries compared`);
  });
});
