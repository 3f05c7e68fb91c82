import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  SegmentEditError,
  SegmentHistory,
  addNode,
  addRule,
  collectIds,
  createCondition,
  createEmptyCondition,
  createSegment,
  duplicateNode,
  duplicateRule,
  findNode,
  indentNode,
  moveNode,
  moveNodeBy,
  moveRule,
  outdentNode,
  parseSegment,
  removeNode,
  removeRule,
  setCombinator,
  setConditionAttribute,
  setProperties,
  setRelatedMatch,
  setRuleName,
  setRuleSegment,
  setSetOperator,
  toggleNot,
  unwrapGroup,
  updateCondition,
  validateSegment,
  walkNodes,
  wrapNodes,
  type ConditionNode,
  type GroupNode,
  type RelatedNode,
  type SegmentDocument,
} from '../../src/core/index.js';
import { conditionArb, deepFreeze, documentArb } from './helpers/arbitraries.js';
import { testCatalog as catalog } from './helpers/catalog.js';

const other: SegmentDocument = {
  schemaVersion: 1,
  id: 'other',
  name: 'Other',
  audience: 'Customer',
  rules: [{ id: 'r1', where: { kind: 'condition', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } }],
};

function base(): SegmentDocument {
  return deepFreeze({
    schemaVersion: 1,
    id: 'seg',
    name: 'Base',
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
            { kind: 'condition', id: 'c2', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 100 },
            {
              kind: 'related',
              id: 'x1',
              entity: 'Order',
              match: { quantifier: 'any' },
              where: { kind: 'condition', id: 'c3', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
            },
          ],
        },
      },
      {
        id: 'r2',
        setOperator: 'except',
        where: { kind: 'condition', id: 'c4', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' },
      },
    ],
  } satisfies SegmentDocument);
}

const root = (doc: SegmentDocument, i = 0) => doc.rules[i]!.where as GroupNode;
const valid = (doc: SegmentDocument) => validateSegment(doc, catalog, { segments: [other] });

