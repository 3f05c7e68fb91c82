/**
 * The value editors, as Lit template functions: text, number and date inputs, an
 * enumeration's select, between (two inputs) and relative dates (`{amount, unit}`); the
 * list editor (chips) is in `list.ts`. `<condition-row>` and the builder's aggregate
 * editor render them. Each takes the type (an attribute's, or an aggregate's result
 * type), the current value, the ids of the errors that describe it, and `onValue`, which
 * gets the whole new value (a pair or `{amount, unit}` is merged here). Labels come from
 * the message table (`term`) unless given; every control has a `<label for>` in the same
 * shadow root and `part="value-input"`.
 *
 * Ids: the first control is `id` (default `value`); the others are `${id}-low`,
 * `${id}-high`, `${id}-amount` and `${id}-unit` — with the default, `value-low` … as
 * `<condition-row>` has always had. Give each editor in one shadow root its own `id`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { RELATIVE_UNITS, valueShapeOf } from '../../../core/model/operators.js';
import type { AttributeDef, AttributeType, ConditionValue, RelativeValue, ScalarValue } from '../../../core/model/types.js';
import { term } from '../messages.js';
import { controlText, fitsType, isRelative, isUnit, parseText, rawText, sameValue, unitLabel, valueLabel } from './values.js';

/** Which control of an editor: the single value, a pair's sides, a relative date's parts. */
export type ValueKey = 'value' | 'low' | 'high' | 'amount' | 'unit';

/** Error ids by the part of the error's path after `/value`: '' (the whole value), '/0', '/1', '/amount', '/unit'. */
export type ValueErrors = ReadonlyMap<string, readonly string[]>;

export interface ValueEditorOptions {
  /** The attribute's type, or an aggregate's result type ('number' | 'date'). */
  type: AttributeType;
  /** The current value (any shape: a value of the wrong type is shown as text, marked invalid). */
  value: unknown;
  /** The attribute, for an enumeration's values and their labels. */
  attribute?: AttributeDef | undefined;
  /** Id of the first control (default 'value'); see the module's note. */
  id?: string;
  errors?: ValueErrors | undefined;
  /**
   * What the user typed, by control, kept while it still means the value ("1.50" is not
   * rewritten to "1.5" while typing). The host owns it and clears it when the attribute
   * or operator changes; without it the value's own text is shown.
   */
  typed?: Map<ValueKey, string> | undefined;
  /**
   * Render every option of the selects (default true). False renders only the chosen
   * one: native selects cost about 30 µs per option, so a row far from the user waits.
   */
  allOptions?: boolean;
  /** Accessible names (defaults: "Value", "From", "To", "Amount", "Unit" from the message table). */
  labels?: Partial<Record<ValueKey, string>>;
  /** The new value (undefined: no value). */
  onValue: (value: ConditionValue) => void;
}

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(' ') : nothing);

function errorsAt(o: ValueEditorOptions, ...subs: string[]): string[] {
  const map = o.errors;
  if (!map || map.size === 0) return [];
  return subs.flatMap((s) => map.get(s) ?? []);
}

function allErrors(o: ValueEditorOptions): string[] {
  return o.errors ? [...o.errors.values()].flat() : [];
}

function controlId(o: ValueEditorOptions, key: ValueKey): string {
  const base = o.id ?? 'value';
  return key === 'value' ? base : `${base}-${key}`;
}

function labelOf(o: ValueEditorOptions, key: ValueKey): string {
  return o.labels?.[key] ?? term(`value.${key === 'value' ? 'label' : key}`);
}

/** A select's options: all of them, or only the chosen one until the user comes near. */
function only<T extends string>(o: ValueEditorOptions, options: readonly T[], chosen: string): readonly T[] {
  return o.allOptions === false ? options.filter((x) => x === chosen) : options;
}

/** The text an input shows: what the user typed while it still means the value, else the value. */
function shownText(o: ValueEditorOptions, key: ValueKey, type: AttributeType, v: unknown, fits: boolean): string {
  const typed = o.typed?.get(key);
  if (typed !== undefined && sameValue(parseText(type, typed), v)) return typed;
  return fits ? controlText(type, v) : rawText(v);
}

