/**
 * The builder's frame around the rows: the list itself (virtualized above a threshold),
 * the message about a document that could not be opened, and the footer that adds rules.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EditorRow } from '../../core/editor/index.js';
import type { SegmentDocument, SegmentError, SetOperator } from '../../core/model/types.js';
import { term, type MessageKey, errorText } from '../shared/messages.js';
import { renderRow } from './rows/index.js';
import type { BuilderView } from './view.js';

/** Above this many rows the builder renders only what is on screen. */
export const VIRTUALIZE_AT = 400;
/** Rows shown while the virtualizer loads: a screenful (a row is at least ~32 px tall), at most 60. */
const firstRows = (): number => Math.min(60, Math.ceil((globalThis.innerHeight || 1000) / 32) + 2);

type VirtualRows = typeof import('./virtual-rows.js');
let virtual: VirtualRows | undefined;
let virtualizerLoad: Promise<VirtualRows> | undefined;
/**
 * The virtualized list (@lit-labs/virtualizer with its layout, one chunk) is loaded as soon
 * as a segment large enough to need it is set.
 */
export function loadVirtualizer(): Promise<VirtualRows> {
  return (virtualizerLoad ??= import('./virtual-rows.js').then(
    (m) => (virtual = m),
    (e: unknown) => {
      virtualizerLoad = undefined;
      throw e;
    },
  ));
}

/**
 * While a long list waits for the virtualizer: a promise settled once it has loaded (the
 * builder then re-renders with it). `undefined` when the list is already in its final form.
 */
export function listPending(rows: EditorRow[]): Promise<unknown> | undefined {
  return rows.length > VIRTUALIZE_AT && !virtual ? loadVirtualizer() : undefined;
}

/** The rows of the list (a long one through the virtualizer, once loaded: virtual-rows.ts). */
export function rowList(view: BuilderView, rows: EditorRow[], onFailed: () => void): unknown {
  const long = rows.length > VIRTUALIZE_AT;
  if (long && virtual) return virtual.virtualRows(view, rows);
  // A long list: the first screenful of rows until the virtualizer has loaded, then a re-render.
  if (long) loadVirtualizer().then(() => view.requestUpdate(), onFailed);
  const shown = long ? firstRows() : rows.length;
  return html`${repeat(
    rows.slice(0, shown),
    (r) => r.key,
    (r) => renderRow(view, r),
  )}${long ? html`<p class="muted" role="status">${term('builder.rows.loading', { count: rows.length - shown })}</p>` : nothing}`;
}

/** What was wrong with a document that could not be opened, and the way on. */
export function loadError(
  errors: SegmentError[],
  editing: boolean,
  readonly: boolean,
  startNew: () => void,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="alert" role="alert" part="load-error">
    <strong>${term('builder.loadError.title')}</strong>
    <ul>
      ${errors.map((e) => html`<li><code>${e.path || '/'}</code>: ${errorText(e)}</li>`)}
    </ul>
    ${
      editing
        ? html`<p>${term('builder.loadError.kept')}</p>`
        : readonly
          ? nothing
          : html`<button type="button" class="primary" @click=${startNew}>${term('builder.loadError.startNew')}</button>`
    }
  </div>`;
}

/** Adding a rule, with its set operator chosen right there, or one from a saved segment. */
export function footer(doc: SegmentDocument, addRule: (op: SetOperator, fromSegment?: boolean) => void): TemplateResult {
  const more = doc.rules.length > 0;
  const button = (label: MessageKey, hint: MessageKey | undefined, add: () => void) =>
    html`<button type="button" title=${hint ? term(hint) : nothing} @click=${add}>${term(label)}</button>`;
  return html`<div class="footer" id="add-rule" role="group" aria-label=${term('builder.addRule.group')}>
    ${button('builder.addRule', more ? 'set.union.hint' : undefined, () => addRule('union'))}
    ${more ? button('builder.addRule.intersect', 'set.intersect.hint', () => addRule('intersect')) : nothing}
    ${more ? button('builder.addRule.except', 'set.except.hint', () => addRule('except')) : nothing}
    ${button('builder.addRule.segment', undefined, () => addRule('union', true))}
  </div>`;
}
