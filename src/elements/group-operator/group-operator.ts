import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { COMBINATORS, SET_OPERATORS } from '../../core/model/operators.js';
import { emit, type GroupOperatorKind, type GroupOperatorValue } from '../shared/events.js';

export type { GroupNotChangeDetail, GroupOperatorChangeDetail, GroupOperatorKind, GroupOperatorValue } from '../shared/events.js';
import { combinators } from '../../core/messages/en/combinators.js';
import { LocaleController } from '../shared/controllers/locale.js';
import { term, withTranslator, type MessageKey } from '../shared/messages.js';
import { addEnglish } from '../../core/messages/translator.js';
import { baseStyles } from '../shared/styles.js';
import { groupOperatorStyles } from './group-operator.styles.js';

addEnglish(combinators);

/** Which operator the element chooses: AND/OR inside a group, or a set operator between rules. */

interface Option {
  value: GroupOperatorValue;
  label: string;
  hint?: string;
}

function optionsFor(kind: GroupOperatorKind): Option[] {
  if (kind === 'set') {
    return SET_OPERATORS.map((value) => ({
      value,
      label: term(`set.${value}`),
      hint: term(`set.${value}.hint` as MessageKey),
    }));
  }
  return COMBINATORS.map((value) => ({ value, label: term(`combinator.${value}`) }));
}

/**
 * The operator between siblings: AND / OR inside a condition group (with an optional NOT
 * toggle), or union / intersect / except between rules. A segmented control following the
 * APG radio group pattern: one tab stop (the checked option), arrow keys move and select
 * (mirrored right-to-left), Home/End, Space/Enter, click.
 *
 * Events fire only for the user's choices, never when a property is set. They are
 * cancelable: `preventDefault()` keeps the previous value (a controlled element).
 *
 * @tagname group-operator
 * @summary AND/OR or union/intersect/except switch, keyboard operable and right-to-left aware.
 * @event {CustomEvent<GroupOperatorChangeDetail>} group-operator-change - The user chose another operator (`detail: { kind, value }`). Cancelable: `preventDefault()` reverts.
 * @event {CustomEvent<GroupNotChangeDetail>} group-not-change - The user toggled NOT (`detail: { not }`). Cancelable: `preventDefault()` reverts.
 * @csspart group - The radio group holding the options (a plain text group when read-only).
 * @csspart option - Each option (AND, OR, Union …); the read-only text too.
 * @csspart option-checked - The checked option, in addition to `option`.
 * @csspart not - The NOT toggle button (or the static NOT tag when it cannot be changed).
 * @cssproperty --sk-group-operator-gap - Space between the NOT toggle and the options. Default `0.35rem`.
 * @cssproperty --sk-group-operator-font-size - Text size. Default `0.8125rem`.
 * @cssproperty --sk-group-operator-radius - Corner radius of the pill and its options. Default `999px`.
 * @cssproperty --sk-group-operator-background - Track behind the options. Default `--sk-color-surface-sunken`.
 * @cssproperty --sk-group-operator-border-color - Border of the track. Default `--sk-color-border`.
 * @cssproperty --sk-group-operator-color - Text of an unchecked option. Default `--sk-color-text-muted`.
 * @cssproperty --sk-group-operator-hover-background - An unchecked option under the pointer. Default `--sk-color-surface-raised`.
 * @cssproperty --sk-group-operator-checked-background - The checked option. Default `--sk-color-accent`.
 * @cssproperty --sk-group-operator-checked-color - Text of the checked option. Default `--sk-color-accent-text`.
 * @cssproperty --sk-group-operator-readonly-background - The read-only choice. Default `--sk-color-accent-soft`.
 * @cssproperty --sk-group-operator-readonly-color - Text of the read-only choice. Default `--sk-color-text`.
 * @cssproperty --sk-group-operator-not-background - NOT when on. Default `--sk-color-danger-soft`.
 * @cssproperty --sk-group-operator-not-color - Text and border of NOT when on. Default `--sk-color-danger`.
 */
export class GroupOperatorElement extends LitElement {
  static override styles = [baseStyles, groupOperatorStyles];

  /** The language of the nearest `lang`, followed live (as in every element of the kit). */
  private readonly locale = new LocaleController(this);

  protected override performUpdate(): void {
    withTranslator(this.locale.translator, () => super.performUpdate());
  }

  /** `combinator` (AND/OR) or `set` (union/intersect/except). */
  @property({ reflect: true }) kind: GroupOperatorKind = 'combinator';

  /**
   * The chosen operator: `and` | `or` for a combinator, `union` | `intersect` | `except` for a
   * set operator. Empty: the first option. Anything else shows no option checked (the group
   * gets `aria-invalid="true"`) and the first option takes the tab stop.
   */
  @property({ reflect: true }) value = '';

  /** Negate the group (combinator only). */
  @property({ type: Boolean, reflect: true }) not = false;

  /** Show a NOT toggle button (combinator only). */
  @property({ type: Boolean, reflect: true, attribute: 'allow-not' }) allowNot = false;

  /** Show the current choice as text, not operable. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Accessible name of the group. Default: "Match" (combinator) or "Combine with the rules before" (set). */
  @property() label = '';

  private warned = new Set<string>();
  private focusAfterUpdate = false;

  /** The kind in effect (an unknown `kind` counts as `combinator`). */
  private get effectiveKind(): GroupOperatorKind {
    return this.kind === 'set' ? 'set' : 'combinator';
  }

  private get options(): Option[] {
    return optionsFor(this.effectiveKind);
  }

