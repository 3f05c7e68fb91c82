import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, css, nothing } from 'lit';
import { PopoverController, type PopoverCloseReason } from '../../../src/elements/shared/controllers/popover.js';
import type { Placement } from '../../../src/elements/shared/controllers/floating.js';

class PopoverHost extends LitElement {
  static override styles = css`
    .panel {
      position: fixed;
      inline-size: 10rem;
      block-size: 4rem;
      background: white;
    }
  `;
  static override properties = { placement: {} };
  placement: Placement = 'bottom-start';
  reasons: (PopoverCloseReason | undefined)[] = [];
  readonly pop = new PopoverController(this, {
    anchor: () => this.renderRoot.querySelector('#anchor'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('.panel'),
    get placement() {
      return popoverHost().placement;
    },
    onOpenChange: (open, reason) => {
      if (!open) this.reasons.push(reason);
    },
  });

  override render() {
    return html`<button id="anchor" aria-expanded=${this.pop.open ? 'true' : 'false'} @click=${() => this.pop.toggle()}>Menu</button>
      ${this.pop.open ? html`<div class="panel" role="dialog" aria-label="Menu"><button id="inside">Inside</button></div>` : nothing}
      <button id="after">After</button>`;
  }
}
let currentHost: PopoverHost | undefined;
const popoverHost = () => currentHost!;
customElements.define('test-popover-host', PopoverHost);

async function mount(placement: Placement = 'bottom-start') {
  const room = document.createElement('div');
  room.style.cssText = 'padding: 120px 200px; min-height: 400px;';
  document.body.append(room);
  currentHost = await fixture<PopoverHost>(html`<test-popover-host .placement=${placement}></test-popover-host>`, { parentNode: room });
  return currentHost;
}
const $ = (el: PopoverHost, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const placed = (el: PopoverHost) => waitUntil(() => $(el, '.panel')?.dataset.placed, 'the panel is placed');

afterEach(() => document.querySelectorAll('body > div').forEach((d) => d.remove()));

describe('PopoverController', () => {
  it('places the panel under the anchor, and the placement is configurable', async () => {
    const el = await mount();
    $(el, '#anchor')!.click();
    await el.updateComplete;
    await placed(el);
    const a = $(el, '#anchor')!.getBoundingClientRect();
    let p = $(el, '.panel')!.getBoundingClientRect();
    expect(p.top).to.be.greaterThan(a.bottom - 1);
    expect(Math.abs(p.left - a.left)).to.be.lessThan(2);
    el.pop.hide();
    const top = await mount('top-end');
    $(top, '#anchor')!.click();
    await top.updateComplete;
    await waitUntil(() => $(top, '.panel')?.dataset.placed === 'top-end', 'placed above');
    const b = $(top, '#anchor')!.getBoundingClientRect();
    p = $(top, '.panel')!.getBoundingClientRect();
    expect(p.bottom).to.be.lessThan(b.top + 1);
    expect(Math.abs(p.right - b.right)).to.be.lessThan(2);
  });

  it('Escape closes it, returns focus to the anchor, and does not reach the page', async () => {
    const el = await mount();
    let reachedPage = false;
    const onPage = (e: KeyboardEvent) => {
      if (e.key === 'Escape') reachedPage = true;
    };
    document.addEventListener('keydown', onPage);
    try {
      $(el, '#anchor')!.click();
      await el.updateComplete;
      $(el, '#inside')!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.pop.open).to.equal(false);
      expect($(el, '.panel')).to.equal(null);
      expect(el.shadowRoot!.activeElement?.id).to.equal('anchor');
      expect(reachedPage).to.equal(false);
      expect(el.reasons).to.deep.equal(['escape']);
      // closed: Escape is the page's again
      await sendKeys({ press: 'Escape' });
      expect(reachedPage).to.equal(true);
    } finally {
      document.removeEventListener('keydown', onPage);
    }
  });

  it('a click outside closes it without moving focus; a click inside (through the shadow root) does not', async () => {
    const el = await mount();
    $(el, '#anchor')!.click();
    await el.updateComplete;
    $(el, '#inside')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.pop.open).to.equal(true);
    $(el, '#after')!.focus();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.pop.open).to.equal(false);
    expect(el.shadowRoot!.activeElement?.id).to.equal('after');
    expect(el.reasons).to.deep.equal(['outside']);
  });

  it('listens only while open, and cleans up on disconnect', async () => {
    const el = await mount();
    let added = 0;
    let removed = 0;
    const add = document.addEventListener.bind(document);
    const remove = document.removeEventListener.bind(document);
    document.addEventListener = (...a: Parameters<Document['addEventListener']>) => {
      added++;
      add(...a);
    };
    document.removeEventListener = (...a: Parameters<Document['removeEventListener']>) => {
      removed++;
      remove(...a);
    };
    try {
      await el.updateComplete;
      expect(added).to.equal(0);
      $(el, '#anchor')!.click();
      await el.updateComplete;
      await placed(el);
      expect(added).to.be.greaterThan(0);
      el.remove();
      expect(el.pop.open).to.equal(false);
      expect(removed).to.equal(added);
    } finally {
      delete (document as { addEventListener?: unknown }).addEventListener;
      delete (document as { removeEventListener?: unknown }).removeEventListener;
    }
  });

  it('is accessible open and closed', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    $(el, '#anchor')!.click();
    await el.updateComplete;
    await placed(el);
    await expect(el).to.be.accessible();
  });
});
