/**
 * `npm run bench:engine` — the evaluation engine beside its peers, in one run:
 *  A. a 10-condition rule over 1,000,000 customers: segment-kit's engine vs json-logic-js
 *     vs a hand-written arrow function (same semantics; counts must agree);
 *  B. the memory provider on the sample dataset (100,000 customers, ~900,000 orders):
 *     count with per-rule breakdown of a three-rule segment with a related aggregate.
 * Medians of 5 timed runs after a warm-up; ratios printed. SPEC section 7 targets:
 * A ≥ 10× faster than json-logic-js and within 2× of the arrow; B under 300 ms.
 */
import jsonLogic from 'json-logic-js';
import { evaluateSegment, prepareDataset } from '../src/core/evaluate/index.js';
import type { SegmentDocument } from '../src/core/index.js';
import { createMemoryProvider } from '../src/providers/memory/index.js';
import { createSampleDataset, sampleCatalog } from '../src/sample/index.js';
import { ms, rng, table, time, timeAsync } from './util.js';
import { threeRules } from './worker/pages/segment.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const NOW = '2026-11-01T12:00:00Z';
const cities = ['Seattle', 'seattle', 'Redmond', 'Paris', 'Berlin', 'London', 'Madrid', 'Toronto', 'Austin', ' Boston'];
const countries = ['US', 'US', 'US', 'CA', 'GB', 'DE', 'FR', 'ES', 'NL', 'JP'];
const domains = ['contoso.com', 'fabrikam.com', 'example.org', 'Contoso.com', 'mail.test'];

// ---------------------------------------------------------------- A. 1M customers
console.log(`\nA. 10-condition rule over ${CUSTOMERS.toLocaleString('en')} customers`);
const r = rng(7);
const t0 = performance.now();
const customers: Record<string, unknown>[] = new Array(CUSTOMERS);
const day0 = Date.parse('2020-01-01T00:00:00Z');
const span = Date.parse(NOW) - day0;
for (let i = 0; i < CUSTOMERS; i++) {
  const created = new Date(day0 + Math.floor(r() * span)).toISOString().slice(0, 10);
  customers[i] = {
    CustomerId: `C${i}`,
    FullName: `Customer ${i}`,
    Email: r() < 0.08 ? null : `c${i}@${domains[Math.floor(r() * domains.length)]}`,
    City: r() < 0.03 ? null : cities[Math.floor(r() * cities.length)],
    Country: countries[Math.floor(r() * countries.length)],
    CreatedOn: created,
    LoyaltyPoints: Math.floor(r() * 2000),
    CreditBalance: r() < 0.05 ? null : Math.round(r() * 8000 * 100) / 100,
    DoNotContact: r() < 0.1,
    Satisfaction: r() < 0.1 ? null : 1 + Math.floor(r() * 5),
  };
}
console.log(`generated in ${ms(performance.now() - t0)}`);

