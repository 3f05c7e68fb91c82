/**
 * `explainSQL(segment, catalog, memberKey, options)`: why one member is in or out of a
 * segment, computed in SQL — the same `Explanation` the memory engine's `explainMember`
 * gives (SPEC section 6, `explain`).
 *
 * One query. Its `figures` row holds, for the member's audience row, the truth of every
 * node on that row, the member's own values, and for each related block the linked and
 * matching rows (distinct rows, through the relationship path) and the aggregate. A node
 * inside a related block is counted over the rows of the block's entity linked to the
 * enclosing scope (`scopeRows`, `trueRows`), and a condition there reports the values of
 * up to three of those rows (`vals`, one branch per condition): first the rows it holds
 * for that also satisfy the block's whole filter, then the other rows it holds for, in key
 * order; when it holds for none, the first three it was tested on. No row comes back when
 * no audience row has the key.
 */
import { isoDay } from '../model/dates.js';
import { combineMembership, type ExplainedValue, type Explanation, type NodeExplanation, type RuleExplanation } from '../model/explain.js';
import type { AggregateMatch, Catalog, EntityDef, RelatedNode, SegmentDocument, SegmentNode } from '../model/types.js';
import { parseSegment } from '../validate/parse.js';
import { child } from '../validate/pointer.js';
import { comment, compileWith, KEY, type QueryCompiler } from './compile.js';
import { indent, type Scope } from './nodes.js';
import type { SqlQuery, ToSqlOptions } from './types.js';
import type { DateStorage } from './dialect.js';

/** Rows of an entity, as the conditions of a WHERE over a table alias of it. */
interface RowSet {
  entity: EntityDef;
  where(alias: string): string[];
}

/** Where a node is explained: on the member's row, or over the rows of a related block. */
type Place = { member: Scope } | { rows: RowSet; id: number; filter?: SegmentNode; filterPath: string };

type ValueKind = 'number' | 'date' | 'text' | 'boolean';

/** How to read one explanation back from the row: each field names its column. */
interface NodePlan {
  node: NodeExplanation;
  result?: string;
  trueRows?: string;
  scopeRows?: string;
  linkedRows?: string;
  matchedRows?: string;
  aggregate?: { col: string; kind: ValueKind; storage: DateStorage };
  /** The member's own value (a condition on the member's row). */
  value?: { col: string; kind: ValueKind; storage: DateStorage };
  /** The values of rows inside a related block: a branch of `vals`. */
  branch?: { n: number; kind: ValueKind; storage: DateStorage };
}

interface RulePlan {
  index: number;
  id?: string;
  setOperator?: string;
  matched: string;
  nodes: NodePlan[];
}

export interface ExplainQuery extends SqlQuery {
  /** The explanation from the query's rows (numbers may come as numbers, bigints or numeric strings). */
  read(rows: readonly Record<string, unknown>[]): Explanation;
}

const kindOf = (type: string): ValueKind =>
  type === 'number' ? 'number' : type === 'date' ? 'date' : type === 'boolean' ? 'boolean' : 'text';

class ExplainCompiler {
  private readonly figures: string[] = [];
  readonly branches: string[] = [];
  private readonly scopeCounts = new Map<number, string>();
  private places = 0;
  readonly member: Scope;

  constructor(readonly q: QueryCompiler) {
    this.member = { entity: q.audience, alias: q.nodes.alias() };
  }

  private get dialect() {
    return this.q.dialect;
  }

  /** A column of the figures row; its name. */
  figure(expr: string): string {
    const name = `f${this.figures.length + 1}`;
    this.figures.push(`${expr} AS "${name}"`);
    return name;
  }

  private double(expr: string): string {
    return `CAST(${expr} AS ${this.dialect.name === 'duckdb' ? 'DOUBLE' : 'double precision'})`;
  }

  /** How many rows of `set` (that also satisfy `and`, over the same alias). */
  private count(set: RowSet, and?: (alias: string) => string): string {
    const a = this.q.nodes.alias();
    const where = [...set.where(a), ...(and ? [and(a)] : [])];
    return `(\n${indent(`SELECT CAST(count(*) AS integer)\nFROM ${this.q.names.table(set.entity)} AS ${a}\nWHERE ${where.join('\n  AND ')}`)}\n)`;
  }

  /** A node's expression over `scope`, never NULL. */
  private truth(node: SegmentNode, scope: Scope, path: string): string {
    return `(${this.q.nodes.node(node, scope, path, false)}) IS TRUE`;
  }

  /** A value as the explanation reads it: numbers and dates (epoch seconds) as doubles, text with '' as null. */
  private typed(expr: string, kind: ValueKind): string {
    if (kind === 'number') return this.double(expr);
    if (kind === 'date') return this.double(this.dialect.epoch(expr));
    if (kind === 'text') return `NULLIF(${expr}, '')`;
    return expr;
  }

