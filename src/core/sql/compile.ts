/**
 * `toSQL(segment, catalog, options)` → `{ text, params }`: a segment document as one SQL
 * query with the memory engine's semantics (SPEC section 5), for PostgreSQL or DuckDB.
 *
 * - One pass over the audience rows: each rule is a flag on the row, and the flags are
 *   combined left to right (union OR, intersect AND, except AND NOT); the count is a
 *   `count(*) FILTER (…)` of each rule and each result so far (`onePass`). A `segment`
 *   rule reads the referenced segment, compiled inline as a CTE of its own (the keys its
 *   own pass selects; once, however often it is used; a cycle is refused), or a static
 *   segment's snapshot.
 * - Conditions are compared in SQL with parameters only: text lower-cased on both sides,
 *   `LIKE … ESCAPE '!'` with `%`, `_` and `!` escaped, windows worked out from `now` by the
 *   engine's calendar, anniversaries as month-day ranges, related blocks one hop from the
 *   audience as its linked rows grouped once by key, others as correlated EXISTS / COUNT /
 *   aggregate subqueries through the relationship path.
 * - Identifiers come only from the catalog (or `tables`), quoted; a document that does not
 *   validate is refused with a `SegmentProviderError` (`invalid-segment`) naming the JSON path.
 */
import { Compiler } from '../evaluate/compile.js';
import { EvaluationError } from '../evaluate/errors.js';
import { indexCatalog, type CatalogIndex } from '../model/catalog.js';
import { toInstant } from '../model/dates.js';
import { describeSegment } from '../model/describe.js';
import { segmentLookup } from '../model/segments.js';
import type { Catalog, EntityDef, SegmentDocument, SegmentError, SegmentRule } from '../model/types.js';
import { memberColumns } from '../provider/columns.js';
import { pageArgs, sortSpecs } from '../provider/sort.js';
import { SegmentProviderError, type ColumnDef, type CountResult } from '../provider/types.js';
import { parseSegment } from '../validate/parse.js';
import { child } from '../validate/pointer.js';
import { validateSegment } from '../validate/validate.js';
import { dialectOf, Params, type Dialect } from './dialect.js';
import { Names } from './names.js';
import { indent, NodeCompiler, type Scope } from './nodes.js';
import type { SqlQuery, SqlSelect, ToSqlOptions } from './types.js';

const SELECTS: readonly SqlSelect[] = ['keys', 'members', 'count'];
export const KEY = '"key"';

/** Comment text on one line: no line breaks or control characters (which could end a `--` comment), at most `max` characters. */
export function commentText(text: string, max = 240): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export const comment = (text: string) => `-- ${commentText(text)}`;

function invalid(errors: readonly SegmentError[], where: string): SegmentProviderError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new SegmentProviderError(
    'invalid-segment',
    `The segment${where} is not valid at ${first.path || '/'}: ${first.message}${more}`,
    errors.map((e) => ({ ...e })),
  );
}

export class QueryCompiler {
  readonly cat: CatalogIndex;
  readonly dialect: Dialect;
  readonly params: Params;
  readonly names: Names;
  readonly nodes: NodeCompiler;
  readonly audience: EntityDef;
  readonly lookup: (id: string) => SegmentDocument | undefined;
  /** CTEs in the order they must be written (a referenced segment before its user). */
  readonly ctes: string[] = [];
  private readonly segmentCtes = new Map<string, string>();
  private readonly stack: string[] = [];
  private segmentCount = 0;
  /** Grouped related rows written so far (`"linked_1"` …). */
  linked = 0;
  private snapshotNames: { table: string; segment: string; key: string } | undefined;

