/**
 * `validateSegment`: checks a document against a catalog (SPEC sections 2–5) and returns
 * every problem with its JSON pointer and the id of its rule or node, so a UI can show
 * each message next to its row.
 */
import { attributeLabel, entityLabel, indexCatalog, type CatalogIndex } from '../model/catalog.js';
import { parseIsoDate, utcDayOfIso } from '../model/dates.js';
import { AGGREGATE_OPERATORS, aggregateResultType, operatorSpec, operatorsFor, valueShapeOf } from '../model/operators.js';
import { segmentLookup, type SegmentSource } from '../model/segments.js';
import type {
  AggregateMatch,
  AttributeDef,
  AttributeType,
  Catalog,
  ConditionValue,
  SegmentDocument,
  SegmentError,
  SegmentErrorCode,
  SegmentNode,
} from '../model/types.js';
import { reportedError, segmentError, type ErrorParamsOf } from './errors.js';
import { checkOperatorValue, parseSegment, type ProblemReporter } from './parse.js';
import { child } from './pointer.js';

export interface ValidateOptions {
  /**
   * The other saved segments, to check segment references and cycles among them.
   * Without it, references are not checked.
   */
  segments?: SegmentSource;
  /**
   * The document came from `parseSegment` and the edit operations (an editor's own
   * state): skip re-reading its structure, which is what costs most in a large document.
   * Operators and value shapes are still checked. Do not use it on documents from outside.
   */
  assumeParsed?: boolean;
}

export interface ValidationResult {
  valid: boolean;
  errors: SegmentError[];
}

/** Letters, digits and `_`, not starting with a digit. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isIdentifier(name: unknown): boolean {
  return typeof name === 'string' && IDENTIFIER.test(name);
}

/** Errors of a condition node, with paths relative to it, by catalog (fast path only). */
const nodeMemo = new WeakMap<CatalogIndex, WeakMap<SegmentNode, { scope: string; errors: SegmentError[] }>>();

class Checker {
  errors: SegmentError[] = [];
  /** Per-node memo of a subtree's errors (set on the fast path, where nodes are immutable). */
  memo: WeakMap<SegmentNode, { scope: string; errors: SegmentError[] }> | undefined;
  /** Check operators and value shapes here too (parseSegment was skipped). */
  checkShapes = false;
  /** Paths parseSegment already reported. */
  readonly reported = new Set<string>();
  constructor(
    readonly catalog: Catalog,
    readonly index: CatalogIndex,
  ) {}

  error<C extends SegmentErrorCode>(path: string, code: C, params: ErrorParamsOf<C>, nodeId: string | undefined): void {
    this.errors.push(segmentError(path, code, params, nodeId));
  }

  /** Where `checkOperatorValue` reports, for the node `nodeId`. */
  reporter(nodeId: string | undefined): ProblemReporter {
    return (path, code, message, params) => this.errors.push(reportedError(path, code, message, params, nodeId));
  }

  node(node: SegmentNode, path: string, scope: string): void {
    if (!this.memo) {
      this.check(node, path, scope);
      return;
    }
    // Edit operations copy only the path to what changed and keep every other node as the
    // same object: a subtree's errors, kept with paths relative to it, are reused instead of
    // checked again, so an edit costs the depth of the change, not the size of the segment.
    let own = this.memo.get(node);
    if (!own || own.scope !== scope) {
      const outer = this.errors;
      const local: SegmentError[] = [];
      this.errors = local;
      this.check(node, '', scope);
      this.errors = outer;
      own = { scope, errors: local };
      this.memo.set(node, own);
    }
    for (const e of own.errors) this.errors.push({ ...e, path: path + e.path });
  }

