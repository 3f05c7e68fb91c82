import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/condition-row/define.js';
import type { ConditionChangeDetail, ConditionRowElement } from '../../src/elements/condition-row/condition-row.js';
import { conditionWithAttribute, conditionWithOperator } from '../../src/core/model/edit.js';
import type { Catalog, ConditionNode, SegmentError } from '../../src/core/model/types.js';
import type { SegmentProvider, SuggestOptions, ValueSuggestion } from '../../src/core/provider/types.js';
import { SegmentProviderError } from '../../src/core/provider/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { testCatalog, wideCatalog } from '../core/helpers/catalog.js';

// ---------------------------------------------------------------- fixtures

const catalog: Catalog = testCatalog;

const data = {
  Customer: [
    { CustomerId: 'C1', City: 'Paris', Country: 'FR', CreditBalance: 2500, BirthDate: '1980-11-20', DoNotContact: false },
    { CustomerId: 'C2', City: 'Paris', Country: 'FR', CreditBalance: 10, BirthDate: null, DoNotContact: true },
    { CustomerId: 'C3', City: 'Berlin', Country: 'DE', CreditBalance: 1200, BirthDate: '1990-01-02', DoNotContact: false },
    { CustomerId: 'C4', City: 'Pamplona', Country: 'US', CreditBalance: null, BirthDate: '1975-06-30', DoNotContact: false },
    { CustomerId: 'C5', City: 'Lyon', Country: 'FR', CreditBalance: 1200, BirthDate: '1975-06-30', DoNotContact: false },
  ],
  Order: [
    { OrderId: 'O1', CustomerId: 'C1', TotalAmount: 600, OrderDate: '2026-10-01', Channel: 'Web' },
    { OrderId: 'O2', CustomerId: 'C1', TotalAmount: 50, OrderDate: '2026-10-20', Channel: 'Store' },
  ],
};

const memory = () => createMemoryProvider({ catalog, data, now: '2026-11-01T12:00:00Z' });

const cond = (
  attribute: string,
  operator: ConditionNode['operator'],
  value?: ConditionNode['value'],
  entity = 'Customer',
): ConditionNode => {
  const c: ConditionNode = { kind: 'condition', id: 'c1', entity, attribute, operator };
  if (value !== undefined) c.value = value;
  return c;
};

/** A provider whose suggestValues the test controls (fault injection); everything else is unused. */
function fakeProvider(
  suggestValues: (entity: string, attribute: string, opts: SuggestOptions) => Promise<ValueSuggestion[]>,
): SegmentProvider {
  const fail = () => Promise.reject(new SegmentProviderError('unavailable', 'not used in this test'));
  return {
    getCatalog: () => Promise.resolve(catalog),
    count: fail,
    members: fail,
    suggestValues: (entity, attribute, opts) => suggestValues(entity, attribute, opts ?? {}),
    trend: fail,
    listSegments: fail,
    getSegment: fail,
    saveSegment: fail,
    deleteSegments: fail,
    refreshSegments: fail,
    updateSegments: fail,
  };
}

interface Options {
  catalog?: Catalog | undefined;
  provider?: SegmentProvider;
  scope?: string;
  errors?: SegmentError[];
  readonly?: boolean;
  dir?: 'ltr' | 'rtl';
}

/** Renders a row with room below it (so the popover does not flip) and records its events. */
async function render(condition: ConditionNode | undefined, o: Options = {}) {
  const room = document.createElement('div');
  room.style.cssText = 'padding: 24px; min-height: 560px; max-width: 720px;';
  if (o.dir) room.dir = o.dir;
  document.body.append(room);
  const el = await fixture<ConditionRowElement>(
    html`<condition-row
      .catalog=${'catalog' in o ? o.catalog : catalog}
      .provider=${o.provider}
      .condition=${condition}
      .errors=${o.errors ?? []}
      scope=${o.scope ?? ''}
      label="Condition 1"
      ?readonly=${o.readonly ?? false}
    ></condition-row>`,
    { parentNode: room },
  );
  const events: ConditionChangeDetail[] = [];
  el.addEventListener('condition-change', (e) => events.push(e.detail));
  return { el, events };
}