  /** The rows of `target` linked to the place's rows (each once). */
  linked(place: Place, target: EntityDef): RowSet {
    const nodes = this.q.nodes;
    if ('member' in place) {
      const steps = this.q.cat.path(place.member.entity.name, target.name)!;
      return { entity: target, where: (b) => [nodes.linkedRows(steps, place.member, target, b).link] };
    }
    const parent = place.rows;
    const steps = this.q.cat.path(parent.entity.name, target.name)!;
    const names = this.q.names;
    const col = (e: EntityDef, alias: string, attr: string) => `${alias}.${names.keyColumn(e, attr)}`;
    // Not correlated with the row tested (only with the member): the planner hashes it once.
    return {
      entity: target,
      where: (b) => {
        const a = nodes.alias();
        const first = steps[0]!;
        const source = `SELECT ${col(parent.entity, a, first.fromAttribute)}\nFROM ${names.table(parent.entity)} AS ${a}\nWHERE ${parent.where(a).join('\n  AND ')}`;
        if (steps.length === 1) return [`${col(target, b, first.toAttribute)} IN (\n${indent(source)}\n)`];
        const hops = steps.slice(0, -1).map((s) => ({ step: s, entity: nodes.entity(s.to, ''), alias: nodes.alias() }));
        const joins = [`FROM ${names.table(hops[0]!.entity)} AS ${hops[0]!.alias}`];
        for (let i = 1; i < hops.length; i++) {
          const h = hops[i]!;
          const prev = hops[i - 1]!;
          joins.push(
            `JOIN ${names.table(h.entity)} AS ${h.alias} ON ${col(h.entity, h.alias, h.step.toAttribute)} = ${col(prev.entity, prev.alias, h.step.fromAttribute)}`,
          );
        }
        const last = hops[hops.length - 1]!;
        const final = steps[steps.length - 1]!;
        const via =
          `SELECT ${col(last.entity, last.alias, final.fromAttribute)}\n${joins.join('\n')}\n` +
          `WHERE ${col(hops[0]!.entity, hops[0]!.alias, first.toAttribute)} IN (\n${indent(source)}\n)`;
        return [`${col(target, b, final.toAttribute)} IN (\n${indent(via)}\n)`];
      },
    };
  }

  /** Every node of a tree, parent before children, as plans. */
  node(node: SegmentNode, path: string, place: Place, out: NodePlan[]): void {
    const plan: NodePlan = { node: { path, kind: node.kind, result: false } };
    if (node.id !== undefined) plan.node.id = node.id;
    out.push(plan);
    if ('member' in place) plan.result = this.figure(this.truth(node, place.member, path));
    else {
      let scope = this.scopeCounts.get(place.id);
      if (!scope) this.scopeCounts.set(place.id, (scope = this.figure(this.count(place.rows))));
      plan.scopeRows = scope;
      const entity = place.rows.entity;
      plan.trueRows = this.figure(this.count(place.rows, (alias) => this.truth(node, { entity, alias }, path)));
    }
    if (node.kind === 'group') {
      node.children.forEach((c, i) => this.node(c, child(path, 'children', i), place, out));
      return;
    }
    if (node.kind === 'condition') {
      const entity = 'member' in place ? place.member.entity : place.rows.entity;
      const col = this.q.names.column(entity, node.attribute);
      const kind = kindOf(col.attr.type);
      if ('member' in place)
        plan.value = { col: this.figure(this.typed(`${place.member.alias}.${col.sql}`, kind)), kind, storage: col.storage };
      else plan.branch = { n: this.values(place, node, path, col.sql, kind), kind, storage: col.storage };
      return;
    }
    this.related(node, path, place, plan, out);
  }

  private related(node: RelatedNode, path: string, place: Place, plan: NodePlan, out: NodePlan[]): void {
    const target = this.q.nodes.entity(node.entity, child(path, 'entity'));
    const rows = this.linked(place, target);
    const wpath = child(path, 'where');
    const filter = node.where;
    const matching = filter ? (alias: string) => this.truth(filter, { entity: target, alias }, wpath) : undefined;
    plan.linkedRows = this.figure(this.count(rows));
    plan.matchedRows = matching ? this.figure(this.count(rows, matching)) : plan.linkedRows;
    const match = node.match as AggregateMatch;
    if ('member' in place && 'aggregate' in match && match.aggregate !== undefined) {
      if (match.aggregate === 'count') plan.aggregate = { col: this.figure(this.count(rows, matching)), kind: 'number', storage: 'auto' };
      else {
        const a = this.q.nodes.alias();
        const where = [...rows.where(a), ...(matching ? [matching(a)] : [])].join('\n  AND ');
        const col = this.q.names.column(target, match.attribute ?? '');
        const kind = kindOf(col.attr.type);
        const agg = `${match.aggregate}(${a}.${col.sql})`;
        const expr = `(\n${indent(`SELECT ${this.typed(agg, kind)}\nFROM ${this.q.names.table(target)} AS ${a}\nWHERE ${where}`)}\n)`;
        plan.aggregate = { col: this.figure(expr), kind, storage: col.storage };
      }
    }
    if (filter) this.node(filter, wpath, { rows, id: ++this.places, filter, filterPath: wpath }, out);
  }

