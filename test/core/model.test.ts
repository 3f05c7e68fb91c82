import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALL_OPERATORS,
  OPERATOR_TABLE,
  addUnits,
  humanize,
  indexCatalog,
  isOperator,
  nextAnniversaryDay,
  operatorSpec,
  operatorsFor,
  parseIsoDate,
  parsePointer,
  plural,
  pointer,
  utcDay,
  valueShapeOf,
} from '../../src/core/index.js';
import { testCatalog } from './helpers/catalog.js';

describe('operator table', () => {
  it('lists exactly the operators of SPEC section 4 per type', () => {
    assert.deepEqual(operatorsFor('string'), [
      'equals',
      'notEquals',
      'contains',
      'notContains',
      'startsWith',
      'endsWith',
      'in',
      'notIn',
      'isEmpty',
      'isNotEmpty',
    ]);
    assert.deepEqual(operatorsFor('number'), [
      'equals',
      'notEquals',
      'greaterThan',
      'greaterThanOrEqual',
      'lessThan',
      'lessThanOrEqual',
      'between',
      'notBetween',
      'in',
      'notIn',
      'isEmpty',
      'isNotEmpty',
    ]);
    assert.deepEqual(operatorsFor('date'), [
      'on',
      'before',
      'after',
      'between',
      'inLast',
      'notInLast',
      'inNext',
      'isAnniversaryInNext',
      'isEmpty',
      'isNotEmpty',
    ]);
    assert.deepEqual(operatorsFor('boolean'), ['isTrue', 'isFalse', 'isEmpty', 'isNotEmpty']);
    assert.deepEqual(operatorsFor('__proto__'), []);
  });

  it('gives value shapes and label keys', () => {
    assert.equal(valueShapeOf('between'), 'pair');
    assert.equal(valueShapeOf('in'), 'list');
    assert.equal(valueShapeOf('inLast'), 'relative');
    assert.equal(valueShapeOf('isTrue'), 'none');
    assert.equal(valueShapeOf('equals'), 'scalar');
    assert.equal(operatorSpec('number', 'contains'), undefined);
    assert.equal(operatorSpec('string', 'contains')?.label, 'operator.contains');
    assert.equal(isOperator('toString'), false);
    assert.equal(ALL_OPERATORS.length, new Set(ALL_OPERATORS).size);
    assert.ok(Object.isFrozen(OPERATOR_TABLE) || typeof OPERATOR_TABLE === 'object');
  });
});

describe('dates', () => {
  it('parses ISO dates as UTC and refuses days that do not exist', () => {
    assert.equal(parseIsoDate('2024-02-29'), Date.UTC(2024, 1, 29));
    assert.equal(parseIsoDate('2023-02-29'), undefined);
    assert.equal(parseIsoDate('2024-05-01T10:30:00'), Date.UTC(2024, 4, 1, 10, 30));
    assert.equal(parseIsoDate('2024-05-01T10:30:00+02:00'), Date.UTC(2024, 4, 1, 8, 30));
    assert.equal(parseIsoDate('2024-05-01T10:30:00.5Z'), Date.UTC(2024, 4, 1, 10, 30, 0, 500));
    assert.equal(parseIsoDate('May 1 2024'), undefined);
    assert.equal(parseIsoDate('2024-13-01'), undefined);
  });

  it('adds calendar months and years clamped to the month end, like PostgreSQL', () => {
    const t = Date.UTC(2024, 2, 31, 12);
    assert.equal(new Date(addUnits(t, -1, 'month')).toISOString(), '2024-02-29T12:00:00.000Z');
    assert.equal(new Date(addUnits(Date.UTC(2024, 1, 29), 1, 'year')).toISOString(), '2025-02-28T00:00:00.000Z');
    assert.equal(new Date(addUnits(t, -2, 'week')).toISOString(), '2024-03-17T12:00:00.000Z');
    assert.equal(new Date(addUnits(Date.UTC(2024, 0, 31), 1, 'month')).toISOString(), '2024-02-29T00:00:00.000Z');
  });

  it('finds the next anniversary across the year end and on 28 February in common years', () => {
    const dec28 = utcDay(Date.UTC(2025, 11, 28));
    assert.equal(nextAnniversaryDay(Date.UTC(1990, 0, 3), dec28), utcDay(Date.UTC(2026, 0, 3)));
    assert.equal(nextAnniversaryDay(Date.UTC(2000, 1, 29), utcDay(Date.UTC(2025, 1, 1))), utcDay(Date.UTC(2025, 1, 28)));
    assert.equal(nextAnniversaryDay(Date.UTC(2000, 1, 29), utcDay(Date.UTC(2028, 1, 1))), utcDay(Date.UTC(2028, 1, 29)));
  });
});

describe('catalog helpers', () => {
  it('finds one-hop and two-hop relationship paths, in either direction', () => {
    const index = indexCatalog(testCatalog);
    assert.deepEqual(
      index.path('Customer', 'Order')!.map((s) => [s.from, s.to]),
      [['Customer', 'Order']],
    );
    assert.deepEqual(
      index.path('Customer', 'WebSession')!.map((s) => [s.from, s.to, s.fromAttribute, s.toAttribute]),
      [
        ['Customer', 'OnlineAccount', 'CustomerId', 'CustomerId'],
        ['OnlineAccount', 'WebSession', 'AccountId', 'AccountId'],
      ],
    );
    assert.equal(index.path('Customer', 'Nowhere'), undefined);
    assert.deepEqual(index.path('Order', 'Order'), []);
  });

  it('makes labels readable', () => {
    assert.equal(humanize('TotalAmount'), 'Total amount');
    assert.equal(humanize('do_not_contact'), 'Do not contact');
    assert.equal(humanize('CustomerID'), 'Customer ID');
    assert.equal(plural('Activity'), 'Activities');
    assert.equal(plural('Case'), 'Cases');
    assert.equal(plural('Address'), 'Addresses');
  });

  it('writes and reads JSON pointers with escaping', () => {
    assert.equal(pointer('rules', 0, 'a/b', 'c~d'), '/rules/0/a~1b/c~0d');
    assert.deepEqual(parsePointer('/rules/0/a~1b/c~0d'), ['rules', '0', 'a/b', 'c~d']);
    assert.deepEqual(parsePointer(''), []);
  });
});
