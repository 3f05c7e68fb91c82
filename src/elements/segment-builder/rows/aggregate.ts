/** The aggregate of a related block: count / sum / avg / min / max of an attribute, compared with a value. */
import { html, type TemplateResult } from 'lit';
import { indexCatalog } from '../../../core/model/catalog.js';
import { AGGREGATE_OPERATORS, AGGREGATES, aggregateResultType } from '../../../core/model/operators.js';
import type { AggregateMatch, RelatedNode } from '../../../core/model/types.js';
import { valueEditor } from '../../shared/value-editors/index.js';
import { operatorLabel, term } from '../../shared/messages.js';
import type { BuilderView } from '../view.js';
import { setMatch } from './related.js';
import { errorNoteId } from './shell.js';

export function aggregateEditor(view: BuilderView, node: RelatedNode, m: AggregateMatch, label: string): TemplateResult {
  const catalog = view.activeCatalog;
  const id = node.id!;
  const index = catalog ? indexCatalog(catalog) : undefined;
  const attrs = (index?.entity(node.entity)?.attributes ?? []).filter((a) => a.type === 'number' || a.type === 'date');
  const attr = m.attribute ? index?.attribute(node.entity, m.attribute) : undefined;
  const resultType = aggregateResultType(m.aggregate, attr?.type) ?? 'number';
  const ops = AGGREGATE_OPERATORS[resultType];
  const set = (patch: Partial<AggregateMatch>) => {
    const next: AggregateMatch = { ...m, ...patch };
    if (next.aggregate === 'count') delete next.attribute;
    setMatch(view, node, next);
  };
  // The value's problems, by the part of their path after `/match/value`, point at the notes that say them.
  const errors = new Map<string, string[]>();
  view.editor.errorsFor(id).forEach((e, i) => {
    const at = e.path.indexOf('/match/value');
    if (at < 0) return;
    const sub = e.path.slice(at + '/match/value'.length);
    errors.set(sub, [...(errors.get(sub) ?? []), errorNoteId(id, i)]);
  });
  const value = valueEditor(m.operator, { type: resultType, value: m.value, id: `agg-v-${id}`, errors, onValue: (v) => set({ value: v }) });
  return html`<label class="visually-hidden" for=${`agg-${id}`}>${term('builder.aggregate.label')}</label>
    <select
      id=${`agg-${id}`}
      @change=${(e: Event) => set({ aggregate: (e.target as HTMLSelectElement).value as AggregateMatch['aggregate'] })}
    >
      ${AGGREGATES.map((a) => html`<option value=${a} ?selected=${m.aggregate === a}>${term(`aggregate.${a}`)}</option>`)}
    </select>
    ${
      m.aggregate === 'count'
        ? html`<span>${term('builder.entities', { entity: label })}</span>`
        : html`<label class="visually-hidden" for=${`aggattr-${id}`}>${term('builder.aggregate.attribute')}</label>
            <select id=${`aggattr-${id}`} @change=${(e: Event) => set({ attribute: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!m.attribute}>${term('builder.aggregate.choose')}</option>
              ${attrs.map((a) => html`<option value=${a.name} ?selected=${a.name === m.attribute}>${a.label ?? a.name}</option>`)}
            </select>
            <span>${term('builder.aggregate.of', { entity: label })}</span>`
    }
    <label class="visually-hidden" for=${`aggop-${id}`}>${term('builder.aggregate.comparison')}</label>
    <select
      id=${`aggop-${id}`}
      @change=${(e: Event) => set({ operator: (e.target as HTMLSelectElement).value as AggregateMatch['operator'] })}
    >
      ${ops.map((o) => html`<option value=${o} ?selected=${m.operator === o}>${operatorLabel(o)}</option>`)}
    </select>
    ${value}`;
}