  /** The checks of one node and its subtree (its children through `node`, which may reuse them). */
  check(node: SegmentNode, path: string, scope: string): void {
    const id = node.id;
    if (node.kind === 'group') {
      if (node.children.length === 0) this.error(child(path, 'children'), 'empty-group', {}, id);
      node.children.forEach((c, i) => this.node(c, child(path, 'children', i), scope));
      return;
    }
    if (node.kind === 'condition') {
      this.condition(node.entity, node.attribute, node.operator, node.value, path, scope, id);
      return;
    }
    // related
    const entity = node.entity;
    if (entity === '') {
      if (!this.reported.has(child(path, 'entity')))
        this.error(child(path, 'entity'), 'missing-field', { variant: 'chooseRelatedEntity' }, id);
      return;
    }
    if (!this.index.entity(entity)) {
      this.error(child(path, 'entity'), 'unknown-entity', { entity }, id);
      return;
    }
    if (entity === scope || !this.index.path(scope, entity)) {
      this.error(
        child(path, 'entity'),
        'no-relationship',
        { variant: 'related', entity: entityLabel(this.catalog, entity), scope: entityLabel(this.catalog, scope) },
        id,
      );
      return;
    }
    const match = node.match;
    if ('aggregate' in match && match.aggregate !== undefined) this.aggregate(match as AggregateMatch, entity, child(path, 'match'), id);
    if (node.where) this.node(node.where, child(path, 'where'), entity);
  }

  aggregate(match: AggregateMatch, entity: string, path: string, id: string | undefined): void {
    if (this.checkShapes) checkOperatorValue(match.operator, match.value, path, this.reporter(id));
    let attr: AttributeDef | undefined;
    if (match.aggregate !== 'count' || match.attribute !== undefined) {
      if (match.attribute === undefined || match.attribute === '') {
        if (match.aggregate !== 'count') this.error(child(path, 'attribute'), 'missing-attribute', { aggregate: match.aggregate }, id);
        return;
      }
      attr = this.index.attribute(entity, match.attribute);
      if (!attr) {
        this.error(
          child(path, 'attribute'),
          'unknown-attribute',
          { entity: entityLabel(this.catalog, entity), attribute: match.attribute },
          id,
        );
        return;
      }
    }
    const resultType = aggregateResultType(match.aggregate, attr?.type);
    if (!resultType) {
      this.error(
        child(path, 'aggregate'),
        'operator-not-allowed',
        {
          variant: 'aggregate',
          aggregate: match.aggregate,
          attribute: attributeLabel(this.catalog, entity, attr?.name ?? ''),
          type: attr?.type ?? 'string',
        },
        id,
      );
      return;
    }
    if (match.operator === '') {
      this.error(child(path, 'operator'), 'missing-operator', { variant: 'aggregate' }, id);
      return;
    }
    if (valueShapeOf(match.operator) === undefined) return; // unknown operators were reported by parseSegment
    if (!(AGGREGATE_OPERATORS[resultType] as readonly string[]).includes(match.operator)) {
      this.error(
        child(path, 'operator'),
        'operator-not-allowed',
        { variant: 'aggregateOperator', operator: match.operator, type: resultType, operators: AGGREGATE_OPERATORS[resultType] },
        id,
      );
      return;
    }
    this.value(resultType, match.operator, match.value, child(path, 'value'), id, undefined);
  }

  condition(
    entity: string,
    attribute: string,
    operator: string,
    value: ConditionValue,
    path: string,
    scope: string,
    id: string | undefined,
  ): void {
    if (this.checkShapes) checkOperatorValue(operator, value, path, this.reporter(id));
    if (attribute === '') {
      this.error(child(path, 'attribute'), 'missing-attribute', {}, id);
      return;
    }
    if (!this.index.entity(entity)) {
      this.error(child(path, 'entity'), 'unknown-entity', entity === '' ? { entity, variant: 'unnamed' } : { entity }, id);
      return;
    }
    if (entity !== scope) {
      this.error(
        child(path, 'entity'),
        'entity-out-of-scope',
        {
          variant: scope === this.catalog.audience ? 'outside' : entity === this.catalog.audience ? 'audienceInside' : 'inside',
          entity: entityLabel(this.catalog, entity),
          scope: entityLabel(this.catalog, scope),
        },
        id,
      );
      return;
    }
    const attr = this.index.attribute(entity, attribute);
    if (!attr) {
      this.error(child(path, 'attribute'), 'unknown-attribute', { entity: entityLabel(this.catalog, entity), attribute }, id);
      return;
    }
    if (operator === '') {
      this.error(child(path, 'operator'), 'missing-operator', { variant: 'condition' }, id);
      return;
    }
    if (!operatorSpec(attr.type, operator)) {
      if (valueShapeOf(operator) !== undefined) {
        this.error(
          child(path, 'operator'),
          'operator-not-allowed',
          {
            variant: 'condition',
            operator,
            attribute: attributeLabel(this.catalog, entity, attribute),
            type: attr.type,
            operators: operatorsFor(attr.type),
          },
          id,
        );
      }
      return; // unknown operators were reported by parseSegment
    }
    this.value(attr.type, operator, value, child(path, 'value'), id, attr);
  }

