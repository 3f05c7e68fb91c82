/** Condition and group rows. */
import { html, type TemplateResult } from 'lit';
import type { EditorRow } from '../../../core/editor/index.js';
import { setCombinator, toggleNot } from '../../../core/model/edit.js';
import type { Combinator } from '../../../core/model/types.js';
import type { GroupOperatorChangeEvent } from '../../shared/events.js';
import { term } from '../../shared/messages.js';
import type { BuilderView } from '../view.js';
import { nodeActions, nodeRowShell, ownErrors } from './shell.js';

export function conditionRow(view: BuilderView, row: Extract<EditorRow, { kind: 'condition' }>): TemplateResult {
  const node = row.node;
  const label = term('builder.condition.label', { position: row.position, rule: row.ruleIndex + 1 });
  return nodeRowShell(view, row, {
    label,
    content: html`<condition-row
      .condition=${node}
      .scope=${row.scope}
      .errors=${view.editor.errorsFor(node.id)}
      ?readonly=${view.readonly}
      label=${label}
    >
      <span slot="actions">${nodeActions(view, row, term('builder.what.condition', { position: row.position }))}</span>
    </condition-row>`,
  });
}

export function groupRow(view: BuilderView, row: Extract<EditorRow, { kind: 'group' }>): TemplateResult {
  const g = row.node;
  const id = g.id!;
  return nodeRowShell(view, row, {
    kind: 'group',
    label: term('builder.group.label', { not: g.not === true, and: g.combinator === 'and', count: g.children.length }),
    content: html`<span>${term('builder.group.match')}</span>
      <group-operator
        kind="combinator"
        .value=${g.combinator}
        .not=${g.not === true}
        allow-not
        ?readonly=${view.readonly}
        label=${term('builder.group.operator')}
        @group-operator-change=${(e: GroupOperatorChangeEvent) => {
          e.stopPropagation();
          view.edit((d) => setCombinator(d, id, e.detail.value as Combinator));
        }}
        @group-not-change=${(e: Event) => {
          e.stopPropagation();
          view.edit((d) => toggleNot(d, id));
        }}
      ></group-operator>
      <span class="muted">${g.combinator === 'and' ? term('builder.group.all') : term('builder.group.any')}</span>
      ${nodeActions(view, row, term('builder.what.group'))} ${ownErrors(id, view.editor.errorsFor(id))}`,
  });
}
