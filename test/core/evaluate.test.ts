/**
 * The in-memory engine against SPEC section 5: one pinned case per statement on a
 * hand-made dataset (expected member keys written out), then fixed-seed property tests
 * (set algebra, negation, per-rule counts, and agreement with a naive row-by-row oracle).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  EvaluationError,
  evaluateSegment,
  explainMember,
  prepareDataset,
  type Dataset,
  type EvaluateOptions,
} from '../../src/core/evaluate/index.js';
import { MAX_DICTIONARY, monthDayOfDay, parseDateText, tableOf } from '../../src/core/evaluate/columns.js';
import { indexCatalog } from '../../src/core/model/catalog.js';
import { DAY_MS, addUnits, nextAnniversaryDay, parseIsoDate, utcDay } from '../../src/core/model/dates.js';
import type { Catalog, SegmentDocument, SegmentNode, SegmentRule } from '../../src/core/model/types.js';
import { ALL, NOW, dataset } from './fixtures/semantics-dataset.js';

// ------------------------------------------------------------------ helpers

type Node = SegmentNode;
const c = (attribute: string, operator: string, value?: unknown, entity = 'Customer'): Node =>
  ({ kind: 'condition', entity, attribute, operator, ...(value !== undefined ? { value } : {}) }) as Node;
const and = (...children: Node[]): Node => ({ kind: 'group', combinator: 'and', children });
const or = (...children: Node[]): Node => ({ kind: 'group', combinator: 'or', children });
const not = (...children: Node[]): Node => ({ kind: 'group', combinator: 'and', not: true, children });
const rel = (entity: string, match: Record<string, unknown>, where?: Node): Node =>
  ({ kind: 'related', entity, match, ...(where ? { where } : {}) }) as Node;
const doc = (rules: SegmentRule[], extra: Partial<SegmentDocument> = {}): SegmentDocument => ({
  schemaVersion: 1,
  audience: 'Customer',
  rules,
  ...extra,
});
const where = (node: Node) => doc([{ where: node }]);

function members(node: Node, opts: EvaluateOptions = {}, ds: Dataset = dataset): string[] {
  return evaluateSegment(where(node), ds, { now: NOW, ...opts }).members;
}
function expectMembers(node: Node, expected: string[], opts: EvaluateOptions = {}): void {
  assert.deepEqual(members(node, opts), expected);
}
const D = (s: string) => ({ amount: Number(s.split(' ')[0]), unit: s.split(' ')[1] });

// ------------------------------------------------------------------ pinned cases

describe('strings', () => {
  it('compare case-insensitively (equals, in, notEquals)', () => {
    expectMembers(c('Name', 'equals', 'ALICE'), ['C1']);
    expectMembers(c('Name', 'equals', 'Bob'), ['C2']);
    expectMembers(c('City', 'equals', 'PARIS'), ['C1', 'C2']);
    expectMembers(c('City', 'in', ['paris', 'Lyon']), ['C1', 'C2', 'C5', 'C6']);
    expectMembers(c('Code', 'equals', 'A\\B'), ['C3']);
  });
  it('null is false for notEquals, notIn and notContains; an empty string is a value', () => {
    expectMembers(c('Name', 'notEquals', 'alice'), ['C2', 'C3', 'C5', 'C6']); // C4 null
    expectMembers(c('City', 'notIn', ['PARIS']), ['C3', 'C5', 'C6']); // C3 '' in, C4 missing out
    expectMembers(c('City', 'notContains', 'par'), ['C3', 'C5', 'C6']);
  });
  it('isEmpty is true for null, missing and empty string; isNotEmpty is its complement', () => {
    expectMembers(c('City', 'isEmpty'), ['C3', 'C4']);
    expectMembers(c('City', 'isNotEmpty'), ['C1', 'C2', 'C5', 'C6']);
    expectMembers(c('Name', 'isEmpty'), ['C4']);
  });
  it('contains / startsWith / endsWith: case-insensitive, % _ \\ taken literally', () => {
    expectMembers(c('Name', 'contains', 'A'), ['C1', 'C3', 'C5']);
    expectMembers(c('Code', 'contains', '%'), ['C1', 'C2', 'C5']);
    expectMembers(c('Code', 'contains', '_'), ['C1', 'C6']);
    expectMembers(c('Code', 'contains', '%_'), ['C1']);
    expectMembers(c('Code', 'contains', '\\'), ['C3']);
    expectMembers(c('Code', 'contains', 'A\\b'), ['C3']);
    expectMembers(c('Code', 'startsWith', '5'), ['C1', 'C2', 'C4']);
    expectMembers(c('Code', 'startsWith', '50%'), ['C1', 'C2']);
    expectMembers(c('Code', 'startsWith', '_'), []);
    expectMembers(c('Code', 'endsWith', '_Y'), ['C6']);
    expectMembers(c('Code', 'endsWith', '%'), ['C5']);
    expectMembers(c('Code', 'endsWith', '_off'), ['C1']);
  });
  it('an empty needle matches every non-null value; a number value is compared as text', () => {
    expectMembers(c('Name', 'startsWith', ''), ['C1', 'C2', 'C3', 'C5', 'C6']);
    expectMembers(c('Code', 'equals', 5000), ['C4']);
  });
});

describe('numbers', () => {
  it('comparisons are false on null; numeric strings are numbers, other strings null', () => {
    expectMembers(c('Age', 'greaterThan', 29), ['C1', 'C2', 'C5']);
    expectMembers(c('Age', 'greaterThanOrEqual', 30), ['C1', 'C2', 'C5']);
    expectMembers(c('Age', 'lessThan', 100), ['C1', 'C2', 'C4', 'C5']);
    expectMembers(c('Age', 'lessThanOrEqual', 30), ['C1', 'C4']);
    expectMembers(c('Age', 'equals', 42), ['C2']);
    expectMembers(c('Age', 'notEquals', 30), ['C2', 'C4', 'C5']);
  });
  it('between / notBetween are inclusive; notBetween excludes null', () => {
    expectMembers(c('Age', 'between', [18, 30]), ['C1', 'C4']);
    expectMembers(c('Age', 'notBetween', [18, 30]), ['C2', 'C5']);
    expectMembers(c('Age', 'between', [30, 18]), []);
  });
  it('in / notIn; isEmpty / isNotEmpty', () => {
    expectMembers(c('Age', 'in', [18, 65]), ['C4', 'C5']);
    expectMembers(c('Age', 'notIn', [18, 65]), ['C1', 'C2']);
    expectMembers(c('Age', 'isEmpty'), ['C3', 'C6']);
    expectMembers(c('Age', 'isNotEmpty'), ['C1', 'C2', 'C4', 'C5']);
  });
});

describe('booleans', () => {
  it('isTrue / isFalse on real booleans only; the string "true" is null', () => {
    expectMembers(c('Vip', 'isTrue'), ['C1', 'C5']);
    expectMembers(c('Vip', 'isFalse'), ['C2', 'C6']);
    expectMembers(c('Vip', 'isEmpty'), ['C3', 'C4']);
    expectMembers(c('Vip', 'isNotEmpty'), ['C1', 'C2', 'C5', 'C6']);
  });
});

describe('dates', () => {
  it('inLast includes both ends: exactly now - 1 month (clamped 31 Feb -> 29 Feb) and exactly now', () => {
    // Window [2024-02-29T12:00Z, 2024-03-31T12:00Z]: C1 on the lower bound, C4 at now,
    // C2 one second early, C3 and C6 in the future, C5 null.
    expectMembers(c('LastSeen', 'inLast', D('1 month')), ['C1', 'C4']);
  });
  it('notInLast is a non-null value outside the window (past or future)', () => {
    expectMembers(c('LastSeen', 'notInLast', D('1 month')), ['C2', 'C3', 'C6']);
  });
  it('inNext: now <= value <= now + n (1 ms after now is in, the past is out)', () => {
    expectMembers(c('LastSeen', 'inNext', D('1 week')), ['C3', 'C4', 'C6']);
    expectMembers(c('LastSeen', 'inNext', D('4 day')), ['C4', 'C6']); // 04-05T00:00 > 04-04T12:00
    expectMembers(c('LastSeen', 'inLast', D('0 day')), ['C4']);
  });
  it('month ends: inLast 1 month from 2024-03-31 starts on 2024-02-29', () => {
    expectMembers(c('SignupDate', 'inLast', D('1 month')), ['C1', 'C2'], { now: '2024-03-31' });
    // from 2024-03-31T12:00 the window starts at 2024-02-29T12:00 (C1 on the bound, C2 a second out)
    assert.equal(addUnits(Date.parse(NOW), -1, 'month'), Date.parse('2024-02-29T12:00:00Z'));
    // inNext 1 month from 31 January ends on 29 February (end included; without clamping C1 would be in)
    expectMembers(c('LastSeen', 'inNext', D('1 month')), ['C2'], { now: '2024-01-31T11:59:59Z' });
    expectMembers(c('LastSeen', 'inNext', D('1 month')), ['C1', 'C2'], { now: '2024-01-31T12:00:00Z' });
  });
  it('on / before / after / between compare UTC calendar days', () => {
    expectMembers(c('SignupDate', 'on', '2024-03-31'), ['C1', 'C6']);
    expectMembers(c('SignupDate', 'before', '2024-03-31'), ['C2', 'C3', 'C5']);
    expectMembers(c('SignupDate', 'after', '2024-03-30'), ['C1', 'C6']);
    expectMembers(c('SignupDate', 'between', ['2024-01-15', '2024-03-30']), ['C2', 'C5']);
    // a value with an offset names the UTC day of its instant: 2024-03-30T20:00Z
    expectMembers(c('SignupDate', 'on', '2024-03-31T05:00:00+09:00'), ['C2']);
  });
  it('a value that does not parse is null', () => {
    expectMembers(c('SignupDate', 'isEmpty'), ['C4']);
    expectMembers(c('SignupDate', 'isNotEmpty'), ['C1', 'C2', 'C3', 'C5', 'C6']);
    expectMembers(c('SignupDate', 'before', '2100-01-01'), ['C1', 'C2', 'C3', 'C5', 'C6']);
  });
  it('isAnniversaryInNext: today included, across the year end', () => {
    // 2024-12-28 .. 2025-01-04: C3 (28 Dec, today), C4 (31 Dec), C1 (3 Jan)
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('7 day')), ['C1', 'C3', 'C4'], { now: '2024-12-28T10:00:00Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('0 day')), ['C3'], { now: '2024-12-28T23:59:59Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('1 week')), ['C1', 'C3', 'C4'], { now: '2024-12-28' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('1 year')), ['C1', 'C2', 'C3', 'C4', 'C5'], { now: '2024-12-28' });
  });
  it('isAnniversaryInNext: 29 February counts as 28 February in common years', () => {
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('1 day')), ['C2'], { now: '2025-02-27T08:00:00Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('1 day')), [], { now: '2024-02-27T08:00:00Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('2 day')), ['C2'], { now: '2024-02-27T08:00:00Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('0 day')), ['C2'], { now: '2025-02-28T08:00:00Z' });
    expectMembers(c('Birthday', 'isAnniversaryInNext', D('0 day')), [], { now: '2024-02-28T08:00:00Z' });
  });
});

describe('groups', () => {
  it('and / or', () => {
    expectMembers(and(c('City', 'equals', 'paris'), c('Vip', 'isTrue')), ['C1']);
    expectMembers(or(c('Vip', 'isTrue'), c('Age', 'greaterThan', 40)), ['C1', 'C2', 'C5']);
  });
  it('not negates the two-valued result (null rows included)', () => {
    expectMembers(not(c('City', 'equals', 'paris')), ['C3', 'C4', 'C5', 'C6']);
    expectMembers(not(c('Vip', 'isTrue'), c('Age', 'greaterThan', 40)), ['C1', 'C2', 'C3', 'C4', 'C6']);
    expectMembers(not(or(c('Vip', 'isTrue'), c('Age', 'greaterThan', 40))), ['C3', 'C4', 'C6']);
    expectMembers({ kind: 'group', combinator: 'or', not: true, children: [c('Vip', 'isTrue'), c('City', 'isEmpty')] }, ['C2', 'C6']);
  });
});

describe('related rows', () => {
  it('quantifiers any / none, with and without where (conditions use the related row)', () => {
    expectMembers(rel('Order', { quantifier: 'any' }), ['C1', 'C2', 'C3', 'C5']);
    expectMembers(rel('Order', { quantifier: 'none' }), ['C4', 'C6']);
    expectMembers(rel('Order', { quantifier: 'any' }, c('Status', 'equals', 'paid', 'Order')), ['C1', 'C2', 'C3', 'C5']);
    expectMembers(rel('Order', { quantifier: 'none' }, c('Status', 'equals', 'paid', 'Order')), ['C4', 'C6']);
    expectMembers(rel('Order', { quantifier: 'any' }, c('Status', 'equals', 'refunded', 'Order')), ['C1']);
  });
  it('atLeast / atMost / exactly; zero rows count as 0', () => {
    expectMembers(rel('Order', { quantifier: 'atLeast', count: 2 }, c('Status', 'equals', 'paid', 'Order')), ['C1']);
    expectMembers(rel('Order', { quantifier: 'atMost', count: 1 }, c('Status', 'equals', 'paid', 'Order')), ['C2', 'C3', 'C4', 'C5', 'C6']);
    expectMembers(rel('Order', { quantifier: 'exactly', count: 0 }), ['C4', 'C6']);
    expectMembers(rel('Order', { quantifier: 'exactly', count: 2 }), ['C3']);
    expectMembers(rel('Order', { quantifier: 'atLeast', count: 0 }), ALL);
  });
  it('aggregates: count over zero rows is 0; sum/avg/min/max skip nulls and are null over no value', () => {
    expectMembers(rel('Order', { aggregate: 'count', operator: 'equals', value: 0 }), ['C4', 'C6']);
    expectMembers(rel('Order', { aggregate: 'count', operator: 'equals', value: 1 }, c('Status', 'equals', 'paid', 'Order')), [
      'C2',
      'C3',
      'C5',
    ]);
    // C3 has only null totals and C4/C6 no orders: their sum is null, so even "> -1" is false
    expectMembers(rel('Order', { aggregate: 'sum', attribute: 'Total', operator: 'greaterThan', value: -1 }), ['C1', 'C2']);
    expectMembers(rel('Order', { aggregate: 'sum', attribute: 'Total', operator: 'lessThan', value: 1e9 }), ['C1', 'C2', 'C5']);
    // avg skips the null: (100 + 250) / 2
    expectMembers(rel('Order', { aggregate: 'avg', attribute: 'Total', operator: 'equals', value: 175 }), ['C1']);
    expectMembers(rel('Order', { aggregate: 'min', attribute: 'Total', operator: 'lessThan', value: 0 }), ['C5']);
    expectMembers(rel('Order', { aggregate: 'max', attribute: 'Total', operator: 'greaterThan', value: 500 }), ['C2']);
    expectMembers(
      rel('Order', { aggregate: 'sum', attribute: 'Total', operator: 'greaterThan', value: 300 }, c('Status', 'equals', 'paid', 'Order')),
      ['C1', 'C2'],
    );
  });
  it('min / max over dates', () => {
    expectMembers(rel('Order', { aggregate: 'max', attribute: 'OrderDate', operator: 'after', value: '2024-03-15' }), ['C1']);
    expectMembers(rel('Order', { aggregate: 'min', attribute: 'OrderDate', operator: 'before', value: '2024-01-01' }), ['C2']);
    expectMembers(rel('Order', { aggregate: 'max', attribute: 'OrderDate', operator: 'inLast', value: D('30 day') }), ['C1', 'C3']);
    expectMembers(rel('Order', { aggregate: 'min', attribute: 'OrderDate', operator: 'on', value: '2024-03-10' }), ['C3']);
  });
  it('multi-hop: Customer <- OnlineAccount <- WebSession', () => {
    expectMembers(rel('WebSession', { quantifier: 'any' }), ['C1', 'C2']);
    expectMembers(rel('WebSession', { quantifier: 'none' }), ['C3', 'C4', 'C5', 'C6']);
    expectMembers(rel('WebSession', { quantifier: 'any' }, c('Pages', 'greaterThan', 5, 'WebSession')), ['C1', 'C2']);
    expectMembers(rel('WebSession', { aggregate: 'sum', attribute: 'Pages', operator: 'greaterThan', value: 12 }), ['C1']);
    expectMembers(rel('WebSession', { aggregate: 'count', operator: 'equals', value: 2 }), ['C1', 'C2']);
    expectMembers(rel('WebSession', { quantifier: 'any' }, c('StartedAt', 'inLast', D('2 day'), 'WebSession')), ['C1', 'C2']);
    expectMembers(rel('WebSession', { quantifier: 'atLeast', count: 2 }, c('StartedAt', 'inLast', D('3 day'), 'WebSession')), ['C2']);
  });
  it('nested related blocks take the enclosing entity as scope', () => {
    expectMembers(rel('OnlineAccount', { quantifier: 'atLeast', count: 2 }, rel('WebSession', { quantifier: 'any' })), ['C1']);
    expectMembers(rel('OnlineAccount', { quantifier: 'any' }, rel('WebSession', { quantifier: 'none' })), ['C5']);
    expectMembers(
      rel(
        'OnlineAccount',
        { quantifier: 'any' },
        and(
          c('Handle', 'startsWith', 'AL', 'OnlineAccount'),
          rel('WebSession', { aggregate: 'max', attribute: 'Pages', operator: 'greaterThan', value: 5 }),
        ),
      ),
      ['C1'],
    );
  });
  it('orders whose customer is not in the dataset are never linked', () => {
    expectMembers(rel('Order', { aggregate: 'max', attribute: 'Total', operator: 'greaterThanOrEqual', value: 1000 }), []);
  });
});

describe('rules and set operators', () => {
  const A: SegmentRule = { where: c('City', 'equals', 'paris') }; // C1 C2
  const B: SegmentRule = { where: c('Vip', 'isTrue') }; // C1 C5
  const C: SegmentRule = { where: c('Age', 'greaterThan', 40) }; // C2 C5
  const run = (rules: SegmentRule[], opts: EvaluateOptions = {}) => evaluateSegment(doc(rules), dataset, { now: NOW, ...opts });

  it('apply left to right: union then except differs from except then union', () => {
    const r1 = run([A, { ...B, setOperator: 'union' }, { ...C, setOperator: 'except' }]);
    assert.deepEqual(r1.members, ['C1']);
    assert.deepEqual(r1.rules, [
      { count: 2, cumulative: 2 },
      { count: 2, cumulative: 3 },
      { count: 2, cumulative: 1 },
    ]);
    const r2 = run([A, { ...C, setOperator: 'except' }, { ...B, setOperator: 'union' }]);
    assert.deepEqual(r2.members, ['C1', 'C5']);
    assert.deepEqual(
      r2.rules.map((r) => r.cumulative),
      [2, 1, 2],
    );
    assert.equal(r2.total, 2);
  });
  it('intersect; a later rule without setOperator is a union', () => {
    assert.deepEqual(run([A, { ...B, setOperator: 'intersect' }]).members, ['C1']);
    assert.deepEqual(run([A, B]).members, ['C1', 'C2', 'C5']);
  });
  it('members come in dataset row order; no rules, no members', () => {
    assert.deepEqual(run([C, B]).members, ['C1', 'C2', 'C5']);
    assert.deepEqual(run([]), { members: [], total: 0, rules: [] });
  });
});

describe('segment references', () => {
  const vip = doc([{ where: c('Vip', 'isTrue') }], { id: 'vip', type: 'dynamic' }); // C1 C5
  const frozen = doc([{ where: c('Vip', 'isTrue') }], { id: 'frozen', type: 'static', snapshot: ['C6', 'C2', 'C99'] });
  const viaVip = doc([{ segment: 'vip' }, { segment: 'frozen' }], { id: 'via-vip' });
  const segments = [vip, frozen, viaVip];
  const run = (rules: SegmentRule[], extra: Partial<SegmentDocument> = {}) =>
    evaluateSegment(doc(rules, extra), dataset, { now: NOW, segments });

  it('a dynamic segment is evaluated now; a static one is its snapshot (unknown keys dropped)', () => {
    assert.deepEqual(run([{ segment: 'vip' }]).members, ['C1', 'C5']);
    assert.deepEqual(run([{ segment: 'frozen' }]).members, ['C2', 'C6']);
    assert.deepEqual(run([{ where: c('Name', 'isNotEmpty') }, { setOperator: 'except', segment: 'vip' }]).members, ['C2', 'C3', 'C6']);
    assert.deepEqual(run([{ segment: 'via-vip' }, { setOperator: 'intersect', where: c('Age', 'greaterThan', 40) }]).members, ['C2', 'C5']);
  });
  it('the top-level document is evaluated from its rules even when static', () => {
    assert.deepEqual(evaluateSegment(frozen, dataset, { now: NOW }).members, ['C1', 'C5']);
  });
  it('the sources may be a map, a record or a function', () => {
    for (const source of [new Map([['vip', vip]]), { vip }, (id: string) => (id === 'vip' ? vip : undefined)]) {
      assert.deepEqual(evaluateSegment(doc([{ segment: 'vip' }]), dataset, { segments: source }).members, ['C1', 'C5']);
    }
  });
  it('unknown ids and cycles are errors', () => {
    assert.throws(
      () => run([{ segment: 'nope' }]),
      (e: unknown) => e instanceof EvaluationError && e.code === 'unknown-segment' && e.path === '/rules/0/segment',
    );
    const a = doc([{ segment: 'b' }], { id: 'a' });
    const b = doc([{ where: c('Vip', 'isTrue') }, { segment: 'a' }], { id: 'b' });
    assert.throws(
      () => evaluateSegment(doc([{ segment: 'a' }]), dataset, { segments: [a, b] }),
      (e: unknown) => e instanceof EvaluationError && e.code === 'segment-cycle' && /a → b → a/.test(e.message),
    );
    // a document that reaches itself
    assert.throws(
      () => evaluateSegment(doc([{ segment: 'b' }], { id: 'a' }), dataset, { segments: [b] }),
      (e: unknown) => e instanceof EvaluationError && e.code === 'segment-cycle',
    );
    // a static segment is not followed, so no cycle through its snapshot
    const s = doc([{ segment: 'top' }], { id: 's', type: 'static', snapshot: ['C3'] });
    assert.deepEqual(evaluateSegment(doc([{ segment: 's' }], { id: 'top' }), dataset, { segments: [s] }).members, ['C3']);
  });
});

describe('errors', () => {
  const code = (fn: () => unknown, expected: string, path?: string) =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof EvaluationError, String(e));
      assert.equal(e.code, expected);
      if (path !== undefined) assert.equal(e.path, path);
      return true;
    });
  it('a document that cannot be read', () => {
    code(() => evaluateSegment(42 as unknown as SegmentDocument, dataset), 'invalid-segment', '');
    code(() => evaluateSegment({ schemaVersion: 2 } as unknown as SegmentDocument, dataset), 'invalid-segment', '/schemaVersion');
  });
  it('unknown entities, attributes and operators; values of the wrong type', () => {
    code(() => members(c('Nope', 'equals', 'x')), 'invalid-segment', '/rules/0/where/attribute');
    code(() => members(c('Name', 'greaterThan', 3)), 'invalid-segment', '/rules/0/where/operator');
    code(() => members(c('Name', 'bogus', 3)), 'invalid-segment', '/rules/0/where/operator');
    code(() => members(c('Name', '', 3)), 'invalid-segment', '/rules/0/where/operator');
    code(() => members(c('Age', 'equals', 'old')), 'invalid-segment', '/rules/0/where/value');
    code(() => members(c('SignupDate', 'on', 'yesterday')), 'invalid-segment', '/rules/0/where/value');
    code(() => members(c('SignupDate', 'inLast', { amount: 1, unit: 'fortnight' })), 'invalid-segment', '/rules/0/where/value/unit');
    code(() => members(rel('Nope', { quantifier: 'any' })), 'invalid-segment', '/rules/0/where/entity');
    code(() => members(c('Total', 'equals', 1, 'Order')), 'invalid-segment', '/rules/0/where/entity');
    code(() => members(rel('Order', { quantifier: 'any' }, c('Name', 'equals', 'x'))), 'invalid-segment', '/rules/0/where/where/entity');
    code(
      () => members(rel('Order', { aggregate: 'sum', attribute: 'Status', operator: 'equals', value: 1 })),
      'invalid-segment',
      '/rules/0/where/match/aggregate',
    );
    code(() => members(rel('Order', { quantifier: 'atLeast' })), 'invalid-segment', '/rules/0/where/match/count');
    code(() => members(and()), 'invalid-segment', '/rules/0/where/children');
    code(() => evaluateSegment(doc([{}]), dataset), 'invalid-segment', '/rules/0');
  });
  it('an audience that is not in the catalog; bad options; bad dataset', () => {
    code(() => evaluateSegment(doc([], { audience: 'Martian' }), dataset), 'unknown-entity');
    code(() => evaluateSegment(doc([]), dataset, { now: 'soon' }), 'invalid-option');
    code(() => evaluateSegment(doc([]), { catalog: dataset.catalog, data: { Customer: 5 } } as unknown as Dataset), 'invalid-dataset');
  });
  it('a missing entity has no rows', () => {
    const ds: Dataset = { catalog: dataset.catalog, data: { Customer: dataset.data.Customer! } };
    assert.deepEqual(members(rel('Order', { quantifier: 'none' }), {}, ds), ALL);
  });
});

describe('explainMember', () => {
  const seg = doc([
    {
      id: 'r1',
      where: and(
        c('City', 'equals', 'paris'),
        rel(
          'Order',
          { aggregate: 'sum', attribute: 'Total', operator: 'greaterThan', value: 300 },
          or(c('Status', 'equals', 'paid', 'Order'), c('Total', 'isEmpty', undefined, 'Order')),
        ),
      ),
    },
    { id: 'r2', setOperator: 'except', where: c('Vip', 'isFalse') },
  ]);
  it('gives every rule and node, parent before children, with JSON pointers', () => {
    const e = explainMember(seg, dataset, 'C1', { now: NOW });
    assert.equal(e.found, true);
    assert.equal(e.member, true);
    assert.deepEqual(
      e.rules.map((r) => [r.id, r.matched, r.cumulative]),
      [
        ['r1', true, true],
        ['r2', false, true],
      ],
    );
    const nodes = e.rules[0]!.nodes;
    assert.deepEqual(
      nodes.map((n) => [n.path, n.kind, n.result]),
      [
        ['/rules/0/where', 'group', true],
        ['/rules/0/where/children/0', 'condition', true],
        ['/rules/0/where/children/1', 'related', true],
        ['/rules/0/where/children/1/where', 'group', true],
        ['/rules/0/where/children/1/where/children/0', 'condition', true],
        ['/rules/0/where/children/1/where/children/1', 'condition', true],
      ],
    );
    assert.equal(nodes[2]!.matchedRows, 3);
    assert.equal(nodes[2]!.linkedRows, 3);
    assert.equal(nodes[2]!.aggregateValue, 350);
    assert.deepEqual([nodes[4]!.scopeRows, nodes[4]!.trueRows], [3, 2]);
    assert.ok(
      nodes.every((n) => typeof n.id === 'string'),
      'parseSegment assigned ids',
    );
  });
  it('explains a non-member and an unknown key', () => {
    const e = explainMember(seg, dataset, 'C2', { now: NOW });
    assert.equal(e.member, false);
    assert.deepEqual(
      e.rules.map((r) => [r.matched, r.cumulative]),
      [
        [true, true],
        [true, false],
      ],
    );
    const none = explainMember(seg, dataset, 'C42', { now: NOW });
    assert.equal(none.found, false);
    assert.equal(none.member, false);
  });
  it('gives null for an aggregate over no value', () => {
    const e = explainMember(
      where(rel('Order', { aggregate: 'sum', attribute: 'Total', operator: 'greaterThan', value: -1 })),
      dataset,
      'C3',
      { now: NOW },
    );
    assert.equal(e.rules[0]!.nodes[0]!.aggregateValue, null);
    assert.equal(e.rules[0]!.nodes[0]!.result, false);
  });
});

describe('row values of other JS types (documented coercions)', () => {
  const cat: Catalog = {
    audience: 'P',
    entities: [
      {
        name: 'P',
        key: 'Id',
        attributes: [
          { name: 'Id', type: 'number' },
          { name: 'N', type: 'number' },
          { name: 'S', type: 'string' },
          { name: 'D', type: 'date' },
          { name: 'B', type: 'boolean' },
        ],
      },
      {
        name: 'Q',
        key: 'Id',
        attributes: [
          { name: 'Id', type: 'string' },
          { name: 'PId', type: 'string' },
        ],
      },
    ],
    relationships: [{ name: 'QP', from: 'Q', fromAttribute: 'PId', to: 'P', toAttribute: 'Id' }],
  };
  const ds: Dataset = {
    catalog: cat,
    data: {
      P: [
        { Id: 1, N: ' 12 ', S: 5000, D: new Date('2024-03-31T10:00:00Z'), B: 1 },
        { Id: 2, N: '0x10', S: true, D: Date.parse('2024-03-30T10:00:00Z'), B: 'false' },
        { Id: 3, N: true, S: { a: 1 }, D: '2024-03-31T01:00:00+02:00', B: false },
        { Id: 4, N: 10n, S: ['x'], D: '31/03/2024', B: true },
      ],
      Q: [
        { Id: 'q1', PId: '1' },
        { Id: 'q2', PId: 2 },
        { Id: 'q3', PId: 'x' },
      ],
    },
  };
  const m = (node: Node) => evaluateSegment({ schemaVersion: 1, audience: 'P', rules: [{ where: node }] }, ds, { now: NOW }).members;
  const p = (attribute: string, operator: string, value?: unknown) => c(attribute, operator, value, 'P');
  it('numbers: numeric strings and bigints are numbers; hex, booleans are null', () => {
    assert.deepEqual(m(p('N', 'greaterThan', 11)), ['1']);
    assert.deepEqual(m(p('N', 'isEmpty')), ['2', '3']);
    assert.deepEqual(m(p('N', 'equals', 10)), ['4']);
    assert.deepEqual(m(p('N', 'equals', '10')), ['4']); // a numeric string value is read as a number too
  });
  it('strings: numbers and booleans as text, objects and arrays null', () => {
    assert.deepEqual(m(p('S', 'equals', '5000')), ['1']);
    assert.deepEqual(m(p('S', 'equals', 'TRUE')), ['2']);
    assert.deepEqual(m(p('S', 'isEmpty')), ['3', '4']);
  });
  it('dates: Date objects, epoch ms and ISO strings with offsets; other text is null', () => {
    assert.deepEqual(m(p('D', 'on', '2024-03-31')), ['1']);
    assert.deepEqual(m(p('D', 'on', '2024-03-30')), ['2', '3']); // 01:00+02:00 on the 31st is 23:00Z on the 30th
    assert.deepEqual(m(p('D', 'before', '2024-03-31')), ['2', '3']);
    assert.deepEqual(m(p('D', 'isEmpty')), ['4']);
  });
  it('booleans: only true and false', () => {
    assert.deepEqual(m(p('B', 'isTrue')), ['4']);
    assert.deepEqual(m(p('B', 'isFalse')), ['3']);
    assert.deepEqual(m(p('B', 'isEmpty')), ['1', '2']);
  });
  it('join keys: 2 and "2" join', () => {
    assert.deepEqual(m(rel('Q', { quantifier: 'any' })), ['1', '2']);
  });
});

describe('caching', () => {
  it('a new rows array (or a changed length) is read again', () => {
    const rows = dataset.data.Customer!.map((r) => ({ ...r }));
    const ds: Dataset = { catalog: dataset.catalog, data: { ...dataset.data, Customer: rows } };
    assert.deepEqual(members(c('Vip', 'isTrue'), {}, ds), ['C1', 'C5']);
    rows.push({ CustomerId: 'C7', Vip: true });
    assert.deepEqual(members(c('Vip', 'isTrue'), {}, ds), ['C1', 'C5', 'C7']);
    const ds2: Dataset = { ...ds, data: { ...ds.data, Customer: rows.map((r) => ({ ...r, Vip: false })) } };
    assert.deepEqual(members(c('Vip', 'isTrue'), {}, ds2), []);
  });
  it('does not modify the document or the rows', () => {
    const d = doc([{ where: and(c('Vip', 'isTrue')) }]);
    const before = JSON.stringify(d);
    const rowsBefore = JSON.stringify(dataset.data);
    evaluateSegment(d, dataset);
    assert.equal(JSON.stringify(d), before);
    assert.equal(JSON.stringify(dataset.data), rowsBefore);
  });
});

// ------------------------------------------------------------------ date helpers

describe('date helpers', () => {
  it('parseDateText agrees with parseIsoDate', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const arb = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(0, 1, 2, 3),
      )
      .map(([y, mo, d, h, mi, s, ms, form]) => {
        const day = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
        if (form === 0) return day;
        const time = `${day}T${two(h)}:${two(mi)}:${two(s)}`;
        if (form === 1) return time + 'Z';
        if (form === 2) return `${time}.${String(ms).padStart(3, '0')}Z`;
        return `${time}+01:00`;
      });
    fc.assert(
      fc.property(arb, (s) => {
        const expected = parseIsoDate(s);
        const got = parseDateText(s);
        if (expected === undefined) assert.ok(Number.isNaN(got), s);
        else assert.equal(got, expected, s);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
  it('monthDayOfDay agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (day) => {
        const d = new Date(day * DAY_MS);
        assert.equal(monthDayOfDay(day), (d.getUTCMonth() + 1) * 32 + d.getUTCDate());
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

// ------------------------------------------------------------------ oracle

/**
 * A naive evaluator written straight from SPEC section 5, row objects and all, with the
 * engine's documented coercions. The property tests compare the engine with it.
 */
