/** `validateSegment` and `isIdentifier` (SPEC sections 2–5). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IDENTIFIER, isIdentifier, validateSegment, type ValidationResult } from '../../src/core/validate/validate.js';
import { parseSegment } from '../../src/core/validate/parse.js';
import type { Catalog, SegmentDocument, SegmentErrorCode } from '../../src/core/model/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

const rawCatalog = fixture('catalog.json');
assert.ok(isObj(rawCatalog) && typeof rawCatalog.audience === 'string');
const catalog = rawCatalog as unknown as Catalog;

const spec = fixture('spec-example.json');
assert.ok(isObj(spec) && isObj(spec.document) && Array.isArray(spec.segments));
const SPEC_EXAMPLE = spec.document;
const SPEC_SEGMENTS = spec.segments as SegmentDocument[];

interface ValidFixture {
  description: string;
  document: Obj;
  segments?: SegmentDocument[];
}
const validFixtures = fixture('valid-documents.json');
assert.ok(Array.isArray(validFixtures));
const VALID: ValidFixture[] = validFixtures as ValidFixture[];

const FC = { seed: 7, numRuns: 300 } as const;

const cond = (entity: string, attribute: string, operator: string, value?: unknown, id?: string): Obj => {
  const c: Obj = { kind: 'condition' };
  if (id !== undefined) c.id = id;
  Object.assign(c, { entity, attribute, operator });
  if (value !== undefined) c.value = value;
  return c;
};
const C = (attribute: string, operator: string, value?: unknown, id = 'c1') => cond('Customer', attribute, operator, value, id);
const saved = (id: string, rules: unknown[]): SegmentDocument =>
  ({ schemaVersion: 1, id, name: id, audience: 'Customer', rules }) as unknown as SegmentDocument;
/** A valid document around one rule (id r1) whose where is `where`. */
const docWith = (where: unknown, extra: Obj = {}): Obj => ({
  schemaVersion: 1,
  id: 'seg',
  name: 'Test',
  audience: 'Customer',
  rules: [{ id: 'r1', where }],
  ...extra,
});
const orders = (match: unknown, where?: unknown, id = 'x1'): Obj =>
  where === undefined ? { kind: 'related', id, entity: 'Order', match } : { kind: 'related', id, entity: 'Order', match, where };

const summary = (r: ValidationResult) => r.errors.map((e) => `${e.code} @ ${e.path}`).sort();

interface Expect {
  code: SegmentErrorCode;
  path: string;
  message: RegExp;
  nodeId?: string;
}

/** Exactly these errors, each with its message and nodeId (undefined: must not have one). */
function expectErrors(r: ValidationResult, expected: Expect[]): void {
  assert.deepEqual(summary(r), expected.map((e) => `${e.code} @ ${e.path}`).sort(), JSON.stringify(r.errors, null, 1));
  assert.equal(r.valid, false);
  for (const x of expected) {
    const e = r.errors.find((y) => y.code === x.code && y.path === x.path);
    assert.ok(e);
    assert.match(e.message, x.message, `${x.code} @ ${x.path}`);
    assert.equal(e.nodeId, x.nodeId, `${x.code} @ ${x.path}: nodeId`);
  }
}

const check = (doc: unknown, segments?: SegmentDocument[]) => validateSegment(doc, catalog, segments ? { segments } : {});

