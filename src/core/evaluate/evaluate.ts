/**
 * `evaluateSegment` and `explainMember`: the in-memory engine (SPEC section 5).
 *
 * Each call parses the document, compiles it to closures once (`compile.ts`), then runs
 * every rule over typed columns cached per dataset (`columns.ts`). A rule's result is a
 * Uint8Array over the audience rows; set operators combine those arrays left to right.
 */
import { type CatalogIndex, indexCatalog } from '../model/catalog.js';
import { toInstant } from '../model/dates.js';
import { segmentLookup, type SegmentSource } from '../model/segments.js';
import { combineMembership, type Explanation, type NodeExplanation, type RuleExplanation } from '../model/explain.js';
import type { Catalog, SegmentDocument, SegmentRule, SetOperator } from '../model/types.js';
import { parseSegment } from '../validate/parse.js';
import { child } from '../validate/pointer.js';
import { type EntityTable, type Rows, tableOf } from './columns.js';
import { type CompiledNode, Compiler } from './compile.js';
import { EvaluationError } from './errors.js';
import type { SegmentMemo } from './memo.js';
import { borrowAll, giveBack } from './scratch.js';
import { decidingValues } from './values.js';

/** Plain rows per entity (dates as ISO strings), described by a catalog. */
export interface Dataset {
  catalog: Catalog;
  /** Rows per entity name. An entity without an entry has no rows. */
  data: Record<string, readonly Record<string, unknown>[]>;
}

export interface EvaluateOptions {
  /** The reference instant for relative dates: a Date, an ISO string or epoch ms. Default: the current time. */
  now?: Date | string | number;
  /** Other saved segments, for `segment` rules. */
  segments?: SegmentSource;
  /**
   * Keep referenced segments' members here between calls (over the same rows, at the same
   * instant, while their documents are the same objects): a provider passes one per
   * dataset, so compound documents evaluate each referenced segment once.
   */
  memo?: SegmentMemo;
}

export interface RuleCount {
  /** Audience rows the rule matches on its own. */
  count: number;
  /** Size of the result after rules 0..i, combined left to right. */
  cumulative: number;
}

export interface EvaluationResult {
  /** Member keys (`String(row[key])`), in dataset row order. */
  members: string[];
  total: number;
  /** One entry per rule of the document, in order. */
  rules: RuleCount[];
}

const EMPTY_ROWS: Rows = Object.freeze([]);

interface CompiledRule {
  index: number;
  rule: SegmentRule;
  path: string;
  setOperator: SetOperator | undefined;
  where?: CompiledNode;
  segment?: string;
}

/** One evaluation's context: the dataset's tables, the catalog, the instant (also what `prepare.ts` builds through). */
export class Run {
  readonly cat: CatalogIndex;
  readonly now: number;
  readonly lookup: (id: string) => SegmentDocument | undefined;
  readonly audience: string;
  readonly audienceTable: EntityTable;
  readonly keyAttribute: string;
  /** Member keys of the audience rows, in row order. */
  readonly keys: string[];
  private readonly tables = new Map<string, EntityTable>();
  private readonly memo = new Map<string, Uint8Array>();
  private readonly stack: string[] = [];
  private readonly shared: SegmentMemo | undefined;
  /** Each referenced segment met in this run, with every segment it reached (itself first). */
  private readonly reached = new Map<string, readonly (readonly [string, SegmentDocument])[]>();
  /** For each referenced segment being computed, the segments it reaches. */
  private readonly collecting: Map<string, SegmentDocument>[] = [];

  constructor(
    readonly dataset: Dataset,
    opts: EvaluateOptions,
    doc: SegmentDocument,
  ) {
    if (dataset === null || typeof dataset !== 'object')
      throw new EvaluationError('invalid-dataset', 'The dataset must be an object { catalog, data }.');
    const catalog = dataset.catalog;
    if (catalog === null || typeof catalog !== 'object' || !Array.isArray(catalog.entities)) {
      throw new EvaluationError('invalid-dataset', 'The dataset has no catalog (an object with entities and relationships).');
    }
    if (dataset.data === null || typeof dataset.data !== 'object')
      throw new EvaluationError('invalid-dataset', 'The dataset has no data (rows per entity).');
    this.cat = indexCatalog(catalog);
    if (opts.now === undefined) this.now = Date.now();
    else {
      const now = toInstant(opts.now);
      if (now === undefined)
        throw new EvaluationError(
          'invalid-option',
          `now must be a Date, an ISO 8601 string or epoch milliseconds, not ${String(opts.now)}.`,
        );
      this.now = now;
    }
    this.lookup = segmentLookup(opts.segments);
    this.shared = opts.memo;
    this.audience = doc.audience !== '' ? doc.audience : catalog.audience;
    const entity = this.cat.entity(this.audience);
    if (!entity) {
      throw new EvaluationError('unknown-entity', `The audience "${this.audience}" is not an entity of the catalog.`, {
        path: '/audience',
        reason: 'unknown-audience',
      });
    }
    this.audienceTable = this.table(this.audience);
    this.keyAttribute = entity.key;
    this.keys = this.audienceTable.keys(entity.key);
  }

