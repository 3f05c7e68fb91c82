/**
 * Condition trees to SQL boolean expressions, with the memory engine's semantics (SPEC
 * section 5). The values a condition compares with are worked out by the engine's own
 * `Compiler` (the same windows from `now`, the same anniversary days, the same lower-cased
 * text), then written as parameters; only the shape of the SQL comes from here.
 *
 * Two-valued logic: a comparison with a null column is NULL in SQL, which a WHERE treats
 * as false, and AND / OR keep that (they are monotone). Only NOT could turn it into true,
 * so under a NOT every expression that can be NULL is written `(…) IS TRUE`.
 */
import type { PathStep } from '../model/catalog.js';
import { DAY_MS, civilFromDays, daysInMonth, isoDay, utcDay } from '../model/dates.js';
import type { AggregateMatch, ConditionNode, EntityDef, GroupNode, QuantifierMatch, RelatedNode, SegmentNode } from '../model/types.js';
import type { Compiler } from '../evaluate/compile.js';
import type { NumberPredicate } from '../evaluate/predicates.js';
import { toText } from '../evaluate/columns.js';
import { SegmentProviderError } from '../provider/types.js';
import { child } from '../validate/pointer.js';
import type { DateStorage, Dialect, Params } from './dialect.js';
import type { Names } from './names.js';
import type { CatalogIndex } from '../model/catalog.js';

/**
 * How one-hop related nodes over a grouped scope (`groupInto`) are written.
 * - `quantifiers`: `any` / `none` (and at least 1, exactly 0) also count the grouped rows,
 *   instead of a correlated EXISTS (which, outside a WHERE, PostgreSQL runs once per row).
 * - `cte`: the grouped subquery goes into a CTE (`cte(body, node)` gives its name) instead
 *   of the join.
 */
export interface GroupOptions {
  quantifiers?: boolean;
  cte?: (body: string, node: RelatedNode) => string;
}

/** The rows a node is evaluated over: an entity and the alias of its table in the query. */
export interface Scope {
  entity: EntityDef;
  alias: string;
}

