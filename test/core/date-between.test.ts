/**
 * Issue 8, bug 5: a date `between` whose two ends fall on the same UTC day, written with
 * times in reverse order, is a one-day range (SPEC section 4 compares calendar days). It
 * must validate at the top level, inside a related block and in an aggregate, on the
 * full check and on the editor's fast path, and the engine must select exactly that day.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateSegment } from '../../src/core/validate/validate.js';
import { evaluateSegment } from '../../src/core/evaluate/index.js';
import { parseSegment } from '../../src/core/validate/parse.js';
import type { Catalog, SegmentDocument, SegmentNode } from '../../src/core/model/types.js';

const catalog = JSON.parse(readFileSync(new URL('../fixtures/catalog.json', import.meta.url), 'utf8')) as Catalog;
const SAME_DAY_REVERSED = ['2026-12-19T23:59:59.999Z', '2026-12-19'];

const doc = (where: SegmentNode): SegmentDocument => ({
  schemaVersion: 1,
  id: 'seg',
  name: 'OneDay',
  audience: 'Customer',
  rules: [{ id: 'r1', where }],
});
const topLevel = doc({
  kind: 'condition',
  id: 'c1',
  entity: 'Customer',
  attribute: 'CreatedOn',
  operator: 'between',
  value: SAME_DAY_REVERSED,
});
const inRelated = doc({
  kind: 'related',
  id: 'x1',
  entity: 'Order',
  match: { quantifier: 'any' },
  where: { kind: 'condition', id: 'c1', entity: 'Order', attribute: 'OrderDate', operator: 'between', value: SAME_DAY_REVERSED },
});
const inAggregate = doc({
  kind: 'related',
  id: 'x1',
  entity: 'Order',
  match: { aggregate: 'max', attribute: 'OrderDate', operator: 'between', value: SAME_DAY_REVERSED },
});

const cases = { 'at the top level': topLevel, 'inside a related block': inRelated, 'in an aggregate': inAggregate };

describe('date between on one UTC day, times reversed', () => {
  for (const [where, segment] of Object.entries(cases)) {
    it(`is valid ${where}, on the full check and on the fast path`, () => {
      assert.deepEqual(validateSegment(segment, catalog).errors, []);
      assert.deepEqual(validateSegment(parseSegment(segment).segment, catalog, { assumeParsed: true }).errors, []);
    });
  }

  it('is still refused when low is on a later UTC day than high, with the times in order', () => {
    const later = doc({
      kind: 'condition',
      id: 'c1',
      entity: 'Customer',
      attribute: 'CreatedOn',
      operator: 'between',
      value: ['2026-12-20T00:00:00Z', '2026-12-19T23:59:59.999Z'],
    });
    assert.deepEqual(
      validateSegment(later, catalog).errors.map((e) => `${e.code} @ ${e.path}`),
      ['invalid-value @ /rules/0/where/value'],
    );
  });

  it('selects exactly the customers and orders of that day in the engine', () => {
    const at = (iso: string, id: string) => ({ id, iso });
    const stamps = [
      at('2026-12-18T23:59:59.999Z', 'before'),
      at('2026-12-19T00:00:00.000Z', 'start'),
      at('2026-12-19T12:00:00.000Z', 'noon'),
      at('2026-12-19T23:59:59.999Z', 'end'),
      at('2026-12-20T00:00:00.000Z', 'after'),
    ];
    const data = {
      Customer: stamps.map((s) => ({ CustomerId: s.id, CreatedOn: s.iso })),
      Order: stamps.map((s, i) => ({ OrderId: `o${i}`, CustomerId: s.id, OrderDate: s.iso })),
    };
    const dataset = { catalog, data };
    const expected = ['start', 'noon', 'end'];
    for (const segment of Object.values(cases)) assert.deepEqual(evaluateSegment(segment, dataset).members, expected);
  });
});
