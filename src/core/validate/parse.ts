/**
 * `parseSegment`: reads anything and returns a segment document or the reasons it is
 * not one. It never throws, never touches a prototype, keeps unknown fields and assigns
 * missing ids.
 */
import {
  AGGREGATES,
  COMBINATORS,
  QUANTIFIERS,
  RELATIVE_UNITS,
  SEGMENT_STATES,
  SEGMENT_TYPES,
  SET_OPERATORS,
  isOperator,
  valueShapeOf,
} from '../model/operators.js';
import type {
  AggregateMatch,
  ConditionNode,
  GroupNode,
  ProjectedAttribute,
  QuantifierMatch,
  RelatedMatch,
  RelatedNode,
  SegmentDocument,
  SegmentError,
  SegmentErrorCode,
  SegmentErrorParams,
  SegmentNode,
  SegmentRule,
} from '../model/types.js';
import { freshId } from '../model/ids.js';
import type { MissingField, WrongTypeField } from '../messages/en/errors.js';
import { isRelativeUnit } from '../model/dates.js';
import { kindOf, reportedError, segmentError, shownText, shownValue, type ErrorParamsOf } from './errors.js';
import { child } from './pointer.js';

/** Moved to the model (`model/ids.ts`); re-exported here so existing imports keep working. */
export { freshId } from '../model/ids.js';

/** The schema version this build reads and writes. */
export const SCHEMA_VERSION = 1;
/** Condition trees deeper than this are refused (a guard against hostile input). */
export const MAX_DEPTH = 64;

export type ParseResult =
  | { ok: true; segment: SegmentDocument; errors: [] }
  | {
      ok: false;
      errors: SegmentError[];
      /**
       * Present when every rule and node could be read (each is an object with a known
       * kind, lists are lists, nesting is within MAX_DEPTH) and the problems are in their
       * fields or values: an editor can open it as a draft and show each error at its row.
       */
      segment?: SegmentDocument;
    };