describe('edit operations', () => {
  it('addNode appends to a group, inserts at an index, and gives the new node a fresh id', () => {
    const doc = base();
    const c = createCondition(catalog, 'Customer', 'Country');
    const out = addNode(doc, 'g1', c);
    const added = root(out).children[3]!;
    assert.equal(added.kind, 'condition');
    assert.ok(added.id && !collectIds(doc).has(added.id));
    const atStart = addNode(doc, 'g1', c, 0);
    assert.equal(root(atStart).children[0]!.kind, 'condition');
    assert.equal((root(atStart).children[0] as ConditionNode).attribute, 'Country');
    assert.equal(root(doc).children.length, 3, 'input untouched');
    // shares what did not change
    assert.equal(out.rules[1], doc.rules[1]);
  });

  it('addNode to a rule with a single node wraps both in an AND group with an id', () => {
    const out = addNode(base(), 'r2', createCondition(catalog, 'Customer', 'City'));
    const where = out.rules[1]!.where as GroupNode;
    assert.equal(where.kind, 'group');
    assert.equal(where.combinator, 'and');
    assert.ok(where.id);
    assert.deepEqual(
      where.children.map((c) => c.id),
      ['c4', where.children[1]!.id],
    );
  });

  it('addNode into a related block, and refuses a condition as parent', () => {
    const out = addNode(base(), 'x1', createCondition(catalog, 'Order', 'Channel'));
    const rel = root(out).children[2] as RelatedNode;
    assert.equal(rel.where!.kind, 'group');
    assert.throws(
      () => addNode(base(), 'c1', createEmptyCondition()),
      (e: unknown) => e instanceof SegmentEditError && e.code === 'invalid-target',
    );
    assert.throws(
      () => addNode(base(), 'nope', createEmptyCondition()),
      (e: unknown) => e instanceof SegmentEditError && e.code === 'not-found',
    );
  });

  it('removeNode removes a node; removing the last one leaves an empty rule reported by validation', () => {
    const out = removeNode(base(), 'c2');
    assert.deepEqual(
      root(out).children.map((c) => c.id),
      ['c1', 'x1'],
    );
    const empty = removeNode(base(), 'c4');
    assert.equal(empty.rules[1]!.where, undefined);
    assert.deepEqual(
      valid(empty).errors.map((e) => [e.code, e.path]),
      [['empty-rule', '/rules/1']],
    );
  });

  it('duplicateNode inserts a deep copy with fresh ids right after it', () => {
    const out = duplicateNode(base(), 'x1');
    const [orig, copy] = root(out).children.slice(2) as RelatedNode[];
    assert.equal(orig!.id, 'x1');
    assert.notEqual(copy!.id, 'x1');
    assert.notEqual(copy!.where!.id, 'c3');
    assert.deepEqual({ ...copy!.where, id: 'c3' }, orig!.where);
    assert.equal(valid(out).valid, true);
  });

  it('moveNode moves within a group and across groups, keeping ids, and refuses cycles', () => {
    const within = moveNode(base(), 'c1', 'g1', 1);
    assert.deepEqual(
      root(within).children.map((c) => c.id),
      ['c2', 'c1', 'x1'],
    );
    const across = moveNode(base(), 'c4', 'g1', 0);
    assert.equal(root(across).children[0]!.id, 'c4');
    assert.equal(across.rules[1]!.where, undefined);
    const wrapped = wrapNodes(base(), ['c1', 'c2']);
    const gid = root(wrapped).children[0]!.id!;
    assert.throws(() => moveNode(wrapped, gid, gid), SegmentEditError);
    assert.throws(
      () => moveNode(wrapped, 'g1', gid),
      (e: unknown) => e instanceof SegmentEditError && /own children/.test(e.message),
    );
  });

  it('moveNodeBy, indentNode and outdentNode reorder by keyboard', () => {
    const down = moveNodeBy(base(), 'c1', 1);
    assert.deepEqual(
      root(down).children.map((c) => c.id),
      ['c2', 'c1', 'x1'],
    );
    assert.throws(() => moveNodeBy(base(), 'c1', -1), SegmentEditError);
    const indented = indentNode(base(), 'c2');
    const group = root(indented).children[0] as GroupNode;
    assert.equal(group.kind, 'group');
    assert.deepEqual(
      group.children.map((c) => c.id),
      ['c1', 'c2'],
    );
    const intoGroup = indentNode(addNode(indented, 'g1', createCondition(catalog, 'Customer', 'City'), 1), 'x1');
    assert.equal((root(intoGroup).children[1] as GroupNode).children.at(-1)!.id, 'x1', 'indent moves into the group before');
    const out = outdentNode(indented, 'c2');
    assert.deepEqual(
      root(out).children.map((c) => c.id),
      [group.id, 'c2', 'x1'],
    );
    assert.throws(() => outdentNode(base(), 'c1'), /top of its rule/);
  });

  it('updateCondition carries values across operator shapes or resets them', () => {
    const toList = updateCondition(base(), 'c1', { operator: 'in' });
    assert.deepEqual((root(toList).children[0] as ConditionNode).value, ['Paris']);
    const toEmpty = updateCondition(base(), 'c1', { operator: 'isEmpty' });
    assert.equal('value' in root(toEmpty).children[0]!, false);
    const toBetween = updateCondition(base(), 'c2', { operator: 'between' });
    assert.deepEqual((root(toBetween).children[1] as ConditionNode).value, [100, null]);
    assert.equal(valid(toBetween).errors[0]!.code, 'missing-value');
    const explicit = updateCondition(base(), 'c2', { operator: 'between', value: [1, 5] });
    assert.equal(valid(explicit).valid, true);
    assert.throws(() => updateCondition(base(), 'g1', { value: 1 }), SegmentEditError);
  });

  it('setConditionAttribute keeps compatible operator and value, resets others, and makes a related block when needed', () => {
    const sameType = setConditionAttribute(base(), 'c2', catalog, 'Customer', 'CreditBalance');
    assert.deepEqual(root(sameType).children[1], root(base()).children[1]);
    const toDate = setConditionAttribute(base(), 'c1', catalog, 'Customer', 'BirthDate');
    const c = root(toDate).children[0] as ConditionNode;
    assert.equal(c.operator, 'on');
    assert.equal(c.value, undefined);
    const toOrder = setConditionAttribute(base(), 'c1', catalog, 'Order', 'TotalAmount');
    const rel = root(toOrder).children[0] as RelatedNode;
    assert.equal(rel.kind, 'related');
    assert.equal(rel.entity, 'Order');
    assert.deepEqual(rel.match, { quantifier: 'atLeast', count: 1 });
    assert.equal((rel.where as ConditionNode).id, 'c1');
    const twoHop = setConditionAttribute(base(), 'c3', catalog, 'Order', 'Channel');
    assert.equal(((root(twoHop).children[2] as RelatedNode).where as ConditionNode).attribute, 'Channel');
    assert.throws(
      () => setConditionAttribute(base(), 'c1', catalog, 'Customer', 'Nope'),
      (e: unknown) => e instanceof SegmentEditError && e.code === 'invalid-argument',
    );
  });

  it('wrapNodes, unwrapGroup, toggleNot, setCombinator, setRelatedMatch', () => {
    const wrapped = wrapNodes(base(), ['c2', 'c1'], 'or');
    const g = root(wrapped).children[0] as GroupNode;
    assert.equal(g.combinator, 'or');
    assert.deepEqual(
      g.children.map((c) => c.id),
      ['c1', 'c2'],
    );
    assert.throws(() => wrapNodes(base(), ['c1', 'c3']), /side by side/);
    assert.deepEqual(unwrapGroup(wrapped, g.id!).rules, base().rules);
    const notted = toggleNot(base(), 'g1');
    assert.equal(root(notted).not, true);
    assert.equal('not' in root(toggleNot(notted, 'g1')), false);
    assert.equal(root(setCombinator(base(), 'g1', 'or')).combinator, 'or');
    assert.throws(() => setCombinator(base(), 'c1', 'or'), SegmentEditError);
    const agg = setRelatedMatch(base(), 'x1', { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 2000 });
    assert.deepEqual((root(agg).children[2] as RelatedNode).match, {
      aggregate: 'sum',
      attribute: 'TotalAmount',
      operator: 'greaterThan',
      value: 2000,
    });
    assert.equal(valid(agg).valid, true);
  });

  it('rules: add, remove, duplicate, reorder, set operator, segment reference, name', () => {
    const added = addRule(base());
    assert.equal(added.rules.length, 3);
    assert.equal(added.rules[2]!.setOperator, 'union');
    assert.ok(added.rules[2]!.id);
    const moved = moveRule(base(), 'r2', 0);
    assert.equal(moved.rules[0]!.id, 'r2');
    assert.equal(moved.rules[0]!.setOperator, undefined, 'the first rule loses its set operator');
    assert.equal(moved.rules[1]!.setOperator, 'union', 'the old first rule gets one');
    const removed = removeRule(base(), 'r1');
    assert.equal(removed.rules[0]!.setOperator, undefined);
    const dup = duplicateRule(base(), 'r1');
    assert.equal(dup.rules[1]!.setOperator, 'union');
    assert.notEqual(root(dup, 1).id, 'g1');
    assert.equal(valid(dup).valid, true);
    assert.equal(setSetOperator(base(), 'r2', 'intersect').rules[1]!.setOperator, 'intersect');
    assert.throws(() => setSetOperator(base(), 'r1', 'union'), /first rule/);
    const ref = setRuleSegment(base(), 'r2', 'other');
    assert.deepEqual(ref.rules[1], { id: 'r2', setOperator: 'except', segment: 'other' });
    assert.equal(valid(ref).valid, true);
    assert.equal(setRuleName(base(), 'r1', 'Big spenders').rules[0]!.name, 'Big spenders');
    assert.equal('name' in setRuleName(setRuleName(base(), 'r1', 'x'), 'r1', '').rules[0]!, false);
    assert.throws(
      () => removeRule(base(), 'zz'),
      (e: unknown) => e instanceof SegmentEditError && e.code === 'not-found',
    );
  });

  it('setProperties and createSegment', () => {
    const doc = setProperties(base(), { name: 'New', displayName: 'New one', description: 'd', type: 'static', tags: ['a'] });
    assert.equal(doc.name, 'New');
    assert.equal(doc.type, 'static');
    assert.deepEqual(doc.tags, ['a']);
    assert.equal('description' in setProperties(doc, { description: undefined }), false);
    const fresh = createSegment('Customer', { name: 'Fresh' });
    assert.deepEqual(
      valid(fresh).errors.map((e) => e.code),
      ['no-rules'],
    );
    assert.throws(() => setProperties(base(), { type: 'weird' as 'static' }), SegmentEditError);
  });

  it('findNode reports the scope of a node', () => {
    assert.equal(findNode(base(), 'c3')!.scope, 'Order');
    assert.equal(findNode(base(), 'c1')!.scope, 'Customer');
    assert.equal(findNode(base(), 'nope'), undefined);
  });
});

