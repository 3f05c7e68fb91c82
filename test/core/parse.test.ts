/** `parseSegment`, `serializeSegment` and `freshId` (SPEC section 3). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MAX_DEPTH, freshId, parseSegment, serializeSegment, type ParseResult } from '../../src/core/validate/parse.js';
import type { SegmentDocument, SegmentError, SegmentErrorCode } from '../../src/core/model/types.js';

type Obj = Record<string, unknown>;
type Token = string | number;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

const specFixture = fixture('spec-example.json');
assert.ok(isObj(specFixture));
const SPEC_EXAMPLE = specFixture.document as Obj;
const validFixtures = fixture('valid-documents.json');
assert.ok(Array.isArray(validFixtures));
const VALID_DOCS: Obj[] = [SPEC_EXAMPLE, ...validFixtures.map((f: unknown) => (f as { document: Obj }).document)];

const FC = { seed: 7, numRuns: 300 } as const;

/** A minimal valid document around one rule's where. */
function docWith(where: unknown, extra: Obj = {}): Obj {
  return { schemaVersion: 1, name: 'Test', audience: 'Customer', rules: [{ id: 'r1', where }], ...extra };
}
const cond = (attribute: string, operator: string, value?: unknown): Obj =>
  value === undefined
    ? { kind: 'condition', entity: 'Customer', attribute, operator }
    : { kind: 'condition', entity: 'Customer', attribute, operator, value };

function codes(r: ParseResult): string[] {
  return r.errors.map((e) => `${e.code} @ ${e.path}`).sort();
}

function assertErrorShape(e: SegmentError): void {
  assert.equal(typeof e.path, 'string');
  assert.ok(e.path === '' || e.path.startsWith('/'), `path "${e.path}" is a JSON pointer`);
  assert.equal(typeof e.code, 'string');
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0);
}

function assertResultShape(r: ParseResult): void {
  assert.equal(typeof r.ok, 'boolean');
  assert.ok(Array.isArray(r.errors));
  if (r.ok) {
    assert.equal(r.errors.length, 0);
    assert.ok(isObj(r.segment));
  } else {
    assert.ok(r.errors.length > 0, 'a failed parse says why');
    r.errors.forEach(assertErrorShape);
  }
}

/** Every rule and node of a parsed segment, with its pointer. */
function* rulesAndNodes(doc: SegmentDocument): Generator<[string, Obj]> {
  function* node(n: unknown, path: string): Generator<[string, Obj]> {
    if (!isObj(n)) return;
    yield [path, n];
    if (Array.isArray(n.children)) for (let i = 0; i < n.children.length; i++) yield* node(n.children[i], `${path}/children/${i}`);
    if (n.where !== undefined) yield* node(n.where, `${path}/where`);
  }
  for (let i = 0; i < doc.rules.length; i++) {
    const rule = doc.rules[i] as Obj;
    yield [`/rules/${i}`, rule];
    if (rule.where !== undefined) yield* node(rule.where, `/rules/${i}/where`);
  }
}

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTO_BEFORE = protoNames();
function assertPrototypeClean(): void {
  assert.deepEqual(protoNames(), PROTO_BEFORE, 'Object.prototype was changed');
  const probe: Obj = {};
  for (const k of ['polluted', 'isAdmin', 'where', 'children', 'operator', 'quantifier', 'amount', 'entity'])
    assert.equal(probe[k], undefined, `({}).${k}`);
}

describe('parseSegment: input forms', () => {
  test('reads the SPEC example as an object, unchanged apart from the ids it assigns', () => {
    const r = parseSegment(SPEC_EXAMPLE);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.deepEqual(r.errors, []);
    const withoutNodeIds = clone(r.segment) as Obj;
    for (const [path, n] of rulesAndNodes(withoutNodeIds as unknown as SegmentDocument)) if (path.includes('/where')) delete n.id;
    assert.deepEqual(withoutNodeIds, SPEC_EXAMPLE);
  });

  test('reads JSON text exactly as the object it encodes', () => {
    const fromText = parseSegment(JSON.stringify(SPEC_EXAMPLE));
    const fromObject = parseSegment(SPEC_EXAMPLE);
    assert.equal(fromText.ok, true);
    assert.deepStrictEqual(fromText.segment, fromObject.segment);
    const pretty = parseSegment(`\n  ${JSON.stringify(SPEC_EXAMPLE, null, 4)}\n`);
    assert.deepStrictEqual(pretty.segment, fromObject.segment);
  });

  test('JSON text that does not parse: invalid-json at the root, no segment', () => {
    for (const text of ['{', 'not json', '', "{'a': 1}", '{"schemaVersion": 1,}', 'undefined']) {
      const r = parseSegment(text);
      assert.equal(r.ok, false);
      assert.equal(r.segment, undefined, text);
      assert.equal(r.errors.length, 1);
      const [e] = r.errors;
      assert.ok(e);
      assert.equal(e.code, 'invalid-json');
      assert.equal(e.path, '');
      assert.match(e.message, /not valid JSON/i);
    }
  });

  test('JSON text of something other than an object: not-object, naming what it is', () => {
    const cases: [string, RegExp][] = [
      ['[1, 2]', /list/],
      ['"hello"', /string|text/],
      ['42', /number/],
      ['null', /null/],
      ['true', /boolean/],
    ];
    for (const [text, what] of cases) {
      const r = parseSegment(text);
      assert.deepEqual(codes(r), ['not-object @ '], text);
      assert.match(r.errors[0]?.message ?? '', /must be a JSON object/);
      assert.match(r.errors[0]?.message ?? '', what);
      assert.equal(r.segment, undefined);
    }
  });

  test('values that are not objects: not-object at the root', () => {
    for (const v of [null, undefined, 0, 1.5, true, [], [SPEC_EXAMPLE], () => SPEC_EXAMPLE, Symbol('x'), 10n]) {
      const r = parseSegment(v);
      assert.equal(r.ok, false);
      assert.equal(r.segment, undefined);
      assert.deepEqual(codes(r), ['not-object @ ']);
      assert.match(r.errors[0]?.message ?? '', /segment document must be a JSON object/);
    }
  });

  test('a missing schemaVersion reads as version 1', () => {
    const doc = clone(SPEC_EXAMPLE);
    delete doc.schemaVersion;
    const r = parseSegment(doc);
    assert.equal(r.ok, true);
    assert.equal(r.segment?.schemaVersion, 1);
  });
});