export interface ParseOptions {
  /** Give rules and nodes without an id a fresh one (default true). */
  assignIds?: boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const get = (o: Obj, k: string): unknown => (has(o, k) ? o[k] : undefined);
const ownId = (v: unknown): string | undefined => (isObj(v) && has(v, 'id') && typeof v.id === 'string' && v.id !== '' ? v.id : undefined);

/** Define a property without ever invoking a setter (so `__proto__` stays an own data field). */
export function defineField(target: Obj, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class Fatal extends Error {}

class Reader {
  readonly errors: SegmentError[] = [];
  fatal = false;
  readonly ids = new Map<string, string>();
  readonly missingIds: { target: Obj; prefix: string }[] = [];

  /** The id of the rule or node being read: errors inside it carry it. */
  currentId: string | undefined;
  private seen = new Set<object>();

  error<C extends SegmentErrorCode>(path: string, code: C, params: ErrorParamsOf<C>, nodeId: string | undefined = this.currentId): void {
    this.errors.push(segmentError(path, code, params, nodeId));
  }

  stop<C extends SegmentErrorCode>(path: string, code: C, params: ErrorParamsOf<C>): never {
    this.error(path, code, params, this.currentId);
    this.fatal = true;
    throw new Fatal(code);
  }

  /** A JSON value copied safely (unknown fields), or a `not-json` error. */
  cloneJson(value: unknown, path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) {
      this.error(path, 'too-deep', { variant: 'value', depth: MAX_DEPTH });
      return null;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      this.error(path, 'not-json', { variant: 'number', value: String(value) });
      return null;
    }
    if (typeof value === 'object' && value !== null) {
      if (this.seen.has(value)) {
        this.error(path, 'not-json', { variant: 'cycle' });
        return null;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
        this.error(path, 'not-json', { variant: 'class', className: (value.constructor as { name?: string } | undefined)?.name ?? null });
        return null;
      }
      this.seen.add(value);
      try {
        if (Array.isArray(value)) return value.map((v, i) => this.cloneJson(v, child(path, i), depth + 1));
        const out: Obj = {};
        for (const k of Object.keys(value)) {
          const v = (value as Obj)[k];
          if (v !== undefined) defineField(out, k, this.cloneJson(v, child(path, k), depth + 1));
        }
        return out;
      } finally {
        this.seen.delete(value);
      }
    }
    this.error(path, 'not-json', { variant: 'type', got: kindOf(value) });
    return null;
  }

  copyUnknown(src: Obj, dst: Obj, known: readonly string[], path: string, depth: number): void {
    for (const k of Object.keys(src)) {
      if (known.includes(k)) continue;
      const v = src[k];
      if (v === undefined) continue;
      defineField(dst, k, this.cloneJson(v, child(path, k), depth + 1));
    }
  }

  optString(src: Obj, dst: Obj, key: string, path: string, field: WrongTypeField): void {
    if (!has(src, key) || src[key] === undefined) return;
    const v = src[key];
    if (typeof v === 'string') defineField(dst, key, v);
    else this.error(child(path, key), 'wrong-type', { variant: field, got: kindOf(v) });
  }

  optOption(src: Obj, dst: Obj, key: 'type' | 'state' | 'setOperator', options: readonly string[], path: string, nodeId?: string): void {
    if (!has(src, key) || src[key] === undefined) return;
    const v = src[key];
    if (typeof v === 'string' && options.includes(v)) defineField(dst, key, v);
    else this.error(child(path, key), 'invalid-option', { variant: key, options, ...shownText(v) }, nodeId);
  }

  id(src: Obj, dst: Obj, path: string, prefix: string): string | undefined {
    const v = get(src, 'id');
    if (v === undefined) {
      this.missingIds.push({ target: dst, prefix });
      return undefined;
    }
    if (typeof v !== 'string' || v === '') {
      this.error(child(path, 'id'), 'wrong-type', { variant: 'id', got: typeof v === 'string' ? 'empty' : kindOf(v) });
      this.missingIds.push({ target: dst, prefix });
      return undefined;
    }
    const first = this.ids.get(v);
    if (first !== undefined) {
      this.error(child(path, 'id'), 'duplicate-id', { id: v, firstPath: first }, v);
    } else {
      this.ids.set(v, path);
    }
    defineField(dst, 'id', v);
    return v;
  }

  document(input: unknown): SegmentDocument {
    if (!isObj(input)) this.stop('', 'not-object', { variant: 'document', got: kindOf(input) });
    const out: Obj = {};
    this.seen.add(input);
    const version = get(input, 'schemaVersion');
    if (version === undefined) {
      defineField(out, 'schemaVersion', SCHEMA_VERSION);
    } else if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
      this.stop('/schemaVersion', 'unsupported-version', { version, supported: SCHEMA_VERSION });
    } else if (version !== SCHEMA_VERSION) {
      this.stop('/schemaVersion', 'invalid-version', { expected: SCHEMA_VERSION, ...shownValue(version) });
    } else {
      defineField(out, 'schemaVersion', SCHEMA_VERSION);
    }
    this.optString(input, out, 'id', '', 'segmentId');
    this.optString(input, out, 'name', '', 'name');
    this.optString(input, out, 'displayName', '', 'displayName');
    this.optString(input, out, 'description', '', 'description');
    this.optOption(input, out, 'type', SEGMENT_TYPES, '');
    this.optOption(input, out, 'state', SEGMENT_STATES, '');
    if (has(input, 'tags') && input.tags !== undefined) {
      const tags = input.tags;
      if (!Array.isArray(tags)) this.error('/tags', 'wrong-type', { variant: 'tags', got: kindOf(tags) });
      else {
        const kept: string[] = [];
        tags.forEach((t, i) => {
          if (typeof t === 'string') kept.push(t);
          else this.error(child('/tags', i), 'wrong-type', { variant: 'tag', got: kindOf(t) });
        });
        defineField(out, 'tags', kept);
      }
    }
    const audience = get(input, 'audience');
    if (audience === undefined) {
      this.error('/audience', 'missing-field', { variant: 'audience' });
      defineField(out, 'audience', '');
    } else if (typeof audience !== 'string') {
      this.error('/audience', 'wrong-type', { variant: 'audience', got: kindOf(audience) });
      defineField(out, 'audience', '');
    } else defineField(out, 'audience', audience);

    const rules = get(input, 'rules');
    if (rules === undefined) {
      this.error('/rules', 'missing-field', { variant: 'rules' });
      defineField(out, 'rules', []);
    } else if (!Array.isArray(rules)) {
      this.stop('/rules', 'wrong-type', { variant: 'rules', got: kindOf(rules) });
    } else {
      defineField(
        out,
        'rules',
        rules.map((r, i) => this.rule(r, child('/rules', i))),
      );
    }

    const projected = get(input, 'projectedAttributes');
    if (projected !== undefined) {
      if (!Array.isArray(projected)) {
        this.error('/projectedAttributes', 'wrong-type', { variant: 'projectedAttributes', got: kindOf(projected) });
      } else {
        const kept: ProjectedAttribute[] = [];
        projected.forEach((p, i) => {
          const path = child('/projectedAttributes', i);
          if (!isObj(p)) {
            this.error(path, 'not-object', { variant: 'projectedAttribute', got: kindOf(p) });
            return;
          }
          const entity = get(p, 'entity');
          const attribute = get(p, 'attribute');
          if (typeof entity !== 'string' || typeof attribute !== 'string') {
            for (const [key, field] of [
              ['entity', 'projectedEntity'],
              ['attribute', 'projectedAttribute'],
            ] as const) {
              const v = get(p, key);
              if (v === undefined) this.error(child(path, key), 'missing-field', { variant: field });
              else if (typeof v !== 'string') this.error(child(path, key), 'wrong-type', { variant: field, got: kindOf(v) });
            }
            return;
          }
          const o: Obj = {};
          defineField(o, 'entity', entity);
          defineField(o, 'attribute', attribute);
          this.copyUnknown(p, o, ['entity', 'attribute'], path, 1);
          kept.push(o as ProjectedAttribute);
        });
        defineField(out, 'projectedAttributes', kept);
      }
    }

    const snapshot = get(input, 'snapshot');
    if (snapshot !== undefined) {
      if (!Array.isArray(snapshot)) this.error('/snapshot', 'wrong-type', { variant: 'snapshot', got: kindOf(snapshot) });
      else {
        const keys: string[] = [];
        snapshot.forEach((k, i) => {
          if (typeof k === 'string') keys.push(k);
          else if (typeof k === 'number' && Number.isFinite(k)) keys.push(String(k));
          else this.error(child('/snapshot', i), 'wrong-type', { variant: 'memberKey', got: kindOf(k) });
        });
        defineField(out, 'snapshot', keys);
      }
    }

    this.copyUnknown(
      input,
      out,
      [
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
      ],
      '',
      0,
    );
    return out as SegmentDocument;
  }