function oracle(
  segment: SegmentDocument,
  ds: Dataset,
  nowValue: string,
  lookup: (id: string) => SegmentDocument | undefined = () => undefined,
): string[] {
  const now = Date.parse(nowValue);
  const cat = indexCatalog(ds.catalog);
  const rowsOf = (e: string) => (ds.data[e] ?? []) as Record<string, unknown>[];
  const key = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
  const num = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v)
      ? v
      : typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)
        ? Number(v)
        : null;
  const date = (v: unknown) => (typeof v === 'string' ? (parseIsoDate(v) ?? null) : null);
  const text = (v: unknown) =>
    typeof v === 'string' ? v.toLowerCase() : typeof v === 'number' || typeof v === 'boolean' ? String(v).toLowerCase() : null;
  const day = (v: unknown) => utcDay(parseIsoDate(String(v))!);

  const compareNumber = (x: number | null, op: string, value: unknown): boolean => {
    if (op === 'isEmpty') return x === null;
    if (op === 'isNotEmpty') return x !== null;
    if (x === null) return false;
    const v = value as number;
    const pair = value as [number, number];
    switch (op) {
      case 'equals':
        return x === v;
      case 'notEquals':
        return x !== v;
      case 'greaterThan':
        return x > v;
      case 'greaterThanOrEqual':
        return x >= v;
      case 'lessThan':
        return x < v;
      case 'lessThanOrEqual':
        return x <= v;
      case 'between':
        return x >= pair[0] && x <= pair[1];
      case 'notBetween':
        return !(x >= pair[0] && x <= pair[1]);
      case 'in':
        return (value as number[]).includes(x);
      case 'notIn':
        return !(value as number[]).includes(x);
    }
    throw new Error(op);
  };
  const compareDate = (t: number | null, op: string, value: unknown): boolean => {
    if (op === 'isEmpty') return t === null;
    if (op === 'isNotEmpty') return t !== null;
    if (t === null) return false;
    const rv = value as { amount: number; unit: 'day' | 'week' | 'month' | 'year' };
    switch (op) {
      case 'on':
        return utcDay(t) === day(value);
      case 'before':
        return utcDay(t) < day(value);
      case 'after':
        return utcDay(t) > day(value);
      case 'between':
        return utcDay(t) >= day((value as string[])[0]) && utcDay(t) <= day((value as string[])[1]);
      case 'inLast':
        return addUnits(now, -rv.amount, rv.unit) <= t && t <= now;
      case 'notInLast':
        return !(addUnits(now, -rv.amount, rv.unit) <= t && t <= now);
      case 'inNext':
        return now <= t && t <= addUnits(now, rv.amount, rv.unit);
      case 'isAnniversaryInNext':
        return nextAnniversaryDay(t, utcDay(now)) <= utcDay(addUnits(now, rv.amount, rv.unit));
    }
    throw new Error(op);
  };
  const condition = (n: Extract<Node, { kind: 'condition' }>, row: Record<string, unknown>): boolean => {
    const type = cat.attribute(n.entity, n.attribute)!.type;
    const raw = row[n.attribute];
    const op = n.operator;
    if (type === 'number') return compareNumber(num(raw), op, n.value);
    if (type === 'date') return compareDate(date(raw), op, n.value);
    if (type === 'boolean') {
      const b = typeof raw === 'boolean' ? raw : null;
      return op === 'isTrue' ? b === true : op === 'isFalse' ? b === false : op === 'isEmpty' ? b === null : b !== null;
    }
    const s = text(raw);
    if (op === 'isEmpty') return s === null || s === '';
    if (op === 'isNotEmpty') return s !== null && s !== '';
    if (s === null) return false;
    const v = text(n.value) ?? '';
    const list = Array.isArray(n.value) ? n.value.map((x) => text(x)) : [];
    switch (op) {
      case 'equals':
        return s === v;
      case 'notEquals':
        return s !== v;
      case 'contains':
        return s.includes(v);
      case 'notContains':
        return !s.includes(v);
      case 'startsWith':
        return s.startsWith(v);
      case 'endsWith':
        return s.endsWith(v);
      case 'in':
        return list.includes(s);
      case 'notIn':
        return !list.includes(s);
    }
    throw new Error(op);
  };
  const linked = (scope: string, row: Record<string, unknown>, entity: string): Record<string, unknown>[] => {
    let current = [row];
    for (const step of cat.path(scope, entity)!) {
      const next = new Set<Record<string, unknown>>();
      for (const r of current) {
        const k = key(r[step.fromAttribute]);
        if (k === undefined) continue;
        for (const t of rowsOf(step.to)) if (key(t[step.toAttribute]) === k) next.add(t);
      }
      current = [...next];
    }
    return current;
  };
  const node = (n: Node, row: Record<string, unknown>, scope: string): boolean => {
    if (n.kind === 'group') {
      const r = n.combinator === 'and' ? n.children.every((ch) => node(ch, row, scope)) : n.children.some((ch) => node(ch, row, scope));
      return n.not ? !r : r;
    }
    if (n.kind === 'condition') return condition(n, row);
    const rows = linked(scope, row, n.entity).filter((r) => !n.where || node(n.where, r, n.entity));
    const m = n.match as Record<string, unknown>;
    if (m.quantifier !== undefined) {
      const k = m.count as number;
      switch (m.quantifier) {
        case 'any':
          return rows.length > 0;
        case 'none':
          return rows.length === 0;
        case 'atLeast':
          return rows.length >= k;
        case 'atMost':
          return rows.length <= k;
        case 'exactly':
          return rows.length === k;
      }
    }
    const attr = m.attribute as string;
    if (m.aggregate === 'count') return compareNumber(rows.length, m.operator as string, m.value);
    const type = cat.attribute(n.entity, attr)!.type;
    const values = rows.map((r) => (type === 'date' ? date(r[attr]) : num(r[attr]))).filter((x): x is number => x !== null);
    let agg: number | null = null;
    if (values.length > 0) {
      if (m.aggregate === 'sum') agg = values.reduce((a, b) => a + b, 0);
      else if (m.aggregate === 'avg') agg = values.reduce((a, b) => a + b, 0) / values.length;
      else if (m.aggregate === 'min') agg = Math.min(...values);
      else agg = Math.max(...values);
    }
    return type === 'date' ? compareDate(agg, m.operator as string, m.value) : compareNumber(agg, m.operator as string, m.value);
  };
  const audience = rowsOf(ds.catalog.audience);
  const keyAttr = cat.entity(ds.catalog.audience)!.key;
  const setOf = (d: SegmentDocument): Set<string> => {
    let acc = new Set<string>();
    d.rules.forEach((rule, i) => {
      let own: Set<string>;
      if (rule.segment !== undefined) {
        const ref = lookup(rule.segment)!;
        own = ref.type === 'static' && ref.snapshot ? new Set(ref.snapshot) : setOf(ref);
      } else own = new Set(audience.filter((r) => node(rule.where!, r, ds.catalog.audience)).map((r) => String(r[keyAttr])));
      const op = i === 0 ? undefined : (rule.setOperator ?? 'union');
      if (op === undefined) acc = own;
      else if (op === 'union') acc = new Set([...acc, ...own]);
      else if (op === 'intersect') acc = new Set([...acc].filter((k) => own.has(k)));
      else acc = new Set([...acc].filter((k) => !own.has(k)));
    });
    return acc;
  };
  const result = setOf(segment);
  return audience.map((r) => String(r[keyAttr])).filter((k) => result.has(k));
}

