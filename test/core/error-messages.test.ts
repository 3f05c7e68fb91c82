/**
 * Every `SegmentError` of `parseSegment` and `validateSegment` carries its code and the
 * values its message is made of (`params`), and the `error.<code>` entries of the message
 * table render exactly the English `message` from them (issue 8).
 *
 * `fixtures/error-messages.jsonl` holds the documents of the parse, validate, corpus,
 * edit and provider tests that produced each kind of message, minimised, with the errors
 * as they read before the messages moved into the table (except the messages issue 8 made
 * plainer on purpose: a condition of another entity inside a related block, and an
 * aggregate compared with a non-comparison operator): the first line is the catalogs,
 * each further line `{ kind: "parse" | "validate", input, catalog?, options?, errors }`.
 * Values JSON cannot hold (functions, Maps, NaN …) are written out below.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_DEPTH, parseSegment } from '../../src/core/validate/parse.js';
import { validateSegment } from '../../src/core/validate/validate.js';
import { errorMessage } from '../../src/core/validate/errors.js';
import { Translator, en } from '../../src/core/messages/index.js';
import type { Catalog, SegmentError, SegmentErrorCode } from '../../src/core/model/types.js';

interface Case {
  kind: 'parse' | 'validate';
  input: unknown;
  catalog?: number;
  options?: Record<string, unknown>;
  errors: SegmentError[];
}
const [head, ...lines] = readFileSync(new URL('fixtures/error-messages.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const { catalogs } = JSON.parse(head!) as { catalogs: Catalog[] };
const cases = lines.map((l) => JSON.parse(l) as Case);

const run = (c: Case): SegmentError[] =>
  c.kind === 'parse' ? parseSegment(c.input, c.options).errors : validateSegment(c.input, catalogs[c.catalog!]!, c.options).errors;
const strip = ({ path, code, message, nodeId }: SegmentError) =>
  nodeId === undefined ? { path, code, message } : { path, code, message, nodeId };

/** Each error renders from code + params to its message, also after a JSON round trip of the params. */
function assertRenders(errors: SegmentError[]): void {
  for (const e of errors) {
    assert.ok(e.params, `${e.code} @ ${e.path} has no params`);
    assert.equal(errorMessage(e), e.message, `${e.code} @ ${e.path}`);
    const sent = JSON.parse(JSON.stringify(e)) as SegmentError;
    assert.equal(errorMessage(sent, new Translator({}, 'en')), e.message, `${e.code} @ ${e.path} after JSON`);
  }
}

const deep = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};
const doc = (extra: Record<string, unknown>) => ({ schemaVersion: 1, audience: 'Customer', rules: [], ...extra });

/** Inputs JSON cannot hold, with the messages they gave before the table. */
const WRITTEN: [string, unknown, string[]][] = [
  ['undefined', undefined, ['A segment document must be a JSON object, not undefined.']],
  ['a function', () => 1, ['A segment document must be a JSON object, not a function.']],
  ['a symbol', Symbol('s'), ['A segment document must be a JSON object, not a symbol.']],
  ['a rule that is undefined', doc({ rules: [undefined] }), ['A rule must be an object, not undefined.']],
  ['a Map', doc({ extra: new Map() }), ['This field holds a Map object, which JSON cannot store as it is.']],
  ['a Date', doc({ extra: new Date(0) }), ['This field holds a Date object, which JSON cannot store as it is.']],
  ['a typed array', doc({ extra: new Uint8Array(2) }), ['This field holds a Uint8Array object, which JSON cannot store as it is.']],
  [
    'an object of another prototype',
    doc({ extra: Object.create({}) as object }),
    ['This field holds a Object object, which JSON cannot store as it is.'],
  ],
  [
    'an object without a constructor',
    doc({ extra: Object.create(Object.create(null) as object) as object }),
    ['This field holds a special object, which JSON cannot store as it is.'],
  ],
  ['NaN', doc({ extra: NaN }), ['NaN is not a JSON number.']],
  ['-Infinity', doc({ extra: -Infinity }), ['-Infinity is not a JSON number.']],
  ['undefined in a list', doc({ extra: [undefined] }), ['This field holds undefined, which JSON cannot store.']],
  ['a function field', doc({ extra: () => 1 }), ['This field holds a function, which JSON cannot store.']],
  ['a symbol field', doc({ extra: Symbol('s') }), ['This field holds a symbol, which JSON cannot store.']],
  [
    'undefined in an in list',
    doc({
      rules: [
        {
          id: 'r1',
          where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'in', value: ['a', undefined] },
        },
      ],
    }),
    ['This field holds undefined, which JSON cannot store.', 'Each value of `in` must be a single value, not undefined.'],
  ],
  [
    'a value nested too deep',
    doc({ extra: deep(MAX_DEPTH + 2, 1, (v) => [v]) }),
    [`This value is nested more than ${MAX_DEPTH} levels deep.`],
  ],
  [
    'conditions nested too deep',
    doc({
      rules: [
        {
          id: 'r1',
          where: deep(MAX_DEPTH + 1, { kind: 'group', combinator: 'and', children: [] }, (v) => ({
            kind: 'group',
            combinator: 'and',
            children: [v],
          })),
        },
      ],
    }),
    [`Conditions are nested more than ${MAX_DEPTH} levels deep.`],
  ],
  [
    'a getter that throws',
    Object.defineProperty(doc({}), 'rules', {
      enumerable: true,
      get() {
        throw new Error('no rules today');
      },
    }),
    ['The document could not be read: no rules today'],
  ],
];

