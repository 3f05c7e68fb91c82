/**
 * Compiles a condition tree to closures once per call. Every compiled node works over
 * the rows of its scope entity (the audience, or the entity of the enclosing `related`):
 * - `refine(sel, len)` keeps, in place, the rows of the selection `sel[0 .. len)` for
 *   which the node holds and returns how many (see predicates.ts). An `and` group refines
 *   with each child in turn, so later children only look at the rows still in; an `or`
 *   group only asks each child about rows no earlier child accepted; a `related` node
 *   evaluates its `where` only on the rows linked to the selection.
 * - `test(i)` answers for one row (explanations, and the property tests that check both
 *   agree).
 */
import type { CatalogIndex, PathStep } from '../model/catalog.js';
import { DAY_MS, addUnits, isRelativeUnit, monthDayOfDay, utcDay, utcDayOfIso } from '../model/dates.js';
import { AGGREGATE_OPERATORS, aggregateResultType, isOperator, operatorSpec } from '../model/operators.js';
import type {
  AggregateMatch,
  AttributeDef,
  ConditionNode,
  ConditionValue,
  GroupNode,
  QuantifierMatch,
  RelatedNode,
  RelativeUnit,
  SegmentNode,
} from '../model/types.js';
import { child } from '../validate/pointer.js';
import { type EntityTable, type Hop, type Link, linkFor, toNumber, toText } from './columns.js';
import { EvaluationError } from './errors.js';
import { borrowInt32, borrowZeros, giveBack } from './scratch.js';
import {
  type NumberPredicate,
  type Refine,
  refineBooleans,
  refineCodes,
  refineMonthDays,
  refineNumbers,
  refineText,
  testNumber,
  testText,
  type TextPredicate,
} from './predicates.js';

export interface RelatedInspection {
  /** Linked rows of the related entity. */
  linked: number;
  /** Linked rows that satisfy `where` (all of them without one). */
  matched: number;
  /** The aggregate's value (NaN for null); undefined for quantifiers. */
  value?: number;
  result: boolean;
}

export interface CompiledNode {
  kind: 'group' | 'condition' | 'related';
  node: SegmentNode;
  /** JSON pointer of the node in its document. */
  path: string;
  refine: Refine;
  test(i: number): boolean;
  /** Group: its children; related: its `where` (if any). */
  children: CompiledNode[];
  related?: {
    link: Link;
    table: EntityTable;
    /** The aggregate's result type, when the match is an aggregate. */
    valueType?: 'number' | 'date';
    inspect(i: number): RelatedInspection;
  };
}

export interface CompileContext {
  catalog: CatalogIndex;
  /** The cached table of an entity's rows in the dataset. */
  table(entity: string): EntityTable;
  /** The reference instant, epoch ms. */
  now: number;
  /** Set when compiling a referenced segment (for error messages). */
  segmentId?: string;
}

export class Compiler {
  constructor(private readonly ctx: CompileContext) {}

  fail(path: string, reason: string, message: string): never {
    const where = this.ctx.segmentId !== undefined ? ` (in segment "${this.ctx.segmentId}", at ${path || '/'})` : ` (at ${path || '/'})`;
    const details: { path: string; reason: string; segmentId?: string } = { path, reason };
    if (this.ctx.segmentId !== undefined) details.segmentId = this.ctx.segmentId;
    throw new EvaluationError('invalid-segment', message + where, details);
  }

  node(node: SegmentNode, scope: string, path: string): CompiledNode {
    switch (node.kind) {
      case 'group':
        return this.group(node, scope, path);
      case 'condition':
        return this.condition(node, scope, path);
      case 'related':
        return this.related(node, scope, path);
      default:
        return this.fail(path, 'unknown-kind', `Unknown node kind ${JSON.stringify((node as { kind?: unknown }).kind)}.`);
    }
  }

  // ---------------------------------------------------------------- groups