// ---------------------------------------------------------------- properties

type Op = { name: string; apply: (doc: SegmentDocument) => SegmentDocument; mayLeave: string[] };

function nodeIds(doc: SegmentDocument, kind?: string): string[] {
  return doc.rules.flatMap((r) => [...walkNodes(r.where)].filter((n) => !kind || n.kind === kind).map((n) => n.id!));
}

/** A random edit, aimed at a random target of the document, with the validation codes it may leave. */
function opArb(doc: SegmentDocument): fc.Arbitrary<Op> {
  const nodes = nodeIds(doc);
  const groups = nodeIds(doc, 'group');
  const conditions = nodeIds(doc, 'condition');
  const related = nodeIds(doc, 'related');
  const rules = doc.rules.map((r) => r.id!);
  const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
  const ops: fc.Arbitrary<Op>[] = [fc.constant({ name: 'addRule', apply: (d: SegmentDocument) => addRule(d), mayLeave: ['empty-rule'] })];
  if (rules.length)
    ops.push(
      pick(rules).map((id) => ({ name: `removeRule ${id}`, apply: (d) => removeRule(d, id), mayLeave: ['no-rules'] })),
      pick(rules).map((id) => ({ name: `duplicateRule ${id}`, apply: (d) => duplicateRule(d, id), mayLeave: [] })),
      fc
        .tuple(pick(rules), fc.nat(doc.rules.length - 1))
        .map(([id, to]) => ({ name: `moveRule ${id} ${to}`, apply: (d) => moveRule(d, id, to), mayLeave: [] })),
      pick(rules).map((id) => ({ name: `setRuleSegment ${id}`, apply: (d) => setRuleSegment(d, id, 'other'), mayLeave: [] })),
      pick(rules).map((id) => ({ name: `setRuleName ${id}`, apply: (d) => setRuleName(d, id, 'Named'), mayLeave: [] })),
      fc.tuple(pick(rules), pick(['union', 'intersect', 'except'] as const)).map(([id, op]) => ({
        name: `setSetOperator ${id}`,
        apply: (d) => setSetOperator(d, id, op),
        mayLeave: [],
      })),
      fc.constant({
        name: 'setProperties',
        apply: (d: SegmentDocument) => setProperties(d, { displayName: 'X', type: 'static', tags: ['t'] }),
        mayLeave: [],
      }),
    );
  if (nodes.length) {
    ops.push(
      pick(nodes).map((id) => ({ name: `removeNode ${id}`, apply: (d) => removeNode(d, id), mayLeave: ['empty-group', 'empty-rule'] })),
      pick(nodes).map((id) => ({ name: `duplicateNode ${id}`, apply: (d) => duplicateNode(d, id), mayLeave: [] })),
      pick(nodes).map((id) => ({ name: `wrapNodes ${id}`, apply: (d) => wrapNodes(d, [id], 'or'), mayLeave: [] })),
      fc
        .tuple(pick(nodes), pick([-1, 1] as const))
        .map(([id, by]) => ({ name: `moveNodeBy ${id} ${by}`, apply: (d) => moveNodeBy(d, id, by), mayLeave: [] })),
      pick(nodes).map((id) => ({ name: `indentNode ${id}`, apply: (d) => indentNode(d, id), mayLeave: [] })),
      pick(nodes).map((id) => ({ name: `outdentNode ${id}`, apply: (d) => outdentNode(d, id), mayLeave: ['empty-group'] })),
    );
  }
  if (groups.length) {
    ops.push(
      pick(groups).map((id) => ({ name: `toggleNot ${id}`, apply: (d) => toggleNot(d, id), mayLeave: [] })),
      fc
        .tuple(pick(groups), pick(['and', 'or'] as const))
        .map(([id, c]) => ({ name: `setCombinator ${id}`, apply: (d) => setCombinator(d, id, c), mayLeave: [] })),
      fc.tuple(pick(groups), fc.nat(3)).chain(([id, index]) =>
        conditionArb(catalog, findNode(doc, id)!.scope).map((c) => ({
          name: `addNode ${id}`,
          apply: (d: SegmentDocument) => addNode(d, id, c, index),
          mayLeave: [],
        })),
      ),
      fc.tuple(pick(nodes), pick(groups), fc.nat(3)).map(([id, target, index]) => ({
        name: `moveNode ${id} → ${target}`,
        apply: (d: SegmentDocument) => {
          if (findNode(d, id)!.scope !== findNode(d, target)!.scope)
            throw new SegmentEditError('invalid-target', 'different scope (test skips)');
          return moveNode(d, id, target, index);
        },
        mayLeave: ['empty-group', 'empty-rule'],
      })),
    );
  }
  if (conditions.length) {
    ops.push(
      pick(conditions).chain((id) =>
        conditionArb(catalog, findNode(doc, id)!.scope).map((c) => ({
          name: `updateCondition ${id}`,
          apply: (d: SegmentDocument) => updateCondition(d, id, { operator: c.operator }),
          mayLeave: ['missing-value', 'operator-not-allowed', 'missing-field'],
        })),
      ),
      pick(conditions).chain((id) =>
        conditionArb(catalog, findNode(doc, id)!.scope).map((c) => ({
          name: `setConditionAttribute ${id} ${c.attribute}`,
          apply: (d: SegmentDocument) => setConditionAttribute(d, id, catalog, c.entity, c.attribute),
          mayLeave: ['missing-value'],
        })),
      ),
    );
  }
  if (conditions.length) {
    ops.push(
      fc
        .tuple(
          pick(conditions),
          fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant([1, null]), fc.constant({ amount: -1, unit: 'eon' })),
        )
        .map(([id, value]) => ({
          name: `raw value ${id}`,
          apply: (d: SegmentDocument) => updateCondition(d, id, { value: value }),
          mayLeave: ['missing-value', 'invalid-value', 'invalid-option', 'value-type', 'invalid-date', 'value-not-allowed', 'not-json'],
        })),
    );
  }
  if (related.length) {
    ops.push(
      pick(related).map((id) => ({
        name: `setRelatedMatch ${id}`,
        apply: (d: SegmentDocument) => setRelatedMatch(d, id, { aggregate: 'count', operator: 'greaterThan', value: 1 }),
        mayLeave: [],
      })),
    );
  }
  return fc.oneof(...ops);
}

