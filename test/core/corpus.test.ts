/**
 * The corpus of hand-written bad documents (test/fixtures/bad/*.json). Each fixture is
 * `{ description, document, segments?, generate?, expected: [{ path, code }] }`; the
 * document must produce exactly the expected errors (as a multiset of path + code), every
 * message must read as a sentence, each error must carry the id of its rule or node when
 * the document gives one, and neither parsing nor validating may throw or touch
 * Object.prototype.
 *
 * `generate: { at, nest, depth }` replaces the value at pointer `at` with a structure
 * nested `depth` levels deep (`nest`: "group", "array" or "object"), so that too-deep
 * cases need not be written out by hand. In expected paths, `(tokens){n}` stands for
 * `tokens` repeated n times.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseSegment } from '../../src/core/validate/parse.js';
import { validateSegment } from '../../src/core/validate/validate.js';
import { parsePointer } from '../../src/core/validate/pointer.js';
import type { Catalog, SegmentDocument, SegmentError, SegmentErrorCode } from '../../src/core/model/types.js';

const fixturesDir = new URL('../fixtures/', import.meta.url);
const badDir = new URL('bad/', fixturesDir);

type Json = unknown;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Every code, so that the corpus can be checked for coverage (a compile error if one is added). */
const ALL_CODES: Record<SegmentErrorCode, true> = {
  'invalid-json': true,
  'not-object': true,
  'unsupported-version': true,
  'invalid-version': true,
  'missing-field': true,
  'wrong-type': true,
  'invalid-option': true,
  'unknown-kind': true,
  'unknown-operator': true,
  'invalid-value': true,
  'missing-value': true,
  'invalid-date': true,
  'duplicate-id': true,
  'too-deep': true,
  'not-json': true,
  'unknown-audience': true,
  'unknown-entity': true,
  'unknown-attribute': true,
  'missing-attribute': true,
  'missing-operator': true,
  'operator-not-allowed': true,
  'value-type': true,
  'value-not-allowed': true,
  'entity-out-of-scope': true,
  'no-relationship': true,
  'empty-group': true,
  'empty-rule': true,
  'ambiguous-rule': true,
  'set-operator-on-first-rule': true,
  'no-rules': true,
  'unknown-segment': true,
  'segment-cycle': true,
  'missing-name': true,
  'invalid-name': true,
};
/** Codes a JSON document cannot produce (only JavaScript values such as NaN or functions do). */
const NOT_FROM_JSON: SegmentErrorCode[] = ['not-json'];

interface Expected {
  path: string;
  code: SegmentErrorCode;
}
interface Fixture {
  file: string;
  description: string;
  document: Json;
  segments?: SegmentDocument[];
  expected: Expected[];
}

function loadCatalog(): Catalog {
  const raw: unknown = JSON.parse(readFileSync(new URL('catalog.json', fixturesDir), 'utf8'));
  assert.ok(
    isObj(raw) && typeof raw.audience === 'string' && Array.isArray(raw.entities) && Array.isArray(raw.relationships),
    'catalog.json is a catalog',
  );
  return raw as unknown as Catalog;
}

/** `(tokens){n}` → tokens repeated n times. */
function expandPath(path: string): string {
  return path.replace(/\(([^)]*)\)\{(\d+)\}/g, (_, tokens: string, n: string) => tokens.repeat(Number(n)));
}

function nested(nest: string, depth: number): Json {
  let value: Json;
  if (nest === 'group') {
    value = { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'isEmpty' };
    for (let i = 1; i < depth; i++) value = { kind: 'group', combinator: 'and', children: [value] };
  } else if (nest === 'array') {
    value = 'leaf';
    for (let i = 0; i < depth; i++) value = [value];
  } else if (nest === 'object') {
    value = 'leaf';
    for (let i = 0; i < depth; i++) value = { a: value };
  } else throw new Error(`unknown nest "${nest}"`);
  return value;
}

/** Set the value at a JSON pointer (the parent must exist). */
function setAt(root: Json, pointer: string, value: Json): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  assert.ok(last !== undefined, 'generate.at must not be the root');
  let cur: unknown = root;
  for (const t of tokens) {
    assert.ok(typeof cur === 'object' && cur !== null, `generate.at: no container at ${t}`);
    cur = (cur as Obj)[t];
  }
  assert.ok(typeof cur === 'object' && cur !== null, 'generate.at: no parent');
  Object.defineProperty(cur, last, { value, enumerable: true, writable: true, configurable: true });
}

function loadFixture(file: string): Fixture {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, badDir), 'utf8'));
  assert.ok(isObj(raw), `${file}: a fixture is an object`);
  assert.equal(typeof raw.description, 'string', `${file}: description`);
  assert.ok(own(raw, 'document'), `${file}: document`);
  assert.ok(Array.isArray(raw.expected) && raw.expected.length > 0, `${file}: expected is a non-empty list`);
  const expected: Expected[] = raw.expected.map((x: unknown, i: number) => {
    assert.ok(isObj(x) && typeof x.path === 'string' && typeof x.code === 'string', `${file}: expected[${i}] is {path, code}`);
    assert.ok(own(ALL_CODES, x.code), `${file}: expected[${i}].code "${String(x.code)}" is an error code`);
    return { path: expandPath(x.path), code: x.code as SegmentErrorCode };
  });
  const document = raw.document;
  if (raw.generate !== undefined) {
    const g = raw.generate;
    assert.ok(isObj(g) && typeof g.at === 'string' && typeof g.nest === 'string' && typeof g.depth === 'number', `${file}: generate`);
    setAt(document, g.at, nested(g.nest, g.depth));
  }
  const fixture: Fixture = { file, description: raw.description as string, document, expected };
  if (raw.segments !== undefined) {
    assert.ok(Array.isArray(raw.segments), `${file}: segments is a list`);
    fixture.segments = raw.segments as SegmentDocument[];
  }
  return fixture;
}

