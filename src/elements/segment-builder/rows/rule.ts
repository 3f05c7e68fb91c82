/** A rule's rows: its set operator, its header (name, counts, actions), a segment reference, and the "add" bars. */
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorRow } from '../../../core/editor/index.js';
import { entityLabel } from '../../../core/model/catalog.js';
import { duplicateRule, moveRule, removeRule, setRuleName, setRuleSegment, setSetOperator } from '../../../core/model/edit.js';
import type { SetOperator } from '../../../core/model/types.js';
import type { GroupOperatorChangeEvent } from '../../shared/events.js';
import { icons } from '../../shared/icons.js';
import { currentTranslator, term, errorText } from '../../shared/messages.js';
import { depthClass, type BuilderView } from '../view.js';

type Row<K extends EditorRow['kind']> = Extract<EditorRow, { kind: K }>;

export function setRow(view: BuilderView, row: Row<'set'>): TemplateResult {
  const id = row.rule.id!;
  return html`<div class="row set" role="listitem" data-key=${row.key}>
    <group-operator
      kind="set"
      data-part="set"
      .value=${row.rule.setOperator ?? 'union'}
      ?readonly=${view.readonly}
      label=${term('builder.rule.setOperator', { n: row.ruleIndex + 1 })}
      @group-operator-change=${(e: GroupOperatorChangeEvent) => {
        e.stopPropagation();
        view.edit((d) => setSetOperator(d, id, e.detail.value as SetOperator));
      }}
    ></group-operator>
  </div>`;
}

export function ruleRow(view: BuilderView, row: Row<'rule'>): TemplateResult {
  const rule = row.rule;
  const id = rule.id!;
  const n = row.ruleIndex + 1;
  const total = view.editor.segment!.rules.length;
  const counts = view.counts.result?.rules[row.ruleIndex];
  const stale = view.counts.stale || view.counts.result?.rules.length !== total;
  const ruleErrors = view.editor.shownErrors.filter(
    (e) => e.path === `/rules/${row.ruleIndex}` || e.path.startsWith(`/rules/${row.ruleIndex}/setOperator`),
  );
  const f = currentTranslator().format;
  const spoken = counts
    ? term('builder.rule.counts', { n, count: counts.count, cumulative: counts.cumulative, noun: view.audienceNoun(counts.count) })
    : term('builder.rule.noCount', { n });
  return html`<div
    class="row rule"
    part="rule"
    role="listitem"
    data-key=${row.key}
    data-rule-id=${id}
    tabindex="-1"
    aria-label=${term('builder.rule.title', { n })}
  >
    <h3>${term('builder.rule.title', { n })}</h3>
    ${
      view.readonly
        ? rule.name
          ? html`<span>${rule.name}</span>`
          : nothing
        : html`<input
            aria-label=${term('builder.rule.name', { n })}
            placeholder=${term('builder.rule.namePlaceholder')}
            .value=${rule.name ?? ''}
            @input=${(e: Event) => view.edit((d) => setRuleName(d, id, (e.target as HTMLInputElement).value), { coalesce: `rule-name:${id}` })}
          />`
    }
    <span class="counts ${stale ? 'stale' : ''}" aria-hidden="true"
      >${
        counts
          ? html`${f.number(counts.count)} <span class="muted">${term('builder.rule.soFar', { count: counts.cumulative })}</span>`
          : html`<span class="muted">—</span>`
      }</span
    ><span class="visually-hidden">${spoken}</span>
    ${view.readonly ? nothing : ruleActions(view, row, total)}
    ${ruleErrors.map((e) => html`<span class="field-error" role="note">${errorText(e)}</span>`)}
  </div>`;
}

function ruleActions(view: BuilderView, row: Row<'rule'>, total: number): TemplateResult {
  const rule = row.rule;
  const id = rule.id!;
  const n = row.ruleIndex + 1;
  return html`<span class="row-actions">
    ${
      rule.segment === undefined
        ? html`<button
            type="button"
            @click=${() => view.edit((d) => setRuleSegment(d, id, ''), { focus: { key: `${id}:ref`, part: 'segment' } })}
          >
            ${term('builder.rule.useSegment')}
          </button>`
        : html`<button type="button" @click=${() => view.edit((d) => setRuleSegment(d, id, undefined))}>
            ${term('builder.rule.useConditions')}
          </button>`
    }
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.rule.up', { n })}
      ?disabled=${row.ruleIndex === 0}
      @click=${() => view.edit((d) => moveRule(d, id, row.ruleIndex - 1), { focus: { key: row.key } })}
    >
      ${icons.up}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.rule.down', { n })}
      ?disabled=${row.ruleIndex === total - 1}
      @click=${() => view.edit((d) => moveRule(d, id, row.ruleIndex + 1), { focus: { key: row.key } })}
    >
      ${icons.down}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.rule.duplicate', { n })}
      @click=${() => view.edit((d) => duplicateRule(d, id))}
    >
      ${icons.copy}
    </button>
    <button type="button" class="icon" aria-label=${term('builder.rule.remove', { n })} @click=${() => view.edit((d) => removeRule(d, id))}>
      ${icons.remove}
    </button>
  </span>`;
}