  rule(input: unknown, path: string): SegmentRule {
    this.currentId = ownId(input);
    try {
      return this.ruleBody(input, path);
    } finally {
      this.currentId = undefined;
    }
  }

  ruleBody(input: unknown, path: string): SegmentRule {
    if (!isObj(input)) this.stop(path, 'not-object', { variant: 'rule', got: kindOf(input) });
    const out: Obj = {};
    const id = this.id(input, out, path, 'r');
    this.optString(input, out, 'name', path, 'ruleName');
    this.optOption(input, out, 'setOperator', SET_OPERATORS, path, id);
    const where = get(input, 'where');
    if (where !== undefined) defineField(out, 'where', this.node(where, child(path, 'where'), 1));
    const segment = get(input, 'segment');
    if (segment !== undefined) {
      if (typeof segment === 'string') defineField(out, 'segment', segment);
      else this.error(child(path, 'segment'), 'wrong-type', { variant: 'segment', got: kindOf(segment) }, id);
    }
    this.copyUnknown(input, out, ['id', 'name', 'setOperator', 'where', 'segment'], path, 1);
    return out;
  }

  node(input: unknown, path: string, depth: number): SegmentNode {
    const parentId = this.currentId;
    this.currentId = ownId(input);
    try {
      return this.nodeBody(input, path, depth);
    } finally {
      this.currentId = parentId;
    }
  }