  group(node: GroupNode, scope: string, path: string): CompiledNode {
    if (!Array.isArray(node.children) || node.children.length === 0) {
      this.fail(child(path, 'children'), 'empty-group', 'This group is empty, so it has no meaning to evaluate.');
    }
    const children = node.children.map((c, i) => this.node(c, scope, child(path, 'children', i)));
    const isOr = node.combinator === 'or';
    if (!isOr && node.combinator !== 'and')
      this.fail(child(path, 'combinator'), 'invalid-option', `Unknown combinator ${JSON.stringify(node.combinator)}.`);
    const negate = node.not === true;

    const size = this.ctx.table(scope).length;
    let inner: Refine;
    let innerTest: (i: number) => boolean;
    if (children.length === 1) {
      inner = children[0]!.refine;
      innerTest = children[0]!.test;
    } else if (!isOr) {
      const refines = children.map((c) => c.refine);
      const tests = children.map((c) => c.test);
      inner = (sel, len) => {
        for (const r of refines) {
          if (len === 0) break;
          len = r(sel, len);
        }
        return len;
      };
      innerTest = (i) => tests.every((t) => t(i));
    } else {
      const refines = children.map((c) => c.refine);
      const tests = children.map((c) => c.test);
      inner = (sel, len) => orRefine(refines, size, sel, len);
      innerTest = (i) => tests.some((t) => t(i));
    }
    const refine: Refine = negate
      ? (sel, len) => {
          const t = borrowInt32(size);
          t.set(sel.subarray(0, len));
          const m = inner(t, len);
          const hit = borrowZeros(size);
          for (let k = 0; k < m; k++) hit[t[k]!] = 1;
          let out = 0;
          for (let k = 0; k < len; k++) {
            const i = sel[k]!;
            sel[out] = i;
            out += hit[i]! ^ 1;
          }
          giveBack(t);
          giveBack(hit);
          return out;
        }
      : inner;
    const test = negate ? (i: number) => !innerTest(i) : innerTest;
    return { kind: 'group', node, path, refine, test, children };
  }

  // ------------------------------------------------------------ conditions

  attribute(entity: string, name: string, path: string, field = 'attribute'): AttributeDef {
    if (name === '' || typeof name !== 'string') this.fail(child(path, field), 'missing-attribute', 'The attribute is missing.');
    const attr = this.ctx.catalog.attribute(entity, name);
    if (!attr) this.fail(child(path, field), 'unknown-attribute', `The catalog's ${entity} has no attribute "${name}".`);
    return attr;
  }

  condition(node: ConditionNode, scope: string, path: string): CompiledNode {
    const entity = node.entity;
    if (!this.ctx.catalog.entity(entity)) {
      this.fail(
        child(path, 'entity'),
        'unknown-entity',
        entity === '' ? 'The condition does not name its entity.' : `The catalog has no entity "${entity}".`,
      );
    }
    if (entity !== scope) {
      this.fail(
        child(path, 'entity'),
        'entity-out-of-scope',
        `A condition on ${entity} cannot be evaluated here: this scope is ${scope}; put it inside a related ${entity} block.`,
      );
    }
    const attr = this.attribute(entity, node.attribute, path);
    const op = node.operator;
    if (op === '') this.fail(child(path, 'operator'), 'missing-operator', 'The condition has no operator.');
    if (!isOperator(op)) this.fail(child(path, 'operator'), 'unknown-operator', `Unknown operator "${String(op)}".`);
    if (!operatorSpec(attr.type, op)) {
      this.fail(child(path, 'operator'), 'operator-not-allowed', `\`${op}\` cannot be used with ${entity}.${attr.name} (${attr.type}).`);
    }
    const table = this.ctx.table(entity);
    const vpath = child(path, 'value');
    const value = node.value;
    const base = { kind: 'condition' as const, node, path, children: [] as CompiledNode[] };

    if (attr.type === 'string') {
      const col = table.strings(attr.name);
      if (col.kind === 'text') {
        const pred = this.textPredicate(op, value, vpath);
        const lower = col.lower;
        const scalar = testText(pred);
        return { ...base, refine: refineText(pred, lower), test: (i) => scalar(lower[i]!) };
      }
      const accept = this.stringTable(col.dict, col.codeOf, op, value, vpath);
      const codes = col.codes;
      return { ...base, refine: refineCodes(codes, accept), test: (i) => accept[codes[i]!] === 1 };
    }
    if (attr.type === 'boolean') {
      const codes = table.booleans(attr.name).codes;
      const accept = new Uint8Array(3);
      if (op === 'isTrue') accept[2] = 1;
      else if (op === 'isFalse') accept[1] = 1;
      else if (op === 'isEmpty') accept[0] = 1;
      else if (op === 'isNotEmpty') accept[1] = accept[2] = 1;
      return { ...base, refine: refineBooleans(codes, accept), test: (i) => accept[codes[i]!] === 1 };
    }
    if (attr.type === 'date' && op === 'isAnniversaryInNext') {
      const accept = this.anniversaryTable(value, vpath);
      const keys = table.monthDays(attr.name);
      return { ...base, refine: refineMonthDays(keys, accept), test: (i) => accept[keys[i]!] === 1 };
    }
    const pred = attr.type === 'number' ? this.numberPredicate(op, value, vpath) : this.datePredicate(op, value, vpath);
    const col = attr.type === 'number' ? table.numbers(attr.name).values : table.dates(attr.name).values;
    const scalar = testNumber(pred);
    return { ...base, refine: refineNumbers(pred, col), test: (i) => scalar(col[i]!) };
  }

