// The builder's bugs from issue 8 and what a keyboard and screen-reader user ran into:
// each test fails without its fix.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-builder/define.js';
import { SegmentProviderElement } from '../../src/elements/segment-provider/segment-provider.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { ConditionRowElement } from '../../src/elements/condition-row/condition-row.js';
import type { SegmentDocument, SegmentProvider, SegmentSummary } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { setMessages } from '../../src/elements/shared/messages.js';
import { NOW, catalog, data, doNotContact, example, memoryProvider, until } from './fixtures.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

const root = (el: Element) => el.shadowRoot!;
const buttons = (el: Element, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent.trim() === label);
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
const settle = async (el: SegmentBuilderElement) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

async function builder(segment: unknown, provider: SegmentProvider | undefined = memoryProvider()) {
  const el = await fixture<SegmentBuilderElement>(
    html`<segment-builder count-delay="5" .catalog=${catalog} .provider=${provider} .segment=${segment}></segment-builder>`,
  );
  await settle(el);
  return el;
}

const simple = (extra: Partial<SegmentDocument> = {}): SegmentDocument => ({
  schemaVersion: 1,
  name: 'Rich',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: {
        kind: 'group',
        id: 'g1',
        combinator: 'and',
        children: [
          { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 },
          { kind: 'condition', id: 'c2', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Paris' },
        ],
      },
    },
  ],
  ...extra,
});

describe('<segment-builder> fixes', () => {
  it('checks a reference against the store itself, past the first 500 listed segments (bug 1)', async () => {
    const many: SegmentDocument[] = Array.from({ length: 520 }, (_, i) => ({
      ...doNotContact,
      id: `s${String(i).padStart(3, '0')}`,
      name: `S${String(i).padStart(3, '0')}`,
      displayName: `Saved ${i}`,
    }));
    const provider = createMemoryProvider({ catalog, data, now: NOW, segments: many });
    const last = many.at(-1)!.id!;
    const el = await builder(simple({ rules: [...simple().rules, { id: 'r2', setOperator: 'union', segment: last }] }), provider);
    await until(() => el.editor.reference(last) !== undefined, 3000, 'the referenced segment read from the store');
    await settle(el);
    expect(el.validity.errors.map((e) => e.code)).to.not.include('unknown-segment');
    expect(root(el).textContent).to.not.contain('There is no saved segment');
  });

  it('shows a cycle through saved segments next to the rule, before any count fails (bug 1)', async () => {
    const b: SegmentDocument = { ...doNotContact, id: 'b', name: 'B', displayName: 'B', rules: [{ id: 'x', segment: 'a' }] };
    const provider = createMemoryProvider({ catalog, data, now: NOW, segments: [doNotContact, b] });
    const el = await builder(simple({ id: 'a', rules: [...simple().rules, { id: 'r2', setOperator: 'union', segment: 'b' }] }), provider);
    await until(() => el.validity.errors.some((e) => e.code === 'segment-cycle'), 3000, 'the cycle error');
    await settle(el);
    const refRow = root(el).querySelector<HTMLElement>('[data-key="r2:ref"]')!;
    expect(refRow.querySelector('.field-error')!.textContent).to.contain('a → b → a');
    expect(refRow.querySelector('select')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('a save that answers after another document was opened leaves that document, its id and its history alone (bug 2)', async () => {
    let answer: ((s: SegmentSummary) => void) | undefined;
    const base = memoryProvider();
    const provider: SegmentProvider = {
      ...base,
      saveSegment: (doc) =>
        new Promise<SegmentSummary>((resolve) => (answer = resolve)).then((s) => ({ ...s, id: 'first', name: doc.name ?? '' })),
    };
    const el = await builder(simple(), provider);
    buttons(el, 'Save')[0]!.click();
    await until(() => answer !== undefined, 2000, 'the save request');
    // Another document is opened and edited while the save is on its way.
    el.segment = simple({ name: 'Other' });
    await settle(el);
    const name = root(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    name.focus();
    await sendKeys({ type: 'X' });
    await settle(el);
    answer!({
      id: 'first',
      name: 'Rich',
      type: 'dynamic',
      state: 'inactive',
      status: 'notStarted',
      tags: [],
      usedBy: [],
    } as unknown as SegmentSummary);
    await settle(el);
    expect(el.segment.id).to.equal(undefined);
    expect(el.segment.displayName).to.equal('X');
    expect(el.editor.canUndo).to.equal(true);
    expect(root(el).querySelector('.status')!.textContent).to.not.contain('Saved');
  });

  it('a save that answers for the same document adopts the id and keeps the undo history', async () => {
    const el = await builder(simple());
    const name = root(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    name.focus();
    await sendKeys({ type: 'R' });
    await settle(el);
    buttons(el, 'Save')[0]!.click();
    await until(() => el.segment?.id !== undefined, 2000, 'the adopted id');
    expect(el.segment!.id).to.equal('rich');
    expect(el.editor.canUndo).to.equal(true);
  });

  it('after a cancelled drag, a later drop moves nothing (bug 3)', async () => {
    const el = await builder(simple());
    const c2 = root(el).querySelector<HTMLElement>('[data-node-id="c2"]')!;
    c2.dispatchEvent(new PointerEvent('pointerenter'));
    await settle(el);
    const handle = root(el).querySelector<HTMLElement>('[data-node-id="c2"] .drag')!;
    handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: new DataTransfer() }));
    handle.dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true })); // Escape: the drag is cancelled
    const before = el.segment;
    const c1 = root(el).querySelector<HTMLElement>('[data-node-id="c1"]')!;
    c1.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    c1.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    await settle(el);
    expect(el.segment).to.equal(before);
    expect(root(el).querySelector('.drop-target')).to.equal(null);
  });
});