describe('parseSegment: versions', () => {
  test('a future version is unsupported, and the message names that version', () => {
    for (const v of [2, 7, 1000]) {
      const r = parseSegment({ ...SPEC_EXAMPLE, schemaVersion: v });
      assert.equal(r.ok, false);
      assert.equal(r.segment, undefined, 'a newer document cannot be opened');
      assert.deepEqual(codes(r), ['unsupported-version @ /schemaVersion']);
      const message = r.errors[0]?.message ?? '';
      assert.match(message, new RegExp(`\\b${v}\\b`));
      assert.match(message, /newer/);
      assert.match(message, /update/i);
    }
  });

  test('a version that is not a positive whole number is invalid, and the message shows what was given', () => {
    const cases: [unknown, RegExp][] = [
      ['1', /"1"/],
      [0, /\b0\b/],
      [-3, /-3/],
      [1.5, /1\.5/],
      [null, /null/],
      [true, /true/],
    ];
    for (const [v, shown] of cases) {
      const r = parseSegment({ ...SPEC_EXAMPLE, schemaVersion: v });
      assert.deepEqual(codes(r), ['invalid-version @ /schemaVersion'], String(v));
      assert.equal(r.segment, undefined);
      assert.match(r.errors[0]?.message ?? '', /schemaVersion must be 1/);
      assert.match(r.errors[0]?.message ?? '', shown);
    }
  });

  test('an object or list as the version: the message describes it instead of printing [object Object]', () => {
    for (const v of [{ major: 1 }, [1]]) {
      const r = parseSegment({ ...SPEC_EXAMPLE, schemaVersion: v });
      assert.deepEqual(codes(r), ['invalid-version @ /schemaVersion']);
      const message = r.errors[0]?.message ?? '';
      assert.doesNotMatch(message, /\[object Object\]/);
      assert.match(message, /an object|a list/);
    }
  });
});