  /** A branch of `vals`: up to three rows of the place for a condition; its number. */
  private values(place: Extract<Place, { rows: RowSet }>, node: SegmentNode, path: string, column: string, kind: ValueKind): number {
    const n = this.branches.length + 1;
    const x = this.q.nodes.alias();
    const scope: Scope = { entity: place.rows.entity, alias: x };
    const holds = this.truth(node, scope, path);
    const inBlock = place.filter ? this.truth(place.filter, scope, place.filterPath) : undefined;
    const pri = inBlock
      ? `CASE WHEN ${holds} AND ${inBlock} THEN 0 WHEN ${holds} THEN 1 ELSE 2 END`
      : `CASE WHEN ${holds} THEN 0 ELSE 2 END`;
    const entity = place.rows.entity;
    const keyType = this.q.cat.attribute(entity.name, entity.key)?.type ?? 'string';
    const key = `${x}.${this.q.names.keyColumn(entity, entity.key)}`;
    const m = this.member;
    const value = (k: ValueKind, expr: string) => (kind === k ? this.typed(expr, k) : `CAST(NULL AS ${this.sqlType(k)})`);
    const v = `${x}.${column}`;
    const inner =
      `SELECT ${n} AS "n", ${pri} AS "pri", ${keyType === 'string' ? this.dialect.binaryOrder(key) : key} AS "k", ` +
      `${kind === 'date' ? value('date', v) : value('number', v)} AS "num", ${value('text', v)} AS "txt", ${value('boolean', v)} AS "flag"\n` +
      `FROM ${this.q.names.table(m.entity)} AS ${m.alias}\nCROSS JOIN ${this.q.names.table(entity)} AS ${x}\n` +
      `WHERE ${[this.memberIs(), ...place.rows.where(x)].join('\n  AND ')}`;
    this.branches.push(
      `(\n${indent(
        `SELECT "n", "pri", row_number() OVER (ORDER BY "pri", "k") AS "ord", "num", "txt", "flag"\nFROM (\n${indent(inner)}\n) AS s\nORDER BY "pri", "k"\nLIMIT 3`,
      )}\n)`,
    );
    return n;
  }

  private sqlType(k: ValueKind): string {
    if (k === 'text') return 'VARCHAR';
    if (k === 'boolean') return 'BOOLEAN';
    return this.dialect.name === 'duckdb' ? 'DOUBLE' : 'double precision';
  }

  private keyParam: string | undefined;
  keyValue: unknown;

  /** The member's row: its key equals the one asked about. */
  memberIs(): string {
    const key = this.q.keyColumn(this.member.alias);
    if (this.keyValue === undefined) return 'FALSE';
    this.keyParam ??= this.q.params.add(this.keyValue, typeof this.keyValue === 'number' ? 'number' : 'text');
    return `${key} = ${this.keyParam}`;
  }

  figuresSql(): string {
    const m = this.member;
    const list = this.figures.length ? this.figures : ['TRUE AS "found"'];
    return `SELECT\n${indent(list.join(',\n'))}\nFROM ${this.q.names.table(m.entity)} AS ${m.alias}\nWHERE ${this.memberIs()}`;
  }
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));

function readValue(v: unknown, kind: ValueKind, storage: DateStorage): ExplainedValue {
  if (v === null || v === undefined) return null;
  if (kind === 'boolean') return v === true || v === 't' || v === 'true';
  if (kind === 'text') return typeof v === 'string' ? v : JSON.stringify(v);
  const x = num(v);
  if (!Number.isFinite(x)) return null;
  if (kind === 'number') return x;
  const ms = Math.round(x * 1000);
  return storage === 'date' ? isoDay(ms) : new Date(ms).toISOString();
}

/**
 * The SQL that explains why `memberKey` is or is not a member of `segment` (see the file
 * comment), and `read(rows)` that turns its rows into an `Explanation`. The options are
 * `toSQL`'s (`select`, `sort`, `offset` and `limit` do not apply). Refuses what `toSQL`
 * refuses, the same way.
 */