  constructor(
    readonly catalog: Catalog,
    readonly options: ToSqlOptions,
    readonly now: number,
  ) {
    this.cat = indexCatalog(catalog);
    this.dialect = dialectOf(options.dialect);
    this.params = new Params(this.dialect);
    this.names = new Names(this.cat, this.dialect, options.tables ?? {}, options.dateType);
    const engine = new Compiler({
      catalog: this.cat,
      now,
      table: () => {
        throw new SegmentProviderError('internal', 'The SQL compiler reads no rows.');
      },
    });
    this.nodes = new NodeCompiler(this.cat, this.names, this.dialect, this.params, engine);
    this.audience = this.cat.entity(catalog.audience)!;
    const fromList = segmentLookup(options.segments);
    const resolve = options.resolveSegment;
    if (resolve !== undefined && typeof resolve !== 'function')
      throw new SegmentProviderError('invalid-argument', '`resolveSegment` must be a function of a segment id.');
    this.lookup = (id) => fromList(id) ?? resolve?.(id);
    if (options.snapshotTable !== undefined) this.snapshotNames = this.names.snapshot(options.snapshotTable);
  }

  keyColumn(alias: string): string {
    return `${alias}.${this.names.keyColumn(this.audience, this.audience.key)}`;
  }

  /** The CTE holding a referenced segment's members; its name. */
  segment(id: string, path: string): string {
    const done = this.segmentCtes.get(id);
    if (done) return done;
    const inside = this.stack.length > 0 ? ` (in segment "${this.stack[this.stack.length - 1]}")` : '';
    if (this.stack.includes(id)) {
      const cycle = [...this.stack.slice(this.stack.indexOf(id)), id];
      throw new SegmentProviderError(
        'invalid-segment',
        `Segment references go round in a circle at ${path}${inside}: ${cycle.join(' → ')}.`,
        [{ path, code: 'segment-cycle', message: `Segment references go round in a circle: ${cycle.join(' → ')}.` }],
      );
    }
    const found = this.lookup(id);
    if (!found)
      throw new SegmentProviderError('invalid-segment', `There is no saved segment "${id}" (at ${path}${inside}).`, [
        { path, code: 'unknown-segment', message: `There is no saved segment "${id}".` },
      ]);
    const parsed = parseSegment(found, { assignIds: false });
    if (!parsed.segment) throw invalid(parsed.errors, ` "${id}" (referenced at ${path})`);
    const doc = parsed.segment;
    if (doc.audience !== '' && doc.audience !== this.audience.name)
      throw new SegmentProviderError(
        'invalid-segment',
        `The referenced segment "${id}" selects ${doc.audience}, not ${this.audience.name} (at ${path}).`,
        [{ path, code: 'unknown-audience', message: `The referenced segment "${id}" selects ${doc.audience}.` }],
      );
    const name = `"segment_${++this.segmentCount}"`;
    let body: string;
    if (doc.type === 'static' && Array.isArray(doc.snapshot)) body = this.snapshot(id, doc.snapshot);
    else {
      // Its definition, evaluated now. Its name is not needed to evaluate it.
      const result = validateSegment({ ...doc, audience: this.audience.name }, this.catalog, { segments: this.lookup });
      const errors = result.errors.filter((e) => e.code !== 'missing-name' && e.code !== 'invalid-name' && e.code !== 'segment-cycle');
      if (errors.length > 0) throw invalid(errors, ` "${id}" (referenced at ${path})`);
      this.stack.push(id);
      body = membersSelect(this, doc, undefined);
      this.stack.pop();
    }
    this.segmentCtes.set(id, name);
    const label = doc.displayName ?? doc.name ?? id;
    this.ctes.push(
      `${comment(`Segment "${label}" (${doc.type === 'static' && Array.isArray(doc.snapshot) ? 'static: its snapshot' : 'its rules, evaluated now'})`)}\n${name} AS (\n${indent(body)}\n)`,
    );
    return name;
  }

