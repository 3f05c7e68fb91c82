/**
 * The data of `npm run bench:list`, built in the page: `count` saved segments (default
 * 10,000) in a memory provider over a small sample dataset. Names, display names, tags
 * (from a pool of 30), types and states vary with a seeded PRNG; a few segments use an
 * earlier one (`usedBy`), about 1 % are drafts (a rule on an unknown attribute). Every
 * segment gets a refresh history, so the store does not refresh the active ones at its
 * first call (see `seed` in src/providers/store/store.ts); `withHistory: false` leaves it
 * out, to measure that first call on its own.
 */
import type { SegmentDocument, SegmentRule } from '../../../src/core/model/types.js';
import type { TrendPoint } from '../../../src/core/provider/types.js';
import { createMemoryProvider, type MemoryProvider } from '../../../src/providers/memory/index.js';
import { createSampleDataset } from '../../../src/sample/generate.js';
import { rng } from '../../util.js';

export const TAGS = [
  'spring-campaign',
  'summer-sale',
  'autumn',
  'winter',
  'black-friday',
  'holiday',
  'loyalty',
  'vip',
  'win-back',
  'retention',
  'onboarding',
  'marketing',
  'email',
  'sms',
  'push',
  'web',
  'store',
  'service',
  'finance',
  'compliance',
  'digital',
  'emea',
  'apac',
  'americas',
  'test',
  'experiment',
  'q1',
  'q2',
  'q3',
  'q4',
];
const FIRST = ['High', 'Low', 'New', 'Lapsed', 'Loyal', 'Frequent', 'Dormant', 'Premium', 'Budget', 'Engaged', 'Risky', 'Returning'];
const SECOND = ['Value', 'Spend', 'Credit', 'Tier', 'Email', 'Web', 'Store', 'Phone', 'Service', 'Order', 'Basket', 'Trial'];
const THIRD = ['Customers', 'Buyers', 'Members', 'Shoppers', 'Subscribers', 'Accounts', 'Prospects', 'Fans'];
const REGIONS = ['Emea', 'Apac', 'Amer', 'Us', 'Ca', 'Uk', 'De', 'Fr', 'Nl', 'Es', 'Au', 'Jp', 'Br', 'Mx', 'In'];
const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'];
const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'ES', 'AU', 'JP', 'BR', 'MX', 'IN'];
const DAY = 86_400_000;

export interface ListData {
  provider: MemoryProvider;
  /** Every segment id, for checking that a row shows a real segment. */
  ids: Set<string>;
  segments: number;
  drafts: number;
}

export function createListData(options: { segments: number; customers: number; seed: number; withHistory?: boolean }): ListData {
  const random = rng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const dataset = createSampleDataset({ customers: options.customers });
  const customerIds = (dataset.data.Customer ?? []).map((c) => String(c.CustomerId));
  const now = Date.parse(dataset.now);
  const segments: SegmentDocument[] = [];
  const history: Record<string, TrendPoint[]> = {};
  let drafts = 0;
  for (let i = 0; i < options.segments; i++) {
    const id = `s${String(i + 1).padStart(5, '0')}`;
    const [a, b, c, region] = [pick(FIRST), pick(SECOND), pick(THIRD), pick(REGIONS)];
    const r = random();
    const where: SegmentRule['where'] =
      r < 0.25
        ? { id: 'c', kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'equals', value: pick(TIERS) }
        : r < 0.45
          ? {
              id: 'c',
              kind: 'condition',
              entity: 'Customer',
              attribute: 'CreditBalance',
              operator: 'greaterThan',
              value: Math.floor(random() * 3000),
            }
          : r < 0.65
            ? { id: 'c', kind: 'condition', entity: 'Customer', attribute: 'Country', operator: 'equals', value: pick(COUNTRIES) }
            : r < 0.8
              ? { id: 'c', kind: 'related', entity: 'Order', match: { quantifier: 'atLeast', count: 1 + Math.floor(random() * 5) } }
              : r < 0.99
                ? {
                    id: 'c',
                    kind: 'condition',
                    entity: 'Customer',
                    attribute: 'Satisfaction',
                    operator: 'lessThanOrEqual',
                    value: 1 + Math.floor(random() * 5),
                  }
                : { id: 'c', kind: 'condition', entity: 'Customer', attribute: 'Nickname', operator: 'isNotEmpty' };
    if (r >= 0.99) drafts++;
    const rules: SegmentRule[] = [{ id: 'r1', where }];
    if (i > 20 && random() < 0.03)
      rules.push({ id: 'r2', setOperator: 'except', segment: `s${String(1 + Math.floor(random() * i)).padStart(5, '0')}` });
    const isStatic = random() < 0.2;
    const doc: SegmentDocument = {
      schemaVersion: 1,
      id,
      name: `${a}${b}${c}${region}${i + 1}`,
      type: isStatic ? 'static' : 'dynamic',
      state: random() < 0.65 ? 'active' : 'inactive',
      tags: [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(TAGS)))],
      audience: 'Customer',
      rules,
    };
    if (random() < 0.7) doc.displayName = `${a} ${b.toLowerCase()} ${c.toLowerCase()}, ${region.toUpperCase()} ${i + 1}`;
    if (isStatic) doc.snapshot = customerIds.filter(() => random() < 0.05);
    segments.push(doc);
    if (options.withHistory !== false) {
      const last = now - Math.floor(random() * 60) * DAY;
      const points = 1 + Math.floor(random() * 6);
      history[id] = Array.from({ length: points }, (_, k) => ({
        date: new Date(last - (points - 1 - k) * 7 * DAY).toISOString(),
        count: Math.floor(random() * options.customers),
      }));
    }
  }
  const provider = createMemoryProvider({ catalog: dataset.catalog, data: dataset.data, now: dataset.now, segments, history });
  return { provider, ids: new Set(segments.map((s) => s.id!)), segments: segments.length, drafts };
}
