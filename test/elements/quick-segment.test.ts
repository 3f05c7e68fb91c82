import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/quick-segment/define.js';
import '../../src/elements/segment-builder/define.js';
import type { QuickSegmentElement } from '../../src/elements/quick-segment/quick-segment.js';
import type { ConditionRowElement } from '../../src/elements/condition-row/condition-row.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import {
  SegmentProviderError,
  type AttributeStats,
  type ConditionNode,
  type SegmentDocument,
  type SegmentProvider,
  type SegmentSummary,
} from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleProvider } from '../../src/sample/index.js';
import { catalog, data, memoryProvider, NOW, until } from './fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (el: QuickSegmentElement) => $<ConditionRowElement>(el, 'condition-row')!;
const condition = (el: QuickSegmentElement) => el.condition as ConditionNode;
const sizeText = (el: QuickSegmentElement) => text($(el, '[part~="size"] strong'));
const shownCount = (el: QuickSegmentElement) => {
  const s = $(el, '[part~="size"] strong:not(.stale)');
  return s ? Number(s.dataset.count) : undefined;
};
const topButtons = (el: QuickSegmentElement) => $$<HTMLButtonElement>(el, '[part~="top-value"]');
const topButton = (el: QuickSegmentElement, label: string) => topButtons(el).find((b) => text(b.querySelector('.top-label')) === label)!;
const bars = (el: QuickSegmentElement) => $$<HTMLButtonElement>(el, '[part~="histogram-bar"]');
const pressed = (buttons: HTMLButtonElement[]) => buttons.map((b) => b.getAttribute('aria-pressed') === 'true');

async function mount(provider: SegmentProvider | undefined, start: { entity?: string; attribute?: string } = {}) {
  const room = document.createElement('div');
  room.style.minHeight = '700px';
  document.body.append(room);
  const el = await fixture<QuickSegmentElement>(
    html`<quick-segment
      count-delay="5"
      .provider=${provider}
      entity=${start.entity ?? ''}
      attribute=${start.attribute ?? ''}
    ></quick-segment>`,
    { parentNode: room },
  );
  return el;
}

const insightsShown = (el: QuickSegmentElement) =>
  until(() => !!$(el, '[part~="top-values"], [part~="histogram"], [part~="boolean"]'), 5000, 'insights');

