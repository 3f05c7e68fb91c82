import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { entityLabel, humanize, indexCatalog } from '../../core/model/catalog.js';
import { conditionWithAttribute, conditionWithOperator } from '../../core/model/edit.js';
import { RELATIVE_UNITS, operatorsFor, valueShapeOf, type Operator } from '../../core/model/operators.js';
import type {
  AttributeDef,
  Catalog,
  ConditionNode,
  ConditionValue,
  RelativeValue,
  ScalarValue,
  SegmentError,
} from '../../core/model/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { emit, type ConditionChange } from '../shared/events.js';
import { term, operatorLabel } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { attributeGroups, filterAttributes, type AttributeOption, type FilterResult } from './attribute-options.js';
import { conditionRowStyles } from './condition-row.styles.js';
import { float } from '../shared/controllers/floating.js';
import { SuggestionLoader, type Suggestion, type SuggestionFetch } from './suggestions.js';
import {
  controlText,
  describeComparison,
  fitsType,
  formatNumber,
  isRelative,
  parseText,
  rawText,
  sameValue,
  text,
  valueLabel,
  type LocalKey,
} from './values.js';

export type { ConditionChange, ConditionChangeDetail } from '../shared/events.js';

/** At most this many attribute options are rendered; typing narrows the rest. */
export const MAX_RENDERED_OPTIONS = 200;
/** How many value suggestions are asked for, and how long typing pauses before asking. */
export const SUGGESTION_LIMIT = 8;
export const SUGGESTION_DELAY = 250;

const PANEL_FLOAT = {
  sizeProperties: { height: '--sk-condition-row-available-height', width: '--sk-condition-row-available-width' },
};

const NO_ERRORS: readonly SegmentError[] = Object.freeze([]);

interface RowError {
  id: string;
  message: string;
}

/** Which control each error belongs to (by the end of its JSON path). */
interface ErrorTargets {
  list: RowError[];
  attribute: string[];
  operator: string[];
  row: string[];
  /** By the part of the path after `/value`: '' for the whole value, '/0', '/amount' … */
  value: Map<string, string[]>;
}

interface Floating {
  panel: HTMLElement;
  stop: () => void;
}

type ValueKey = 'value' | 'low' | 'high' | 'amount';

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : nothing);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * One condition of a segment: an attribute picker (a button that opens a searchable
 * listbox of the attributes in scope and of related entities, grouped by entity), an
 * operator chosen by the attribute's type, a value editor by type and operator, and the
 * condition's errors inline. Cheap enough to appear 5,000 times: the picker's options
 * exist only while it is open.
 *
 * @tagname condition-row
 * @summary One condition: attribute, operator and value, with inline errors.
 *
 * @slot actions - Buttons after the value (remove, duplicate …).
 *
 * @event condition-change - The user changed the attribute, operator or value.
 *   `detail: { id, condition, change }` where `change` is `{ kind: 'attribute', entity, attribute }`,
 *   `{ kind: 'operator', operator }` or `{ kind: 'value', value }`. Never fired when a property is set.
 *
 * @csspart row - The row (a labelled group).
 * @csspart attribute - The attribute button.
 * @csspart operator - The operator select.
 * @csspart value - The value editor (its controls are `value-input`).
 * @csspart value-input - Each input or select of the value editor.
 * @csspart chip - A value of a list ("is one of").
 * @csspart popover - The floating attribute picker, and the value suggestions panel.
 * @csspart search - The attribute picker's search input.
 * @csspart option - An option of the attribute picker or of the suggestions.
 * @csspart error - One error message under the row.
 * @csspart text - The condition as a sentence (read-only).
 *
 * @cssproperty --sk-condition-row-gap - Space between the controls (0.5rem).
 * @cssproperty --sk-condition-row-value-gap - Space between the value editor's controls (0.35rem).
 * @cssproperty --sk-condition-row-error-gap - Space between the row and its errors (0.25rem).
 * @cssproperty --sk-condition-row-attribute-max-width - Widest the attribute button grows (18rem).
 * @cssproperty --sk-condition-row-attribute-font-weight - Weight of the attribute's name (500).
 * @cssproperty --sk-condition-row-text-width - Width of a text value input (12rem).
 * @cssproperty --sk-condition-row-number-width - Width of a number input (8rem).
 * @cssproperty --sk-condition-row-amount-width - Width of a relative date's amount (5rem).
 * @cssproperty --sk-condition-row-list-min-width - Narrowest the list editor gets (14rem).
 * @cssproperty --sk-condition-row-chip-background - Background of a chip.
 * @cssproperty --sk-condition-row-chip-color - Text colour of a chip.
 * @cssproperty --sk-condition-row-chip-radius - Corner radius of a chip.
 * @cssproperty --sk-condition-row-popover-width - Width of the attribute picker (22rem).
 * @cssproperty --sk-condition-row-suggestions-width - Width of the suggestions panel (18rem).
 * @cssproperty --sk-condition-row-popover-max-height - Tallest a panel gets (24rem).
 * @cssproperty --sk-condition-row-popover-z-index - Stacking of the panels (1000).
 * @cssproperty --sk-condition-row-popover-shadow - Shadow of the panels.
 */
