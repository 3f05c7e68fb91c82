/**
 * The shell every node row shares (group, related block, condition): a list item that
 * takes focus, indents to its depth, accepts drops, and shows its move / indent /
 * duplicate / remove actions while it is under the pointer or holds focus.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorNodeRow } from '../../../core/editor/index.js';
import { duplicateNode, indentNode, moveNodeBy, outdentNode, removeNode } from '../../../core/model/edit.js';
import type { SegmentError } from '../../../core/model/types.js';
import { icons } from '../../shared/icons.js';
import { term, errorText } from '../../shared/messages.js';
import { depthClass, type BuilderView } from '../view.js';

export interface ShellOptions {
  /** Extra classes (`group`, `related`). */
  kind?: string;
  label: string;
  content: unknown;
}

export function nodeRowShell(view: BuilderView, row: EditorNodeRow, options: ShellOptions): TemplateResult {
  const drop = view.drag.handlers(view, row);
  return html`<div
    class="${depthClass(row.depth)} ${options.kind ?? ''} ${view.drag.dropKey === row.key ? 'drop-target' : ''}"
    part="row"
    role="listitem"
    data-key=${row.key}
    data-node-id=${row.node.id!}
    tabindex="-1"
    aria-label=${options.label}
    @pointerenter=${() => view.activate(row.key)}
    @focusin=${() => view.activate(row.key)}
    @dragover=${drop.over}
    @dragleave=${drop.leave}
    @drop=${drop.drop}
  >
    ${options.content}
  </div>`;
}

/** The id of a node's i-th problem note (controls point at it with aria-describedby). */
export const errorNoteId = (nodeId: string, i: number): string => `err-${nodeId}-${i}`;

/** A node's own problems, as notes next to it. */
export function ownErrors(nodeId: string, errors: SegmentError[]): unknown {
  return errors.length
    ? errors.map((e, i) => html`<span class="field-error" role="note" id=${errorNoteId(nodeId, i)}>${errorText(e)}</span>`)
    : nothing;
}

/**
 * Move, indent, duplicate and remove buttons. Only the row under the pointer or with
 * focus renders them, which keeps a row at a third of its elements; keyboard users
 * reach them by tabbing past the row's fields (and have Alt+arrow keys everywhere).
 */
export function nodeActions(view: BuilderView, row: EditorNodeRow, what: string): TemplateResult | typeof nothing {
  if (view.readonly || row.key !== view.activeKey) return nothing;
  const id = row.node.id!;
  const focus = { key: row.key, part: 'row' };
  const p = { what };
  return html`<span class="row-actions">
    <button
      type="button"
      class="icon drag"
      draggable="true"
      aria-label=${term('builder.node.drag', p)}
      title=${term('builder.node.drag.hint')}
      @dragstart=${(e: DragEvent) => view.drag.start(id, e)}
      @dragend=${view.drag.end}
    >
      ${icons.drag}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.node.up', p)}
      ?disabled=${!row.inGroup || row.index === 0}
      @click=${() => view.edit((d) => moveNodeBy(d, id, -1), { focus })}
    >
      ${icons.up}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.node.down', p)}
      ?disabled=${!row.inGroup || row.index >= row.siblings - 1}
      @click=${() => view.edit((d) => moveNodeBy(d, id, 1), { focus })}
    >
      ${icons.down}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.node.indent', p)}
      ?disabled=${!row.inGroup || row.index === 0}
      @click=${() => view.edit((d) => indentNode(d, id), { focus })}
    >
      ${icons.indent}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.node.outdent', p)}
      ?disabled=${!row.canOutdent}
      @click=${() => view.edit((d) => outdentNode(d, id), { focus })}
    >
      ${icons.outdent}
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${term('builder.node.duplicate', p)}
      @click=${() => view.edit((d) => duplicateNode(d, id))}
    >
      ${icons.copy}
    </button>
    <button type="button" class="icon" aria-label=${term('builder.node.remove', p)} @click=${() => view.edit((d) => removeNode(d, id))}>
      ${icons.remove}
    </button>
  </span>`;
}
