import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import { MenuController } from '../../src/elements/shared/controllers/menu.js';
import { until } from './fixtures.js';

/** A menu button, its menu (Apple, Banana, Blueberry disabled, Cherry, Date) and a button after. */
class MenuHost extends LitElement {
  chosen: string[] = [];
  readonly menu = new MenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('#button'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#menu'),
  });

  override render() {
    const items: [string, boolean][] = [
      ['Apple', false],
      ['Banana', false],
      ['Blueberry', true],
      ['Cherry', false],
      ['Date', false],
    ];
    return html`<button
        id="button"
        aria-haspopup="menu"
        aria-expanded=${this.menu.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.menu.buttonClick}
        @keydown=${this.menu.buttonKeydown}
      >
        Fruit
      </button>
      ${
        this.menu.open
          ? html`<div id="menu" role="menu" aria-label="Fruit" @keydown=${this.menu.menuKeydown}>
              ${items.map(
                ([label, disabled]) =>
                  html`<button
                    role="menuitem"
                    tabindex="-1"
                    aria-disabled=${disabled ? 'true' : 'false'}
                    @click=${(e: Event) => {
                      if (this.menu.choose(e.currentTarget as Element)) this.chosen.push(label);
                    }}
                  >
                    ${label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <button id="after">After</button>`;
  }
}
customElements.define('test-menu-host', MenuHost);

const $ = (el: MenuHost, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const items = (el: MenuHost) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
const focused = (el: MenuHost) => (el.shadowRoot!.activeElement?.textContent ?? '').trim();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mount() {
  return fixture<MenuHost>(html`<test-menu-host></test-menu-host>`);
}
async function opened(el: MenuHost) {
  await until(() => items(el).length === 5, 3000, 'the menu');
  await el.updateComplete;
}
async function openWith(el: MenuHost, key: string) {
  $(el, '#button')!.focus();
  await sendKeys({ press: key });
  await opened(el);
}

describe('MenuController', () => {
  it('opens on a click with focus on the first item, and a second click closes it', async () => {
    const el = await mount();
    $(el, '#button')!.click();
    await opened(el);
    expect(el.menu.open).to.equal(true);
    expect($(el, '#button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal('Apple');
    $(el, '#button')!.click();
    await until(() => !$(el, '#menu'));
    expect(el.menu.open).to.equal(false);
    expect($(el, '#button')!.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement === $(el, '#button'), 'focus on the button').to.equal(true);
  });

  it('Enter, Space and ArrowDown open it on the first item; ArrowUp on the last', async () => {
    const el = await mount();
    for (const key of ['Enter', 'Space', 'ArrowDown']) {
      await openWith(el, key);
      expect(focused(el), key).to.equal('Apple');
      await sendKeys({ press: 'Escape' });
      await until(() => !$(el, '#menu'));
    }
    await openWith(el, 'ArrowUp');
    expect(focused(el)).to.equal('Date');
  });

  it('arrows move and wrap around; Home and End go to the ends', async () => {
    const el = await mount();
    await openWith(el, 'ArrowDown');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el), 'ArrowUp on the first wraps to the last').to.equal('Date');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'ArrowDown on the last wraps to the first').to.equal('Apple');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'a disabled item can be focused').to.equal('Blueberry');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('Date');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('Apple');
  });

  it('type-ahead: a letter goes to the next item starting with it, letters typed quickly to the item starting with them', async () => {
    const el = await mount();
    await openWith(el, 'ArrowDown');
    await sendKeys({ press: 'b' });
    expect(focused(el)).to.equal('Banana');
    await sendKeys({ press: 'b' });
    expect(focused(el), 'the same letter again: the next one').to.equal('Blueberry');
    await sendKeys({ press: 'b' });
    expect(focused(el), 'and round again').to.equal('Banana');
    await sendKeys({ press: 'Home' });
    await wait(600); // past the type-ahead timeout
    await sendKeys({ type: 'bl' });
    expect(focused(el)).to.equal('Blueberry');
    await wait(600);
    await sendKeys({ press: 'z' });
    expect(focused(el), 'no match: focus stays').to.equal('Blueberry');
    await wait(600);
    await sendKeys({ press: 'C' });
    expect(focused(el), 'case-insensitive').to.equal('Cherry');
  });

  it('Enter chooses an item and closes, returning focus to the button; an aria-disabled item is not chosen', async () => {
    const el = await mount();
    await openWith(el, 'ArrowDown');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal('Blueberry');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.chosen).to.deep.equal([]);
    expect(el.menu.open, 'still open').to.equal(true);
    items(el)[2]!.click();
    await el.updateComplete;
    expect(el.chosen).to.deep.equal([]);
    expect(el.menu.open).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    await until(() => !$(el, '#menu'));
    expect(el.chosen).to.deep.equal(['Banana']);
    expect(el.shadowRoot!.activeElement === $(el, '#button'), 'focus on the button').to.equal(true);
  });

  it('Escape closes it and returns focus to the button', async () => {
    const el = await mount();
    await openWith(el, 'ArrowDown');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '#menu'));
    expect(el.menu.open).to.equal(false);
    expect(el.shadowRoot!.activeElement === $(el, '#button'), 'focus on the button').to.equal(true);
    expect(el.chosen).to.deep.equal([]);
  });

  it('Tab closes it and focus moves on from the button', async () => {
    const el = await mount();
    await openWith(el, 'ArrowDown');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await until(() => !$(el, '#menu'));
    expect(el.menu.open).to.equal(false);
    expect(el.shadowRoot!.activeElement === $(el, '#after'), 'focus on the control after the button').to.equal(true);
    expect(el.chosen).to.deep.equal([]);
  });

  it('is accessible open and closed', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    await openWith(el, 'ArrowDown');
    await expect(el).to.be.accessible();
  });
});
