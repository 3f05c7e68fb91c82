/**
 * `describeSegment`: a plain-language summary of a segment, e.g. "Customers with at least
 * one Order where Total amount is greater than 500 and Order date is in the last 90
 * days; intersected with customers with any Case where Escalated is true". Every word
 * comes from the message table (`describe.*`, English by default), as whole fragments.
 */
import { describe, type Relative } from '../messages/en/describe.js';
import { addEnglish, english, type Translator } from '../messages/translator.js';
import { attributeLabel, entityLabel, indexCatalog } from './catalog.js';
import { valueShapeOf } from './operators.js';
import { segmentLookup, type SegmentSource } from './segments.js';
import type { AggregateMatch, Catalog, ConditionValue, QuantifierMatch, SegmentDocument, SegmentNode } from './types.js';

// The summary's words, for every translator (a language gives its own, or falls back to these).
addEnglish(describe);

export interface DescribeOptions {
  /** Saved segments, to name referenced segments by their display name. */
  segments?: SegmentSource;
  /**
   * Stop describing after about this many characters and end with "…" (a summary line
   * for a very large segment costs no more than a short one).
   */
  maxLength?: number;
  /** The language of the summary: a `Translator` over a message table (default: English). */
  translator?: Translator;
}

/** `Translator.t` for keys built at run time (`describe.op.<operator>` …), whose parameters the caller shapes. */
type DynamicT = (key: string, params?: unknown) => string;

class Describer {
  /** Characters written so far; past `budget`, groups stop listing children. */
  used = 0;
  budget = Infinity;
  /** Whether the text of the node described last starts with a related block ("with any Order …"). */
  leadsWithRelated = false;
  readonly dyn: DynamicT;

  constructor(
    readonly catalog: Catalog,
    readonly lookup: (id: string) => SegmentDocument | undefined,
    readonly tr: Translator,
  ) {
    this.dyn = tr.t.bind(tr) as DynamicT;
  }

  scalar(v: unknown, entity?: string, attribute?: string): string {
    const tr = this.tr;
    if (typeof v === 'string') {
      const attr = entity && attribute ? indexCatalog(this.catalog).attribute(entity, attribute) : undefined;
      if (attr?.type === 'date') return tr.t('describe.value.date', { value: v });
      const option = attr?.values?.find((o) => o.value === v);
      return tr.t('describe.value.text', { text: option?.label ?? v });
    }
    if (typeof v === 'number') {
      const attr = entity && attribute ? indexCatalog(this.catalog).attribute(entity, attribute) : undefined;
      const option = attr?.values?.find((o) => o.value === v);
      return option?.label ? tr.t('describe.value.text', { text: option.label }) : tr.t('describe.value.number', { value: v });
    }
    if (v === null || v === undefined) return tr.t('describe.value.missing');
    return typeof v === 'boolean' ? tr.t('describe.value.boolean', { value: v }) : JSON.stringify(v);
  }

  /** The operator and value as words: "is greater than 500". */
  comparison(operator: string, value: ConditionValue, entity?: string, attribute?: string): string {
    const s = (v: unknown) => this.scalar(v, entity, attribute);
    if (operator === '') return this.tr.t('describe.op.unchosen');
    const key = `describe.op.${operator}`;
    if (!this.tr.has(key)) return this.tr.t('describe.op.other', { operator, value: s(value) });
    switch (valueShapeOf(operator)) {
      case 'scalar':
        return this.dyn(key, { value: s(value) });
      case 'pair': {
        const pair = Array.isArray(value) ? value : [];
        return this.dyn(key, { low: s(pair[0]), high: s(pair[1]) });
      }
      case 'list':
        return this.dyn(key, { values: Array.isArray(value) ? value.map(s) : [s(value)] });
      case 'relative': {
        const relative: Relative =
          value && typeof value === 'object' && !Array.isArray(value) ? { amount: value.amount, unit: value.unit } : { missing: true };
        return this.dyn(key, relative);
      }
      default:
        return this.dyn(key);
    }
  }

  node(node: SegmentNode, nested: boolean): string {
    const tr = this.tr;
    if (node.kind === 'condition') {
      const text =
        node.attribute === ''
          ? tr.t('describe.condition.unchosen')
          : tr.t('describe.condition', {
              attribute: attributeLabel(this.catalog, node.entity, node.attribute),
              comparison: this.comparison(node.operator, node.value, node.entity, node.attribute),
            });
      this.used += text.length;
      this.leadsWithRelated = false;
      return text;
    }
    if (node.kind === 'group') {
      if (node.children.length === 0) {
        this.leadsWithRelated = false;
        const nothing = tr.t('describe.group.nothing');
        return node.not ? tr.t('describe.group.not', { text: nothing }) : tr.t('describe.group.nested', { text: nothing });
      }
      const parts: string[] = [];
      let leads = false;
      for (const c of node.children) {
        if (this.used > this.budget) {
          parts.push(tr.t('describe.group.more'));
          break;
        }
        parts.push(this.node(c, true));
        if (parts.length === 1) leads = this.leadsWithRelated;
      }
      const joined =
        node.combinator === 'and'
          ? tr.t('describe.group.and', { parts })
          : node.combinator === 'or'
            ? tr.t('describe.group.or', { parts })
            : tr.t('describe.group.other', { combinator: String(node.combinator), parts });
      const wrapped = node.not || (nested && node.children.length > 1);
      this.leadsWithRelated = !wrapped && leads;
      if (node.not) return tr.t('describe.group.not', { text: joined });
      return wrapped ? tr.t('describe.group.nested', { text: joined }) : joined;
    }
    const text = this.related(node.entity, node.match, node.where);
    this.leadsWithRelated = true;
    return text;
  }

