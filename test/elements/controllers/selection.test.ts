import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SelectionController } from '../../../src/elements/shared/controllers/selection.js';

class SelectionHost extends LitElement {
  static override properties = { rows: { attribute: false } };
  rows = ['a', 'b', 'c', 'd', 'e', 'f'];
  readonly selection = new SelectionController<string>(this, { keys: () => this.rows });
  override render() {
    const s = this.selection;
    return html`<label
        ><input
          id="all"
          type="checkbox"
          .checked=${s.allSelected}
          .indeterminate=${s.someSelected}
          @click=${() => s.toggleAll()}
        />All</label
      >
      <ul>
        ${repeat(
          this.rows,
          (k) => k,
          (k) =>
            html`<li>
              <label
                ><input type="checkbox" data-k=${k} .checked=${s.has(k)} @click=${(e: MouseEvent) => s.handleClick(k, e)} />Row ${k}</label
              >
            </li>`,
        )}
      </ul>`;
  }
}
customElements.define('test-selection-host', SelectionHost);

const box = (el: SelectionHost, k: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[data-k="${k}"]`)!;
const checked = (el: SelectionHost) => el.rows.filter((k) => box(el, k).checked);

async function click(el: SelectionHost, k: string, shift = false) {
  const r = box(el, k).getBoundingClientRect();
  if (shift) await sendKeys({ down: 'Shift' });
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  if (shift) await sendKeys({ up: 'Shift' });
  await el.updateComplete;
}

describe('SelectionController', () => {
  it('click toggles; shift-click sets the range from the anchor to its state', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    await click(el, 'b');
    expect(checked(el)).to.deep.equal(['b']);
    await click(el, 'e', true);
    expect(checked(el)).to.deep.equal(['b', 'c', 'd', 'e']);
    const all = el.shadowRoot!.querySelector<HTMLInputElement>('#all')!;
    expect(all.indeterminate).to.equal(true);
    await click(el, 'd'); // unchecks d, the new anchor
    await click(el, 'b', true); // b..d take d's state: off
    expect(checked(el)).to.deep.equal(['e']);
    await expect(el).to.be.accessible();
  });

  it('select all / none, by the header checkbox and by keyboard', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const all = el.shadowRoot!.querySelector<HTMLInputElement>('#all')!;
    all.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(el.rows);
    expect(all.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(el)).to.deep.equal([]);
    expect(el.selection.size).to.equal(0);
  });

  it('keeps the selection by key when rows are sorted, and retain drops rows that are gone', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    await click(el, 'a');
    await click(el, 'c', true);
    el.rows = ['f', 'e', 'd', 'c', 'b', 'a'];
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['c', 'b', 'a']);
    await click(el, 'e', true); // range over the new order: c..e, from the anchor c (on)
    expect(checked(el)).to.deep.equal(['e', 'd', 'c', 'b', 'a']);
    el.rows = ['a', 'b', 'f'];
    el.selection.retain((k) => el.rows.includes(k));
    await el.updateComplete;
    expect([...el.selection.selected].sort()).to.deep.equal(['a', 'b']);
  });
});