  /** Which string codes an operator accepts (code 0 is null). */
  stringTable(dict: readonly string[], codeOf: ReadonlyMap<string, number>, op: string, value: ConditionValue, vpath: string): Uint8Array {
    const accept = new Uint8Array(dict.length);
    const emptyCode = codeOf.get('');
    const setCode = (text: string, bit: number) => {
      const c = codeOf.get(text);
      if (c !== undefined) accept[c] = bit;
    };
    switch (op) {
      case 'isEmpty':
        accept[0] = 1;
        if (emptyCode !== undefined) accept[emptyCode] = 1;
        return accept;
      case 'isNotEmpty':
        accept.fill(1);
        accept[0] = 0;
        if (emptyCode !== undefined) accept[emptyCode] = 0;
        return accept;
      case 'equals':
        setCode(this.text(value, vpath), 1);
        return accept;
      case 'notEquals':
        accept.fill(1);
        accept[0] = 0;
        setCode(this.text(value, vpath), 0);
        return accept;
      case 'in':
        for (const t of this.list(value, vpath, (v, p) => this.text(v, p))) setCode(t, 1);
        return accept;
      case 'notIn':
        accept.fill(1);
        accept[0] = 0;
        for (const t of this.list(value, vpath, (v, p) => this.text(v, p))) setCode(t, 0);
        return accept;
      case 'contains':
      case 'notContains':
      case 'startsWith':
      case 'endsWith': {
        // Plain substring tests: %, _ and \ are ordinary characters here.
        const needle = this.text(value, vpath);
        const hit = op === 'startsWith' ? 1 : op === 'endsWith' ? 2 : 0;
        const want = op === 'notContains' ? 0 : 1;
        for (let c = 1; c < dict.length; c++) {
          const s = dict[c]!;
          const found = hit === 0 ? s.includes(needle) : hit === 1 ? s.startsWith(needle) : s.endsWith(needle);
          accept[c] = (found ? 1 : 0) === want ? 1 : 0;
        }
        return accept;
      }
      default:
        return this.fail(vpath, 'operator-not-allowed', `\`${op}\` does not apply to text.`);
    }
  }

  /** The same operators on a plain text column. */
  textPredicate(op: string, value: ConditionValue, vpath: string): TextPredicate {
    switch (op) {
      case 'isEmpty':
        return { t: 'empty' };
      case 'isNotEmpty':
        return { t: 'notEmpty' };
      case 'equals':
        return { t: 'eq', v: this.text(value, vpath) };
      case 'notEquals':
        return { t: 'ne', v: this.text(value, vpath) };
      case 'in':
        return { t: 'in', set: new Set(this.list(value, vpath, (v, p) => this.text(v, p))) };
      case 'notIn':
        return { t: 'notIn', set: new Set(this.list(value, vpath, (v, p) => this.text(v, p))) };
      case 'contains':
        return { t: 'contains', v: this.text(value, vpath) };
      case 'notContains':
        return { t: 'notContains', v: this.text(value, vpath) };
      case 'startsWith':
        return { t: 'startsWith', v: this.text(value, vpath) };
      case 'endsWith':
        return { t: 'endsWith', v: this.text(value, vpath) };
      default:
        return this.fail(vpath, 'operator-not-allowed', `\`${op}\` does not apply to text.`);
    }
  }