  nodeBody(input: unknown, path: string, depth: number): SegmentNode {
    if (depth > MAX_DEPTH) this.stop(path, 'too-deep', { variant: 'conditions', depth: MAX_DEPTH });
    if (!isObj(input)) this.stop(path, 'not-object', { variant: 'node', got: kindOf(input) });
    const kind = get(input, 'kind');
    if (kind === undefined) this.stop(child(path, 'kind'), 'missing-field', { variant: 'kind' });
    if (kind === 'group') return this.group(input, path, depth);
    if (kind === 'condition') return this.condition(input, path);
    if (kind === 'related') return this.related(input, path, depth);
    return this.stop(child(path, 'kind'), 'unknown-kind', shownText(kind));
  }

  group(input: Obj, path: string, depth: number): GroupNode {
    const out: Obj = { kind: 'group' };
    const id = this.id(input, out, path, 'g');
    const combinator = get(input, 'combinator');
    if (combinator === undefined) {
      this.error(child(path, 'combinator'), 'missing-field', { variant: 'combinator' }, id);
      defineField(out, 'combinator', 'and');
    } else if (typeof combinator === 'string' && (COMBINATORS as readonly string[]).includes(combinator)) {
      defineField(out, 'combinator', combinator);
    } else {
      this.error(
        child(path, 'combinator'),
        'invalid-option',
        { variant: 'combinator', options: COMBINATORS, ...shownValue(combinator) },
        id,
      );
      defineField(out, 'combinator', 'and');
    }
    const not = get(input, 'not');
    if (not !== undefined) {
      if (typeof not === 'boolean') defineField(out, 'not', not);
      else this.error(child(path, 'not'), 'wrong-type', { variant: 'not', got: kindOf(not) }, id);
    }
    const children = get(input, 'children');
    if (children === undefined) {
      this.error(child(path, 'children'), 'missing-field', { variant: 'children' }, id);
      defineField(out, 'children', []);
    } else if (!Array.isArray(children)) {
      this.stop(child(path, 'children'), 'wrong-type', { variant: 'children', got: kindOf(children) });
    } else {
      defineField(
        out,
        'children',
        children.map((c, i) => this.node(c, child(path, 'children', i), depth + 1)),
      );
    }
    this.copyUnknown(input, out, ['kind', 'id', 'combinator', 'not', 'children'], path, 1);
    return out as GroupNode;
  }

  requiredString(input: Obj, out: Obj, key: 'entity' | 'attribute' | 'operator', path: string, missing: MissingField, id?: string): void {
    const v = get(input, key);
    if (v === undefined) {
      this.error(child(path, key), 'missing-field', { variant: missing }, id);
      defineField(out, key, '');
    } else if (typeof v !== 'string') {
      this.error(child(path, key), 'wrong-type', { variant: key, got: kindOf(v) }, id);
      defineField(out, key, '');
    } else defineField(out, key, v);
  }

  condition(input: Obj, path: string): ConditionNode {
    const out: Obj = { kind: 'condition' };
    const id = this.id(input, out, path, 'c');
    this.requiredString(input, out, 'entity', path, 'conditionEntity', id);
    this.requiredString(input, out, 'attribute', path, 'conditionAttribute', id);
    this.requiredString(input, out, 'operator', path, 'conditionOperator', id);
    this.operatorAndValue(input, out, path, id);
    this.copyUnknown(input, out, ['kind', 'id', 'entity', 'attribute', 'operator', 'value'], path, 1);
    return out as ConditionNode;
  }

  /** Checks `operator` against the table and `value` against the operator's shape. */
  operatorAndValue(input: Obj, out: Obj, path: string, id: string | undefined): void {
    const operator = out.operator as string;
    const value = get(input, 'value');
    if (value !== undefined) defineField(out, 'value', this.cloneJson(value, child(path, 'value'), 1));
    checkOperatorValue(operator, value, path, (p, code, message, params) => this.errors.push(reportedError(p, code, message, params, id)));
  }