/** `value` with one side of a pair set (a lone value becomes the low side); both sides empty is no value. */
export function withPairSide(value: unknown, side: 'low' | 'high', v: ScalarValue | undefined): ConditionValue {
  const pair: unknown[] = Array.isArray(value) ? value.slice(0, 2) : [value ?? null, null];
  pair[side === 'low' ? 0 : 1] = v ?? null;
  const lo = pair[0] ?? null;
  const hi = pair[1] ?? null;
  return lo === null && hi === null ? undefined : ([lo, hi] as ScalarValue[]);
}

/** `value` as a relative date with its amount set (undefined: no amount). */
export function withAmount(value: unknown, amount: ScalarValue | undefined): RelativeValue {
  const rel: Record<string, unknown> = isRelative(value) ? { ...value } : { unit: 'day' };
  if (amount === undefined) delete rel.amount;
  else rel.amount = amount;
  return rel as unknown as RelativeValue;
}

/** `value` as a relative date with its unit set (a lone number becomes the amount). */
export function withUnit(value: unknown, unit: string): RelativeValue {
  const rel: Record<string, unknown> = isRelative(value) ? { ...value } : typeof value === 'number' ? { amount: value } : {};
  rel.unit = unit;
  return rel as unknown as RelativeValue;
}

/**
 * A text, number or date input for one value (`key` says which: the value or a pair's
 * side). A number input takes `step="any"`; a date input shows the UTC calendar day and
 * gives `YYYY-MM-DD`. A value that does not fit the type is shown as text, marked invalid,
 * and can be typed over.
 */
export function scalarInput(
  o: ValueEditorOptions,
  key: ValueKey,
  v: unknown,
  errorIds: readonly string[],
  onText: (text: string) => void,
): TemplateResult {
  const type = o.type;
  const fits = fitsType(type, v);
  const kind = !fits ? 'text' : type === 'number' ? 'number' : type === 'date' ? 'date' : 'text';
  const id = controlId(o, key);
  return html`<label class="visually-hidden" for=${id}>${labelOf(o, key)}</label>
    <input
      id=${id}
      part="value-input"
      class=${kind}
      type=${kind}
      step=${kind === 'number' ? 'any' : nothing}
      inputmode=${!fits && type === 'number' ? 'decimal' : nothing}
      autocomplete="off"
      data-key=${key}
      .value=${live(shownText(o, key, type, v, fits))}
      aria-invalid=${errorIds.length > 0 || !fits ? 'true' : nothing}
      aria-describedby=${ids(errorIds)}
      @input=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        o.typed?.set(key, text);
        onText(text);
      }}
    />`;
}

/** One value: the enumeration's select when the attribute has values, else an input. */
export function singleEditor(o: ValueEditorOptions): TemplateResult {
  const all = allErrors(o);
  return o.attribute?.values && o.attribute.values.length > 0
    ? enumSelect(o, all)
    : scalarInput(o, 'value', o.value, all, (text) => o.onValue(parseText(o.type, text)));
}

/** An enumeration's select, by label; a value not in the list is shown as "x (not in the list)", marked invalid. */
export function enumSelect(o: ValueEditorOptions, errorIds: readonly string[] = allErrors(o)): TemplateResult {
  const values = o.attribute?.values ?? [];
  const v = o.value;
  const empty = v === undefined || v === null || v === '';
  let selected = values.findIndex((x) => x && x.value === v);
  if (selected < 0 && typeof v === 'string')
    selected = values.findIndex((x) => x && typeof x.value === 'string' && x.value.toLowerCase() === v.toLowerCase());
  const value = empty ? '' : selected >= 0 ? String(selected) : 'raw';
  const id = controlId(o, 'value');
  return html`<label class="visually-hidden" for=${id}>${labelOf(o, 'value')}</label>
    <select
      id=${id}
      part="value-input"
      .value=${live(value)}
      aria-invalid=${errorIds.length > 0 || value === 'raw' ? 'true' : nothing}
      aria-describedby=${ids(errorIds)}
      @change=${(e: Event) => {
        const picked = (e.target as HTMLSelectElement).value;
        if (picked === 'raw') return;
        const option = picked === '' ? undefined : values[Number(picked)];
        o.onValue(option ? option.value : undefined);
      }}
    >
      ${repeat(
        only(o, [...(empty ? [''] : []), ...values.map((_, i) => String(i)), ...(value === 'raw' ? ['raw'] : [])], value),
        (key) => key,
        (key) =>
          html`<option value=${key} ?selected=${key === value}>
            ${
              key === ''
                ? term('value.choose')
                : key === 'raw'
                  ? term('value.notInList', { value: rawText(v) })
                  : valueLabel(o.attribute, values[Number(key)]?.value)
            }
          </option>`,
      )}
    </select>`;
}

