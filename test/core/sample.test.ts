/**
 * The sample dataset: determinism, sizes and distributions, referential integrity, types
 * against the catalog, dirty values, `datasetAsOf`, the ready-made segments (parse,
 * validate, evaluate) and generation speed at 100,000 customers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateSegment } from '../../src/core/evaluate/index.js';
import { indexCatalog } from '../../src/core/model/catalog.js';
import { DAY_MS, parseIsoDate } from '../../src/core/model/dates.js';
import type { Catalog, SegmentDocument, SegmentNode } from '../../src/core/model/types.js';
import { parseSegment } from '../../src/core/validate/parse.js';
import { isIdentifier, validateSegment } from '../../src/core/validate/validate.js';
import {
  SAMPLE_NOW,
  VIP_SEGMENT_ID,
  createSampleDataset,
  createSampleHistory,
  createSampleSegments,
  datasetAsOf,
  sampleCatalog,
  sampleSegments,
  type SampleDataset,
} from '../../src/sample/index.js';
import { exp, log, Random } from '../../src/sample/random.js';
import { formatDay, formatSeconds, parseInstant } from '../../src/sample/format.js';

type Row = Record<string, unknown>;

const ds2k = createSampleDataset({ customers: 2000, seed: 1 });
const NOW_MS = parseIsoDate(ds2k.now)!;

const rows = (ds: SampleDataset, entity: string): Row[] => ds.data[entity] ?? [];
const time = (v: unknown): number => {
  assert.equal(typeof v, 'string');
  const t = parseIsoDate(v as string);
  assert.notEqual(t, undefined, `not an ISO date: ${String(v)}`);
  return t!;
};
const share = (n: number, total: number) => n / total;
const distinct = (values: unknown[]) => new Set(values).size;
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('sample catalog', () => {
  it('describes every entity with labels, a key among its attributes and resolvable relationships', () => {
    const c: Catalog = sampleCatalog;
    assert.equal(c.audience, 'Customer');
    assert.deepEqual(
      c.entities.map((e) => e.name),
      ['Customer', 'Order', 'Case', 'OnlineAccount', 'WebSession', 'Subscription', 'Product'],
    );
    const index = indexCatalog(c);
    for (const e of c.entities) {
      assert.ok(e.label, `${e.name} has a label`);
      assert.ok(index.attribute(e.name, e.key), `${e.name}'s key ${e.key} is an attribute`);
      assert.equal(distinct(e.attributes.map((a) => a.name)), e.attributes.length, `${e.name} attribute names are unique`);
      for (const a of e.attributes) {
        assert.ok(a.label, `${e.name}.${a.name} has a label`);
        for (const v of a.values ?? []) assert.equal(typeof v.value, a.type === 'number' ? 'number' : 'string');
      }
      if (e.name !== c.audience) assert.ok(index.path(c.audience, e.name), `${e.name} is linked to the audience`);
    }
    for (const r of c.relationships) {
      assert.ok(index.attribute(r.from, r.fromAttribute), `${r.name}: ${r.from}.${r.fromAttribute}`);
      assert.ok(index.attribute(r.to, r.toAttribute), `${r.name}: ${r.to}.${r.toAttribute}`);
      assert.equal(index.entity(r.to)!.key, r.toAttribute, `${r.name} points at the key of ${r.to}`);
    }
    // The two-hop path of the reference docs: Customer <- OnlineAccount <- WebSession.
    assert.deepEqual(
      index.path('Customer', 'WebSession')!.map((s) => s.to),
      ['OnlineAccount', 'WebSession'],
    );
    assert.deepEqual(
      index.path('Customer', 'Product')!.map((s) => s.to),
      ['Subscription', 'Product'],
    );
  });
});

describe('createSampleDataset: determinism', () => {
  it('gives identical output for the same seed and size, and different output for another seed', () => {
    const a = createSampleDataset({ customers: 300, seed: 7 });
    const b = createSampleDataset({ customers: 300, seed: 7 });
    assert.deepEqual(a, b);
    const c = createSampleDataset({ customers: 300, seed: 8 });
    assert.notDeepEqual(a.data['Customer'], c.data['Customer']);
    assert.notDeepEqual(a.data['Order'], c.data['Order']);
  });

  it('defaults to 1000 customers, seed 1 and a fixed now', () => {
    const d = createSampleDataset();
    assert.equal(rows(d, 'Customer').length, 1000);
    assert.equal(d.now, '2026-11-01T12:00:00.000Z');
    assert.equal(parseIsoDate(d.now), parseIsoDate(SAMPLE_NOW));
    assert.deepEqual(d, createSampleDataset({ customers: 1000, seed: 1, now: SAMPLE_NOW }));
    assert.equal(d.catalog, sampleCatalog);
  });

  it('takes now as a Date, an ISO string or epoch ms, and moves every date with it', () => {
    const ms = Date.UTC(2020, 5, 15, 8, 30);
    const a = createSampleDataset({ customers: 50, now: ms });
    assert.deepEqual(a, createSampleDataset({ customers: 50, now: new Date(ms) }));
    assert.deepEqual(a, createSampleDataset({ customers: 50, now: '2020-06-15T08:30:00Z' }));
    assert.equal(a.now, '2020-06-15T08:30:00.000Z');
    for (const o of rows(a, 'Order')) assert.ok(time(o['OrderDate']) <= ms);
    assert.throws(() => createSampleDataset({ now: 'not a date' }), RangeError);
  });

  it('does not depend on Math.random, Date.now or engine-specific Math functions', () => {
    const saved = { random: Math.random, exp: Math.exp, log: Math.log, pow: Math.pow, sin: Math.sin, cos: Math.cos, now: Date.now };
    const forbid = (name: string) => () => {
      throw new Error(`the generator called ${name}`);
    };
    try {
      Math.random = forbid('Math.random');
      Math.exp = forbid('Math.exp');
      Math.log = forbid('Math.log');
      Math.pow = forbid('Math.pow');
      Math.sin = forbid('Math.sin');
      Math.cos = forbid('Math.cos');
      Date.now = forbid('Date.now');
      createSampleDataset({ customers: 200, seed: 3 });
    } finally {
      Object.assign(Math, { random: saved.random, exp: saved.exp, log: saved.log, pow: saved.pow, sin: saved.sin, cos: saved.cos });
      Date.now = saved.now;
    }
  });

  it('produces the pinned fingerprint (same bits in every engine; update it on purpose when the generator changes)', () => {
    const d = createSampleDataset({ customers: 500, seed: 42 });
    assert.equal(fnv1a(JSON.stringify(d.data)), '11182548');
  });

  it('has exact, engine-independent exp and log', () => {
    for (let x = -30; x <= 30; x += 0.0731) assert.ok(Math.abs(exp(x) / Math.exp(x) - 1) < 1e-14, `exp(${x})`);
    for (let x = 1e-12; x < 1e12; x *= 1.37)
      assert.ok(Math.abs(log(x) - Math.log(x)) <= 1e-14 * Math.max(1, Math.abs(Math.log(x))), `log(${x})`);
    const r = new Random(1);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    assert.ok(Math.abs(s / n) < 0.02 && Math.abs(s2 / n - 1) < 0.03, 'normal(): mean 0, variance 1');
  });

  it('formats and parses ISO dates like the core', () => {
    for (let day = -20000; day < 30000; day += 37) {
      const s = formatDay(day);
      assert.equal(s, new Date(day * DAY_MS).toISOString().slice(0, 10));
      assert.equal(parseInstant(s), day * DAY_MS);
      const sec = day * 86400 + ((day * 7919) % 86400);
      const t = formatSeconds(sec);
      assert.equal(t, new Date(sec * 1000).toISOString().replace('.000Z', 'Z'));
      assert.equal(parseInstant(t), sec * 1000);
      assert.equal(parseInstant(t), parseIsoDate(t));
    }
    assert.ok(Number.isNaN(parseInstant('2024-02-30')));
    assert.equal(parseInstant('2024-02-29'), parseIsoDate('2024-02-29'));
    assert.ok(Number.isNaN(parseInstant(null)));
  });
});

describe('createSampleDataset: sizes and distributions', () => {
  const n = 2000;
  const customers = rows(ds2k, 'Customer');
  const orders = rows(ds2k, 'Order');
  const ordersPer = new Map<unknown, number>();
  for (const o of orders) ordersPer.set(o['CustomerId'], (ordersPer.get(o['CustomerId']) ?? 0) + 1);

  it('has the documented entity sizes', () => {
    assert.equal(customers.length, n);
    const perCustomer = orders.length / n;
    assert.ok(perCustomer >= 6 && perCustomer <= 13, `orders per customer ${perCustomer}`);
    const without = n - ordersPer.size;
    assert.ok(share(without, n) > 0.05 && share(without, n) < 0.35, `customers without orders ${without}`);
    assert.ok(Math.max(...ordersPer.values()) > 5 * perCustomer, 'a long tail of frequent buyers');

    const withCases = distinct(rows(ds2k, 'Case').map((c) => c['CustomerId']));
    assert.ok(share(withCases, n) > 0.15 && share(withCases, n) < 0.25, `customers with cases ${withCases}`);
    const escalated = distinct(
      rows(ds2k, 'Case')
        .filter((c) => c['Escalated'] === true)
        .map((c) => c['CustomerId']),
    );
    assert.ok(share(escalated, n) > 0.03 && share(escalated, n) < 0.1, `customers with an escalated case ${escalated}`);

    const withAccount = distinct(rows(ds2k, 'OnlineAccount').map((a) => a['CustomerId']));
    assert.ok(share(withAccount, n) > 0.55 && share(withAccount, n) < 0.65, `customers with an online account ${withAccount}`);
    const sessionsPer = new Map<unknown, number>();
    for (const s of rows(ds2k, 'WebSession')) sessionsPer.set(s['AccountId'], (sessionsPer.get(s['AccountId']) ?? 0) + 1);
    assert.ok(Math.max(...sessionsPer.values()) <= 40, 'at most 40 sessions per account');
    assert.ok(sessionsPer.size < rows(ds2k, 'OnlineAccount').length, 'some accounts have no session');

    const withSubscription = distinct(rows(ds2k, 'Subscription').map((s) => s['CustomerId']));
    assert.ok(share(withSubscription, n) > 0.25 && share(withSubscription, n) < 0.35, `subscribers ${withSubscription}`);
    assert.equal(rows(ds2k, 'Product').length, 19);
  });

  it('has log-normal order amounts, growth over time and realistic mixes', () => {
    const amounts = orders.map((o) => o['TotalAmount'] as number).sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)]!;
    assert.ok(median > 60 && median < 100, `median amount ${median}`);
    assert.ok(amounts[amounts.length - 1]! > 2000, 'a tail of large orders');
    assert.ok(amounts[0]! > 0);

    const year = 365.25 * DAY_MS;
    const inYear = (k: number) =>
      orders.filter((o) => time(o['OrderDate']) > NOW_MS - (k + 1) * year && time(o['OrderDate']) <= NOW_MS - k * year).length;
    assert.ok(inYear(0) > inYear(1) && inYear(1) > inYear(2) && inYear(2) > 0, 'orders grow year on year');
    assert.equal(orders.filter((o) => time(o['OrderDate']) <= NOW_MS - 3 * year - DAY_MS).length, 0, 'orders span three years');
    const created = customers.map((c) => time(c['CreatedOn']));
    assert.ok(Math.min(...created) >= NOW_MS - 5 * year - 2 * DAY_MS, 'customers span five years');
    const newer = created.filter((t) => t > NOW_MS - 2.5 * year).length;
    assert.ok(newer > n / 2, 'more customers joined recently');

    const births = customers.filter((c) => c['BirthDate'] !== null).map((c) => Number((c['BirthDate'] as string).slice(0, 4)));
    assert.ok(Math.min(...births) >= 1940 && Math.max(...births) <= 2006);
    const countries = new Set(customers.map((c) => c['Country']));
    assert.ok(countries.size >= 12);
    const us = customers.filter((c) => c['Country'] === 'US').length;
    assert.ok(share(us, n) > 0.25 && share(us, n) < 0.45);
    const sat = customers.filter((c) => c['Satisfaction'] !== null).map((c) => c['Satisfaction']);
    assert.deepEqual([...new Set(sat)].sort(), [1, 2, 3, 4, 5]);
    const dnc = customers.filter((c) => c['DoNotContact'] === true).length;
    assert.ok(share(dnc, n) > 0.01 && share(dnc, n) < 0.08);
  });

  it('numbers rows in chronological order', () => {
    const check = (entity: string, key: string, attr: string) => {
      const list = rows(ds2k, entity);
      for (let i = 1; i < list.length; i++) {
        assert.ok(time(list[i - 1]![attr]) <= time(list[i]![attr]), `${entity} ${String(list[i]![key])} in time order`);
        assert.ok(String(list[i - 1]![key]) < String(list[i]![key]), `${entity} ids ascend`);
      }
    };
    check('Customer', 'CustomerId', 'CreatedOn');
    check('Order', 'OrderId', 'OrderDate');
    check('Case', 'CaseId', 'OpenedOn');
    check('OnlineAccount', 'AccountId', 'CreatedOn');
    check('WebSession', 'SessionId', 'StartedAt');
    check('Subscription', 'SubscriptionId', 'StartDate');
  });
});

describe('createSampleDataset: integrity and types', () => {
  it('has unique keys, and every foreign key resolves', () => {
    const keys = new Map<string, Map<unknown, Row>>();
    for (const e of sampleCatalog.entities) {
      const list = rows(ds2k, e.name);
      const byKey = new Map<unknown, Row>();
      for (const r of list) {
        const k = r[e.key];
        assert.ok(typeof k === 'string' && k !== '' && k.trim() === k, `${e.name} key ${String(k)}`);
        assert.ok(!byKey.has(k), `duplicate ${e.name} key ${k}`);
        byKey.set(k, r);
      }
      keys.set(e.name, byKey);
    }
    for (const rel of sampleCatalog.relationships) {
      const targets = keys.get(rel.to)!;
      for (const r of rows(ds2k, rel.from)) {
        assert.ok(targets.has(r[rel.fromAttribute]), `${rel.name}: ${rel.from} ${String(r[rel.fromAttribute])} has no ${rel.to}`);
      }
    }
  });

  it('never has a child row older than its parent or later than now', () => {
    const customers = new Map(rows(ds2k, 'Customer').map((c) => [c['CustomerId'], time(c['CreatedOn'])]));
    const accounts = new Map(rows(ds2k, 'OnlineAccount').map((a) => [a['AccountId'], time(a['CreatedOn'])]));
    for (const c of customers.values()) assert.ok(c <= NOW_MS);
    const after = (entity: string, attr: string, parents: Map<unknown, number>, fk: string) => {
      for (const r of rows(ds2k, entity)) {
        const t = time(r[attr]);
        assert.ok(t >= parents.get(r[fk])!, `${entity}.${attr} after its parent was created`);
        assert.ok(t <= NOW_MS, `${entity}.${attr} not after now`);
      }
    };
    after('Order', 'OrderDate', customers, 'CustomerId');
    after('Case', 'OpenedOn', customers, 'CustomerId');
    after('OnlineAccount', 'CreatedOn', customers, 'CustomerId');
    after('WebSession', 'StartedAt', accounts, 'AccountId');
    after('Subscription', 'StartDate', customers, 'CustomerId');
    for (const c of rows(ds2k, 'Case')) {
      if (c['ClosedOn'] === null) assert.equal(c['Status'], 'Open');
      else {
        assert.notEqual(c['Status'], 'Open');
        assert.ok(time(c['ClosedOn']) >= time(c['OpenedOn']) && time(c['ClosedOn']) <= NOW_MS);
      }
    }
    for (const s of rows(ds2k, 'Subscription')) {
      if (s['EndDate'] === null) assert.equal(s['Status'], 'Active');
      else {
        assert.notEqual(s['Status'], 'Active');
        assert.ok(time(s['EndDate']) > time(s['StartDate']) && time(s['EndDate']) <= NOW_MS);
      }
    }
  });

  it('has exactly the catalog attributes on every row, each null or of its type', () => {
    for (const e of sampleCatalog.entities) {
      const names = e.attributes.map((a) => a.name);
      for (const r of rows(ds2k, e.name)) {
        assert.deepEqual(Object.keys(r), names, `${e.name} row shape`);
        for (const a of e.attributes) {
          const v = r[a.name];
          if (v === null) continue;
          if (a.type === 'string') assert.equal(typeof v, 'string', `${e.name}.${a.name}`);
          else if (a.type === 'number') assert.ok(typeof v === 'number' && Number.isFinite(v), `${e.name}.${a.name}: ${JSON.stringify(v)}`);
          else if (a.type === 'boolean') assert.equal(typeof v, 'boolean', `${e.name}.${a.name}`);
          else {
            assert.equal(typeof v, 'string', `${e.name}.${a.name}`);
            assert.notEqual(parseIsoDate(v as string), undefined, `${e.name}.${a.name}: ${JSON.stringify(v)}`);
            assert.match(v as string, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/);
          }
          if (a.values)
            assert.ok(
              a.values.some((o) => o.value === v),
              `${e.name}.${a.name}: ${JSON.stringify(v)} is in its closed list`,
            );
        }
      }
    }
  });

  it('has nulls and dirty values where real data has them', () => {
    const customers = rows(ds2k, 'Customer');
    const some = (label: string, pred: (c: Row) => boolean, list: Row[] = customers) => assert.ok(list.some(pred), label);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    some('a missing email', (c) => c['Email'] === null);
    some('an empty email', (c) => c['Email'] === '');
    some('an email with capitals', (c) => /[A-Z]/.test(str(c['Email'])));
    some('an email with stray spaces', (c) => str(c['Email']) !== str(c['Email']).trim());
    some('a lower-case city', (c) => /^[a-z]/.test(str(c['City'])));
    some('an upper-case city', (c) => /^[A-Z]{2,}/.test(str(c['City'])) && str(c['City']) === str(c['City']).toUpperCase());
    some('a city with a leading space', (c) => str(c['City']).startsWith(' '));
    some('a city with a trailing space', (c) => str(c['City']).endsWith(' '));
    some('a missing city', (c) => c['City'] === null);
    some('a non-ASCII city', (c) => [...str(c['City'])].some((ch) => ch.charCodeAt(0) > 127));
    some('a name with stray spaces', (c) => str(c['FullName']) !== str(c['FullName']).trim());
    some('a missing country', (c) => c['Country'] === null);
    some('a missing birth date', (c) => c['BirthDate'] === null);
    some('a missing satisfaction', (c) => c['Satisfaction'] === null);
    some('a missing credit balance', (c) => c['CreditBalance'] === null);
    some('a zero credit balance', (c) => c['CreditBalance'] === 0);
    some('an unknown opt-in', (c) => c['EmailOptIn'] === null);
    some('a missing loyalty tier', (c) => c['LoyaltyTier'] === null);
    some('an order without channel', (o) => o['Channel'] === null, rows(ds2k, 'Order'));
    some('an unknown auto-renew', (s) => s['AutoRenew'] === null, rows(ds2k, 'Subscription'));
    some('an open case', (s) => s['ClosedOn'] === null, rows(ds2k, 'Case'));
    some(
      'a birthday on 29 February',
      (c) => str(c['BirthDate']).endsWith('-02-29'),
      createSampleDataset({ customers: 5000, seed: 2 }).data['Customer'],
    );
    const nullEmails = customers.filter((c) => c['Email'] === null).length;
    assert.ok(share(nullEmails, customers.length) < 0.15, 'most customers have an email');
  });
});

describe('datasetAsOf', () => {
  const small = createSampleDataset({ customers: 600, seed: 5 });
  const frozen = JSON.stringify(small);
  const nowMs = parseIsoDate(small.now)!;
  const instants = [5 * 365, 3 * 365, 2 * 365, 365, 180, 90, 30, 7, 1, 0].map((d) => nowMs - d * DAY_MS);
  const timeAttr: Record<string, string> = {
    Customer: 'CreatedOn',
    Order: 'OrderDate',
    Case: 'OpenedOn',
    OnlineAccount: 'CreatedOn',
    WebSession: 'StartedAt',
    Subscription: 'StartDate',
  };

  it('keeps exactly the rows that existed at the instant', () => {
    for (const at of instants) {
      const past = datasetAsOf(small, at);
      assert.equal(past.now, new Date(at).toISOString());
      assert.equal(past.catalog, small.catalog);
      for (const [entity, attr] of Object.entries(timeAttr)) {
        const expected = rows(small, entity).filter((r) => time(r[attr]) <= at);
        assert.deepEqual(
          rows(past, entity).map((r) => r[sampleCatalog.entities.find((e) => e.name === entity)!.key]),
          expected.map((r) => r[sampleCatalog.entities.find((e) => e.name === entity)!.key]),
          `${entity} at ${new Date(at).toISOString()}`,
        );
      }
      assert.equal(rows(past, 'Product').length, rows(small, 'Product').length, 'reference data is always all there');
    }
  });

  it('undoes facts that came later: cases still open, subscriptions still active', () => {
    const at = nowMs - 60 * DAY_MS;
    const past = datasetAsOf(small, at);
    const caseNow = new Map(rows(small, 'Case').map((c) => [c['CaseId'], c]));
    let reopened = 0;
    for (const c of rows(past, 'Case')) {
      const later = caseNow.get(c['CaseId'])!;
      if (later['ClosedOn'] !== null && time(later['ClosedOn']) > at) {
        reopened++;
        assert.equal(c['ClosedOn'], null);
        assert.equal(c['Status'], 'Open');
        assert.notEqual(c, later, 'a changed row is a copy');
      } else assert.equal(c, later, 'an unchanged row is shared');
    }
    assert.ok(reopened > 0, 'some case closed in the last 60 days');
    const subNow = new Map(rows(small, 'Subscription').map((s) => [s['SubscriptionId'], s]));
    let resumed = 0;
    for (const s of rows(past, 'Subscription')) {
      const later = subNow.get(s['SubscriptionId'])!;
      if (later['EndDate'] !== null && time(later['EndDate']) > at) {
        resumed++;
        assert.equal(s['EndDate'], null);
        assert.equal(s['Status'], 'Active');
      }
    }
    assert.ok(resumed > 0, 'some subscription ended in the last 60 days');
    assert.equal(JSON.stringify(small), frozen, 'the input is not modified');
  });

  it('grows monotonically and keeps referential integrity at every instant', () => {
    let previous: Record<string, number> | undefined;
    for (const at of instants) {
      const past = datasetAsOf(small, at);
      const sizes = Object.fromEntries(Object.keys(past.data).map((e) => [e, rows(past, e).length]));
      if (previous) for (const e of Object.keys(sizes)) assert.ok(sizes[e]! >= previous[e]!, `${e} grows`);
      previous = sizes;
      for (const rel of sampleCatalog.relationships) {
        const targets = new Set(rows(past, rel.to).map((r) => r[rel.toAttribute]));
        for (const r of rows(past, rel.from))
          assert.ok(targets.has(r[rel.fromAttribute]), `${rel.name} resolves at ${new Date(at).toISOString()}`);
      }
    }
    assert.ok(previous!['Customer']! > rows(datasetAsOf(small, instants[0]!), 'Customer').length);
  });

  it('is the whole dataset at now, empty before the first customer, and takes any instant form', () => {
    const atNow = datasetAsOf(small, small.now);
    assert.deepEqual(atNow.data, small.data);
    assert.deepEqual(atNow.segments, small.segments);
    const before = datasetAsOf(small, '2000-01-01');
    for (const e of Object.keys(timeAttr)) assert.equal(rows(before, e).length, 0, e);
    const vip = before.segments.find((s) => s.id === VIP_SEGMENT_ID)!;
    assert.deepEqual(vip.snapshot, [], 'a static snapshot keeps only members that existed');
    const at = nowMs - 100 * DAY_MS;
    assert.deepEqual(datasetAsOf(small, at), datasetAsOf(small, new Date(at)));
    assert.deepEqual(datasetAsOf(small, at), datasetAsOf(small, new Date(at).toISOString()));
    assert.throws(() => datasetAsOf(small, 'yesterday'), RangeError);
    assert.equal(JSON.stringify(small), frozen, 'the input is not modified');
  });
});

describe('sample segments', () => {
  const ids = [
    'high-value-escalated',
    'security-low-satisfaction',
    'do-not-contact',
    'high-credit-except-dnc',
    'birthdays-next-30-days',
    'lapsed-customers',
    'big-spenders',
    'web-active-30-days',
    'at-risk-customers',
    'new-customers-welcome',
    VIP_SEGMENT_ID,
  ];

  it('are the documented segments, with names, display names, tags and ids everywhere', () => {
    assert.deepEqual(
      ds2k.segments.map((s) => s.id),
      ids,
    );
    assert.deepEqual(
      sampleSegments.map((s) => s.id),
      ids,
    );
    for (const s of ds2k.segments) {
      assert.equal(s.schemaVersion, 1);
      assert.equal(s.audience, 'Customer');
      assert.equal(s.state, 'active');
      assert.ok(isIdentifier(s.name), `${s.id}: name ${s.name}`);
      assert.ok(s.displayName && s.description && s.tags && s.tags.length > 0, `${s.id}: properties`);
      assert.ok(s.type === 'dynamic' || s.type === 'static');
      const seen = new Set<string>();
      const visit = (node: SegmentNode | undefined) => {
        if (!node) return;
        assert.ok(typeof node.id === 'string' && !seen.has(node.id), `${s.id}: node id ${String(node.id)}`);
        seen.add(node.id);
        if (node.kind === 'group') node.children.forEach(visit);
        if (node.kind === 'related') visit(node.where);
      };
      for (const r of s.rules) {
        assert.ok(typeof r.id === 'string' && !seen.has(r.id), `${s.id}: rule id`);
        seen.add(r.id);
        visit(r.where);
      }
    }
  });

  it('pass parseSegment unchanged (no id assigned, nothing dropped)', () => {
    for (const s of [...ds2k.segments, ...sampleSegments]) {
      const parsed = parseSegment(s);
      assert.equal(parsed.ok, true, `${s.id}: ${JSON.stringify(parsed.errors)}`);
      assert.deepEqual(parsed.segment, JSON.parse(JSON.stringify(s)), `${s.id} reads back as written`);
    }
    const first = ds2k.segments[0]!;
    assert.deepEqual(first.rules[2], { id: 'r3', name: 'Not do-not-contact', setOperator: 'except', segment: 'do-not-contact' });
  });

  it('validate against the sample catalog with no errors', () => {
    for (const s of ds2k.segments) {
      const result = validateSegment(s, sampleCatalog, { segments: ds2k.segments });
      assert.deepEqual(result.errors, [], `${s.id}`);
      assert.equal(result.valid, true);
    }
    for (const s of sampleSegments) assert.deepEqual(validateSegment(s, sampleCatalog, { segments: sampleSegments }).errors, []);
  });

  it('each select some but not all customers, and the VIP snapshot is its definition evaluated at now', () => {
    for (const s of ds2k.segments) {
      const definition: SegmentDocument = s.type === 'static' ? { ...s, type: 'dynamic' } : s;
      const r = evaluateSegment(definition, ds2k, { now: ds2k.now, segments: ds2k.segments });
      assert.ok(r.total > 0 && r.total < 2000 * 0.5, `${s.id}: ${r.total} members`);
      if (s.type === 'static') assert.deepEqual(s.snapshot, r.members);
    }
  });

  it('are fresh copies per dataset; sampleSegments is frozen', () => {
    const a = createSampleDataset({ customers: 10 });
    const b = createSampleDataset({ customers: 10 });
    assert.notEqual(a.segments[0], b.segments[0]);
    assert.ok(Object.isFrozen(sampleSegments[0]) && Object.isFrozen(sampleSegments[0]!.rules[0]));
    assert.equal(sampleSegments.find((s) => s.id === VIP_SEGMENT_ID)!.snapshot, undefined);
    assert.deepEqual(createSampleSegments(['C1']).find((s) => s.id === VIP_SEGMENT_ID)!.snapshot, ['C1']);
  });
});

describe('createSampleHistory', () => {
  it('gives each active segment a point per step, evaluated on the data of that day', () => {
    const d = createSampleDataset({ customers: 300, seed: 9 });
    const history = createSampleHistory(d, { days: 14, every: 7 });
    assert.deepEqual(
      Object.keys(history),
      d.segments.map((s) => s.id),
    );
    const nowMs = parseIsoDate(d.now)!;
    for (const s of d.segments) {
      const points = history[s.id!]!;
      if (s.type === 'static') {
        assert.deepEqual(points, [{ date: d.now, count: s.snapshot!.length }]);
        continue;
      }
      assert.deepEqual(
        points.map((p) => p.date),
        [14, 7, 0].map((k) => new Date(nowMs - k * DAY_MS).toISOString()),
      );
      const last = points[points.length - 1]!;
      assert.equal(last.count, evaluateSegment(s, d, { now: d.now, segments: d.segments }).total);
      const past = datasetAsOf(d, points[0]!.date);
      assert.equal(points[0]!.count, evaluateSegment(s, past, { now: past.now, segments: past.segments }).total);
    }
  });
});

describe('generation speed', () => {
  it('generates 100,000 customers (about a million orders) in a few seconds', (t) => {
    const start = performance.now();
    const big = createSampleDataset({ customers: 100_000 });
    const ms = performance.now() - start;
    const sizes = Object.entries(big.data)
      .map(([e, r]) => `${e} ${r.length}`)
      .join(', ');
    t.diagnostic(`100,000 customers generated in ${ms.toFixed(0)} ms (${sizes})`);
    const orders = rows(big, 'Order').length;
    assert.ok(orders > 800_000 && orders < 1_200_000, `about a million orders: ${orders}`);
    assert.ok(ms < 20_000, `generation took ${ms.toFixed(0)} ms`);
  });
});
