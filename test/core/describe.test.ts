import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Translator, describeSegment, en, type Messages, type SegmentDocument } from '../../src/core/index.js';
import { sampleCatalog, sampleSegments } from '../../src/sample/index.js';
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

/** The sample segments' summaries, as the English describer wrote them before its words moved into the message table. */
const SAMPLE_SUMMARIES: [string, string][] = [
  [
    'high-value-escalated',
    'Customers with at least one Order where Total amount is greater than 500 and Order date is in the last 90 days; intersected with customers with any Service case where Escalated is true; except customers in the segment "Do not contact"',
  ],
  [
    'security-low-satisfaction',
    'Customers with any Subscription where Status is "Active" and with any Product where Category is "Security" and Product ID is not "P5567" and Satisfaction is at most "2 – Dissatisfied"',
  ],
  ['do-not-contact', 'Customers where Do not contact is true'],
  ['high-credit-except-dnc', 'Customers where Credit balance is greater than 1000; except customers in the segment "Do not contact"'],
  [
    'birthdays-next-30-days',
    'Customers where Birth date has its anniversary in the next 30 days and Email is not empty and Do not contact is false',
  ],
  ['lapsed-customers', 'Customers with at least two Orders and with no Order where Order date is in the last 180 days'],
  ['big-spenders', 'Customers whose total Total amount of Orders where Order date is in the last 12 months is greater than 2000'],
  ['web-active-30-days', 'Customers with any Online account with at least two Web sessions where Started at is in the last 30 days'],
  [
    'at-risk-customers',
    'Customers where Satisfaction is at most "2 – Dissatisfied" or with at least two Service cases where Opened on is in the last 90 days; intersected with customers with any Order where Order date is in the last 1 year; except customers in the segment "Do not contact"',
  ],
  [
    'new-customers-welcome',
    'Customers where Customer since is in the last 3 months and with no Order and not (Email is empty or Do not contact is true or Email opt-in is false)',
  ],
  ['vip-snapshot', 'Customers where Loyalty tier is "Platinum"'],
];

describe('describeSegment: the message table', () => {
  it('writes the sample segments exactly as before', () => {
    assert.deepEqual(
      sampleSegments.map((s) => [s.id, describeSegment(s, sampleCatalog, { segments: sampleSegments })]),
      SAMPLE_SUMMARIES,
    );
  });

  it('takes every word from the translator: a language can reorder the fragments and plural forms', () => {
    const plural = (n: number | undefined, one: string, many: string) => (n === 1 ? one : many);
    const de: Partial<Messages> = {
      'describe.audience': ({ first }) => (first ? 'Kunden' : 'Kunden'),
      'describe.clause': ({ audience, body }) => `${audience} ${body}`,
      'describe.set.intersect': ({ clause }) => `geschnitten mit ${clause}`,
      'describe.set.except': ({ clause }) => `ohne ${clause}`,
      'describe.rule.segment': ({ name }) => `im Segment „${name}“`,
      'describe.related.atLeast': ({ count, entity, where }) =>
        `mit mindestens ${String(count)} ${plural(count, entity === 'Order' ? 'Bestellung' : entity, entity === 'Order' ? 'Bestellungen' : entity)}${where}`,
      'describe.related.any': ({ entity, where }) => `mit einem ${entity === 'Case' ? 'Fall' : entity}${where}`,
      'describe.related.where': ({ condition }) => `, bei der ${condition}`,
      'describe.group.and': ({ parts }) => parts.join(' und '),
      'describe.condition': ({ attribute, comparison }) => `${attribute} ${comparison}`,
      'describe.op.greaterThan': ({ value }) => `größer als ${value} ist`,
      'describe.op.inLast': (p) => ('missing' in p ? '…' : `in den letzten ${p.amount} ${p.unit === 'day' ? 'Tagen' : p.unit} liegt`),
      'describe.op.isTrue': 'wahr ist',
      'describe.value.number': ({ value }, f) => f.number(value),
    };
    const text = describeSegment(spec, catalog, {
      translator: new Translator(de, 'de'),
      segments: [{ schemaVersion: 1, id: 'do-not-contact', displayName: 'Nicht kontaktieren', audience: 'Customer', rules: [] }],
    });
    assert.equal(
      text,
      'Kunden mit mindestens 1 Bestellung, bei der Total amount größer als 500 ist und Order date in den letzten 90 Tagen liegt; ' +
        'geschnitten mit Kunden mit einem Fall, bei der Escalated wahr ist; ohne Kunden im Segment „Nicht kontaktieren“',
    );
  });

  it('falls back to English for keys a translation leaves out, and the English table is the default', () => {
    const partial = new Translator({ 'describe.op.isEmpty': 'ist leer' }, 'de');
    const doc = one({ kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'isEmpty' });
    assert.equal(describeSegment(doc, catalog, { translator: partial }), 'Customers where City ist leer');
    assert.equal(describeSegment(doc, catalog, { translator: new Translator() }), describeSegment(doc, catalog));
    assert.ok(Object.keys(en).filter((k) => k.startsWith('describe.')).length > 50);
  });
});