  /** A static segment's stored members: from the snapshot table, or the keys of its document. */
  snapshot(id: string, keys: readonly unknown[]): string {
    const alias = this.nodes.alias();
    const key = this.keyColumn(alias);
    const from = `SELECT ${key} AS ${KEY}\nFROM ${this.names.table(this.audience)} AS ${alias}`;
    const s = this.snapshotNames;
    if (s) {
      const m = this.nodes.alias();
      const text = this.dialect.name === 'postgres' ? `${key}::text` : `${key}::VARCHAR`;
      return `${from}\nWHERE EXISTS (\n${indent(
        `SELECT 1\nFROM ${s.table} AS ${m}\nWHERE ${m}.${s.segment} = ${this.params.add(id, 'text')}\n  AND ${m}.${s.key} = ${text}`,
      )}\n)`;
    }
    return `${from}\nWHERE ${this.dialect.inTextArray(key, this.params.raw(keys.map(String)))}`;
  }
}

/** The reference instant (epoch ms) from the option, or now. */
function instantOf(now: ToSqlOptions['now']): number {
  if (now === undefined) return Date.now();
  const t = toInstant(now);
  if (t === undefined)
    throw new SegmentProviderError('invalid-argument', `now must be a Date, an ISO 8601 string or epoch milliseconds, not ${String(now)}.`);
  return t;
}

function orderFor(q: QueryCompiler, col: ColumnDef, expr: string, direction: 'asc' | 'desc'): string[] {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  // Empty values (null or '') last in either direction, and tied with each other.
  if (col.type === 'string') return [`(${expr} IS NULL OR ${expr} = '')`, `${q.dialect.binaryOrder(`lower(NULLIF(${expr}, ''))`)} ${dir}`];
  return [`${expr} ${dir} NULLS LAST`];
}

/**
 * Compile a segment document to one parameterized SQL query (see `ToSqlOptions.select`
 * for what it returns). Throws a `SegmentProviderError`: `invalid-segment` for a document
 * that does not validate against the catalog (the message names the JSON path; `details`
 * lists every problem), `invalid-argument` for unusable options or mappings.
 *
 * ```ts
 * const { text, params } = toSQL(segment, catalog, { now: new Date(), select: 'count' });
 * const { rows } = await pool.query(text, params);
 * const counts = countResult(rows); // { total, rules: [{ count, cumulative }, …] }
 * ```
 */
export function toSQL(segment: SegmentDocument, catalog: Catalog, options: ToSqlOptions = {}): SqlQuery {
  if (options === null || typeof options !== 'object') throw new SegmentProviderError('invalid-argument', 'The options must be an object.');
  const select = options.select ?? 'keys';
  if (!SELECTS.includes(select))
    throw new SegmentProviderError('invalid-argument', `Unknown select ${JSON.stringify(select)}: use "keys", "members" or "count".`);
  return compileWith(segment, catalog, options, (q, doc, now) => build(q, doc, select, now));
}

/**
 * Check the catalog and the options, parse and validate the document, then run `make`
 * with a compiler for it; the engine's refusals become `invalid-segment` with their path.
 * (`toSQL` and `explainSQL` both start here.)
 */
export function compileWith<T>(
  segment: SegmentDocument,
  catalog: Catalog,
  options: ToSqlOptions,
  make: (q: QueryCompiler, doc: SegmentDocument, now: number) => T,
): T {
  if (
    catalog === null ||
    typeof catalog !== 'object' ||
    !Array.isArray(catalog.entities) ||
    !indexCatalog(catalog).entity(catalog.audience)
  )
    throw new SegmentProviderError('invalid-argument', 'The catalog must have entities and an audience that is one of them.');
  const now = instantOf(options.now);
  const q = new QueryCompiler(catalog, options, now);

  const parsed = parseSegment(segment, { assignIds: false });
  if (!parsed.segment) throw invalid(parsed.errors, '');
  const doc = parsed.segment;
  const validation = validateSegment(doc, catalog, { segments: q.lookup });
  if (!validation.valid) throw invalid(validation.errors, '');

  try {
    return make(q, doc, now);
  } catch (e) {
    if (e instanceof EvaluationError)
      throw new SegmentProviderError('invalid-segment', e.message, [{ path: e.path ?? '', code: e.reason ?? e.code, message: e.message }]);
    throw e;
  }
}