  /** A condition value as lower-cased text. */
  text(value: unknown, path: string): string {
    const t = toText(value);
    if (t === undefined) this.fail(path, 'value-type', `The value must be text, not ${describe(value)}.`);
    return t.toLowerCase();
  }

  number(value: unknown, path: string): number {
    const x = toNumber(value);
    if (x !== x) this.fail(path, 'value-type', `The value must be a number, not ${describe(value)}.`);
    return x;
  }

  /** A date value as its UTC day number. */
  day(value: unknown, path: string): number {
    const day = typeof value === 'string' ? utcDayOfIso(value) : undefined;
    if (day === undefined) this.fail(path, 'invalid-date', `The value must be an ISO 8601 date like 2024-05-31, not ${describe(value)}.`);
    return day;
  }

  pair<T>(value: unknown, path: string, read: (v: unknown, p: string) => T): [T, T] {
    if (!Array.isArray(value) || value.length !== 2) this.fail(path, 'invalid-value', 'The value must be a pair [low, high].');
    return [read(value[0], child(path, 0)), read(value[1], child(path, 1))];
  }

  list<T>(value: unknown, path: string, read: (v: unknown, p: string) => T): T[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(path, 'missing-value', 'The value must be a non-empty list.');
    return value.map((v, i) => read(v, child(path, i)));
  }

