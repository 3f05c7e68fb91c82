import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import { ListboxController } from '../../../src/elements/shared/controllers/listbox.js';

const FRUIT = [
  'Apple',
  'Apricot',
  'Banana',
  'Blueberry',
  'Cherry',
  'Date',
  'Elderberry',
  'Fig',
  'Grape',
  'Guava',
  'Kiwi',
  'Lemon',
  'Lime',
  'Mango',
];

/** A combobox (focus stays in the input) and a focused listbox over the same options. */
class ListHost extends LitElement {
  static override properties = { mode: {}, disabledIndex: { type: Number } };
  mode: 'combobox' | 'listbox' = 'combobox';
  disabledIndex = -1;
  chosen: string[] = [];
  readonly list = new ListboxController(this, {
    count: () => FRUIT.length,
    id: (i) => `opt-${i}`,
    label: (i) => FRUIT[i]!,
    disabled: (i) => i === this.disabledIndex,
    get mode() {
      return host().mode;
    },
    onSelect: (i) => this.chosen.push(FRUIT[i]!),
    root: () => this.renderRoot,
  });

  override render() {
    const options = html`<div
      id="list"
      role="listbox"
      aria-label="Fruit"
      tabindex=${this.mode === 'listbox' ? '0' : '-1'}
      aria-activedescendant=${this.mode === 'listbox' ? (this.list.activeId ?? nothing) : nothing}
      @keydown=${this.mode === 'listbox' ? (e: KeyboardEvent) => this.list.handleKeydown(e) : nothing}
    >
      ${FRUIT.map(
        (f, i) =>
          html`<div
            role="option"
            id=${`opt-${i}`}
            aria-selected=${i === this.list.active ? 'true' : 'false'}
            aria-disabled=${i === this.disabledIndex ? 'true' : nothing}
          >
            ${f}
          </div>`,
      )}
    </div>`;
    return this.mode === 'combobox'
      ? html`<input
            role="combobox"
            aria-label="Fruit"
            aria-expanded="true"
            aria-controls="list"
            aria-activedescendant=${this.list.activeId ?? nothing}
            @keydown=${(e: KeyboardEvent) => this.list.handleKeydown(e)}
          />${options}`
      : options;
  }
}
let current: ListHost | undefined;
const host = () => current!;
customElements.define('test-listbox-host', ListHost);

async function mount(mode: 'combobox' | 'listbox') {
  current = await fixture<ListHost>(html`<test-listbox-host .mode=${mode}></test-listbox-host>`);
  const focusable = current.shadowRoot!.querySelector<HTMLElement>(mode === 'combobox' ? 'input' : '#list')!;
  focusable.focus();
  return { el: current, focusable };
}

async function press(el: ListHost, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

const activeText = (el: ListHost, owner: HTMLElement) =>
  el.shadowRoot!.getElementById(owner.getAttribute('aria-activedescendant') ?? '')?.textContent?.trim() ?? '';

describe('ListboxController', () => {
  it('combobox: arrows, Home/End once an option is active, PageUp/PageDown, Enter; focus stays in the input', async () => {
    const { el, focusable } = await mount('combobox');
    expect(focusable.hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'ArrowDown');
    expect(activeText(el, focusable)).to.equal('Apple');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(activeText(el, focusable)).to.equal('Banana');
    await press(el, 'ArrowUp');
    expect(activeText(el, focusable)).to.equal('Apricot');
    await press(el, 'End');
    expect(activeText(el, focusable)).to.equal('Mango');
    await press(el, 'ArrowDown'); // no wrap by default
    expect(activeText(el, focusable)).to.equal('Mango');
    await press(el, 'Home');
    expect(activeText(el, focusable)).to.equal('Apple');
    await press(el, 'PageDown');
    expect(activeText(el, focusable)).to.equal('Kiwi');
    await press(el, 'PageDown');
    expect(activeText(el, focusable)).to.equal('Mango');
    await press(el, 'PageUp');
    expect(activeText(el, focusable)).to.equal('Blueberry');
    await press(el, 'Enter');
    expect(el.chosen).to.deep.equal(['Blueberry']);
    expect(el.shadowRoot!.activeElement).to.equal(focusable);
    // letters are the input's, not type-ahead
    await sendKeys({ type: 'gu' });
    expect((focusable as HTMLInputElement).value).to.equal('gu');
    expect(activeText(el, focusable)).to.equal('Blueberry');
    await expect(el).to.be.accessible();
  });

  it('combobox: Home/End move the caret while no option is active', async () => {
    const { el, focusable } = await mount('combobox');
    await sendKeys({ type: 'abc' });
    await press(el, 'Home');
    expect((focusable as HTMLInputElement).selectionStart).to.equal(0);
    expect(el.list.active).to.equal(-1);
  });

  it('listbox: type-ahead finds by prefix, a repeated letter cycles, Space selects', async () => {
    const { el, focusable } = await mount('listbox');
    await sendKeys({ type: 'g' });
    await el.updateComplete;
    expect(activeText(el, focusable)).to.equal('Grape');
    await sendKeys({ type: 'u' });
    await el.updateComplete;
    expect(activeText(el, focusable)).to.equal('Guava');
    await new Promise((r) => setTimeout(r, 600)); // the typed text expires
    await sendKeys({ type: 'b' });
    await el.updateComplete;
    expect(activeText(el, focusable)).to.equal('Banana');
    await sendKeys({ type: 'b' });
    await el.updateComplete;
    expect(activeText(el, focusable)).to.equal('Blueberry');
    await new Promise((r) => setTimeout(r, 600));
    await press(el, 'Space');
    expect(el.chosen).to.deep.equal(['Blueberry']);
    await expect(el).to.be.accessible();
  });

  it('skips disabled options and scrolls the active one into view', async () => {
    const { el, focusable } = await mount('listbox');
    el.disabledIndex = 1;
    el.style.display = 'block';
    const list = el.shadowRoot!.querySelector<HTMLElement>('#list')!;
    list.style.cssText = 'height: 40px; overflow: auto;';
    await el.updateComplete;
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(activeText(el, focusable)).to.equal('Banana');
    await press(el, 'End');
    const last = el.shadowRoot!.getElementById('opt-13')!.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    expect(last.bottom).to.be.at.most(box.bottom + 1);
    expect(list.scrollTop).to.be.greaterThan(0);
  });
});