/** Pick an attribute with the keyboard: focus the picker button, Enter, type, Enter. */
async function pickByKeyboard(el: QuickSegmentElement, search: string) {
  await until(() => !!row(el)?.shadowRoot?.querySelector('#attribute:not([disabled])'), 3000, 'the picker');
  const r = row(el);
  r.shadowRoot!.querySelector<HTMLButtonElement>('#attribute')!.focus();
  await sendKeys({ press: 'Enter' });
  await r.updateComplete;
  await until(() => r.shadowRoot!.activeElement?.id === 'attribute-search', 3000, 'the search field');
  await sendKeys({ type: search });
  await r.updateComplete;
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** The count the provider gives for the element's segment. */
const providerCount = async (p: SegmentProvider, el: QuickSegmentElement) => (await p.count({ ...el.segment!, name: 'Probe' })).total;

afterEach(() => {
  document.querySelectorAll('body > div').forEach((d) => d.remove());
});

describe('<quick-segment>: the flow', () => {
  it('pick an attribute by keyboard, two top values → "is one of", the count, a name, save, and open it in the builder', async () => {
    const p = memoryProvider();
    const el = await mount(p);
    await until(() => !!row(el), 3000, 'the condition row');
    expect(text($(el, '[part~="size"]'))).to.contain('Choose an operator and a value');
    await expect(el).to.be.accessible();

    await pickByKeyboard(el, 'city');
    expect(condition(el).attribute).to.equal('City');
    await insightsShown(el);
    // Hand-counted from the fixture: Berlin, Boston, Lyon, Paris, one customer each.
    expect(topButtons(el).map((b) => text(b.querySelector('.top-label')))).to.have.members(['Paris', 'Lyon', 'Berlin', 'Boston']);
    expect(text(topButton(el, 'Paris').querySelector('.top-count'))).to.equal('1 customer');
    await expect(el).to.be.accessible();

    topButton(el, 'Paris').click();
    await el.updateComplete;
    topButton(el, 'Berlin').click();
    await el.updateComplete;
    expect(condition(el).operator).to.equal('in');
    expect(condition(el).value).to.deep.equal(['Paris', 'Berlin']);
    expect(topButton(el, 'Paris').getAttribute('aria-pressed')).to.equal('true');
    expect(topButton(el, 'Lyon').getAttribute('aria-pressed')).to.equal('false');
    // The condition row shows the same list.
    await until(() => row(el).shadowRoot!.querySelectorAll('[part~="chip"]').length === 2, 3000, 'two chips');

    const expected = await providerCount(p, el);
    expect(expected).to.equal(2);
    await until(() => shownCount(el) === expected, 3000, 'the count');
    expect(sizeText(el)).to.equal('2 customers (50%)');

    const displayName = $<HTMLInputElement>(el, 'input[name="displayName"]')!;
    displayName.focus();
    await sendKeys({ type: 'Paris & Berlin' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="name"]')!.value).to.equal('ParisBerlin');
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'segment-saved');
    $<HTMLButtonElement>(el, '[part~="save"]')!.click();
    const { detail } = (await saved) as CustomEvent<{ summary: SegmentSummary }>;
    expect(detail.summary.name).to.equal('ParisBerlin');
    expect(detail.summary.displayName).to.equal('Paris & Berlin');
    expect(detail.summary.status).to.not.equal('draft');
    await el.updateComplete;
    expect(text($(el, '[part~="saved"]'))).to.contain('Saved “Paris & Berlin”');

    // The saved document round-trips and is an ordinary segment.
    const doc = await p.getSegment(detail.summary.id);
    expect(doc.rules).to.have.length(1);
    expect(doc.rules[0]!.where).to.include({ kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'in' });
    expect((await p.count(doc)).total).to.equal(2);

    const edit = oneEvent(el, 'segment-edit');
    $<HTMLButtonElement>(el, '[part~="open-in-builder"]')!.click();
    expect(((await edit) as CustomEvent<{ id: string }>).detail).to.deep.equal({ id: detail.summary.id });

    const builder = await fixture<SegmentBuilderElement>(
      html`<segment-builder count-delay="5" .catalog=${catalog} .provider=${p} .segment=${doc}></segment-builder>`,
    );
    await until(() => !!builder.shadowRoot!.querySelector('condition-row'), 3000, 'the builder rows');
    const builderRow = builder.shadowRoot!.querySelector<ConditionRowElement>('condition-row')!;
    expect(builderRow.condition).to.include({ attribute: 'City', operator: 'in' });
    expect(builderRow.condition!.value).to.deep.equal(['Paris', 'Berlin']);
    expect(builder.validity.valid, 'the builder finds it valid').to.equal(true);
  });

  it('a related entity’s attribute: inside "with at least 1 Order", counts in customers, labelled so', async () => {
    const p = memoryProvider();
    const el = await mount(p);
    await pickByKeyboard(el, 'channel');
    expect(condition(el).entity).to.equal('Order');
    expect(el.segment!.rules[0]!.where).to.include({ kind: 'related', entity: 'Order' });
    await insightsShown(el);
    // Web: O1 (C1), O3 (C3), O4 (C4) → 3 customers; Store: O2 (C2).
    expect(text(topButton(el, 'Web').querySelector('.top-count'))).to.equal('3 customers');
    expect(text($(el, '[part~="note"]'))).to.equal('Counts are customers with at least one Order with that value.');
    topButton(el, 'Web').click();
    await until(() => shownCount(el) === 3, 3000, 'the count');
    expect(await providerCount(p, el)).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('a histogram: a bar → between its bounds, Shift+click a range, and the keyboard', async () => {
    const p = createSampleProvider({ customers: 300, historyDays: 0 });
    const stats = (await p.attributeStats('Customer', 'LoyaltyPoints')) as Extract<AttributeStats, { type: 'number' }>;
    const bins = stats.histogram!;
    const el = await mount(p, { entity: 'Customer', attribute: 'LoyaltyPoints' });
    await insightsShown(el);
    expect(bars(el)).to.have.length(bins.length);
    expect(text($(el, '[part~="percentiles"]'))).to.contain('Median');
    await expect(el).to.be.accessible();

    bars(el)[0]!.click();
    await el.updateComplete;
    expect(condition(el)).to.include({ operator: 'between' });
    expect(condition(el).value).to.deep.equal([bins[0]!.from, bins[0]!.to]);
    bars(el)[2]!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await el.updateComplete;
    expect(condition(el).value).to.deep.equal([bins[0]!.from, bins[2]!.to]);
    expect(pressed(bars(el)).slice(0, 4)).to.deep.equal([true, true, true, false]);
    // The range runs from the bar clicked first: Shift+click a nearer bar shrinks it.
    bars(el)[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await el.updateComplete;
    expect(condition(el).value).to.deep.equal([bins[0]!.from, bins[1]!.to]);
    bars(el)[2]!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await el.updateComplete;
    const expected = await providerCount(p, el);
    await until(() => shownCount(el) === expected, 3000, 'the count of the range');

    // One tab stop; arrows move, Enter picks, Shift+Arrow extends.
    expect(bars(el).filter((b) => b.tabIndex === 0)).to.have.length(1);
    bars(el)[2]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(shadow(el).activeElement === bars(el)[3], 'focus moved to the next bar').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(condition(el).value).to.deep.equal([bins[3]!.from, bins[3]!.to]);
    await sendKeys({ press: 'Shift+ArrowRight' });
    await el.updateComplete;
    expect(condition(el).value).to.deep.equal([bins[3]!.from, bins[4]!.to]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement === bars(el)[0], 'Home').to.equal(true);
  });

  it('right-to-left: ArrowLeft moves to the next bar', async () => {
    const p = createSampleProvider({ customers: 200, historyDays: 0 });
    const el = await mount(p, { entity: 'Customer', attribute: 'CreditBalance' });
    el.dir = 'rtl';
    await insightsShown(el);
    bars(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(shadow(el).activeElement === bars(el)[1], 'next bar').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a date: its range and a histogram by month; a bar → between its first and last day', async () => {
    const p = createSampleProvider({ customers: 300, historyDays: 0 });
    const stats = (await p.attributeStats('Order', 'OrderDate')) as Extract<AttributeStats, { type: 'date' }>;
    const el = await mount(p, { entity: 'Order', attribute: 'OrderDate' });
    await insightsShown(el);
    expect(text($(el, '#bars-title'))).to.contain('By month');
    expect(bars(el)).to.have.length(stats.histogram!.length);
    const last = stats.histogram!.length - 1;
    bars(el)[last]!.click();
    await el.updateComplete;
    const bin = stats.histogram![last]!;
    expect(condition(el)).to.include({ entity: 'Order', operator: 'between' });
    expect(condition(el).value).to.deep.equal([bin.from, bin.to]);
    await until(() => shownCount(el) === bin.count, 3000, 'the bar’s customers');
    expect(await providerCount(p, el)).to.equal(bin.count);
    await expect(el).to.be.accessible();
  });

  it('a boolean: true, false and empty counts; a click picks isTrue / isFalse / isEmpty', async () => {
    const p = memoryProvider();
    const el = await mount(p, { entity: 'Customer', attribute: 'DoNotContact' });
    await insightsShown(el);
    const buttons = () => $$<HTMLButtonElement>(el, '[part~="boolean-value"]');
    expect(buttons().map((b) => text(b.querySelector('.top-count')))).to.deep.equal(['2 customers', '2 customers', '0 customers']);
    buttons()[0]!.click();
    await el.updateComplete;
    expect(condition(el).operator).to.equal('isTrue');
    expect(pressed(buttons())).to.deep.equal([true, false, false]);
    await until(() => shownCount(el) === 2, 3000, 'the count');
    buttons()[1]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(condition(el).operator).to.equal('isEmpty');
    await until(() => shownCount(el) === 0, 3000, 'nobody');
    await expect(el).to.be.accessible();
  });
});

describe('<quick-segment>: states and faults', () => {
  it('no provider, and loading the catalog', async () => {
    const none = await mount(undefined);
    expect(text($(none, '[part~="state"]'))).to.equal('No data provider is connected.');
    await expect(none).to.be.accessible();
    const hanging = { ...memoryProvider(), getCatalog: () => new Promise<never>(() => undefined) };
    const loading = await mount(hanging);
    await until(() => text($(loading, '[part~="state"]')) === 'Loading attributes…', 3000, 'loading');
    await expect(loading).to.be.accessible();
  });

  it('a catalog that fails: an error with Retry', async () => {
    let fail = true;
    const base = memoryProvider();
    const p: SegmentProvider = {
      ...base,
      getCatalog: (o) => (fail ? Promise.reject(new SegmentProviderError('unavailable', 'Catalog service down.')) : base.getCatalog(o)),
    };
    const el = await mount(p);
    await until(() => text($(el, '[part~="state"]')).includes('Catalog service down.'), 3000, 'the error');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await until(() => !!row(el), 3000, 'the picker after Retry');
  });

  it('stats that fail: an error with Retry, then the insights', async () => {
    let fail = true;
    const base = memoryProvider();
    const p: SegmentProvider = {
      ...base,
      attributeStats: (e, a, o) =>
        fail ? Promise.reject(new SegmentProviderError('unavailable', 'Stats are down.')) : base.attributeStats(e, a, o),
    };
    const el = await mount(p, { attribute: 'Country' });
    await until(() => text($(el, '[part~="insights"] [role="alert"]')).includes('Stats are down.'), 3000, 'the error');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~="insights"] [part~="retry"]')!.click();
    await insightsShown(el);
    expect(topButtons(el).length).to.equal(3);
  });

  it('stats loading: a polite status, then a count while insights are still on the way', async () => {
    const p: SegmentProvider = { ...memoryProvider(), attributeStats: () => new Promise<never>(() => undefined) };
    const el = await mount(p, { attribute: 'DoNotContact' });
    await until(() => text($(el, '[part~="insights"] [role="status"]')) === 'Loading insights…', 3000, 'loading');
    expect($(el, '[part~="insights"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a provider that counts a related entity’s rows (no `related: true`): labelled as rows', async () => {
    const base = memoryProvider();
    // An older provider: the original fields only, counts of rows.
    const p: SegmentProvider = {
      ...base,
      attributeStats: () =>
        Promise.resolve({
          type: 'string',
          total: 4,
          nulls: 0,
          distinct: 2,
          top: [
            { value: 'Web', count: 3 },
            { value: 'Store', count: 1 },
          ],
        }),
    };
    const el = await mount(p, { entity: 'Order', attribute: 'Channel' });
    await insightsShown(el);
    expect(text(topButton(el, 'Web').querySelector('.top-count'))).to.equal('3 rows');
    expect(text($(el, '[part~="note"]'))).to.contain('Order rows');
    await expect(el).to.be.accessible();
  });

  it('a provider without attributeStats: a message, and the rest still works', async () => {
    const { attributeStats: _gone, ...rest } = memoryProvider();
    const p = rest as SegmentProvider;
    const el = await mount(p, { attribute: 'CreditBalance' });
    await until(() => text($(el, '[part~="insights"]')).includes('gives no insights'), 3000, 'the message');
    await expect(el).to.be.accessible();
    // Fill the condition in the row: "greater than 500".
    const r = row(el);
    r.shadowRoot!.querySelector('.line')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await r.updateComplete;
    const select = r.shadowRoot!.querySelector<HTMLSelectElement>('select[part~="operator"]')!;
    select.value = 'greaterThan';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await r.updateComplete;
    const input = r.shadowRoot!.querySelector<HTMLInputElement>('input[part~="value-input"]')!;
    input.focus();
    await sendKeys({ type: '500' });
    await until(() => shownCount(el) === 2, 3000, 'C1 and C3');
  });

  it('a count that fails: an error with Retry; a save that fails keeps everything typed', async () => {
    let failCount = true;
    let failSave = true;
    const base = memoryProvider();
    const p: SegmentProvider = {
      ...base,
      count: (s, o) => (failCount ? Promise.reject(new SegmentProviderError('unavailable', 'Counting is down.')) : base.count(s, o)),
      saveSegment: (d, o) => (failSave ? Promise.reject(new SegmentProviderError('storage', 'The disk is full.')) : base.saveSegment(d, o)),
    };
    const el = await mount(p, { attribute: 'Country' });
    await insightsShown(el);
    topButton(el, 'FR').click();
    await until(() => text($(el, '[part~="size"]')).includes('Counting is down.'), 3000, 'the count error');
    await expect(el).to.be.accessible();
    failCount = false;
    $<HTMLButtonElement>(el, '[part~="size"] [part~="retry"]')!.click();
    await until(() => shownCount(el) === 2, 3000, 'the count after Retry');

    // Save without a name: told, nothing asked.
    $<HTMLButtonElement>(el, '[part~="save"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part~="form"] [role="alert"]'))).to.equal('Give the segment a name.');
    const displayName = $<HTMLInputElement>(el, 'input[name="displayName"]')!;
    displayName.focus();
    await sendKeys({ type: 'French customers' });
    expect(await el.save()).to.equal(undefined);
    await el.updateComplete;
    expect(text($(el, '[part~="form"] [role="alert"]'))).to.contain('The disk is full.');
    await expect(el).to.be.accessible();
    expect(displayName.value).to.equal('French customers');
    expect(el.segment!.name).to.equal('FrenchCustomers');
    expect(condition(el).value).to.deep.equal(['FR']);
    failSave = false;
    const summary = await el.save();
    expect(summary?.name).to.equal('FrenchCustomers');
  });

  it('out-of-order answers: a slow count and slow stats for an older choice never show', async () => {
    const base = memoryProvider();
    const slow = new Set<string>();
    const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const p: SegmentProvider = {
      ...base,
      // Ignores its signal, to prove the element drops the answer by itself.
      count: async (s) => {
        const key = JSON.stringify(s.rules);
        const answer = await base.count(s);
        await delay(slow.has(key) ? 400 : 10);
        return answer;
      },
      attributeStats: async (e, a) => {
        const answer = await base.attributeStats(e, a);
        await delay(a === 'City' ? 400 : 10);
        return answer;
      },
    };
    const el = await mount(p, { attribute: 'City' });
    // Change to Country before City's stats arrive.
    await delay(50);
    el.attribute = 'Country';
    await insightsShown(el);
    expect(topButtons(el).map((b) => text(b.querySelector('.top-label')))).to.include('FR');
    await delay(450);
    expect(topButtons(el).map((b) => text(b.querySelector('.top-label')))).to.not.include('Paris');

    // A slow count for "France", then a fast one for "France or Germany".
    topButton(el, 'FR').click();
    slow.add(JSON.stringify(el.segment!.rules));
    await el.updateComplete;
    await delay(30);
    topButton(el, 'DE').click();
    await until(() => shownCount(el) === 3, 3000, 'the latest count');
    await delay(450);
    expect(shownCount(el)).to.equal(3);
  });

  it('hostile values in the top values are text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const p = createMemoryProvider({
      catalog,
      data: { ...data, Customer: data.Customer.map((c, i) => (i < 2 ? { ...c, City: hostile } : c)) },
      now: NOW,
    });
    const el = await mount(p, { attribute: 'City' });
    await insightsShown(el);
    expect(text(topButtons(el)[0]!.querySelector('.top-label'))).to.equal(hostile);
    expect($$(el, 'img')).to.have.length(0);
    topButtons(el)[0]!.click();
    await until(() => shownCount(el) === 2, 3000, 'the count');
    expect(condition(el).value).to.deep.equal([hostile]);
  });

  it('never changes a document it was given; the segment is built anew for each attribute', async () => {
    const p = memoryProvider();
    const el = await mount(p, { attribute: 'City' });
    await insightsShown(el);
    const first: SegmentDocument = el.segment!;
    const frozen = JSON.stringify(first);
    el.entity = 'Case';
    el.attribute = 'Escalated';
    await insightsShown(el);
    await until(() => !!$(el, '[part~="boolean"]'), 3000, 'boolean insights');
    expect(JSON.stringify(first)).to.equal(frozen);
    expect(el.segment!.rules[0]!.where).to.include({ kind: 'related', entity: 'Case' });
  });
});
