/** A related block's row: how linked rows must match (a quantifier, or an aggregate compared with a value). */
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorRow } from '../../../core/editor/index.js';
import { entityLabel } from '../../../core/model/catalog.js';
import { setRelatedMatch } from '../../../core/model/edit.js';
import { QUANTIFIERS } from '../../../core/model/operators.js';
import type { AggregateMatch, QuantifierMatch, RelatedMatch, RelatedNode } from '../../../core/model/types.js';
import { operatorLabel, term } from '../../shared/messages.js';
import type { BuilderView } from '../view.js';
import { aggregateEditor } from './aggregate.js';
import { nodeActions, nodeRowShell, ownErrors } from './shell.js';

export function setMatch(view: BuilderView, node: RelatedNode, match: RelatedMatch): void {
  view.edit((d) => setRelatedMatch(d, node.id!, match), { coalesce: `match:${node.id}` });
}

/** The block in words: "with at least 2 Orders", "whose total Amount of Orders is greater than 500". */
export function relatedText(node: RelatedNode, label: string): string {
  const m = node.match;
  if ('aggregate' in m && m.aggregate !== undefined) {
    const a = m as AggregateMatch;
    return term('builder.related.aggregated', {
      aggregate: term(`aggregate.${a.aggregate}`),
      attribute: a.attribute ?? '',
      entity: label,
      operator: operatorLabel(a.operator),
      value: JSON.stringify(a.value ?? ''),
    });
  }
  const q = m as QuantifierMatch;
  return term('builder.related.quantified', {
    quantifier: term(`quantifier.${q.quantifier}`),
    count: q.count,
    entity: label,
    entities: term('builder.entities', { entity: label, count: q.count }),
  });
}

/** Does the block speak of one linked row ("with any Order", "with exactly 1 Order")? */
const oneRow = (m: RelatedMatch): boolean =>
  !('aggregate' in m && m.aggregate !== undefined) &&
  ((m as QuantifierMatch).quantifier === 'any' || (m as QuantifierMatch).quantifier === 'none' || (m as QuantifierMatch).count === 1);

export function relatedRow(view: BuilderView, row: Extract<EditorRow, { kind: 'related' }>): TemplateResult {
  const node = row.node;
  const id = node.id!;
  const catalog = view.activeCatalog;
  const label = catalog ? entityLabel(catalog, node.entity) : node.entity;
  const m = node.match;
  const entities = term('builder.entities', { entity: label, count: (m as QuantifierMatch).count });
  const isAggregate = 'aggregate' in m && m.aggregate !== undefined;
  const mode = isAggregate ? 'aggregate' : (m as QuantifierMatch).quantifier;
  const needsCount = !isAggregate && ['atLeast', 'atMost', 'exactly'].includes(mode);
  const countId = `count-${id}`;
  const modeId = `mode-${id}`;
  let extra: unknown;
  if (view.readonly) {
    extra = html`<span>${relatedText(node, label)}</span>`;
  } else if (needsCount) {
    extra = html`<label class="visually-hidden" for=${countId}>${term('builder.related.howMany', { entity: label })}</label>
      <input
        id=${countId}
        type="number"
        min="0"
        step="1"
        .value=${String((m as QuantifierMatch).count ?? 1)}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).valueAsNumber;
          setMatch(view, node, { quantifier: mode as QuantifierMatch['quantifier'], count: Number.isFinite(v) ? v : 0 });
        }}
      />
      <span>${entities}</span>`;
  } else if (isAggregate) {
    extra = aggregateEditor(view, node, m as AggregateMatch, label);
  } else {
    extra = html`<span>${label}</span>`;
  }
  const select = view.readonly
    ? nothing
    : html`<label class="visually-hidden" for=${modeId}>${term('builder.related.how', { entity: label })}</label>
        <select
          id=${modeId}
          data-part="match"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v === 'aggregate') setMatch(view, node, { aggregate: 'count', operator: 'greaterThan', value: 1 });
            else if (v === 'any' || v === 'none') setMatch(view, node, { quantifier: v });
            else setMatch(view, node, { quantifier: v as QuantifierMatch['quantifier'], count: 1 });
          }}
        >
          ${QUANTIFIERS.map((q) => html`<option value=${q} ?selected=${mode === q}>${term(`quantifier.${q}`)}</option>`)}
          <option value="aggregate" ?selected=${isAggregate}>${term('builder.related.aggregateOption')}</option>
        </select>`;
  return nodeRowShell(view, row, {
    kind: 'related',
    label: relatedText(node, label),
    content: html`${select} ${extra}
    ${node.where ? html`<span class="muted">${term('builder.related.where', { one: oneRow(m) })}</span>` : nothing}
    ${nodeActions(view, row, term('builder.what.related', { entity: label }))} ${ownErrors(id, view.editor.errorsFor(id))}`,
  });
}
