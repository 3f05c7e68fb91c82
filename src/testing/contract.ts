/**
 * `runProviderContract(makeProvider)`: SPEC section 6 as a suite an integrator runs against
 * their own `SegmentProvider` — answers on a small fixed dataset (`fixture.ts`), error codes,
 * abort behaviour, paging and the segment store. The expected answers are written out here
 * by hand from the fixture (they are not asked of the memory engine), so the suite checks
 * the shipped providers too: memory, SQL on PGlite and DuckDB, and HTTP all run it in CI.
 *
 * Runs anywhere (Node, a browser, a worker): no test framework, no `node:assert`. Give it
 * your framework's `it` (node:test, Vitest, Jest, Mocha) to get one test per check, or let it
 * run them all and read the report.
 */
import type { SegmentDocument, SegmentNode } from '../core/model/types.js';
import { isAbortError, type SegmentProvider } from '../core/provider/types.js';
import { providerContractFixture, type ContractFixture } from './fixture.js';

export interface ProviderContractOptions {
  /**
   * Register each check as a test: your framework's `it` / `test`. Called synchronously,
   * once per check, in order; the checks of a group share one provider and run in order.
   */
  it?: (name: string, fn: () => Promise<void>) => unknown;
  /** Called with each provider the suite made, once its checks are done (close a database here). */
  dispose?: (provider: SegmentProvider) => unknown;
  /** Names (or the start of names) of checks to leave out, e.g. `['store:']` for a read-only provider. */
  skip?: readonly string[];
  /** Without `it`: throw when a check fails (default true). */
  throwOnFailure?: boolean;
}

export interface ProviderContractReport {
  passed: string[];
  skipped: string[];
  failed: { name: string; error: unknown }[];
}

export type MakeProvider = (fixture: ContractFixture) => SegmentProvider | Promise<SegmentProvider>;

/** A contract check that failed: what was expected, and what the provider gave. */
export class ContractFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractFailure';
  }
}

function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new ContractFailure(message);
}

const show = (v: unknown) => JSON.stringify(v);