  /** Checks the type of each scalar in a value whose shape parseSegment already checked. */
  value(
    type: AttributeType,
    operator: string,
    value: ConditionValue,
    path: string,
    id: string | undefined,
    attr: AttributeDef | undefined,
  ): void {
    const shape = valueShapeOf(operator);
    if (shape === 'none' || shape === 'relative' || value === undefined || value === null) return;
    const scalars: [unknown, string][] = Array.isArray(value) ? value.map((v, i) => [v, child(path, i)]) : [[value, path]];
    if ((shape === 'pair' || shape === 'list') && !Array.isArray(value)) return;
    if (shape === 'scalar' && Array.isArray(value)) return;
    let ok = true;
    for (const [v, p] of scalars) {
      if (v === null || v === undefined || typeof v === 'object') continue; // shape errors come from parseSegment
      if (!this.scalar(type, v, p, id, attr)) ok = false;
    }
    if (ok && shape === 'pair' && Array.isArray(value) && value.length === 2) {
      // Dates compare as UTC calendar days (SPEC section 4): ["2026-12-19T23:59Z", "2026-12-19"] is one day.
      const [lo, hi] = value;
      const a = type === 'date' && typeof lo === 'string' ? utcDayOfIso(lo) : lo;
      const b = type === 'date' && typeof hi === 'string' ? utcDayOfIso(hi) : hi;
      if (typeof a === 'number' && typeof b === 'number' && a > b) {
        this.error(path, 'invalid-value', { variant: 'lowAboveHigh' }, id);
      }
    }
  }

  scalar(type: AttributeType, v: unknown, path: string, id: string | undefined, attr: AttributeDef | undefined): boolean {
    if (v === '') {
      // An empty string is no value, whatever the type (SPEC section 4): that is `isEmpty`.
      this.error(path, 'missing-value', { variant: 'emptyText' }, id);
      return false;
    }
    if (type === 'string') {
      if (typeof v !== 'string') {
        this.error(path, 'value-type', { variant: 'text', type: typeof v }, id);
        return false;
      }
    } else if (type === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        this.error(
          path,
          'value-type',
          typeof v === 'string' ? { variant: 'number', type: 'string', value: v } : { variant: 'number', type: typeof v },
          id,
        );
        return false;
      }
    } else if (type === 'date') {
      if (typeof v !== 'string') {
        this.error(path, 'value-type', { variant: 'date', type: typeof v }, id);
        return false;
      }
      if (parseIsoDate(v) === undefined) {
        this.error(path, 'invalid-date', { value: v }, id);
        return false;
      }
    }
    if (attr?.values && attr.values.length > 0) {
      const allowed = attr.values.map((o) => o.value);
      const lower = typeof v === 'string' ? v.toLowerCase() : v;
      if (!allowed.some((a) => (typeof a === 'string' ? a.toLowerCase() : a) === lower)) {
        this.error(path, 'value-not-allowed', { value: String(v), attribute: attr.label ?? attr.name }, id);
        return false;
      }
    }
    return true;
  }
}

/**
 * Check a segment document against a catalog. Returns `{ valid, errors }`; every error
 * has a JSON pointer, a code, a message a person understands and, when the rule or node
 * has one, its id. Structural problems (those `parseSegment` reports) are included.
 * Never throws.
 */
