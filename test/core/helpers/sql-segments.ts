/**
 * A seeded generator of valid random segments over a dataset, for the differential tests:
 * condition values come from the data itself (so conditions match some rows and not
 * others), from the edge texts (`%`, `_`, `\`, quotes, case) and from window boundaries.
 */
import { AGGREGATE_OPERATORS, aggregateResultType, operatorsFor, valueShapeOf } from '../../../src/core/model/operators.js';
import { indexCatalog } from '../../../src/core/model/catalog.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import type { AttributeDef, Catalog, ConditionValue, SegmentDocument, SegmentNode, SegmentRule } from '../../../src/core/model/types.js';
import type { Dataset } from '../../../src/core/evaluate/index.js';
import { TEXTS, boundaryDays, boundaryInstants, valuePools } from './sql-data.js';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)]!;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

const AMOUNTS: Record<string, number[]> = { day: [0, 1, 7, 30, 90, 400], week: [0, 1, 4], month: [0, 1, 3, 12], year: [0, 1, 2] };

export class SegmentGenerator {
  private readonly pools: Map<string, unknown[]>;
  private readonly days = boundaryDays();
  private readonly instants = boundaryInstants();
  private readonly index;

  constructor(
    readonly dataset: Dataset,
    readonly r: Rng,
    /** Ids of segments a rule may reference. */
    readonly references: readonly string[] = [],
  ) {
    this.pools = valuePools(dataset);
    this.index = indexCatalog(dataset.catalog);
  }

  get catalog(): Catalog {
    return this.dataset.catalog;
  }

  private randomCase(s: string): string {
    const r = this.r;
    const k = r.int(3);
    return k === 0 ? s : k === 1 ? s.toUpperCase() : s.toLowerCase();
  }

  private textValue(entity: string, attr: AttributeDef, op: string): string {
    const r = this.r;
    if (attr.values?.length) return this.randomCase(String(r.pick(attr.values).value));
    const pool = (this.pools.get(`${entity}.${attr.name}`) ?? []).filter((v): v is string => typeof v === 'string');
    let s = r.chance(0.25) || pool.length === 0 ? r.pick(TEXTS.filter((t) => t !== '')) : r.pick(pool);
    if (op === 'contains' || op === 'notContains' || op === 'startsWith' || op === 'endsWith') {
      // A piece of a value: its start, its end or its middle.
      if (s.length > 2 && r.chance(0.7)) {
        const a = r.int(s.length - 1);
        const b = a + 1 + r.int(Math.min(6, s.length - a));
        s = op === 'startsWith' ? s.slice(0, b) : op === 'endsWith' ? s.slice(a) : s.slice(a, b);
      }
    }
    s = this.randomCase(s);
    return s === '' ? 'x' : s;
  }

  private numberValue(entity: string, attr: AttributeDef): number {
    const r = this.r;
    if (attr.values?.length) return r.pick(attr.values).value as number;
    const pool = (this.pools.get(`${entity}.${attr.name}`) ?? []).filter((v): v is number => typeof v === 'number');
    if (pool.length === 0 || r.chance(0.2)) return r.pick([0, 1, -5, 500, 2500.5, 1e9]);
    const v = r.pick(pool);
    return r.chance(0.7) ? v : Math.round(v * (0.5 + r.next()));
  }

  private dateValue(entity: string, attr: AttributeDef): string {
    const r = this.r;
    const pool = (this.pools.get(`${entity}.${attr.name}`) ?? []).filter((v): v is string => typeof v === 'string');
    const k = r.int(4);
    if (k === 0 || pool.length === 0) return r.pick(this.days);
    if (k === 1) return r.pick(this.instants);
    return r.pick(pool);
  }

  private scalar(entity: string, attr: AttributeDef, op: string, type = attr.type): string | number {
    if (type === 'number') return this.numberValue(entity, attr);
    if (type === 'date') return this.dateValue(entity, attr);
    return this.textValue(entity, attr, op);
  }

