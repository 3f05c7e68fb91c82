// <segment-builder> loads its keyboard help dialog on first use, and its rows load their
// popups when the pointer comes near. This file is its own page: nothing has loaded either
// before these tests, in this order.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-builder/define.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import { loadedPopups } from '../../src/elements/condition-row/lazy.js';
import { loadedKeyboardHelp } from '../../src/elements/segment-builder/keyboard.js';
import { catalog, example } from './fixtures.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

const root = (el: Element) => el.shadowRoot!;

describe('<segment-builder> loads on the first need', () => {
  it('the rows load their popups when the pointer comes over one', async () => {
    const el = await fixture<SegmentBuilderElement>(html`<segment-builder .catalog=${catalog} .segment=${example()}></segment-builder>`);
    expect(loadedPopups()).to.equal(undefined);
    const row = root(el).querySelector('condition-row')!;
    row.shadowRoot!.querySelector('.line')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => loadedPopups() !== undefined, 'the popups load');
  });

  it('"?" before the help has loaded opens it when it arrives, styled', async () => {
    const el = await fixture<SegmentBuilderElement>(html`<segment-builder .catalog=${catalog} .segment=${example()}></segment-builder>`);
    expect(loadedKeyboardHelp()).to.equal(undefined);
    root(el).querySelector<HTMLElement>('[data-node-id="c1"]')!.focus();
    await sendKeys({ press: 'Shift+Slash' });
    await el.updateComplete;
    await waitUntil(() => root(el).querySelector<HTMLDialogElement>('dialog.keys')?.open, 'the help opens');
    const dialog = root(el).querySelector<HTMLDialogElement>('dialog.keys')!;
    expect(dialog.textContent).to.contain('Add a condition after the focused row');
    expect(getComputedStyle(dialog.querySelector('kbd')!).fontFamily).to.contain('monospace');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('dialog.keys')).to.equal(null);
  });
});