  related(input: Obj, path: string, depth: number): RelatedNode {
    const out: Obj = { kind: 'related' };
    const id = this.id(input, out, path, 'x');
    this.requiredString(input, out, 'entity', path, 'relatedEntity', id);
    const match = get(input, 'match');
    const mpath = child(path, 'match');
    if (match === undefined) {
      this.error(mpath, 'missing-field', { variant: 'match' }, id);
      defineField(out, 'match', { quantifier: 'any' });
    } else if (!isObj(match)) {
      this.error(mpath, 'not-object', { variant: 'match', got: kindOf(match) }, id);
      defineField(out, 'match', { quantifier: 'any' });
    } else {
      defineField(out, 'match', this.match(match, mpath, id));
    }
    const where = get(input, 'where');
    if (where !== undefined) defineField(out, 'where', this.node(where, child(path, 'where'), depth + 1));
    this.copyUnknown(input, out, ['kind', 'id', 'entity', 'match', 'where'], path, 1);
    return out as RelatedNode;
  }

  match(input: Obj, path: string, id: string | undefined): RelatedMatch {
    const out: Obj = {};
    const quantifier = get(input, 'quantifier');
    const aggregate = get(input, 'aggregate');
    if (quantifier !== undefined && aggregate !== undefined) {
      this.error(path, 'invalid-value', { variant: 'quantifierAndAggregate' }, id);
    }
    if (quantifier !== undefined || aggregate === undefined) {
      if (quantifier === undefined) {
        this.error(child(path, 'quantifier'), 'missing-field', { variant: 'quantifier' }, id);
        defineField(out, 'quantifier', 'any');
      } else if (typeof quantifier === 'string' && (QUANTIFIERS as readonly string[]).includes(quantifier)) {
        defineField(out, 'quantifier', quantifier);
      } else {
        this.error(
          child(path, 'quantifier'),
          'invalid-option',
          { variant: 'quantifier', options: QUANTIFIERS, ...shownValue(quantifier) },
          id,
        );
        defineField(out, 'quantifier', 'any');
      }
      const count = get(input, 'count');
      const needsCount = quantifier === 'atLeast' || quantifier === 'atMost' || quantifier === 'exactly';
      if (count !== undefined) {
        if (typeof count === 'number' && Number.isInteger(count) && count >= 0) defineField(out, 'count', count);
        else this.error(child(path, 'count'), 'invalid-value', { variant: 'count', ...shownValue(count) }, id);
      } else if (needsCount) {
        this.error(child(path, 'count'), 'missing-value', { variant: 'count', quantifier: String(quantifier) }, id);
      }
      this.copyUnknown(input, out, ['quantifier', 'count', 'aggregate'], path, 2);
      return out as QuantifierMatch;
    }
    if (typeof aggregate === 'string' && (AGGREGATES as readonly string[]).includes(aggregate)) {
      defineField(out, 'aggregate', aggregate);
    } else {
      this.error(child(path, 'aggregate'), 'invalid-option', { variant: 'aggregate', options: AGGREGATES, ...shownValue(aggregate) }, id);
      defineField(out, 'aggregate', 'count');
    }
    const attribute = get(input, 'attribute');
    if (attribute !== undefined) {
      if (typeof attribute === 'string') defineField(out, 'attribute', attribute);
      else this.error(child(path, 'attribute'), 'wrong-type', { variant: 'attribute', got: kindOf(attribute) }, id);
    } else if (aggregate !== 'count' && typeof aggregate === 'string' && (AGGREGATES as readonly string[]).includes(aggregate)) {
      this.error(child(path, 'attribute'), 'missing-field', { variant: 'aggregateAttribute', aggregate }, id);
    }
    this.requiredString(input, out, 'operator', path, 'aggregateOperator', id);
    this.operatorAndValue(input, out, path, id);
    this.copyUnknown(input, out, ['aggregate', 'attribute', 'operator', 'value'], path, 2);
    return out as AggregateMatch;
  }
}

/** Where `checkOperatorValue` reports a problem: its pointer, code, English message and the message's parameters. */
export type ProblemReporter = (path: string, code: SegmentErrorCode, message: string, params: SegmentErrorParams) => void;

/**
 * Check an operator name and the shape of its value (SPEC section 4): a known operator;
 * a single value, a low–high pair, a non-empty list or an amount and unit, as the
 * operator needs. `path` is the node's pointer. Shared by parseSegment and the fast path
 * of validateSegment.
 */
