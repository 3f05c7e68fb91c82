/**
 * `describeSegment`: a plain-English summary of a segment, e.g. "Customers with at least
 * one Order where Total amount is greater than 500 and Order date is in the last 90
 * days; intersected with customers with any Case where Escalated is true".
 */
import { attributeLabel, entityLabel, indexCatalog, plural } from './catalog.js';
import { segmentLookup, type SegmentSource } from './segments.js';
import type { AggregateMatch, Catalog, ConditionValue, QuantifierMatch, SegmentDocument, SegmentNode, SetOperator } from './types.js';

export interface DescribeOptions {
  /** Saved segments, to name referenced segments by their display name. */
  segments?: SegmentSource;
  /**
   * Stop describing after about this many characters and end with "…" (a summary line
   * for a very large segment costs no more than a short one).
   */
  maxLength?: number;
}

const SET_PHRASE: Record<SetOperator, string> = {
  union: 'plus',
  intersect: 'intersected with',
  except: 'except',
};

const UNIT: Record<string, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number | undefined): string {
  const v = n ?? 0;
  return Number.isInteger(v) && v >= 0 && v < NUMBER_WORDS.length ? NUMBER_WORDS[v]! : String(v);
}

class Describer {
  /** Characters written so far; past `budget`, groups stop listing children. */
  used = 0;
  budget = Infinity;

  constructor(
    readonly catalog: Catalog,
    readonly lookup: (id: string) => SegmentDocument | undefined,
  ) {}

  scalar(v: unknown, entity?: string, attribute?: string): string {
    if (typeof v === 'string') {
      const attr = entity && attribute ? indexCatalog(this.catalog).attribute(entity, attribute) : undefined;
      const option = attr?.values?.find((o) => o.value === v);
      if (attr?.type === 'date') return v;
      return `"${option?.label ?? v}"`;
    }
    if (typeof v === 'number') {
      const attr = entity && attribute ? indexCatalog(this.catalog).attribute(entity, attribute) : undefined;
      const option = attr?.values?.find((o) => o.value === v);
      return option?.label ? `"${option.label}"` : String(v);
    }
    if (v === null || v === undefined) return '…';
    return typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  }

  /** The operator and value as words: "is greater than 500". */
  comparison(operator: string, value: ConditionValue, entity?: string, attribute?: string): string {
    const s = (v: unknown) => this.scalar(v, entity, attribute);
    const pair = Array.isArray(value) ? value : [];
    const list = Array.isArray(value) ? value.map(s).join(', ') : s(value);
    const rel =
      value && typeof value === 'object' && !Array.isArray(value)
        ? `${String(value.amount)} ${UNIT[String(value.unit)]?.[value.amount === 1 ? 0 : 1] ?? String(value.unit)}`
        : '…';
    switch (operator) {
      case 'equals':
        return `is ${s(value)}`;
      case 'notEquals':
        return `is not ${s(value)}`;
      case 'contains':
        return `contains ${s(value)}`;
      case 'notContains':
        return `does not contain ${s(value)}`;
      case 'startsWith':
        return `starts with ${s(value)}`;
      case 'endsWith':
        return `ends with ${s(value)}`;
      case 'in':
        return `is one of ${list}`;
      case 'notIn':
        return `is none of ${list}`;
      case 'isEmpty':
        return 'is empty';
      case 'isNotEmpty':
        return 'is not empty';
      case 'greaterThan':
        return `is greater than ${s(value)}`;
      case 'greaterThanOrEqual':
        return `is at least ${s(value)}`;
      case 'lessThan':
        return `is less than ${s(value)}`;
      case 'lessThanOrEqual':
        return `is at most ${s(value)}`;
      case 'between':
        return `is between ${s(pair[0])} and ${s(pair[1])}`;
      case 'notBetween':
        return `is not between ${s(pair[0])} and ${s(pair[1])}`;
      case 'on':
        return `is on ${s(value)}`;
      case 'before':
        return `is before ${s(value)}`;
      case 'after':
        return `is after ${s(value)}`;
      case 'inLast':
        return `is in the last ${rel}`;
      case 'notInLast':
        return `is not in the last ${rel}`;
      case 'inNext':
        return `is in the next ${rel}`;
      case 'isAnniversaryInNext':
        return `has its anniversary in the next ${rel}`;
      case 'isTrue':
        return 'is true';
      case 'isFalse':
        return 'is false';
      case '':
        return '…';
      default:
        return `${operator} ${s(value)}`;
    }
  }

