/** Shared fixtures for element tests: a small catalog, rows, and the seeds' example segment. */
import type { SegmentDocument } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { testCatalog } from '../core/helpers/catalog.js';

export const catalog = testCatalog;
export const NOW = '2026-11-01T12:00:00Z';

export const data = {
  Customer: [
    { CustomerId: 'C1', City: 'Paris', Country: 'FR', CreditBalance: 2500, BirthDate: '1980-11-20', DoNotContact: false },
    { CustomerId: 'C2', City: 'Lyon', Country: 'FR', CreditBalance: 10, BirthDate: null, DoNotContact: true },
    { CustomerId: 'C3', City: 'Berlin', Country: 'DE', CreditBalance: 1200, BirthDate: '1990-01-02', DoNotContact: false },
    { CustomerId: 'C4', City: 'Boston', Country: 'US', CreditBalance: 300, BirthDate: '1975-06-30', DoNotContact: true },
  ],
  Order: [
    { OrderId: 'O1', CustomerId: 'C1', TotalAmount: 600, OrderDate: '2026-10-01', Channel: 'Web' },
    { OrderId: 'O2', CustomerId: 'C2', TotalAmount: 800, OrderDate: '2026-10-20', Channel: 'Store' },
    { OrderId: 'O3', CustomerId: 'C3', TotalAmount: 900, OrderDate: '2025-01-01', Channel: 'Web' },
    { OrderId: 'O4', CustomerId: 'C4', TotalAmount: 700, OrderDate: '2026-09-15', Channel: 'Web' },
  ],
  Case: [
    { CaseId: 'K1', CustomerId: 'C1', Escalated: true, Priority: 'High' },
    { CaseId: 'K2', CustomerId: 'C4', Escalated: true, Priority: 'Low' },
    { CaseId: 'K3', CustomerId: 'C2', Escalated: false, Priority: 'Low' },
  ],
};

export const doNotContact: SegmentDocument = {
  schemaVersion: 1,
  id: 'do-not-contact',
  name: 'DoNotContact',
  displayName: 'Do not contact',
  state: 'active',
  audience: 'Customer',
  rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } }],
};

/** The seeds' example: orders over 500 in the last 90 days, intersect an escalated case, except do-not-contact. */
export function example(): SegmentDocument {
  return {
    schemaVersion: 1,
    id: 'high-value-escalated',
    name: 'HighValueEscalated',
    displayName: 'High value, escalated',
    audience: 'Customer',
    rules: [
      {
        id: 'r1',
        where: {
          kind: 'related',
          id: 'x1',
          entity: 'Order',
          match: { quantifier: 'atLeast', count: 1 },
          where: {
            kind: 'group',
            id: 'g1',
            combinator: 'and',
            children: [
              { kind: 'condition', id: 'c1', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
              {
                kind: 'condition',
                id: 'c2',
                entity: 'Order',
                attribute: 'OrderDate',
                operator: 'inLast',
                value: { amount: 90, unit: 'day' },
              },
            ],
          },
        },
      },
      {
        id: 'r2',
        setOperator: 'intersect',
        where: {
          kind: 'related',
          id: 'x2',
          entity: 'Case',
          match: { quantifier: 'any' },
          where: { kind: 'condition', id: 'c3', entity: 'Case', attribute: 'Escalated', operator: 'isTrue' },
        },
      },
      { id: 'r3', setOperator: 'except', segment: 'do-not-contact' },
    ],
  };
}

export function memoryProvider(options: { latency?: number } = {}) {
  return createMemoryProvider({ catalog, data, now: NOW, segments: [doNotContact], ...options });
}

/** Wait until `check` passes (polling), or fail after `ms`. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Freeze a value and everything in it, so a mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