  related(entityName: string, match: QuantifierMatch | AggregateMatch, filter: SegmentNode | undefined): string {
    const tr = this.tr;
    const entity = entityLabel(this.catalog, entityName);
    const where = this.filter(filter);
    if ('aggregate' in match && match.aggregate !== undefined) {
      const m = match as AggregateMatch;
      const comparison = this.comparison(m.operator, m.value);
      if (m.aggregate === 'count') return tr.t('describe.aggregate.count', { entity, where, comparison });
      const attribute = m.attribute ? attributeLabel(this.catalog, entityName, m.attribute) : '';
      const key = `describe.aggregate.${m.aggregate}`;
      return tr.has(key) && key !== 'describe.aggregate.other'
        ? this.dyn(key, { entity, where, attribute, comparison })
        : tr.t('describe.aggregate.other', { aggregate: String(m.aggregate), entity, where, attribute, comparison });
    }
    const q = match as QuantifierMatch;
    switch (q.quantifier) {
      case 'none':
        return tr.t('describe.related.none', { entity, where });
      case 'atLeast':
      case 'atMost':
      case 'exactly':
        return this.dyn(`describe.related.${q.quantifier}`, { entity, where, count: q.count });
      default:
        return tr.t('describe.related.any', { entity, where });
    }
  }

  /** The filter of a related block: " where Total amount is greater than 500" ("" without one). */
  filter(node: SegmentNode | undefined): string {
    if (!node) return '';
    const inner = this.node(node, false);
    return this.leadsWithRelated
      ? this.tr.t('describe.related.whereRelated', { related: inner })
      : this.tr.t('describe.related.where', { condition: inner });
  }

  /** "with any Case where …" stands after the noun; a bare condition needs "where". */
  ruleBody(node: SegmentNode | undefined): string {
    if (!node) return this.tr.t('describe.rule.empty');
    const text = this.node(node, false);
    return this.leadsWithRelated ? text : this.tr.t('describe.rule.where', { condition: text });
  }
}

/** A plain-language summary of a segment, one clause per rule, joined by their set operators. */
export function describeSegment(segment: SegmentDocument, catalog: Catalog, options: DescribeOptions = {}): string {
  const tr = options.translator ?? english;
  const d = new Describer(catalog, segmentLookup(options.segments), tr);
  if (options.maxLength !== undefined) d.budget = options.maxLength;
  const entity = entityLabel(catalog, segment.audience);
  if (!Array.isArray(segment.rules) || segment.rules.length === 0) return tr.t('describe.noRules', { entity });
  const clauses = segment.rules.map((rule, i) => {
    let body: string;
    if (rule.segment !== undefined) {
      const ref = d.lookup(rule.segment);
      body = tr.t('describe.rule.segment', { name: ref?.displayName ?? ref?.name ?? rule.segment });
    } else body = d.ruleBody(rule.where);
    const clause = tr.t('describe.clause', { audience: tr.t('describe.audience', { entity, first: i === 0 }), body });
    if (i === 0) return clause;
    const op = rule.setOperator === 'intersect' || rule.setOperator === 'except' ? rule.setOperator : 'union';
    return tr.t(`describe.set.${op}`, { clause });
  });
  let text = tr.t('describe.clauses', { clauses });
  if (options.maxLength !== undefined && text.length > options.maxLength)
    text = tr.t('describe.truncated', { text: text.slice(0, Math.max(0, options.maxLength - 1)).trimEnd() });
  return text;
}

/** Where a node's words are wanted on their own (an explanation's lines): the same options as `describeSegment`, and the attribute a comparison is about. */
export interface DescribePartOptions extends DescribeOptions {
  /** The attribute compared (so that enumeration labels and dates read as such). */
  entity?: string;
  attribute?: string;
}

function describer(catalog: Catalog, options: DescribeOptions): Describer {
  const d = new Describer(catalog, segmentLookup(options.segments), options.translator ?? english);
  if (options.maxLength !== undefined) d.budget = options.maxLength;
  return d;
}

/** An operator and its value in `describeSegment`'s words: "is greater than 500", "is in the last 90 days". */
export function describeComparison(operator: string, value: ConditionValue, catalog: Catalog, options: DescribePartOptions = {}): string {
  return describer(catalog, options).comparison(operator, value, options.entity, options.attribute);
}

/** A related block's filter in `describeSegment`'s words: " where Order date is in the last 90 days" ("" without one). */
export function describeFilter(where: SegmentNode | undefined, catalog: Catalog, options: DescribeOptions = {}): string {
  return describer(catalog, options).filter(where);
}