describe('<segment-builder> for keyboard and screen-reader users', () => {
  it('offers the set operator when a rule is added: "+ Intersect rule" adds an intersect rule with focus in its condition', async () => {
    const el = await builder(simple());
    const changes: SegmentDocument[] = [];
    el.addEventListener('segment-change', (e) => changes.push(e.detail.segment));
    buttons(el, '+ Intersect rule')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(changes.at(-1)!.rules[1]!.setOperator).to.equal('intersect');
    await until(() => (deepActive()?.getAttribute('part') ?? '').includes('attribute'), 2000, 'focus in the new condition');
    buttons(el, '+ Except rule')[0]!.click();
    await settle(el);
    expect(el.segment!.rules[2]!.setOperator).to.equal('except');
  });

  it('"+ Rule from a saved segment" adds a segment rule and puts focus on its segment picker', async () => {
    const el = await builder(simple());
    buttons(el, '+ Rule from a saved segment')[0]!.click();
    await until(
      () => deepActive()?.tagName === 'SELECT' && deepActive()!.getAttribute('data-part') === 'segment',
      2000,
      'the segment picker',
    );
    expect(el.segment!.rules[1]!.segment).to.equal('');
    expect(el.segment!.rules[1]!.setOperator).to.equal('union');
  });

  it('has shortcuts to add conditions and rules and to reach the end of the rules, and a keyboard help on "?"', async () => {
    const el = await builder(simple());
    // Alt+Shift+C from inside a condition adds one right after it, focused.
    const first = root(el).querySelector<ConditionRowElement>('[data-node-id="c1"] condition-row')!;
    first.shadowRoot!.querySelector<HTMLElement>('[part~="operator"]')!.focus();
    await sendKeys({ press: 'Alt+Shift+KeyC' });
    await settle(el);
    const group = el.segment!.rules[0]!.where as { children: { id?: string; attribute: string }[] };
    expect(group.children.length).to.equal(3);
    expect(group.children[1]!.attribute).to.equal('');
    await until(() => (deepActive()?.getAttribute('part') ?? '').includes('attribute'), 2000, 'focus in the added condition');
    // Alt+Shift+R adds a rule.
    await sendKeys({ press: 'Alt+Shift+KeyR' });
    await settle(el);
    expect(el.segment!.rules.length).to.equal(2);
    // Alt+Shift+E goes to the end, where rules are added.
    await sendKeys({ press: 'Alt+Shift+KeyE' });
    await settle(el);
    expect(deepActive()!.textContent.trim()).to.equal('+ Add rule');
    // "?" outside a text field opens the help, Escape closes it.
    await sendKeys({ press: 'Shift+Slash' });
    await settle(el);
    const dialog = root(el).querySelector<HTMLDialogElement>('dialog.keys')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Alt+Shift+C');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(root(el).querySelector('dialog.keys')).to.equal(null);
  });

  it('a skip link reaches the end of the rule list', async () => {
    const el = await builder(simple());
    const skip = root(el).querySelector<HTMLButtonElement>('button.skip-link')!;
    expect(skip.textContent).to.contain('Skip to adding a rule');
    skip.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()!.textContent.trim()).to.equal('+ Add rule');
    expect(deepActive()!.closest('[role="group"]')!.getAttribute('aria-label')).to.equal('Add a rule');
  });

  it('names each "+ Condition" and "+ Group" for where it adds', async () => {
    const el = await builder(example());
    const names = [...root(el).querySelectorAll<HTMLButtonElement>('.add button')].map((b) => b.getAttribute('aria-label'));
    expect(names).to.include('Add condition to Orders where…');
    expect(names).to.include('Add group to Orders where…');
    expect(names).to.include('Add condition to Rule 1');
    const rows = [...root(el).querySelectorAll<HTMLElement>('.add')].map((r) => r.getAttribute('aria-label'));
    expect(rows).to.include('Add to Rule 1');
  });

  it('reads the per-rule counts as sentences', async () => {
    const el = await builder(example());
    await until(() => root(el).textContent.includes('Rule 1: 3 customers on its own, 3 so far'), 3000, 'the spoken counts');
    const rule = root(el).querySelector('[data-key="r1:rule"]')!;
    expect(rule.querySelector('.counts')!.getAttribute('aria-hidden')).to.equal('true');
    expect(rule.querySelector('.counts + .visually-hidden')!.textContent).to.equal('Rule 1: 3 customers on its own, 3 so far');
  });

  it('offers "Start a new segment" beside the error for a malformed document on an empty builder, and keeps the document', async () => {
    const bad = { schemaVersion: 1, audience: 'Customer', rules: 'nope' };
    const el = await builder(bad);
    expect(root(el).querySelector('[part="load-error"]')).to.not.equal(null);
    expect(el.rejectedSegment).to.equal(bad);
    await expect(el).to.be.accessible();
    buttons(el, 'Start a new segment')[0]!.click();
    await settle(el);
    expect(el.segment!.audience).to.equal('Customer');
    expect(root(el).querySelector('[part="load-error"]')).to.equal(null);
  });
});

