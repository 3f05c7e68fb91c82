/** The toolbar's floating panels (tag filter, column chooser): a labelled non-modal dialog holding a list of checkboxes. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

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