// ------------------------------------------------------------------ random data and segments

/** A deterministic random dataset on the fixture's catalog, full of edge values. */
function randomDataset(seed: number, customers: number): Dataset {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(v: T): T | null | undefined => (rnd() < 0.1 ? null : rnd() < 0.05 ? undefined : v);
  const names = ['Alice', 'alice', 'ALICE', 'Bob', 'bob', '', '50%', 'a_b', 'x\\y', 'Zoë', 'paris', 'Lyon'];
  const dates = [
    '2024-03-31',
    '2024-03-31T12:00:00Z',
    '2024-02-29',
    '2024-02-29T12:00:00Z',
    '2024-02-28',
    '2023-12-31',
    '2024-01-03',
    '1992-02-29',
    '2025-01-01',
    '2024-04-01T00:00:00Z',
    'bad',
    '2024-03-30T23:59:59.999Z',
  ];
  const nums = [0, 1, -1, 2.5, 18, 30, 42, 100, '42', 'x', ''];
  const Customer = Array.from({ length: customers }, (_, i) => ({
    CustomerId: `C${i + 1}`,
    Name: maybe(pick(names)),
    City: maybe(pick(names)),
    Code: maybe(pick(names)),
    Age: maybe(pick(nums)),
    Vip: maybe(pick([true, false, 'true'])),
    LastSeen: maybe(pick(dates)),
    SignupDate: maybe(pick(dates)),
    Birthday: maybe(pick(dates)),
  }));
  const Order = Array.from({ length: customers * 3 }, (_, i) => ({
    OrderId: `O${i}`,
    CustomerId: `C${1 + Math.floor(rnd() * (customers + 2))}`,
    Total: maybe(pick(nums)),
    OrderDate: maybe(pick(dates)),
    Status: maybe(pick(['paid', 'PAID', 'refunded', ''])),
  }));
  const OnlineAccount = Array.from({ length: customers }, (_, i) => ({
    AccountId: `A${i}`,
    CustomerId: `C${1 + Math.floor(rnd() * customers)}`,
    Handle: pick(names),
  }));
  const WebSession = Array.from({ length: customers * 2 }, (_, i) => ({
    SessionId: `S${i}`,
    AccountId: `A${Math.floor(rnd() * customers)}`,
    Pages: maybe(pick(nums)),
    StartedAt: maybe(pick(dates)),
  }));
  return { catalog: dataset.catalog, data: { Customer, Order, OnlineAccount, WebSession } };
}