describe('<segment-builder> wiring', () => {
  it('gives its rows the provider and catalog by context, not by setting properties on each', async () => {
    const provider = memoryProvider();
    const el = await builder(simple(), provider);
    const row = root(el).querySelector<ConditionRowElement>('condition-row')!;
    expect(row.provider).to.equal(undefined);
    expect(row.catalog).to.equal(undefined);
    expect(row.effectiveProvider).to.equal(provider);
    expect(row.effectiveCatalog).to.equal(catalog);
  });

  it('works inside a <segment-provider> that is defined after its children', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<late-segment-provider><segment-builder count-delay="5"></segment-builder></late-segment-provider>`,
    );
    const el = wrap.querySelector<SegmentBuilderElement>('segment-builder')!;
    el.segment = simple();
    await settle(el);
    expect(root(el).textContent).to.contain('No provider');
    customElements.define('late-segment-provider', class extends SegmentProviderElement {});
    (wrap as unknown as SegmentProviderElement).provider = memoryProvider();
    await until(
      () => /Estimated size: 1 customer/.test(root(el).querySelector('[part="size"]')!.textContent.replace(/\s+/g, ' ')),
      3000,
      'the count',
    );
    const row = root(el).querySelector<ConditionRowElement>('condition-row')!;
    expect(row.effectiveCatalog?.audience).to.equal('Customer');
  });

  it('does not count before the first frame is painted', async () => {
    let countedAt = 0;
    const base = memoryProvider();
    const provider: SegmentProvider = {
      ...base,
      count: (doc, opts) => {
        countedAt ||= performance.now();
        return base.count(doc, opts);
      },
    };
    const el = document.createElement('segment-builder');
    el.catalog = catalog;
    el.provider = provider;
    el.segment = simple();
    document.body.append(el);
    const painted = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    await until(() => countedAt > 0, 2000, 'the count');
    expect(countedAt).to.be.greaterThan(painted);
    el.remove();
  });
});

describe('<segment-builder> aggregate editor', () => {
  const aggregate = (match: object): SegmentDocument => ({
    schemaVersion: 1,
    name: 'Spenders',
    audience: 'Customer',
    rules: [{ id: 'r1', where: { kind: 'related', id: 'o1', entity: 'Order', match: match as never } }],
  });

  it('edits a between through the shared value editors, labelled, and points a problem at its note', async () => {
    const el = await builder(aggregate({ aggregate: 'sum', attribute: 'TotalAmount', operator: 'between', value: [100, null] }));
    const low = root(el).querySelector<HTMLInputElement>('#agg-v-o1-low')!;
    const high = root(el).querySelector<HTMLInputElement>('#agg-v-o1-high')!;
    expect(root(el).querySelector(`label[for="agg-v-o1-low"]`)!.textContent.trim()).to.equal('From');
    expect(root(el).querySelector(`label[for="agg-v-o1-high"]`)!.textContent.trim()).to.equal('To');
    // The missing upper bound is a problem, described on the control.
    const described = high.getAttribute('aria-describedby') ?? low.getAttribute('aria-describedby');
    expect(described).to.match(/^err-o1-/);
    expect(root(el).querySelector(`#${described!.split(' ')[0]}`)!.textContent).to.not.equal('');
    high.focus();
    await sendKeys({ type: '900' });
    await settle(el);
    const match = (el.segment!.rules[0]!.where as { match: { value: unknown } }).match;
    expect(match.value).to.deep.equal([100, 900]);
    await expect(el).to.be.accessible();
  });

  it('edits a relative date of a max aggregate with amount and unit', async () => {
    const el = await builder(
      aggregate({ aggregate: 'max', attribute: 'OrderDate', operator: 'inLast', value: { amount: 30, unit: 'day' } }),
    );
    const unit = root(el).querySelector<HTMLSelectElement>('#agg-v-o1-unit')!;
    unit.value = 'month';
    unit.dispatchEvent(new Event('change'));
    await settle(el);
    const match = (el.segment!.rules[0]!.where as { match: { value: unknown } }).match;
    expect(match.value).to.deep.equal({ amount: 30, unit: 'month' });
  });
});

