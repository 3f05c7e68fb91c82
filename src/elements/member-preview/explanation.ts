/**
 * Why a customer is in a segment or not: an `Explanation` as a nested list of rules and
 * nodes with ✓/✗, each line saying what decided it — the member's own values, the linked
 * rows counted, an aggregate's value — beside the condition in `describeSegment`'s words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { attributeLabel, entityLabel, indexCatalog } from '../../core/model/catalog.js';
import { describeComparison, describeFilter } from '../../core/model/describe.js';
import type { Explanation, NodeExplanation, RuleExplanation } from '../../core/model/explain.js';
import type { AggregateMatch, Catalog, QuantifierMatch, SegmentDocument, SegmentNode } from '../../core/model/types.js';
import { parsePointer } from '../../core/validate/pointer.js';
import { messageOf } from '../shared/errors.js';
import { currentTranslator, term } from '../shared/messages.js';
import { formatMemberValue } from './format.js';

/** One explanation being asked for or shown. */
export interface ExplainSlot {
  key: string;
  status: 'pending' | 'complete' | 'error';
  value?: Explanation;
  error?: unknown;
  abort: AbortController;
}

/** The longest filter a related block's line repeats from its children (they follow in full). */
const FILTER_MAX = 120;

/** The node of `doc` at a JSON pointer (`/rules/0/where/children/1`), if any. */
function nodeAt(doc: SegmentDocument, path: string): SegmentNode | undefined {
  let at: unknown = doc;
  for (const token of parsePointer(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at && typeof at === 'object' ? (at as SegmentNode) : undefined;
}

/** What the lines need: the document, a catalog (an empty one for labels made from names when the provider gave none). */
interface Context {
  segment: SegmentDocument;
  catalog: Catalog;
}

export function explanationTemplate(slot: ExplainSlot, segment: SegmentDocument | undefined, catalog: Catalog | undefined): TemplateResult {
  if (slot.status === 'pending') return html`<p part="explain" class="muted" role="status">${term('preview.explain.loading')}</p>`;
  if (slot.status === 'error' || !slot.value) {
    return html`<p part="explain" class="error-text" role="alert">
      ${term('preview.explain.failed', { message: messageOf(slot.error) })}
    </p>`;
  }
  const x = slot.value;
  const head = !x.found
    ? term('preview.explain.notFound', { key: x.key })
    : x.member
      ? term('preview.explain.member', { key: x.key })
      : term('preview.explain.notMember', { key: x.key });
  const ctx: Context | undefined = segment && {
    segment,
    catalog: catalog ?? { audience: segment.audience, entities: [], relationships: [] },
  };
  return html`<div part="explain" class="explain" data-member=${x.member ? 'true' : 'false'}>
    <p class="verdict">${mark(x.member)} ${head}</p>
    ${
      x.found
        ? html`<ul class="rules">
            ${x.rules.map((r) => renderRule(ctx, r))}
          </ul>`
        : nothing
    }
  </div>`;
}

function mark(ok: boolean): TemplateResult {
  return html`<span class=${ok ? 'mark yes' : 'mark no'} aria-hidden="true">${ok ? '✓' : '✗'}</span
    ><span class="visually-hidden">${term(ok ? 'preview.explain.true' : 'preview.explain.false')}:</span>`;
}

/** The nodes of a rule as a tree: each node's parent is the nearest earlier node whose path is a prefix of its own. */
function tree(nodes: readonly NodeExplanation[]): { roots: NodeExplanation[]; children: Map<string, NodeExplanation[]> } {
  const children = new Map<string, NodeExplanation[]>();
  const roots: NodeExplanation[] = [];
  const seen: NodeExplanation[] = [];
  for (const n of nodes) {
    let parent: NodeExplanation | undefined;
    for (let i = seen.length - 1; i >= 0; i--) {
      if (n.path.startsWith(`${seen[i]!.path}/`)) {
        parent = seen[i];
        break;
      }
    }
    seen.push(n);
    if (parent) children.set(parent.path, [...(children.get(parent.path) ?? []), n]);
    else roots.push(n);
  }
  return { roots, children };
}

function renderRule(ctx: Context | undefined, rule: RuleExplanation): TemplateResult {
  const def = ctx?.segment.rules[rule.index];
  const number = rule.index + 1;
  const name =
    def && 'segment' in def && typeof def.segment === 'string'
      ? term('preview.explain.ruleSegment', { number, segment: def.segment })
      : def?.name || term('preview.explain.rule', { number });
  const op = rule.index > 0 ? def?.setOperator : undefined;
  const label = op === 'union' || op === 'intersect' || op === 'except' ? term(`preview.explain.set.${op}`, { rule: name }) : name;
  const { roots, children } = tree(rule.nodes);
  const node = (n: NodeExplanation): TemplateResult => {
    const kids = children.get(n.path) ?? [];
    return html`<li data-path=${n.path} data-result=${n.result ? 'true' : 'false'}>
      ${mark(n.result)} ${nodeText(ctx, n)}
      ${
        kids.length
          ? html`<ul>
              ${kids.map(node)}
            </ul>`
          : nothing
      }
    </li>`;
  };
  return html`<li
    class="rule"
    data-rule=${rule.index}
    data-result=${rule.matched ? 'true' : 'false'}
    data-cumulative=${rule.cumulative ? 'true' : 'false'}
  >
    ${mark(rule.matched)} <strong>${label}</strong>
    <span class="muted"
      >(${term(rule.matched ? 'preview.explain.matched' : 'preview.explain.notMatched')};
      ${term('preview.explain.sofar', { member: rule.cumulative })})</span
    >
    ${
      roots.length
        ? html`<ul>
            ${roots.map(node)}
          </ul>`
        : nothing
    }
  </li>`;
}

function nodeText(ctx: Context | undefined, n: NodeExplanation): string {
  const def = ctx ? nodeAt(ctx.segment, n.path) : undefined;
  if (!ctx || !def) return n.path;
  const { catalog } = ctx;
  const options = { translator: currentTranslator() };
  if (def.kind === 'group') {
    const key = def.not ? (def.combinator === 'or' ? 'none' : 'notAll') : def.combinator === 'or' ? 'any' : 'all';
    return term(`preview.explain.${key}`);
  }
  if (def.kind === 'related') {
    const entity = entityLabel(catalog, def.entity);
    const where = describeFilter(def.where, catalog, { ...options, maxLength: FILTER_MAX });
    const m = def.match;
    if ('aggregate' in m && typeof m.aggregate === 'string') {
      const a = m as AggregateMatch;
      const v = n.aggregateValue;
      const value =
        v === undefined || v === null
          ? term('preview.emptyValue')
          : typeof v === 'number'
            ? currentTranslator().format.number(v)
            : currentTranslator().format.date(v);
      return term('preview.explain.aggregate', {
        aggregate: a.aggregate,
        attribute: a.attribute ? attributeLabel(catalog, def.entity, a.attribute) : '',
        entity,
        where,
        value,
        comparison: describeComparison(a.operator, a.value, catalog, options),
      });
    }
    const q = m as QuantifierMatch;
    const quantifier = q.quantifier;
    const match =
      quantifier === 'any' || quantifier === 'none' || quantifier === 'atLeast' || quantifier === 'atMost' || quantifier === 'exactly'
        ? term(`preview.explain.match.${quantifier}`, { count: q.count ?? 0 })
        : '';
    return term('preview.explain.related', { entity, where, matched: n.matchedRows ?? 0, linked: n.linkedRows ?? 0, match });
  }
  const type = indexCatalog(catalog).attribute(def.entity, def.attribute)?.type;
  const attribute = attributeLabel(catalog, def.entity, def.attribute);
  const comparison = describeComparison(def.operator, def.value, catalog, { ...options, entity: def.entity, attribute: def.attribute });
  const rows =
    n.scopeRows === undefined
      ? ''
      : term('preview.explain.rows', { count: n.trueRows ?? 0, of: n.scopeRows, entity: entityLabel(catalog, def.entity) });
  // A provider may give no values (they are optional): then the condition alone.
  if (!n.values) return term('preview.explain.condition.plain', { attribute, comparison, rows });
  return term('preview.explain.condition', {
    attribute,
    values: n.values.map((v) => formatMemberValue(v, type)),
    more: n.result && n.trueRows !== undefined ? Math.max(0, n.trueRows - n.values.length) : 0,
    comparison,
    rows,
  });
}
