/** The aggregate of a related block: count / sum / avg / min / max of an attribute, compared with a value. */
import { html, type TemplateResult } from 'lit';
import { indexCatalog, plural } from '../../../core/model/catalog.js';
import { AGGREGATE_OPERATORS, AGGREGATES, aggregateResultType } from '../../../core/model/operators.js';
import type { AggregateMatch, ConditionValue, RelatedNode } from '../../../core/model/types.js';
import { operatorLabel, term } from '../../shared/messages.js';
import type { BuilderView } from '../view.js';
import { setMatch } from './related.js';

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
  const valueInput = (v: unknown, onValue: (x: unknown) => void, aria: string) =>
    resultType === 'date'
      ? html`<input
          type="date"
          aria-label=${aria}
          .value=${typeof v === 'string' ? v.slice(0, 10) : ''}
          @input=${(e: Event) => onValue((e.target as HTMLInputElement).value || undefined)}
        />`
      : html`<input
          type="number"
          aria-label=${aria}
          .value=${typeof v === 'number' ? String(v) : ''}
          @input=${(e: Event) => {
            const x = (e.target as HTMLInputElement).valueAsNumber;
            onValue(Number.isFinite(x) ? x : undefined);
          }}
        />`;
  const pair = Array.isArray(m.value) ? m.value : [undefined, undefined];
  const rel = m.value as { amount?: number; unit?: 'day' | 'week' | 'month' | 'year' } | undefined;
  let value: TemplateResult;
  if (m.operator === 'between' || m.operator === 'notBetween') {
    value = html`${valueInput(pair[0], (x) => set({ value: [x, pair[1]] as ConditionValue }), term('value.low'))}
    ${valueInput(pair[1], (x) => set({ value: [pair[0], x] as ConditionValue }), term('value.high'))}`;
  } else if (m.operator === 'inLast' || m.operator === 'notInLast' || m.operator === 'inNext') {
    value = html`<input
        type="number"
        min="0"
        aria-label=${term('value.amount')}
        .value=${String(rel?.amount ?? 30)}
        @input=${(e: Event) => set({ value: { amount: (e.target as HTMLInputElement).valueAsNumber || 0, unit: rel?.unit ?? 'day' } })}
      />
      <select
        aria-label=${term('value.unit')}
        @change=${(e: Event) => set({ value: { amount: rel?.amount ?? 30, unit: (e.target as HTMLSelectElement).value as 'day' } })}
      >
        ${(['day', 'week', 'month', 'year'] as const).map((u) => html`<option value=${u} ?selected=${rel?.unit === u}>${term(`unit.${u}`)}</option>`)}
      </select>`;
  } else {
    value = valueInput(m.value, (x) => set({ value: x as ConditionValue }), term('value.label'));
  }
  return html`<label class="visually-hidden" for=${`agg-${id}`}>${term('builder.aggregate.label')}</label>
    <select
      id=${`agg-${id}`}
      @change=${(e: Event) => set({ aggregate: (e.target as HTMLSelectElement).value as AggregateMatch['aggregate'] })}
    >
      ${AGGREGATES.map((a) => html`<option value=${a} ?selected=${m.aggregate === a}>${term(`aggregate.${a}`)}</option>`)}
    </select>
    ${
      m.aggregate === 'count'
        ? html`<span>${plural(label)}</span>`
        : html`<label class="visually-hidden" for=${`aggattr-${id}`}>${term('builder.aggregate.attribute')}</label>
            <select id=${`aggattr-${id}`} @change=${(e: Event) => set({ attribute: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!m.attribute}>${term('builder.aggregate.choose')}</option>
              ${attrs.map((a) => html`<option value=${a.name} ?selected=${a.name === m.attribute}>${a.label ?? a.name}</option>`)}
            </select>
            <span>${term('builder.aggregate.of', { entities: plural(label) })}</span>`
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
