import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import type { AttributeType, ConditionValue } from '../../src/core/model/types.js';
import { baseStyles } from '../../src/elements/shared/styles.js';
import { addToList, valueEditor, type ValueErrors, type ValueKey } from '../../src/elements/shared/value-editors/index.js';

/**
 * A host like the builder's aggregate editor: its own ids, a result type of 'number' or
 * 'date', comparison and relative operators, no attribute.
 */
class EditorHost extends LitElement {
  static override styles = baseStyles;
  static override properties = { type: {}, operator: {}, value: { attribute: false }, errors: { attribute: false } };
  type: AttributeType = 'number';
  operator = 'greaterThan';
  value: unknown = undefined;
  errors: ValueErrors | undefined;
  emitted: ConditionValue[] = [];
  typed = new Map<ValueKey, string>();
  override render() {
    return html`<div role="group" aria-label="Aggregate">
        ${valueEditor(this.operator, {
          type: this.type,
          value: this.value,
          id: 'agg-n1',
          errors: this.errors,
          typed: this.typed,
          onValue: (v) => {
            this.emitted.push(v);
            this.value = v;
          },
        })}
      </div>
      ${
        this.errors
          ? html`<p id="e1">Low must be a number.</p>
              <p id="e2">Pick a unit.</p>`
          : nothing
      }`;
  }
}
customElements.define('test-value-editor-host', EditorHost);

async function mount(type: AttributeType, operator: string, value?: unknown, errors?: ValueErrors) {
  return fixture<EditorHost>(
    html`<test-value-editor-host .type=${type} .operator=${operator} .value=${value} .errors=${errors}></test-value-editor-host>`,
  );
}
const $ = <E extends Element = HTMLInputElement>(el: EditorHost, s: string) => el.shadowRoot!.querySelector<E>(s)!;
const label = (el: EditorHost, id: string) => el.shadowRoot!.querySelector(`label[for="${id}"]`)?.textContent?.trim();

describe('value editors (shared by the row and the builder)', () => {
  it('a number with its own id and label; typing emits numbers and keeps "1.50" as typed', async () => {
    const el = await mount('number', 'greaterThan');
    const input = $(el, '#agg-n1');
    expect([input.type, input.getAttribute('part'), label(el, 'agg-n1')]).to.deep.equal(['number', 'value-input', 'Value']);
    input.focus();
    await sendKeys({ type: '1.50' });
    expect(el.emitted).to.deep.equal([1, 1, 1.5, 1.5]);
    await el.updateComplete;
    expect(input.value).to.equal('1.50');
    await expect(el).to.be.accessible();
  });

  it('a date: a date-only input of the UTC day, emitting YYYY-MM-DD', async () => {
    const el = await mount('date', 'before', '2026-03-01T01:00:00+02:00');
    const input = $(el, '#agg-n1');
    expect([input.type, input.value]).to.deep.equal(['date', '2026-02-28']);
    input.value = '2026-04-02';
    input.dispatchEvent(new Event('input'));
    expect(el.emitted).to.deep.equal(['2026-04-02']);
  });

  it('between: two labelled inputs, each editing its side; errors by side', async () => {
    const errors: ValueErrors = new Map([['/0', ['e1']]]);
    const el = await mount('number', 'notBetween', [10, 20], errors);
    expect([label(el, 'agg-n1-low'), label(el, 'agg-n1-high')]).to.deep.equal(['From', 'To']);
    expect($(el, '#agg-n1-low').getAttribute('aria-describedby')).to.equal('e1');
    expect($(el, '#agg-n1-high').hasAttribute('aria-invalid')).to.equal(false);
    $(el, '#agg-n1-high').focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    expect(el.emitted.at(-1)).to.deep.equal([10, null]);
    await sendKeys({ type: '5' });
    expect(el.emitted.at(-1)).to.deep.equal([10, 5]);
    await expect(el).to.be.accessible();
  });

  it('relative: amount and unit make {amount, unit}; the unit select is keyboard operable', async () => {
    const errors: ValueErrors = new Map([['/unit', ['e2']]]);
    const el = await mount('date', 'inLast', { amount: 30, unit: 'day' }, errors);
    expect([label(el, 'agg-n1-amount'), label(el, 'agg-n1-unit')]).to.deep.equal(['Amount', 'Unit']);
    expect($(el, '#agg-n1-unit').getAttribute('aria-invalid')).to.equal('true');
    $(el, '#agg-n1-amount').focus();
    await sendKeys({ press: 'Backspace' });
    expect(el.emitted.at(-1)).to.deep.equal({ amount: 3, unit: 'day' });
    $<HTMLSelectElement>(el, '#agg-n1-unit').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.emitted.at(-1)).to.deep.equal({ amount: 3, unit: 'week' });
    await expect(el).to.be.accessible();
  });

  it('no editor for operators without a value', async () => {
    const el = await mount('number', 'isEmpty');
    expect(el.shadowRoot!.querySelector('[part~="value"]')).to.equal(null);
  });

  it('addToList parses typed numbers, stops at text that is not one, and skips duplicates', () => {
    expect(
      addToList([1], 'number', [
        { value: ' 2 ', typed: true },
        { value: '1', typed: true },
      ]),
    ).to.deep.equal({
      values: [1, 2],
      changed: true,
    });
    const bad = addToList([1], 'number', [
      { value: '3', typed: true },
      { value: 'ten', typed: true },
    ]);
    expect(bad.values).to.deep.equal([1, 3]);
    expect(bad.note).to.equal('"ten" is not a number.');
    expect(addToList(['Paris'], 'string', [{ value: 'paris', typed: true }]).changed).to.equal(false);
  });
});
