/**
 * The segment of bench/engine.ts part B: three rules, the first a related aggregate (orders
 * over the last year summing to more than `threshold`), intersect a satisfied-or-loyal group,
 * except customers with an escalated case. The typing bench moves the threshold with the
 * text typed, so that every count is a new question.
 */
import type { SegmentDocument } from '../../../src/core/model/types.js';

export function threeRules(threshold = 1000): SegmentDocument {
  return {
    schemaVersion: 1,
    name: 'ThreeRules',
    audience: 'Customer',
    rules: [
      {
        where: {
          kind: 'related',
          entity: 'Order',
          match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: threshold },
          where: { kind: 'condition', entity: 'Order', attribute: 'OrderDate', operator: 'inLast', value: { amount: 365, unit: 'day' } },
        },
      },
      {
        setOperator: 'intersect',
        where: {
          kind: 'group',
          combinator: 'or',
          children: [
            { kind: 'condition', entity: 'Customer', attribute: 'Satisfaction', operator: 'greaterThanOrEqual', value: 3 },
            { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'in', value: ['Gold', 'Platinum'] },
          ],
        },
      },
      {
        setOperator: 'except',
        where: {
          kind: 'related',
          entity: 'Case',
          match: { quantifier: 'any' },
          where: { kind: 'condition', entity: 'Case', attribute: 'Escalated', operator: 'isTrue' },
        },
      },
    ],
  };
}