/** Indent every line of `text` by `n` spaces. */
export function indent(text: string, n = 2): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** `WHERE a AND b …`, one condition a line, continuation lines indented under the keyword. */
export function whereClause(conditions: readonly string[]): string {
  return conditions
    .map((c, i) => {
      const [first, ...rest] = c.split('\n');
      const head = i === 0 ? `WHERE ${first}` : `  AND ${first}`;
      return rest.length ? `${head}\n${indent(rest.join('\n'))}` : head;
    })
    .join('\n');
}

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '!'` (so `\` is an ordinary character). */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => '!' + c);
}

const TIMESTAMP_MIN_YEAR = 1;
const TIMESTAMP_MAX_YEAR = 9999;

/** The year of an instant (epoch ms), by the proleptic Gregorian calendar. */
const yearOf = (ms: number) => civilFromDays(utcDay(ms)) >> 9;

type Op = '=' | '<>' | '<' | '<=' | '>' | '>=';

export class NodeCompiler {
  private aliases = 0;
  /**
   * Scopes (table aliases) that are the rows of a whole query's FROM — a rule's audience rows —
   * and the joins their related aggregates became (see `groupedJoin`).
   */
  private readonly joins = new Map<string, string[]>();
  /** How the grouped subqueries over such a scope are written (see `GroupOptions`). */
  private readonly grouping = new Map<string, GroupOptions>();

  constructor(
    readonly catalog: CatalogIndex,
    readonly names: Names,
    readonly dialect: Dialect,
    readonly params: Params,
    readonly engine: Compiler,
  ) {}

  /**
   * Let one-hop related counts and aggregates over `alias` (the rows a query's FROM reads)
   * become joins to grouped subqueries; `joinsOf(alias)` gives them for that FROM.
   */
  groupInto(alias: string, options: GroupOptions = {}): void {
    this.joins.set(alias, []);
    this.grouping.set(alias, options);
  }

  joinsOf(alias: string): string[] {
    return this.joins.get(alias) ?? [];
  }

  /** A fresh table alias (`t1`, `t2` …), unique in the query. */
  alias(): string {
    return `t${++this.aliases}`;
  }

  entity(name: string, path: string): EntityDef {
    const e = this.catalog.entity(name);
    if (!e) throw new SegmentProviderError('invalid-segment', `The catalog has no entity "${name}" (at ${path}).`, { path });
    return e;
  }

  /**
   * A node as a boolean expression over the rows of `scope`. `negated`: the node stands
   * under a NOT, so it must never be NULL. `bare`: the expression stands alone in a WHERE
   * (an AND group needs no parentheses there).
   */
  node(node: SegmentNode, scope: Scope, path: string, negated: boolean, bare = false): string {
    switch (node.kind) {
      case 'group':
        return this.group(node, scope, path, negated, bare);
      case 'condition':
        return this.condition(node, scope, path, negated);
      case 'related':
        return this.related(node, scope, path, negated);
      default:
        throw new SegmentProviderError('invalid-segment', `Unknown node kind at ${path}.`, { path });
    }
  }

  group(node: GroupNode, scope: Scope, path: string, negated: boolean, bare: boolean): string {
    const not = node.not === true;
    const inner = negated || not;
    const parts = node.children.map((c, i) => this.node(c, scope, child(path, 'children', i), inner));
    const op = node.combinator === 'or' ? 'OR' : 'AND';
    if (parts.length === 1) return not ? `NOT (\n${indent(parts[0]!)}\n)` : parts[0]!;
    const body = parts.map((p, i) => (i === 0 ? p : `${op} ${p}`)).join('\n');
    if (not) return `NOT (\n${indent(body)}\n)`;
    if (bare && op === 'AND') return body;
    return `(\n${indent(body)}\n)`;
  }

  /** Two-valued: under a NOT, an expression that may be NULL becomes `(…) IS TRUE`. */
  private tv(expr: string, negated: boolean): string {
    return negated ? `(${expr}) IS TRUE` : expr;
  }

  // ------------------------------------------------------------ conditions

  condition(node: ConditionNode, scope: Scope, path: string, negated: boolean): string {
    const col = this.names.column(scope.entity, node.attribute);
    const expr = `${scope.alias}.${col.sql}`;
    const op = node.operator;
    const vpath = child(path, 'value');
    switch (col.attr.type) {
      case 'string':
        return this.text(expr, op, node.value, vpath, negated);
      case 'boolean':
        if (op === 'isTrue') return `${expr} IS TRUE`;
        if (op === 'isFalse') return `${expr} IS FALSE`;
        return op === 'isEmpty' ? `${expr} IS NULL` : `${expr} IS NOT NULL`;
      case 'number':
        return this.tv(
          this.numbers(this.engine.numberPredicate(op, node.value, vpath), expr),
          negated && op !== 'isEmpty' && op !== 'isNotEmpty',
        );
      case 'date': {
        if (op === 'isAnniversaryInNext') return this.anniversary(expr, col.storage, this.engine.anniversaryTable(node.value, vpath));
        const pred = this.engine.datePredicate(op, node.value, vpath);
        return this.tv(this.dates(pred, expr, col.storage), negated && op !== 'isEmpty' && op !== 'isNotEmpty');
      }
      default:
        throw new SegmentProviderError('invalid-segment', `Unknown attribute type at ${path}.`, { path });
    }
  }

  /** The value as text, exactly as the document has it (SQL lower-cases both sides). */
  private textValue(value: unknown, path: string): string {
    this.engine.text(value, path); // the engine's check of the value
    const text = toText(value)!;
    // PostgreSQL text cannot hold NUL, so no stored value has one: refuse rather than fail in the database.
    if (text.includes('\u0000'))
      throw new SegmentProviderError('invalid-segment', `The value at ${path} contains a NUL character, which SQL text cannot hold.`, [
        { path, code: 'invalid-value', message: 'The value contains a NUL character.' },
      ]);
    // Half a UTF-16 pair has no UTF-8 form: the driver would send U+FFFD, and the database compare another string.
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
      throw new SegmentProviderError(
        'invalid-segment',
        `The value at ${path} contains half of a character (a lone surrogate), which SQL text cannot hold.`,
        [{ path, code: 'invalid-value', message: 'The value contains half of a character (a lone surrogate).' }],
      );
    return text;
  }

  private textList(value: unknown, path: string): string {
    return this.engine
      .list(value, path, (v, p) => this.textValue(v, p))
      .map((t) => `lower(${this.params.add(t, 'text')})`)
      .join(', ');
  }

  text(expr: string, op: string, value: unknown, vpath: string, negated: boolean): string {
    const lower = `lower(${expr})`;
    const like = (pattern: (t: string) => string, not = false) =>
      this.tv(
        `${lower} ${not ? 'NOT LIKE' : 'LIKE'} lower(${this.params.add(pattern(escapeLike(this.textValue(value, vpath))), 'text')}) ESCAPE '!'`,
        negated,
      );
    switch (op) {
      case 'isEmpty':
        return `(${expr} IS NULL OR ${expr} = '')`;
      case 'isNotEmpty':
        return this.tv(`${expr} <> ''`, negated);
      case 'equals':
        return this.tv(`${lower} = lower(${this.params.add(this.textValue(value, vpath), 'text')})`, negated);
      case 'notEquals':
        return this.tv(`${lower} <> lower(${this.params.add(this.textValue(value, vpath), 'text')})`, negated);
      case 'in':
        return this.tv(`${lower} IN (${this.textList(value, vpath)})`, negated);
      case 'notIn':
        return this.tv(`${lower} NOT IN (${this.textList(value, vpath)})`, negated);
      case 'contains':
        return like((t) => `%${t}%`);
      case 'notContains':
        return like((t) => `%${t}%`, true);
      case 'startsWith':
        return like((t) => `${t}%`);
      case 'endsWith':
        return like((t) => `%${t}`);
      default:
        throw new SegmentProviderError('invalid-segment', `\`${op}\` does not apply to text (at ${vpath}).`, { path: vpath });
    }
  }

  /** A number predicate of the engine over `operand`. */
  numbers(p: NumberPredicate, operand: string): string {
    const v = (x: number) => this.params.add(x, 'number');
    switch (p.t) {
      case 'range':
        if (p.lo === p.hi) return `${operand} = ${v(p.lo)}`;
        if (p.lo === -Infinity && p.hi === Infinity) return `${operand} IS NOT NULL`;
        if (p.lo === -Infinity) return `${operand} <= ${v(p.hi)}`;
        if (p.hi === Infinity) return `${operand} >= ${v(p.lo)}`;
        return `${operand} BETWEEN ${v(p.lo)} AND ${v(p.hi)}`;
      case 'halfOpen':
        return `(${operand} >= ${v(p.lo)} AND ${operand} < ${v(p.hi)})`;
      case 'gt':
        return `${operand} > ${v(p.v)}`;
      case 'lt':
        return `${operand} < ${v(p.v)}`;
      case 'ne':
        return `${operand} <> ${v(p.v)}`;
      case 'outside':
        return `${operand} NOT BETWEEN ${v(p.lo)} AND ${v(p.hi)}`;
      case 'in':
        return `${operand} IN (${[...p.set].map(v).join(', ')})`;
      case 'notIn':
        return `${operand} NOT IN (${[...p.set].map(v).join(', ')})`;
      case 'null':
        return `${operand} IS NULL`;
      case 'notNull':
        return `${operand} IS NOT NULL`;
    }
  }

  /**
   * A date predicate of the engine (instants in epoch ms) over `operand`, stored as
   * `storage`. A `date` column holds midnight UTC of its day, so an instant bound becomes
   * the first or last day on the right side of it; bounds beyond the years 1–9999 become
   * `±infinity`; `auto` compares seconds since the epoch.
   */
  dates(p: NumberPredicate, operand: string, storage: DateStorage): string {
    const x = storage === 'auto' ? this.dialect.epoch(operand) : operand;
    const cmp = (op: Op, ms: number): string => {
      if (ms !== ms) return 'FALSE';
      return `${x} ${op} ${this.instant(ms, storage, op === '>=' || op === '<' ? 'ceil' : 'floor')}`;
    };
    switch (p.t) {
      case 'range':
        if (p.lo !== p.lo || p.hi !== p.hi) return 'FALSE';
        if (p.lo === -Infinity && p.hi === Infinity) return `${operand} IS NOT NULL`;
        if (p.lo === -Infinity) return cmp('<=', p.hi);
        if (p.hi === Infinity) return cmp('>=', p.lo);
        return `${x} BETWEEN ${this.instant(p.lo, storage, 'ceil')} AND ${this.instant(p.hi, storage, 'floor')}`;
      case 'halfOpen':
        return `(${cmp('>=', p.lo)} AND ${cmp('<', p.hi)})`;
      case 'gt':
        return cmp('>', p.v);
      case 'lt':
        return cmp('<', p.v);
      case 'outside':
        if (p.lo !== p.lo || p.hi !== p.hi) return 'FALSE';
        return `${x} NOT BETWEEN ${this.instant(p.lo, storage, 'ceil')} AND ${this.instant(p.hi, storage, 'floor')}`;
      case 'null':
        return `${operand} IS NULL`;
      case 'notNull':
        return `${operand} IS NOT NULL`;
      default:
        throw new SegmentProviderError('invalid-segment', `Unexpected date comparison "${p.t}".`);
    }
  }

  /** An instant as a parameter of the column's type; `round`: which UTC day a `date` column compares with. */
  private instant(ms: number, storage: DateStorage, round: 'ceil' | 'floor'): string {
    if (storage === 'auto') return this.params.add(ms / 1000, 'epoch');
    if (storage === 'date') {
      const day = round === 'ceil' ? Math.ceil(ms / DAY_MS) : Math.floor(ms / DAY_MS);
      const year = yearOf(day * DAY_MS);
      const text = year < TIMESTAMP_MIN_YEAR ? '-infinity' : year > TIMESTAMP_MAX_YEAR ? 'infinity' : isoDay(day * DAY_MS);
      return this.params.add(text, 'date');
    }
    const year = yearOf(ms);
    let text: string;
    if (year < TIMESTAMP_MIN_YEAR) text = '-infinity';
    else if (year > TIMESTAMP_MAX_YEAR) text = 'infinity';
    else {
      const iso = new Date(ms).toISOString();
      text = storage === 'timestamptz' ? iso : iso.slice(0, -1);
    }
    return this.params.add(text, storage);
  }

  /**
   * `isAnniversaryInNext`: the engine's table of accepted month-days (29 February
   * included when 28 February of a common year is), as ranges of `MMDD` in calendar order.
   */
  anniversary(expr: string, storage: DateStorage, accept: Uint8Array): string {
    const days: { key: number; text: string }[] = [];
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= daysInMonth(2000, m - 1); d++) days.push({ key: m * 32 + d, text: String(m * 100 + d).padStart(4, '0') });
    }
    const runs: [string, string][] = [];
    let start: string | undefined;
    days.forEach((day, i) => {
      if (accept[day.key] === 1) {
        start ??= day.text;
        if (i === days.length - 1 || accept[days[i + 1]!.key] !== 1) {
          runs.push([start, day.text]);
          start = undefined;
        }
      }
    });
    if (runs.length === 1 && runs[0]![0] === '0101' && runs[0]![1] === '1231') return `${expr} IS NOT NULL`;
    if (runs.length === 0) return 'FALSE';
    const md = this.dialect.monthDay(expr, storage);
    const parts = runs.map(([a, b]) =>
      a === b ? `${md} = ${this.params.add(a, 'text')}` : `${md} BETWEEN ${this.params.add(a, 'text')} AND ${this.params.add(b, 'text')}`,
    );
    // A NULL column gives NULL for every range; that is false here and under NOT too, as it is wrapped.
    const any = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    return `(${any}) IS TRUE`;
  }

  // --------------------------------------------------------------- related

  /**
   * The rows of `target` linked to the row of `scope`: a FROM and the WHERE condition that
   * links them. One hop: the join column. More hops, `exists` (only whether a row is
   * there matters): the hops joined from the scope row on, which the planner drives by
   * the join indexes. More hops, counted or aggregated: each target row once (as the
   * memory engine counts them), through `IN (…)` over the hops before it.
   */
  linkedRows(steps: readonly PathStep[], scope: Scope, target: EntityDef, alias: string, exists = false): { from: string; link: string } {
    const col = (e: EntityDef, a: string, attr: string) => `${a}.${this.names.keyColumn(e, attr)}`;
    const table = `${this.names.table(target)} AS ${alias}`;
    if (steps.length === 1) {
      const s = steps[0]!;
      return { from: `FROM ${table}`, link: `${col(target, alias, s.toAttribute)} = ${col(scope.entity, scope.alias, s.fromAttribute)}` };
    }
    // Intermediate hops: E1 … E(k-1), joined in order.
    const hops = steps.slice(0, -1).map((s) => ({ step: s, entity: this.entity(s.to, ''), alias: this.alias() }));
    const first = hops[0]!;
    const last = hops[hops.length - 1]!;
    const final = steps[steps.length - 1]!;
    const joins = [`FROM ${this.names.table(first.entity)} AS ${first.alias}`];
    for (let i = 1; i < hops.length; i++) {
      const h = hops[i]!;
      const prev = hops[i - 1]!;
      joins.push(
        `JOIN ${this.names.table(h.entity)} AS ${h.alias} ON ${col(h.entity, h.alias, h.step.toAttribute)} = ${col(prev.entity, prev.alias, h.step.fromAttribute)}`,
      );
    }
    const start = `${col(first.entity, first.alias, first.step.toAttribute)} = ${col(scope.entity, scope.alias, first.step.fromAttribute)}`;
    if (exists) {
      joins.push(`JOIN ${table} ON ${col(target, alias, final.toAttribute)} = ${col(last.entity, last.alias, final.fromAttribute)}`);
      return { from: joins.join('\n'), link: start };
    }
    const inner = `SELECT ${col(last.entity, last.alias, final.fromAttribute)}\n${joins.join('\n')}\nWHERE ${start}`;
    return { from: `FROM ${table}`, link: `${col(target, alias, final.toAttribute)} IN (\n${indent(inner)}\n)` };
  }

  related(node: RelatedNode, scope: Scope, path: string, negated: boolean): string {
    const target = this.entity(node.entity, child(path, 'entity'));
    const steps = this.catalog.path(scope.entity.name, target.name);
    if (!steps || steps.length === 0)
      throw new SegmentProviderError(
        'invalid-segment',
        `${target.name} is not linked to ${scope.entity.name} (at ${child(path, 'entity')}).`,
        {
          path: child(path, 'entity'),
        },
      );
    const alias = this.alias();
    const inner: Scope = { entity: target, alias };
    const filter = node.where ? this.node(node.where, inner, child(path, 'where'), false, true) : undefined;
    const sub = (select: string) => {
      const { from, link } = this.linkedRows(steps, scope, target, alias, select === '1');
      const where = whereClause(filter === undefined ? [link] : [link, filter]);
      return `(\n${indent(`SELECT ${select}\n${from}\n${where}`)}\n)`;
    };
    // Over the rows of a query's FROM, one hop away: the linked rows grouped once for all of them.
    const joins = steps.length === 1 ? this.joins.get(scope.alias) : undefined;
    const grouping = this.grouping.get(scope.alias) ?? {};
    /**
     * The linked rows grouped by their link column, joined to the scope's rows; `select` per group.
     * With `having` (a condition on `select`), only the groups that meet it come out, and the node
     * is whether the row has one: for a sum, average, minimum or maximum that is exact, as a row
     * without linked rows has a NULL aggregate, which meets no condition (and `NOT` of it holds).
     */
    const grouped = (select: string, count: boolean, having?: (operand: string) => string) => {
      if (!joins) {
        const operand = sub(select);
        return having ? this.tv(having(operand), negated) : operand;
      }
      const s = steps[0]!;
      const g = this.alias();
      const k = `${alias}.${this.names.keyColumn(target, s.toAttribute)}`;
      const rows = `FROM ${this.names.table(target)} AS ${alias}${filter === undefined ? '' : `\n${whereClause([filter])}`}\nGROUP BY ${k}`;
      const condition = having?.(select);
      const body =
        having === undefined
          ? `SELECT ${k} AS "k", ${select} AS "v"\n${rows}`
          : `SELECT ${k} AS "k"\n${rows}${condition ? `\nHAVING ${condition}` : ''}`;
      const on = `ON ${g}."k" = ${scope.alias}.${this.names.keyColumn(scope.entity, s.fromAttribute)}`;
      const source = grouping.cte ? `${grouping.cte(body, node)} AS ${g}` : `(\n${indent(body)}\n) AS ${g}`;
      joins.push(`LEFT JOIN ${source} ${on}`);
      if (having !== undefined) return `${g}."k" IS NOT NULL`;
      return count ? `COALESCE(${g}."v", 0)` : `${g}."v"`;
    };
    // Whether any linked row is there: EXISTS, or over grouped rows whether the row has a group.
    const some = (present: boolean) => {
      if (!joins || !grouping.quantifiers) return `${present ? '' : 'NOT '}EXISTS ${sub('1')}`;
      const has = grouped('count(*)', true, () => ''); // every group has a row
      return present ? has : `NOT ${has}`;
    };
    const mpath = child(path, 'match');
    const match = node.match;
    if ('aggregate' in match && match.aggregate !== undefined) {
      const a = match as AggregateMatch;
      const vpath = child(mpath, 'value');
      if (a.aggregate === 'count') return this.numbers(this.engine.numberPredicate(a.operator, a.value, vpath), grouped('count(*)', true));
      const col = this.names.column(target, a.attribute ?? '');
      const condition =
        col.attr.type === 'date'
          ? (operand: string) => this.dates(this.engine.datePredicate(a.operator, a.value, vpath), operand, col.storage)
          : (operand: string) => this.numbers(this.engine.numberPredicate(a.operator, a.value, vpath), operand);
      return grouped(`${a.aggregate}(${alias}.${col.sql})`, false, condition);
    }
    const q = match as QuantifierMatch;
    const count = (op: Op) => `${grouped('count(*)', true)} ${op} ${this.params.add(q.count ?? 0, 'number')}`;
    switch (q.quantifier) {
      case 'any':
        return some(true);
      case 'none':
        return some(false);
      case 'atLeast':
        return q.count === 1 ? some(true) : count('>=');
      case 'atMost':
        return count('<=');
      case 'exactly':
        return q.count === 0 ? some(false) : count('=');
      default:
        throw new SegmentProviderError('invalid-segment', `Unknown quantifier at ${child(mpath, 'quantifier')}.`, {
          path: child(mpath, 'quantifier'),
        });
    }
  }
}