export function explainSQL(segment: SegmentDocument, catalog: Catalog, memberKey: string, options: ToSqlOptions = {}): ExplainQuery {
  // Nodes without ids get the ones the memory engine gives them (`parseSegment`'s), so both explanations name them alike.
  const withIds = parseSegment(segment).segment ?? segment;
  return compileWith(withIds, catalog, options, (q, doc, now) => {
    const e = new ExplainCompiler(q);
    const key = String(memberKey);
    const keyType = q.cat.attribute(q.audience.name, q.audience.key)?.type ?? 'string';
    if (keyType === 'number') e.keyValue = key.trim() !== '' && Number.isFinite(Number(key)) ? Number(key) : undefined;
    else e.keyValue = key;
    const rules: RulePlan[] = doc.rules.map((rule, i) => {
      const path = child('/rules', i);
      const plan: RulePlan = { index: i, matched: '', nodes: [] };
      if (rule.id !== undefined) plan.id = rule.id;
      if (i > 0) plan.setOperator = rule.setOperator ?? 'union';
      if (rule.where !== undefined) {
        e.node(rule.where, child(path, 'where'), { member: e.member }, plan.nodes);
        plan.matched = plan.nodes[0]!.result!;
      } else {
        const cte = q.segment(rule.segment!, child(path, 'segment'));
        plan.matched = e.figure(`EXISTS (SELECT 1 FROM ${cte} AS s WHERE s.${KEY} = ${q.keyColumn(e.member.alias)})`);
      }
      return plan;
    });
    const ctes = [...q.ctes, `"figures" AS (\n${indent(e.figuresSql())}\n)`];
    if (e.branches.length) ctes.push(`"vals" AS (\n${indent(e.branches.join('\nUNION ALL\n'))}\n)`);
    const header =
      options.comments === false
        ? ''
        : `${comment(`segment-kit: why ${key} is or is not in ${doc.displayName ?? doc.name ?? 'the segment'} (explain, ${q.dialect.name}, now = ${new Date(now).toISOString()})`)}\n`;
    const tail = e.branches.length ? `SELECT *\nFROM "figures"\nLEFT JOIN "vals" ON TRUE\nORDER BY "n", "ord"` : `SELECT *\nFROM "figures"`;
    const text = `${header}WITH\n${indent(ctes.join(',\n'))}\n${tail}`;
    return { text, params: q.params.values, now: new Date(now).toISOString(), read: (rows) => readExplanation(key, rules, rows) };
  });
}

function readExplanation(key: string, rules: RulePlan[], rows: readonly Record<string, unknown>[]): Explanation {
  const first = rows[0];
  if (!first)
    return {
      key,
      found: false,
      member: false,
      rules: rules.map((r) => ({
        index: r.index,
        ...(r.id !== undefined ? { id: r.id } : {}),
        matched: false,
        cumulative: false,
        nodes: [],
      })),
    };
  const truth = (col: string) => first[col] === true || first[col] === 't' || first[col] === 1;
  const branches = new Map<number, { pri: number; num: unknown; txt: unknown; flag: unknown }[]>();
  for (const r of rows) {
    if (r['n'] === null || r['n'] === undefined) continue;
    const n = num(r['n']);
    if (!branches.has(n)) branches.set(n, []);
    branches.get(n)!.push({ pri: num(r['pri']), num: r['num'], txt: r['txt'], flag: r['flag'] });
  }
  let cumulative = false;
  const out: RuleExplanation[] = rules.map((r) => {
    const matched = truth(r.matched);
    cumulative = combineMembership(cumulative, r.setOperator, matched);
    const nodes = r.nodes.map((p) => {
      const node: NodeExplanation = { ...p.node };
      if (p.result !== undefined) node.result = truth(p.result);
      if (p.linkedRows !== undefined) node.linkedRows = num(first[p.linkedRows]);
      if (p.matchedRows !== undefined) node.matchedRows = num(first[p.matchedRows]);
      if (p.aggregate)
        node.aggregateValue = readValue(first[p.aggregate.col], p.aggregate.kind, p.aggregate.storage) as number | string | null;
      if (p.value) node.values = [readValue(first[p.value.col], p.value.kind, p.value.storage)];
      if (p.scopeRows !== undefined) {
        node.scopeRows = num(first[p.scopeRows]);
        node.trueRows = num(first[p.trueRows!]);
        node.result = node.trueRows > 0;
      }
      if (p.branch) {
        const b = p.branch;
        const got = branches.get(b.n) ?? [];
        const held = got.filter((g) => g.pri < 2);
        node.values = (held.length ? held : got).map((g) =>
          readValue(b.kind === 'text' ? g.txt : b.kind === 'boolean' ? g.flag : g.num, b.kind, b.storage),
        );
      }
      return node;
    });
    const entry: RuleExplanation = { index: r.index, matched, cumulative, nodes };
    if (r.id !== undefined) entry.id = r.id;
    return entry;
  });
  return { key, found: true, member: cumulative, rules: out };
}
