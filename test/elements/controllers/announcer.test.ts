import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AnnouncerController } from '../../../src/elements/shared/controllers/announcer.js';
import { baseStyles } from '../../../src/elements/shared/styles.js';

class AnnouncerHost extends LitElement {
  static override styles = baseStyles;
  readonly announcer = new AnnouncerController(this);
  override render() {
    return html`<p>content</p>
      ${this.announcer.render()}`;
  }
}
customElements.define('test-announcer-host', AnnouncerHost);

const region = (el: AnnouncerHost) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;

describe('AnnouncerController', () => {
  it('renders a polite, visually hidden status region with the text', async () => {
    const el = await fixture<AnnouncerHost>(html`<test-announcer-host></test-announcer-host>`);
    const r = region(el);
    expect(r.getAttribute('aria-live')).to.equal('polite');
    expect(r.getBoundingClientRect().width).to.be.at.most(1);
    el.announcer.announce('Estimated size: 62 customers');
    await el.updateComplete;
    expect(r.textContent).to.equal('Estimated size: 62 customers');
    await expect(el).to.be.accessible();
  });

  it('the same text twice is cleared and set again, so it is read again', async () => {
    const el = await fixture<AnnouncerHost>(html`<test-announcer-host></test-announcer-host>`);
    el.announcer.announce('Added Paris');
    await el.updateComplete;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region(el).textContent ?? ''));
    observer.observe(region(el), { childList: true, characterData: true, subtree: true });
    el.announcer.announce('Added Paris');
    await el.updateComplete;
    expect(region(el).textContent).to.equal('');
    await waitUntil(() => region(el).textContent === 'Added Paris', 'set again');
    observer.disconnect();
    expect(seen.filter((s) => s === 'Added Paris').length).to.be.greaterThan(0);
    expect(seen).to.include('');
  });

  it('a new text replaces one waiting to be repeated; disconnect drops the wait', async () => {
    const el = await fixture<AnnouncerHost>(html`<test-announcer-host></test-announcer-host>`);
    el.announcer.announce('A');
    el.announcer.announce('A');
    el.announcer.announce('B');
    await aTimeout(150);
    await el.updateComplete;
    expect(region(el).textContent).to.equal('B');
    el.announcer.announce('B');
    el.remove();
    await aTimeout(150);
    expect(el.announcer.text).to.equal('');
  });
});
