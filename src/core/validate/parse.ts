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
  SegmentNode,
  SegmentRule,
} from '../model/types.js';
import { freshId } from '../model/ids.js';
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
const describeType = (v: unknown) =>
  v === null ? 'null' : v === undefined ? 'undefined' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
/** A value as it appears in a message: text quoted, numbers and booleans as they are, anything else by its kind. */
const quote = (v: unknown) =>
  typeof v === 'string'
    ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : describeType(v);
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

  error(path: string, code: SegmentErrorCode, message: string, nodeId: string | undefined = this.currentId): void {
    const e: SegmentError = { path, code, message };
    if (nodeId !== undefined) e.nodeId = nodeId;
    this.errors.push(e);
  }

  stop(path: string, code: SegmentErrorCode, message: string): never {
    this.error(path, code, message, this.currentId);
    this.fatal = true;
    throw new Fatal(message);
  }

  /** A JSON value copied safely (unknown fields), or a `not-json` error. */
  cloneJson(value: unknown, path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) {
      this.error(path, 'too-deep', `This value is nested more than ${MAX_DEPTH} levels deep.`);
      return null;
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      this.error(path, 'not-json', `${String(value)} is not a JSON number.`);
      return null;
    }
    if (typeof value === 'object' && value !== null) {
      if (this.seen.has(value)) {
        this.error(path, 'not-json', 'This value contains itself, which JSON cannot store.');
        return null;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
        this.error(
          path,
          'not-json',
          `This field holds a ${value.constructor?.name ?? 'special'} object, which JSON cannot store as it is.`,
        );
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
    this.error(path, 'not-json', `This field holds ${describeType(value)}, which JSON cannot store.`);
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

  optString(src: Obj, dst: Obj, key: string, path: string, what: string): void {
    if (!has(src, key) || src[key] === undefined) return;
    const v = src[key];
    if (typeof v === 'string') defineField(dst, key, v);
    else this.error(child(path, key), 'wrong-type', `${what} must be text, not ${describeType(v)}.`);
  }

  optOption(src: Obj, dst: Obj, key: string, options: readonly string[], path: string, what: string, nodeId?: string): void {
    if (!has(src, key) || src[key] === undefined) return;
    const v = src[key];
    if (typeof v === 'string' && options.includes(v)) defineField(dst, key, v);
    else
      this.error(
        child(path, key),
        'invalid-option',
        `${what} must be one of ${options.map((o) => `"${o}"`).join(', ')}, not ${typeof v === 'string' ? quote(v) : describeType(v)}.`,
        nodeId,
      );
  }

  id(src: Obj, dst: Obj, path: string, prefix: string): string | undefined {
    const v = get(src, 'id');
    if (v === undefined) {
      this.missingIds.push({ target: dst, prefix });
      return undefined;
    }
    if (typeof v !== 'string' || v === '') {
      this.error(
        child(path, 'id'),
        'wrong-type',
        `An id must be non-empty text, not ${typeof v === 'string' ? 'empty' : describeType(v)}.`,
      );
      this.missingIds.push({ target: dst, prefix });
      return undefined;
    }
    const first = this.ids.get(v);
    if (first !== undefined) {
      this.error(child(path, 'id'), 'duplicate-id', `The id "${v}" is already used at ${first || 'the document'}; ids must be unique.`, v);
    } else {
      this.ids.set(v, path);
    }
    defineField(dst, 'id', v);
    return v;
  }

  document(input: unknown): SegmentDocument {
    if (!isObj(input)) this.stop('', 'not-object', `A segment document must be a JSON object, not ${describeType(input)}.`);
    const out: Obj = {};
    this.seen.add(input);
    const version = get(input, 'schemaVersion');
    if (version === undefined) {
      defineField(out, 'schemaVersion', SCHEMA_VERSION);
    } else if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
      this.stop(
        '/schemaVersion',
        'unsupported-version',
        `This document uses schema version ${version}, which is newer than this version of segment-kit understands (${SCHEMA_VERSION}). Update segment-kit to open it.`,
      );
    } else if (version !== SCHEMA_VERSION) {
      this.stop('/schemaVersion', 'invalid-version', `schemaVersion must be ${SCHEMA_VERSION}, not ${quote(version)}.`);
    } else {
      defineField(out, 'schemaVersion', SCHEMA_VERSION);
    }
    this.optString(input, out, 'id', '', 'The segment id');
    this.optString(input, out, 'name', '', 'The name');
    this.optString(input, out, 'displayName', '', 'The display name');
    this.optString(input, out, 'description', '', 'The description');
    this.optOption(input, out, 'type', SEGMENT_TYPES, '', 'The type');
    this.optOption(input, out, 'state', SEGMENT_STATES, '', 'The state');
    if (has(input, 'tags') && input.tags !== undefined) {
      const tags = input.tags;
      if (!Array.isArray(tags)) this.error('/tags', 'wrong-type', `Tags must be a list of text, not ${describeType(tags)}.`);
      else {
        const kept: string[] = [];
        tags.forEach((t, i) => {
          if (typeof t === 'string') kept.push(t);
          else this.error(child('/tags', i), 'wrong-type', `A tag must be text, not ${describeType(t)}.`);
        });
        defineField(out, 'tags', kept);
      }
    }
    const audience = get(input, 'audience');
    if (audience === undefined) {
      this.error('/audience', 'missing-field', 'The document needs an audience: the entity whose members it selects, e.g. "Customer".');
      defineField(out, 'audience', '');
    } else if (typeof audience !== 'string') {
      this.error('/audience', 'wrong-type', `The audience must be an entity name, not ${describeType(audience)}.`);
      defineField(out, 'audience', '');
    } else defineField(out, 'audience', audience);

    const rules = get(input, 'rules');
    if (rules === undefined) {
      this.error('/rules', 'missing-field', 'The document needs a list of rules.');
      defineField(out, 'rules', []);
    } else if (!Array.isArray(rules)) {
      this.stop('/rules', 'wrong-type', `rules must be a list, not ${describeType(rules)}.`);
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
        this.error('/projectedAttributes', 'wrong-type', `projectedAttributes must be a list, not ${describeType(projected)}.`);
      } else {
        const kept: ProjectedAttribute[] = [];
        projected.forEach((p, i) => {
          const path = child('/projectedAttributes', i);
          if (!isObj(p)) {
            this.error(path, 'not-object', `A projected attribute must be an object with entity and attribute, not ${describeType(p)}.`);
            return;
          }
          const entity = get(p, 'entity');
          const attribute = get(p, 'attribute');
          if (typeof entity !== 'string' || typeof attribute !== 'string') {
            for (const key of ['entity', 'attribute']) {
              const v = get(p, key);
              if (v === undefined) this.error(child(path, key), 'missing-field', `A projected attribute needs its ${key}.`);
              else if (typeof v !== 'string')
                this.error(child(path, key), 'wrong-type', `The ${key} must be text, not ${describeType(v)}.`);
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
      if (!Array.isArray(snapshot))
        this.error('/snapshot', 'wrong-type', `snapshot must be a list of member keys, not ${describeType(snapshot)}.`);
      else {
        const keys: string[] = [];
        snapshot.forEach((k, i) => {
          if (typeof k === 'string') keys.push(k);
          else if (typeof k === 'number' && Number.isFinite(k)) keys.push(String(k));
          else this.error(child('/snapshot', i), 'wrong-type', `A member key must be text or a number, not ${describeType(k)}.`);
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
    if (!isObj(input)) this.stop(path, 'not-object', `A rule must be an object, not ${describeType(input)}.`);
    const out: Obj = {};
    const id = this.id(input, out, path, 'r');
    this.optString(input, out, 'name', path, 'A rule name');
    this.optOption(input, out, 'setOperator', SET_OPERATORS, path, 'The set operator', id);
    const where = get(input, 'where');
    if (where !== undefined) defineField(out, 'where', this.node(where, child(path, 'where'), 1));
    const segment = get(input, 'segment');
    if (segment !== undefined) {
      if (typeof segment === 'string') defineField(out, 'segment', segment);
      else this.error(child(path, 'segment'), 'wrong-type', `segment must be the id of a saved segment, not ${describeType(segment)}.`, id);
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
    if (depth > MAX_DEPTH) this.stop(path, 'too-deep', `Conditions are nested more than ${MAX_DEPTH} levels deep.`);
    if (!isObj(input)) this.stop(path, 'not-object', `A condition or group must be an object, not ${describeType(input)}.`);
    const kind = get(input, 'kind');
    if (kind === undefined) this.stop(child(path, 'kind'), 'missing-field', 'A node needs a kind: "group", "condition" or "related".');
    if (kind === 'group') return this.group(input, path, depth);
    if (kind === 'condition') return this.condition(input, path);
    if (kind === 'related') return this.related(input, path, depth);
    return this.stop(
      child(path, 'kind'),
      'unknown-kind',
      `Unknown node kind ${typeof kind === 'string' ? quote(kind) : describeType(kind)}: use "group", "condition" or "related".`,
    );
  }

  group(input: Obj, path: string, depth: number): GroupNode {
    const out: Obj = { kind: 'group' };
    const id = this.id(input, out, path, 'g');
    const combinator = get(input, 'combinator');
    if (combinator === undefined) {
      this.error(child(path, 'combinator'), 'missing-field', 'A group needs a combinator: "and" or "or".', id);
      defineField(out, 'combinator', 'and');
    } else if (typeof combinator === 'string' && (COMBINATORS as readonly string[]).includes(combinator)) {
      defineField(out, 'combinator', combinator);
    } else {
      this.error(child(path, 'combinator'), 'invalid-option', `The combinator must be "and" or "or", not ${quote(combinator)}.`, id);
      defineField(out, 'combinator', 'and');
    }
    const not = get(input, 'not');
    if (not !== undefined) {
      if (typeof not === 'boolean') defineField(out, 'not', not);
      else this.error(child(path, 'not'), 'wrong-type', `not must be true or false, not ${describeType(not)}.`, id);
    }
    const children = get(input, 'children');
    if (children === undefined) {
      this.error(child(path, 'children'), 'missing-field', 'A group needs a list of children.', id);
      defineField(out, 'children', []);
    } else if (!Array.isArray(children)) {
      this.stop(child(path, 'children'), 'wrong-type', `children must be a list, not ${describeType(children)}.`);
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

  requiredString(input: Obj, out: Obj, key: string, path: string, message: string, id?: string): void {
    const v = get(input, key);
    if (v === undefined) {
      this.error(child(path, key), 'missing-field', message, id);
      defineField(out, key, '');
    } else if (typeof v !== 'string') {
      this.error(child(path, key), 'wrong-type', `${key} must be text, not ${describeType(v)}.`, id);
      defineField(out, key, '');
    } else defineField(out, key, v);
  }

  condition(input: Obj, path: string): ConditionNode {
    const out: Obj = { kind: 'condition' };
    const id = this.id(input, out, path, 'c');
    this.requiredString(input, out, 'entity', path, 'A condition needs the entity of its attribute.', id);
    this.requiredString(input, out, 'attribute', path, 'A condition needs an attribute.', id);
    this.requiredString(input, out, 'operator', path, 'A condition needs an operator.', id);
    this.operatorAndValue(input, out, path, id);
    this.copyUnknown(input, out, ['kind', 'id', 'entity', 'attribute', 'operator', 'value'], path, 1);
    return out as ConditionNode;
  }

  /** Checks `operator` against the table and `value` against the operator's shape. */
  operatorAndValue(input: Obj, out: Obj, path: string, id: string | undefined): void {
    const operator = out.operator as string;
    const value = get(input, 'value');
    if (value !== undefined) defineField(out, 'value', this.cloneJson(value, child(path, 'value'), 1));
    checkOperatorValue(operator, value, path, (p, code, message) => this.error(p, code, message, id));
  }

  related(input: Obj, path: string, depth: number): RelatedNode {
    const out: Obj = { kind: 'related' };
    const id = this.id(input, out, path, 'x');
    this.requiredString(input, out, 'entity', path, 'A related block needs the entity whose rows it looks at.', id);
    const match = get(input, 'match');
    const mpath = child(path, 'match');
    if (match === undefined) {
      this.error(mpath, 'missing-field', 'A related block needs a match, e.g. {"quantifier": "any"}.', id);
      defineField(out, 'match', { quantifier: 'any' });
    } else if (!isObj(match)) {
      this.error(mpath, 'not-object', `match must be an object, not ${describeType(match)}.`, id);
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
      this.error(path, 'invalid-value', 'A match has either a quantifier or an aggregate, not both.', id);
    }
    if (quantifier !== undefined || aggregate === undefined) {
      if (quantifier === undefined) {
        this.error(
          child(path, 'quantifier'),
          'missing-field',
          'A match needs a quantifier (any, none, atLeast, atMost, exactly) or an aggregate.',
          id,
        );
        defineField(out, 'quantifier', 'any');
      } else if (typeof quantifier === 'string' && (QUANTIFIERS as readonly string[]).includes(quantifier)) {
        defineField(out, 'quantifier', quantifier);
      } else {
        this.error(
          child(path, 'quantifier'),
          'invalid-option',
          `The quantifier must be any, none, atLeast, atMost or exactly, not ${quote(quantifier)}.`,
          id,
        );
        defineField(out, 'quantifier', 'any');
      }
      const count = get(input, 'count');
      const needsCount = quantifier === 'atLeast' || quantifier === 'atMost' || quantifier === 'exactly';
      if (count !== undefined) {
        if (typeof count === 'number' && Number.isInteger(count) && count >= 0) defineField(out, 'count', count);
        else this.error(child(path, 'count'), 'invalid-value', `The count must be a whole number of 0 or more, not ${quote(count)}.`, id);
      } else if (needsCount) {
        this.error(child(path, 'count'), 'missing-value', `\`${String(quantifier)}\` needs a count.`, id);
      }
      this.copyUnknown(input, out, ['quantifier', 'count', 'aggregate'], path, 2);
      return out as QuantifierMatch;
    }
    if (typeof aggregate === 'string' && (AGGREGATES as readonly string[]).includes(aggregate)) {
      defineField(out, 'aggregate', aggregate);
    } else {
      this.error(
        child(path, 'aggregate'),
        'invalid-option',
        `The aggregate must be count, sum, avg, min or max, not ${quote(aggregate)}.`,
        id,
      );
      defineField(out, 'aggregate', 'count');
    }
    const attribute = get(input, 'attribute');
    if (attribute !== undefined) {
      if (typeof attribute === 'string') defineField(out, 'attribute', attribute);
      else this.error(child(path, 'attribute'), 'wrong-type', `attribute must be text, not ${describeType(attribute)}.`, id);
    } else if (aggregate !== 'count' && typeof aggregate === 'string' && (AGGREGATES as readonly string[]).includes(aggregate)) {
      this.error(child(path, 'attribute'), 'missing-field', `\`${aggregate}\` needs the attribute it aggregates.`, id);
    }
    this.requiredString(input, out, 'operator', path, 'An aggregate needs an operator to compare with.', id);
    this.operatorAndValue(input, out, path, id);
    this.copyUnknown(input, out, ['aggregate', 'attribute', 'operator', 'value'], path, 2);
    return out as AggregateMatch;
  }
}

/** Where `checkOperatorValue` reports a problem. */
export type ProblemReporter = (path: string, code: SegmentErrorCode, message: string) => void;

/**
 * Check an operator name and the shape of its value (SPEC section 4): a known operator;
 * a single value, a low–high pair, a non-empty list or an amount and unit, as the
 * operator needs. `path` is the node's pointer. Shared by parseSegment and the fast path
 * of validateSegment.
 */
export function checkOperatorValue(operator: string, value: unknown, path: string, report: ProblemReporter): void {
  if (operator === '') return;
  if (!isOperator(operator)) {
    report(child(path, 'operator'), 'unknown-operator', `Unknown operator ${quote(operator)}.`);
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
      if (missing) report(vpath, 'missing-value', `\`${operator}\` needs a value.`);
      else if (!isScalar(value)) report(vpath, 'invalid-value', `\`${operator}\` needs a single value, not ${describeType(value)}.`);
      return;
    case 'pair':
      if (missing) report(vpath, 'missing-value', `\`${operator}\` needs two values, low and high.`);
      else if (!Array.isArray(value) || value.length !== 2) {
        report(vpath, 'invalid-value', `\`${operator}\` needs two values, low and high.`);
      } else {
        value.forEach((v, i) => {
          if (v === null || v === undefined)
            report(child(vpath, i), 'missing-value', `\`${operator}\` needs a ${i === 0 ? 'low' : 'high'} value.`);
          else if (!isScalar(v))
            report(
              child(vpath, i),
              'invalid-value',
              `The ${i === 0 ? 'low' : 'high'} value must be a single value, not ${describeType(v)}.`,
            );
        });
      }
      return;
    case 'list':
      if (missing) report(vpath, 'missing-value', `\`${operator}\` needs at least one value.`);
      else if (!Array.isArray(value)) report(vpath, 'invalid-value', `\`${operator}\` needs a list of values, not ${describeType(value)}.`);
      else if (value.length === 0) report(vpath, 'missing-value', `\`${operator}\` needs at least one value.`);
      else
        value.forEach((v, i) => {
          if (!isScalar(v))
            report(child(vpath, i), 'invalid-value', `Each value of \`${operator}\` must be a single value, not ${describeType(v)}.`);
        });
      return;
    case 'relative': {
      if (missing) {
        report(vpath, 'missing-value', `\`${operator}\` needs an amount and a unit, e.g. 90 days.`);
        return;
      }
      if (!isObj(value)) {
        report(
          vpath,
          'invalid-value',
          `\`${operator}\` needs an amount and a unit like {"amount": 90, "unit": "day"}, not ${describeType(value)}.`,
        );
        return;
      }
      const amount = get(value, 'amount');
      const unit = get(value, 'unit');
      if (amount === undefined) report(child(vpath, 'amount'), 'missing-value', `\`${operator}\` needs an amount.`);
      else if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0)
        report(child(vpath, 'amount'), 'invalid-value', `The amount must be a whole number of 0 or more, not ${quote(amount)}.`);
      if (unit === undefined) report(child(vpath, 'unit'), 'missing-value', `\`${operator}\` needs a unit: day, week, month or year.`);
      else if (typeof unit !== 'string' || !(RELATIVE_UNITS as readonly string[]).includes(unit))
        report(child(vpath, 'unit'), 'invalid-option', `The unit must be day, week, month or year, not ${quote(unit)}.`);
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
        errors: [{ path: '', code: 'invalid-json', message: `This is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }],
      };
    }
  }
  let segment: SegmentDocument | undefined;
  try {
    segment = reader.document(value);
  } catch (e) {
    if (!(e instanceof Fatal)) {
      // Anything else (a getter that throws, a stack overflow) is still reported, never thrown.
      reader.error('', 'not-object', `The document could not be read: ${e instanceof Error ? e.message : String(e)}`);
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
