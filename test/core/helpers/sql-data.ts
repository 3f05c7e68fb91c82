/**
 * The SQL tests' data: the sample dataset plus rows made to sit on the edges of SPEC
 * section 5 (nulls, empty strings, mixed case, `%` `_` `\` and quotes, instants exactly on
 * window boundaries, 29 February birthdays, duplicate multi-hop paths), loaded into typed
 * PGlite tables (date attributes spread over `date`, `timestamp` and `timestamptz` columns).
 */
import { PGlite } from '@electric-sql/pglite';
import { DAY_MS, addUnits, parseIsoDate } from '../../../src/core/model/dates.js';
import type { Catalog } from '../../../src/core/model/types.js';
import type { Dataset } from '../../../src/core/evaluate/index.js';
import { createSampleDataset } from '../../../src/sample/index.js';
import type { SqlDateType, SqlTableMapping } from '../../../src/core/sql/index.js';

type Row = Record<string, unknown>;

/** How each date attribute is stored in the test database (date-only attributes may go in any type; instants not in `date`). */
export const DATE_COLUMNS: Record<string, SqlDateType> = {
  'Customer.BirthDate': 'date',
  'Customer.CreatedOn': 'timestamp',
  'Order.OrderDate': 'timestamptz',
  'Case.OpenedOn': 'date',
  'Case.ClosedOn': 'timestamptz',
  'OnlineAccount.CreatedOn': 'timestamp',
  'WebSession.StartedAt': 'timestamp',
  'Subscription.StartDate': 'date',
  'Subscription.EndDate': 'timestamp',
};

/** Declared types for some entities only: the others go through the type-agnostic form. */
export const DECLARED: Record<string, SqlTableMapping> = {
  Order: { columns: { OrderDate: { type: 'timestamptz' } } },
  Case: { columns: { OpenedOn: { type: 'date' }, ClosedOn: { type: 'timestamptz' } } },
  WebSession: { columns: { StartedAt: { type: 'timestamp' } } },
  Customer: { columns: { BirthDate: { type: 'date' } } },
};

/** The reference instants the tests use: the sample's, and ones on month ends and leap days. */
export const NOWS = ['2026-11-01T12:00:00.000Z', '2024-03-31T23:59:59.999Z', '2025-12-31T00:00:00.000Z', '2024-02-29T12:00:00.000Z'];

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** Instants exactly on, just inside and just outside the windows the generator asks for, from each `now`. */
function boundaryInstants(): string[] {
  const out = new Set<string>();
  for (const n of NOWS) {
    const now = parseIsoDate(n)!;
    out.add(iso(now));
    out.add(iso(now + 1));
    out.add(iso(now - 1));
    for (const [amount, unit] of [
      [1, 'day'],
      [7, 'day'],
      [30, 'day'],
      [90, 'day'],
      [1, 'week'],
      [1, 'month'],
      [3, 'month'],
      [1, 'year'],
    ] as const) {
      for (const sign of [-1, 1]) {
        const t = addUnits(now, sign * amount, unit);
        out.add(iso(t));
        out.add(iso(t - 1));
        out.add(iso(t + 1));
      }
    }
  }
  return [...out].sort();
}

/** Calendar days around the windows (for date-only attributes). */
function boundaryDays(): string[] {
  const out = new Set<string>();
  for (const t of boundaryInstants()) {
    const ms = parseIsoDate(t)!;
    out.add(day(ms));
    out.add(day(ms + DAY_MS));
    out.add(day(ms - DAY_MS));
  }
  return [...out].sort();
}

const TEXTS = [
  '50% off',
  '50%',
  'a_b',
  'a%b',
  'axb',
  'back\\slash',
  '\\',
  '%',
  '_',
  '!',
  'bang!',
  "O'Brien",
  'Mixed CASE',
  'mixed case',
  'MIXED CASE',
  '',
  ' ',
  '"; DROP TABLE "Customer"; --',
  '*/ -- x',
  'Ünïcödé',
];