export function checkOperatorValue(operator: string, value: unknown, path: string, report: ProblemReporter): void {
  const problem = <C extends SegmentErrorCode>(p: string, code: C, params: ErrorParamsOf<C>) => {
    const e = segmentError(p, code, params);
    report(e.path, e.code, e.message, e.params!);
  };
  if (operator === '') return;
  if (!isOperator(operator)) {
    problem(child(path, 'operator'), 'unknown-operator', shownValue(operator));
    return;
  }
  const shape = valueShapeOf(operator);
  const vpath = child(path, 'value');
  const missing = value === undefined || value === null;
  const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  switch (shape) {
    case 'none':
      return;
    case 'scalar':
      if (missing) problem(vpath, 'missing-value', { variant: 'scalar', operator });
      else if (!isScalar(value)) problem(vpath, 'invalid-value', { variant: 'notScalar', operator, got: kindOf(value) });
      return;
    case 'pair':
      if (missing) problem(vpath, 'missing-value', { variant: 'pair', operator });
      else if (!Array.isArray(value) || value.length !== 2) {
        problem(vpath, 'invalid-value', { variant: 'notPair', operator });
      } else {
        value.forEach((v, i) => {
          const end = i === 0 ? 'low' : 'high';
          if (v === null || v === undefined) problem(child(vpath, i), 'missing-value', { variant: 'pairItem', operator, end });
          else if (!isScalar(v)) problem(child(vpath, i), 'invalid-value', { variant: 'pairItem', end, got: kindOf(v) });
        });
      }
      return;
    case 'list':
      if (missing) problem(vpath, 'missing-value', { variant: 'list', operator });
      else if (!Array.isArray(value)) problem(vpath, 'invalid-value', { variant: 'notList', operator, got: kindOf(value) });
      else if (value.length === 0) problem(vpath, 'missing-value', { variant: 'list', operator });
      else
        value.forEach((v, i) => {
          if (!isScalar(v)) problem(child(vpath, i), 'invalid-value', { variant: 'listItem', operator, got: kindOf(v) });
        });
      return;
    case 'relative': {
      if (missing) {
        problem(vpath, 'missing-value', { variant: 'relative', operator });
        return;
      }
      if (!isObj(value)) {
        problem(vpath, 'invalid-value', { variant: 'notRelative', operator, got: kindOf(value) });
        return;
      }
      const amount = get(value, 'amount');
      const unit = get(value, 'unit');
      if (amount === undefined) problem(child(vpath, 'amount'), 'missing-value', { variant: 'amount', operator });
      else if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0)
        problem(child(vpath, 'amount'), 'invalid-value', { variant: 'amount', ...shownValue(amount) });
      if (unit === undefined) problem(child(vpath, 'unit'), 'missing-value', { variant: 'unit', operator });
      else if (!isRelativeUnit(unit))
        problem(child(vpath, 'unit'), 'invalid-option', { variant: 'unit', options: RELATIVE_UNITS, ...shownValue(unit) });
      return;
    }
  }
}

/**
 * Read a segment document from anything: an object, or JSON text. Returns
 * `{ ok: true, segment }` or `{ ok: false, errors }` (each error a JSON pointer, a code
 * and a message a person understands). Never throws.
 */
export function parseSegment(input: unknown, options?: ParseOptions | null): ParseResult {
  const reader = new Reader();
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      return {
        ok: false,
        errors: [segmentError('', 'invalid-json', { detail: e instanceof Error ? e.message : String(e) })],
      };
    }
  }
  let segment: SegmentDocument | undefined;
  try {
    segment = reader.document(value);
  } catch (e) {
    if (!(e instanceof Fatal)) {
      // Anything else (a getter that throws, a stack overflow) is still reported, never thrown.
      reader.error('', 'not-object', { variant: 'unreadable', detail: e instanceof Error ? e.message : String(e) });
    }
    return { ok: false, errors: reader.errors };
  }
  if (options?.assignIds !== false) {
    for (const { target, prefix } of reader.missingIds) defineField(target, 'id', freshId(reader.ids, prefix));
  }
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors, segment };
  return { ok: true, segment, errors: [] };
}

/** The document as JSON text (unknown fields included). */
export function serializeSegment(segment: SegmentDocument, space?: number): string {
  return JSON.stringify(segment, null, space);
}