const $ = <E extends Element = HTMLElement>(el: ConditionRowElement, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = (el: ConditionRowElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const has = (el: ConditionRowElement, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const focused = (el: ConditionRowElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const textOf = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function openPickerByKeyboard(el: ConditionRowElement) {
  $<HTMLButtonElement>(el, '#attribute')!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await waitUntil(() => focused(el)?.id === 'attribute-search', 'the search input gets focus');
}

/** The pointer comes over the row: its selects get all their options. */
async function near(el: ConditionRowElement) {
  $(el, '.line')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const placed = (el: ConditionRowElement, selector: string) =>
  waitUntil(() => $(el, selector)?.hasAttribute('data-placed'), 'the panel is positioned');

afterEach(() => {
  document.querySelectorAll('body > div').forEach((d) => d.remove());
});

// ---------------------------------------------------------------- rendering

describe('<condition-row> renders', () => {
  it('an empty condition as a "Choose an attribute" button, and nothing else', async () => {
    const { el } = await render({ kind: 'condition', entity: 'Customer', attribute: '', operator: '' });
    expect(textOf($(el, '#attribute'))).to.equal('Choose an attribute');
    expect(has(el, '#operator')).to.equal(false);
    expect(has(el, '[part~="value"]')).to.equal(false);
    expect($(el, '[role="group"]')!.getAttribute('aria-label')).to.equal('Condition 1');
    await expect(el).to.be.accessible();
  });

  it("a string condition: the type's operators and a text input", async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    expect(textOf($(el, '#attribute'))).to.equal('Attribute: City');
    const select = $<HTMLSelectElement>(el, '#operator')!;
    expect(select.value).to.equal('equals');
    await near(el);
    expect([...select.options].map((o) => o.value)).to.deep.equal([
      'equals',
      'notEquals',
      'contains',
      'notContains',
      'startsWith',
      'endsWith',
      'in',
      'notIn',
      'isEmpty',
      'isNotEmpty',
    ]);
    expect(select.selectedOptions[0]!.text).to.equal('is');
    const input = $<HTMLInputElement>(el, '#value')!;
    expect(input.type).to.equal('text');
    expect(input.value).to.equal('Paris');
    expect(textOf(el.shadowRoot!.querySelector('label[for="value"]'))).to.equal('Value');
    await expect(el).to.be.accessible();
  });

  it('a number between: two number inputs labelled From and To', async () => {
    const { el } = await render(cond('CreditBalance', 'between', [100, 2000]));
    const low = $<HTMLInputElement>(el, '#value-low')!;
    const high = $<HTMLInputElement>(el, '#value-high')!;
    expect([low.type, low.value, high.type, high.value]).to.deep.equal(['number', '100', 'number', '2000']);
    expect(textOf($(el, 'label[for="value-low"]'))).to.equal('From');
    expect(textOf($(el, 'label[for="value-high"]'))).to.equal('To');
    await expect(el).to.be.accessible();
  });

  it('a date: a native date input holding the calendar day', async () => {
    const { el } = await render(cond('BirthDate', 'before', '1990-01-02T00:00:00Z'));
    const input = $<HTMLInputElement>(el, '#value')!;
    expect(input.type).to.equal('date');
    expect(input.value).to.equal('1990-01-02');
    await expect(el).to.be.accessible();
  });

  it('a relative date: amount and unit', async () => {
    const { el } = await render(cond('BirthDate', 'inLast', { amount: 90, unit: 'day' }));
    expect($<HTMLInputElement>(el, '#value-amount')!.value).to.equal('90');
    await near(el);
    const unit = $<HTMLSelectElement>(el, '#value-unit')!;
    expect(unit.value).to.equal('day');
    expect([...unit.options].map((o) => o.text)).to.deep.equal(['days', 'weeks', 'months', 'years']);
    await expect(el).to.be.accessible();
  });

  it('a list: a chip per value with a labelled remove button, and an input', async () => {
    const { el } = await render(cond('City', 'in', ['Paris', 'Berlin']));
    expect($$(el, '[part="chip"]').map((c) => textOf(c.querySelector('.chip-text')))).to.deep.equal(['Paris', 'Berlin']);
    expect($$(el, '[part="chip"] button').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Remove Paris', 'Remove Berlin']);
    expect($(el, '#value-list')!.getAttribute('role')).to.equal('combobox');
    await expect(el).to.be.accessible();
  });

  it('an enumeration: a select of its values by label', async () => {
    const { el } = await render(cond('Country', 'equals', 'US'));
    const select = $<HTMLSelectElement>(el, '#value')!;
    expect(select.tagName).to.equal('SELECT');
    expect(select.selectedOptions[0]!.text).to.equal('United States');
    // only the chosen option exists until the user comes near (5,000 rows stay cheap)
    expect(select.options.length).to.equal(1);
    expect($<HTMLSelectElement>(el, '#operator')!.options.length).to.equal(1);
    select.focus();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#operator')!.options.length).to.equal(10);
    expect(select.value).to.equal('0');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['United States', 'DE', 'FR']);
    await expect(el).to.be.accessible();
  });

  it('a boolean: no value editor', async () => {
    const { el } = await render(cond('DoNotContact', 'isTrue'));
    expect(has(el, '[part~="value"]')).to.equal(false);
    expect($<HTMLSelectElement>(el, '#operator')!.value).to.equal('isTrue');
    await expect(el).to.be.accessible();
  });

  it("a related entity's attribute: plain in its own scope, prefixed with the entity elsewhere", async () => {
    const { el } = await render(cond('TotalAmount', 'greaterThan', 500, 'Order'), { scope: 'Order' });
    expect(textOf($(el, '#attribute .name'))).to.equal('Total amount');
    const other = await render(cond('TotalAmount', 'greaterThan', 500, 'Order'));
    expect(textOf($(other.el, '#attribute .name'))).to.equal('Order › Total amount');
  });

  it('read-only: the condition as a sentence, the attribute reflected', async () => {
    const { el } = await render(cond('TotalAmount', 'greaterThan', 500, 'Order'), { scope: 'Order', readonly: true });
    expect(el.hasAttribute('readonly')).to.equal(true);
    expect(textOf($(el, '[part="text"]'))).to.equal('Total amount is greater than 500');
    expect(has(el, 'button, input, select')).to.equal(false);
    await expect(el).to.be.accessible();
    el.scope = '';
    el.condition = cond('BirthDate', 'inLast', { amount: 30, unit: 'day' });
    await el.updateComplete;
    expect(textOf($(el, '[part="text"]'))).to.equal('Birth date is in the last 30 days');
    el.condition = cond('City', 'in', ['Paris', 'Lyon']);
    await el.updateComplete;
    expect(textOf($(el, '[part="text"]'))).to.equal('City is one of Paris, Lyon');
  });

  it('the actions slot after the value', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    const slot = $<HTMLSlotElement>(el, 'slot[name="actions"]')!;
    expect(slot.previousElementSibling?.getAttribute('part')).to.equal('value');
  });
});

describe('<condition-row> errors', () => {
  const errors: SegmentError[] = [
    { path: '/rules/0/where/children/0/attribute', code: 'unknown-attribute', message: 'Pick a real attribute.', nodeId: 'c1' },
    { path: '/rules/0/where/children/0/operator', code: 'operator-not-allowed', message: 'Not for numbers.', nodeId: 'c1' },
    { path: '/rules/0/where/children/0/value/1', code: 'value-type', message: 'The high value must be a number.', nodeId: 'c1' },
    { path: '/rules/0/where/children/0', code: 'invalid-value', message: 'Something about the whole row.', nodeId: 'c1' },
  ];

  it('shows each message under the row and ties it to its control', async () => {
    const { el } = await render(cond('CreditBalance', 'between', [10, 20]), { errors });
    const shown = $$(el, '[part="error"]');
    expect(shown.map(textOf)).to.deep.equal(errors.map((e) => e.message));
    const describedBy = (sel: string) =>
      ($(el, sel)!.getAttribute('aria-describedby') ?? '').split(' ').map((id) => textOf(el.shadowRoot!.getElementById(id)));
    expect($(el, '#attribute')!.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy('#attribute')).to.deep.equal(['Pick a real attribute.']);
    expect($(el, '#operator')!.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy('#operator')).to.deep.equal(['Not for numbers.']);
    expect($(el, '#value-high')!.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy('#value-high')).to.deep.equal(['The high value must be a number.']);
    expect($(el, '#value-low')!.hasAttribute('aria-invalid')).to.equal(false);
    expect(describedBy('[role="group"]')).to.deep.equal(['Something about the whole row.']);
    await expect(el).to.be.accessible();
  });

  it('a /value error marks the value editor of any shape', async () => {
    const { el } = await render(cond('City', 'in', []), {
      errors: [{ path: '/rules/0/where/value', code: 'missing-value', message: 'Add a value.' }],
    });
    expect($(el, '#value-list')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<condition-row> bad input', () => {
  it('an attribute the catalog does not have: the raw name, an error, and another can be picked', async () => {
    const { el, events } = await render(cond('Shoesize', 'equals', 42));
    const button = $(el, '#attribute')!;
    expect(textOf(button.querySelector('.name'))).to.equal('Shoesize');
    expect(button.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '[part="error"]'))).to.contain('Shoesize');
    expect($<HTMLSelectElement>(el, '#operator')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await openPickerByKeyboard(el);
    await sendKeys({ type: 'city' });
    await sendKeys({ press: 'Enter' });
    expect(events.length).to.equal(1);
    expect(events[0]!.change).to.deep.equal({ kind: 'attribute', entity: 'Customer', attribute: 'City' });
    expect(events[0]!.condition.attribute).to.equal('City');
  });

  it('no catalog yet: a disabled "Loading…" picker', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'), { catalog: undefined });
    const button = $<HTMLButtonElement>(el, '#attribute')!;
    expect(button.disabled).to.equal(true);
    expect(textOf(button)).to.equal('Loading…');
    await expect(el).to.be.accessible();
    el.catalog = catalog;
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(textOf(button.querySelector('.name'))).to.equal('City');
  });

  it('a value of the wrong type is shown as text, marked invalid, and can be fixed', async () => {
    const { el, events } = await render(cond('CreditBalance', 'greaterThan', 'lots'));
    const input = $<HTMLInputElement>(el, '#value')!;
    expect(input.type).to.equal('text');
    expect(input.value).to.equal('lots');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    input.focus();
    input.select();
    await sendKeys({ type: '12' });
    expect(events.at(-1)!.condition.value).to.equal(12);
    await el.updateComplete;
    expect(input.isConnected).to.equal(true);
    expect(input.type).to.equal('number');
    expect(input.value).to.equal('12');
    const odd = await render(cond('City', 'in', { not: 'a list' } as unknown as string[]));
    expect(odd.el.shadowRoot!.textContent).to.contain('{"not":"a list"}');
    const odd2 = await render(cond('BirthDate', 'inLast', 'soon'));
    expect($<HTMLInputElement>(odd2.el, '#value-amount')!.value).to.equal('soon');
  });

  it('an undefined or malformed condition renders without throwing', async () => {
    const { el } = await render(undefined);
    expect(has(el, '#attribute')).to.equal(false);
    expect(has(el, 'slot[name="actions"]')).to.equal(true);
    el.condition = { kind: 'condition', entity: 7, attribute: null, operator: {} } as unknown as ConditionNode;
    await el.updateComplete;
    el.condition = { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'bogus' } as unknown as ConditionNode;
    await el.updateComplete;
    el.errors = [null, { path: 5 }] as unknown as SegmentError[];
    el.catalog = { audience: 'Customer' } as unknown as Catalog;
    await el.updateComplete;
    el.readonly = true;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('City');
  });
});

// ---------------------------------------------------------------- attribute picker

describe('<condition-row> attribute picker', () => {
  it('opens with Enter, filters as you type, moves with arrows/Home/End and picks with Enter', async () => {
    const start = cond('City', 'equals', 'Paris');
    const { el, events } = await render(start);
    const button = $(el, '#attribute')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(has(el, '[part="popover"]')).to.equal(false);
    await openPickerByKeyboard(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const search = $<HTMLInputElement>(el, '#attribute-search')!;
    expect(search.getAttribute('role')).to.equal('combobox');
    expect(search.getAttribute('aria-controls')).to.equal('attribute-listbox');
    expect(search.getAttribute('aria-autocomplete')).to.equal('list');
    // the current attribute is the active option
    const activeText = () =>
      textOf(el.shadowRoot!.getElementById(search.getAttribute('aria-activedescendant') ?? '')?.querySelector('.option-label') ?? null);
    expect(activeText()).to.equal('City');
    await placed(el, '.panel.picker');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'D' });
    await el.updateComplete;
    // case-insensitive on label and name: "Do not contact", "Birth date", "Order date", "CustomerId"…
    const labels = () => $$(el, '[role="option"] .option-label').map(textOf);
    expect(labels()).to.include.members(['Birth date', 'Do not contact', 'Order date', 'Customer id']);
    expect(labels()).to.not.include('City');
    await sendKeys({ type: 'ate' });
    await el.updateComplete;
    expect(labels()).to.deep.equal(['Birth date', 'Order date']);
    expect(activeText()).to.equal('Birth date');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeText()).to.equal('Order date');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeText()).to.equal('Birth date');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeText()).to.equal('Order date');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeText()).to.equal('Birth date');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeText()).to.equal('Order date');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;

    expect(events).to.have.length(1);
    expect(events[0]!.id).to.equal('c1');
    expect(events[0]!.change).to.deep.equal({ kind: 'attribute', entity: 'Order', attribute: 'OrderDate' });
    expect(events[0]!.condition).to.deep.equal(conditionWithAttribute(start, catalog, 'Order', 'OrderDate'));
    expect(start).to.deep.equal(cond('City', 'equals', 'Paris'));
    expect(has(el, '[part="popover"]')).to.equal(false);
    expect(focused(el)?.id).to.equal('attribute');
    // the row shows the new condition until the host sets one
    expect(textOf($(el, '#attribute .name'))).to.equal('Order › Order date');
    expect($<HTMLSelectElement>(el, '#operator')!.value).to.equal('on');
  });

  it('groups options by entity: the scope first, then related entities with multi-hop paths', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await el.updateComplete;
    const groups = $$(el, '#attribute-listbox > [role="group"]');
    const headings = groups.map((g) => textOf(el.shadowRoot!.getElementById(g.getAttribute('aria-labelledby')!)));
    expect(headings).to.deep.equal(['Customer', 'Order', 'Case', 'Online account', 'Online account › Web session']);
    expect(groups[0]!.querySelectorAll('[role="option"]').length).to.equal(7);
    await expect(el).to.be.accessible();
  });

  it('in a related scope: that entity first, the audience left out', async () => {
    const { el } = await render(cond('TotalAmount', 'greaterThan', 5, 'Order'), { scope: 'Order' });
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await el.updateComplete;
    const headings = $$(el, '.group-heading').map(textOf);
    expect(headings[0]).to.equal('Order');
    expect(headings).to.not.include('Customer');
  });

  it('opens with ArrowDown and Space too; Escape closes and returns focus', async () => {
    const { el, events } = await render(cond('City', 'equals', 'Paris'));
    const button = $<HTMLButtonElement>(el, '#attribute')!;
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(el)?.id === 'attribute-search');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(el, '[part="popover"]')).to.equal(false);
    expect(focused(el)?.id).to.equal('attribute');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => focused(el)?.id === 'attribute-search');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('attribute');
    expect(events).to.have.length(0);
  });

  it('Tab closes the picker and moves on', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    await openPickerByKeyboard(el);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(has(el, '[part="popover"]')).to.equal(false);
    expect(focused(el)?.id).to.equal('operator');
  });

  it('a click outside closes it; a click on an option picks it', async () => {
    const { el, events } = await render(cond('City', 'equals', 'Paris'));
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(has(el, '[part="popover"]')).to.equal(false);
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await el.updateComplete;
    const option = $$(el, '[role="option"]').find((o) => textOf(o.querySelector('.option-label')) === 'Credit balance')!;
    option.click();
    await el.updateComplete;
    expect(events.map((e) => e.change)).to.deep.equal([{ kind: 'attribute', entity: 'Customer', attribute: 'CreditBalance' }]);
  });

  it('sits under the button, within the viewport', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await placed(el, '.panel.picker');
    const b = $(el, '#attribute')!.getBoundingClientRect();
    const p = $(el, '.panel.picker')!.getBoundingClientRect();
    expect(p.top).to.be.greaterThan(b.bottom - 1);
    expect(Math.abs(p.left - b.left)).to.be.lessThan(2);
    expect(p.bottom).to.be.at.most(window.innerHeight);
  });

  it("right-to-left: the row runs from the right and the picker aligns to the button's right edge", async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'), { dir: 'rtl' });
    const b = $(el, '#attribute')!.getBoundingClientRect();
    const s = $(el, '#operator')!.getBoundingClientRect();
    expect(b.left).to.be.greaterThan(s.left);
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await placed(el, '.panel.picker');
    const p = $(el, '.panel.picker')!.getBoundingClientRect();
    expect(Math.abs(p.right - b.right)).to.be.lessThan(2);
    await expect(el).to.be.accessible();
  });

  it('handles thousands of attributes: renders at most 200 options and filters the rest', async () => {
    const big = wideCatalog(3000);
    const { el, events } = await render(cond('Attr5', 'equals', 'x'), { catalog: big });
    const t0 = performance.now();
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await el.updateComplete;
    const opened = performance.now() - t0;
    expect($$(el, '[role="option"]').length).to.be.at.most(200);
    expect(textOf($(el, '.more'))).to.equal('2,800 more — keep typing to narrow the list');
    await waitUntil(() => focused(el)?.id === 'attribute-search');
    await sendKeys({ type: 'attribute 2999' });
    await el.updateComplete;
    expect($$(el, '[role="option"] .option-label').map(textOf)).to.deep.equal(['Attribute 2999']);
    expect(has(el, '.more')).to.equal(false);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect($$(el, '[role="option"]').length).to.equal(13); // Attribute 299, 1299, 2299, 2990 … 2999
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Enter' });
    expect(events[0]!.change).to.deep.equal({ kind: 'attribute', entity: 'Customer', attribute: 'Attr2997' });
    expect(opened).to.be.lessThan(1000);
    // no match at all
    $<HTMLButtonElement>(el, '#attribute')!.click();
    await waitUntil(() => focused(el)?.id === 'attribute-search');
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(textOf($(el, '[role="option"]'))).to.equal('No attribute matches');
    await expect(el).to.be.accessible();
  });

  it('cleans up when disconnected while open, and works again when reconnected', async () => {
    const { el } = await render(cond('City', 'equals', 'Paris'));
    const counts = { docAdd: 0, docRemove: 0, winAdd: 0, winRemove: 0 };
    const spy = (target: EventTarget, add: 'docAdd' | 'winAdd', remove: 'docRemove' | 'winRemove') => {
      const a = target.addEventListener.bind(target);
      const r = target.removeEventListener.bind(target);
      target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
        counts[add]++;
        a(...args);
      };
      target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
        counts[remove]++;
        r(...args);
      };
      return () => {
        delete (target as { addEventListener?: unknown }).addEventListener;
        delete (target as { removeEventListener?: unknown }).removeEventListener;
      };
    };
    const restoreDoc = spy(document, 'docAdd', 'docRemove');
    const restoreWin = spy(window, 'winAdd', 'winRemove');
    try {
      $<HTMLButtonElement>(el, '#attribute')!.click();
      await placed(el, '.panel.picker');
      expect(counts.docAdd).to.be.greaterThan(0);
      expect(counts.winAdd).to.be.greaterThan(0); // autoUpdate's scroll/resize listeners
      const parent = el.parentNode!;
      el.remove();
      expect(counts.docRemove).to.equal(counts.docAdd);
      expect(counts.winRemove).to.equal(counts.winAdd);
      expect(el.pickerIsOpen).to.equal(false);
      parent.appendChild(el);
      await el.updateComplete;
      expect(has(el, '[part="popover"]')).to.equal(false);
      $<HTMLButtonElement>(el, '#attribute')!.click();
      await placed(el, '.panel.picker');
      $<HTMLButtonElement>(el, '#attribute')!.click();
      await el.updateComplete;
      expect(counts.docRemove).to.equal(counts.docAdd);
      expect(counts.winRemove).to.equal(counts.winAdd);
    } finally {
      restoreDoc();
      restoreWin();
    }
  });

  it('an idle row adds no document listeners', async () => {
    let added = 0;
    const original = EventTarget.prototype.addEventListener.bind(document);
    document.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
      added++;
      original(...args);
    };
    try {
      await render(cond('City', 'in', ['Paris']));
      await render(cond('CreditBalance', 'between', [1, 2]));
      expect(added).to.equal(0);
    } finally {
      delete (document as { addEventListener?: unknown }).addEventListener;
    }
  });
});

