import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { entityLabel, humanize, indexCatalog } from '../../core/model/catalog.js';
import { conditionWithAttribute, conditionWithOperator } from '../../core/model/edit.js';
import { valueShapeOf, type Operator } from '../../core/model/operators.js';
import type { AttributeDef, Catalog, ConditionNode, ConditionValue, SegmentError } from '../../core/model/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { emit, type ConditionChange } from '../shared/events.js';
import { conditionRow } from '../../core/messages/en/condition-row.js';
import { term } from '../shared/messages.js';
import { addEnglish } from '../../core/messages/translator.js';
import { baseStyles } from '../shared/styles.js';
import { valueEditor, type ValueKey } from '../shared/value-editors/editors.js';
import { describeComparison, rawText, sameValue } from '../shared/value-editors/values.js';
import type { AttributePicker } from './attribute-panel.js';
import type { AttributeOption } from './attribute-options.js';
import { attributeButton } from './attribute-picker.js';
import { conditionRowStyles } from './condition-row.styles.js';
import { operatorSelect } from './operator-select.js';
import { allErrorIds, errorTargets, NO_ERRORS, type RowError } from './errors.js';
import { loadedPopups, loadPopups } from './lazy.js';
import { ListValues } from './list-values.js';

addEnglish(conditionRow);

export type { ConditionChange, ConditionChangeDetail } from '../shared/events.js';
export { MAX_RENDERED_OPTIONS } from './attribute-picker.js';
export { SUGGESTION_DELAY, SUGGESTION_LIMIT } from './list-values.js';

/** The controls `focus({ part })` can go to; any other part name of the row works too. */
export type ConditionRowPart = 'attribute' | 'operator' | 'value' | 'value-input' | 'search' | 'chip';

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : nothing);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const FOCUSABLE = 'button:not([disabled]), select:not([disabled]), input:not([disabled])';