  relative(value: unknown, path: string): { amount: number; unit: RelativeUnit } {
    const v = value as { amount?: unknown; unit?: unknown } | null;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'invalid-value', 'The value must be {amount, unit}.');
    const { amount, unit } = v;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
      this.fail(child(path, 'amount'), 'invalid-value', `The amount must be a whole number of 0 or more, not ${describe(amount)}.`);
    }
    if (!isRelativeUnit(unit)) {
      this.fail(child(path, 'unit'), 'invalid-option', `The unit must be day, week, month or year, not ${describe(unit)}.`);
    }
    return { amount, unit };
  }

  numberPredicate(op: string, value: ConditionValue, vpath: string): NumberPredicate {
    switch (op) {
      case 'equals': {
        const v = this.number(value, vpath);
        return { t: 'range', lo: v, hi: v };
      }
      case 'notEquals':
        return { t: 'ne', v: this.number(value, vpath) };
      case 'greaterThan':
        return { t: 'gt', v: this.number(value, vpath) };
      case 'greaterThanOrEqual':
        return { t: 'range', lo: this.number(value, vpath), hi: Infinity };
      case 'lessThan':
        return { t: 'lt', v: this.number(value, vpath) };
      case 'lessThanOrEqual':
        return { t: 'range', lo: -Infinity, hi: this.number(value, vpath) };
      case 'between': {
        // Inclusive; a low above the high matches nothing (as SQL's BETWEEN).
        const [lo, hi] = this.pair(value, vpath, (v, p) => this.number(v, p));
        return { t: 'range', lo, hi };
      }
      case 'notBetween': {
        // Non-null and not in [low, high]; with low above high, every non-null value.
        const [lo, hi] = this.pair(value, vpath, (v, p) => this.number(v, p));
        return { t: 'outside', lo, hi };
      }
      case 'in':
        return { t: 'in', set: new Set(this.list(value, vpath, (v, p) => this.number(v, p))) };
      case 'notIn':
        return { t: 'notIn', set: new Set(this.list(value, vpath, (v, p) => this.number(v, p))) };
      case 'isEmpty':
        return { t: 'null' };
      case 'isNotEmpty':
        return { t: 'notNull' };
      default:
        return this.fail(vpath, 'operator-not-allowed', `\`${op}\` does not apply to numbers.`);
    }
  }

  datePredicate(op: string, value: ConditionValue, vpath: string): NumberPredicate {
    const now = this.ctx.now;
    switch (op) {
      case 'on': {
        const d = this.day(value, vpath);
        return { t: 'halfOpen', lo: d * DAY_MS, hi: (d + 1) * DAY_MS };
      }
      case 'before':
        return { t: 'lt', v: this.day(value, vpath) * DAY_MS };
      case 'after':
        return { t: 'range', lo: (this.day(value, vpath) + 1) * DAY_MS, hi: Infinity };
      case 'between': {
        const [a, b] = this.pair(value, vpath, (v, p) => this.day(v, p));
        return { t: 'halfOpen', lo: a * DAY_MS, hi: (b + 1) * DAY_MS };
      }
      case 'inLast': {
        const { amount, unit } = this.relative(value, vpath);
        return { t: 'range', lo: addUnits(now, -amount, unit), hi: now };
      }
      case 'notInLast': {
        const { amount, unit } = this.relative(value, vpath);
        return { t: 'outside', lo: addUnits(now, -amount, unit), hi: now };
      }
      case 'inNext': {
        const { amount, unit } = this.relative(value, vpath);
        return { t: 'range', lo: now, hi: addUnits(now, amount, unit) };
      }
      case 'isEmpty':
        return { t: 'null' };
      case 'isNotEmpty':
        return { t: 'notNull' };
      default:
        return this.fail(vpath, 'operator-not-allowed', `\`${op}\` does not apply to dates.`);
    }
  }

  /**
   * Month-day keys whose next anniversary falls from today through today + n units:
   * walk those UTC days and mark each day's month and day; 28 February of a common year
   * also marks 29 February (whose anniversary it is then). Same result as
   * `nextAnniversaryDay(t, today) <= limit` for every t, in one table look-up per row.
   */
  anniversaryTable(value: ConditionValue, vpath: string): Uint8Array {
    const { amount, unit } = this.relative(value, vpath);
    const today = utcDay(this.ctx.now);
    const limit = Math.min(utcDay(addUnits(this.ctx.now, amount, unit)), today + 1500);
    const accept = new Uint8Array(13 * 32);
    const FEB28 = 2 * 32 + 28;
    for (let d = today; d <= limit; d++) {
      const key = monthDayOfDay(d);
      accept[key] = 1;
      if (key === FEB28 && monthDayOfDay(d + 1) !== FEB28 + 1) accept[FEB28 + 1] = 1;
    }
    return accept;
  }

  // --------------------------------------------------------------- related

  related(node: RelatedNode, scope: string, path: string): CompiledNode {
    const cat = this.ctx.catalog;
    const entity = node.entity;
    if (!cat.entity(entity))
      this.fail(
        child(path, 'entity'),
        'unknown-entity',
        entity === '' ? 'The related block does not name its entity.' : `The catalog has no entity "${entity}".`,
      );
    const steps = entity === scope ? undefined : cat.path(scope, entity);
    if (!steps)
      this.fail(child(path, 'entity'), 'no-relationship', `${entity} is not linked to ${scope} by any relationship in the catalog.`);
    const link = linkFor(this.ctx.table(scope), hopsOf(steps, this.ctx.table));
    const table = this.ctx.table(entity);
    const where = node.where === undefined ? undefined : this.node(node.where, entity, child(path, 'where'));
    const children = where ? [where] : [];
    const match = node.match;
    const mpath = child(path, 'match');
    if (typeof match !== 'object' || match === null) this.fail(mpath, 'invalid-value', 'The related block has no match.');
    const hasAggregate = (match as AggregateMatch).aggregate !== undefined;
    const hasQuantifier = (match as QuantifierMatch).quantifier !== undefined;
    if (hasAggregate && hasQuantifier) this.fail(mpath, 'invalid-value', 'A match has either a quantifier or an aggregate, not both.');
    const { offsets, items } = link;

    /** Rows of the related entity that satisfy `where`, computed for the rows linked to the selection only. */
    const whereSel = (sel: Int32Array, len: number): Uint8Array | undefined => {
      if (!where) return undefined;
      const rel = borrowZeros(table.length);
      const relSel = borrowInt32(table.length);
      let m = 0;
      for (let k = 0; k < len; k++) {
        const i = sel[k]!;
        for (let a = offsets[i]!, end = offsets[i + 1]!; a < end; a++) {
          const r = items[a]!;
          if (rel[r] === 0) {
            rel[r] = 1;
            relSel[m++] = r;
          }
        }
      }
      const kept = where.refine(relSel, m);
      rel.fill(0);
      for (let k = 0; k < kept; k++) rel[relSel[k]!] = 1;
      giveBack(relSel);
      return rel; // the caller gives it back
    };
    /** The same for one scope row, by `test` (explanations); give the array back. */
    const whereRows = (i: number): Uint8Array | undefined => {
      if (!where) return undefined;
      const rel = borrowZeros(table.length);
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
        const r = items[k]!;
        if (where.test(r)) rel[r] = 1;
      }
      return rel;
    };
    const countAt = (i: number, rel: Uint8Array | undefined): number => {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      if (!rel) return end - start;
      let c = 0;
      for (let k = start; k < end; k++) c += rel[items[k]!]!;
      return c;
    };

    if (!hasAggregate) {
      const q = match as QuantifierMatch;
      let lo: number;
      let hi: number;
      const quantity = () => {
        const c = q.count;
        if (typeof c !== 'number' || !Number.isInteger(c) || c < 0)
          this.fail(child(mpath, 'count'), 'missing-value', `\`${q.quantifier}\` needs a count of 0 or more.`);
        return c;
      };
      switch (q.quantifier) {
        case 'any':
          [lo, hi] = [1, Infinity];
          break;
        case 'none':
          [lo, hi] = [0, 0];
          break;
        case 'atLeast':
          [lo, hi] = [quantity(), Infinity];
          break;
        case 'atMost':
          [lo, hi] = [0, quantity()];
          break;
        case 'exactly': {
          const c = quantity();
          [lo, hi] = [c, c];
          break;
        }
        default:
          return this.fail(child(mpath, 'quantifier'), 'invalid-option', `Unknown quantifier ${JSON.stringify(q.quantifier)}.`);
      }
      const refine: Refine = (sel, len) => {
        const rel = whereSel(sel, len);
        let out = 0;
        for (let k = 0; k < len; k++) {
          const i = sel[k]!;
          const start = offsets[i]!;
          const end = offsets[i + 1]!;
          let c: number;
          if (!rel) c = end - start;
          else {
            c = 0;
            // Stop counting once the answer cannot change.
            for (let a = start; a < end; a++) {
              if (rel[items[a]!] !== 0 && ++c > hi) break;
              if (c >= lo && hi === Infinity) break;
            }
          }
          if (c >= lo && c <= hi) sel[out++] = i;
        }
        if (rel) giveBack(rel);
        return out;
      };
      const inspect = (i: number): RelatedInspection => {
        const rel = whereRows(i);
        const matched = countAt(i, rel);
        if (rel) giveBack(rel);
        return { linked: offsets[i + 1]! - offsets[i]!, matched, result: matched >= lo && matched <= hi };
      };
      return { kind: 'related', node, path, refine, test: (i) => inspect(i).result, children, related: { link, table, inspect } };
    }

    // Aggregates over the linked rows that satisfy `where`.
    const a = match as AggregateMatch;
    const kind = a.aggregate;
    if (!['count', 'sum', 'avg', 'min', 'max'].includes(kind))
      this.fail(child(mpath, 'aggregate'), 'invalid-option', `Unknown aggregate ${JSON.stringify(kind)}.`);
    let attr: AttributeDef | undefined;
    if (kind !== 'count') attr = this.attribute(entity, a.attribute ?? '', mpath);
    else if (a.attribute !== undefined && a.attribute !== '') attr = this.attribute(entity, a.attribute, mpath); // checked, then ignored: count counts rows
    const valueType = aggregateResultType(kind, kind === 'count' ? undefined : attr?.type);
    if (!valueType)
      this.fail(
        child(mpath, 'aggregate'),
        'operator-not-allowed',
        `\`${kind}\` cannot be used with ${entity}.${attr?.name ?? ''} (${attr?.type ?? ''}).`,
      );
    const op = a.operator;
    if (op === '') this.fail(child(mpath, 'operator'), 'missing-operator', 'The aggregate has no operator.');
    if (!(AGGREGATE_OPERATORS[valueType] as readonly string[]).includes(op)) {
      this.fail(
        child(mpath, 'operator'),
        'operator-not-allowed',
        `\`${op}\` cannot compare ${valueType === 'date' ? 'a date' : 'a number'} aggregate.`,
      );
    }
    const vpath = child(mpath, 'value');
    const compare = testNumber(valueType === 'number' ? this.numberPredicate(op, a.value, vpath) : this.datePredicate(op, a.value, vpath));
    const col =
      kind === 'count' || !attr ? undefined : attr.type === 'date' ? table.dates(attr.name).values : table.numbers(attr.name).values;
    const aggregateAt = (i: number, rel: Uint8Array | undefined): number => {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      if (!col) return countAt(i, rel);
      let n = 0;
      let acc = kind === 'min' ? Infinity : kind === 'max' ? -Infinity : 0;
      for (let k = start; k < end; k++) {
        const r = items[k]!;
        if (rel && rel[r] === 0) continue;
        const x = col[r]!;
        if (x !== x) continue; // nulls are skipped, as SQL does
        n++;
        if (kind === 'min') {
          if (x < acc) acc = x;
        } else if (kind === 'max') {
          if (x > acc) acc = x;
        } else acc += x;
      }
      if (n === 0) return NaN; // no non-null value: the aggregate is null, the comparison false
      return kind === 'avg' ? acc / n : acc;
    };
    const refine: Refine = (sel, len) => {
      const rel = whereSel(sel, len);
      let out = 0;
      for (let k = 0; k < len; k++) {
        const i = sel[k]!;
        if (compare(aggregateAt(i, rel))) sel[out++] = i;
      }
      if (rel) giveBack(rel);
      return out;
    };
    const inspect = (i: number): RelatedInspection => {
      const rel = whereRows(i);
      const value = aggregateAt(i, rel);
      const matched = countAt(i, rel);
      if (rel) giveBack(rel);
      return { linked: offsets[i + 1]! - offsets[i]!, matched, value, result: compare(value) };
    };
    return { kind: 'related', node, path, refine, test: (i) => inspect(i).result, children, related: { link, table, valueType, inspect } };
  }
}