  private get effectiveLabel(): string {
    return this.label || term(this.effectiveKind === 'set' ? 'set.label' : 'combinator.label');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind') && this.kind !== 'combinator' && this.kind !== 'set') {
      this.warnOnce(
        `kind:${String(this.kind)}`,
        `segment-kit: <group-operator> kind "${String(this.kind)}" is unknown; using "combinator".`,
      );
    }
    const raw = this.value as string | null | undefined;
    if (raw === undefined || raw === null || raw === '') {
      this.value = this.options[0]!.value;
    } else if (!this.options.some((o) => o.value === this.value)) {
      const v = String(this.value);
      this.warnOnce(
        `${this.effectiveKind}:${v}`,
        `segment-kit: <group-operator kind="${this.effectiveKind}"> value "${v}" is not one of ${this.options.map((o) => o.value).join(', ')}.`,
      );
    }
  }

  override updated(): void {
    if (this.focusAfterUpdate) {
      this.focusAfterUpdate = false;
      this.renderRoot.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
    }
  }

  /** Focus the checked option (or the first one when none is checked). */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[role="radio"][tabindex="0"], button[part~="not"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }

  /** The user chose `next`: update, tell listeners, and revert if one of them said no. */
  private choose(next: GroupOperatorValue): void {
    if (this.readonly || next === this.value) return;
    const previous = this.value;
    this.value = next;
    const accepted = emit(this, 'group-operator-change', { kind: this.effectiveKind, value: next });
    if (!accepted && this.value === next) this.value = previous;
  }

  /** Choose, then (after rendering) focus the checked option: the new one, or the old one when refused. */
  private chooseAndFocus(next: GroupOperatorValue): void {
    this.choose(next);
    this.focusAfterUpdate = true;
    this.requestUpdate();
  }

  private toggleNot(): void {
    if (this.readonly) return;
    const next = !this.not;
    this.not = next;
    const accepted = emit(this, 'group-not-change', { not: next });
    if (!accepted && this.not === next) this.not = !next;
  }

  private optionIndexOf(target: EventTarget | null): number {
    const radio = target instanceof Element ? target.closest<HTMLElement>('[role="radio"]') : null;
    return radio ? Number(radio.dataset.index) : -1;
  }

  private isRtl(): boolean {
    if (getComputedStyle(this).direction === 'rtl') return true;
    return this.closest('[dir]')?.getAttribute('dir')?.toLowerCase() === 'rtl';
  }

  private onClick(event: MouseEvent): void {
    const index = this.optionIndexOf(event.target);
    const option = this.options[index];
    if (!option) return;
    this.chooseAndFocus(option.value);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const options = this.options;
    const index = this.optionIndexOf(event.target);
    if (index < 0) return;
    const last = options.length - 1;
    const rtl = this.isRtl();
    let target: number;
    switch (event.key) {
      case 'ArrowDown':
        target = index === last ? 0 : index + 1;
        break;
      case 'ArrowUp':
        target = index === 0 ? last : index - 1;
        break;
      case 'ArrowRight':
        target = rtl ? (index === 0 ? last : index - 1) : index === last ? 0 : index + 1;
        break;
      case 'ArrowLeft':
        target = rtl ? (index === last ? 0 : index + 1) : index === 0 ? last : index - 1;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = last;
        break;
      case ' ':
      case 'Enter':
        target = index;
        break;
      default:
        return;
    }
    event.preventDefault();
    const option = options[target];
    if (!option) return;
    this.chooseAndFocus(option.value);
  }

  private renderNot(): TemplateResult | typeof nothing {
    if (this.effectiveKind !== 'combinator') return nothing;
    if (this.allowNot && !this.readonly) {
      return html`<button part="not" type="button" aria-pressed=${this.not ? 'true' : 'false'} @click=${this.toggleNot}>
        ${term('combinator.not')}
      </button>`;
    }
    return this.not ? html`<span part="not">${term('combinator.not')}</span>` : nothing;
  }

  private renderReadonly(): TemplateResult {
    const option = this.options.find((o) => o.value === this.value);
    return html`<span part="group" class="readonly" role="group" aria-label=${this.effectiveLabel}>
      ${this.renderNot()}
      ${
        option
          ? html`<span part="option option-checked" title=${option.hint ?? nothing}
              >${option.label}${option.hint ? html`<span class="visually-hidden">, ${option.hint}</span>` : nothing}</span
            >`
          : html`<span part="option" class="unknown">${String(this.value)}</span>`
      }
    </span>`;
  }

  override render(): TemplateResult {
    if (this.readonly) return this.renderReadonly();
    const options = this.options;
    const checkedIndex = options.findIndex((o) => o.value === this.value);
    const focusable = checkedIndex < 0 ? 0 : checkedIndex;
    return html`${this.renderNot()}
      <div
        part="group"
        role="radiogroup"
        aria-label=${this.effectiveLabel}
        aria-invalid=${checkedIndex < 0 ? 'true' : nothing}
        @click=${this.onClick}
        @keydown=${this.onKeyDown}
      >
        ${options.map((o, i) => {
          const checked = i === checkedIndex;
          return html`<div
            part=${checked ? 'option option-checked' : 'option'}
            role="radio"
            aria-checked=${checked ? 'true' : 'false'}
            tabindex=${i === focusable ? '0' : '-1'}
            data-index=${i}
            data-value=${o.value}
            title=${o.hint ?? nothing}
          >
            ${o.label}${o.hint ? html`<span class="visually-hidden">, ${o.hint}</span>` : nothing}
          </div>`;
        })}
      </div>`;
  }
}