function build(q: QueryCompiler, doc: SegmentDocument, select: SqlSelect, now: number): SqlQuery {
  const opts = q.options;
  const withComments = opts.comments !== false;
  const describeRule = (rule: SegmentRule) =>
    describeSegment({ ...doc, rules: [{ ...rule, setOperator: undefined }] }, q.catalog, {
      segments: q.lookup,
      maxLength: 200,
      ...(opts.translator ? { translator: opts.translator } : {}),
    });
  const header = withComments
    ? `${comment(`segment-kit: ${doc.displayName ?? doc.name ?? 'segment'} (${select}, ${q.dialect.name}, now = ${new Date(now).toISOString()})`)}\n`
    : '';

  if (select === 'count')
    return {
      text: header + countQuery(q, doc, withComments ? describeRule : undefined),
      params: q.params.values,
      now: new Date(now).toISOString(),
    };

  // The members: the audience rows whose rules, combined left to right, hold (one pass, as the count).
  q.ctes.push(`"members" AS (\n${indent(membersSelect(q, doc, withComments ? describeRule : undefined))}\n)`);
  const membersSql = `SELECT ${KEY} FROM "members"`;
  const withClause = q.ctes.length > 0 ? `WITH\n${indent(q.ctes.join(',\n'))}\n` : '';
  const keyType = q.cat.attribute(q.audience.name, q.audience.key)?.type ?? 'string';
  const keyName = q.dialect.ident(q.audience.key, 'audience key');

  if (select === 'keys') {
    const paging = page(q, opts.offset, opts.limit, undefined);
    const order = keyType === 'string' ? q.dialect.binaryOrder(KEY) : KEY;
    const text = `${header}${withClause}SELECT m.${KEY} AS ${keyName}\nFROM (\n${indent(membersSql)}\n) AS m\nORDER BY m.${order}${paging}`;
    return { text, params: q.params.values, now: new Date(now).toISOString() };
  }

  // members: the audience row of each member, its attributes and the projected ones.
  const columns = memberColumns(q.catalog, doc);
  const alias = q.nodes.alias();
  const exprs = new Map<string, string>();
  const list: string[] = [];
  const keyExpr = q.keyColumn(alias);
  for (const col of [columns.find((c) => c.key === q.audience.key)!, ...columns.filter((c) => c.key !== q.audience.key)]) {
    let expr: string;
    if (col.entity === q.audience.name)
      expr = col.attribute === q.audience.key ? keyExpr : `${alias}.${q.names.column(q.audience, col.attribute).sql}`;
    else expr = projection(q, { entity: q.audience, alias }, col);
    exprs.set(col.key, expr);
    list.push(`${expr} AS ${q.dialect.ident(col.key, 'column')}`);
  }
  const sorts = sortSpecs(opts.sort).filter((s) => exprs.has(s.key));
  const order = sorts.flatMap((s) =>
    orderFor(
      q,
      columns.find((c) => c.key === s.key)!,
      exprs.get(s.key)!,
      s.direction ?? 'asc',
    ),
  );
  order.push(keyType === 'string' ? q.dialect.binaryOrder(keyExpr) : keyExpr);
  const paging = page(q, opts.offset, opts.limit, 100);
  if (sorts.length === 0) {
    // In key order, the page of keys first, then only its rows (and their projections): a planner
    // given `key IN (members) ORDER BY key LIMIT n` may walk the audience's key index and probe the
    // members for each row instead.
    const m = q.nodes.alias();
    const pk = `${m}.${KEY}`;
    const keyOrder = keyType === 'string' ? q.dialect.binaryOrder(pk) : pk;
    const keys = `SELECT ${pk}\nFROM (\n${indent(membersSql)}\n) AS ${m}\nORDER BY ${keyOrder}${paging}`;
    const p = q.nodes.alias();
    const text =
      `${header}${withClause}SELECT\n${indent(list.join(',\n'))}\nFROM (\n${indent(keys)}\n) AS ${p}\n` +
      `JOIN ${q.names.table(q.audience)} AS ${alias} ON ${keyExpr} = ${p}.${KEY}\nORDER BY ${order[order.length - 1]!}`;
    return { text, params: q.params.values, now: new Date(now).toISOString(), columns };
  }
  const text =
    `${header}${withClause}SELECT\n${indent(list.join(',\n'))}\nFROM ${q.names.table(q.audience)} AS ${alias}\n` +
    `WHERE ${keyExpr} IN (\n${indent(membersSql)}\n)\nORDER BY\n${indent(order.join(',\n'))}${paging}`;
  return { text, params: q.params.values, now: new Date(now).toISOString(), columns };
}