const strVal = fc.constantFrom('alice', 'PARIS', 'a', '%', '_', '\\', '50%', '', 'lyon', 'bob', 'a_b', 'zoë');
const numVal = fc.constantFrom(-1, 0, 1, 2.5, 18, 30, 42, 100);
const dateVal = fc.constantFrom('2024-03-31', '2024-02-29', '2024-01-03', '2023-12-31', '2024-03-30T22:00:00-05:00');
const relVal = fc.record({ amount: fc.integer({ min: 0, max: 3 }), unit: fc.constantFrom('day', 'week', 'month', 'year') });

const stringCond = (entity: string, attrs: string[]) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...attrs), fc.constantFrom('equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'), strVal)
      .map(([a, o, v]) => c(a, o, v, entity)),
    fc
      .tuple(fc.constantFrom(...attrs), fc.constantFrom('in', 'notIn'), fc.array(strVal, { minLength: 1, maxLength: 3 }))
      .map(([a, o, v]) => c(a, o, v, entity)),
    fc.tuple(fc.constantFrom(...attrs), fc.constantFrom('isEmpty', 'isNotEmpty')).map(([a, o]) => c(a, o, undefined, entity)),
  );
const numberCond = (entity: string, attr: string) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('equals', 'notEquals', 'greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual'), numVal)
      .map(([o, v]) => c(attr, o, v, entity)),
    fc.tuple(fc.constantFrom('between', 'notBetween'), numVal, numVal).map(([o, a, b]) => c(attr, o, [a, b], entity)),
    fc.tuple(fc.constantFrom('in', 'notIn'), fc.array(numVal, { minLength: 1, maxLength: 3 })).map(([o, v]) => c(attr, o, v, entity)),
    fc.constantFrom('isEmpty', 'isNotEmpty').map((o) => c(attr, o, undefined, entity)),
  );