/** The states a random sequence of edits goes through (edits that fail their documented way are skipped). */
function* editSequence(start: SegmentDocument, seeds: number[]): Generator<{ doc: SegmentDocument; name: string }> {
  let doc = start;
  for (const s of seeds) {
    const op = fc.sample(opArb(doc), { seed: s, numRuns: 1 })[0]!;
    try {
      doc = op.apply(doc);
    } catch {
      continue;
    }
    yield { doc, name: op.name };
  }
}

/** Errors as comparable keys, from the editor's fast path and from the full check. */
const errorKey = (e: { path: string; code: string; nodeId?: string }) => `${e.code}@${e.path}#${e.nodeId ?? ''}`;
const fastKeys = (d: SegmentDocument) =>
  validateSegment(d, catalog, { segments: [other], assumeParsed: true })
    .errors.map(errorKey)
    .sort();
const fullKeys = (d: SegmentDocument) => valid(d).errors.map(errorKey).sort();

describe('edit operations: properties', () => {
  it('every edit of a valid document gives a valid document or fails in the documented way, and never mutates its input', () => {
    fc.assert(
      fc.property(
        documentArb(catalog).chain((doc) => fc.tuple(fc.constant(doc), opArb(doc))),
        ([doc, op]) => {
          assert.equal(valid(doc).valid, true, JSON.stringify(valid(doc).errors));
          const before = JSON.stringify(doc);
          deepFreeze(doc);
          let out: SegmentDocument;
          try {
            out = op.apply(doc);
          } catch (e) {
            assert.ok(e instanceof SegmentEditError, `${op.name} threw ${String(e)}`);
            assert.ok(['not-found', 'invalid-target', 'invalid-argument'].includes(e.code));
            return;
          }
          assert.equal(JSON.stringify(doc), before, `${op.name} mutated its input`);
          const parsed = parseSegment(out);
          assert.equal(parsed.errors.filter((e) => e.code === 'duplicate-id').length, 0, `${op.name} duplicated an id`);
          for (const r of out.rules) for (const n of walkNodes(r.where)) assert.ok(n.id, `${op.name} left a node without id`);
          const errors = valid(out).errors.filter((e) => !op.mayLeave.includes(e.code));
          assert.deepEqual(errors, [], `${op.name} left ${JSON.stringify(errors)}`);
          // The editor's fast path (no re-parse) finds exactly what the full check finds.
          const key = (e: { path: string; code: string }) => `${e.code}@${e.path}`;
          const fast = validateSegment(out, catalog, { segments: [other], assumeParsed: true })
            .errors.map(key)
            .sort();
          assert.deepEqual(fast, valid(out).errors.map(key).sort(), `${op.name}: assumeParsed disagrees`);
        },
      ),
      { seed: 2026, numRuns: 600 },
    );
  });

  it("the fast path reports a reused subtree's errors at its new path, and checks a moved condition against its new scope", () => {
    // c1 gets a wrong value (an error inside g1's first child); checked once on the fast path.
    let doc = updateCondition(base(), 'c1', { value: 42 });
    assert.deepEqual(fastKeys(doc), fullKeys(doc));
    assert.ok(
      fastKeys(doc).some((k) => k.includes('/rules/0/where/children/0/value')),
      'the error is found',
    );
    // Moving c1 last: the same object, its error now at children/2.
    doc = moveNode(doc, 'c1', 'g1', 2);
    assert.deepEqual(fastKeys(doc), fullKeys(doc));
    assert.ok(
      fastKeys(doc).some((k) => k.includes('/rules/0/where/children/2/value')),
      'the error moved with the condition',
    );
    // Moving an Order condition out of its related block into the audience's group: the
    // same object, now out of scope.
    doc = moveNode(doc, 'c3', 'g1', 0);
    assert.deepEqual(fastKeys(doc), fullKeys(doc));
    assert.ok(
      fullKeys(doc).some((k) => k.includes('/rules/0/where/children/0/')),
      'the moved Order condition is an error in the audience scope',
    );
    // And back into the block: fine again.
    doc = moveNode(doc, 'c3', 'x1', 0);
    assert.deepEqual(fastKeys(doc), fullKeys(doc));
    // A host that builds documents by spreading may put the very same subtree under another
    // entity: its errors depend on the scope, so they are not reused.
    const block = root(doc).children.find((c) => c.kind === 'related')!;
    const moved: SegmentDocument = {
      ...doc,
      rules: [{ ...doc.rules[0]!, where: { ...root(doc), children: [{ ...block, entity: 'Case' }] } }, doc.rules[1]!],
    };
    assert.deepEqual(fastKeys(moved), fullKeys(moved));
    assert.ok(
      fullKeys(moved).some((k) => k.startsWith('entity-out-of-scope@/rules/0/where/children/0/where/')),
      'the Order condition under a Case block is an error',
    );
  });

  it("the editor's fast path, reusing unchanged subtrees' errors across a sequence of edits, finds what the full check finds", () => {
    fc.assert(
      fc.property(documentArb(catalog), fc.array(fc.nat(1000), { minLength: 2, maxLength: 16 }), (start, seeds) => {
        // As in the builder: every state is checked on the fast path, so each later check
        // reuses the subtrees an edit left alone, errors included, at their new paths.
        for (const { doc, name } of editSequence(start, seeds)) assert.deepEqual(fastKeys(doc), fullKeys(doc), `after ${name}`);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('undo after any random edit sequence gives back exactly the earlier document, and redo the later one', () => {
    fc.assert(
      fc.property(documentArb(catalog), fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), fc.nat(12), (start, seeds, back) => {
        const history = new SegmentHistory(start);
        const states = [start];
        for (const { doc } of editSequence(start, seeds)) {
          history.push(doc);
          states.push(doc);
        }
        const steps = Math.min(back, states.length - 1);
        const snapshots = states.map((s) => JSON.stringify(s));
        for (let i = 0; i < steps; i++) history.undo();
        assert.equal(JSON.stringify(history.present), snapshots[states.length - 1 - steps]);
        for (let i = 0; i < steps; i++) history.redo();
        assert.equal(JSON.stringify(history.present), snapshots[states.length - 1]);
        while (history.canUndo) history.undo();
        assert.equal(history.present, start);
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});