  value(entity: string, attr: AttributeDef, op: string, type = attr.type): ConditionValue {
    const r = this.r;
    switch (valueShapeOf(op)) {
      case 'none':
        return undefined;
      case 'scalar':
        return this.scalar(entity, attr, op, type);
      case 'list':
        return Array.from({ length: 1 + r.int(3) }, () => this.scalar(entity, attr, op, type));
      case 'pair': {
        const a = this.scalar(entity, attr, op, type);
        const b = this.scalar(entity, attr, op, type);
        if (type === 'date') {
          const [x, y] = [parseIsoDate(a as string)!, parseIsoDate(b as string)!];
          return Math.floor(x / 864e5) <= Math.floor(y / 864e5) ? [a, b] : [b, a];
        }
        return (a as number) <= (b as number) ? [a, b] : [b, a];
      }
      default: {
        const unit = r.pick(['day', 'week', 'month', 'year'] as const);
        return { amount: r.pick(AMOUNTS[unit]!), unit };
      }
    }
  }

  condition(entity: string): SegmentNode {
    const r = this.r;
    const def = this.index.entity(entity)!;
    const attr = r.pick(def.attributes);
    const op = r.pick(operatorsFor(attr.type));
    const value = this.value(entity, attr, op);
    return { kind: 'condition', entity, attribute: attr.name, operator: op, ...(value !== undefined ? { value } : {}) };
  }

  /** Entities a related block can reach from `scope`. */
  private reachable(scope: string): string[] {
    return this.catalog.entities.map((e) => e.name).filter((e) => e !== scope && this.index.path(scope, e));
  }

  related(scope: string, depth: number): SegmentNode {
    const r = this.r;
    const entity = r.pick(this.reachable(scope));
    const def = this.index.entity(entity)!;
    let match: Record<string, unknown>;
    if (r.chance(0.6)) {
      const quantifier = r.pick(['any', 'none', 'atLeast', 'atMost', 'exactly'] as const);
      match = quantifier === 'any' || quantifier === 'none' ? { quantifier } : { quantifier, count: r.pick([0, 1, 1, 2, 3]) };
    } else {
      const aggregate = r.pick(['count', 'sum', 'avg', 'min', 'max'] as const);
      const candidates = def.attributes.filter((a) => aggregateResultType(aggregate, a.type) && !a.values?.length);
      const attr = aggregate === 'count' ? undefined : candidates.length ? r.pick(candidates) : undefined;
      const type = aggregate === 'count' ? 'number' : attr ? aggregateResultType(aggregate, attr.type)! : undefined;
      if (!type) return this.related(scope, depth);
      const operator = r.pick(AGGREGATE_OPERATORS[type]);
      const value =
        aggregate === 'count'
          ? valueShapeOf(operator) === 'pair'
            ? [r.int(2), r.int(3) + 1]
            : r.int(4)
          : this.value(entity, attr!, operator, type);
      match = { aggregate, ...(attr ? { attribute: attr.name } : {}), operator, value };
    }
    const node: Record<string, unknown> = { kind: 'related', entity, match };
    if (r.chance(0.75)) node.where = this.node(entity, depth + 1);
    return node as unknown as SegmentNode;
  }

  node(scope: string, depth: number): SegmentNode {
    const r = this.r;
    const k = r.next();
    if (depth < 3 && k < 0.3) {
      const children = Array.from({ length: 1 + r.int(3) }, () => this.node(scope, depth + 1));
      return { kind: 'group', combinator: r.chance(0.5) ? 'and' : 'or', ...(r.chance(0.35) ? { not: true } : {}), children };
    }
    if (depth < 3 && k < 0.5) return this.related(scope, depth);
    return this.condition(scope);
  }

  rule(i: number): SegmentRule {
    const r = this.r;
    const rule: SegmentRule =
      this.references.length && r.chance(0.15) ? { segment: r.pick(this.references) } : { where: this.node(this.catalog.audience, 0) };
    if (i > 0) rule.setOperator = r.pick(['union', 'intersect', 'except'] as const);
    return rule;
  }

  segment(n: number): SegmentDocument {
    const rules = Array.from({ length: 1 + this.r.int(3) }, (_, i) => this.rule(i));
    return { schemaVersion: 1, id: `random-${n}`, name: `Random${n}`, audience: this.catalog.audience, rules };
  }
}