const dateCond = (entity: string, attrs: string[]) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...attrs), fc.constantFrom('on', 'before', 'after'), dateVal).map(([a, o, v]) => c(a, o, v, entity)),
    fc.tuple(fc.constantFrom(...attrs), dateVal, dateVal).map(([a, x, y]) => c(a, 'between', [x, y], entity)),
    fc
      .tuple(fc.constantFrom(...attrs), fc.constantFrom('inLast', 'notInLast', 'inNext', 'isAnniversaryInNext'), relVal)
      .map(([a, o, v]) => c(a, o, v, entity)),
    fc.tuple(fc.constantFrom(...attrs), fc.constantFrom('isEmpty', 'isNotEmpty')).map(([a, o]) => c(a, o, undefined, entity)),
  );
const boolCond = fc.constantFrom('isTrue', 'isFalse', 'isEmpty', 'isNotEmpty').map((o) => c('Vip', o));

const customerLeaf: fc.Arbitrary<Node> = fc.oneof(
  stringCond('Customer', ['Name', 'City', 'Code']),
  numberCond('Customer', 'Age'),
  dateCond('Customer', ['LastSeen', 'SignupDate', 'Birthday']),
  boolCond,
);
const orderLeaf: fc.Arbitrary<Node> = fc.oneof(
  stringCond('Order', ['Status']),
  numberCond('Order', 'Total'),
  dateCond('Order', ['OrderDate']),
);
const sessionLeaf: fc.Arbitrary<Node> = fc.oneof(numberCond('WebSession', 'Pages'), dateCond('WebSession', ['StartedAt']));