  table(entity: string): EntityTable {
    let t = this.tables.get(entity);
    if (!t) {
      const data = this.dataset.data;
      const rows = Object.prototype.hasOwnProperty.call(data, entity) ? data[entity] : undefined;
      if (rows !== undefined && !Array.isArray(rows))
        throw new EvaluationError('invalid-dataset', `The dataset's rows of ${entity} are not an array.`);
      t = tableOf(rows ?? EMPTY_ROWS);
      this.tables.set(entity, t);
    }
    return t;
  }

  compile(doc: SegmentDocument, segmentId?: string): CompiledRule[] {
    const ctx = {
      catalog: this.cat,
      table: (e: string) => this.table(e),
      now: this.now,
      ...(segmentId !== undefined ? { segmentId } : {}),
    };
    const compiler = new Compiler(ctx);
    return doc.rules.map((rule, index) => {
      const path = child('/rules', index);
      const hasWhere = rule.where !== undefined;
      const hasSegment = rule.segment !== undefined;
      if (hasWhere && hasSegment)
        compiler.fail(path, 'ambiguous-rule', 'A rule has either conditions (where) or a segment reference, not both.');
      if (!hasWhere && !hasSegment) compiler.fail(path, 'empty-rule', 'This rule is empty: it has no conditions and no segment.');
      // The first rule's set operator has nothing to join and is ignored; later rules default to union.
      const out: CompiledRule = { index, rule, path, setOperator: index === 0 ? undefined : (rule.setOperator ?? 'union') };
      if (hasWhere) out.where = compiler.node(rule.where!, this.audience, child(path, 'where'));
      else {
        if (typeof rule.segment !== 'string' || rule.segment === '')
          compiler.fail(child(path, 'segment'), 'missing-value', 'The rule does not name a segment.');
        out.segment = rule.segment;
      }
      return out;
    });
  }

  /** The rule's own result over the audience rows; `owned`: a fresh array the caller may keep or give back. */
  ruleMask(rule: CompiledRule, segmentId: string | undefined): { mask: Uint8Array; owned: boolean } {
    if (rule.where) {
      const n = this.audienceTable.length;
      const sel = borrowAll(n);
      const len = rule.where.refine(sel, n);
      const mask = new Uint8Array(n);
      for (let k = 0; k < len; k++) mask[sel[k]!] = 1;
      giveBack(sel);
      return { mask, owned: true };
    }
    return { mask: this.segmentMask(rule.segment!, child(rule.path, 'segment'), segmentId), owned: false };
  }

  /** Runs the rules left to right; calls `each` with the rule's own mask and the result so far. */
  runRules(rules: CompiledRule[], segmentId: string | undefined, each?: (own: Uint8Array, acc: Uint8Array) => void): Uint8Array {
    const n = this.audienceTable.length;
    let acc: Uint8Array | undefined;
    for (const rule of rules) {
      const { mask: own, owned } = this.ruleMask(rule, segmentId);
      const op = rule.setOperator;
      if (acc === undefined || op === undefined) acc = owned ? own : own.slice();
      else if (op === 'union') for (let i = 0; i < n; i++) acc[i] = acc[i]! | own[i]!;
      else if (op === 'intersect') for (let i = 0; i < n; i++) acc[i] = acc[i]! & own[i]!;
      else if (op === 'except') for (let i = 0; i < n; i++) acc[i] = acc[i]! & (own[i]! ^ 1);
      else
        throw new EvaluationError('invalid-segment', `Unknown set operator ${JSON.stringify(op)}.`, {
          path: child(rule.path, 'setOperator'),
          reason: 'invalid-option',
        });
      each?.(own, acc);
      if (owned && own !== acc) giveBack(own);
    }
    return acc ?? new Uint8Array(n);
  }

