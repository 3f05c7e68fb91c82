/** Why a customer is in a segment or not: an `Explanation` as a nested list of rules and conditions with ✓/✗. */
import { html, nothing, type TemplateResult } from 'lit';
import { attributeLabel, entityLabel } from '../../core/model/catalog.js';
import type { Explanation, NodeExplanation, RuleExplanation } from '../../core/model/explain.js';
import type { Catalog, SegmentDocument, SegmentNode } from '../../core/model/types.js';
import { preview as previewWords } from '../../core/messages/en/preview.js';
import { parsePointer } from '../../core/validate/pointer.js';
import { messageOf } from '../shared/errors.js';
import { currentTranslator, operatorLabel, term } from '../shared/messages.js';
import { formatMemberValue, isEmpty } from './format.js';

/** One explanation being asked for or shown. */
export interface ExplainSlot {
  key: string;
  status: 'pending' | 'complete' | 'error';
  value?: Explanation;
  error?: unknown;
  /** The member's row in the table, when there is one (its own values are shown beside the conditions). */
  row?: Record<string, unknown>;
  abort: AbortController;
}

/** A condition's value as text ("500", "90 day", "Paris, Lyon"). */
function conditionValueText(value: unknown): string {
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) return value.map(conditionValueText).join(', ');
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (typeof v.amount === 'number' && typeof v.unit === 'string')
      return term('preview.explain.relative', { amount: v.amount, unit: v.unit });
    return Object.values(v).map(conditionValueText).join(' – ');
  }
  return typeof value === 'number' ? currentTranslator().format.number(value) : String(value);
}

/** The node of `doc` at a JSON pointer (`/rules/0/where/children/1`), if any. */
function nodeAt(doc: SegmentDocument, path: string): SegmentNode | undefined {
  let at: unknown = doc;
  for (const token of parsePointer(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at && typeof at === 'object' ? (at as SegmentNode) : undefined;
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
  return html`<div part="explain" class="explain" data-member=${x.member ? 'true' : 'false'}>
    <p class="verdict">${mark(x.member)} ${head}</p>
    ${
      x.found
        ? html`<ul class="rules">
            ${x.rules.map((r) => renderRule(segment, r, catalog, slot.row))}
          </ul>`
        : nothing
    }
  </div>`;
}

function mark(ok: boolean): TemplateResult {
  return html`<span class=${ok ? 'mark yes' : 'mark no'} aria-hidden="true">${ok ? '✓' : '✗'}</span
    ><span class="visually-hidden">${term(ok ? 'preview.explain.true' : 'preview.explain.false')}:</span>`;
}

function renderRule(
  segment: SegmentDocument | undefined,
  rule: RuleExplanation,
  catalog: Catalog | undefined,
  row: Record<string, unknown> | undefined,
): TemplateResult {
  const doc = segment;
  const def = doc?.rules[rule.index];
  const number = rule.index + 1;
  const label =
    def && 'segment' in def && typeof def.segment === 'string'
      ? term('preview.explain.ruleSegment', { number, segment: def.segment })
      : def?.name || term('preview.explain.rule', { number });
  const op = def?.setOperator && rule.index > 0 ? `${def.setOperator} · ` : '';
  // Nodes come parent first: each node's parent is the nearest earlier node whose path is a prefix of its own.
  const children = new Map<string, NodeExplanation[]>();
  const roots: NodeExplanation[] = [];
  const seen: NodeExplanation[] = [];
  for (const n of rule.nodes) {
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
  const node = (n: NodeExplanation): TemplateResult => {
    const kids = children.get(n.path) ?? [];
    return html`<li data-path=${n.path} data-result=${n.result ? 'true' : 'false'}>
      ${mark(n.result)} ${nodeText(segment, n, catalog, row)}
      ${
        kids.length
          ? html`<ul>
              ${kids.map(node)}
            </ul>`
          : nothing
      }
    </li>`;
  };
  return html`<li class="rule" data-rule=${rule.index} data-result=${rule.matched ? 'true' : 'false'}>
    ${mark(rule.matched)} <strong>${op}${label}</strong>
    <span class="muted">(${term(rule.matched ? 'preview.explain.matched' : 'preview.explain.notMatched')})</span>
    ${
      roots.length
        ? html`<ul>
            ${roots.map(node)}
          </ul>`
        : nothing
    }
  </li>`;
}

function nodeText(
  segment: SegmentDocument | undefined,
  n: NodeExplanation,
  catalog: Catalog | undefined,
  row: Record<string, unknown> | undefined,
): string {
  const def = segment ? nodeAt(segment, n.path) : undefined;
  if (!def) return n.path;
  if (def.kind === 'group') {
    return term(def.not ? 'preview.explain.none' : def.combinator === 'or' ? 'preview.explain.any' : 'preview.explain.all');
  }
  if (def.kind === 'related') {
    const entity = catalog ? entityLabel(catalog, def.entity) : def.entity;
    let text = term('preview.explain.related', { entity, matched: n.matchedRows ?? 0, linked: n.linkedRows ?? 0 });
    const m = def.match as { quantifier?: string; count?: number; aggregate?: string; operator?: string; value?: unknown };
    const q = `preview.explain.match.${m.quantifier ?? ''}`;
    if (m.quantifier && q in previewWords) text += ` (${term(q as 'preview.explain.match.atLeast', { count: m.count ?? 0 })})`;
    if (m.aggregate) {
      text += ` (${m.aggregate} ${m.operator ? operatorLabel(m.operator) : ''} ${conditionValueText(m.value)})`.replace(/\s+\)/, ')');
      if (n.aggregateValue !== undefined)
        text += `: ${term('preview.explain.aggregate', { value: n.aggregateValue === null ? term('preview.emptyValue') : String(n.aggregateValue) })}`;
    }
    return text;
  }
  const attr = catalog ? attributeLabel(catalog, def.entity, def.attribute) : def.attribute;
  const text = [attr, def.operator ? operatorLabel(def.operator) : '', conditionValueText(def.value)].filter(Boolean).join(' ');
  // The member's own value, when the condition is on its own row and the table holds it.
  const own = row && n.scopeRows === undefined && catalog?.audience === def.entity && def.attribute in row;
  if (!own) return text;
  const type = catalog?.entities.find((e) => e.name === def.entity)?.attributes.find((a) => a.name === def.attribute)?.type;
  return `${text} — ${formatMemberValue(row[def.attribute], type)}`;
}
