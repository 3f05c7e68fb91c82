import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addNode, createCondition, updateCondition, type SegmentDocument } from '../../src/core/index.js';
import { buildRows } from '../../src/core/editor/outline.js';
import { testCatalog as catalog } from './helpers/catalog.js';

const doc: SegmentDocument = {
  schemaVersion: 1,
  name: 'Rows',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: {
        kind: 'group',
        id: 'g1',
        combinator: 'and',
        children: [
          { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Paris' },
          {
            kind: 'group',
            id: 'g2',
            combinator: 'or',
            children: [{ kind: 'condition', id: 'c2', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1 }],
          },
          {
            kind: 'related',
            id: 'x1',
            entity: 'Order',
            match: { quantifier: 'any' },
            where: { kind: 'condition', id: 'c3', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 5 },
          },
        ],
      },
    },
    { id: 'r2', setOperator: 'except', segment: 'other' },
  ],
};

describe('builder rows (DOM-free)', () => {
  it('flattens rules, groups, related blocks and add bars in reading order with depths and scopes', () => {
    const rows = buildRows(doc);
    assert.deepEqual(
      rows.map((r) => `${r.kind}:${r.key}:${r.depth}`),
      [
        'rule:r1:rule:0',
        'group:g1:1',
        'condition:c1:2',
        'group:g2:2',
        'condition:c2:3',
        'add:g2:add:3',
        'related:x1:2',
        'condition:c3:3',
        'add:x1:add:3',
        'add:g1:add:2',
        'set:r2:set:0',
        'rule:r2:rule:0',
        'segment-ref:r2:ref:1',
      ],
    );
    const c3 = rows.find((r) => r.key === 'c3')!;
    assert.equal('scope' in c3 && c3.scope, 'Order');
    assert.equal(new Set(rows.map((r) => r.key)).size, rows.length, 'keys are unique');
  });

  it('reuses the rows of subtrees an edit did not touch, and rebuilds the ones it did', () => {
    const before = buildRows(doc);
    const edited = updateCondition(doc, 'c3', { value: 50 });
    const after = buildRows(edited);
    const row = (rows: typeof before, key: string) => rows.find((r) => r.key === key)!;
    assert.equal(row(after, 'c2'), row(before, 'c2'), 'the untouched group g2 kept its row objects');
    assert.notEqual(row(after, 'c3'), row(before, 'c3'));
    assert.equal((row(after, 'c3') as { node: { value: unknown } }).node.value, 50);
    const grown = buildRows(addNode(doc, 'g2', createCondition(catalog, 'Customer', 'City')));
    assert.equal(grown.length, before.length + 1);
    assert.notEqual(row(grown, 'c2'), row(before, 'c2'), 'a subtree whose children changed is rebuilt');
  });
});