  /** Enter the top-level document (its id takes part in cycle detection). */
  enter(id: string | undefined): void {
    if (id !== undefined) this.stack.push(id);
  }

  /** The members of a referenced segment, as a mask over the audience rows. */
  segmentMask(id: string, path: string, from: string | undefined): Uint8Array {
    const memo = this.memo.get(id);
    if (memo) {
      this.noteReached(id);
      return memo;
    }
    const inside = from !== undefined ? { segmentId: from } : {};
    if (this.stack.includes(id)) {
      const cycle = [...this.stack.slice(this.stack.indexOf(id)), id];
      throw new EvaluationError('segment-cycle', `Segment references go round in a circle: ${cycle.join(' → ')}.`, {
        path,
        reason: 'segment-cycle',
        ...inside,
      });
    }
    const found = this.lookup(id);
    if (!found)
      throw new EvaluationError('unknown-segment', `There is no saved segment "${id}".`, { path, reason: 'unknown-segment', ...inside });
    const kept = this.shared?.get(id, found, this.dataset.data, this.now, this.lookup);
    if (kept) return this.keep(id, found, kept.mask, kept.deps, false);
    const parsed = parseSegment(found, { assignIds: false });
    if (!parsed.segment) {
      const e = parsed.errors[0];
      throw new EvaluationError('invalid-segment', `The referenced segment "${id}" cannot be read: ${e?.message ?? 'unknown error'}`, {
        path: e?.path ?? '',
        reason: e?.code ?? 'invalid-json',
        segmentId: id,
      });
    }
    const doc = parsed.segment;
    if (doc.audience !== '' && doc.audience !== this.audience) {
      throw new EvaluationError('invalid-segment', `The referenced segment "${id}" selects ${doc.audience}, not ${this.audience}.`, {
        path,
        reason: 'unknown-audience',
        ...inside,
      });
    }
    let mask: Uint8Array;
    if (doc.type === 'static' && Array.isArray(doc.snapshot)) {
      // A static segment is its stored snapshot (keys no longer in the dataset are dropped).
      mask = new Uint8Array(this.audienceTable.length);
      const index = this.audienceTable.keyIndex(this.keyAttribute);
      for (const key of doc.snapshot) {
        const i = index.get(String(key));
        if (i !== undefined) mask[i] = 1;
      }
      // Duplicate keys among the rows: every row with a snapshot key is in.
      if (index.size !== this.keys.length) {
        const wanted = new Set(doc.snapshot.map(String));
        this.keys.forEach((k, i) => {
          if (wanted.has(k)) mask[i] = 1;
        });
      }
    } else {
      // Dynamic (or static never refreshed): its definition, evaluated now.
      this.stack.push(id);
      this.collecting.push(new Map());
      try {
        const rules = this.compile(doc, id);
        mask = this.runRules(rules, id);
      } finally {
        this.stack.pop();
      }
      return this.keep(id, found, mask, [...this.collecting.pop()!], true);
    }
    return this.keep(id, found, mask, [], true);
  }

  /** Remember a referenced segment's members for this run (and, when just computed, in the shared memo). */
  private keep(
    id: string,
    doc: SegmentDocument,
    mask: Uint8Array,
    deps: readonly (readonly [string, SegmentDocument])[],
    computed: boolean,
  ): Uint8Array {
    if (computed) this.shared?.set(id, { data: this.dataset.data, now: this.now, doc, mask, deps });
    this.memo.set(id, mask);
    this.reached.set(id, [[id, doc], ...deps]);
    this.noteReached(id);
    return mask;
  }

  /** The segments being computed reach `id` and whatever it reaches. */
  private noteReached(id: string): void {
    const reached = this.reached.get(id);
    if (!reached) return;
    for (const c of this.collecting) for (const [k, d] of reached) c.set(k, d);
  }
}

function readDocument(segment: SegmentDocument): SegmentDocument {
  const parsed = parseSegment(segment);
  if (!parsed.segment) {
    const e = parsed.errors[0];
    throw new EvaluationError('invalid-segment', e?.message ?? 'The segment document cannot be read.', {
      path: e?.path ?? '',
      reason: e?.code ?? 'not-object',
    });
  }
  return parsed.segment;
}

function popcount(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0, n = mask.length; i < n; i++) c += mask[i]!;
  return c;
}

/**
 * Evaluate a segment over an in-memory dataset. Throws `EvaluationError` for a document
 * that cannot be evaluated (validate first to show errors per row).
 */