function same(actual: unknown, expected: unknown, what: string): void {
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * The call rejects (never throws: every provider method is async) with a SegmentProviderError
 * of `code` (or one of `code`) and a message a person can read.
 */
async function rejects(call: () => Promise<unknown>, code: string | readonly string[], what: string): Promise<void> {
  const codes = typeof code === 'string' ? [code] : code;
  const expected = codes.map((x) => `"${x}"`).join(' or ');
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (e) {
    throw new ContractFailure(
      `${what}: threw synchronously (${e instanceof Error ? e.message : show(e)}); a provider method returns a rejected promise`,
    );
  }
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  check(error !== undefined, `${what}: expected a rejection with code ${expected}, but it resolved`);
  const got = (error as { code?: unknown }).code;
  check(
    error instanceof Error && codes.includes(got as string),
    `${what}: expected code ${expected}, got ${error instanceof Error ? `"${String(got)}" (${error.name}: ${error.message})` : show(error)}`,
  );
  check(error.message.trim().length > 0, `${what}: the error has no message`);
  if (codes.includes('aborted')) check(isAbortError(error), `${what}: an aborted call should be an AbortError (name "AbortError")`);
}

// ----------------------------------------------------------------- segments

const c = (attribute: string, operator: string, value?: unknown): SegmentNode =>
  ({ kind: 'condition', entity: 'Customer', attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;
const o = (attribute: string, operator: string, value?: unknown): SegmentNode =>
  ({ kind: 'condition', entity: 'Order', attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;

function seg(name: string, ...rules: (SegmentNode | { op: 'union' | 'intersect' | 'except'; where: SegmentNode })[]): SegmentDocument {
  return {
    schemaVersion: 1,
    name,
    audience: 'Customer',
    rules: rules.map((r, i) =>
      'op' in r ? { setOperator: r.op as 'union', where: r.where } : i === 0 ? { where: r } : { setOperator: 'union' as const, where: r },
    ),
  } as SegmentDocument;
}

/** Segments with their members, worked out by hand from the fixture. */
const MEMBERS: [string, SegmentDocument, string[]][] = [
  ['text equals is case-insensitive', seg('Paris', c('City', 'equals', 'paris')), ['C01', 'C02']],
  ['% in a value is matched literally', seg('Percent', c('City', 'contains', '%')), ['C06']],
  ['_ in a value is matched literally', seg('Underscore', c('City', 'contains', '_')), ['C07']],
  [
    'NOT is two-valued: an empty value does not make the negation unknown',
    seg('NotLyon', { kind: 'group', combinator: 'and', not: true, children: [c('City', 'equals', 'Lyon')] }),
    ['C01', 'C02', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10'],
  ],
  ['isEmpty holds for null and for the empty string', seg('NoCity', c('City', 'isEmpty')), ['C04', 'C05']],
  ['between is inclusive', seg('Between', c('Points', 'between', [40, 120])), ['C01', 'C02', 'C05', 'C10']],
  [
    'a related block counts the rows that match its where (case-insensitively)',
    seg('TwoCompleted', {
      kind: 'related',
      entity: 'Order',
      match: { quantifier: 'atLeast', count: 2 },
      where: o('Status', 'equals', 'completed'),
    }),
    ['C01', 'C07'],
  ],
  [
    'a related sum skips empty values',
    seg('BigSpenders', {
      kind: 'related',
      entity: 'Order',
      match: { aggregate: 'sum', attribute: 'Total', operator: 'greaterThan', value: 100 },
    }),
    ['C01', 'C02', 'C04', 'C07', 'C09'],
  ],
  [
    'none: customers without a matching related row',
    seg('NoOrders', { kind: 'related', entity: 'Order', match: { quantifier: 'none' } }),
    ['C05', 'C06', 'C08'],
  ],
  [
    'a relative window counts back from the clock',
    seg('RecentOrder', {
      kind: 'related',
      entity: 'Order',
      match: { quantifier: 'any' },
      where: o('OrderedOn', 'inLast', { amount: 7, unit: 'day' }),
    }),
    ['C01', 'C03', 'C07', 'C09'],
  ],
  ['booleans: isFalse is not isEmpty', seg('NoOptIn', c('OptIn', 'isFalse')), ['C02', 'C06', 'C08']],
];

const THREE_RULES = seg(
  'ThreeRules',
  c('Points', 'greaterThan', 100),
  { op: 'union', where: c('City', 'isEmpty') },
  { op: 'except', where: c('OptIn', 'isTrue') },
);
const INTERSECT = seg('Intersect', c('City', 'in', ['Lyon', 'nice']), { op: 'intersect', where: c('Points', 'between', [0, 100]) });
const BIG = MEMBERS.find((m) => m[1].name === 'BigSpenders')![1];
const NOT_LYON = MEMBERS.find((m) => m[1].name === 'NotLyon')![1];
const PARIS = MEMBERS[0]![1];

const keysOf = (rows: Record<string, unknown>[]) => rows.map((r) => String(r['CustomerId']));
const sorted = (keys: string[]) => [...keys].sort();
const aborted = () => {
  const a = new AbortController();
  a.abort();
  return a.signal;
};

interface Check {
  name: string;
  run: (p: SegmentProvider, f: ContractFixture) => Promise<void>;
}

const READS: Check[] = [
  {
    name: 'getCatalog: the catalog the data is described by',
    async run(p) {
      const catalog = await p.getCatalog();
      same(catalog.audience, 'Customer', 'the audience');
      same(
        catalog.entities.map((e) => e.name),
        ['Customer', 'Order'],
        'the entities',
      );
    },
  },
  ...MEMBERS.map(([name, doc, expected]): Check => ({
    name: `count and members: ${name}`,
    async run(p) {
      const counted = await p.count(doc);
      same(counted.total, expected.length, `count(${doc.name}).total`);
      same(counted.rules, [{ count: expected.length, cumulative: expected.length }], `count(${doc.name}).rules`);
      const page = await p.members(doc, { limit: 100 });
      same(page.total, expected.length, `members(${doc.name}).total`);
      same(sorted(keysOf(page.rows)), expected, `members(${doc.name}) keys`);
    },
  })),
  {
    name: 'count: per-rule and cumulative counts, set operators left to right (union, except)',
    async run(p) {
      same(
        await p.count(THREE_RULES),
        {
          total: 1,
          rules: [
            { count: 4, cumulative: 4 },
            { count: 2, cumulative: 5 },
            { count: 5, cumulative: 1 },
          ],
        },
        'count(ThreeRules)',
      );
      same(sorted(keysOf((await p.members(THREE_RULES)).rows)), ['C09'], 'members(ThreeRules)');
    },
  },
  {
    name: 'count: intersect',
    async run(p) {
      same(
        await p.count(INTERSECT),
        {
          total: 1,
          rules: [
            { count: 3, cumulative: 3 },
            { count: 5, cumulative: 1 },
          ],
        },
        'count(Intersect)',
      );
    },
  },
  {
    name: 'members: rows keyed by attribute name, the audience key always, and columns that describe them',
    async run(p) {
      const page = await p.members(PARIS);
      const row = page.rows.find((r) => r['CustomerId'] === 'C01');
      check(row, 'members(Paris) has C01');
      same(row['Name'], 'Ada', 'C01 Name');
      same(row['Points'], 120, 'C01 Points (a number)');
      check(
        page.columns.some((col) => col.key === 'CustomerId'),
        'the columns include the audience key',
      );
      for (const col of page.columns)
        check(typeof col.key === 'string' && typeof col.type === 'string', `column ${show(col)} has a key and a type`);
    },
  },
  {
    name: 'members: a projected attribute is keyed Entity.attribute',
    async run(p) {
      const doc = { ...PARIS, projectedAttributes: [{ entity: 'Order', attribute: 'Total' }] } as SegmentDocument;
      const page = await p.members(doc);
      check(
        page.columns.some((col) => col.key === 'Order.Total'),
        `the columns include "Order.Total": ${show(page.columns.map((x) => x.key))}`,
      );
      const row = page.rows.find((r) => r['CustomerId'] === 'C01');
      check(row && [50, 80].includes(row['Order.Total'] as number), `C01's Order.Total is one of its order totals: ${show(row)}`);
    },
  },
  {
    name: 'members: sorted by a column, descending, paged by offset and limit',
    async run(p) {
      const pages = [];
      for (const offset of [0, 2, 4]) pages.push(await p.members(BIG, { sort: [{ key: 'Points', direction: 'desc' }], offset, limit: 2 }));
      same(
        pages.map((x) => x.total),
        [5, 5, 5],
        'the total on every page',
      );
      same(
        pages.map((x) => keysOf(x.rows)),
        [['C07', 'C04'], ['C09', 'C01'], ['C02']],
        'the pages, by Points descending',
      );
    },
  },
  {
    name: 'members: text sorts case-insensitively, empty values last',
    async run(p) {
      const page = await p.members(NOT_LYON, { sort: 'City', limit: 100 });
      same(
        page.rows.map((r) => (typeof r['City'] === 'string' && r['City'] !== '' ? r['City'].toLowerCase() : '(empty)')),
        ['100% lyon', 'lyon_sud', 'marseille', 'nice', 'nice', 'paris', 'paris', '(empty)', '(empty)'],
        'City ascending',
      );
    },
  },
  {
    name: 'members: pages without a sort do not overlap and together hold every member',
    async run(p) {
      const seen: string[] = [];
      for (let offset = 0; offset < 9; offset += 4) seen.push(...keysOf((await p.members(NOT_LYON, { offset, limit: 4 })).rows));
      same(sorted(seen), MEMBERS[3]![2], 'the three pages together');
      same((await p.members(NOT_LYON, { offset: 50, limit: 4 })).rows, [], 'a page past the end');
    },
  },
  {
    name: 'suggestValues: the most frequent values first, with counts, a search and a limit',
    async run(p) {
      const top = await p.suggestValues('Order', 'Status');
      same(top[0], { value: 'completed', count: 8 }, 'the top value of Order.Status');
      check(top.length <= 10, 'at most 10 by default');
      same(await p.suggestValues('Order', 'Status', { query: 'pen' }), [{ value: 'pending', count: 1 }], 'a search for "pen"');
      same((await p.suggestValues('Order', 'Status', { limit: 2 })).length, 2, 'limit 2');
    },
  },
  {
    name: 'attributeStats (optional): totals, empties and the range of a number',
    async run(p) {
      if (!p.attributeStats) return;
      const s = await p.attributeStats('Customer', 'Points');
      same([s.type, s.total, s.nulls], ['number', 10, 1], 'Customer.Points: type, total, nulls');
      if (s.type === 'number') same([s.min, s.max], [0, 500], 'Customer.Points: min and max');
    },
  },
  {
    name: 'explain (optional): why a member is in, why another is out, and an unknown key',
    async run(p) {
      if (!p.explain) return;
      const yes = await p.explain(PARIS, 'C01');
      same([yes.found, yes.member, yes.rules[0]?.matched], [true, true, true], 'explain(Paris, C01): found, member, rule matched');
      const no = await p.explain(PARIS, 'C03');
      same([no.found, no.member, no.rules[0]?.matched], [true, false, false], 'explain(Paris, C03)');
      same((await p.explain(PARIS, 'C99')).found, false, 'explain(Paris, C99).found');
    },
  },
  {
    name: 'errors: an invalid document is invalid-segment, an unknown attribute invalid-argument, an unknown id not-found',
    async run(p) {
      await rejects(
        () => p.count(seg('Bad', c('Nope', 'equals', 'x'))),
        'invalid-segment',
        'count() of a condition on an unknown attribute',
      );
      await rejects(() => p.count(null as unknown as SegmentDocument), 'invalid-segment', 'count(null)');
      await rejects(() => p.members({ schemaVersion: 1 } as SegmentDocument), 'invalid-segment', 'members() of a document without rules');
      await rejects(
        () => p.suggestValues('Customer', 'Nope'),
        ['invalid-argument', 'not-found'],
        'suggestValues() of an unknown attribute',
      );
      await rejects(() => p.getSegment('no-such-segment'), 'not-found', 'getSegment() of an unknown id');
    },
  },
  {
    name: 'abort: a call with an aborted signal rejects as aborted, and the provider keeps answering',
    async run(p) {
      await rejects(() => p.getCatalog({ signal: aborted() }), 'aborted', 'getCatalog()');
      await rejects(() => p.count(PARIS, { signal: aborted() }), 'aborted', 'count()');
      await rejects(() => p.members(PARIS, { signal: aborted() }), 'aborted', 'members()');
      await rejects(() => p.suggestValues('Order', 'Status', { signal: aborted() }), 'aborted', 'suggestValues()');
      await rejects(() => p.listSegments({ signal: aborted() }), 'aborted', 'listSegments()');
      const a = new AbortController();
      const late = p.count(BIG, { signal: a.signal });
      a.abort();
      await rejects(() => late, 'aborted', 'count() aborted while in flight');
      same((await p.count(PARIS)).total, 2, 'count() after the aborts');
    },
  },
];

const ID = 'contract-paris';
const REF = 'contract-uses-paris';

const STORE: Check[] = [
  {
    name: 'store: saveSegment returns its summary, getSegment its document',
    async run(p) {
      const s = await p.saveSegment({ ...PARIS, id: ID, displayName: 'Paris' });
      same([s.id, s.name, s.type, s.state], [ID, 'Paris', 'dynamic', s.state], 'the summary');
      check(s.status !== 'draft', `a valid segment is not saved as a draft (status ${s.status})`);
      for (const k of ['createdAt', 'updatedAt'] as const) check(!Number.isNaN(Date.parse(s[k])), `${k} is an ISO instant: ${s[k]}`);
      same([s.lastError, s.activateAt, s.deactivateAt], [null, null, null], 'lastError, activateAt, deactivateAt');
      check(['system', 'daily', 'weekly', 'monthly', 'manual'].includes(s.schedule), `schedule: ${s.schedule}`);
      const doc = await p.getSegment(ID);
      same([doc.id, doc.name, doc.rules.length], [ID, 'Paris', 1], 'the document read back');
      same((await p.count(doc)).total, 2, 'the document read back counts as saved');
    },
  },
  {
    name: 'store: an invalid segment is saved as a draft',
    async run(p) {
      const s = await p.saveSegment({ ...seg('Unfinished', c('Nope', 'equals', 'x')), id: 'contract-draft' });
      same(s.status, 'draft', 'the status of an invalid segment');
      same((await p.getSegment('contract-draft')).name, 'Unfinished', 'the draft read back');
    },
  },
  {
    name: 'store: listSegments searches, filters by tag and pages',
    async run(p) {
      await p.updateSegments([ID], { tags: ['vip'], displayName: 'Paris people' });
      const found = await p.listSegments({ search: 'paris' });
      check(
        found.items.some((s) => s.id === ID && s.displayName === 'Paris people'),
        `search "paris" finds it with its new name: ${show(found.items.map((s) => s.id))}`,
      );
      const tagged = await p.listSegments({ tags: ['vip'] });
      same(
        tagged.items.map((s) => s.id),
        [ID],
        'the segments tagged vip',
      );
      const all = await p.listSegments();
      check(all.total >= 2, `total counts every segment: ${all.total}`);
      const first = await p.listSegments({ limit: 1 });
      same([first.items.length, first.total], [1, all.total], 'limit 1: one item, the same total');
    },
  },
  {
    name: 'store: updateSegments changes state, type, tags and name, and refreshSegments the member count and the trend',
    async run(p) {
      const [updated] = await p.updateSegments([ID], { state: 'inactive' });
      same(updated?.state, 'inactive', 'the state after deactivating');
      const [active] = await p.updateSegments([ID], { state: 'active' });
      same(active?.state, 'active', 'the state after activating');
      const [refreshed] = await p.refreshSegments([ID]);
      same([refreshed?.memberCount, refreshed?.status], [2, 'succeeded'], 'memberCount and status after a refresh');
      check(refreshed?.lastRefreshed && !Number.isNaN(Date.parse(refreshed.lastRefreshed)), 'lastRefreshed is an ISO instant');
      const trend = await p.trend(ID);
      check(trend.length >= 1, 'the refresh is a point of the trend');
      same(trend[trend.length - 1]!.count, 2, 'the last point of the trend');
      await rejects(() => p.updateSegments(['no-such-segment'], { tags: [] }), 'not-found', 'updateSegments() of an unknown id');
    },
  },
  {
    name: 'store: a segment that references another counts its members, and is listed in its usedBy',
    async run(p) {
      const ref = { schemaVersion: 1, id: REF, name: 'UsesParis', audience: 'Customer', rules: [{ segment: ID }] } as SegmentDocument;
      same((await p.count(ref)).total, 2, 'count() of a segment rule');
      await p.saveSegment(ref);
      const paris = (await p.listSegments({ limit: 100 })).items.find((s) => s.id === ID);
      same(paris?.usedBy, [REF], 'usedBy of the referenced segment');
    },
  },
  {
    name: 'store: deleting a segment others use is a conflict unless forced; then it is gone',
    async run(p) {
      await rejects(() => p.deleteSegments([ID]), 'conflict', 'deleteSegments() of a segment in use');
      same((await p.getSegment(ID)).id, ID, 'still there after the refused delete');
      await p.deleteSegments([ID], { force: true });
      await rejects(() => p.getSegment(ID), 'not-found', 'getSegment() after the delete');
      check(!(await p.listSegments({ limit: 100 })).items.some((s) => s.id === ID), 'not listed after the delete');
      await p.deleteSegments([REF, 'contract-draft']);
      await rejects(() => p.getSegment(REF), 'not-found', 'getSegment() of the other deleted segment');
    },
  },
];

function selected(skip: readonly string[] = []) {
  const skipped = (c: Check) => skip.some((s) => c.name.startsWith(s));
  return {
    groups: [READS, STORE].map((g) => g.filter((c) => !skipped(c))),
    skipped: [...READS, ...STORE].filter(skipped).map((c) => c.name),
  };
}

/**
 * Run SPEC section 6's contract against the providers `makeProvider` makes from the fixture
 * (it is called once for the reading checks and once for the store's, each time with a fresh
 * copy of the fixture: load it into your backend and return your provider for it). With
 * `it`, each check is registered as a test and the promise resolves at once; without, the
 * checks run in order and the report lists them (a failure throws, unless `throwOnFailure`
 * is false).
 *
 * ```ts
 * import { describe, it } from 'node:test';
 * import { runProviderContract } from 'segment-kit/testing';
 * describe('my provider', () => runProviderContract(async (fixture) => myProvider(await load(fixture)), { it }));
 * ```
 */
export function runProviderContract(makeProvider: MakeProvider, options: ProviderContractOptions = {}): Promise<ProviderContractReport> {
  const { groups, skipped } = selected(options.skip);
  const report: ProviderContractReport = { passed: [], skipped, failed: [] };
  const runners = groups.map((checks) => {
    let made: { fixture: ContractFixture; provider: Promise<SegmentProvider> } | undefined;
    const provider = () => {
      if (!made) {
        const fixture = providerContractFixture();
        made = { fixture, provider: Promise.resolve().then(() => makeProvider(fixture)) };
      }
      return made;
    };
    return checks.map((c, i) => async () => {
      const { fixture, provider: ready } = provider();
      const p = await ready;
      try {
        await c.run(p, fixture);
      } finally {
        if (i === checks.length - 1) await options.dispose?.(p);
      }
    });
  });
  const all = groups.flatMap((checks, g) => checks.map((c, i) => ({ name: c.name, run: runners[g]![i]! })));
  if (options.it) {
    for (const c of all) options.it(c.name, c.run);
    return Promise.resolve(report);
  }
  return (async () => {
    for (const c of all) {
      try {
        await c.run();
        report.passed.push(c.name);
      } catch (error) {
        report.failed.push({ name: c.name, error });
      }
    }
    if (report.failed.length && options.throwOnFailure !== false) {
      const lines = report.failed.map((f) => `- ${f.name}: ${f.error instanceof Error ? f.error.message : show(f.error)}`);
      throw new ContractFailure(`${report.failed.length} of ${all.length} provider contract checks failed:\n${lines.join('\n')}`);
    }
    return report;
  })();
}