describe('validateSegment: valid documents', () => {
  test('the SPEC section 3 example is valid, with the saved segment it references', () => {
    const r = check(SPEC_EXAMPLE, SPEC_SEGMENTS);
    assert.deepEqual(r, { valid: true, errors: [] });
  });

  test('the SPEC example is valid with segments given as a list, a Map, a record or a function', () => {
    const [dnc] = SPEC_SEGMENTS;
    assert.ok(dnc);
    const sources = [
      SPEC_SEGMENTS,
      new Map([['do-not-contact', dnc]]),
      { 'do-not-contact': dnc },
      (id: string) => (id === 'do-not-contact' ? dnc : undefined),
    ];
    for (const segments of sources) assert.deepEqual(validateSegment(SPEC_EXAMPLE, catalog, { segments }), { valid: true, errors: [] });
  });

  test('without segments, references are not checked', () => {
    assert.deepEqual(validateSegment(SPEC_EXAMPLE, catalog), { valid: true, errors: [] });
  });

  test('the SPEC example as JSON text is valid', () => {
    assert.deepEqual(validateSegment(JSON.stringify(SPEC_EXAMPLE), catalog, { segments: SPEC_SEGMENTS }), { valid: true, errors: [] });
  });

  for (const v of VALID) {
    test(`valid: ${v.description}`, () => {
      const r = check(v.document, v.segments);
      assert.deepEqual(r.errors, []);
      assert.equal(r.valid, true);
    });
  }

  test('multi-hop: WebSession directly under the audience, through OnlineAccount', () => {
    const doc = docWith({
      kind: 'related',
      id: 'x1',
      entity: 'WebSession',
      match: { quantifier: 'atLeast', count: 2 },
      where: cond('WebSession', 'PageViews', 'greaterThan', 10, 'c1'),
    });
    assert.deepEqual(check(doc), { valid: true, errors: [] });
  });

  test('multi-hop: OnlineAccount, then WebSession nested inside it, with an aggregate', () => {
    const doc = docWith({
      kind: 'related',
      id: 'x1',
      entity: 'OnlineAccount',
      match: { quantifier: 'any' },
      where: {
        kind: 'group',
        id: 'g1',
        combinator: 'and',
        children: [
          cond('OnlineAccount', 'CreatedOn', 'inLast', { amount: 1, unit: 'year' }, 'c1'),
          {
            kind: 'related',
            id: 'x2',
            entity: 'WebSession',
            match: { aggregate: 'max', attribute: 'StartedAt', operator: 'inLast', value: { amount: 7, unit: 'day' } },
          },
          {
            kind: 'related',
            id: 'x3',
            entity: 'WebSession',
            match: { quantifier: 'none' },
            where: cond('WebSession', 'Device', 'equals', 'tv', 'c2'),
          },
        ],
      },
    });
    assert.deepEqual(check(doc), { valid: true, errors: [] });
  });

  test('multi-hop: a projected attribute two hops away', () => {
    const doc = docWith(C('City', 'isNotEmpty'), { projectedAttributes: [{ entity: 'WebSession', attribute: 'Device' }] });
    assert.deepEqual(check(doc), { valid: true, errors: [] });
  });

  test('closed lists compare text case-insensitively (SPEC section 5)', () => {
    assert.equal(check(docWith(C('Country', 'in', ['us', 'Fr', 'DE']))).valid, true);
    assert.equal(check(docWith(cond('Case', 'Priority', 'equals', 'HIGH', 'c1'))).valid, false, 'Case at audience level is out of scope');
    assert.equal(
      check(docWith(orders({ quantifier: 'any' }, C('Country', 'equals', 'gb')))).valid,
      false,
      'Customer inside an Order block',
    );
  });

  test('ISO 8601 dates and date-times are accepted, low == high is accepted', () => {
    for (const v of ['2024-02-29', '2024-05-31T10:00:00Z', '2024-05-31T10:00:00.123Z', '2024-05-31T10:00:00+02:00', '2024-05-31T10:00']) {
      assert.deepEqual(check(docWith(C('BirthDate', 'on', v))).errors, [], v);
    }
    assert.equal(check(docWith(C('CreatedOn', 'between', ['2024-01-01', '2024-01-01']))).valid, true);
    assert.equal(check(docWith(C('CreditBalance', 'between', [-5, -5]))).valid, true);
    assert.equal(check(docWith(C('CreatedOn', 'between', ['2024-01-01', '2024-01-01T12:00:00Z']))).valid, true);
  });

  test('a relative amount of 0 is allowed', () => {
    assert.equal(check(docWith(C('CreatedOn', 'inLast', { amount: 0, unit: 'day' }))).valid, true);
  });

  test('validateSegment does not mutate the document or the catalog, and gives the same answer twice', () => {
    const doc = clone(SPEC_EXAMPLE);
    const before = clone(doc);
    const catalogBefore = clone(catalog);
    const a = check(doc, SPEC_SEGMENTS);
    const b = check(doc, SPEC_SEGMENTS);
    assert.deepStrictEqual(doc, before);
    assert.deepStrictEqual(catalog, catalogBefore);
    assert.deepStrictEqual(a, b);
  });
});

