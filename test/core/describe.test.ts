import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { describeSegment, type SegmentDocument } from '../../src/core/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';

/** SPEC section 3's example, shared with the validation tests. */
const spec = (JSON.parse(readFileSync(new URL('../fixtures/spec-example.json', import.meta.url), 'utf8')) as { document: SegmentDocument })
  .document;

const one = (where: NonNullable<SegmentDocument['rules'][number]['where']>): SegmentDocument => ({
  schemaVersion: 1,
  audience: 'Customer',
  rules: [{ where }],
});

describe('describeSegment', () => {
  it("reads SPEC's example as plain English", () => {
    assert.equal(
      describeSegment(spec, catalog, {
        segments: [{ schemaVersion: 1, id: 'do-not-contact', displayName: 'Do not contact', audience: 'Customer', rules: [] }],
      }),
      'Customers with at least one Order where Total amount is greater than 500 and Order date is in the last 90 days; ' +
        'intersected with customers with any Case where Escalated is true; except customers in the segment "Do not contact"',
    );
  });

  it('names a referenced segment by its id when it is not known', () => {
    assert.match(describeSegment(spec, catalog), /except customers in the segment "do-not-contact"$/);
  });

  it('describes operators, lists, ranges, enumerations, nesting and NOT', () => {
    const text = describeSegment(
      one({
        kind: 'group',
        combinator: 'or',
        children: [
          { kind: 'condition', entity: 'Customer', attribute: 'Country', operator: 'in', value: ['US', 'DE'] },
          {
            kind: 'group',
            combinator: 'and',
            not: true,
            children: [
              { kind: 'condition', entity: 'Customer', attribute: 'CreditBalance', operator: 'between', value: [10, 20] },
              {
                kind: 'condition',
                entity: 'Customer',
                attribute: 'BirthDate',
                operator: 'isAnniversaryInNext',
                value: { amount: 1, unit: 'week' },
              },
            ],
          },
          { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'isEmpty' },
        ],
      }),
      catalog,
    );
    assert.equal(
      text,
      'Customers where Country is one of "United States", "DE" or not (Credit balance is between 10 and 20 and Birth date has its anniversary in the next 1 week) or City is empty',
    );
  });

  it('describes quantifiers, aggregates, multi-hop blocks and rules joined by union', () => {
    const doc: SegmentDocument = {
      schemaVersion: 1,
      audience: 'Customer',
      rules: [
        { where: { kind: 'related', entity: 'Order', match: { quantifier: 'none' } } },
        {
          setOperator: 'union',
          where: {
            kind: 'related',
            entity: 'Order',
            match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 2000 },
          },
        },
        {
          setOperator: 'union',
          where: {
            kind: 'related',
            entity: 'OnlineAccount',
            match: { quantifier: 'atLeast', count: 2 },
            where: { kind: 'related', entity: 'WebSession', match: { quantifier: 'any' } },
          },
        },
      ],
    };
    assert.equal(
      describeSegment(doc, catalog),
      'Customers with no Order; plus customers whose total Total amount of Orders is greater than 2000; plus customers with at least two Online accounts with any Web session',
    );
  });

  it('stops after maxLength characters, even for thousands of conditions', () => {
    const children = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'condition' as const,
      entity: 'Customer',
      attribute: 'CreditBalance',
      operator: 'greaterThan' as const,
      value: i,
    }));
    const text = describeSegment(one({ kind: 'group', combinator: 'or', children }), catalog, { maxLength: 200 });
    assert.ok(text.length <= 200, String(text.length));
    assert.match(text, /^Customers where Credit balance is greater than 0 or Credit balance is greater than 1 or .*…$/);
    assert.equal(describeSegment(spec, catalog, { maxLength: 10_000 }), describeSegment(spec, catalog));
  });

  it('says so when a segment has no rules or a condition is still to choose', () => {
    assert.equal(describeSegment({ schemaVersion: 1, audience: 'Customer', rules: [] }, catalog), 'All customers: no rules yet');
    assert.equal(
      describeSegment(one({ kind: 'condition', entity: '', attribute: '', operator: '' }), catalog),
      'Customers where (a condition still to choose)',
    );
  });
});