/** Between / not between: a From and a To input, each editing its side of `[low, high]`. */
export function betweenEditor(o: ValueEditorOptions): TemplateResult {
  const pair: unknown[] = Array.isArray(o.value) ? o.value : [o.value, undefined];
  const side = (s: 'low' | 'high') => (text: string) => o.onValue(withPairSide(o.value, s, parseText(o.type, text)));
  return html`${scalarInput(o, 'low', pair[0], errorsAt(o, '', '/0'), side('low'))}
    <span class="dash" aria-hidden="true">–</span>
    ${scalarInput(o, 'high', pair[1], errorsAt(o, '', '/1'), side('high'))}`;
}

const AMOUNT: ValueEditorOptions['type'] = 'number';

/** A relative date (in the last / in the next …): an amount and a unit select. */
export function relativeEditor(o: ValueEditorOptions): TemplateResult {
  const v = o.value;
  const rel = isRelative(v) ? v : undefined;
  const amount = rel ? rel.amount : v;
  const unit = rel && typeof rel.unit === 'string' ? rel.unit : 'day';
  const known = isUnit(unit);
  const fits = fitsType(AMOUNT, amount);
  const amountErrors = errorsAt(o, '', '/amount');
  const unitErrors = errorsAt(o, '/unit');
  const amountId = controlId(o, 'amount');
  const unitId = controlId(o, 'unit');
  return html`<label class="visually-hidden" for=${amountId}>${labelOf(o, 'amount')}</label>
    <input
      id=${amountId}
      part="value-input"
      class="amount"
      type=${fits ? 'number' : 'text'}
      min="0"
      step="1"
      data-key="amount"
      .value=${live(shownText(o, 'amount', AMOUNT, amount, fits))}
      aria-invalid=${amountErrors.length > 0 || !fits ? 'true' : nothing}
      aria-describedby=${ids(amountErrors)}
      @input=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        o.typed?.set('amount', text);
        o.onValue(withAmount(o.value, parseText(AMOUNT, text)));
      }}
    />
    <label class="visually-hidden" for=${unitId}>${labelOf(o, 'unit')}</label>
    <select
      id=${unitId}
      part="value-input"
      .value=${live(unit)}
      aria-invalid=${unitErrors.length > 0 || !known ? 'true' : nothing}
      aria-describedby=${ids(unitErrors)}
      @change=${(e: Event) => o.onValue(withUnit(o.value, (e.target as HTMLSelectElement).value))}
    >
      ${repeat(
        only(o, known ? RELATIVE_UNITS : [...RELATIVE_UNITS, unit], unit),
        (u) => u,
        (u) => html`<option value=${u} ?selected=${u === unit}>${unitLabel(u)}</option>`,
      )}
    </select>`;
}

/**
 * The editor for `operator`'s value shape, in a `<span part="value">`: nothing for the
 * operators without a value, one value, between, or a relative date. The list shape
 * (is one of) needs state and suggestions: render `listEditor` from `list.ts` instead
 * (this returns `nothing` for it).
 */
export function valueEditor(operator: string, o: ValueEditorOptions): TemplateResult | typeof nothing {
  switch (valueShapeOf(operator)) {
    case 'scalar':
      return html`<span class="value" part="value">${singleEditor(o)}</span>`;
    case 'pair':
      return html`<span class="value pair" part="value">${betweenEditor(o)}</span>`;
    case 'relative':
      return html`<span class="value relative" part="value">${relativeEditor(o)}</span>`;
    default:
      return nothing;
  }
}
