/** The toolbar's floating panels (tag filter, column chooser): a labelled non-modal dialog holding a list of checkboxes. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { term } from '../shared/messages.js';
import { columnLabel, SEGMENT_LIST_COLUMNS, type SegmentListColumn } from './columns.js';

export interface CheckOption {
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** The column key, for the column chooser's `data-column`. */
  column?: string;
}

/** A panel (`role="dialog"`) next to its button; `onFocusOut` closes it when focus leaves. */
export function panel(id: string, label: string, onFocusOut: (e: FocusEvent) => void, body: unknown): TemplateResult {
  return html`<div id=${id} class="popover" part="popover" role="dialog" aria-label=${label} @focusout=${onFocusOut}>${body}</div>`;
}

/** Checkboxes in a fieldset; each carries its value in `data-value`. */
export function checkList(legend: string, options: readonly CheckOption[], onChange: (value: string, on: boolean) => void): TemplateResult {
  return html`<fieldset>
    <legend class="visually-hidden">${legend}</legend>
    ${options.map(
      (o) =>
        html`<label class="check"
          ><input
            type="checkbox"
            data-value=${o.value}
            data-column=${o.column ?? nothing}
            ?disabled=${!!o.disabled}
            .checked=${live(o.checked)}
            @change=${(e: Event) => onChange(o.value, (e.target as HTMLInputElement).checked)}
          />
          <span>${o.label}</span></label
        >`,
    )}
  </fieldset>`;
}

/** The tag filter: the tags in use (loading, failed with Retry, or none) as checkboxes, the chosen ones checked. */
export function tagPanel(o: {
  chosen: readonly string[];
  /** The tags in use, or null while they load. */
  inUse: readonly string[] | null;
  /** Why they could not be loaded, if they could not. */
  error: string | undefined;
  retry: () => void;
  toggle: (tag: string, on: boolean) => void;
  onFocusOut: (e: FocusEvent) => void;
}): TemplateResult {
  const chosen = new Set(o.chosen);
  const tags = [...new Set([...(o.inUse ?? []), ...chosen])];
  const label = term('list.tags.filter');
  const body =
    o.error !== undefined
      ? html`<p class="error-text" role="alert">${o.error}</p>
          <button type="button" @click=${o.retry}>${term('list.retry')}</button>`
      : o.inUse === null
        ? html`<p class="muted">${term('list.tags.loading')}</p>`
        : tags.length
          ? checkList(
              label,
              tags.map((t) => ({ value: t, label: t, checked: chosen.has(t) })),
              o.toggle,
            )
          : html`<p class="muted">${term('list.tags.none')}</p>`;
  return panel('tag-panel', label, o.onFocusOut, body);
}

/** The column chooser: every column as a checkbox (the name always shown). */
export function columnPanel(
  shownColumns: readonly SegmentListColumn[],
  setColumn: (column: SegmentListColumn, on: boolean) => void,
  onFocusOut: (e: FocusEvent) => void,
): TemplateResult {
  const shown = new Set(shownColumns);
  const label = term('list.columns.choose');
  const options = SEGMENT_LIST_COLUMNS.map((c) => ({
    value: c,
    column: c,
    label: columnLabel(c),
    checked: shown.has(c),
    disabled: c === 'name',
  }));
  return panel(
    'columns-panel',
    label,
    onFocusOut,
    checkList(label, options, (c, on) => setColumn(c as SegmentListColumn, on)),
  );
}
