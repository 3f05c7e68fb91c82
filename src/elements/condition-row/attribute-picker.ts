/**
 * The row's attribute picker: a button that opens a floating, searchable listbox of the
 * attributes in scope and of related entities, grouped by entity. The button, rendered
 * by every row, is a plain template function with the row's own listeners; the panel
 * (`AttributePicker` in `attribute-panel.ts`, with its popover and keyboard controllers)
 * is loaded on the first need (`popups.ts`: the pointer over the row, focus in it, or an
 * open) and made by the row on the first open, so rows that are never opened pay for
 * none of it (rows are rendered in the thousands); the options exist only while open.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog, ConditionNode } from '../../core/model/types.js';
import { term } from '../shared/messages.js';
import type { AttributeOption } from './attribute-options.js';

/** At most this many attribute options are rendered; typing narrows the rest. */
export const MAX_RENDERED_OPTIONS = 200;

/** The size properties Floating UI sets on the row's panels (read by condition-row.styles.ts). */
export const PANEL_SIZE = { height: '--sk-condition-row-available-height', width: '--sk-condition-row-available-width' };

export interface PickerOptions {
  catalog: () => Catalog | undefined;
  scope: () => string;
  current: () => ConditionNode | undefined;
  /** May it open now (not read-only, a catalog and a condition)? */
  canOpen: () => boolean;
  /** An option was chosen (the picker has closed, focus is back on the button). */
  onChoose: (option: AttributeOption) => void;
}

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : nothing);

export interface AttributeButton {
  open: boolean;
  /** No catalog yet: a disabled "Loading…" button. */
  loading: boolean;
  attribute: string;
  label: string;
  unknown: boolean;
  errorIds: string[];
  /** Called with the host as `this` (Lit binds listeners to the host): prototype methods, no per-row closures. */
  onClick: (e: Event) => void;
  onKeydown: (e: KeyboardEvent) => void;
}

/**
 * The attribute button, rendered by every row, open or not (so it takes the row's own
 * methods as listeners: the picker itself is made on the first click).
 */
export function attributeButton(b: AttributeButton): TemplateResult {
  const classes = `attribute${b.attribute === '' || b.loading ? ' placeholder' : ''}${b.unknown ? ' unknown' : ''}`;
  return html`<button
    id="attribute"
    part="attribute"
    class=${classes}
    type="button"
    aria-haspopup="listbox"
    aria-expanded=${b.open ? 'true' : 'false'}
    aria-invalid=${b.errorIds.length > 0 ? 'true' : nothing}
    aria-describedby=${ids(b.errorIds)}
    ?disabled=${b.loading}
    @click=${b.onClick}
    @keydown=${b.onKeydown}
  >
    ${b.attribute !== '' && !b.loading ? html`<span class="visually-hidden">${term('attribute.prefix')}</span>` : nothing}<span class="name"
      >${b.loading ? term('attribute.loading') : b.label}</span
    ><span class="caret" aria-hidden="true"></span>
  </button>`;
}