// ---------------------------------------------------------------- operator and values

describe('<condition-row> operator and values', () => {
  it('chooses an operator by keyboard, carrying the value over with conditionWithOperator', async () => {
    const start = cond('CreditBalance', 'equals', 500);
    const { el, events } = await render(start);
    $<HTMLSelectElement>(el, '#operator')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(events[0]!.change).to.deep.equal({ kind: 'operator', operator: 'notEquals' });
    expect(events[0]!.condition).to.deep.equal(conditionWithOperator(start, 'notEquals'));
    const select = $<HTMLSelectElement>(el, '#operator')!;
    expect(select.options.length).to.equal(12);
    select.value = 'between';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(events[1]!.condition).to.deep.equal(conditionWithOperator(events[0]!.condition, 'between'));
    expect($<HTMLInputElement>(el, '#value-low')!.value).to.equal('500');
  });

  it('typing a text value emits on every input, and the row keeps what was typed while the host is slow', async () => {
    const start = cond('City', 'equals', undefined);
    const { el, events } = await render(start);
    $<HTMLInputElement>(el, '#value')!.focus();
    await sendKeys({ type: 'Lyon' });
    expect(events.map((e) => e.change)).to.deep.equal([
      { kind: 'value', value: 'L' },
      { kind: 'value', value: 'Ly' },
      { kind: 'value', value: 'Lyo' },
      { kind: 'value', value: 'Lyon' },
    ]);
    expect(el.condition).to.equal(start);
    expect(start.value).to.equal(undefined);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('Lyon');
    // a slow host echoes an older edit while the user types on: what was typed stays
    el.condition = events[1]!.condition;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('Lyon');
    await sendKeys({ type: 's' });
    expect(events.at(-1)!.condition.value).to.equal('Lyons');
    // the host catches up with the latest edit (a copy of it): in sync
    el.condition = { ...events.at(-1)!.condition };
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('Lyons');
    // anything else the host sets (undo, another edit) is shown
    el.condition = events[1]!.condition;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('Ly');
    el.condition = start;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('');
  });

  it('numbers are emitted as numbers, empty as undefined, and "1.50" is not rewritten while typing', async () => {
    const { el, events } = await render(cond('CreditBalance', 'greaterThan', undefined));
    const input = $<HTMLInputElement>(el, '#value')!;
    input.focus();
    await sendKeys({ type: '1.50' });
    expect(events.map((e) => e.change)).to.deep.equal([
      { kind: 'value', value: 1 },
      { kind: 'value', value: 1 },
      { kind: 'value', value: 1.5 },
      { kind: 'value', value: 1.5 },
    ]);
    el.condition = events.at(-1)!.condition;
    await el.updateComplete;
    expect(input.value).to.equal('1.50');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    expect(events.at(-1)!.change).to.deep.equal({ kind: 'value', value: undefined });
    expect('value' in events.at(-1)!.condition).to.equal(false);
  });

  it('between: each side edits its half of the pair', async () => {
    const { el, events } = await render(cond('CreditBalance', 'between', [10, 20]));
    $<HTMLInputElement>(el, '#value-high')!.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '99' });
    expect(events.at(-1)!.condition.value).to.deep.equal([10, 99]);
  });

  it('date: the native date input emits YYYY-MM-DD', async () => {
    const { el, events } = await render(cond('BirthDate', 'on', undefined));
    const input = $<HTMLInputElement>(el, '#value')!;
    input.value = '2024-05-31';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(events.at(-1)!.condition.value).to.equal('2024-05-31');
  });

  it('relative: amount and unit edit the {amount, unit} value', async () => {
    const { el, events } = await render(cond('BirthDate', 'inNext', { amount: 30, unit: 'day' }));
    $<HTMLInputElement>(el, '#value-amount')!.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '2' });
    expect(events.at(-1)!.condition.value).to.deep.equal({ amount: 32, unit: 'day' });
    $<HTMLSelectElement>(el, '#value-unit')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(events.at(-1)!.change).to.deep.equal({ kind: 'value', value: { amount: 32, unit: 'week' } });
  });

  it('enumeration: choosing a value by keyboard emits the value, not the label', async () => {
    const { el, events } = await render(cond('Country', 'equals', 'US'));
    $<HTMLSelectElement>(el, '#value')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(events.at(-1)!.change).to.deep.equal({ kind: 'value', value: 'DE' });
  });

  it('the mouse coming over the row fills the selects before they are opened', async () => {
    const { el } = await render(cond('CreditBalance', 'greaterThan', 5));
    const select = $<HTMLSelectElement>(el, '#operator')!;
    expect(select.options.length).to.equal(1);
    const r = select.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await el.updateComplete;
    expect(select.options.length).to.equal(12);
    expect(select.value).to.equal('greaterThan');
    await resetMouse();
  });

  it('no event when properties are set', async () => {
    const { el, events } = await render(cond('City', 'equals', 'Paris'));
    el.condition = cond('CreditBalance', 'between', [1, 2]);
    await el.updateComplete;
    el.condition = cond('City', 'in', ['a']);
    el.errors = [{ path: '/value', code: 'missing-value', message: 'x' }];
    el.scope = 'Order';
    el.label = 'Condition 9';
    el.readonly = true;
    await el.updateComplete;
    el.readonly = false;
    el.catalog = { ...catalog };
    el.provider = memory();
    await el.updateComplete;
    expect(events).to.have.length(0);
  });
});