const groupOf = (leaf: fc.Arbitrary<Node>, depth: number): fc.Arbitrary<Node> =>
  depth <= 0
    ? leaf
    : fc.oneof(
        { weight: 3, arbitrary: leaf },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('and', 'or'), fc.boolean(), fc.array(groupOf(leaf, depth - 1), { minLength: 1, maxLength: 3 }))
            .map(([combinator, neg, children]): Node => ({ kind: 'group', combinator, ...(neg ? { not: true } : {}), children })),
        },
      );
const quantifier = fc.oneof(
  fc.constantFrom({ quantifier: 'any' }, { quantifier: 'none' }),
  fc.tuple(fc.constantFrom('atLeast', 'atMost', 'exactly'), fc.integer({ min: 0, max: 3 })).map(([q, n]) => ({ quantifier: q, count: n })),
);
const numberMatch = (attr: string) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('sum', 'avg', 'min', 'max'), fc.constantFrom('greaterThan', 'lessThanOrEqual', 'equals', 'notEquals'), numVal)
      .map(([a, o, v]) => ({ aggregate: a, attribute: attr, operator: o, value: v })),
    fc
      .tuple(fc.constantFrom('greaterThan', 'equals', 'lessThan'), fc.integer({ min: 0, max: 3 }))
      .map(([o, v]) => ({ aggregate: 'count', operator: o, value: v })),
  );