/**
 * The id of the innermost rule or node on `path` (rules/i, …/where, …/children/i), when
 * the document gives that rule or node a non-empty text id; otherwise undefined.
 */
function expectedNodeId(document: Json, path: string): string | undefined {
  let at: 'root' | 'rules' | 'rule' | 'node' | 'children' | 'other' = 'root';
  let cur: unknown = document;
  let id: string | undefined;
  for (const token of parsePointer(path)) {
    const next: unknown = typeof cur === 'object' && cur !== null && own(cur, token) ? (cur as Obj)[token] : undefined;
    if (at === 'root' && token === 'rules') at = 'rules';
    else if (at === 'rules' && /^\d+$/.test(token)) at = 'rule';
    else if ((at === 'rule' || at === 'node') && token === 'where') at = 'node';
    else if (at === 'node' && token === 'children') at = 'children';
    else if (at === 'children' && /^\d+$/.test(token)) at = 'node';
    else at = 'other';
    if (at === 'rule' || at === 'node') {
      const v = isObj(next) && own(next, 'id') ? next.id : undefined;
      id = typeof v === 'string' && v !== '' ? v : undefined;
    }
    if (at === 'other') break;
    cur = next;
  }
  return id;
}

const key = (e: { path: string; code: string }) => `${e.code} @ ${e.path}`;

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

function assertNoPollution(before: string[], what: string): void {
  assert.deepEqual(prototypeSnapshot(), before, `${what}: Object.prototype gained or lost properties`);
  const probe: Obj = {};
  for (const k of [
    'polluted',
    'isAdmin',
    'name',
    'audience',
    'rules',
    'kind',
    'operator',
    'children',
    'quantifier',
    'where',
    'amount',
    'unit',
  ]) {
    assert.equal(probe[k], undefined, `${what}: ({}).${k} is defined`);
  }
}

function assertSentence(message: unknown, where: string): void {
  assert.equal(typeof message, 'string', `${where}: message is text`);
  const m = message as string;
  assert.ok(m.trim().length >= 10 && /\s/.test(m.trim()), `${where}: message "${m}" is a sentence`);
  assert.match(m, /^[A-Za-z"`'\u201c]/, `${where}: message "${m}" starts like a sentence (a word, a quoted value or a field name)`);
  assert.match(m.trim(), /[.!?:)"a-z0-9]$/i, `${where}: message "${m}" ends like a sentence`);
  assert.doesNotMatch(m, /\bundefined\b/, `${where}: message "${m}" mentions undefined`);
  assert.doesNotMatch(m, /\[object \w+\]/, `${where}: message "${m}" prints an object`);
  assert.doesNotMatch(m, /\bNaN\b/, `${where}: message "${m}" prints NaN`);
}

const catalog = loadCatalog();
const files = readdirSync(badDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('bad documents corpus', () => {
  test('has at least 100 fixtures, each named NNN-short-name.json', () => {
    assert.ok(files.length >= 100, `only ${files.length} fixtures`);
    for (const f of files) assert.match(f, /^\d{3}-[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\.json$/, f);
  });

  test('covers every error code a JSON document can produce', () => {
    const seen = new Set<string>();
    for (const f of files) for (const x of loadFixture(f).expected) seen.add(x.code);
    const missing = (Object.keys(ALL_CODES) as SegmentErrorCode[]).filter((c) => !seen.has(c) && !NOT_FROM_JSON.includes(c));
    assert.deepEqual(missing, []);
  });

  for (const file of files) {
    test(file.replace(/\.json$/, ''), () => {
      const fx = loadFixture(file);
      const before = prototypeSnapshot();

      // parseSegment never throws and never touches Object.prototype, with or without ids.
      for (const assignIds of [true, false]) {
        let parsed: ReturnType<typeof parseSegment> | undefined;
        assert.doesNotThrow(() => {
          parsed = parseSegment(fx.document, { assignIds });
        }, `${file}: parseSegment threw`);
        assert.ok(parsed);
        assert.equal(parsed.ok, parsed.errors.length === 0, `${file}: ok agrees with errors`);
        if (parsed.ok) assert.ok(parsed.segment, `${file}: ok without a segment`);
        assertNoPollution(before, `${file} (parse)`);
      }

      let result: ReturnType<typeof validateSegment> | undefined;
      assert.doesNotThrow(() => {
        result = validateSegment(fx.document, catalog, fx.segments ? { segments: fx.segments } : {});
      }, `${file}: validateSegment threw`);
      assert.ok(result);
      assertNoPollution(before, `${file} (validate)`);

      assert.equal(result.valid, false, `${file}: a bad document is not valid`);
      const actual = result.errors.map(key).sort();
      const expected = fx.expected.map(key).sort();
      assert.deepEqual(actual, expected, `${file}: ${fx.description}\n${JSON.stringify(result.errors, null, 1)}`);

      result.errors.forEach((err: SegmentError, i) => {
        const where = `${file} errors[${i}] (${key(err)})`;
        assertSentence(err.message, where);
        assert.equal(err.nodeId, expectedNodeId(fx.document, err.path), `${where}: nodeId`);
      });
    });
  }
});