/**
 * One pass over the audience rows: a flag per rule (its condition `IS TRUE`, or for a `segment`
 * rule whether the key is among the segment's), and after each rule the flags combined left to
 * right (union: OR, intersect: AND, except: AND NOT; the flags are never NULL, so NOT is safe).
 * One-hop related counts, aggregates and quantifiers over the audience rows are grouped once
 * each, in a MATERIALIZED CTE (`"linked_1"` …) joined by key: given the grouped subquery
 * inline, PostgreSQL may put it under a parallel scan of the audience and group it once per
 * worker. Audience rows are what is counted and listed, as in the memory engine.
 */
function onePass(
  q: QueryCompiler,
  doc: SegmentDocument,
  describe: ((rule: SegmentRule) => string) | undefined,
): { key: string; from: string; flags: string[]; results: string[]; last: string } {
  const alias = q.nodes.alias();
  const scope: Scope = { entity: q.audience, alias };
  q.nodes.groupInto(alias, {
    quantifiers: true,
    cte: (body) => {
      const name = `"linked_${++q.linked}"`;
      q.ctes.push(`${name} AS MATERIALIZED (\n${indent(body)}\n)`);
      return name;
    },
  });
  const key = q.keyColumn(alias);
  const flags: string[] = [];
  const segmentJoins: string[] = [];
  doc.rules.forEach((rule, i) => {
    const path = child('/rules', i);
    const note = describe ? `${comment(`Rule ${i + 1}${rule.name ? ` (${rule.name})` : ''}: ${describe(rule)}`)}\n` : '';
    if (rule.where !== undefined) {
      flags.push(`${note}(\n${indent(q.nodes.node(rule.where, scope, child(path, 'where'), false, true))}\n) IS TRUE`);
      return;
    }
    const segment = q.segment(rule.segment!, child(path, 'segment'));
    const m = q.nodes.alias();
    segmentJoins.push(`LEFT JOIN (SELECT DISTINCT ${KEY} FROM ${segment}) AS ${m} ON ${m}.${KEY} = ${key}`);
    flags.push(`${note}${m}.${KEY} IS NOT NULL`);
  });
  const joins = [...q.nodes.joinsOf(alias), ...segmentJoins].map((j) => `\n${j}`).join('');
  const from = `FROM ${q.names.table(q.audience)} AS ${alias}${joins}`;
  // After each rule, over names for the flags: `r1`, `(r1 OR r2)`, `(r1 OR r2) AND NOT r3` …
  const combined = (names: readonly string[]) => {
    const out: string[] = [];
    doc.rules.forEach((rule, i) => {
      const op = rule.setOperator ?? 'union';
      const prev = out[i - 1];
      out.push(
        prev === undefined
          ? names[0]!
          : op === 'intersect'
            ? `${prev} AND ${names[i]}`
            : op === 'except'
              ? `${prev} AND NOT ${names[i]}`
              : `(${prev} OR ${names[i]})`,
      );
    });
    return out;
  };
  const flagNames = doc.rules.map((_, i) => q.dialect.ident(`rule_${i + 1}`, 'column'));
  // As a WHERE condition: each flag's expression in its place (parenthesised: the flags are whole expressions).
  const wrapped = flags.map((f) => `(\n${indent(f)}\n)`);
  return {
    key,
    from,
    flags: flags.map((f, i) => `${f} AS ${flagNames[i]}`),
    results: combined(flagNames),
    last: combined(wrapped).at(-1)!,
  };
}

