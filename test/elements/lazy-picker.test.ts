// <condition-row> loads its attribute picker's panel on the first need. This file is its
// own page: nothing has loaded the row's popups before these tests, in this order.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/condition-row/define.js';
import type { ConditionRowElement } from '../../src/elements/condition-row/condition-row.js';
import { loadedPopups } from '../../src/elements/condition-row/lazy.js';
import type { ConditionNode } from '../../src/core/model/types.js';
import { testCatalog } from '../core/helpers/catalog.js';

const condition: ConditionNode = { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Paris' };
const $ = (el: ConditionRowElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('<condition-row> popups, loaded on the first need', () => {
  it('a row that is only shown loads none of them', async () => {
    const el = await fixture<ConditionRowElement>(html`<condition-row .catalog=${testCatalog} .condition=${condition}></condition-row>`);
    await aTimeout(50);
    expect($(el, '#attribute')).to.not.equal(null);
    expect(loadedPopups()).to.equal(undefined);
  });

  it('an open before the panel has loaded opens when it arrives, and updateComplete waits for it', async () => {
    const el = await fixture<ConditionRowElement>(html`<condition-row .catalog=${testCatalog} .condition=${condition}></condition-row>`);
    el.openPicker();
    expect(el.pickerIsOpen).to.equal(false); // still loading
    await el.updateComplete;
    expect(el.pickerIsOpen).to.equal(true);
    expect($(el, '.panel.picker')).to.not.equal(null);
    expect($(el, '#attribute')!.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'attribute-search', 'the search input gets focus');
    await expect(el).to.be.accessible();
    el.closePicker(true);
    await el.updateComplete;
    expect($(el, '.panel.picker')).to.equal(null);
    // Loaded now: the next open is immediate.
    el.openPicker();
    expect(el.pickerIsOpen).to.equal(true);
  });
});
