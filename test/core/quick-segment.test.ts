/** Quick segments' document helpers: one condition, built with the edit operations, that the validator and the engine accept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createQuickSegment,
  identifierFrom,
  isConditionComplete,
  isIdentifier,
  quickCondition,
  updateCondition,
  validateSegment,
  withQuickAttribute,
  type ConditionNode,
} from '../../src/core/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';

describe('quick segment documents', () => {
  it('starts as one rule with one empty condition, active', () => {
    const doc = createQuickSegment(catalog);
    assert.equal(doc.rules.length, 1);
    assert.equal(doc.state, 'active');
    const c = quickCondition(doc);
    assert.equal(c?.attribute, '');
    assert.equal(c?.entity, 'Customer');
    assert.ok(c?.id, 'the condition has an id');
  });

  it('an audience attribute: the condition is the rule; a related one sits in "with at least 1 … where"', () => {
    const city = createQuickSegment(catalog, { entity: 'Customer', attribute: 'City' });
    assert.equal(city.rules[0]!.where!.kind, 'condition');
    const orders = withQuickAttribute(city, catalog, 'Order', 'TotalAmount');
    const where = orders.rules[0]!.where!;
    assert.equal(where.kind, 'related');
    assert.deepEqual(where.kind === 'related' && where.match, { quantifier: 'atLeast', count: 1 });
    assert.equal(quickCondition(orders)?.entity, 'Order');
    // And back to the audience: no related block left over.
    assert.equal(withQuickAttribute(orders, catalog, 'Customer', 'Country').rules[0]!.where!.kind, 'condition');
  });

  it('keeps the properties across an attribute change and never changes its input', () => {
    const doc = createQuickSegment(catalog, { entity: 'Customer', attribute: 'City' }, { name: 'Paris', displayName: 'Paris' });
    const frozen = JSON.stringify(doc);
    const next = withQuickAttribute(doc, catalog, 'Case', 'Escalated');
    assert.equal(next.name, 'Paris');
    assert.equal(next.displayName, 'Paris');
    assert.equal(JSON.stringify(doc), frozen);
  });

  it('a filled-in quick segment is valid', () => {
    let doc = createQuickSegment(catalog, { entity: 'Order', attribute: 'Channel' }, { name: 'WebBuyers' });
    doc = updateCondition(doc, quickCondition(doc)!.id!, { operator: 'in', value: ['Web', 'Store'] });
    assert.deepEqual(validateSegment(doc, catalog), { valid: true, errors: [] });
  });

  it('knows when a condition is complete', () => {
    const c = (operator: string, value?: unknown): ConditionNode =>
      ({ kind: 'condition', entity: 'Customer', attribute: 'City', operator, value }) as ConditionNode;
    assert.equal(isConditionComplete(undefined), false);
    assert.equal(isConditionComplete({ kind: 'condition', entity: 'Customer', attribute: '', operator: '' }), false);
    assert.equal(isConditionComplete(c('isEmpty')), true);
    assert.equal(isConditionComplete(c('equals', '')), false);
    assert.equal(isConditionComplete(c('equals', 'Paris')), true);
    assert.equal(isConditionComplete(c('in', [])), false);
    assert.equal(isConditionComplete(c('in', ['a'])), true);
    assert.equal(isConditionComplete(c('between', [1, null])), false);
    assert.equal(isConditionComplete(c('between', [0, 10])), true);
    assert.equal(isConditionComplete(c('inLast', { amount: 3, unit: 'day' })), true);
  });

  it('makes identifiers from display names', () => {
    assert.equal(identifierFrom('High value, escalated'), 'HighValueEscalated');
    assert.equal(identifierFrom('Clients à Besançon'), 'ClientsABesancon');
    assert.equal(identifierFrom('2026 spring sale'), '_2026SpringSale');
    assert.equal(identifierFrom('  '), '');
    assert.equal(identifierFrom('<img src=x onerror=alert(1)>'), 'ImgSrcXOnerrorAlert1');
    for (const text of ['High value, escalated', '2026 spring sale', 'ÅÄÖ', 'a_b-c'])
      assert.equal(isIdentifier(identifierFrom(text)) || identifierFrom(text) === '', true, text);
  });
});