describe('<condition-row> list values', () => {
  it('adds with Enter or comma, removes with Backspace and the remove buttons, all by keyboard', async () => {
    const start = cond('City', 'in', ['Paris']);
    const { el, events } = await render(start);
    const input = $<HTMLInputElement>(el, '#value-list')!;
    input.focus();
    await sendKeys({ type: 'Lyon' });
    await sendKeys({ press: 'Enter' });
    expect(events.at(-1)!.change).to.deep.equal({ kind: 'value', value: ['Paris', 'Lyon'] });
    await sendKeys({ type: 'Rome,Oslo,' });
    expect(events.at(-1)!.condition.value).to.deep.equal(['Paris', 'Lyon', 'Rome', 'Oslo']);
    await el.updateComplete;
    expect(input.value).to.equal('');
    await sendKeys({ type: 'paris' });
    await sendKeys({ press: 'Enter' }); // already there (case-insensitive): not added twice
    expect(events.at(-1)!.condition.value).to.deep.equal(['Paris', 'Lyon', 'Rome', 'Oslo']);
    await sendKeys({ press: 'Backspace' });
    expect(events.at(-1)!.condition.value).to.deep.equal(['Paris', 'Lyon', 'Rome']);
    await el.updateComplete;
    const remove = $$(el, '[part="chip"] button')[0]!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove Paris');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    expect(events.at(-1)!.condition.value).to.deep.equal(['Lyon', 'Rome']);
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('value-list');
    expect(start.value).to.deep.equal(['Paris']);
  });

  it('numbers are parsed; text that is not a number is refused with a message', async () => {
    const { el, events } = await render(cond('CreditBalance', 'in', [10]));
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: '2.5' });
    await sendKeys({ press: 'Enter' });
    expect(events.at(-1)!.condition.value).to.deep.equal([10, 2.5]);
    await sendKeys({ type: 'ten' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(textOf($(el, '#list-note'))).to.equal('"ten" is not a number.');
    expect($(el, '#value-list')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('suggests values from the provider with counts, chosen by keyboard', async () => {
    const { el, events } = await render(cond('City', 'in', ['Lyon']), { provider: memory() });
    const input = $<HTMLInputElement>(el, '#value-list')!;
    input.focus();
    await sendKeys({ type: 'pa' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'suggestions show', { timeout: 2000 });
    const options = $$(el, '#suggestions [role="option"]');
    expect(options.map((o) => textOf(o.querySelector('.option-label')))).to.deep.equal(['Paris', 'Pamplona']);
    expect(textOf(options[0]!.querySelector('.option-count'))).to.equal('2 members');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-controls')).to.equal('suggestions');
    await placed(el, '.panel.suggestions');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('suggestion-1');
    await sendKeys({ press: 'Enter' });
    expect(events.at(-1)!.condition.value).to.deep.equal(['Lyon', 'Pamplona']);
    await el.updateComplete;
    expect(has(el, '.panel.suggestions')).to.equal(false);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    // ArrowDown opens the top values; chosen ones are left out; Escape closes
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'top values show', { timeout: 2000 });
    const labels = $$(el, '#suggestions .option-label').map(textOf);
    expect(labels).to.include('Paris');
    expect(labels).to.not.include('Lyon');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(el, '.panel.suggestions')).to.equal(false);
  });

  it('debounces typing into one request for the last text', async () => {
    const calls: string[] = [];
    const provider = fakeProvider((_e, _a, opts) => {
      calls.push(opts.query ?? '');
      expect(opts.limit).to.equal(8);
      return Promise.resolve([{ value: 'Paris', count: 1200 }]);
    });
    const { el } = await render(cond('City', 'in', []), { provider });
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'pari' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'suggestions show', { timeout: 2000 });
    expect(calls).to.deep.equal(['pari']);
    expect(textOf($(el, '.option-count'))).to.equal('1,200 members');
  });

  it('a failing provider shows a small message and never throws', async () => {
    const provider = fakeProvider(() => Promise.reject(new SegmentProviderError('unavailable', 'down')));
    const { el, events } = await render(cond('City', 'in', []), { provider });
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'pa' });
    await waitUntil(() => textOf($(el, '.panel.suggestions')) === 'Suggestions are unavailable.', 'the failure shows', { timeout: 2000 });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' }); // typing still works
    expect(events.at(-1)!.condition.value).to.deep.equal(['pa']);
    const throwing = fakeProvider(() => {
      throw new Error('sync throw');
    });
    el.provider = throwing;
    await el.updateComplete;
    await sendKeys({ type: 'x' });
    await waitUntil(() => textOf($(el, '.panel.suggestions')) === 'Suggestions are unavailable.', 'the sync failure shows', {
      timeout: 2000,
    });
  });

  it('a slow old answer never replaces a newer one', async () => {
    const signals: AbortSignal[] = [];
    let releaseSlow: (() => void) | undefined;
    const provider = fakeProvider((_e, _a, opts) => {
      signals.push(opts.signal!);
      const q = opts.query ?? '';
      if (q === 'p') {
        // ignores its signal on purpose, and answers late
        return new Promise((resolve) => {
          releaseSlow = () => resolve([{ value: 'STALE', count: 1 }]);
        });
      }
      return Promise.resolve([{ value: `fresh-${q}`, count: 2 }]);
    });
    const { el } = await render(cond('City', 'in', []), { provider });
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'p' });
    await waitUntil(() => signals.length === 1, 'the first request goes out', { timeout: 2000 });
    await sendKeys({ type: 'a' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'the newer answer shows', { timeout: 2000 });
    expect(signals[0]!.aborted).to.equal(true);
    releaseSlow!();
    await aTimeout(50);
    await el.updateComplete;
    expect($$(el, '#suggestions .option-label').map(textOf)).to.deep.equal(['fresh-pa']);
    expect(el.shadowRoot!.textContent).to.not.contain('STALE');
  });

  it('a provider that hangs shows "Loading…" until superseded or closed, and never throws', async () => {
    const signals: AbortSignal[] = [];
    const provider = fakeProvider((_e, _a, opts) => {
      signals.push(opts.signal!);
      return new Promise(() => undefined);
    });
    const { el } = await render(cond('City', 'in', []), { provider });
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'p' });
    await waitUntil(() => signals.length === 1, 'the request goes out', { timeout: 2000 });
    await el.updateComplete;
    expect(textOf($(el, '.panel.suggestions'))).to.equal('Loading suggestions…');
    await sendKeys({ type: 'a' });
    expect(signals[0]!.aborted).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(el, '.panel.suggestions')).to.equal(false);
    await aTimeout(300);
    expect(signals.length).to.equal(1); // the debounced request for "pa" was dropped on close
  });

  it('without a provider, an enumeration suggests its own values', async () => {
    const { el, events } = await render(cond('Country', 'in', []));
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'unit' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'suggestions show', { timeout: 2000 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(events.at(-1)!.condition.value).to.deep.equal(['US']);
    await el.updateComplete;
    expect(textOf($(el, '[part="chip"] .chip-text'))).to.equal('United States');
  });
});