describe('<segment-builder> in a host that keeps the segment in its own state', () => {
  it('passing back the document segment-change gave keeps undo working (React and Vue do this)', async () => {
    const el = await builder(simple());
    el.addEventListener('segment-change', (e) => {
      el.segment = e.detail.segment; // what a controlled component does on every change
    });
    const name = root(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    name.focus();
    await sendKeys({ type: 'Hi' });
    await settle(el);
    expect(el.segment!.displayName).to.contain('Hi');
    const undo = buttons(el, 'Undo')[0]!;
    expect(undo.disabled, 'Undo is offered after an edit').to.equal(false);
    undo.click();
    await settle(el);
    expect(el.segment!.displayName ?? '', 'Undo took the edit back').to.not.contain('Hi');
  });

  it('a different document still loads (and clears undo)', async () => {
    const el = await builder(simple());
    const name = root(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    name.focus();
    await sendKeys({ type: 'Hi' });
    await settle(el);
    el.segment = simple({ name: 'Other' });
    await settle(el);
    expect(el.segment.name).to.equal('Other');
    expect(buttons(el, 'Undo')[0]!.disabled).to.equal(true);
  });
});

describe('<segment-builder> messages', () => {
  it('renders problems from their code and params through the message table', async () => {
    setMessages({ 'error.missing-name': () => 'Gib dem Segment einen Namen.' }, 'de');
    try {
      const el = await builder(simple({ name: undefined }));
      expect(root(el).querySelector('#prop-name-error')!.textContent).to.equal('Gib dem Segment einen Namen.');
      expect(root(el).querySelector('[part="problems"]')!.textContent).to.contain('Gib dem Segment einen Namen.');
    } finally {
      setMessages({});
    }
  });
});
