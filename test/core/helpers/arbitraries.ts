/** fast-check arbitraries: valid conditions, trees and documents over a catalog. */
import fc from 'fast-check';
import {
  AGGREGATE_OPERATORS,
  DAY_MS,
  RELATIVE_UNITS,
  aggregateResultType,
  operatorsFor,
  valueShapeOf,
  type Catalog,
  type ConditionNode,
  type AggregateMatch,
  type ConditionValue,
  type SegmentDocument,
  type SegmentNode,
} from '../../../src/core/index.js';

/**
 * Two ends of a date `between` on the same UTC day with the later time first, e.g.
 * `["2026-12-19T23:59:59.999Z", "2026-12-19"]`: a one-day range (SPEC section 4).
 */
export const sameDayReversedArb: fc.Arbitrary<ConditionValue> = fc
  .tuple(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: DAY_MS - 1 }), fc.integer({ min: 0, max: DAY_MS - 1 }))
  .filter(([, a, b]) => a !== b)
  .map(([day, a, b]) => {
    const iso = (ms: number) => new Date(day * DAY_MS + ms).toISOString();
    const late = Math.max(a, b);
    const early = Math.min(a, b);
    return [iso(late), early % 2 === 0 ? iso(0).slice(0, 10) : iso(early)];
  });

function valueFor(type: string, operator: string, values?: (string | number)[]): fc.Arbitrary<ConditionValue> {
  const shape = valueShapeOf(operator);
  const scalar: fc.Arbitrary<string | number> =
    values && values.length
      ? fc.constantFrom(...values)
      : type === 'number'
        ? fc.integer({ min: -1000, max: 1000 })
        : type === 'date'
          ? fc.integer({ min: 0, max: 20000 }).map((d) => new Date(d * 86400000).toISOString().slice(0, 10))
          : fc.string({ minLength: 1, maxLength: 6 });
  switch (shape) {
    case 'none':
      return fc.constant(undefined);
    case 'scalar':
      return scalar;
    case 'pair': {
      const ordered = fc.tuple(scalar, scalar).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as ConditionValue);
      return type === 'date' && !values?.length ? fc.oneof(ordered, sameDayReversedArb) : ordered;
    }
    case 'list':
      return fc.array(scalar, { minLength: 1, maxLength: 3 });
    default:
      return fc.record({
        amount: fc.integer({ min: 0, max: 400 }),
        unit: fc.constantFrom(...RELATIVE_UNITS),
      });
  }
}

/** A valid condition on an attribute of `entity`. */
export function conditionArb(catalog: Catalog, entity: string): fc.Arbitrary<ConditionNode> {
  const attrs = catalog.entities.find((e) => e.name === entity)!.attributes;
  return fc.constantFrom(...attrs).chain((attr) =>
    fc.constantFrom(...operatorsFor(attr.type)).chain((operator) =>
      valueFor(
        attr.type,
        operator,
        attr.values?.map((v) => v.value),
      ).map((value) => {
        const c: ConditionNode = { kind: 'condition', entity, attribute: attr.name, operator };
        if (value !== undefined) c.value = value;
        return c;
      }),
    ),
  );
}

/** A valid aggregate match over `entity`'s rows: count, or sum/avg/min/max of an attribute it applies to. */
export function aggregateArb(catalog: Catalog, entity: string): fc.Arbitrary<AggregateMatch> {
  const attrs = catalog.entities.find((e) => e.name === entity)!.attributes;
  const choices: { aggregate: AggregateMatch['aggregate']; attribute?: string; type: 'number' | 'date' }[] = [
    { aggregate: 'count', type: 'number' },
  ];
  for (const aggregate of ['sum', 'avg', 'min', 'max'] as const)
    for (const a of attrs) {
      const type = aggregateResultType(aggregate, a.type);
      if (type) choices.push({ aggregate, attribute: a.name, type });
    }
  return fc.constantFrom(...choices).chain(({ aggregate, attribute, type }) =>
    fc.constantFrom(...AGGREGATE_OPERATORS[type]).chain((operator) =>
      valueFor(type, operator).map((value) => {
        const m: AggregateMatch = attribute === undefined ? { aggregate, operator } : { aggregate, attribute, operator };
        if (value !== undefined) m.value = value;
        return m;
      }),
    ),
  );
}

const RELATED: Record<string, string[]> = { Customer: ['Order', 'Case', 'OnlineAccount'], OnlineAccount: ['WebSession'] };

/** A valid node tree in `scope`, up to `depth` levels. */
export function nodeArb(catalog: Catalog, scope: string, depth: number): fc.Arbitrary<SegmentNode> {
  const leaf = conditionArb(catalog, scope) as fc.Arbitrary<SegmentNode>;
  if (depth <= 0) return leaf;
  const group = fc
    .record({
      combinator: fc.constantFrom('and' as const, 'or' as const),
      not: fc.boolean(),
      children: fc.array(nodeArb(catalog, scope, depth - 1), { minLength: 1, maxLength: 3 }),
    })
    .map(({ combinator, not, children }) =>
      not ? { kind: 'group' as const, combinator, not, children } : { kind: 'group' as const, combinator, children },
    );
  const targets = RELATED[scope] ?? [];
  const arbs: fc.Arbitrary<SegmentNode>[] = [leaf, leaf, group];
  if (targets.length) {
    arbs.push(
      fc.constantFrom(...targets).chain((entity) =>
        fc
          .record({
            match: fc.oneof(
              fc.constant({ quantifier: 'any' as const }),
              fc.constant({ quantifier: 'none' as const }),
              fc.record({
                quantifier: fc.constantFrom('atLeast' as const, 'atMost' as const, 'exactly' as const),
                count: fc.integer({ min: 0, max: 3 }),
              }),
              aggregateArb(catalog, entity),
            ),
            where: fc.option(nodeArb(catalog, entity, depth - 1), { nil: undefined }),
          })
          .map(({ match, where }) =>
            where ? { kind: 'related' as const, entity, match, where } : { kind: 'related' as const, entity, match },
          ),
      ),
    );
  }
  return fc.oneof(...arbs);
}

/** A valid document with ids (as parseSegment would give it). */
export function documentArb(catalog: Catalog): fc.Arbitrary<SegmentDocument> {
  return fc.array(nodeArb(catalog, catalog.audience, 3), { minLength: 1, maxLength: 3 }).chain((wheres) =>
    fc
      .array(fc.constantFrom('union' as const, 'intersect' as const, 'except' as const), {
        minLength: wheres.length,
        maxLength: wheres.length,
      })
      .map((ops) => {
        let n = 0;
        const ids = (node: SegmentNode): SegmentNode => {
          const id = `n${++n}`;
          if (node.kind === 'group') return { ...node, id, children: node.children.map(ids) };
          if (node.kind === 'related') return node.where ? { ...node, id, where: ids(node.where) } : { ...node, id };
          return { ...node, id };
        };
        return {
          schemaVersion: 1 as const,
          id: 'seg',
          name: 'Generated',
          audience: catalog.audience,
          rules: wheres.map((w, i) =>
            i === 0 ? { id: `r${i + 1}`, where: ids(w) } : { id: `r${i + 1}`, setOperator: ops[i]!, where: ids(w) },
          ),
        };
      }),
  );
}

/** Freeze a value and everything in it, so any mutation throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
