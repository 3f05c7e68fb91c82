/**
 * `<member-preview>`'s table from the keyboard (APG grid): one Tab stop, the arrows between
 * cells and rows (Left/Right by the visual direction), Home/End, Ctrl+Home/End,
 * PageUp/PageDown, the sort buttons in the header, and Enter/Space on a member's row to
 * open and close its explanation — with the keys only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/member-preview/define.js';
import type { MemberPreviewElement } from '../../src/elements/member-preview/member-preview.js';
import type { SegmentDocument } from '../../src/core/index.js';
import { memoryProvider, until } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const keys = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => tr.dataset.key);

const everyone: SegmentDocument = {
  schemaVersion: 1,
  id: 'everyone',
  name: 'Everyone',
  audience: 'Customer',
  rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};
const COLUMNS = ['CustomerId', 'City', 'CreditBalance'];

async function preview(dir: 'ltr' | 'rtl' = 'ltr') {
  const wrap = await fixture<HTMLDivElement>(
    html`<div dir=${dir}>
      <button id="before">before</button>
      <member-preview .provider=${memoryProvider()} .segment=${everyone} .columns=${COLUMNS}></member-preview>
    </div>`,
  );
  const el = wrap.querySelector<MemberPreviewElement>('member-preview')!;
  await until(() => keys(el).length === 4 && $(el, 'table[aria-busy="false"]') !== null, 3000, 'rows');
  return el;
}

/** Where the focus is in the grid: [row id, column], or undefined. */
function at(el: MemberPreviewElement): [string, number] | undefined {
  const f = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!f?.dataset.gridRow) return undefined;
  return [f.dataset.gridRow, Number(f.dataset.gridCol)];
}
const press = async (el: MemberPreviewElement, key: string) => {
  await sendKeys({ press: key });
  await el.updateComplete;
};
const tabStops = (el: Element) => $$(el, 'table [tabindex="0"]');

describe('<member-preview> keyboard (grid)', () => {
  it('is one Tab stop: Tab enters the grid at the first header cell and Tab again leaves it', async () => {
    const el = await preview();
    expect($(el, 'table')!.getAttribute('role')).to.equal('grid');
    expect(tabStops(el).length).to.equal(1);
    // From the download button (the last control before the table) one Tab enters the grid.
    $(el, '[part~="download"]')!.focus();
    await press(el, 'Tab');
    expect(at(el)).to.deep.equal(['head', 0]);
    await press(el, 'Tab');
    expect(at(el), 'out of the grid').to.equal(undefined);
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('INPUT');
    await expect(el).to.be.accessible();
  });

  it('moves by cell and row: arrows, Home/End, Ctrl+Home/End, PageDown/PageUp', async () => {
    const el = await preview();
    $<HTMLElement>(el, 'th.why')!.focus();
    await press(el, 'ArrowDown');
    expect(at(el)).to.deep.equal(['m:C1', 0]);
    expect(el.shadowRoot!.activeElement!.matches('[part~="explain-button"]'), 'the row\'s "Why?" button').to.equal(true);
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(at(el)).to.deep.equal(['m:C1', 2]);
    expect(el.shadowRoot!.activeElement!.textContent.trim()).to.equal('Paris');
    await press(el, 'ArrowDown');
    expect(at(el)).to.deep.equal(['m:C2', 2]);
    expect(el.shadowRoot!.activeElement!.textContent.trim()).to.equal('Lyon');
    await press(el, 'End');
    expect(at(el)).to.deep.equal(['m:C2', 3]);
    await press(el, 'ArrowRight');
    expect(at(el), 'stays at the end of the row').to.deep.equal(['m:C2', 3]);
    await press(el, 'Home');
    expect(at(el)).to.deep.equal(['m:C2', 0]);
    await press(el, 'Control+End');
    expect(at(el)).to.deep.equal(['m:C4', 3]);
    await press(el, 'Control+Home');
    expect(at(el)).to.deep.equal(['head', 0]);
    await press(el, 'PageDown');
    expect(at(el), 'PageDown stops at the last row').to.deep.equal(['m:C4', 0]);
    await press(el, 'PageUp');
    expect(at(el)).to.deep.equal(['head', 0]);
    expect(tabStops(el).length, 'still one Tab stop').to.equal(1);
  });

  it('reaches the sort buttons in the header: Up to a column, Enter sorts by it', async () => {
    const el = await preview();
    $<HTMLElement>(el, 'td[data-column="CreditBalance"]')!.focus();
    await press(el, 'ArrowUp');
    const button = el.shadowRoot!.activeElement as HTMLElement;
    expect(button.matches('th[data-column="CreditBalance"] [part~="sort-button"]'), "the column's sort button").to.equal(true);
    await press(el, 'Enter');
    await until(() => keys(el).join() === 'C2,C4,C3,C1', 3000, 'sorted ascending');
    expect($(el, 'th[data-column="CreditBalance"]')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(el.shadowRoot!.activeElement === button, 'the focus stays on the sort button').to.equal(true);
    await press(el, 'ArrowDown');
    expect(at(el), 'down to the first row as now sorted').to.deep.equal(['m:C2', 3]);
  });

  it("Enter or Space on a member's cell opens and closes its explanation, which the arrows pass through", async () => {
    const el = await preview();
    $<HTMLElement>(el, 'tr[data-key="C1"] td[data-column="City"]')!.focus();
    await press(el, 'Enter');
    await until(() => !!$(el, 'tr.explain-row .explain'), 3000, 'explanation');
    expect($(el, 'tr[data-key="C1"] [part~="explain-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(at(el), 'the focus stays on the cell').to.deep.equal(['m:C1', 2]);
    await press(el, 'ArrowDown');
    expect(at(el), 'the explanation row').to.deep.equal(['x:C1', 0]);
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('C1 is in the segment');
    await press(el, 'ArrowDown');
    expect(at(el), 'back in the column it left').to.deep.equal(['m:C2', 2]);
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    await press(el, ' ');
    await until(() => !$(el, 'tr.explain-row'), 3000, 'closed');
    expect(at(el)).to.deep.equal(['m:C1', 2]);
    await expect(el).to.be.accessible();
  });

  it('a click makes that cell the Tab stop', async () => {
    const el = await preview();
    const cell = $<HTMLElement>(el, 'tr[data-key="C3"] td[data-column="City"]')!;
    cell.focus();
    await el.updateComplete;
    expect(tabStops(el).length).to.equal(1);
    expect(tabStops(el)[0] === cell, 'the clicked cell').to.equal(true);
  });

  it('right-to-left: Left moves to the next column and Right to the previous', async () => {
    const el = await preview('rtl');
    $<HTMLElement>(el, 'tr[data-key="C1"] [part~="explain-button"]')!.focus();
    await press(el, 'ArrowLeft');
    expect(at(el)).to.deep.equal(['m:C1', 1]);
    await press(el, 'ArrowLeft');
    expect(at(el)).to.deep.equal(['m:C1', 2]);
    await press(el, 'ArrowRight');
    expect(at(el)).to.deep.equal(['m:C1', 1]);
    await expect(el).to.be.accessible();
  });
});