export function evaluateSegment(segment: SegmentDocument, dataset: Dataset, opts: EvaluateOptions = {}): EvaluationResult {
  const doc = readDocument(segment);
  const run = new Run(dataset, opts, doc);
  const rules = run.compile(doc);
  run.enter(doc.id);
  const counts: RuleCount[] = [];
  const acc = run.runRules(rules, undefined, (own, sofar) => counts.push({ count: popcount(own), cumulative: popcount(sofar) }));
  const keys = run.keys;
  const total = counts.length > 0 ? counts[counts.length - 1]!.cumulative : 0;
  const members = new Array<string>(total);
  for (let i = 0, k = 0, n = acc.length; k < total && i < n; i++) if (acc[i] !== 0) members[k++] = keys[i]!;
  return { members, total, rules: counts };
}

/** Why is `key` in or out of the segment: the truth value of every rule and node for that member. */
export function explainMember(segment: SegmentDocument, dataset: Dataset, key: string, opts: EvaluateOptions = {}): Explanation {
  const doc = readDocument(segment);
  const run = new Run(dataset, opts, doc);
  const rules = run.compile(doc);
  run.enter(doc.id);
  const at = run.keys.indexOf(String(key));
  const row = at < 0 ? undefined : at;
  if (row === undefined) {
    return {
      key,
      found: false,
      member: false,
      rules: rules.map((r) => ({
        index: r.index,
        ...(r.rule.id !== undefined ? { id: r.rule.id } : {}),
        matched: false,
        cumulative: false,
        nodes: [],
      })),
    };
  }
  const out: RuleExplanation[] = [];
  let cumulative = false;
  for (const rule of rules) {
    const nodes: NodeExplanation[] = [];
    let matched: boolean;
    if (rule.where) {
      explainNode(run, rule.where, [row], false, nodes);
      matched = nodes[0]!.result;
    } else {
      matched = run.ruleMask(rule, undefined).mask[row] === 1;
    }
    cumulative = combineMembership(cumulative, rule.setOperator, matched);
    const entry: RuleExplanation = { index: rule.index, matched, cumulative, nodes };
    if (rule.rule.id !== undefined) entry.id = rule.rule.id;
    out.push(entry);
  }
  return { key, found: true, member: cumulative, rules: out };
}

/**
 * One node (and its subtree) over `rows` of its scope: one row (the member) outside any
 * related block, the linked rows inside one; `matched`: those of them that satisfy the
 * enclosing block's whole `where` (a condition's values come from them first).
 */
function explainNode(
  run: Run,
  c: CompiledNode,
  rows: number[],
  inside: boolean,
  out: NodeExplanation[],
  matched: readonly number[] = rows,
): void {
  const e: NodeExplanation = { path: c.path, kind: c.kind, result: false };
  if (c.node.id !== undefined) e.id = c.node.id;
  out.push(e);
  let trueRows = 0;
  for (const r of rows) if (c.test(r)) trueRows++;
  e.result = trueRows > 0;
  if (inside) {
    e.scopeRows = rows.length;
    e.trueRows = trueRows;
  }
  if (c.kind === 'group') {
    for (const k of c.children) explainNode(run, k, rows, inside, out, matched);
    return;
  }
  if (c.kind === 'condition' && c.node.kind === 'condition') {
    const attr = run.cat.attribute(c.node.entity, c.node.attribute);
    if (attr) e.values = decidingValues(run.table(c.node.entity), attr, rows, c.test, matched);
    return;
  }
  const rel = c.related;
  if (!rel) return;
  // Distinct linked rows of all scope rows, and those satisfying `where`.
  const { offsets, items } = rel.link;
  const seen = new Set<number>();
  const linked: number[] = [];
  for (const r of rows) {
    for (let k = offsets[r]!, end = offsets[r + 1]!; k < end; k++) {
      const j = items[k]!;
      if (!seen.has(j)) {
        seen.add(j);
        linked.push(j);
      }
    }
  }
  // In dataset order, whatever order the scope rows linked them in (the values reported come from the first).
  linked.sort((a, b) => a - b);
  const where = c.children[0];
  const matching = where ? linked.filter((j) => where.test(j)) : linked;
  e.linkedRows = linked.length;
  e.matchedRows = matching.length;
  if (!inside && rows.length === 1 && rel.valueType !== undefined) {
    const v = rel.inspect(rows[0]!).value;
    e.aggregateValue = v === undefined || v !== v ? null : rel.valueType === 'date' ? new Date(v).toISOString() : v;
  }
  if (where) explainNode(run, where, linked, true, out, matching);
}