const dateMatch = (attr: string) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('min', 'max'), fc.constantFrom('before', 'after', 'on'), dateVal)
      .map(([a, o, v]) => ({ aggregate: a, attribute: attr, operator: o, value: v })),
    fc
      .tuple(fc.constantFrom('min', 'max'), fc.constantFrom('inLast', 'notInLast', 'inNext'), relVal)
      .map(([a, o, v]) => ({ aggregate: a, attribute: attr, operator: o, value: v })),
  );
const relatedNode: fc.Arbitrary<Node> = fc.oneof(
  fc
    .tuple(fc.oneof(quantifier, numberMatch('Total'), dateMatch('OrderDate')), fc.option(groupOf(orderLeaf, 2), { nil: undefined }))
    .map(([m, w]) => rel('Order', m, w)),
  fc
    .tuple(fc.oneof(quantifier, numberMatch('Pages'), dateMatch('StartedAt')), fc.option(groupOf(sessionLeaf, 1), { nil: undefined }))
    .map(([m, w]) => rel('WebSession', m, w)),
  fc
    .tuple(quantifier, quantifier, fc.option(sessionLeaf, { nil: undefined }))
    .map(([m1, m2, w]) => rel('OnlineAccount', m1, rel('WebSession', m2, w))),
);
const anyNode: fc.Arbitrary<Node> = groupOf(fc.oneof({ weight: 3, arbitrary: customerLeaf }, { weight: 1, arbitrary: relatedNode }), 3);
const setOp = fc.constantFrom<'union' | 'intersect' | 'except' | undefined>('union', 'intersect', 'except', undefined);
const rulesArb = fc
  .array(fc.tuple(anyNode, setOp), { minLength: 1, maxLength: 4 })
  .map((rs) => rs.map(([w, op], i) => ({ where: w, ...(i > 0 && op ? { setOperator: op } : {}) })));
const nowArb = fc.constantFrom(NOW, '2024-12-28T10:00:00Z', '2025-02-27T00:00:00Z', '2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z');

const RUNS = { seed: Number(process.env.SEED ?? 42), numRuns: Number(process.env.RUNS ?? 200) };
const randomData = randomDataset(7, 60);
const sorted = (xs: string[]) => [...xs].sort();