describe('error messages from code and params', () => {
  it(`the fixture covers ${cases.length} documents`, () => assert.ok(cases.length > 200));

  it('every recorded document gives exactly the errors it gave before, with params that render each message', () => {
    for (const c of cases) {
      const errors = run(c);
      assert.deepEqual(errors.map(strip), c.errors, JSON.stringify(c.input).slice(0, 300));
      assertRenders(errors);
    }
  });

  for (const [name, input, messages] of WRITTEN) {
    it(`renders today's message for ${name}`, () => {
      const errors = parseSegment(input).errors;
      assert.deepEqual(
        errors.map((e) => e.message),
        messages,
      );
      assertRenders(errors);
      const validated = validateSegment(input, catalogs[0]!).errors.filter((e) => messages.includes(e.message));
      assert.equal(validated.length, messages.length);
      assertRenders(validated);
    });
  }

  it('the table has one entry per error code, and the fixture and the written cases produce every code', () => {
    const seen = new Set<string>([...cases.flatMap((c) => c.errors.map((e) => e.code)), 'not-json', 'too-deep']);
    const table = Object.keys(en)
      .filter((k) => k.startsWith('error.'))
      .map((k) => k.slice('error.'.length))
      .sort();
    assert.deepEqual([...seen].sort(), table);
  });
});

describe('errorMessage', () => {
  const error = validateSegment(
    {
      schemaVersion: 1,
      name: 'X',
      audience: 'Customer',
      rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }],
    },
    catalogs[0]!,
  ).errors[0]!;

  it('carries the values of the message as params', () => {
    assert.equal(error.code, 'unknown-attribute');
    assert.deepEqual(error.params, { entity: 'Customer', attribute: 'Nope' });
    assert.equal(error.message, 'Customer has no attribute "Nope".');
  });

  it('renders in another language from code and params', () => {
    const de = new Translator(
      { 'error.unknown-attribute': (p: { entity: string; attribute: string }) => `${p.entity} hat kein Attribut „${p.attribute}“.` },
      'de',
    );
    assert.equal(errorMessage(error, de), 'Customer hat kein Attribut „Nope“.');
    // Codes the translation leaves out fall back to English.
    const other = validateSegment({ schemaVersion: 1, audience: 'Customer', rules: [] }, catalogs[0]!).errors;
    assert.deepEqual(
      other.map((e) => errorMessage(e, de)),
      other.map((e) => e.message),
    );
  });

  it('falls back to message for an unknown code, an error without params, or params the function cannot read', () => {
    const unknown = { path: '', code: 'from-the-future' as SegmentErrorCode, message: 'Something new.', params: {} };
    assert.equal(errorMessage(unknown), 'Something new.');
    assert.equal(errorMessage({ path: '', code: 'unknown-attribute', message: 'Old message.' }), 'Old message.');
    assert.equal(errorMessage({ path: '', code: 'segment-cycle', message: 'A circle.', params: { variant: 'cycle' } }), 'A circle.');
  });
});
