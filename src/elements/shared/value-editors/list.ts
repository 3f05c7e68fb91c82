/**
 * The list editor ("is one of"): a chip per value with a labelled remove button, and a
 * combobox input that adds typed values (Enter or a comma) and offers suggestions in a
 * floating listbox. This module renders it from the state it is given and reads typed
 * text into values (`addToList`); the state itself (typed text, suggestions, keyboard)
 * belongs to the host — `<condition-row>` keeps it in `condition-row/list-values.ts`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AttributeDef, AttributeType, ScalarValue } from '../../../core/model/types.js';
import { term } from '../messages.js';
import { formatNumber, listValues, sameScalar, valueLabel } from './values.js';

export interface ListSuggestion {
  value: unknown;
  label: string;
  count?: number | undefined;
}

export interface ListEditorIds {
  /** The combobox input (default 'value-list'). */
  input: string;
  /** The note under it (default 'list-note'). */
  note: string;
  /** The suggestions listbox (default 'suggestions'); its options are `${listbox.replace(/s$/, '')}-${i}`. */
  listbox: string;
}

export const LIST_IDS: ListEditorIds = { input: 'value-list', note: 'list-note', listbox: 'suggestions' };

export interface ListEditorOptions {
  type: AttributeType;
  /** The attribute, for the values' labels. */
  attribute?: AttributeDef | undefined;
  /** The current value (an array; a lone value is a list of one). */
  value: unknown;
  /** Ids of the errors that describe the list. */
  errors: readonly string[];
  /** The input's text. */
  text: string;
  /** A message under the input (e.g. "x" is not a number). */
  note?: string;
  /** The suggestions: shown while `open`; `status` is the provider call's. */
  suggestions: {
    open: boolean;
    status: 'initial' | 'pending' | 'complete' | 'error' | 'blocked';
    items: readonly ListSuggestion[];
    /** The active option (-1: none). */
    active: number;
  };
  ids?: ListEditorIds;
  onInput: (e: Event) => void;
  onKeydown: (e: KeyboardEvent) => void;
  onFocusout: (e: FocusEvent) => void;
  /** Remove the value at `index` (a chip's button). */
  onRemove: (index: number) => void;
  /** A suggestion was clicked. */
  onPick: (index: number) => void;
}

/** The element id of suggestion `i`. */
export function suggestionId(ids: ListEditorIds, i: number): string {
  return `${ids.listbox.replace(/s$/, '')}-${i}`;
}

const idList = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : nothing);

function preventDefault(e: Event): void {
  e.preventDefault();
}