export class ConditionRowElement extends SegmentKitElement {
  static override styles = [baseStyles, conditionRowStyles];

  /** The condition to show. Never changed in place: edits are reported by `condition-change`. */
  @property({ attribute: false }) condition: ConditionNode | undefined;

  /** The entity whose attributes the condition uses directly (the audience, or the enclosing related entity). Default: the catalog's audience. */
  @property() scope = '';

  /** Errors for this condition (from `validateSegment`); shown under the row, each tied to its control by its path. */
  @property({ attribute: false }) errors: readonly SegmentError[] = NO_ERRORS;

  /** Show the condition as a sentence instead of controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Accessible name of the row, e.g. "Condition 2". */
  @property() label = '';

  /** What the row shows: the `condition` property, or the user's latest edit until the host sets it again. */
  @state() private current: ConditionNode | undefined;
  @state() private pickerOpen = false;
  @state() private query = '';
  @state() private active = 0;
  @state() private listText = '';
  @state() private listNote = '';
  @state() private suggestOpen = false;
  @state() private suggestActive = -1;
  @state() private suggestVersion = 0;
  /**
   * Native selects cost about 30 µs per option to lay out, so until the user comes near
   * the row (pointer over it, or focus in it) each select holds only its chosen option.
   */
  @state() private optionsReady = false;

  private raw: Map<ValueKey, string> | undefined;
  /** Conditions emitted since the host last caught up, oldest first. */
  private sent: ConditionNode[] | undefined;
  private loader: SuggestionLoader | undefined;
  private floats: { picker?: Floating; suggest?: Floating } | undefined;
  private documentListener: ((e: Event) => void) | undefined;
  private filtered: { groups: unknown; query: string; result: FilterResult } | undefined;
  private scrolledTo = '';
  private editKey = '';

  /** The scope in effect: the property, else the catalog's audience, else the condition's entity. */
  get effectiveScope(): string {
    return this.scope || str(this.effectiveCatalog?.audience) || str(this.current?.entity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closePicker(false);
    this.closeSuggestions();
    this.stopFloat('picker');
    this.stopFloat('suggest');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('condition')) this.receive(this.condition);
    const c = this.current;
    const key = c && typeof c === 'object' ? `${str(c.entity)}\u0000${str(c.attribute)}\u0000${str(c.operator)}` : '';
    if (key !== this.editKey) {
      this.editKey = key;
      this.raw?.clear();
      this.listText = '';
      this.listNote = '';
      this.closeSuggestions();
    }
    if (this.readonly && this.pickerOpen) this.closePicker(false);
  }

  /**
   * The host set `condition`. An echo of an edit older than the user's latest (a slow
   * host catching up while the user types) is not shown, so nothing typed is lost; the
   * latest edit, or any other condition, is.
   */
  private receive(incoming: ConditionNode | undefined): void {
    const sent = this.sent;
    this.sent = undefined;
    if (sent && incoming && typeof incoming === 'object') {
      const at = sent.findIndex((c) => c === incoming || sameCondition(c, incoming));
      if (at >= 0 && at < sent.length - 1) {
        this.sent = sent.slice(at + 1);
        return;
      }
    }
    this.current = incoming;
  }

