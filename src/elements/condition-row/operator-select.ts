/**
 * The row's operator select: the operators of the attribute's type, labelled from the
 * message table; an operator the type does not have is kept as an extra option, marked
 * invalid. Until the user comes near the row (`allOptions` false) only the chosen option
 * is rendered: native selects cost about 30 µs per option.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { operatorsFor } from '../../core/model/operators.js';
import type { AttributeDef } from '../../core/model/types.js';
import { operatorLabel, term } from '../shared/messages.js';

export interface OperatorSelect {
  attr: AttributeDef | undefined;
  operator: string;
  errorIds: string[];
  allOptions: boolean;
  /** Called with the host as `this` (Lit binds listeners to the host). */
  onChange: (e: Event) => void;
}

export function operatorSelect(o: OperatorSelect): TemplateResult {
  const { attr, operator, errorIds } = o;
  const ops: string[] = attr ? operatorsFor(attr.type) : [];
  const extra = operator !== '' && !ops.includes(operator);
  // Keyed options: an option element keeps its value, so the selection survives a change of the list.
  const options = operator === '' ? ['', ...ops] : extra ? [...ops, operator] : ops;
  const shown = o.allOptions ? options : options.filter((x) => x === operator);
  return html`<label class="visually-hidden" for="operator">${term('operator.label')}</label>
    <select
      id="operator"
      part="operator"
      .value=${live(operator)}
      ?disabled=${!attr}
      aria-invalid=${errorIds.length > 0 || (extra && !!attr) ? 'true' : nothing}
      aria-describedby=${errorIds.length > 0 ? errorIds.join(' ') : nothing}
      @change=${o.onChange}
    >
      ${repeat(
        shown,
        (op) => op,
        (op) =>
          op === ''
            ? html`<option value="" disabled ?selected=${operator === ''}>${term('operator.choose')}</option>`
            : html`<option value=${op} ?selected=${op === operator}>${operatorLabel(op)}</option>`,
      )}
    </select>`;
}