// inLast 90 days is `now − 90 days <= value <= now` on instants; a date-only value is midnight
// UTC, so the first day inside the window is the one whose midnight is not before now − 90 days.
const since = new Date(Math.ceil((Date.parse(NOW) - 90 * 86_400_000) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
const today = NOW.slice(0, 10);
const cond = (attribute: string, operator: string, value?: unknown) => ({
  kind: 'condition' as const,
  entity: 'Customer',
  attribute,
  operator,
  ...(value === undefined ? {} : { value }),
});
const rule: SegmentDocument = {
  schemaVersion: 1,
  name: 'Bench',
  audience: 'Customer',
  rules: [
    {
      where: {
        kind: 'group',
        combinator: 'and',
        children: [
          { kind: 'group', combinator: 'or', children: [cond('City', 'equals', 'seattle'), cond('Email', 'contains', '@contoso')] },
          cond('CreditBalance', 'between', [100, 5000]),
          {
            kind: 'group',
            combinator: 'or',
            children: [cond('CreatedOn', 'inLast', { amount: 90, unit: 'day' }), cond('LoyaltyPoints', 'greaterThan', 1500)],
          },
          cond('Country', 'in', ['US', 'CA', 'GB', 'DE']),
          cond('DoNotContact', 'isFalse'),
          cond('Email', 'isNotEmpty'),
          cond('FullName', 'notContains', 'test'),
          cond('Satisfaction', 'greaterThanOrEqual', 2),
        ],
      },
    },
  ] as SegmentDocument['rules'],
};
const dataset = { catalog: sampleCatalog, data: { Customer: customers } };

// The same rule, written by hand.
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);
const arrow = (c: Record<string, unknown>) => {
  const city = lower(c.City);
  const email = lower(c.Email);
  const balance = c.CreditBalance as number | null;
  const created = c.CreatedOn as string | null;
  const points = c.LoyaltyPoints as number | null;
  const country = lower(c.Country);
  const name = lower(c.FullName);
  const sat = c.Satisfaction as number | null;
  return (
    (city === 'seattle' || (email !== undefined && email.includes('@contoso'))) &&
    balance != null &&
    balance >= 100 &&
    balance <= 5000 &&
    ((created != null && created >= since && created <= today) || (points != null && points > 1500)) &&
    (country === 'us' || country === 'ca' || country === 'gb' || country === 'de') &&
    c.DoNotContact === false &&
    email !== undefined &&
    email !== '' &&
    name !== undefined &&
    !name.includes('test') &&
    sat != null &&
    sat >= 2
  );
};

jsonLogic.add_operation('lower', (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : null));
const logic: jsonLogic.RulesLogic<jsonLogic.AdditionalOperation> = {
  and: [
    { or: [{ '==': [{ lower: [{ var: 'City' }] }, 'seattle'] }, { in: ['@contoso', { lower: [{ var: 'Email' }] }] }] },
    { '!=': [{ var: 'CreditBalance' }, null] },
    { '<=': [100, { var: 'CreditBalance' }, 5000] },
    {
      or: [
        { and: [{ '!=': [{ var: 'CreatedOn' }, null] }, { '<=': [since, { var: 'CreatedOn' }, today] }] },
        { '>': [{ var: 'LoyaltyPoints' }, 1500] },
      ],
    },
    { in: [{ lower: [{ var: 'Country' }] }, ['us', 'ca', 'gb', 'de']] },
    { '===': [{ var: 'DoNotContact' }, false] },
    { '!=': [{ var: 'Email' }, null] },
    { '!=': [{ var: 'Email' }, ''] },
    { '!': { in: ['test', { lower: [{ var: 'FullName' }] }] } },
    { '!=': [{ var: 'Satisfaction' }, null] },
    { '>=': [{ var: 'Satisfaction' }, 2] },
  ],
};

const firstT0 = performance.now();
const first = evaluateSegment(rule, dataset, { now: NOW });
const firstCall = performance.now() - firstT0;
const engine = time(() => evaluateSegment(rule, dataset, { now: NOW }).total);
const hand = time(() => {
  let n = 0;
  for (let i = 0; i < customers.length; i++) if (arrow(customers[i]!)) n++;
  return n;
});
const logicRuns = Math.max(1, Number(process.env.JSONLOGIC_RUNS ?? 5));
const jl = time(
  () => {
    let n = 0;
    for (let i = 0; i < customers.length; i++) if (jsonLogic.apply(logic, customers[i])) n++;
    return n;
  },
  logicRuns,
  1,
);
if (engine.result !== hand.result || hand.result !== jl.result || first.total !== engine.result) {
  console.error(`COUNTS DISAGREE: engine ${engine.result}, arrow ${hand.result}, json-logic ${jl.result}`);
  process.exitCode = 1;
}
console.log(
  table([
    ['', 'median', 'members', 'engine is'],
    ['segment-kit engine', ms(engine.median), engine.result, '—'],
    ['hand-written arrow', ms(hand.median), hand.result, `${(hand.median / engine.median).toFixed(2)}× its speed`],
    ['json-logic-js', ms(jl.median), jl.result, `${(jl.median / engine.median).toFixed(1)}× faster`],
  ]),
);
console.log(`engine first call (builds the column caches once per dataset): ${ms(firstCall)}`);
const okA = jl.median / engine.median >= 10 && engine.median / hand.median <= 2;
console.log(`target (≥10× json-logic-js, ≤2× arrow): ${okA ? 'met' : 'NOT met'}`);

// ---------------------------------------------------------------- B. memory provider
console.log('\nB. memory provider: three rules with a related aggregate');
const g0 = performance.now();
const sample = createSampleDataset({ customers: Number(process.env.PROVIDER_CUSTOMERS ?? 100_000), seed: 1 });
console.log(
  `sample dataset: ${sample.data.Customer!.length.toLocaleString('en')} customers, ${sample.data.Order!.length.toLocaleString('en')} orders, generated in ${ms(performance.now() - g0)}`,
);
const provider = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
const three: SegmentDocument = threeRules();
const c0 = performance.now();
const cold = await provider.count(three);
const coldMs = performance.now() - c0;
const warm = await timeAsync(() => provider.count(three));
console.log(`result: ${JSON.stringify(warm.result)}`);
console.log(
  table([
    ['', 'time'],
    ['count, first call (builds caches)', ms(coldMs)],
    ['count, median of 5 (warm)', ms(warm.median)],
  ]),
);
if (cold.total !== warm.result.total) process.exitCode = 1;
const fresh = { catalog: sample.catalog, data: Object.fromEntries(Object.entries(sample.data).map(([k, v]) => [k, v.slice()])) };
const prepMs = prepareDataset(fresh);
const p0 = performance.now();
evaluateSegment(three, fresh, { now: sample.now });
console.log(`prepareDataset up front: ${ms(prepMs)}; first evaluation after it: ${ms(performance.now() - p0)}`);
console.log(`target (warm count < 300 ms): ${warm.median < 300 ? 'met' : 'NOT met'}`);
console.log(
  `\nmedians over ${engine.times.length} runs; all times: engine ${engine.times.map((x) => x.toFixed(0)).join('/')}, arrow ${hand.times.map((x) => x.toFixed(0)).join('/')}`,
);