/**
 * One condition of a segment: an attribute picker (a button that opens a searchable
 * listbox of the attributes in scope and of related entities, grouped by entity), an
 * operator chosen by the attribute's type, a value editor by type and operator, and the
 * condition's errors inline. Cheap enough to appear 5,000 times: the picker's options
 * exist only while it is open, and its controllers are made on first use. The provider
 * and catalog come from properties or, when not set, from a surrounding
 * `<segment-provider>` (or any element providing them by context).
 *
 * @tagname condition-row
 * @summary One condition: attribute, operator and value, with inline errors.
 *
 * @slot actions - Buttons after the value (remove, duplicate …).
 *
 * @event {CustomEvent<ConditionChangeDetail>} condition-change - The user changed the attribute, operator or value:
 *   `{ id, condition, change }`, where `change` is `{ kind: 'attribute', entity, attribute }`,
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
  /**
   * Native selects cost about 30 µs per option to lay out, so until the user comes near
   * the row (pointer over it, or focus in it) each select holds only its chosen option.
   */
  @state() private optionsReady = false;

  /** What the user typed in the value inputs, kept while it still means the value. */
  private typed: Map<ValueKey, string> | undefined;
  /** Conditions emitted since the host last caught up, oldest first. */
  private sent: ConditionNode[] | undefined;
  private editKey = '';
  /** Made on the first open (see `pickerCtl`). */
  private picker: AttributePicker | undefined;
  /** An open asked for before the picker's panel had loaded: it opens when it arrives (`updateComplete` waits for it). */
  private pendingOpen: Promise<void> | undefined;
  private wantOpen = false;
  private list: ListValues | undefined;

  /** The scope in effect: the property, else the catalog's audience, else the condition's entity. @internal */
  get effectiveScope(): string {
    return this.scope || str(this.effectiveCatalog?.audience) || str(this.current?.entity);
  }

  /** For tests and tooling: is the attribute picker open? */
  get pickerIsOpen(): boolean {
    return this.picker?.isOpen ?? false;
  }

  /**
   * Open the attribute picker (as a click on the attribute button does). The first open
   * on a page may wait for the picker's panel to load: `updateComplete` resolves once it
   * is open.
   */
  openPicker(): void {
    const picker = this.pickerCtl;
    if (picker) picker.open();
    else this.openWhenLoaded();
  }

  /** Close the attribute picker; `focusButton` returns focus to the attribute button. */
  closePicker(focusButton = false): void {
    this.wantOpen = false;
    this.picker?.close(focusButton);
  }

  /** The picker, once its panel has loaded (made on the first open). */
  private get pickerCtl(): AttributePicker | undefined {
    const popups = loadedPopups();
    return (this.picker ??= popups
      ? new popups.AttributePicker(this, {
          catalog: () => this.effectiveCatalog,
          scope: () => this.effectiveScope,
          current: () => this.current,
          canOpen: () => !this.readonly && !!this.effectiveCatalog && !!this.current,
          onChoose: (option) => this.chooseAttribute(option),
        })
      : undefined);
  }

  /** Open once the panel has loaded, unless closed, disconnected or made read-only meanwhile. */
  private openWhenLoaded(): void {
    this.wantOpen = true;
    this.pendingOpen ??= loadPopups().then(
      () => {
        this.pendingOpen = undefined;
        if (this.wantOpen && this.isConnected) this.pickerCtl?.open();
        this.wantOpen = false;
      },
      () => {
        this.pendingOpen = undefined;
        this.wantOpen = false;
      },
    );
  }

  /** `updateComplete` also waits for an open that waits for the picker's panel to load. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.pendingOpen) {
      await this.pendingOpen;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private onAttributeClick(): void {
    const picker = this.pickerCtl;
    if (picker) picker.toggle();
    else if (this.wantOpen)
      this.wantOpen = false; // a second click before the panel arrived
    else this.openWhenLoaded();
  }

  private onAttributeKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.openPicker();
    }
  }

  /**
   * Focus a control of the row: `part` is 'attribute', 'operator', 'value' (its first
   * control) or any other part name; without one, or when the row has no such control
   * (no operator before an attribute is chosen), the first control. When an update is
   * pending (the condition was just set) it waits for it; the promise resolves once
   * focus has moved, so a host never needs to reach into the row's shadow root.
   */
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- callers of the native focus() may ignore the promise: nothing is lost
  override focus(options: FocusOptions & { part?: ConditionRowPart | (string & {}) } = {}): Promise<void> {
    if (!this.isUpdatePending) {
      this.focusPart(options);
      return Promise.resolve();
    }
    return this.updateComplete.then(() => this.focusPart(options));
  }

  private focusPart(options: FocusOptions & { part?: string }): void {
    const part = options.part;
    const root = this.renderRoot;
    let target: HTMLElement | null = null;
    if (part) {
      const el = root.querySelector<HTMLElement>(`[part~="${CSS.escape(part)}"]`);
      target = el && !el.matches(FOCUSABLE) ? el.querySelector<HTMLElement>(FOCUSABLE) : el;
    }
    target ??= root.querySelector<HTMLElement>(FOCUSABLE);
    // `part` rides along in the options: native focus() ignores what it does not know.
    if (target) target.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.wantOpen = false;
    this.picker?.close(false);
    this.list?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('condition')) this.receive(this.condition);
    const c = this.current;
    const key = c && typeof c === 'object' ? `${str(c.entity)}\u0000${str(c.attribute)}\u0000${str(c.operator)}` : '';
    if (key !== this.editKey) {
      this.editKey = key;
      this.typed?.clear();
      this.list?.reset();
    }
    if (this.readonly) {
      this.wantOpen = false;
      if (this.picker?.isOpen) this.picker.close(false);
    }
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

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const c = this.current;
    const name = this.label || term('condition.label');
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
    const errors = errorTargets(this.errors, unknown ? attribute : undefined);
    const attributeText = this.attributeText(catalog, entity, attribute, attr);

    if (this.readonly) {
      const sentence =
        attribute === ''
          ? html`<span class="muted">${term('attribute.choose')}</span>`
          : html`<span class="attr-text">${attributeText}</span> ${describeComparison(attr, operator, c.value)}`;
      return html`<div class="row" part="row" role="group" aria-label=${name} aria-describedby=${ids(allErrorIds(errors))}>
        <div class="line"><span class="text" part="text">${sentence}</span><slot name="actions"></slot></div>
        ${this.renderErrors(errors.list)}
      </div>`;
    }

    return html`<div class="row" part="row" role="group" aria-label=${name} aria-describedby=${ids(errors.row)}>
      <div class="line" @focusin=${this.prepareOptions} @pointerover=${this.prepareOptions}>
        ${attributeButton({
          open: this.pickerIsOpen,
          loading: !catalog,
          attribute,
          label: attributeText,
          unknown,
          errorIds: errors.attribute,
          onClick: this.onAttributeClick,
          onKeydown: this.onAttributeKeydown,
        })}
        ${catalog && this.picker ? this.picker.renderPanel(entity, attribute) : nothing}
        ${
          attribute === ''
            ? nothing
            : operatorSelect({ attr, operator, errorIds: errors.operator, allOptions: this.optionsReady, onChange: this.onOperatorChange })
        }
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
    return term('attribute.path', { entity: entityLabel(catalog, entity), attribute: label });
  }

  private renderErrors(list: RowError[]) {
    if (list.length === 0) return nothing;
    return html`<div class="errors">${list.map((e) => html`<p class="error" part="error" id=${e.id}>${e.message}</p>`)}</div>`;
  }

  /** The pointer came over the row or focus into it: all options in its selects, and its popups on the way. */
  private prepareOptions(): void {
    if (!this.optionsReady) this.optionsReady = true;
    if (!loadedPopups()) loadPopups().catch(() => undefined); // tried again on the next need
  }

  private renderValue(c: ConditionNode, attr: AttributeDef | undefined, operator: string, errs: Map<string, string[]>) {
    if (!attr) {
      // Unknown attribute: show the value as it is, until another attribute is chosen.
      if (c.value === undefined) return nothing;
      return html`<span class="value" part="value">
        <label class="visually-hidden" for="value">${term('value.label')}</label>
        <input
          id="value"
          part="value-input"
          class="text"
          type="text"
          disabled
          .value=${rawText(c.value)}
          aria-describedby=${ids([...errs.values()].flat())}
        />
      </span>`;
    }
    if (valueShapeOf(operator) === 'list') {
      this.list ??= new ListValues(this, {
        value: () => this.current?.value,
        target: () => {
          const cur = this.current;
          const def = this.listAttribute();
          return cur && def ? { entity: cur.entity, attribute: cur.attribute, def } : undefined;
        },
        provider: () => this.effectiveProvider,
        setValue: (v) => this.setValue(v),
      });
      return this.list.render(attr, [...errs.values()].flat());
    }
    return valueEditor(operator, {
      type: attr.type,
      attribute: attr,
      value: c.value,
      errors: errs,
      typed: (this.typed ??= new Map()),
      allOptions: this.optionsReady,
      onValue: (v) => this.onValue(v),
    });
  }

  private listAttribute(): AttributeDef | undefined {
    const c = this.current;
    const catalog = this.effectiveCatalog;
    return c && catalog ? indexCatalog(catalog).attribute(c.entity, c.attribute) : undefined;
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

  /** A value editor's new value (only while the attribute is known). */
  private onValue(value: ConditionValue): void {
    if (this.listAttribute()) this.setValue(value);
  }

  private chooseAttribute(option: AttributeOption): void {
    const c = this.current;
    const catalog = this.effectiveCatalog;
    if (!c || !catalog) return;
    if (option.entity === c.entity && option.attribute === c.attribute) return;
    let next: ConditionNode;
    try {
      next = conditionWithAttribute(c, catalog, option.entity, option.attribute);
    } catch {
      return;
    }
    this.commit(next, { kind: 'attribute', entity: option.entity, attribute: option.attribute });
  }

  private onOperatorChange(e: Event): void {
    const c = this.current;
    const op = (e.target as HTMLSelectElement).value;
    if (!c || op === c.operator) return;
    this.commit(conditionWithOperator(c, op as Operator), { kind: 'operator', operator: op });
  }
}

function sameCondition(a: ConditionNode, b: ConditionNode): boolean {
  return a.entity === b.entity && a.attribute === b.attribute && a.operator === b.operator && sameValue(a.value, b.value);
}