/** The list editor, in a `<span part="value">`. */
export function listEditor(o: ListEditorOptions): TemplateResult {
  const ids = o.ids ?? LIST_IDS;
  const values = listValues(o.value);
  const s = o.suggestions;
  const visible = s.open ? s.items : [];
  const status = s.open ? s.status : 'initial';
  const expanded = s.open && visible.length > 0;
  const showPanel = expanded || status === 'pending' || status === 'error';
  const describedBy = o.note ? [...o.errors, ids.note] : o.errors;
  const active = expanded && s.active >= 0 ? suggestionId(ids, s.active) : undefined;
  const focusInput = (e: Event) => {
    if (e.target === e.currentTarget) (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${ids.input}`)?.focus();
  };
  const onChip = (e: Event) => o.onRemove(Number((e.currentTarget as HTMLElement).dataset.i));
  const onPanelClick = (e: Event) => {
    const i = optionIndex(e);
    if (i !== undefined) o.onPick(i);
  };
  return html`<span class="value" part="value">
    <span class=${`list${describedBy.length > 0 ? ' invalid' : ''}`} @click=${focusInput}>
      ${
        values.length > 0
          ? html`<ul class="chips" aria-label=${term('value.values')}>
              ${values.map((v, i) => {
                const label = valueLabel(o.attribute, v);
                return html`<li class="chip" part="chip">
                  <span class="chip-text">${label}</span
                  ><button type="button" aria-label=${term('value.remove', { value: label })} data-i=${i} @click=${onChip}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : nothing
      }
      <label class="visually-hidden" for=${ids.input}>${term('value.add')}</label>
      <input
        id=${ids.input}
        part="value-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        inputmode=${o.type === 'number' ? 'decimal' : nothing}
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? ids.listbox : nothing}
        aria-activedescendant=${active ?? nothing}
        aria-invalid=${describedBy.length > 0 ? 'true' : nothing}
        aria-describedby=${idList(describedBy)}
        placeholder=${values.length === 0 ? term('value.add') : ''}
        .value=${live(o.text)}
        @input=${o.onInput}
        @keydown=${o.onKeydown}
        @focusout=${o.onFocusout}
      />
    </span>
    ${o.note ? html`<p class="note error-text" id=${ids.note}>${o.note}</p>` : nothing}
    ${
      showPanel
        ? html`<div class="panel suggestions" part="popover" @mousedown=${preventDefault} @click=${onPanelClick}>
            ${status === 'pending' && visible.length === 0 ? html`<p class="status" role="status">${term('value.loading')}</p>` : nothing}
            ${status === 'error' ? html`<p class="status error-text" role="status">${term('value.suggestionsFailed')}</p>` : nothing}
            ${
              visible.length > 0
                ? html`<div id=${ids.listbox} role="listbox" tabindex="-1" aria-label=${term('value.suggestions')}>
                    ${visible.map(
                      (item, i) =>
                        html`<div
                          role="option"
                          part="option"
                          id=${suggestionId(ids, i)}
                          data-i=${i}
                          class=${`option${i === s.active ? ' active' : ''}`}
                          aria-selected=${i === s.active ? 'true' : 'false'}
                        >
                          <span class="option-label">${item.label}</span>${
                            item.count === undefined
                              ? nothing
                              : html`<span class="option-count">${term('value.count', { count: formatNumber(item.count) })}</span>`
                          }
                        </div>`,
                    )}
                  </div>`
                : nothing
            }
          </div>`
        : nothing
    }
  </span>`;
}

/** The index of the option an event happened in (`data-i`), unless it is disabled. */
export function optionIndex(e: Event): number | undefined {
  for (const t of e.composedPath()) {
    if (t instanceof HTMLElement && t.getAttribute('role') === 'option') {
      if (t.getAttribute('aria-disabled') === 'true') return undefined;
      const i = Number(t.dataset.i);
      return Number.isInteger(i) ? i : undefined;
    }
    if (t === e.currentTarget) break;
  }
  return undefined;
}

/** The outcome of adding to a list: the new values, whether they changed, and a note when something could not be read. */
export interface ListAddition {
  values: ScalarValue[];
  changed: boolean;
  /** Set when an item could not be read (a number list given text); items before it are added. */
  note?: string;
}

/**
 * Add items to a list of `type`: typed text is trimmed (empty skipped) and, for numbers,
 * parsed — text that is not a number stops with a note; chosen suggestions are taken as
 * they are (a number's text as the number). Values already there (case-insensitive) are
 * not added twice.
 */
export function addToList(current: unknown, type: AttributeType, items: { value: unknown; typed: boolean }[]): ListAddition {
  const values = listValues(current).slice() as ScalarValue[];
  let changed = false;
  for (const item of items) {
    let v = item.value;
    if (item.typed) {
      const s = String(v).trim();
      if (s === '') continue;
      if (type === 'number') {
        const n = Number(s);
        if (!Number.isFinite(n)) return { values, changed, note: term('value.notNumber', { value: s }) };
        v = n;
      } else v = s;
    } else if (type === 'number' && typeof v === 'string' && Number.isFinite(Number(v))) v = Number(v);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    if (values.some((x) => sameScalar(x, v))) continue;
    values.push(v);
    changed = true;
  }
  return { values, changed };
}
