/**
 * Ready-made segments over the sample catalog: the examples of the reference product's
 * documentation (high value and escalated; security products with low satisfaction; a
 * compound "high balance except do-not-contact") and a few more everyday ones. Every
 * document is schema version 1 with ids on its rules and nodes.
 */
import type { SegmentDocument } from '../core/model/types.js';

/** The id of the static segment whose snapshot the dataset fills in. */
export const VIP_SEGMENT_ID = 'vip-snapshot';

const definitions: SegmentDocument[] = [
  {
    schemaVersion: 1,
    id: 'high-value-escalated',
    name: 'HighValueEscalated',
    displayName: 'High value, escalated',
    description: 'Orders over 500 in 90 days and an escalated case',
    type: 'dynamic',
    state: 'active',
    tags: ['spring-campaign', 'service'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        name: 'Big spenders',
        where: {
          id: 'r1-all',
          kind: 'group',
          combinator: 'and',
          children: [
            {
              id: 'r1-orders',
              kind: 'related',
              entity: 'Order',
              match: { quantifier: 'atLeast', count: 1 },
              where: {
                id: 'r1-orders-all',
                kind: 'group',
                combinator: 'and',
                children: [
                  { id: 'r1-amount', kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
                  {
                    id: 'r1-recent',
                    kind: 'condition',
                    entity: 'Order',
                    attribute: 'OrderDate',
                    operator: 'inLast',
                    value: { amount: 90, unit: 'day' },
                  },
                ],
              },
            },
          ],
        },
      },
      {
        id: 'r2',
        name: 'Escalated case',
        setOperator: 'intersect',
        where: {
          id: 'r2-cases',
          kind: 'related',
          entity: 'Case',
          match: { quantifier: 'any' },
          where: { id: 'r2-escalated', kind: 'condition', entity: 'Case', attribute: 'Escalated', operator: 'isTrue' },
        },
      },
      { id: 'r3', name: 'Not do-not-contact', setOperator: 'except', segment: 'do-not-contact' },
    ],
    projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
  },
  {
    schemaVersion: 1,
    id: 'security-low-satisfaction',
    name: 'SecurityLowSatisfaction',
    displayName: 'Security products, low satisfaction',
    description: 'Active subscribers to a security product (other than P5567) who rate their satisfaction 2 or lower',
    type: 'dynamic',
    state: 'active',
    tags: ['retention', 'security'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        name: 'Unhappy security subscribers',
        where: {
          id: 'r1-all',
          kind: 'group',
          combinator: 'and',
          children: [
            {
              id: 'r1-subscriptions',
              kind: 'related',
              entity: 'Subscription',
              match: { quantifier: 'any' },
              where: {
                id: 'r1-subscription-all',
                kind: 'group',
                combinator: 'and',
                children: [
                  { id: 'r1-active', kind: 'condition', entity: 'Subscription', attribute: 'Status', operator: 'equals', value: 'Active' },
                  {
                    id: 'r1-product',
                    kind: 'related',
                    entity: 'Product',
                    match: { quantifier: 'any' },
                    where: {
                      id: 'r1-product-all',
                      kind: 'group',
                      combinator: 'and',
                      children: [
                        {
                          id: 'r1-security',
                          kind: 'condition',
                          entity: 'Product',
                          attribute: 'Category',
                          operator: 'equals',
                          value: 'Security',
                        },
                        {
                          id: 'r1-not-5567',
                          kind: 'condition',
                          entity: 'Product',
                          attribute: 'ProductId',
                          operator: 'notEquals',
                          value: 'P5567',
                        },
                      ],
                    },
                  },
                ],
              },
            },
            {
              id: 'r1-satisfaction',
              kind: 'condition',
              entity: 'Customer',
              attribute: 'Satisfaction',
              operator: 'lessThanOrEqual',
              value: 2,
            },
          ],
        },
      },
    ],
    projectedAttributes: [{ entity: 'Product', attribute: 'Name' }],
  },
  {
    schemaVersion: 1,
    id: 'do-not-contact',
    name: 'DoNotContact',
    displayName: 'Do not contact',
    description: 'Customers who asked not to be contacted',
    type: 'dynamic',
    state: 'active',
    tags: ['compliance'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: { id: 'r1-dnc', kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' },
      },
    ],
  },
  {
    schemaVersion: 1,
    id: 'high-credit-except-dnc',
    name: 'HighCreditFollowUp',
    displayName: 'High credit balance, follow up',
    description: 'Credit balance over 1,000, except the customers who do not want to be contacted',
    type: 'dynamic',
    state: 'active',
    tags: ['finance', 'compliance'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        name: 'High balance',
        where: {
          id: 'r1-balance',
          kind: 'condition',
          entity: 'Customer',
          attribute: 'CreditBalance',
          operator: 'greaterThan',
          value: 1000,
        },
      },
      { id: 'r2', name: 'Do not contact', setOperator: 'except', segment: 'do-not-contact' },
    ],
  },
  {
    schemaVersion: 1,
    id: 'birthdays-next-30-days',
    name: 'UpcomingBirthdays',
    displayName: 'Birthdays in the next 30 days',
    description: 'Reachable customers whose birthday comes in the next 30 days',
    type: 'dynamic',
    state: 'active',
    tags: ['marketing', 'birthday'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-all',
          kind: 'group',
          combinator: 'and',
          children: [
            {
              id: 'r1-birthday',
              kind: 'condition',
              entity: 'Customer',
              attribute: 'BirthDate',
              operator: 'isAnniversaryInNext',
              value: { amount: 30, unit: 'day' },
            },
            { id: 'r1-email', kind: 'condition', entity: 'Customer', attribute: 'Email', operator: 'isNotEmpty' },
            { id: 'r1-contact', kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isFalse' },
          ],
        },
      },
    ],
  },
  {
    schemaVersion: 1,
    id: 'lapsed-customers',
    name: 'LapsedCustomers',
    displayName: 'Lapsed customers',
    description: 'Ordered at least twice, but not in the last 180 days',
    type: 'dynamic',
    state: 'active',
    tags: ['win-back'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-all',
          kind: 'group',
          combinator: 'and',
          children: [
            { id: 'r1-ordered', kind: 'related', entity: 'Order', match: { quantifier: 'atLeast', count: 2 } },
            {
              id: 'r1-no-recent',
              kind: 'related',
              entity: 'Order',
              match: { quantifier: 'none' },
              where: {
                id: 'r1-recent',
                kind: 'condition',
                entity: 'Order',
                attribute: 'OrderDate',
                operator: 'inLast',
                value: { amount: 180, unit: 'day' },
              },
            },
          ],
        },
      },
    ],
    projectedAttributes: [{ entity: 'Order', attribute: 'OrderDate' }],
  },
  {
    schemaVersion: 1,
    id: 'big-spenders',
    name: 'BigSpenders',
    displayName: 'Big spenders (12 months)',
    description: 'Spent more than 2,000 in total over the last 12 months',
    type: 'dynamic',
    state: 'active',
    tags: ['loyalty'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-spend',
          kind: 'related',
          entity: 'Order',
          match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 2000 },
          where: {
            id: 'r1-last-year',
            kind: 'condition',
            entity: 'Order',
            attribute: 'OrderDate',
            operator: 'inLast',
            value: { amount: 12, unit: 'month' },
          },
        },
      },
    ],
    projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
  },
  {
    schemaVersion: 1,
    id: 'web-active-30-days',
    name: 'WebActive30Days',
    displayName: 'Active on the web (30 days)',
    description: 'At least 2 web sessions in the last 30 days, through any online account',
    type: 'dynamic',
    state: 'active',
    tags: ['digital'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-accounts',
          kind: 'related',
          entity: 'OnlineAccount',
          match: { quantifier: 'any' },
          where: {
            id: 'r1-sessions',
            kind: 'related',
            entity: 'WebSession',
            match: { quantifier: 'atLeast', count: 2 },
            where: {
              id: 'r1-recent',
              kind: 'condition',
              entity: 'WebSession',
              attribute: 'StartedAt',
              operator: 'inLast',
              value: { amount: 30, unit: 'day' },
            },
          },
        },
      },
    ],
    projectedAttributes: [{ entity: 'WebSession', attribute: 'Device' }],
  },
  {
    schemaVersion: 1,
    id: 'at-risk-customers',
    name: 'AtRiskCustomers',
    displayName: 'At risk',
    description: 'Buyers of the last year who are unhappy or opened 2+ cases in 90 days, except do-not-contact',
    type: 'dynamic',
    state: 'active',
    tags: ['retention', 'service'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        name: 'Unhappy',
        where: {
          id: 'r1-any',
          kind: 'group',
          combinator: 'or',
          children: [
            {
              id: 'r1-satisfaction',
              kind: 'condition',
              entity: 'Customer',
              attribute: 'Satisfaction',
              operator: 'lessThanOrEqual',
              value: 2,
            },
            {
              id: 'r1-cases',
              kind: 'related',
              entity: 'Case',
              match: { quantifier: 'atLeast', count: 2 },
              where: {
                id: 'r1-recent-case',
                kind: 'condition',
                entity: 'Case',
                attribute: 'OpenedOn',
                operator: 'inLast',
                value: { amount: 90, unit: 'day' },
              },
            },
          ],
        },
      },
      {
        id: 'r2',
        name: 'Bought this year',
        setOperator: 'intersect',
        where: {
          id: 'r2-orders',
          kind: 'related',
          entity: 'Order',
          match: { quantifier: 'any' },
          where: {
            id: 'r2-recent',
            kind: 'condition',
            entity: 'Order',
            attribute: 'OrderDate',
            operator: 'inLast',
            value: { amount: 1, unit: 'year' },
          },
        },
      },
      { id: 'r3', setOperator: 'except', segment: 'do-not-contact' },
    ],
  },
  {
    schemaVersion: 1,
    id: 'new-customers-welcome',
    name: 'NewCustomersWelcome',
    displayName: 'New customers to welcome',
    description: 'Joined in the last 3 months, no order yet, and reachable by email',
    type: 'dynamic',
    state: 'active',
    tags: ['onboarding', 'marketing'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-all',
          kind: 'group',
          combinator: 'and',
          children: [
            {
              id: 'r1-new',
              kind: 'condition',
              entity: 'Customer',
              attribute: 'CreatedOn',
              operator: 'inLast',
              value: { amount: 3, unit: 'month' },
            },
            { id: 'r1-no-orders', kind: 'related', entity: 'Order', match: { quantifier: 'none' } },
            {
              id: 'r1-unreachable',
              kind: 'group',
              combinator: 'or',
              not: true,
              children: [
                { id: 'r1-no-email', kind: 'condition', entity: 'Customer', attribute: 'Email', operator: 'isEmpty' },
                { id: 'r1-dnc', kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' },
                { id: 'r1-opted-out', kind: 'condition', entity: 'Customer', attribute: 'EmailOptIn', operator: 'isFalse' },
              ],
            },
          ],
        },
      },
    ],
  },
  {
    schemaVersion: 1,
    id: VIP_SEGMENT_ID,
    name: 'VipSnapshot',
    displayName: 'VIP list (snapshot)',
    description: 'Platinum customers, captured once: a static segment keeps its members until refreshed by hand',
    type: 'static',
    state: 'active',
    tags: ['loyalty', 'vip'],
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          id: 'r1-platinum',
          kind: 'condition',
          entity: 'Customer',
          attribute: 'LoyaltyTier',
          operator: 'equals',
          value: 'Platinum',
        },
      },
    ],
  },
];

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Fresh copies of the sample segments. The static VIP segment gets `snapshot` when one is
 * given (the dataset passes the Platinum customers it generated).
 */
export function createSampleSegments(vipSnapshot?: readonly string[]): SegmentDocument[] {
  const docs = clone(definitions);
  if (vipSnapshot) {
    const vip = docs.find((d) => d.id === VIP_SEGMENT_ID);
    if (vip) vip.snapshot = [...vipSnapshot];
  }
  return docs;
}

/**
 * The sample segments as definitions (the static VIP segment without a snapshot: a
 * dataset's `segments` carry one). Frozen: copy before editing, or use `createSampleSegments`.
 */
export const sampleSegments: readonly SegmentDocument[] = deepFreeze(createSampleSegments());

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