describe('validateSegment: document checks', () => {
  test('missing-name: no name, or an empty one', () => {
    for (const name of [undefined, '']) {
      expectErrors(check({ ...SPEC_EXAMPLE, name }, SPEC_SEGMENTS), [
        { code: 'missing-name', path: '/name', message: /Give the segment a name/ },
      ]);
    }
  });

  test('invalid-name: "High value", "9lives", "a-b", and the message quotes the name', () => {
    for (const name of ['High value', '9lives', 'a-b', 'été', 'x y', 'tab\there']) {
      expectErrors(check({ ...SPEC_EXAMPLE, name }, SPEC_SEGMENTS), [
        {
          code: 'invalid-name',
          path: '/name',
          message: new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not a valid name.*letters, digits and _`),
        },
      ]);
    }
  });

  test('unknown-audience: an entity the catalog lacks, or another entity than its audience', () => {
    expectErrors(check({ ...SPEC_EXAMPLE, audience: 'Shopper' }, SPEC_SEGMENTS), [
      { code: 'unknown-audience', path: '/audience', message: /"Shopper".*"Customer"/ },
    ]);
    expectErrors(check({ ...SPEC_EXAMPLE, audience: 'Order' }, SPEC_SEGMENTS), [
      { code: 'unknown-audience', path: '/audience', message: /"Order" is not the catalog's audience "Customer"/ },
    ]);
  });

  test('no-rules', () => {
    expectErrors(check({ ...SPEC_EXAMPLE, rules: [] }), [{ code: 'no-rules', path: '/rules', message: /at least one rule/ }]);
  });

  test('empty-rule, ambiguous-rule and set-operator-on-first-rule carry the rule id', () => {
    const doc = {
      ...SPEC_EXAMPLE,
      rules: [
        { id: 'first', setOperator: 'union', where: C('City', 'isEmpty') },
        { id: 'empty', setOperator: 'union' },
        { id: 'both', setOperator: 'intersect', where: C('City', 'isNotEmpty', undefined, 'c2'), segment: 'do-not-contact' },
      ],
    };
    expectErrors(check(doc, SPEC_SEGMENTS), [
      {
        code: 'set-operator-on-first-rule',
        path: '/rules/0/setOperator',
        message: /first rule cannot have a set operator/,
        nodeId: 'first',
      },
      { code: 'empty-rule', path: '/rules/1', message: /rule is empty/, nodeId: 'empty' },
      { code: 'ambiguous-rule', path: '/rules/2', message: /either conditions \(where\) or a segment reference, not both/, nodeId: 'both' },
    ]);
  });

  test('a later rule without a set operator is accepted (it means union)', () => {
    const doc = {
      ...SPEC_EXAMPLE,
      rules: [
        { id: 'a', where: C('City', 'isEmpty') },
        { id: 'b', where: C('City', 'isNotEmpty', undefined, 'c2') },
      ],
    };
    assert.deepEqual(check(doc).errors, []);
  });
});

describe('validateSegment: segment references', () => {
  const withRef = (ref: string, id = 'a'): Obj => ({
    ...docWith(C('City', 'isEmpty')),
    id,
    rules: [
      { id: 'r1', where: C('City', 'isEmpty') },
      { id: 'r2', setOperator: 'union', segment: ref },
    ],
  });

  test('unknown-segment names the missing segment', () => {
    expectErrors(check(withRef('ghost'), [saved('b', [{ where: C('City', 'isEmpty') }])]), [
      { code: 'unknown-segment', path: '/rules/1/segment', message: /no saved segment "ghost"/, nodeId: 'r2' },
    ]);
  });

  test('an empty reference asks for a segment', () => {
    expectErrors(check(withRef(''), []), [{ code: 'missing-value', path: '/rules/1/segment', message: /Choose a segment/, nodeId: 'r2' }]);
  });

  test('self reference is a cycle, with or without the list of segments', () => {
    for (const segments of [undefined, []]) {
      expectErrors(check(withRef('a'), segments), [
        { code: 'segment-cycle', path: '/rules/1/segment', message: /cannot include itself/, nodeId: 'r2' },
      ]);
    }
  });

  test('a two-segment cycle is named in order', () => {
    expectErrors(check(withRef('b'), [saved('b', [{ id: 'r1', segment: 'a' }])]), [
      { code: 'segment-cycle', path: '/rules/1/segment', message: /a → b → a/, nodeId: 'r2' },
    ]);
  });

  test('a three-segment cycle is named in order', () => {
    const segments = [
      saved('b', [
        { id: 'r1', where: C('City', 'isEmpty') },
        { id: 'r2', setOperator: 'except', segment: 'c' },
      ]),
      saved('c', [{ id: 'r1', segment: 'a' }]),
    ];
    expectErrors(check(withRef('b'), segments), [
      { code: 'segment-cycle', path: '/rules/1/segment', message: /a → b → c → a/, nodeId: 'r2' },
    ]);
  });

  test('the saved copy of the document itself is not used: its current rules count', () => {
    // The stored "a" references b, but the edited "a" no longer does: no cycle.
    const segments = [saved('a', [{ id: 'r1', segment: 'b' }]), saved('b', [{ id: 'r1', where: C('City', 'isEmpty') }])];
    assert.deepEqual(check({ ...docWith(C('City', 'isEmpty')), id: 'a' }, segments).errors, []);
    assert.deepEqual(check(withRef('b'), segments).errors, []);
  });

  test('a diamond (two paths to the same segment) is not a cycle', () => {
    const segments = [
      saved('b', [{ id: 'r1', segment: 'd' }]),
      saved('c', [{ id: 'r1', segment: 'd' }]),
      saved('d', [{ id: 'r1', where: C('City', 'isEmpty') }]),
    ];
    const doc = {
      ...docWith(C('City', 'isEmpty')),
      id: 'a',
      rules: [
        { id: 'r1', segment: 'b' },
        { id: 'r2', setOperator: 'union', segment: 'c' },
      ],
    };
    assert.deepEqual(check(doc, segments).errors, []);
  });

  test('"__proto__", "constructor" and "toString" are unknown segments whatever the form of the source', () => {
    const b = saved('b', [{ where: C('City', 'isEmpty') }]);
    const sources = [[b], new Map([['b', b]]), { b }];
    for (const segments of sources) {
      for (const ref of ['__proto__', 'constructor', 'toString']) {
        const r = validateSegment(withRef(ref), catalog, { segments });
        assert.deepEqual(summary(r), ['unknown-segment @ /rules/1/segment'], `${ref} in ${Object.prototype.toString.call(segments)}`);
      }
    }
  });
});

describe('validateSegment: conditions', () => {
  const P = '/rules/0/where';
  const cases: [string, Obj, Expect][] = [
    [
      'unknown entity',
      cond('Shopper', 'City', 'equals', 'Paris', 'c1'),
      { code: 'unknown-entity', path: `${P}/entity`, message: /no entity "Shopper"/, nodeId: 'c1' },
    ],
    [
      'empty entity',
      cond('', 'City', 'equals', 'Paris', 'c1'),
      { code: 'unknown-entity', path: `${P}/entity`, message: /does not say which entity/, nodeId: 'c1' },
    ],
    [
      'unknown attribute',
      C('Emial', 'contains', 'x'),
      { code: 'unknown-attribute', path: `${P}/attribute`, message: /Customer has no attribute "Emial"/, nodeId: 'c1' },
    ],
    [
      'attribute not chosen',
      C('', ''),
      { code: 'missing-attribute', path: `${P}/attribute`, message: /Choose an attribute/, nodeId: 'c1' },
    ],
    [
      'operator not chosen',
      C('City', ''),
      { code: 'missing-operator', path: `${P}/operator`, message: /Choose an operator/, nodeId: 'c1' },
    ],
    [
      'contains on a number',
      C('CreditBalance', 'contains', 5),
      {
        code: 'operator-not-allowed',
        path: `${P}/operator`,
        message: /`contains` cannot be used with Credit balance, which is a number; use one of equals, notEquals, greaterThan.*isNotEmpty/,
        nodeId: 'c1',
      },
    ],
    [
      'inLast on text',
      C('City', 'inLast', { amount: 1, unit: 'day' }),
      { code: 'operator-not-allowed', path: `${P}/operator`, message: /`inLast` cannot be used with City, which is text/, nodeId: 'c1' },
    ],
    [
      'isTrue on a date',
      C('BirthDate', 'isTrue'),
      {
        code: 'operator-not-allowed',
        path: `${P}/operator`,
        message: /`isTrue` cannot be used with Birth date, which is a date; use one of on, before/,
        nodeId: 'c1',
      },
    ],
    [
      'greaterThan on a boolean',
      C('DoNotContact', 'greaterThan', 1),
      {
        code: 'operator-not-allowed',
        path: `${P}/operator`,
        message: /which is true or false; use one of isTrue, isFalse, isEmpty, isNotEmpty/,
        nodeId: 'c1',
      },
    ],
    [
      'text for a number',
      C('CreditBalance', 'greaterThan', '100'),
      { code: 'value-type', path: `${P}/value`, message: /must be a number, not "100"/, nodeId: 'c1' },
    ],
    [
      'number for text',
      C('Email', 'equals', 5),
      { code: 'value-type', path: `${P}/value`, message: /must be text, not number/, nodeId: 'c1' },
    ],
    [
      'number for a date',
      C('BirthDate', 'before', 20240101),
      { code: 'value-type', path: `${P}/value`, message: /must be a date like 2024-05-31/, nodeId: 'c1' },
    ],
    [
      'empty text',
      C('City', 'equals', ''),
      { code: 'missing-value', path: `${P}/value`, message: /Enter a value.*is empty/, nodeId: 'c1' },
    ],
    [
      '30 February',
      C('BirthDate', 'on', '2024-02-30'),
      { code: 'invalid-date', path: `${P}/value`, message: /"2024-02-30" is not a date/, nodeId: 'c1' },
    ],
    [
      '29 February 2023',
      C('BirthDate', 'after', '2023-02-29'),
      { code: 'invalid-date', path: `${P}/value`, message: /"2023-02-29" is not a date/, nodeId: 'c1' },
    ],
    [
      'a bad high date',
      C('CreatedOn', 'between', ['2024-01-01', 'soon']),
      { code: 'invalid-date', path: `${P}/value/1`, message: /"soon" is not a date/, nodeId: 'c1' },
    ],
    [
      'not in the closed list',
      C('Country', 'equals', 'Narnia'),
      { code: 'value-not-allowed', path: `${P}/value`, message: /"Narnia" is not one of the values of Country of residence/, nodeId: 'c1' },
    ],
    [
      'one of a list not in the closed list',
      C('Country', 'notIn', ['FR', 'Mars']),
      { code: 'value-not-allowed', path: `${P}/value/1`, message: /"Mars"/, nodeId: 'c1' },
    ],
    [
      'a number not in the closed list',
      C('Rating', 'equals', 9),
      { code: 'value-not-allowed', path: `${P}/value`, message: /"9" is not one of the values of Rating/, nodeId: 'c1' },
    ],
    [
      'between low > high',
      C('CreditBalance', 'between', [100, 10]),
      { code: 'invalid-value', path: `${P}/value`, message: /low value must not be greater than the high value/, nodeId: 'c1' },
    ],
    [
      'date between low > high',
      C('CreatedOn', 'between', ['2024-02-01', '2024-01-31T23:59:59Z']),
      { code: 'invalid-value', path: `${P}/value`, message: /low value must not be greater/, nodeId: 'c1' },
    ],
    [
      'an Order attribute at audience level',
      cond('Order', 'TotalAmount', 'greaterThan', 5, 'c1'),
      {
        code: 'entity-out-of-scope',
        path: `${P}/entity`,
        message: /Order attributes cannot be used in Customer conditions: put the condition inside a related Order block/,
        nodeId: 'c1',
      },
    ],
    [
      'a WebSession attribute at audience level',
      cond('WebSession', 'Device', 'equals', 'tv', 'c1'),
      {
        code: 'entity-out-of-scope',
        path: `${P}/entity`,
        message: /Web session attributes cannot be used in Customer conditions/,
        nodeId: 'c1',
      },
    ],
  ];
  for (const [name, where, expected] of cases) {
    test(`${expected.code}: ${name}`, () => expectErrors(check(docWith(where)), [expected]));
  }

  test('entity-out-of-scope: a Case attribute inside an Order block names the block', () => {
    const doc = docWith(orders({ quantifier: 'any' }, cond('Case', 'Escalated', 'isTrue', undefined, 'c9')));
    expectErrors(check(doc), [
      {
        code: 'entity-out-of-scope',
        path: `${P}/where/entity`,
        message:
          /^Case attributes cannot be used in this Order block, where conditions name Order attributes: put the condition in a related Case block instead\.$/,
        nodeId: 'c9',
      },
    ]);
  });

  test('entity-out-of-scope: an audience attribute inside a related block says audience attributes stand outside (SPEC section 3)', () => {
    const doc = docWith(orders({ quantifier: 'any' }, cond('Customer', 'City', 'equals', 'Paris', 'c9')));
    expectErrors(check(doc), [
      {
        code: 'entity-out-of-scope',
        path: `${P}/where/entity`,
        message:
          /^Customer attributes stand outside related blocks: move this condition out of the Order block \(conditions inside it name Order attributes\)\.$/,
        nodeId: 'c9',
      },
    ]);
    const r = check(doc);
    assert.deepEqual(r.errors[0]!.params, { variant: 'audienceInside', entity: 'Customer', scope: 'Order' });
  });

  test('an empty string is no value for any type: use isEmpty (SPEC section 4)', () => {
    const empty = { code: 'missing-value' as const, message: /^Enter a value \(to find empty values, use "is empty"\)\.$/, nodeId: 'c1' };
    expectErrors(check(docWith(C('City', 'equals', ''))), [{ ...empty, path: `${P}/value` }]);
    expectErrors(check(docWith(C('CreditBalance', 'equals', ''))), [{ ...empty, path: `${P}/value` }]);
    expectErrors(check(docWith(C('BirthDate', 'on', ''))), [{ ...empty, path: `${P}/value` }]);
    expectErrors(check(docWith(C('CreatedOn', 'between', ['2024-01-01', '']))), [{ ...empty, path: `${P}/value/1` }]);
    expectErrors(check(docWith(C('LoyaltyPoints', 'in', [1, '']))), [{ ...empty, path: `${P}/value/1` }]);
    expectErrors(check(docWith(orders({ aggregate: 'count', operator: 'equals', value: '' }))), [
      { ...empty, path: `${P}/match/value`, nodeId: 'x1' },
    ]);
  });

  test('an aggregate compares with the comparison operators, and the message lists them (SPEC section 3)', () => {
    const numbers = 'equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, between or notBetween';
    const dates = 'on, before, after, between, inLast, notInLast or inNext';
    const cases: [Obj, string][] = [
      [{ aggregate: 'count', operator: 'in', value: [1, 2] }, `\`in\` cannot compare a number aggregate: compare it with ${numbers}.`],
      [
        { aggregate: 'sum', attribute: 'TotalAmount', operator: 'notIn', value: [1] },
        `\`notIn\` cannot compare a number aggregate: compare it with ${numbers}.`,
      ],
      [{ aggregate: 'count', operator: 'isEmpty' }, `\`isEmpty\` cannot compare a number aggregate: compare it with ${numbers}.`],
      [
        { aggregate: 'max', attribute: 'OrderDate', operator: 'isNotEmpty' },
        `\`isNotEmpty\` cannot compare a date aggregate: compare it with ${dates}.`,
      ],
    ];
    for (const [match, message] of cases) {
      const r = check(docWith(orders(match)));
      assert.deepEqual(
        r.errors.map((e) => [e.code, e.path, e.message]),
        [['operator-not-allowed', `${P}/match/operator`, message]],
      );
    }
  });

  test('empty-group carries the group id, at any depth', () => {
    const doc = docWith({
      kind: 'group',
      id: 'outer',
      combinator: 'and',
      children: [C('City', 'isEmpty'), { kind: 'group', id: 'inner', combinator: 'or', children: [] }],
    });
    expectErrors(check(doc), [{ code: 'empty-group', path: `${P}/children/1/children`, message: /group is empty/, nodeId: 'inner' }]);
    expectErrors(check(docWith({ kind: 'group', combinator: 'or', children: [] })), [
      { code: 'empty-group', path: `${P}/children`, message: /group is empty/ },
    ]);
  });

  test('an unknown operator is reported once (by the structure check), not again as not allowed', () => {
    expectErrors(check(docWith(C('City', 'like', 'P%'))), [
      { code: 'unknown-operator', path: `${P}/operator`, message: /Unknown operator "like"/, nodeId: 'c1' },
    ]);
  });

  test('with an unknown audience the condition trees are not checked against it', () => {
    const r = check({ ...docWith(C('Nope', 'equals', 'x')), audience: 'Shopper' });
    assert.deepEqual(summary(r), ['unknown-audience @ /audience']);
  });
});

describe('validateSegment: related blocks', () => {
  const P = '/rules/0/where';
  test('no-relationship: Warehouse is linked to nothing', () => {
    const doc = docWith({ kind: 'related', id: 'w', entity: 'Warehouse', match: { quantifier: 'any' } });
    expectErrors(check(doc), [
      { code: 'no-relationship', path: `${P}/entity`, message: /Warehouse is not linked to Customer by any relationship/, nodeId: 'w' },
    ]);
  });

  test('no-relationship: Warehouse inside an Order block, and Order inside an Order block', () => {
    expectErrors(
      check(docWith(orders({ quantifier: 'any' }, { kind: 'related', id: 'w', entity: 'Warehouse', match: { quantifier: 'any' } }))),
      [{ code: 'no-relationship', path: `${P}/where/entity`, message: /Warehouse is not linked to Order/, nodeId: 'w' }],
    );
    expectErrors(check(docWith(orders({ quantifier: 'any' }, orders({ quantifier: 'any' }, undefined, 'x2')))), [
      { code: 'no-relationship', path: `${P}/where/entity`, message: /Order is not linked to Order/, nodeId: 'x2' },
    ]);
  });

  test('unknown-entity in a related block', () => {
    expectErrors(check(docWith({ kind: 'related', id: 'x1', entity: 'Invoice', match: { quantifier: 'any' } })), [
      { code: 'unknown-entity', path: `${P}/entity`, message: /no entity "Invoice"/, nodeId: 'x1' },
    ]);
  });

  test('a related block whose entity is not chosen yet', () => {
    expectErrors(check(docWith({ kind: 'related', id: 'x1', entity: '', match: { quantifier: 'any' } })), [
      { code: 'missing-field', path: `${P}/entity`, message: /Choose the entity/, nodeId: 'x1' },
    ]);
  });

  test('a related block without an entity field is reported once', () => {
    const r = check(docWith({ kind: 'related', id: 'x1', match: { quantifier: 'any' } }));
    assert.deepEqual(summary(r), [`missing-field @ ${P}/entity`]);
  });

  test('a bad inner condition of a valid related block is found, with its own id', () => {
    const doc = docWith(
      orders(
        { quantifier: 'atLeast', count: 2 },
        { kind: 'group', id: 'g', combinator: 'and', children: [cond('Order', 'OrderDate', 'after', '2024-13-01', 'c7')] },
      ),
    );
    expectErrors(check(doc), [
      { code: 'invalid-date', path: `${P}/where/children/0/value`, message: /"2024-13-01" is not a date/, nodeId: 'c7' },
    ]);
  });

  const agg = (match: Obj) => docWith(orders(match));
  const M = `${P}/match`;
  const aggCases: [string, Obj, Expect][] = [
    [
      'avg of an attribute not chosen yet',
      { aggregate: 'avg', attribute: '', operator: 'greaterThan', value: 1 },
      { code: 'missing-attribute', path: `${M}/attribute`, message: /Choose the attribute to average/, nodeId: 'x1' },
    ],
    [
      'sum of an unknown attribute',
      { aggregate: 'sum', attribute: 'Amount', operator: 'greaterThan', value: 1 },
      { code: 'unknown-attribute', path: `${M}/attribute`, message: /Order has no attribute "Amount"/, nodeId: 'x1' },
    ],
    [
      'avg over text',
      { aggregate: 'avg', attribute: 'Channel', operator: 'greaterThan', value: 1 },
      { code: 'operator-not-allowed', path: `${M}/aggregate`, message: /`avg` cannot be used with Channel \(text\)/, nodeId: 'x1' },
    ],
    [
      'sum over a date',
      { aggregate: 'sum', attribute: 'OrderDate', operator: 'greaterThan', value: 1 },
      { code: 'operator-not-allowed', path: `${M}/aggregate`, message: /`sum` cannot be used with Order date \(a date\)/, nodeId: 'x1' },
    ],
    [
      'min over a boolean',
      { aggregate: 'min', attribute: 'Gift', operator: 'equals', value: 1 },
      { code: 'operator-not-allowed', path: `${M}/aggregate`, message: /`min` cannot be used with Gift \(true or false\)/, nodeId: 'x1' },
    ],
    [
      'count compared with contains',
      { aggregate: 'count', operator: 'contains', value: 1 },
      { code: 'operator-not-allowed', path: `${M}/operator`, message: /`contains` cannot compare a number aggregate/, nodeId: 'x1' },
    ],
    [
      'min date compared with greaterThan',
      { aggregate: 'min', attribute: 'OrderDate', operator: 'greaterThan', value: '2024-01-01' },
      { code: 'operator-not-allowed', path: `${M}/operator`, message: /`greaterThan` cannot compare a date aggregate/, nodeId: 'x1' },
    ],
    [
      'sum compared with inLast',
      { aggregate: 'sum', attribute: 'TotalAmount', operator: 'inLast', value: { amount: 1, unit: 'day' } },
      { code: 'operator-not-allowed', path: `${M}/operator`, message: /`inLast` cannot compare a number aggregate/, nodeId: 'x1' },
    ],
    [
      'operator not chosen',
      { aggregate: 'count', operator: '' },
      { code: 'missing-operator', path: `${M}/operator`, message: /Choose how to compare the aggregate/, nodeId: 'x1' },
    ],
    [
      'count compared with text',
      { aggregate: 'count', operator: 'equals', value: 'two' },
      { code: 'value-type', path: `${M}/value`, message: /must be a number, not "two"/, nodeId: 'x1' },
    ],
    [
      'max date on a bad day',
      { aggregate: 'max', attribute: 'OrderDate', operator: 'on', value: '2024-04-31' },
      { code: 'invalid-date', path: `${M}/value`, message: /"2024-04-31" is not a date/, nodeId: 'x1' },
    ],
    [
      'avg between reversed',
      { aggregate: 'avg', attribute: 'TotalAmount', operator: 'between', value: [10, 1] },
      { code: 'invalid-value', path: `${M}/value`, message: /low value must not be greater/, nodeId: 'x1' },
    ],
    [
      'an unknown aggregate operator is reported once',
      { aggregate: 'count', operator: 'gt', value: 1 },
      { code: 'unknown-operator', path: `${M}/operator`, message: /Unknown operator "gt"/, nodeId: 'x1' },
    ],
  ];
  for (const [name, match, expected] of aggCases) {
    test(`aggregate: ${name}`, () => expectErrors(check(agg(match)), [expected]));
  }

  test('aggregate: sum without attribute is reported by structure and by meaning, both at the attribute', () => {
    const r = check(agg({ aggregate: 'sum', operator: 'greaterThan', value: 1 }));
    assert.deepEqual(summary(r), [`missing-attribute @ ${M}/attribute`, `missing-field @ ${M}/attribute`]);
    assert.match(r.errors.find((e) => e.code === 'missing-attribute')?.message ?? '', /Choose the attribute to sum/);
    for (const e of r.errors) assert.equal(e.nodeId, 'x1');
  });

  test('quantifier problems come from the structure check, with the block id', () => {
    expectErrors(check(docWith(orders({ quantifier: 'atLeast' }))), [
      { code: 'missing-value', path: `${M}/count`, message: /`atLeast` needs a count/, nodeId: 'x1' },
    ]);
    expectErrors(check(docWith(orders({ quantifier: 'atMost', count: -1 }))), [
      { code: 'invalid-value', path: `${M}/count`, message: /whole number of 0 or more, not -1/, nodeId: 'x1' },
    ]);
  });
});

describe('validateSegment: projected attributes', () => {
  test('unknown entity, unknown attribute, unlinked entity', () => {
    const doc = docWith(C('City', 'isEmpty'), {
      projectedAttributes: [
        { entity: 'Invoice', attribute: 'Total' },
        { entity: 'Order', attribute: 'Total' },
        { entity: 'Warehouse', attribute: 'Capacity' },
        { entity: 'Order', attribute: 'TotalAmount' },
      ],
    });
    expectErrors(check(doc), [
      { code: 'unknown-entity', path: '/projectedAttributes/0/entity', message: /no entity "Invoice"/ },
      { code: 'unknown-attribute', path: '/projectedAttributes/1/attribute', message: /Order has no attribute "Total"/ },
      { code: 'no-relationship', path: '/projectedAttributes/2/entity', message: /Warehouse is not linked to Customer/ },
    ]);
  });
});

describe('validateSegment: structure errors and node ids', () => {
  test('structure errors from parseSegment are included, with their node ids', () => {
    const doc = docWith({
      kind: 'group',
      id: 'g1',
      combinator: 'and',
      children: [C('City', 'equals', { x: 1 }, 'c1'), C('Email', 'isEmpty', undefined, 'c1')],
    });
    expectErrors(check(doc), [
      {
        code: 'invalid-value',
        path: '/rules/0/where/children/0/value',
        message: /`equals` needs a single value, not an object/,
        nodeId: 'c1',
      },
      { code: 'duplicate-id', path: '/rules/0/where/children/1/id', message: /"c1" is already used/, nodeId: 'c1' },
    ]);
  });

  test('a fatal structure error is the only error (the meaning cannot be checked)', () => {
    expectErrors(check({ ...SPEC_EXAMPLE, name: undefined, schemaVersion: 4 }), [
      { code: 'unsupported-version', path: '/schemaVersion', message: /schema version 4/ },
    ]);
    expectErrors(check(null), [{ code: 'not-object', path: '', message: /must be a JSON object, not null/ }]);
    expectErrors(check('{oops'), [{ code: 'invalid-json', path: '', message: /not valid JSON/ }]);
  });

  test('every error of a document with ids carries the id of its rule or node', () => {
    const doc = {
      schemaVersion: 1,
      name: 'Ids',
      audience: 'Customer',
      rules: [
        {
          id: 'R1',
          setOperator: 'union',
          where: {
            kind: 'group',
            id: 'G1',
            combinator: 'and',
            children: [C('Nope', 'equals', 1, 'C1'), { kind: 'group', id: 'G2', combinator: 'or', children: [] }],
          },
        },
        {
          id: 'R2',
          setOperator: 'intersect',
          where: {
            kind: 'related',
            id: 'X1',
            entity: 'Order',
            match: { quantifier: 'atLeast' },
            where: cond('Order', 'TotalAmount', 'between', [9, 1], 'C2'),
          },
        },
        { id: 'R3', setOperator: 'except' },
      ],
    };
    const r = check(doc);
    const byPath = Object.fromEntries(r.errors.map((e) => [`${e.code} @ ${e.path}`, e.nodeId]));
    assert.deepEqual(byPath, {
      'set-operator-on-first-rule @ /rules/0/setOperator': 'R1',
      'unknown-attribute @ /rules/0/where/children/0/attribute': 'C1',
      'empty-group @ /rules/0/where/children/1/children': 'G2',
      'missing-value @ /rules/1/where/match/count': 'X1',
      'invalid-value @ /rules/1/where/where/value': 'C2',
      'empty-rule @ /rules/2': 'R3',
    });
  });

  test('validateSegment does not invent ids: errors of nodes without ids have no nodeId', () => {
    const doc = {
      schemaVersion: 1,
      name: 'NoIds',
      audience: 'Customer',
      rules: [
        {
          where: {
            kind: 'group',
            combinator: 'and',
            children: [{ kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'isEmpty' }],
          },
        },
      ],
    };
    const r = check(doc);
    assert.deepEqual(summary(r), ['unknown-attribute @ /rules/0/where/children/0/attribute']);
    assert.equal(r.errors[0]?.nodeId, undefined);
    assert.ok(!('nodeId' in (r.errors[0] ?? {})));
  });
});

describe('validateSegment: robustness', () => {
  test('odd catalogs never make it throw', () => {
    const odd: unknown[] = [
      {},
      null,
      undefined,
      { audience: 'Customer' },
      { audience: 'Customer', entities: 'x', relationships: null },
      { audience: 5, entities: [null, { name: 'Customer' }], relationships: [null] },
    ];
    for (const c of odd) {
      let r: ValidationResult | undefined;
      assert.doesNotThrow(() => (r = validateSegment(SPEC_EXAMPLE, c as Catalog)));
      assert.ok(r);
      assert.equal(r.valid, false);
      assert.ok(r.errors.some((e) => e.code === 'unknown-audience'));
      for (const e of r.errors) assert.doesNotMatch(e.message, /\[object Object\]/);
    }
  });

  test('odd segment sources never make it throw', () => {
    const doc = { ...docWith(C('City', 'isEmpty')), id: 'a', rules: [{ id: 'r1', segment: 'b' }] };
    const sources: unknown[] = [
      [null, 5, { id: 'b', rules: 'x' }],
      { b: { rules: [null, { segment: 7 }, { segment: 'a' }] } },
      () => undefined,
      new Map([['b', null]]),
    ];
    for (const segments of sources) {
      assert.doesNotThrow(() => validateSegment(doc, catalog, { segments: segments as SegmentDocument[] }));
    }
    const cyclic = validateSegment(doc, catalog, {
      segments: { b: { rules: [null, { segment: 7 }, { segment: 'a' }] } } as unknown as Record<string, SegmentDocument>,
    });
    assert.deepEqual(summary(cyclic), ['segment-cycle @ /rules/0/segment']);
  });

  const mutate = (doc: unknown, pick: number, value: unknown, del: boolean): unknown => {
    const copy = clone(doc);
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, base: (string | number)[]): void => {
      paths.push(base);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...base, i]));
      else if (isObj(v)) for (const k of Object.keys(v)) walk(v[k], [...base, k]);
    };
    walk(copy, []);
    const path = paths[pick % paths.length] ?? [];
    if (path.length === 0) return del ? undefined : value;
    let parent: unknown = copy;
    for (const t of path.slice(0, -1)) parent = (parent as Obj)[t];
    const last = path[path.length - 1] as string | number;
    if (del) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Obj)[last];
    } else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  };
  const bases: ValidFixture[] = [{ description: 'spec', document: SPEC_EXAMPLE, segments: SPEC_SEGMENTS }, ...VALID];
  const mutated = fc
    .tuple(
      fc.constantFrom(...bases),
      fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
    )
    .map(([base, muts]) => ({
      base,
      doc: muts.reduce<unknown>((d, [pick, value, del]) => (isObj(d) ? mutate(d, pick, value, del) : d), base.document),
    }));

  test('property: never throws on mutated valid documents; valid iff no errors; structure errors are included', () => {
    fc.assert(
      fc.property(mutated, ({ base, doc }) => {
        const r = validateSegment(doc, catalog, base.segments ? { segments: base.segments } : {});
        assert.equal(r.valid, r.errors.length === 0);
        for (const e of r.errors) {
          assert.ok(e.path === '' || e.path.startsWith('/'));
          assert.ok(e.message.length > 0);
          if (e.nodeId !== undefined) assert.equal(typeof e.nodeId, 'string');
        }
        const parsed = parseSegment(doc, { assignIds: false });
        const all = new Set(r.errors.map((e) => `${e.code} @ ${e.path}`));
        for (const e of parsed.errors) assert.ok(all.has(`${e.code} @ ${e.path}`), `structure error ${e.code} @ ${e.path} is included`);
      }),
      FC,
    );
  });

  test('property: never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSparseArray: true }), (v) => {
        const r = validateSegment(v, catalog, { segments: SPEC_SEGMENTS });
        assert.equal(r.valid, r.errors.length === 0);
        const inTree = validateSegment(docWith(v), catalog);
        assert.equal(inTree.valid, inTree.errors.length === 0);
      }),
      FC,
    );
  });
});

describe('isIdentifier', () => {
  test('letters, digits and _, not starting with a digit', () => {
    for (const ok of ['HighValueEscalated', 'a', '_x', 'A_1', 'vip_2024', '__proto__', 'constructor'])
      assert.equal(isIdentifier(ok), true, ok);
    for (const bad of ['', 'High value', '9lives', 'a-b', 'a.b', ' a', 'a ', 'é', 'a\nb', 'a$'])
      assert.equal(isIdentifier(bad), false, JSON.stringify(bad));
    for (const notText of [undefined, null, 5, ['a'], { a: 1 }]) assert.equal(isIdentifier(notText), false);
    assert.equal(IDENTIFIER.test('ok_1'), true);
  });
});