/** A relationship path resolved to the dataset's tables. */
export function hopsOf(steps: readonly PathStep[], table: (entity: string) => EntityTable): Hop[] {
  return steps.map((s) => ({
    key: `${s.from}.${s.fromAttribute}>${s.to}.${s.toAttribute}`,
    fromAttribute: s.fromAttribute,
    to: table(s.to),
    toAttribute: s.toAttribute,
  }));
}

/** `or`: each child only sees the rows no earlier child accepted. */
function orRefine(refines: Refine[], size: number, sel: Int32Array, len: number): number {
  const hit = borrowZeros(size);
  const pending = borrowInt32(size);
  const scratch = borrowInt32(size);
  pending.set(sel.subarray(0, len));
  let plen = len;
  const last = refines.length - 1;
  for (let c = 0; c <= last && plen > 0; c++) {
    let t = pending;
    if (c < last) {
      scratch.set(pending.subarray(0, plen));
      t = scratch;
    }
    const m = refines[c]!(t, plen);
    for (let k = 0; k < m; k++) hit[t[k]!] = 1;
    if (c < last) {
      let out = 0;
      for (let k = 0; k < plen; k++) {
        const i = pending[k]!;
        pending[out] = i;
        out += hit[i]! ^ 1;
      }
      plen = out;
    }
  }
  let out = 0;
  for (let k = 0; k < len; k++) {
    const i = sel[k]!;
    sel[out] = i;
    out += hit[i]!;
  }
  giveBack(hit);
  giveBack(pending);
  giveBack(scratch);
  return out;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return `a ${typeof v}`;
}