describe('properties', () => {
  it('agrees with a naive row-by-row evaluator (hand-made and random data)', () => {
    fc.assert(
      fc.property(rulesArb, nowArb, fc.boolean(), (rules, now, useRandom) => {
        const ds = useRandom ? randomData : dataset;
        const d = doc(rules);
        assert.deepEqual(evaluateSegment(d, ds, { now }).members, oracle(d, ds, now), JSON.stringify(d));
      }),
      RUNS,
    );
  });
  it('union is commutative; A ∩ A = A; A except A = ∅', () => {
    fc.assert(
      fc.property(anyNode, anyNode, nowArb, (a, b, now) => {
        const ev = (rules: SegmentRule[]) => evaluateSegment(doc(rules), randomData, { now });
        const ab = ev([{ where: a }, { where: b, setOperator: 'union' }]);
        const ba = ev([{ where: b }, { where: a, setOperator: 'union' }]);
        assert.deepEqual(ab.members, ba.members);
        assert.equal(ab.total, ba.total);
        const solo = ev([{ where: a }]).members;
        assert.deepEqual(ev([{ where: a }, { where: a, setOperator: 'intersect' }]).members, solo);
        assert.deepEqual(ev([{ where: a }, { where: a, setOperator: 'except' }]).members, []);
        const ab2 = ev([{ where: a }, { where: b, setOperator: 'intersect' }]);
        const ba2 = ev([{ where: b }, { where: a, setOperator: 'intersect' }]);
        assert.deepEqual(ab2.members, ba2.members);
      }),
      RUNS,
    );
  });
  it('De Morgan through not-groups', () => {
    fc.assert(
      fc.property(anyNode, anyNode, nowArb, (a, b, now) => {
        const m = (n: Node) => evaluateSegment(where(n), randomData, { now }).members;
        assert.deepEqual(m(not(and(a, b))), m(or(not(a), not(b))));
        assert.deepEqual(m(not(or(a, b))), m(and(not(a), not(b))));
        assert.deepEqual(m(not(not(a))), m(a));
      }),
      RUNS,
    );
  });
  it('a condition and its negation split the rows; on null attributes only isEmpty holds', () => {
    fc.assert(
      fc.property(customerLeaf, nowArb, (cond, now) => {
        const m = (n: Node) => evaluateSegment(where(n), randomData, { now }).members;
        const yes = m(cond);
        const no = m(not(cond));
        const all = randomData.data.Customer!.map((r) => String(r.CustomerId));
        assert.deepEqual(sorted([...yes, ...no]), sorted(all));
        assert.equal(yes.filter((k) => no.includes(k)).length, 0);
        // rows where the attribute is null ('' is a value): the condition holds there only for isEmpty
        const attr = (cond as { attribute: string }).attribute;
        const op = (cond as { operator: string }).operator;
        const isText = attr === 'Name' || attr === 'City' || attr === 'Code';
        const nulls = isText
          ? evaluateSegment(doc([{ where: c(attr, 'isEmpty') }, { setOperator: 'except', where: c(attr, 'equals', '') }]), randomData, {
              now,
            }).members
          : m(c(attr, 'isEmpty'));
        assert.ok(nulls.length > 0);
        const onNulls = yes.filter((k) => nulls.includes(k));
        assert.deepEqual(onNulls, op === 'isEmpty' ? nulls : []);
      }),
      RUNS,
    );
  });
  it('per-rule cumulative counts equal evaluating each prefix of the rules', () => {
    fc.assert(
      fc.property(rulesArb, nowArb, (rules, now) => {
        const full = evaluateSegment(doc(rules), randomData, { now });
        assert.equal(full.rules.length, rules.length);
        rules.forEach((rule, i) => {
          const prefix = evaluateSegment(doc(rules.slice(0, i + 1)), randomData, { now });
          assert.equal(full.rules[i]!.cumulative, prefix.total);
          assert.equal(full.rules[i]!.count, evaluateSegment(doc([{ where: rule.where }]), randomData, { now }).total);
        });
        assert.equal(full.rules.at(-1)!.cumulative, full.total);
      }),
      RUNS,
    );
  });
  it('explainMember agrees with evaluateSegment, rule by rule', () => {
    fc.assert(
      fc.property(rulesArb, nowArb, fc.integer({ min: 1, max: 60 }), (rules, now, k) => {
        const key = `C${k}`;
        const e = explainMember(doc(rules), randomData, key, { now });
        const inAll = evaluateSegment(doc(rules), randomData, { now }).members.includes(key);
        assert.equal(e.member, inAll);
        rules.forEach((rule, i) => {
          const own = evaluateSegment(doc([{ where: rule.where }]), randomData, { now }).members.includes(key);
          assert.equal(e.rules[i]!.matched, own);
          assert.equal(e.rules[i]!.nodes[0]!.result, own);
        });
      }),
      RUNS,
    );
  });
  it('segment references equal inlining the referenced rules', () => {
    fc.assert(
      fc.property(rulesArb, rulesArb, setOp, nowArb, (refRules, rules, op, now) => {
        const ref = doc(refRules, { id: 'ref' });
        const withRef = doc([...rules, { segment: 'ref', ...(op ? { setOperator: op } : {}) }]);
        const got = evaluateSegment(withRef, randomData, { now, segments: [ref] }).members;
        assert.deepEqual(
          got,
          oracle(withRef, randomData, now, (id) => (id === 'ref' ? ref : undefined)),
        );
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('large columns', () => {
  it('a string column with more distinct values than a dictionary holds gives the same answers', () => {
    const n = MAX_DICTIONARY + 5000;
    const special = ['', 'Paris', 'PARIS', '50%_off', 'a\\b', null, undefined, 42];
    const Customer = Array.from({ length: n }, (_, i) => ({
      CustomerId: `C${i}`,
      Email: i % 97 === 0 ? special[(i / 97) % special.length] : `User${i}@Example.com`,
    }));
    const big: Dataset = {
      catalog: {
        audience: 'Customer',
        entities: [
          {
            name: 'Customer',
            key: 'CustomerId',
            attributes: [
              { name: 'CustomerId', type: 'string' },
              { name: 'Email', type: 'string' },
            ],
          },
        ],
        relationships: [],
      },
      data: { Customer },
    };
    assert.equal(tableOf(Customer).strings('Email').kind, 'text');
    const values = fc.constantFrom('paris', 'user1', '@example.com', 'USER12@EXAMPLE.COM', '%', '_', '\\', '', '42', 'nobody');
    const cond = fc.oneof(
      fc
        .tuple(fc.constantFrom('equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'), values)
        .map(([o, v]) => c('Email', o, v)),
      fc.tuple(fc.constantFrom('in', 'notIn'), fc.array(values, { minLength: 1, maxLength: 3 })).map(([o, v]) => c('Email', o, v)),
      fc.constantFrom('isEmpty', 'isNotEmpty').map((o) => c('Email', o)),
    );
    fc.assert(
      fc.property(cond, fc.boolean(), (node, negate) => {
        const d = where(negate ? not(node) : node);
        assert.deepEqual(evaluateSegment(d, big, { now: NOW }).members, oracle(d, big, NOW));
      }),
      { seed: 42, numRuns: 40 },
    );
  });
  it('prepareDataset builds the caches up front; answers do not change', () => {
    const d = doc([
      { where: rel('WebSession', { quantifier: 'any' }) },
      { setOperator: 'union', where: c('Birthday', 'isAnniversaryInNext', D('7 day')) },
    ]);
    const before = evaluateSegment(d, randomData, { now: NOW }).members;
    assert.equal(typeof prepareDataset(randomData), 'number');
    assert.deepEqual(evaluateSegment(d, randomData, { now: NOW }).members, before);
    assert.deepEqual(before, oracle(d, randomData, NOW));
  });
});