describe('parseSegment: ids', () => {
  test('assigns an id to every rule and node that lacks one, all unique, and keeps the ids given', () => {
    const doc = docWith({
      kind: 'group',
      combinator: 'and',
      children: [
        { ...cond('City', 'equals', 'Paris'), id: 'c2' },
        cond('City', 'isEmpty'),
        {
          kind: 'related',
          entity: 'Order',
          match: { quantifier: 'any' },
          where: { kind: 'group', combinator: 'or', id: 'g1', children: [{ ...cond('TotalAmount', 'isEmpty'), entity: 'Order' }] },
        },
        { kind: 'group', combinator: 'or', children: [cond('Email', 'isEmpty'), { ...cond('Email', 'isNotEmpty'), id: 'x1' }] },
      ],
    });
    (doc.rules as Obj[]).push(
      { setOperator: 'union', where: cond('City', 'isNotEmpty') },
      { id: 'r3', setOperator: 'except', segment: 'other' },
    );
    const r = parseSegment(doc);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.ok(r.segment);
    const seen = new Map<string, string>();
    let count = 0;
    for (const [path, n] of rulesAndNodes(r.segment)) {
      count++;
      assert.equal(typeof n.id, 'string', `${path} has an id`);
      assert.notEqual(n.id, '', `${path} has a non-empty id`);
      const id = n.id as string;
      assert.ok(!seen.has(id), `${path} reuses the id "${id}" of ${seen.get(id) ?? ''}`);
      seen.set(id, path);
    }
    assert.equal(count, 13);
    assert.equal(seen.get('r1'), '/rules/0');
    assert.equal(seen.get('r3'), '/rules/2');
    assert.equal(seen.get('c2'), '/rules/0/where/children/0');
    assert.equal(seen.get('g1'), '/rules/0/where/children/2/where');
    assert.equal(seen.get('x1'), '/rules/0/where/children/3/children/1');
  });

  test('assigns fresh ids that do not collide with ids appearing later in the document', () => {
    // The first nodes lack ids; the last ones use the names a naive counter would produce.
    const taken = ['r1', 'r2', 'g1', 'g2', 'c1', 'c2', 'c3', 'x1', 'x2', '1', '2', '3'];
    const doc = docWith({
      kind: 'group',
      combinator: 'and',
      children: [cond('City', 'isEmpty'), cond('City', 'isNotEmpty'), ...taken.map((id) => ({ ...cond('Email', 'isEmpty'), id }))],
    });
    (doc.rules as Obj[])[0] = { where: (doc.rules as Obj[])[0]?.where };
    const r = parseSegment(doc);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.ok(r.segment);
    const ids = [...rulesAndNodes(r.segment)].map(([, n]) => n.id);
    assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids.join(', ')}`);
    for (const id of ids) assert.equal(typeof id, 'string');
  });

  test('with assignIds: false, rules and nodes without an id stay without one', () => {
    const doc = clone(SPEC_EXAMPLE);
    delete (doc.rules as Obj[])[0]?.id;
    const r = parseSegment(doc, { assignIds: false });
    assert.equal(r.ok, true);
    assert.ok(r.segment);
    for (const [path, n] of rulesAndNodes(r.segment)) {
      if (path === '/rules/1' || path === '/rules/2') assert.ok(own(n, 'id'), path);
      else assert.ok(!own(n, 'id'), `${path} got an id`);
    }
  });

  test('an id that is not non-empty text is an error, and the draft segment gets a fresh id in its place', () => {
    for (const bad of [5, '', null, ['r1'], { id: 'r1' }]) {
      const doc = docWith({ ...cond('City', 'isEmpty'), id: bad });
      const r = parseSegment(doc);
      assert.deepEqual(codes(r), ['wrong-type @ /rules/0/where/id'], JSON.stringify(bad));
      assert.match(r.errors[0]?.message ?? '', /id must be non-empty text/);
      const where = r.segment?.rules[0]?.where;
      assert.ok(where);
      assert.equal(typeof where.id, 'string');
      assert.notEqual(where.id, '');
      assert.notEqual(where.id, 'r1');
    }
  });

  test('a duplicate id is reported at its second use, naming the id and the first use, with the id as nodeId', () => {
    const doc = docWith({
      kind: 'group',
      combinator: 'and',
      id: 'g',
      children: [
        { ...cond('City', 'isEmpty'), id: 'dup' },
        { ...cond('Email', 'isEmpty'), id: 'dup' },
      ],
    });
    const r = parseSegment(doc);
    assert.equal(r.ok, false);
    assert.deepEqual(codes(r), ['duplicate-id @ /rules/0/where/children/1/id']);
    const e = r.errors[0];
    assert.ok(e);
    assert.equal(e.nodeId, 'dup');
    assert.match(e.message, /"dup"/);
    assert.match(e.message, /\/rules\/0\/where\/children\/0/);
    assert.match(e.message, /unique/);
    assert.ok(r.segment, 'a duplicate id is recoverable');
  });
});

describe('freshId', () => {
  test('returns prefix + a number not yet taken, and takes it', () => {
    const set = new Set(['r1', 'r2', 'r4']);
    const a = freshId(set, 'r');
    assert.ok(!['r1', 'r2', 'r4'].includes(a));
    assert.match(a, /^r\d+$/);
    assert.ok(set.has(a));
    const b = freshId(set, 'r');
    assert.notEqual(a, b);
    assert.ok(set.has(b));
  });

  test('works with a Map of taken ids', () => {
    const map = new Map<string, unknown>([
      ['c1', 1],
      ['c2', 2],
      ['c3', 3],
    ]);
    const id = freshId(map, 'c');
    assert.ok(!['c1', 'c2', 'c3'].includes(id));
    assert.ok(map.has(id));
  });

  test('a thousand fresh ids are all different', () => {
    const taken = new Set<string>(['n5', 'n50', 'n500']);
    const made = Array.from({ length: 1000 }, () => freshId(taken, 'n'));
    assert.equal(new Set(made).size, 1000);
    for (const id of ['n5', 'n50', 'n500']) assert.ok(!made.includes(id));
  });
});

describe('parseSegment: unknown fields', () => {
  // Unknown fields (x_*) and own "__proto__" keys at every level of a valid document.
  const text = JSON.stringify({
    schemaVersion: 1,
    name: 'Keep',
    audience: 'Customer',
    x_top: { a: [1, { b: null }], c: 'text' },
    rules: [
      {
        id: 'r1',
        x_rule: 1,
        where: {
          kind: 'group',
          combinator: 'or',
          x_group: 'g',
          children: [
            {
              kind: 'condition',
              entity: 'Customer',
              attribute: 'CreatedOn',
              operator: 'inLast',
              value: { amount: 3, unit: 'day', x_value: true },
              x_condition: [1, 2],
            },
            { kind: 'related', entity: 'Order', match: { quantifier: 'any', x_match: 'q' }, x_related: {} },
            {
              kind: 'related',
              entity: 'Order',
              match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 5, x_aggregate: null },
            },
          ],
        },
      },
    ],
    projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount', x_projected: 'p' }],
  });
  // Where each level is, and the "__proto__" payload planted there (it must stay inert data).
  const levels: [string, Token[], Obj][] = [
    ['document', [], { polluted: true, name: 'FromProto' }],
    ['rule', ['rules', 0], { where: 'no', polluted: 1 }],
    ['group', ['rules', 0, 'where'], { children: [], polluted: 2 }],
    ['condition', ['rules', 0, 'where', 'children', 0], { operator: 'equals', polluted: 3 }],
    ['relative value', ['rules', 0, 'where', 'children', 0, 'value'], { amount: -1, polluted: 4 }],
    ['related', ['rules', 0, 'where', 'children', 1], { entity: 'Case', polluted: 5 }],
    ['quantifier match', ['rules', 0, 'where', 'children', 1, 'match'], { quantifier: 'none', polluted: 6 }],
    ['aggregate match', ['rules', 0, 'where', 'children', 2, 'match'], { aggregate: 'avg', polluted: 7 }],
    ['projected attribute', ['projectedAttributes', 0], { entity: 'Case', polluted: 8 }],
  ];
  const unknownKeys: [string, Token[], unknown][] = [
    ['x_top', [], { a: [1, { b: null }], c: 'text' }],
    ['x_rule', ['rules', 0], 1],
    ['x_group', ['rules', 0, 'where'], 'g'],
    ['x_condition', ['rules', 0, 'where', 'children', 0], [1, 2]],
    ['x_value', ['rules', 0, 'where', 'children', 0, 'value'], true],
    ['x_related', ['rules', 0, 'where', 'children', 1], {}],
    ['x_match', ['rules', 0, 'where', 'children', 1, 'match'], 'q'],
    ['x_aggregate', ['rules', 0, 'where', 'children', 2, 'match'], null],
    ['x_projected', ['projectedAttributes', 0], 'p'],
  ];
  const at = (root: unknown, path: Token[]): Obj => {
    let cur: unknown = root;
    for (const t of path) cur = (cur as Obj)[t];
    assert.ok(isObj(cur), `an object at /${path.join('/')}`);
    return cur;
  };
  /** The document with an own "__proto__" key planted at every level (JSON.parse makes them own data keys). */
  const hostileText = (() => {
    const doc: unknown = JSON.parse(text);
    for (const [, path, payload] of levels) {
      Object.defineProperty(at(doc, path), '__proto__', { value: payload, enumerable: true, writable: true, configurable: true });
    }
    return JSON.stringify(doc);
  })();

  test('keeps unknown fields at every level, with their values', () => {
    const r = parseSegment(text);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    for (const [k, path, value] of unknownKeys) {
      const o = at(r.segment, path);
      assert.ok(own(o, k), `${k} kept`);
      assert.deepStrictEqual(o[k], value, k);
    }
  });

  test('an own "__proto__" key stays an own data property at every level, and prototypes are untouched', () => {
    const input: unknown = JSON.parse(hostileText);
    const r = parseSegment(input);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    for (const [level, path, payload] of levels) {
      const o = at(r.segment, path);
      assert.equal(Object.getPrototypeOf(o), Object.prototype, `${level}: prototype`);
      const d = Object.getOwnPropertyDescriptor(o, '__proto__');
      assert.ok(d, `${level}: "__proto__" is an own property`);
      assert.ok('value' in d && d.enumerable, `${level}: "__proto__" is an enumerable data property`);
      assert.deepStrictEqual(d.value, payload, `${level}: payload`);
      assert.equal(o.polluted, undefined, `${level}: the payload is not inherited`);
    }
    // The payload never stands in for a real field.
    assert.equal(r.segment.name, 'Keep');
    assert.equal(at(r.segment, ['rules', 0, 'where']).combinator, 'or');
    assert.equal((at(r.segment, ['rules', 0, 'where']).children as unknown[]).length, 3);
    assert.deepEqual(at(r.segment, ['rules', 0, 'where', 'children', 0, 'value']).amount, 3);
    assert.equal(at(r.segment, ['rules', 0, 'where', 'children', 1, 'match']).quantifier, 'any');
    assert.equal(at(r.segment, ['projectedAttributes', 0]).entity, 'Order');
    assertPrototypeClean();
  });

  test('own "__proto__" keys survive serializeSegment and a second parse', () => {
    const first = parseSegment(hostileText);
    assert.equal(first.ok, true);
    const out = serializeSegment(first.segment);
    assert.equal(out.split('"__proto__"').length - 1, levels.length);
    const second = parseSegment(out);
    assert.equal(second.ok, true);
    assert.deepStrictEqual(second.segment, first.segment);
    assertPrototypeClean();
  });

  test('an unknown field with a non-JSON value is reported as not-json at its path', () => {
    const cases: [string, unknown, RegExp][] = [
      ['nan', NaN, /NaN is not a JSON number/],
      ['inf', -Infinity, /Infinity is not a JSON number/],
      ['fn', () => 1, /function/],
      ['big', 10n, /bigint/],
      ['sym', Symbol('s'), /symbol/],
    ];
    for (const [k, v, message] of cases) {
      const r = parseSegment({ ...SPEC_EXAMPLE, x: { deep: [0, v] } });
      assert.deepEqual(codes(r), ['not-json @ /x/deep/1'], k);
      assert.match(r.errors[0]?.message ?? '', message);
      assert.ok(r.segment, `${k}: recoverable`);
    }
    const inValue = parseSegment(docWith(cond('CreditBalance', 'greaterThan', NaN)));
    assert.deepEqual(codes(inValue), ['not-json @ /rules/0/where/value']);
  });

  test('not-json messages read as English (no "a undefined")', () => {
    const r = parseSegment({ ...SPEC_EXAMPLE, x: [1, undefined] });
    assert.deepEqual(codes(r), ['not-json @ /x/1']);
    assert.doesNotMatch(r.errors[0]?.message ?? '', /\ba undefined\b/);
  });

  test('undefined-valued object fields are dropped as JSON.stringify drops them', () => {
    const r = parseSegment({ ...SPEC_EXAMPLE, description: undefined, x: { a: undefined, b: 1 } });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.ok(!own(r.segment, 'description'));
    assert.deepStrictEqual(r.segment.x, { b: 1 });
  });
});

describe('parseSegment: recoverable and fatal errors', () => {
  const recoverable: [string, Obj, string[]][] = [
    ['a condition value of the wrong shape', docWith(cond('CreditBalance', 'between', [1])), ['invalid-value @ /rules/0/where/value']],
    [
      'a group without combinator',
      docWith({ kind: 'group', children: [cond('City', 'isEmpty')] }),
      ['missing-field @ /rules/0/where/combinator'],
    ],
    [
      'a bad tag and a bad type',
      docWith(cond('City', 'isEmpty'), { tags: ['a', 1], type: 'weekly' }),
      ['invalid-option @ /type', 'wrong-type @ /tags/1'],
    ],
    ['no audience', { schemaVersion: 1, name: 'A', rules: [{ where: cond('City', 'isEmpty') }] }, ['missing-field @ /audience']],
    ['no rules', { schemaVersion: 1, name: 'A', audience: 'Customer' }, ['missing-field @ /rules']],
    ['a related block without match', docWith({ kind: 'related', entity: 'Order' }), ['missing-field @ /rules/0/where/match']],
    ['a bad projected attribute', docWith(cond('City', 'isEmpty'), { projectedAttributes: [5] }), ['not-object @ /projectedAttributes/0']],
    ['an unknown operator', docWith(cond('City', 'like', 'x')), ['unknown-operator @ /rules/0/where/operator']],
  ];
  for (const [name, doc, expected] of recoverable) {
    test(`recoverable: ${name} — the draft segment is returned with the errors`, () => {
      const r = parseSegment(doc);
      assert.equal(r.ok, false);
      assert.deepEqual(codes(r), expected);
      assert.ok(r.segment, 'segment present');
      assert.equal(r.segment.schemaVersion, 1);
      assert.ok(Array.isArray(r.segment.rules));
      assert.equal(typeof r.segment.audience, 'string');
      assert.equal(r.segment.rules.length, Array.isArray(doc.rules) ? doc.rules.length : 0);
    });
  }

  test('recoverable: the draft keeps the readable parts of a rule around the broken one', () => {
    const doc = docWith({
      kind: 'group',
      combinator: 'and',
      id: 'g1',
      children: [
        { ...cond('City', 'equals', 'Paris'), id: 'ok' },
        { ...cond('CreditBalance', 'greaterThan', { v: 1 }), id: 'bad' },
      ],
    });
    const r = parseSegment(doc);
    assert.deepEqual(codes(r), ['invalid-value @ /rules/0/where/children/1/value']);
    assert.equal(r.errors[0]?.nodeId, 'bad');
    assert.match(r.errors[0]?.message ?? '', /greaterThan.*single value/);
    const where = r.segment?.rules[0]?.where as Obj | undefined;
    assert.ok(where && Array.isArray(where.children));
    assert.deepEqual(where.children[0], { ...cond('City', 'equals', 'Paris'), id: 'ok' });
  });

  const fatal: [string, unknown, string][] = [
    ['not an object', 'x'.repeat(3), 'invalid-json @ '],
    ['null', null, 'not-object @ '],
    ['a list', [SPEC_EXAMPLE], 'not-object @ '],
    ['a future version', { ...SPEC_EXAMPLE, schemaVersion: 9 }, 'unsupported-version @ /schemaVersion'],
    ['an invalid version', { ...SPEC_EXAMPLE, schemaVersion: 'one' }, 'invalid-version @ /schemaVersion'],
    ['rules that are not a list', { ...SPEC_EXAMPLE, rules: { r1: {} } }, 'wrong-type @ /rules'],
  ];
  for (const [name, input, expected] of fatal) {
    test(`fatal: ${name} — no segment`, () => {
      const r = parseSegment(input);
      assert.equal(r.ok, false);
      assert.equal(r.segment, undefined);
      assert.deepEqual(codes(r), [expected]);
    });
  }
});

describe('parseSegment: structure errors, with paths, codes, messages and node ids', () => {
  const P = '/rules/0/where';
  const cases: [string, unknown, SegmentErrorCode, string, RegExp, string?][] = [
    ['unknown kind', { kind: 'filter' }, 'unknown-kind', `${P}/kind`, /Unknown node kind "filter".*group.*condition.*related/],
    ['kind as a number', { kind: 3 }, 'unknown-kind', `${P}/kind`, /Unknown node kind a number/],
    ['missing kind', { entity: 'Customer' }, 'missing-field', `${P}/kind`, /needs a kind/],
    ['node not an object', 'City = Paris', 'not-object', P, /must be an object, not a string/],
    [
      'bad combinator',
      { kind: 'group', id: 'g', combinator: 'nand', children: [] },
      'invalid-option',
      `${P}/combinator`,
      /combinator must be "and" or "or", not "nand"/,
      'g',
    ],
    [
      'bad not',
      { kind: 'group', id: 'g', combinator: 'and', not: 'yes', children: [cond('City', 'isEmpty')] },
      'wrong-type',
      `${P}/not`,
      /not must be true or false, not a string/,
      'g',
    ],
    [
      'children not a list',
      { kind: 'group', combinator: 'and', children: 'none' },
      'wrong-type',
      `${P}/children`,
      /children must be a list, not a string/,
    ],
    ['unknown operator', { ...cond('City', 'like', 'P%'), id: 'c' }, 'unknown-operator', `${P}/operator`, /Unknown operator "like"/, 'c'],
    [
      'operator not text',
      { ...cond('City', 'equals', 'x'), operator: 1, id: 'c' },
      'wrong-type',
      `${P}/operator`,
      /operator must be text, not a number/,
      'c',
    ],
    [
      'missing entity',
      { kind: 'condition', id: 'c', attribute: 'City', operator: 'isEmpty' },
      'missing-field',
      `${P}/entity`,
      /needs the entity/,
      'c',
    ],
    ['scalar missing', { ...cond('City', 'equals'), id: 'c' }, 'missing-value', `${P}/value`, /`equals` needs a value/, 'c'],
    [
      'scalar as object',
      { ...cond('City', 'equals', { a: 1 }), id: 'c' },
      'invalid-value',
      `${P}/value`,
      /`equals` needs a single value, not an object/,
      'c',
    ],
    [
      'pair of one',
      { ...cond('CreditBalance', 'between', [1]), id: 'c' },
      'invalid-value',
      `${P}/value`,
      /`between` needs two values, low and high/,
      'c',
    ],
    [
      'pair of three',
      { ...cond('CreditBalance', 'notBetween', [1, 2, 3]), id: 'c' },
      'invalid-value',
      `${P}/value`,
      /`notBetween` needs two values/,
      'c',
    ],
    [
      'pair with null high',
      { ...cond('CreditBalance', 'between', [1, null]), id: 'c' },
      'missing-value',
      `${P}/value/1`,
      /high value/,
      'c',
    ],
    ['list empty', { ...cond('City', 'in', []), id: 'c' }, 'missing-value', `${P}/value`, /`in` needs at least one value/, 'c'],
    [
      'list not a list',
      { ...cond('City', 'notIn', 'Paris'), id: 'c' },
      'invalid-value',
      `${P}/value`,
      /`notIn` needs a list of values, not a string/,
      'c',
    ],
    [
      'list item an object',
      { ...cond('City', 'in', ['a', {}]), id: 'c' },
      'invalid-value',
      `${P}/value/1`,
      /single value, not an object/,
      'c',
    ],
    ['relative as number', { ...cond('CreatedOn', 'inLast', 90), id: 'c' }, 'invalid-value', `${P}/value`, /amount and a unit/, 'c'],
    [
      'relative without amount',
      { ...cond('CreatedOn', 'inLast', { unit: 'day' }), id: 'c' },
      'missing-value',
      `${P}/value/amount`,
      /needs an amount/,
      'c',
    ],
    [
      'relative negative amount',
      { ...cond('CreatedOn', 'inNext', { amount: -2, unit: 'day' }), id: 'c' },
      'invalid-value',
      `${P}/value/amount`,
      /whole number of 0 or more, not -2/,
      'c',
    ],
    [
      'relative fractional amount',
      { ...cond('CreatedOn', 'inNext', { amount: 0.5, unit: 'day' }), id: 'c' },
      'invalid-value',
      `${P}/value/amount`,
      /whole number.*0\.5/,
      'c',
    ],
    [
      'relative without unit',
      { ...cond('CreatedOn', 'notInLast', { amount: 2 }), id: 'c' },
      'missing-value',
      `${P}/value/unit`,
      /needs a unit: day, week, month or year/,
      'c',
    ],
    [
      'relative bad unit',
      { ...cond('CreatedOn', 'inLast', { amount: 2, unit: 'days' }), id: 'c' },
      'invalid-option',
      `${P}/value/unit`,
      /unit must be day, week, month or year, not "days"/,
      'c',
    ],
    ['match missing', { kind: 'related', id: 'x', entity: 'Order' }, 'missing-field', `${P}/match`, /needs a match/, 'x'],
    [
      'match not an object',
      { kind: 'related', id: 'x', entity: 'Order', match: 'any' },
      'not-object',
      `${P}/match`,
      /match must be an object, not a string/,
      'x',
    ],
    [
      'bad quantifier',
      { kind: 'related', id: 'x', entity: 'Order', match: { quantifier: 'many' } },
      'invalid-option',
      `${P}/match/quantifier`,
      /quantifier must be any, none, atLeast, atMost or exactly, not "many"/,
      'x',
    ],
    [
      'atLeast without count',
      { kind: 'related', id: 'x', entity: 'Order', match: { quantifier: 'atLeast' } },
      'missing-value',
      `${P}/match/count`,
      /`atLeast` needs a count/,
      'x',
    ],
    [
      'count -1',
      { kind: 'related', id: 'x', entity: 'Order', match: { quantifier: 'exactly', count: -1 } },
      'invalid-value',
      `${P}/match/count`,
      /count must be a whole number of 0 or more, not -1/,
      'x',
    ],
    [
      'quantifier and aggregate',
      { kind: 'related', id: 'x', entity: 'Order', match: { quantifier: 'any', aggregate: 'count', operator: 'equals', value: 1 } },
      'invalid-value',
      `${P}/match`,
      /either a quantifier or an aggregate/,
      'x',
    ],
    [
      'bad aggregate',
      { kind: 'related', id: 'x', entity: 'Order', match: { aggregate: 'median', attribute: 'TotalAmount', operator: 'equals', value: 1 } },
      'invalid-option',
      `${P}/match/aggregate`,
      /aggregate must be count, sum, avg, min or max, not "median"/,
      'x',
    ],
    [
      'sum without attribute',
      { kind: 'related', id: 'x', entity: 'Order', match: { aggregate: 'sum', operator: 'equals', value: 1 } },
      'missing-field',
      `${P}/match/attribute`,
      /`sum` needs the attribute/,
      'x',
    ],
  ];
  for (const [name, where, code, path, message, nodeId] of cases) {
    test(name, () => {
      const r = parseSegment(docWith(where), { assignIds: false });
      assert.equal(r.ok, false);
      assert.deepEqual(codes(r), [`${code} @ ${path}`]);
      const e = r.errors[0];
      assert.ok(e);
      assert.match(e.message, message);
      if (nodeId !== undefined) assert.equal(e.nodeId, nodeId);
    });
  }

  test('errors of a rule carry the rule id (setOperator, segment, name)', () => {
    const doc = {
      schemaVersion: 1,
      name: 'T',
      audience: 'Customer',
      rules: [
        { id: 'first', where: cond('City', 'isEmpty') },
        { id: 'second', setOperator: 'minus', segment: 5, name: 3 },
      ],
    };
    const r = parseSegment(doc);
    assert.deepEqual(codes(r), ['invalid-option @ /rules/1/setOperator', 'wrong-type @ /rules/1/name', 'wrong-type @ /rules/1/segment']);
    for (const e of r.errors) assert.equal(e.nodeId, 'second', `${e.path}: nodeId`);
    const setOp = r.errors.find((e) => e.path.endsWith('setOperator'));
    assert.match(setOp?.message ?? '', /"union", "intersect", "except", not "minus"/);
  });

  test('structural errors of a node carry its id (unknown kind, children not a list)', () => {
    const unknownKind = parseSegment(docWith({ kind: 'filter', id: 'f1' }));
    assert.deepEqual(codes(unknownKind), ['unknown-kind @ /rules/0/where/kind']);
    assert.equal(unknownKind.errors[0]?.nodeId, 'f1');
    const children = parseSegment(docWith({ kind: 'group', id: 'g1', combinator: 'and', children: {} }));
    assert.deepEqual(codes(children), ['wrong-type @ /rules/0/where/children']);
    assert.equal(children.errors[0]?.nodeId, 'g1');
  });

  test('invalid options are described, never printed as [object Object] or as a bare list', () => {
    const docs: Obj[] = [
      docWith({ kind: 'group', combinator: { and: true }, children: [cond('City', 'isEmpty')] }),
      docWith({ kind: 'group', combinator: ['and'], children: [cond('City', 'isEmpty')] }),
      docWith({ kind: 'related', entity: 'Order', match: { quantifier: { n: 1 } } }),
      docWith({ kind: 'related', entity: 'Order', match: { quantifier: 'atLeast', count: [2] } }),
      docWith({ kind: 'related', entity: 'Order', match: { aggregate: ['sum'], attribute: 'TotalAmount', operator: 'equals', value: 1 } }),
      docWith(cond('CreatedOn', 'inLast', { amount: { n: 1 }, unit: 'day' })),
      docWith(cond('CreatedOn', 'inLast', { amount: 1, unit: ['day'] })),
    ];
    const bad: string[] = [];
    for (const doc of docs) {
      const r = parseSegment(doc);
      assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
      const message = r.errors[0]?.message ?? '';
      if (/\[object Object\]/.test(message) || !/not (an object|a list)\.$/.test(message))
        bad.push(`${r.errors[0]?.path ?? ''}: ${message}`);
    }
    assert.deepEqual(bad, [], 'messages that print a value instead of describing it');
  });
});

describe('parseSegment: depth', () => {
  const nestedGroups = (levels: number): unknown => {
    let node: unknown = cond('City', 'isEmpty');
    for (let i = 1; i < levels; i++) node = { kind: 'group', combinator: 'and', children: [node] };
    return node;
  };

  test(`${MAX_DEPTH} nested nodes are fine`, () => {
    const r = parseSegment(docWith(nestedGroups(MAX_DEPTH)));
    assert.equal(r.ok, true, JSON.stringify(r.errors));
  });

  test(`${MAX_DEPTH + 1} nested nodes are too deep, reported at the first node past the limit`, () => {
    const r = parseSegment(docWith(nestedGroups(MAX_DEPTH + 1)));
    assert.equal(r.ok, false);
    assert.deepEqual(codes(r), [`too-deep @ /rules/0/where${'/children/0'.repeat(MAX_DEPTH)}`]);
    assert.match(r.errors[0]?.message ?? '', new RegExp(`more than ${MAX_DEPTH} levels`));
  });

  test('related nesting counts towards the same limit', () => {
    let node: unknown = { kind: 'condition', entity: 'WebSession', attribute: 'Device', operator: 'isEmpty' };
    for (let i = 0; i < 200; i++)
      node = { kind: 'related', entity: i % 2 ? 'OnlineAccount' : 'WebSession', match: { quantifier: 'any' }, where: node };
    const r = parseSegment(docWith(node));
    assert.deepEqual(codes(r), [`too-deep @ /rules/0/where${'/where'.repeat(MAX_DEPTH)}`]);
  });

  test('a very deep unknown field is cut at the limit, and the rest of the document is kept', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const r = parseSegment({ ...SPEC_EXAMPLE, deep });
    assert.deepEqual(codes(r), [`too-deep @ /deep${'/a'.repeat(MAX_DEPTH)}`]);
    assert.ok(r.segment);
    assert.equal(r.segment.rules.length, 3);
  });

  test('a very deeply nested JSON text does not throw', () => {
    const text = `{"schemaVersion":1,"name":"A","audience":"Customer","rules":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    let r: ParseResult | undefined;
    assert.doesNotThrow(() => (r = parseSegment(text)));
    assert.ok(r);
    assertResultShape(r);
    assert.equal(r.ok, false);
  });
});