/** Edge rows appended to the sample (keys sort after the sample's, so key order stays row order). */
function edgeRows(): Record<string, Row[]> {
  const instants = boundaryInstants();
  const days = boundaryDays();
  const births = [
    '2000-02-29',
    '1996-02-29',
    '1990-02-28',
    '1990-03-01',
    '1990-11-01',
    '1990-10-31',
    '1990-12-31',
    '1991-01-01',
    '1990-01-01',
    '1990-11-02',
    '1992-03-30',
    '1992-03-31',
    '1992-04-01',
    null,
  ];
  const customers: Row[] = [];
  const orders: Row[] = [];
  const accounts: Row[] = [];
  const sessions: Row[] = [];
  const subscriptions: Row[] = [];
  const cases: Row[] = [];
  const n = Math.max(TEXTS.length, births.length, days.length, instants.length / 2);
  for (let i = 0; i < n; i++) {
    const id = `C9${String(i).padStart(5, '0')}`;
    const text = TEXTS[i % TEXTS.length]!;
    customers.push({
      CustomerId: id,
      FullName: i % 7 === 3 ? null : text,
      Email: i % 5 === 4 ? null : `${text.toLowerCase().replace(/\s/g, '')}${i}@Example.COM`,
      City: i % 3 === 0 ? text.toUpperCase() : text,
      Country: i % 4 === 0 ? null : ['US', 'us', 'Gb', 'FR'][i % 4],
      BirthDate: births[i % births.length],
      CreatedOn: i % 6 === 5 ? null : days[i % days.length],
      LoyaltyTier: i % 5 === 0 ? null : ['Gold', 'GOLD', 'silver', 'Platinum'][i % 4],
      LoyaltyPoints: i % 4 === 0 ? null : [0, -5, 1500, 2500.5][i % 4],
      CreditBalance: i % 3 === 1 ? null : (i * 37.25) % 900,
      Satisfaction: i % 6 === 0 ? null : (i % 5) + 1,
      DoNotContact: i % 3 === 0 ? null : i % 2 === 0,
      EmailOptIn: i % 4 === 1 ? null : i % 3 === 0,
    });
    // Orders on the boundaries, with null and round amounts.
    for (let k = 0; k < 2; k++) {
      const t = instants[(i * 2 + k) % instants.length]!;
      orders.push({
        OrderId: `O9${String(i * 2 + k).padStart(6, '0')}`,
        CustomerId: id,
        OrderDate: (i + k) % 9 === 8 ? null : t,
        TotalAmount: (i + k) % 5 === 0 ? null : [500, 0, 499.99, 500.01, 1250][(i + k) % 5],
        ItemCount: (i + k) % 4 === 0 ? null : (i + k) % 3,
        Channel: (i + k) % 6 === 0 ? null : ['Web', 'web', 'STORE', 'Phone'][(i + k) % 4],
        Status: ['Completed', 'Returned', 'Cancelled'][(i + k) % 3],
      });
    }
    if (i % 2 === 0) {
      const accountId = `A9${String(i).padStart(5, '0')}`;
      accounts.push({
        AccountId: accountId,
        CustomerId: id,
        Username: i % 4 === 0 ? `User_${text}` : null,
        CreatedOn: days[(i + 3) % days.length],
      });
      if (i % 4 === 0)
        sessions.push({
          SessionId: `S9${String(i).padStart(6, '0')}`,
          AccountId: accountId,
          StartedAt: instants[(i + 5) % instants.length],
          DurationSeconds: i % 3 === 0 ? null : i * 11,
          PageViews: i % 5,
          Device: i % 2 === 0 ? 'Mobile' : 'desktop',
          Page: 'Home',
        });
    }
    if (i % 3 === 0) {
      // Two subscriptions to one product: the product is one linked row, not two.
      for (let k = 0; k < (i % 2 === 0 ? 2 : 1); k++)
        subscriptions.push({
          SubscriptionId: `SUB9${String(i * 2 + k).padStart(5, '0')}`,
          CustomerId: id,
          ProductId: i % 9 === 0 ? 'P9001' : 'P5501',
          StartDate: days[(i + k) % days.length],
          EndDate: k === 1 ? null : days[(i + 7) % days.length],
          Status: k === 0 ? 'Active' : 'Expired',
          AutoRenew: k === 0 ? null : true,
        });
    }
    if (i % 4 === 1)
      cases.push({
        CaseId: `CAS9${String(i).padStart(5, '0')}`,
        CustomerId: id,
        OpenedOn: days[(i + 11) % days.length],
        ClosedOn: i % 8 === 1 ? null : days[(i + 12) % days.length],
        Category: 'Billing',
        Priority: i % 2 ? 'High' : 'low',
        Status: 'Open',
        Escalated: i % 3 === 0 ? null : i % 2 === 1,
      });
  }
  return {
    Customer: customers,
    Order: orders,
    OnlineAccount: accounts,
    WebSession: sessions,
    Subscription: subscriptions,
    Case: cases,
    Product: [{ ProductId: 'P9001', Name: '100% _Secure\\', Category: 'Security', Price: null }],
  };
}