  protected override updated(): void {
    if (this.pickerOpen || this.floats?.picker) {
      this.syncFloat('picker', this.q('#attribute'), this.q('.panel.picker'));
    }
    if (this.suggestOpen || this.floats?.suggest) {
      this.syncFloat('suggest', this.q('.list'), this.q('.panel.suggestions'));
    }
    if (this.pickerOpen) {
      const id = this.pickerResult()?.flat[this.active]?.id ?? '';
      if (id !== this.scrolledTo) {
        this.scrolledTo = id;
        if (id) this.q(`#${id}`)?.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const c = this.current;
    const name = this.label || text('condition.label');
    if (!c || typeof c !== 'object') {
      return html`<div class="row" part="row" role="group" aria-label=${name}>
        <div class="line"><slot name="actions"></slot></div>
      </div>`;
    }
    const catalog = this.effectiveCatalog;
    const entity = str(c.entity);
    const attribute = str(c.attribute);
    const operator = str(c.operator);
    const attr = catalog && attribute ? indexCatalog(catalog).attribute(entity, attribute) : undefined;
    const unknown = !!catalog && attribute !== '' && !attr;
    const errors = this.errorTargets(unknown ? attribute : undefined);
    const attributeText = this.attributeText(catalog, entity, attribute, attr);

    if (this.readonly) {
      const sentence =
        attribute === ''
          ? html`<span class="muted">${term('attribute.choose')}</span>`
          : html`<span class="attr-text">${attributeText}</span> ${describeComparison(attr, operator, c.value)}`;
      const all = [...errors.row, ...errors.attribute, ...errors.operator, ...[...errors.value.values()].flat()];
      return html`<div class="row" part="row" role="group" aria-label=${name} aria-describedby=${ids(all)}>
        <div class="line"><span class="text" part="text">${sentence}</span><slot name="actions"></slot></div>
        ${this.renderErrors(errors.list)}
      </div>`;
    }

    return html`<div class="row" part="row" role="group" aria-label=${name} aria-describedby=${ids(errors.row)}>
      <div class="line" @focusin=${this.prepareOptions} @pointerover=${this.prepareOptions}>
        ${this.renderAttributeButton(catalog, attribute, attributeText, unknown, errors.attribute)}
        ${this.pickerOpen && catalog ? this.renderPicker(entity, attribute) : nothing}
        ${attribute === '' ? nothing : this.renderOperator(attr, operator, errors.operator)}
        ${attribute === '' || operator === '' ? nothing : this.renderValue(c, attr, operator, errors.value)}
        <slot name="actions"></slot>
      </div>
      ${this.renderErrors(errors.list)}
    </div>`;
  }

  private attributeText(catalog: Catalog | undefined, entity: string, attribute: string, attr: AttributeDef | undefined): string {
    if (attribute === '') return term('attribute.choose');
    const label = attr ? attr.label || humanize(attr.name) : attribute;
    if (!catalog || entity === '' || entity === this.effectiveScope) return label;
    return `${entityLabel(catalog, entity)} › ${label}`;
  }

  private renderErrors(list: RowError[]) {
    if (list.length === 0) return nothing;
    return html`<div class="errors">${list.map((e) => html`<p class="error" part="error" id=${e.id}>${e.message}</p>`)}</div>`;
  }

  private renderAttributeButton(catalog: Catalog | undefined, attribute: string, label: string, unknown: boolean, errorIds: string[]) {
    const loading = !catalog;
    const classes = `attribute${attribute === '' || loading ? ' placeholder' : ''}${unknown ? ' unknown' : ''}`;
    return html`<button
      id="attribute"
      part="attribute"
      class=${classes}
      type="button"
      aria-haspopup="listbox"
      aria-expanded=${this.pickerOpen ? 'true' : 'false'}
      aria-invalid=${errorIds.length > 0 ? 'true' : nothing}
      aria-describedby=${ids(errorIds)}
      ?disabled=${loading}
      @click=${this.onAttributeClick}
      @keydown=${this.onAttributeKeydown}
    >
      ${attribute !== '' && !loading ? html`<span class="visually-hidden">${term('attribute.label')}: </span>` : nothing}<span class="name"
        >${loading ? text('attribute.loading') : label}</span
      ><span class="caret" aria-hidden="true"></span>
    </button>`;
  }

  private pickerResult(): FilterResult | undefined {
    const catalog = this.effectiveCatalog;
    if (!catalog) return undefined;
    const groups = attributeGroups(catalog, this.effectiveScope);
    const f = this.filtered;
    if (f && f.groups === groups && f.query === this.query) return f.result;
    const result = filterAttributes(groups, this.query, MAX_RENDERED_OPTIONS);
    this.filtered = { groups, query: this.query, result };
    return result;
  }

  private renderPicker(entity: string, attribute: string) {
    const result = this.pickerResult() ?? { groups: [], flat: [], total: 0 };
    const active = result.flat[this.active];
    let i = 0;
    const option = (o: AttributeOption) => {
      const n = i++;
      const current = o.entity === entity && o.attribute === attribute;
      return html`<div
        role="option"
        part="option"
        id=${o.id}
        data-i=${n}
        class=${`option${o === active ? ' active' : ''}${current ? ' current' : ''}`}
        aria-selected=${o === active ? 'true' : 'false'}
      >
        <span class="option-label">${o.label}</span><span class="option-hint">${text(`attribute.type.${o.type}` as LocalKey)}</span>
      </div>`;
    };
    const more = result.total - result.flat.length;
    return html`<div class="panel picker" part="popover" @focusout=${this.onPickerFocusout}>
      <label class="visually-hidden" for="attribute-search">${term('attribute.search')}</label>
      <input
        id="attribute-search"
        part="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-expanded="true"
        aria-controls="attribute-listbox"
        aria-autocomplete="list"
        aria-activedescendant=${active ? active.id : nothing}
        placeholder=${term('attribute.search')}
        .value=${live(this.query)}
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeydown}
      />
      <div
        id="attribute-listbox"
        role="listbox"
        tabindex="-1"
        aria-label=${term('attribute.label')}
        @mousedown=${preventDefault}
        @click=${this.onPickerClick}
      >
        ${
          result.flat.length === 0
            ? html`<div role="option" class="option empty" aria-disabled="true" aria-selected="false">${term('attribute.none')}</div>`
            : result.groups.map(
                (g) =>
                  html`<div role="group" aria-labelledby=${g.group.id}>
                    <div role="presentation" class="group-heading" id=${g.group.id}>${g.group.heading}</div>
                    ${g.options.map(option)}
                  </div>`,
              )
        }
      </div>
      ${more > 0 ? html`<p class="more" aria-live="polite">${text('attribute.more', { count: formatNumber(more) })}</p>` : nothing}
    </div>`;
  }

  private renderOperator(attr: AttributeDef | undefined, operator: string, errorIds: string[]) {
    const ops: string[] = attr ? operatorsFor(attr.type) : [];
    const extra = operator !== '' && !ops.includes(operator);
    // Keyed options: an option element keeps its value, so the selection survives a change of the list.
    const options = operator === '' ? ['', ...ops] : extra ? [...ops, operator] : ops;
    return html`<label class="visually-hidden" for="operator">${term('operator.label')}</label>
      <select
        id="operator"
        part="operator"
        .value=${live(operator)}
        ?disabled=${!attr}
        aria-invalid=${errorIds.length > 0 || (extra && !!attr) ? 'true' : nothing}
        aria-describedby=${ids(errorIds)}
        @change=${this.onOperatorChange}
      >
        ${repeat(
          this.only(options, operator),
          (op) => op,
          (op) =>
            op === ''
              ? html`<option value="" disabled ?selected=${operator === ''}>${text('operator.choose')}</option>`
              : html`<option value=${op} ?selected=${op === operator}>${operatorLabel(op)}</option>`,
        )}
      </select>`;
  }

  /** A select's options: all of them once the user is near, else only the chosen one. */
  private only<T extends string>(options: readonly T[], chosen: string): readonly T[] {
    return this.optionsReady ? options : options.filter((o) => o === chosen);
  }

  private prepareOptions(): void {
    if (!this.optionsReady) this.optionsReady = true;
  }

  private renderValue(c: ConditionNode, attr: AttributeDef | undefined, operator: string, errs: Map<string, string[]>) {
    const all = [...errs.values()].flat();
    if (!attr) {
      // Unknown attribute: show the value as it is, until another attribute is chosen.
      if (c.value === undefined) return nothing;
      return html`<span class="value" part="value">
        <label class="visually-hidden" for="value">${term('value.label')}</label>
        <input id="value" part="value-input" class="text" type="text" disabled .value=${rawText(c.value)} aria-describedby=${ids(all)} />
      </span>`;
    }
    const shape = valueShapeOf(operator);
    const pick = (...keys: string[]) => keys.flatMap((k) => errs.get(k) ?? []);
    switch (shape) {
      case 'none':
      case undefined:
        return nothing;
      case 'scalar':
        return html`<span class="value" part="value">
          ${
            attr.values && attr.values.length > 0
              ? this.renderEnumSelect(attr, c.value, all)
              : this.renderInput('value', attr, c.value, term('value.label'), all)
          }
        </span>`;
      case 'pair': {
        const pair: unknown[] = Array.isArray(c.value) ? c.value : [c.value, undefined];
        return html`<span class="value pair" part="value">
          ${this.renderInput('low', attr, pair[0], term('value.low'), pick('', '/0'))}
          <span class="dash" aria-hidden="true">–</span>
          ${this.renderInput('high', attr, pair[1], term('value.high'), pick('', '/1'))}
        </span>`;
      }
      case 'relative':
        return this.renderRelative(c.value, pick('', '/amount'), pick('/unit'));
      case 'list':
        return this.renderList(c, attr, all);
    }
  }

  /** The text an input shows: what the user typed while it still means the value, else the value. */
  private shownText(key: ValueKey, attr: AttributeDef, v: unknown, fits: boolean): string {
    const typed = this.raw?.get(key);
    if (typed !== undefined && sameValue(parseText(attr.type, typed), v)) return typed;
    return fits ? controlText(attr.type, v) : rawText(v);
  }

  private renderInput(key: ValueKey, attr: AttributeDef, v: unknown, label: string, errorIds: string[]) {
    const fits = fitsType(attr.type, v);
    const type = !fits ? 'text' : attr.type === 'number' ? 'number' : attr.type === 'date' ? 'date' : 'text';
    const id = key === 'value' ? 'value' : `value-${key}`;
    return html`<label class="visually-hidden" for=${id}>${label}</label>
      <input
        id=${id}
        part="value-input"
        class=${type === 'number' ? 'number' : type === 'date' ? 'date' : 'text'}
        type=${type}
        step=${type === 'number' ? 'any' : nothing}
        inputmode=${!fits && attr.type === 'number' ? 'decimal' : nothing}
        autocomplete="off"
        data-key=${key}
        .value=${live(this.shownText(key, attr, v, fits))}
        aria-invalid=${errorIds.length > 0 || !fits ? 'true' : nothing}
        aria-describedby=${ids(errorIds)}
        @input=${this.onValueInput}
      />`;
  }

  private renderEnumSelect(attr: AttributeDef, v: unknown, errorIds: string[]) {
    const values = attr.values ?? [];
    const empty = v === undefined || v === null || v === '';
    let selected = values.findIndex((o) => o && o.value === v);
    if (selected < 0 && typeof v === 'string')
      selected = values.findIndex((o) => o && typeof o.value === 'string' && o.value.toLowerCase() === v.toLowerCase());
    const value = empty ? '' : selected >= 0 ? String(selected) : 'raw';
    return html`<label class="visually-hidden" for="value">${term('value.label')}</label>
      <select
        id="value"
        part="value-input"
        .value=${live(value)}
        aria-invalid=${errorIds.length > 0 || value === 'raw' ? 'true' : nothing}
        aria-describedby=${ids(errorIds)}
        @change=${this.onEnumChange}
      >
        ${repeat(
          this.only([...(empty ? [''] : []), ...values.map((_, i) => String(i)), ...(value === 'raw' ? ['raw'] : [])], value),
          (key) => key,
          (key) =>
            html`<option value=${key} ?selected=${key === value}>
              ${
                key === ''
                  ? text('value.choose')
                  : key === 'raw'
                    ? text('value.notInList', { value: rawText(v) })
                    : valueLabel(attr, values[Number(key)]?.value)
              }
            </option>`,
        )}
      </select>`;
  }

  private renderRelative(v: unknown, amountErrors: string[], unitErrors: string[]) {
    const rel = isRelative(v) ? v : undefined;
    const amount = rel ? rel.amount : v;
    const unit = rel ? str(rel.unit) : 'day';
    const known = (RELATIVE_UNITS as readonly string[]).includes(unit);
    const amountAttr: AttributeDef = { name: 'amount', type: 'number' };
    return html`<span class="value relative" part="value">
      <label class="visually-hidden" for="value-amount">${term('value.amount')}</label>
      <input
        id="value-amount"
        part="value-input"
        class="amount"
        type=${fitsType('number', amount) ? 'number' : 'text'}
        min="0"
        step="1"
        data-key="amount"
        .value=${live(this.shownText('amount', amountAttr, amount, fitsType('number', amount)))}
        aria-invalid=${amountErrors.length > 0 || !fitsType('number', amount) ? 'true' : nothing}
        aria-describedby=${ids(amountErrors)}
        @input=${this.onValueInput}
      />
      <label class="visually-hidden" for="value-unit">${term('value.unit')}</label>
      <select
        id="value-unit"
        part="value-input"
        .value=${live(unit)}
        aria-invalid=${unitErrors.length > 0 || !known ? 'true' : nothing}
        aria-describedby=${ids(unitErrors)}
        @change=${this.onUnitChange}
      >
        ${repeat(
          this.only(known ? RELATIVE_UNITS : [...RELATIVE_UNITS, unit], unit),
          (u) => u,
          (u) =>
            html`<option value=${u} ?selected=${u === unit}>
              ${(RELATIVE_UNITS as readonly string[]).includes(u) ? term(`unit.${u as 'day'}`) : u}
            </option>`,
        )}
      </select>
    </span>`;
  }

  private listValues(v: unknown): unknown[] {
    if (Array.isArray(v)) return v;
    return v === undefined || v === null ? [] : [v];
  }

  private renderList(c: ConditionNode, attr: AttributeDef, errorIds: string[]) {
    const values = this.listValues(c.value);
    const visible = this.visibleSuggestions(values);
    const loader = this.loader;
    const status = this.suggestOpen ? (loader?.status ?? 'idle') : 'idle';
    const expanded = this.suggestOpen && visible.length > 0;
    const showPanel = expanded || status === 'pending' || status === 'error';
    const describedBy = this.listNote ? [...errorIds, 'list-note'] : errorIds;
    const active = expanded && this.suggestActive >= 0 ? `suggestion-${this.suggestActive}` : undefined;
    return html`<span class="value" part="value">
      <span class=${`list${describedBy.length > 0 ? ' invalid' : ''}`} @click=${this.onListBoxClick}>
        ${
          values.length > 0
            ? html`<ul class="chips" aria-label=${text('value.values')}>
                ${values.map((v, i) => {
                  const label = valueLabel(attr, v);
                  return html`<li class="chip" part="chip">
                    <span class="chip-text">${label}</span
                    ><button type="button" aria-label=${term('value.remove', { value: label })} data-i=${i} @click=${this.onChipRemove}>
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>`;
                })}
              </ul>`
            : nothing
        }
        <label class="visually-hidden" for="value-list">${term('value.add')}</label>
        <input
          id="value-list"
          part="value-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          inputmode=${attr.type === 'number' ? 'decimal' : nothing}
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${expanded ? 'suggestions' : nothing}
          aria-activedescendant=${active ?? nothing}
          aria-invalid=${describedBy.length > 0 ? 'true' : nothing}
          aria-describedby=${ids(describedBy)}
          placeholder=${values.length === 0 ? term('value.add') : ''}
          .value=${live(this.listText)}
          @input=${this.onListInput}
          @keydown=${this.onListKeydown}
          @focusout=${this.onListFocusout}
        />
      </span>
      ${this.listNote ? html`<p class="note error-text" id="list-note">${this.listNote}</p>` : nothing}
      ${
        showPanel
          ? html`<div class="panel suggestions" part="popover" @mousedown=${preventDefault} @click=${this.onSuggestionClick}>
              ${status === 'pending' && visible.length === 0 ? html`<p class="status" role="status">${term('value.loading')}</p>` : nothing}
              ${status === 'error' ? html`<p class="status error-text" role="status">${text('value.suggestionsFailed')}</p>` : nothing}
              ${
                visible.length > 0
                  ? html`<div id="suggestions" role="listbox" tabindex="-1" aria-label=${term('value.suggestions')}>
                      ${visible.map(
                        (s, i) =>
                          html`<div
                            role="option"
                            part="option"
                            id=${`suggestion-${i}`}
                            data-i=${i}
                            class=${`option${i === this.suggestActive ? ' active' : ''}`}
                            aria-selected=${i === this.suggestActive ? 'true' : 'false'}
                          >
                            <span class="option-label">${s.label}</span>${
                              s.count === undefined
                                ? nothing
                                : html`<span class="option-count">${term('value.count', { count: formatNumber(s.count) })}</span>`
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

  private visibleSuggestions(values: unknown[]): Suggestion[] {
    const items = this.suggestOpen ? (this.loader?.items ?? []) : [];
    if (items.length === 0) return items;
    return items.filter((s) => !values.some((v) => sameScalar(v, s.value))).slice(0, SUGGESTION_LIMIT);
  }

  private errorTargets(unknownAttribute: string | undefined): ErrorTargets {
    const t: ErrorTargets = { list: [], attribute: [], operator: [], row: [], value: new Map() };
    const errors: readonly (SegmentError | null | undefined)[] = Array.isArray(this.errors) ? this.errors : NO_ERRORS;
    errors.forEach((e, i) => {
      if (!e || typeof e !== 'object') return;
      const id = `error-${i}`;
      t.list.push({ id, message: typeof e.message === 'string' ? e.message : rawText(e.code) });
      const path = typeof e.path === 'string' ? e.path : '';
      const value = /\/value((?:\/[^/]*)?)$/.exec(path);
      if (value) {
        const sub = value[1] ?? '';
        const list = t.value.get(sub);
        if (list) list.push(id);
        else t.value.set(sub, [id]);
      } else if (/\/(attribute|entity)$/.test(path)) t.attribute.push(id);
      else if (/\/operator$/.test(path)) t.operator.push(id);
      else t.row.push(id);
    });
    if (unknownAttribute !== undefined && t.attribute.length === 0) {
      t.list.push({ id: 'error-unknown-attribute', message: text('attribute.unknown', { name: unknownAttribute }) });
      t.attribute.push('error-unknown-attribute');
    }
    return t;
  }

  // ------------------------------------------------------------------ changes

  private commit(next: ConditionNode, change: ConditionChange): void {
    this.current = next;
    const sent = (this.sent ??= []);
    sent.push(next);
    if (sent.length > 64) sent.splice(0, sent.length - 64);
    emit(this, 'condition-change', {
      id: typeof next.id === 'string' ? next.id : undefined,
      condition: next,
      change,
    });
  }

  private setValue(value: ConditionValue): void {
    const c = this.current;
    if (!c) return;
    const next: ConditionNode = { ...c };
    if (value === undefined) delete next.value;
    else next.value = value;
    this.commit(next, { kind: 'value', value });
  }

  private chooseAttribute(option: AttributeOption | undefined): void {
    const c = this.current;
    const catalog = this.effectiveCatalog;
    this.closePicker(true);
    if (!option || !c || !catalog) return;
    if (option.entity === c.entity && option.attribute === c.attribute) return;
    let next: ConditionNode;
    try {
      next = conditionWithAttribute(c, catalog, option.entity, option.attribute);
    } catch {
      return;
    }
    this.commit(next, { kind: 'attribute', entity: option.entity, attribute: option.attribute });
  }

  // ------------------------------------------------------------------ attribute picker

  private onAttributeClick(): void {
    if (this.pickerOpen) this.closePicker(true);
    else this.openPicker();
  }

  private onAttributeKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.openPicker();
    }
  }

  /** Open the attribute picker (as a click on the attribute button does). */
  openPicker(): void {
    if (this.pickerOpen || this.readonly || !this.effectiveCatalog || !this.current) return;
    this.query = '';
    this.pickerOpen = true;
    const c = this.current;
    const at = this.pickerResult()?.flat.findIndex((o) => o.entity === c.entity && o.attribute === c.attribute) ?? -1;
    this.active = Math.max(0, at);
    this.scrolledTo = '';
    this.documentListener ??= (e: Event) => this.onDocumentPointerdown(e);
    document.addEventListener('pointerdown', this.documentListener, true);
    void this.updateComplete.then(() => {
      if (this.pickerOpen) this.q<HTMLInputElement>('#attribute-search')?.focus();
    });
  }

  /** Close the attribute picker; `focusButton` returns focus to the attribute button. */
  closePicker(focusButton = false): void {
    if (!this.pickerOpen) return;
    this.pickerOpen = false;
    if (this.documentListener) document.removeEventListener('pointerdown', this.documentListener, true);
    this.stopFloat('picker');
    if (focusButton) this.q<HTMLButtonElement>('#attribute')?.focus();
  }

  private onDocumentPointerdown(e: Event): void {
    const path = e.composedPath();
    const panel = this.q('.panel.picker');
    const button = this.q('#attribute');
    if ((panel && path.includes(panel)) || (button && path.includes(button))) return;
    this.closePicker(false);
  }

  private onPickerFocusout(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    const panel = e.currentTarget as HTMLElement;
    if (to && (panel.contains(to) || to === this.q('#attribute'))) return;
    this.closePicker(false);
  }

  private onSearchInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.active = 0;
  }

  private onSearchKeydown(e: KeyboardEvent): void {
    const count = this.pickerResult()?.flat.length ?? 0;
    switch (e.key) {
      case 'ArrowDown':
        this.active = Math.min(this.active + 1, Math.max(0, count - 1));
        break;
      case 'ArrowUp':
        this.active = Math.max(this.active - 1, 0);
        break;
      case 'Home':
        this.active = 0;
        break;
      case 'End':
        this.active = Math.max(0, count - 1);
        break;
      case 'PageDown':
        this.active = Math.min(this.active + 10, Math.max(0, count - 1));
        break;
      case 'PageUp':
        this.active = Math.max(this.active - 10, 0);
        break;
      case 'Enter':
        if (count > 0) this.chooseAttribute(this.pickerResult()?.flat[this.active]);
        break;
      case 'Escape':
        e.stopPropagation();
        this.closePicker(true);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private onPickerClick(e: Event): void {
    const i = optionIndex(e);
    if (i === undefined) return;
    this.chooseAttribute(this.pickerResult()?.flat[i]);
  }

  // ------------------------------------------------------------------ operator and values

  private onOperatorChange(e: Event): void {
    const c = this.current;
    const op = (e.target as HTMLSelectElement).value;
    if (!c || op === c.operator) return;
    this.commit(conditionWithOperator(c, op as Operator), { kind: 'operator', operator: op });
  }

  private onValueInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const key = input.dataset.key as ValueKey;
    const c = this.current;
    const catalog = this.effectiveCatalog;
    if (!c || !catalog) return;
    const attr = indexCatalog(catalog).attribute(c.entity, c.attribute);
    if (!attr) return;
    (this.raw ??= new Map()).set(key, input.value);
    if (key === 'amount') {
      const amount = parseText('number', input.value);
      const rel: Record<string, unknown> = isRelative(c.value) ? { ...c.value } : { unit: 'day' };
      if (amount === undefined) delete rel.amount;
      else rel.amount = amount;
      this.setValue(rel as RelativeValue);
      return;
    }
    const v = parseText(attr.type, input.value);
    if (key === 'value') {
      this.setValue(v);
      return;
    }
    const pair: unknown[] = Array.isArray(c.value) ? c.value.slice(0, 2) : [c.value ?? null, null];
    pair[key === 'low' ? 0 : 1] = v ?? null;
    const lo = pair[0] ?? null;
    const hi = pair[1] ?? null;
    this.setValue(lo === null && hi === null ? undefined : ([lo, hi] as ScalarValue[]));
  }

  private onEnumChange(e: Event): void {
    const c = this.current;
    const catalog = this.effectiveCatalog;
    if (!c || !catalog) return;
    const attr = indexCatalog(catalog).attribute(c.entity, c.attribute);
    const picked = (e.target as HTMLSelectElement).value;
    if (picked === 'raw') return;
    const option = picked === '' ? undefined : attr?.values?.[Number(picked)];
    this.setValue(option ? option.value : undefined);
  }

  private onUnitChange(e: Event): void {
    const c = this.current;
    if (!c) return;
    const unit = (e.target as HTMLSelectElement).value;
    const rel: Record<string, unknown> = isRelative(c.value) ? { ...c.value } : typeof c.value === 'number' ? { amount: c.value } : {};
    rel.unit = unit;
    this.setValue(rel as RelativeValue);
  }

  // ------------------------------------------------------------------ list values and suggestions

  private listAttribute(): AttributeDef | undefined {
    const c = this.current;
    const catalog = this.effectiveCatalog;
    return c && catalog ? indexCatalog(catalog).attribute(c.entity, c.attribute) : undefined;
  }

  /** Add typed or chosen values; returns false when one could not be read (not a number). */
  private addValues(items: { value: unknown; typed: boolean }[]): boolean {
    const c = this.current;
    const attr = this.listAttribute();
    if (!c || !attr) return false;
    const values = this.listValues(c.value).slice();
    let changed = false;
    for (const item of items) {
      let v = item.value;
      if (item.typed) {
        const s = String(v).trim();
        if (s === '') continue;
        if (attr.type === 'number') {
          const n = Number(s);
          if (!Number.isFinite(n)) {
            if (changed) this.setValue(values as ScalarValue[]);
            this.listNote = text('value.notNumber', { value: s });
            return false;
          }
          v = n;
        } else v = s;
      } else if (attr.type === 'number' && typeof v === 'string' && Number.isFinite(Number(v))) v = Number(v);
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
      if (values.some((x) => sameScalar(x, v))) continue;
      values.push(v);
      changed = true;
    }
    this.listNote = '';
    if (changed) this.setValue(values as ScalarValue[]);
    return true;
  }

  private removeValue(i: number): void {
    const c = this.current;
    if (!c) return;
    const values = this.listValues(c.value).slice();
    if (i < 0 || i >= values.length) return;
    values.splice(i, 1);
    this.setValue(values as ScalarValue[]);
  }

  private suggestionSource(): SuggestionFetch | undefined {
    const c = this.current;
    const attr = this.listAttribute();
    if (!c || !attr) return undefined;
    const provider = this.effectiveProvider;
    const { entity, attribute } = c;
    if (provider && typeof provider.suggestValues === 'function') {
      return async (query, signal) => {
        const rows: unknown = await provider.suggestValues(entity, attribute, { query, limit: SUGGESTION_LIMIT, signal });
        const out: Suggestion[] = [];
        for (const r of Array.isArray(rows) ? (rows as unknown[]) : []) {
          if (!r || typeof r !== 'object') continue;
          const row = r as { value?: unknown; label?: unknown; count?: unknown };
          if (row.value === null || row.value === undefined || typeof row.value === 'object') continue;
          out.push({
            value: row.value,
            label: typeof row.label === 'string' && row.label !== '' ? row.label : valueLabel(attr, row.value),
            count: typeof row.count === 'number' && Number.isFinite(row.count) ? row.count : undefined,
          });
        }
        return out;
      };
    }
    const options = attr.values;
    if (options && options.length > 0) {
      return (query) => {
        const q = query.trim().toLowerCase();
        return Promise.resolve(
          options
            .filter((o) => o && (q === '' || `${rawText(o.value)}\u0000${o.label ?? ''}`.toLowerCase().includes(q)))
            .slice(0, SUGGESTION_LIMIT)
            .map((o) => ({ value: o.value, label: valueLabel(attr, o.value) })),
        );
      };
    }
    return undefined;
  }

  private requestSuggestions(query: string, delay: number): void {
    const source = this.suggestionSource();
    if (!source) return;
    this.loader ??= new SuggestionLoader(() => this.suggestVersion++);
    this.suggestOpen = true;
    this.suggestActive = -1;
    this.loader.request(query, source, delay);
  }

  private closeSuggestions(): void {
    this.loader?.reset();
    this.suggestOpen = false;
    this.suggestActive = -1;
  }

  private onListInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    let s = input.value;
    this.listNote = '';
    if (s.includes(',')) {
      const parts = s.split(',');
      const rest = parts.pop() ?? '';
      const ok = this.addValues(parts.map((p) => ({ value: p, typed: true })));
      s = ok ? rest : s;
      input.value = s;
    }
    this.listText = s;
    this.requestSuggestions(s, SUGGESTION_DELAY);
  }

  private onListKeydown(e: KeyboardEvent): void {
    const input = e.target as HTMLInputElement;
    const c = this.current;
    const values = this.listValues(c?.value);
    const visible = this.visibleSuggestions(values);
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.suggestOpen) this.requestSuggestions(input.value, 0);
        else if (visible.length > 0) this.suggestActive = Math.min(this.suggestActive + 1, visible.length - 1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (this.suggestOpen && visible.length > 0) this.suggestActive = Math.max(this.suggestActive - 1, 0);
        return;
      case 'Enter': {
        e.preventDefault();
        const chosen = this.suggestOpen ? visible[this.suggestActive] : undefined;
        const ok = chosen ? this.addValues([{ value: chosen.value, typed: false }]) : this.addValues([{ value: input.value, typed: true }]);
        if (ok) {
          input.value = '';
          this.listText = '';
          this.closeSuggestions();
        }
        return;
      }
      case 'Escape':
        if (this.suggestOpen) {
          e.preventDefault();
          e.stopPropagation();
          this.closeSuggestions();
        }
        return;
      case 'Backspace':
        if (input.value === '' && values.length > 0) {
          e.preventDefault();
          this.removeValue(values.length - 1);
        }
        return;
    }
  }

  private onListFocusout(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    const panel = this.q('.panel.suggestions');
    if (to && panel?.contains(to)) return;
    this.closeSuggestions();
  }

  private onListBoxClick(e: Event): void {
    if (e.target === e.currentTarget) this.q<HTMLInputElement>('#value-list')?.focus();
  }

  private onChipRemove(e: Event): void {
    const i = Number((e.currentTarget as HTMLElement).dataset.i);
    this.removeValue(i);
    this.q<HTMLInputElement>('#value-list')?.focus();
  }

  private onSuggestionClick(e: Event): void {
    const i = optionIndex(e);
    if (i === undefined) return;
    const chosen = this.visibleSuggestions(this.listValues(this.current?.value))[i];
    if (!chosen) return;
    if (this.addValues([{ value: chosen.value, typed: false }])) {
      this.listText = '';
      this.closeSuggestions();
    }
    this.q<HTMLInputElement>('#value-list')?.focus();
  }

  // ------------------------------------------------------------------ floating panels

  private syncFloat(which: 'picker' | 'suggest', anchor: Element | null, panel: HTMLElement | null): void {
    const current = this.floats?.[which];
    if (current && current.panel === panel) return;
    this.stopFloat(which);
    if (!anchor || !panel) return;
    (this.floats ??= {})[which] = { panel, stop: float(anchor, panel, PANEL_FLOAT) };
  }

  private stopFloat(which: 'picker' | 'suggest'): void {
    const f = this.floats?.[which];
    if (!f) return;
    f.stop();
    delete this.floats![which];
  }

  private q<E extends Element = HTMLElement>(selector: string): E | null {
    return this.renderRoot?.querySelector<E>(selector) ?? null;
  }

  /** For tests and tooling: is the attribute picker open? */
  get pickerIsOpen(): boolean {
    return this.pickerOpen;
  }
}

function preventDefault(e: Event): void {
  e.preventDefault();
}

function optionIndex(e: Event): number | undefined {
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

function sameCondition(a: ConditionNode, b: ConditionNode): boolean {
  return a.entity === b.entity && a.attribute === b.attribute && a.operator === b.operator && sameValue(a.value, b.value);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return Object.is(a, b);
}