export function validateSegment(segment: unknown, catalog: Catalog, options?: ValidateOptions | null): ValidationResult {
  options ??= {};
  const trusted =
    options.assumeParsed === true && typeof segment === 'object' && segment !== null && Array.isArray((segment as SegmentDocument).rules);
  const parsed = trusted
    ? { segment: segment as SegmentDocument, errors: [] as SegmentError[] }
    : parseSegment(segment, { assignIds: false });
  if (!parsed.segment) return { valid: false, errors: parsed.errors };
  const doc = parsed.segment;
  const index = indexCatalog(catalog);
  const checker = new Checker(catalog, index);
  checker.checkShapes = trusted;
  if (trusted) {
    let memo = nodeMemo.get(index);
    if (!memo) nodeMemo.set(index, (memo = new WeakMap()));
    checker.memo = memo;
  }
  const errors = checker.errors;
  errors.push(...parsed.errors);
  for (const e of parsed.errors) checker.reported.add(e.path);

  if (doc.name === undefined || doc.name === '') {
    checker.error('/name', 'missing-name', {}, undefined);
  } else if (!isIdentifier(doc.name)) {
    checker.error('/name', 'invalid-name', { name: doc.name }, undefined);
  }
  const audienceOk = typeof catalog?.audience === 'string' && doc.audience === catalog.audience && !!index.entity(doc.audience);
  if (!audienceOk) {
    checker.error('/audience', 'unknown-audience', { audience: doc.audience, expected: String(catalog?.audience) }, undefined);
  }
  if (doc.rules.length === 0) checker.error('/rules', 'no-rules', {}, undefined);

  const lookup = segmentLookup(options.segments);
  doc.rules.forEach((rule, i) => {
    const path = child('/rules', i);
    const id = rule.id;
    if (i === 0 && rule.setOperator !== undefined) {
      checker.error(child(path, 'setOperator'), 'set-operator-on-first-rule', {}, id);
    }
    const hasWhere = rule.where !== undefined;
    const hasSegment = rule.segment !== undefined;
    if (hasWhere && hasSegment) {
      checker.error(path, 'ambiguous-rule', {}, id);
    } else if (!hasWhere && !hasSegment) {
      checker.error(path, 'empty-rule', {}, id);
    }
    if (hasSegment && rule.segment !== undefined) {
      const ref = rule.segment;
      if (ref === '') {
        checker.error(child(path, 'segment'), 'missing-value', { variant: 'segment' }, id);
      } else if (doc.id !== undefined && ref === doc.id) {
        checker.error(child(path, 'segment'), 'segment-cycle', { variant: 'self' }, id);
      } else if (options.segments !== undefined) {
        const target = lookup(ref);
        if (!target) checker.error(child(path, 'segment'), 'unknown-segment', { segment: ref }, id);
        else {
          const cycle = findCycle(ref, doc.id, lookup);
          if (cycle) checker.error(child(path, 'segment'), 'segment-cycle', { variant: 'cycle', cycle }, id);
        }
      }
    }
    if (audienceOk && rule.where) checker.node(rule.where, child(path, 'where'), doc.audience);
  });

  doc.projectedAttributes?.forEach((p, i) => {
    const path = child('/projectedAttributes', i);
    if (!index.entity(p.entity)) checker.error(child(path, 'entity'), 'unknown-entity', { entity: p.entity }, undefined);
    else if (!index.attribute(p.entity, p.attribute))
      checker.error(
        child(path, 'attribute'),
        'unknown-attribute',
        { entity: entityLabel(catalog, p.entity), attribute: p.attribute },
        undefined,
      );
    else if (audienceOk && p.entity !== doc.audience && !index.path(doc.audience, p.entity))
      checker.error(
        child(path, 'entity'),
        'no-relationship',
        { variant: 'projected', entity: entityLabel(catalog, p.entity), scope: entityLabel(catalog, doc.audience) },
        undefined,
      );
  });

  return { valid: errors.length === 0, errors };
}

/**
 * Follows segment references from `start`; returns the ids on a cycle reachable from it
 * (including one that comes back to `self`), or undefined.
 */
function findCycle(start: string, self: string | undefined, lookup: (id: string) => SegmentDocument | undefined): string[] | undefined {
  const stack: string[] = self !== undefined ? [self] : [];
  const onStack = new Set(stack);
  const done = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    if (onStack.has(id)) return [...stack.slice(stack.indexOf(id)), id];
    if (done.has(id)) return undefined;
    const doc = lookup(id);
    if (!doc || !Array.isArray(doc.rules)) {
      done.add(id);
      return undefined;
    }
    stack.push(id);
    onStack.add(id);
    for (const rule of doc.rules) {
      if (rule && typeof rule.segment === 'string') {
        const found = visit(rule.segment);
        if (found) return found;
      }
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
    return undefined;
  };
  return visit(start);
}