/** The members of a document: its audience rows (their keys, as `"key"`) for which the last result of `onePass` holds. */
function membersSelect(q: QueryCompiler, doc: SegmentDocument, describe: ((rule: SegmentRule) => string) | undefined): string {
  const pass = onePass(q, doc, describe);
  return `SELECT ${pass.key} AS ${KEY}\n${pass.from}\nWHERE ${pass.last.replace(/\n/g, '\n  ')}`;
}

/** The count with per-rule breakdown: `count(*) FILTER (…)` of each rule's flag and of each result so far, in one pass. */
function countQuery(q: QueryCompiler, doc: SegmentDocument, describe: ((rule: SegmentRule) => string) | undefined): string {
  const pass = onePass(q, doc, describe);
  q.ctes.push(`"flags" AS (\n${indent(`SELECT\n${indent(pass.flags.join(',\n'))}\n${pass.from}`)}\n)`);
  const counts = doc.rules.flatMap((_, i) => [
    `count(*) FILTER (WHERE ${q.dialect.ident(`rule_${i + 1}`, 'column')}) AS "count_${i + 1}"`,
    `count(*) FILTER (WHERE ${pass.results[i]}) AS "cumulative_${i + 1}"`,
  ]);
  q.ctes.push(`"counts" AS MATERIALIZED (\n${indent(`SELECT\n${indent(counts.join(',\n'))}\nFROM "flags"`)}\n)`);
  const rows = doc.rules.map(
    (_, i) =>
      `SELECT ${i} AS "rule", CAST("count_${i + 1}" AS integer) AS "count", CAST("cumulative_${i + 1}" AS integer) AS "cumulative" FROM "counts"`,
  );
  return `WITH\n${indent(q.ctes.join(',\n'))}\n${rows.join('\nUNION ALL\n')}\nORDER BY "rule"`;
}

/** `LIMIT … OFFSET …` as parameters (validated whole numbers, as providers clamp them). */
function page(q: QueryCompiler, offset: unknown, limit: unknown, fallback: number | undefined): string {
  if (fallback === undefined && limit === undefined && offset === undefined) return '';
  const [o, l] = pageArgs(offset, limit, fallback ?? Number.MAX_SAFE_INTEGER);
  const parts: string[] = [];
  if (fallback !== undefined || limit !== undefined) parts.push(`\nLIMIT ${q.params.raw(l)}`);
  if (o > 0 || offset !== undefined) parts.push(`\nOFFSET ${q.params.raw(o)}`);
  return parts.join('');
}

/** A projected attribute of a related entity: the value of the last linked row (in key order) that has one. */
function projection(q: QueryCompiler, scope: Scope, col: ColumnDef): string {
  const target = q.cat.entity(col.entity)!;
  const steps = q.cat.path(scope.entity.name, target.name)!;
  const alias = q.nodes.alias();
  // The linked rows as a related block's subquery, then the last non-null value.
  const { from, link } = q.nodes.linkedRows(steps, scope, target, alias);
  const value = `${alias}.${q.names.column(target, col.attribute).sql}`;
  const keyType = q.cat.attribute(target.name, target.key)?.type ?? 'string';
  const key = `${alias}.${q.names.keyColumn(target, target.key)}`;
  const order = keyType === 'string' ? q.dialect.binaryOrder(key) : key;
  return `(\n${indent(`SELECT ${value}\n${from}\nWHERE ${link}\n  AND ${value} IS NOT NULL\nORDER BY ${order} DESC\nLIMIT 1`)}\n)`;
}

/**
 * A provider's `count` answer from the rows of a `select: 'count'` query (numbers may come
 * as numbers, bigints or numeric strings, as drivers return them).
 */
export function countResult(rows: readonly Record<string, unknown>[]): CountResult {
  const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v));
  const sorted = [...rows].sort((a, b) => num(a['rule']) - num(b['rule']));
  const rules = sorted.map((r) => ({ count: num(r['count']), cumulative: num(r['cumulative']) }));
  return { total: rules.length > 0 ? rules[rules.length - 1]!.cumulative : 0, rules };
}