describe('parseSegment: hostile inputs never throw', () => {
  const expectNoThrow = (input: unknown): ParseResult => {
    let r: ParseResult | undefined;
    assert.doesNotThrow(() => (r = parseSegment(input)));
    assert.ok(r);
    assertResultShape(r);
    assertPrototypeClean();
    return r;
  };
  const throwingGetter = (target: Obj, key: string) =>
    Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key} exploded`);
      },
    });

  test('a getter that throws, at the top level', () => {
    const r = expectNoThrow(throwingGetter({ schemaVersion: 1, name: 'A', audience: 'Customer' }, 'rules'));
    assert.equal(r.ok, false);
    assert.equal(r.segment, undefined);
    assert.match(r.errors[0]?.message ?? '', /could not be read/);
  });

  test('a getter that throws, in a condition, a value, an unknown field and a match', () => {
    expectNoThrow(docWith(throwingGetter({ kind: 'condition', entity: 'Customer', attribute: 'City' }, 'operator')));
    expectNoThrow(
      docWith({
        kind: 'condition',
        entity: 'Customer',
        attribute: 'CreatedOn',
        operator: 'inLast',
        value: throwingGetter({ unit: 'day' }, 'amount'),
      }),
    );
    expectNoThrow({ ...SPEC_EXAMPLE, x: throwingGetter({}, 'boom') });
    expectNoThrow(docWith({ kind: 'related', entity: 'Order', match: throwingGetter({}, 'quantifier') }));
    expectNoThrow(docWith({ kind: 'group', combinator: 'and', children: [throwingGetter({ kind: 'group' }, 'children')] }));
  });

  test('proxies whose traps throw, and revoked proxies', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('ownKeys');
        },
        getOwnPropertyDescriptor() {
          throw new Error('descriptor');
        },
        get() {
          throw new Error('get');
        },
        has() {
          throw new Error('has');
        },
      },
    );
    expectNoThrow(hostile);
    expectNoThrow(docWith(hostile));
    expectNoThrow({ ...SPEC_EXAMPLE, x: hostile });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expectNoThrow(revocable.proxy);
    expectNoThrow(docWith(revocable.proxy));
    expectNoThrow(docWith(cond('City', 'in', revocable.proxy)));
  });

  test('cyclic objects: a document that contains itself, a group that contains itself, a value that contains itself', () => {
    const doc: Obj = clone(SPEC_EXAMPLE);
    doc.self = doc;
    const r1 = expectNoThrow(doc);
    assert.deepEqual(
      r1.errors.map((e) => [e.code, e.path]),
      [['not-json', '/self']],
      'a document that contains itself is reported once, where it refers to itself',
    );

    const group: Obj = { kind: 'group', combinator: 'and', children: [] };
    (group.children as unknown[]).push(group);
    const r2 = expectNoThrow(docWith(group));
    assert.deepEqual(
      r2.errors.map((e) => e.code),
      ['too-deep'],
    );

    const list: unknown[] = ['Paris'];
    list.push(list);
    const r3 = expectNoThrow(docWith(cond('City', 'in', list)));
    assert.ok(r3.errors.some((e) => e.code === 'not-json' && e.path === '/rules/0/where/value/1'));
    assert.ok(r3.errors.some((e) => e.code === 'invalid-value' && e.path === '/rules/0/where/value/1'));

    const rule: Obj = { id: 'r1' };
    rule.where = { kind: 'related', entity: 'Order', match: { quantifier: 'any' } };
    (rule.where as Obj).where = rule.where;
    expectNoThrow({ schemaVersion: 1, name: 'A', audience: 'Customer', rules: [rule] });
  });

  test('objects with a null prototype, class instances and boxed values', () => {
    const bare = Object.assign(Object.create(null) as Obj, clone(SPEC_EXAMPLE));
    const r = expectNoThrow(bare);
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    expectNoThrow(docWith(Object.assign(Object.create(null) as Obj, cond('City', 'isEmpty'))));
    expectNoThrow({ ...SPEC_EXAMPLE, x: new Map([[1, 2]]), y: new Date(0), z: new Uint8Array(3) });

    expectNoThrow(docWith(cond('City', 'equals', new String('Paris'))));
    expectNoThrow(new Date(0));
    expectNoThrow(Object.create({ schemaVersion: 1, name: 'Inherited', audience: 'Customer', rules: [] }));
  });

  test('inherited fields are never read', () => {
    const r = parseSegment(Object.create({ schemaVersion: 1, name: 'Inherited', audience: 'Customer', rules: [] }));
    assert.deepEqual(codes(r), ['missing-field @ /audience', 'missing-field @ /rules']);
    assert.equal(r.segment?.name, undefined);
  });

  test('does not mutate its input, and the segment shares no object with it', () => {
    const input = clone(SPEC_EXAMPLE);
    const before = clone(input);
    const r = parseSegment(input);
    assert.deepStrictEqual(input, before, 'input unchanged (no ids written into it)');
    assert.ok(r.segment);
    const inputObjects = new Set<unknown>();
    const collect = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      inputObjects.add(v);
      for (const x of Object.values(v)) collect(x);
    };
    collect(input);
    const check = (v: unknown, path: string): void => {
      if (typeof v !== 'object' || v === null) return;
      assert.ok(!inputObjects.has(v), `${path} is shared with the input`);
      for (const [k, x] of Object.entries(v)) check(x, `${path}/${k}`);
    };
    check(r.segment, '');
  });
});

// ---------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------

/** Every path (list of tokens) in a JSON value, the root included. */
function allPaths(v: unknown, base: Token[] = [], out: Token[][] = []): Token[][] {
  out.push(base);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...base, i], out));
  else if (isObj(v)) for (const k of Object.keys(v)) allPaths(v[k], [...base, k], out);
  return out;
}

type Mutation = { pick: number; op: { kind: 'delete' } | { kind: 'replace'; value: unknown } };

function setOwn(o: object, k: Token, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The document with one value replaced or deleted (a JSON clone; the root can be replaced too). */
function mutate(doc: unknown, m: Mutation): unknown {
  if (typeof doc !== 'object' || doc === null) return m.op.kind === 'replace' ? m.op.value : doc;
  const copy = clone(doc);
  const paths = allPaths(copy);
  const path = paths[m.pick % paths.length] ?? [];
  if (path.length === 0) return m.op.kind === 'replace' ? m.op.value : undefined;
  let parent: unknown = copy;
  for (const t of path.slice(0, -1)) parent = (parent as Obj)[t];
  const last = path[path.length - 1] as Token;
  if (m.op.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Obj)[last];
  } else setOwn(parent as object, last, m.op.value);
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.oneof(
    fc.constant({ kind: 'delete' as const }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'replace' as const, value })),
    // Near misses: values of the right kinds in the wrong places.
    fc
      .constantFrom<unknown>(
        '',
        'and',
        'any',
        'equals',
        'Customer',
        'Order',
        'day',
        'group',
        'condition',
        'related',
        '__proto__',
        'constructor',
        0,
        -1,
        1.5,
        null,
        [],
        {},
        [1],
        { amount: 1 },
      )
      .map((value) => ({ kind: 'replace' as const, value })),
  ),
});

/** A valid document with one to four random mutations applied. */
const mutatedDocArb: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...VALID_DOCS), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([doc, muts]) => muts.reduce<unknown>((d, m) => mutate(d, m), doc));

const KNOWN_KEYS = new Set([
  'schemaVersion',
  'id',
  'name',
  'displayName',
  'description',
  'type',
  'state',
  'tags',
  'audience',
  'rules',
  'projectedAttributes',
  'snapshot',
  'setOperator',
  'where',
  'segment',
  'kind',
  'combinator',
  'not',
  'children',
  'entity',
  'attribute',
  'operator',
  'value',
  'match',
  'quantifier',
  'count',
  'aggregate',
  'amount',
  'unit',
]);

/** Objects of a document where unknown fields may go: the document, rules, nodes, matches, relative values, projected attributes. */
function extensibleObjects(doc: Obj): Obj[] {
  const out: Obj[] = [doc];
  const node = (n: unknown): void => {
    if (!isObj(n)) return;
    out.push(n);
    if (isObj(n.match)) out.push(n.match);
    if (isObj(n.value)) out.push(n.value);
    if (Array.isArray(n.children)) n.children.forEach(node);
    node(n.where);
  };
  for (const r of doc.rules as unknown[]) {
    if (!isObj(r)) continue;
    out.push(r);
    node(r.where);
  }
  if (Array.isArray(doc.projectedAttributes)) for (const p of doc.projectedAttributes) if (isObj(p)) out.push(p);
  return out;
}

const extraFieldsArb = fc.array(
  fc.record({
    at: fc.nat(),
    key: fc
      .oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'x-meta', 'ui'))
      .filter((k) => !KNOWN_KEYS.has(k)),
    // JSON values as a JSON document would hold them (no -0).
    value: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  }),
  { minLength: 1, maxLength: 6 },
);

/** A valid document with random unknown fields at random levels. */
const extendedDocArb = fc.tuple(fc.constantFrom(...VALID_DOCS), extraFieldsArb).map(([base, extras]) => {
  const doc = clone(base);
  const targets = extensibleObjects(doc);
  for (const x of extras) setOwn(targets[x.at % targets.length] as Obj, x.key, x.value);
  return doc;
});

describe('parseSegment: properties', () => {
  test('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        assertResultShape(parseSegment(v));
        assertResultShape(parseSegment(JSON.stringify(v)));
      }),
      FC,
    );
    assertPrototypeClean();
  });

  test('never throws on anything', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
          withBigInt: true,
          withDate: true,
          withObjectString: true,
        }),
        (v) => {
          assertResultShape(parseSegment(v));
          assertResultShape(parseSegment(v, { assignIds: false }));
        },
      ),
      FC,
    );
    assertPrototypeClean();
  });

  test('never throws on anything in the place of a rule, a node or a value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true }), (v) => {
        assertResultShape(parseSegment({ schemaVersion: 1, audience: 'Customer', rules: [v] }));
        assertResultShape(parseSegment(docWith(v)));
        assertResultShape(parseSegment(docWith(cond('City', 'in', v))));
        assertResultShape(parseSegment(docWith({ kind: 'related', entity: 'Order', match: v })));
      }),
      FC,
    );
  });

  test('never throws on randomly mutated valid documents, and every error path is a JSON pointer', () => {
    const seen = { ok: 0, recoverable: 0, fatal: 0, codes: new Set<string>() };
    fc.assert(
      fc.property(mutatedDocArb, (doc) => {
        const r = parseSegment(doc);
        assertResultShape(r);
        if (r.ok) for (const [, n] of rulesAndNodes(r.segment)) assert.equal(typeof n.id, 'string');
        if (r.ok) seen.ok++;
        else if (r.segment) seen.recoverable++;
        else seen.fatal++;
        for (const e of r.errors) seen.codes.add(e.code);
      }),
      FC,
    );
    assertPrototypeClean();
    // The mutations reach every kind of outcome and a good spread of codes.
    assert.ok(seen.ok >= 10 && seen.recoverable >= 30 && seen.fatal >= 10, JSON.stringify({ ...seen, codes: [...seen.codes] }));
    assert.ok(seen.codes.size >= 8, [...seen.codes].join(', '));
  });

  test('mutated documents: an ok result round-trips through serializeSegment', () => {
    fc.assert(
      fc.property(mutatedDocArb, (doc) => {
        const r = parseSegment(doc);
        if (!r.ok) return;
        const again = parseSegment(serializeSegment(r.segment));
        assert.equal(again.ok, true);
        assert.deepStrictEqual(again.segment, r.segment);
      }),
      FC,
    );
  });

  test('parse → serializeSegment → parse round-trips exactly, unknown fields included', () => {
    fc.assert(
      fc.property(extendedDocArb, (doc) => {
        const first = parseSegment(doc);
        assert.equal(first.ok, true, JSON.stringify(first.errors));
        const text = serializeSegment(first.segment);
        const second = parseSegment(text);
        assert.equal(second.ok, true, JSON.stringify(second.errors));
        assert.deepStrictEqual(second.segment, first.segment);
        // Every unknown field the input had is in the output, with its value.
        const inObjs = extensibleObjects(doc);
        const outObjs = extensibleObjects(first.segment);
        assert.equal(outObjs.length, inObjs.length);
        inObjs.forEach((o, i) => {
          for (const k of Object.keys(o)) {
            if (KNOWN_KEYS.has(k)) continue;
            const out = outObjs[i] as Obj;
            assert.ok(own(out, k), `unknown field "${k}" kept`);
            assert.deepStrictEqual(out[k], o[k]);
          }
        });
      }),
      FC,
    );
    assertPrototypeClean();
  });
});

describe('serializeSegment', () => {
  test('writes JSON text that reads back to the same segment', () => {
    const r = parseSegment(SPEC_EXAMPLE);
    assert.equal(r.ok, true);
    const text = serializeSegment(r.segment);
    assert.deepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(r.segment)));
    assert.ok(!text.includes('\n'));
    const pretty = serializeSegment(r.segment, 2);
    assert.match(pretty, /\n {2}"schemaVersion": 1/);
    assert.deepStrictEqual(parseSegment(pretty).segment, r.segment);
  });
});