// ---------------------------------------------------------------- focus, context, dates

describe('<condition-row> focus({ part })', () => {
  it('moves focus to the named control after the row has updated, without the host reaching into its shadow root', async () => {
    const { el } = await render(cond('CreditBalance', 'between', [1, 2]));
    await el.focus({ part: 'operator' });
    expect(focused(el)?.id).to.equal('operator');
    await el.focus({ part: 'value' }); // the value editor's first control
    expect(focused(el)?.id).to.equal('value-low');
    await el.focus({ part: 'attribute' });
    expect(focused(el)?.id).to.equal('attribute');
    // set a condition and focus at once: the promise waits for the new controls
    el.condition = cond('City', 'equals', 'Paris');
    await el.focus({ part: 'value' });
    expect(focused(el)?.id).to.equal('value');
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('Paris');
  });

  it('falls back to the first control: no part, or a part the row does not have yet', async () => {
    const { el } = await render({ kind: 'condition', entity: 'Customer', attribute: '', operator: '' });
    await el.focus({ part: 'operator' });
    expect(focused(el)?.id).to.equal('attribute');
    (document.activeElement as HTMLElement | null)?.blur();
    await el.focus();
    expect(focused(el)?.id).to.equal('attribute');
  });
});

describe('<condition-row> provider and catalog from context', () => {
  it('takes both from a surrounding <segment-provider> when they are not set as properties', async () => {
    await import('../../src/elements/segment-provider/define.js');
    const provider = memory();
    const wrapper = await fixture<HTMLElement>(
      html`<div style="padding: 24px; min-height: 400px">
        <segment-provider .provider=${provider}
          ><condition-row label="Condition 1" .condition=${cond('City', 'in', [])}></condition-row
        ></segment-provider>
      </div>`,
    );
    const el = wrapper.querySelector('condition-row')!;
    await waitUntil(() => !$<HTMLButtonElement>(el, '#attribute')!.disabled, 'the catalog arrives by context');
    expect(textOf($(el, '#attribute'))).to.equal('Attribute: City');
    $<HTMLInputElement>(el, '#value-list')!.focus();
    await sendKeys({ type: 'pa' });
    await waitUntil(() => $$(el, '#suggestions [role="option"]').length > 0, 'suggestions from the context provider', { timeout: 2000 });
    expect($$(el, '#suggestions .option-label').map(textOf)).to.deep.equal(['Paris', 'Pamplona']);
  });
});

describe('<condition-row> dates are UTC calendar days', () => {
  it('a date-time with an offset shows its UTC day in the date input', async () => {
    const { el } = await render(cond('BirthDate', 'on', '2026-12-19T23:30:00-05:00'));
    expect($<HTMLInputElement>(el, '#value')!.value).to.equal('2026-12-20');
    const pair = await render(cond('BirthDate', 'between', ['2026-12-19T23:59:59.999Z', '2026-12-19']));
    expect($<HTMLInputElement>(pair.el, '#value-low')!.value).to.equal('2026-12-19');
    expect($<HTMLInputElement>(pair.el, '#value-high')!.value).to.equal('2026-12-19');
  });
});