export function segmentRefRow(view: BuilderView, row: Row<'segment-ref'>): TemplateResult {
  const id = row.rule.id!;
  const value = row.rule.segment ?? '';
  const error = view.editor.shownErrors.find((e) => e.path === `/rules/${row.ruleIndex}/segment`);
  const own = view.editor.segment!.id;
  const selectId = `ref-${id}`;
  const saved = view.savedSegments;
  const items = saved.items ?? [];
  const referenced = view.editor.reference(value);
  const options =
    saved.status === 'pending'
      ? html`<option value="" disabled>${term('builder.ref.loading')}</option>`
      : saved.status === 'error'
        ? html`<option value="" disabled>${term('builder.ref.failed')}</option>`
        : items
            .filter((s) => s.id !== own)
            .map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.displayName ?? s.name}</option>`);
  const unlisted = value && !items.some((s) => s.id === value);
  const name = (referenced?.displayName ?? referenced?.name ?? items.find((s) => s.id === value)?.displayName) || value;
  return html`<div class="${depthClass(row.depth)}" role="listitem" data-key=${row.key} tabindex="-1">
    <label for=${selectId}>${term('builder.ref.label')}</label>
    ${
      view.readonly
        ? html`<strong id=${selectId}>${name}</strong>`
        : html`<select
            id=${selectId}
            data-part="segment"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${selectId}-error` : nothing}
            @change=${(e: Event) => view.edit((d) => setRuleSegment(d, id, (e.target as HTMLSelectElement).value))}
          >
            <option value="" ?selected=${value === ''}>${term('builder.ref.choose')}</option>
            ${unlisted ? html`<option value=${value} selected>${name}</option>` : nothing} ${options}
          </select>`
    }
    ${saved.status === 'error' ? html`<button type="button" @click=${() => saved.retry()}>${term('builder.ref.retry')}</button>` : nothing}
    ${error ? html`<span class="field-error" id=${`${selectId}-error`}>${errorText(error)}</span>` : nothing}
  </div>`;
}

export function emptyRuleRow(view: BuilderView, row: Row<'empty-rule'>): TemplateResult {
  const n = row.ruleIndex + 1;
  const audience = view.editor.segment!.audience;
  return html`<div class="${depthClass(row.depth)} empty" role="listitem" data-key=${row.key} tabindex="-1">
    <span class="muted">${term('builder.rule.empty')}</span>
    ${
      view.readonly
        ? nothing
        : html`<button
              type="button"
              aria-label=${term('builder.add.condition.rule', { n })}
              @click=${() => view.addCondition(row.rule.id!, audience)}
            >
              ${term('builder.add.condition')}
            </button>
            <button
              type="button"
              aria-label=${term('builder.add.group.rule', { n })}
              @click=${() => view.addCondition(row.rule.id!, audience, true)}
            >
              ${term('builder.add.group')}
            </button>`
    }
  </div>`;
}

/** The "+ Condition / + Group" bar at the end of a group or related block, named for where it adds. */
export function addRow(view: BuilderView, row: Row<'add'>): TemplateResult {
  const n = row.ruleIndex + 1;
  const where = row.target;
  const catalog = view.activeCatalog;
  const entities = where === 'related' ? term('builder.entities', { entity: catalog ? entityLabel(catalog, row.scope) : row.scope }) : '';
  const p = { n, entities };
  return html`<div
    class="${depthClass(row.depth)} add"
    role="listitem"
    data-key=${row.key}
    aria-label=${term(`builder.add.label.${where}`, p)}
  >
    <button
      type="button"
      aria-label=${term(`builder.add.condition.${where}`, p)}
      @click=${() => view.addCondition(row.parentId, row.scope)}
    >
      ${term('builder.add.condition')}
    </button>
    <button
      type="button"
      aria-label=${term(`builder.add.group.${where}`, p)}
      @click=${() => view.addCondition(row.parentId, row.scope, true)}
    >
      ${term('builder.add.group')}
    </button>
  </div>`;
}