/** The sample dataset with the edge rows appended. */
export function testDataset(customers: number, seed = 11): Dataset {
  const sample = createSampleDataset({ customers, seed });
  const edges = edgeRows();
  const data: Record<string, Row[]> = {};
  for (const [entity, rows] of Object.entries(sample.data)) data[entity] = [...(rows as Row[]), ...(edges[entity] ?? [])];
  return { catalog: sample.catalog, data };
}

const SQL_TYPES = { string: 'text', number: 'double precision', boolean: 'boolean' } as const;
const q = (name: string) => '"' + name.replace(/"/g, '""') + '"';

/** `CREATE TABLE` statements from the catalog (date columns typed as `DATE_COLUMNS` says). */
export function ddl(catalog: Catalog, dateColumns: Record<string, SqlDateType> = DATE_COLUMNS): string[] {
  return catalog.entities.map((e) => {
    const cols = e.attributes.map(
      (a) => `${q(a.name)} ${a.type === 'date' ? (dateColumns[`${e.name}.${a.name}`] ?? 'timestamptz') : SQL_TYPES[a.type]}`,
    );
    return `CREATE TABLE ${q(e.name)} (${cols.join(', ')})`;
  });
}

/** An in-process PostgreSQL with the dataset loaded, join columns indexed, and a session time zone far from UTC. */
export async function loadDatabase(dataset: Dataset, timeZone = 'Asia/Kathmandu'): Promise<PGlite> {
  const db = new PGlite();
  for (const stmt of ddl(dataset.catalog)) await db.exec(stmt);
  for (const e of dataset.catalog.entities) {
    const rows = dataset.data[e.name] ?? [];
    for (let i = 0; i < rows.length; i += 5000)
      await db.query(`INSERT INTO ${q(e.name)} SELECT * FROM json_populate_recordset(NULL::${q(e.name)}, $1::json)`, [
        JSON.stringify(rows.slice(i, i + 5000)),
      ]);
  }
  const joins = new Set<string>();
  for (const e of dataset.catalog.entities) joins.add(`${e.name}.${e.key}`);
  for (const r of dataset.catalog.relationships) {
    joins.add(`${r.from}.${r.fromAttribute}`);
    joins.add(`${r.to}.${r.toAttribute}`);
  }
  for (const j of joins) {
    const [entity, attr] = j.split('.') as [string, string];
    await db.exec(`CREATE INDEX ON ${q(entity)} (${q(attr)})`);
  }
  await db.exec('ANALYZE');
  await db.exec(`SET TIME ZONE '${timeZone}'`);
  return db;
}

/** Every text value of each string attribute in the data (the generator picks condition values from them). */
export function valuePools(dataset: Dataset): Map<string, unknown[]> {
  const pools = new Map<string, unknown[]>();
  for (const e of dataset.catalog.entities) {
    const rows = dataset.data[e.name] ?? [];
    for (const a of e.attributes) {
      const seen = new Set<unknown>();
      for (let i = 0; i < rows.length; i += Math.max(1, Math.floor(rows.length / 200))) seen.add(rows[i]![a.name]);
      // The edge rows (last) always.
      for (const r of rows.slice(-60)) seen.add(r[a.name]);
      seen.delete(null);
      seen.delete(undefined);
      seen.delete('');
      pools.set(`${e.name}.${a.name}`, [...seen]);
    }
  }
  return pools;
}

export { TEXTS, boundaryDays, boundaryInstants };