  node(node: SegmentNode, nested: boolean): string {
    if (node.kind === 'condition') {
      const text =
        node.attribute === ''
          ? '(a condition still to choose)'
          : `${attributeLabel(this.catalog, node.entity, node.attribute)} ${this.comparison(node.operator, node.value, node.entity, node.attribute)}`;
      this.used += text.length;
      return text;
    }
    if (node.kind === 'group') {
      if (node.children.length === 0) return node.not ? 'not (nothing)' : '(nothing)';
      const parts: string[] = [];
      for (const c of node.children) {
        if (this.used > this.budget) {
          parts.push('…');
          break;
        }
        parts.push(this.node(c, true));
      }
      const joined = parts.join(` ${node.combinator} `);
      if (node.not) return `not (${joined})`;
      return nested && node.children.length > 1 ? `(${joined})` : joined;
    }
    const label = entityLabel(this.catalog, node.entity);
    const inner = node.where ? this.node(node.where, false) : '';
    const where = inner === '' ? '' : /^(with|whose) /.test(inner) ? ` ${inner}` : ` where ${inner}`;
    const match = node.match;
    if ('aggregate' in match && match.aggregate !== undefined) {
      const m = match as AggregateMatch;
      const attr = m.attribute ? attributeLabel(this.catalog, node.entity, m.attribute) : '';
      const what =
        m.aggregate === 'count'
          ? `number of ${plural(label)}`
          : `${{ sum: 'total', avg: 'average', min: 'lowest', max: 'highest' }[m.aggregate] ?? m.aggregate} ${attr} of ${plural(label)}`;
      return `whose ${what}${where} ${this.comparison(m.operator, m.value)}`;
    }
    const q = match as QuantifierMatch;
    const noun = (n: number | undefined) => (n === 1 ? label : plural(label));
    switch (q.quantifier) {
      case 'none':
        return `with no ${label}${where}`;
      case 'atLeast':
        return `with at least ${count(q.count)} ${noun(q.count)}${where}`;
      case 'atMost':
        return `with at most ${count(q.count)} ${noun(q.count)}${where}`;
      case 'exactly':
        return `with exactly ${count(q.count)} ${noun(q.count)}${where}`;
      default:
        return `with any ${label}${where}`;
    }
  }

  /** "with any Case where …" stands after the noun; a bare condition needs "where". */
  ruleBody(node: SegmentNode | undefined): string {
    if (!node) return 'matching nothing yet';
    const text = this.node(node, false);
    return /^(with|whose) /.test(text) ? text : `where ${text}`;
  }
}

/** A plain-English summary of a segment, one clause per rule, joined by their set operators. */
export function describeSegment(segment: SegmentDocument, catalog: Catalog, options: DescribeOptions = {}): string {
  const d = new Describer(catalog, segmentLookup(options.segments));
  if (options.maxLength !== undefined) d.budget = options.maxLength;
  const audience = plural(entityLabel(catalog, segment.audience));
  const lower = audience.charAt(0).toLowerCase() + audience.slice(1);
  if (!Array.isArray(segment.rules) || segment.rules.length === 0) return `All ${lower}: no rules yet`;
  const clauses = segment.rules.map((rule, i) => {
    const noun = i === 0 ? audience : lower;
    let body: string;
    if (rule.segment !== undefined) {
      const ref = d.lookup(rule.segment);
      body = `in the segment "${ref?.displayName ?? ref?.name ?? rule.segment}"`;
    } else body = d.ruleBody(rule.where);
    const clause = `${noun} ${body}`;
    return i === 0 ? clause : `${SET_PHRASE[rule.setOperator ?? 'union']} ${clause}`;
  });
  let text = clauses.join('; ');
  if (options.maxLength !== undefined && text.length > options.maxLength)
    text = `${text.slice(0, Math.max(0, options.maxLength - 1)).trimEnd()}…`;
  return text;
}
