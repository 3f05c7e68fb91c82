import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-builder/define.js';
import '../../src/elements/segment-provider/define.js';
import type { SegmentBuilderElement, SegmentChangeDetail } from '../../src/elements/segment-builder/segment-builder.js';
import { SegmentProviderError, type CountResult, type SegmentDocument, type SegmentProvider } from '../../src/core/index.js';
import { catalog, deepFreeze, example, memoryProvider, until } from './fixtures.js';

// @lit-labs/virtualizer resizes inside ResizeObserver callbacks; Chromium reports that as a harmless window error.
window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent.replace(/\s+/g, ' ');
const sizeText = (el: Element) => shadow(el).querySelector('[part="size"]')!.textContent.replace(/\s+/g, ' ').trim();

async function builder(
  segment: unknown,
  provider: SegmentProvider | undefined = memoryProvider(),
  extra: Partial<SegmentBuilderElement> = {},
) {
  const el = await fixture<SegmentBuilderElement>(
    html`<segment-builder count-delay="5" .catalog=${catalog} .provider=${provider} .segment=${segment}></segment-builder>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

/** A segment of `n` conditions "credit balance greater than i" in one OR group. */
function creditConditions(n: number): SegmentDocument {
  const children = Array.from({ length: n }, (_, i) => ({
    kind: 'condition' as const,
    id: `c${i}`,
    entity: 'Customer',
    attribute: 'CreditBalance',
    operator: 'greaterThan' as const,
    value: i,
  }));
  return {
    schemaVersion: 1,
    name: `Credit${n}`,
    audience: 'Customer',
    rules: [{ id: 'r1', where: { kind: 'group', id: 'g', combinator: 'or', children } }],
  };
}

/** A provider whose count answers as the test says; everything else is the memory provider. */
function countingProvider(count: (segment: SegmentDocument, signal?: AbortSignal) => Promise<CountResult>): SegmentProvider {
  const base = memoryProvider();
  return { ...base, count: (segment, opts) => count(segment, opts?.signal) };
}

describe('<segment-builder>', () => {
  it("renders the seeds' example with its summary, rules and live per-rule counts", async () => {
    const el = await builder(example());
    await until(() => /Estimated size: 1 customer/.test(sizeText(el)), 3000, 'the total count');
    const t = text(el);
    expect(t).to.contain('Customers with at least one Order where Total amount is greater than 500 and Order date is in the last 90 days');
    expect(t).to.contain('Rule 1');
    expect(t).to.contain('Rule 3');
    const counts = [...shadow(el).querySelectorAll('.rule .counts')].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
    expect(counts).to.deep.equal(['3 · 3 so far', '2 · 2 so far', '2 · 1 so far']);
    expect(shadow(el).querySelectorAll('condition-row').length).to.equal(3);
    await until(
      () => shadow(el).querySelector('[aria-live="polite"]')!.textContent.includes('Estimated size: 1 customer'),
      2000,
      'the announcement',
    );
    expect(shadow(el).querySelectorAll('group-operator[kind="set"]').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('takes its provider and catalog from a surrounding <segment-provider>', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<segment-provider .provider=${memoryProvider()}
        ><segment-builder count-delay="5" .segment=${example()}></segment-builder
      ></segment-provider>`,
    );
    const el = wrapper.querySelector('segment-builder')!;
    await until(() => /Estimated size: 1 customer/.test(sizeText(el)), 3000, 'a count through the context provider');
    expect(text(el)).to.contain('Customers with at least one Order where Total amount is greater than 500');
  });

  it('emits segment-change for user edits only, never for property sets, and never mutates its input', async () => {
    const given = deepFreeze(example());
    const events: SegmentChangeDetail[] = [];
    const el = await builder(given);
    el.addEventListener('segment-change', (e) => events.push(e.detail));
    el.segment = deepFreeze(example());
    await el.updateComplete;
    expect(events.length).to.equal(0);
    const name = shadow(el).querySelector<HTMLInputElement>('#prop-name')!;
    name.focus();
    name.select();
    await sendKeys({ type: 'Bad name' });
    expect(events.length).to.equal(8);
    const last = events.at(-1)!;
    expect(last.segment.name).to.equal('Bad name');
    expect(last.valid).to.equal(false);
    expect(last.errors.map((e) => e.code)).to.include('invalid-name');
    expect(given.name).to.equal('HighValueEscalated');
    await el.updateComplete;
    expect(shadow(el).querySelector('#prop-name-error')!.textContent).to.contain('not a valid name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('undoes and redoes with the buttons and with Ctrl+Z / Shift+Ctrl+Z', async () => {
    const el = await builder(example());
    const display = shadow(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: '!' });
    expect(el.segment!.displayName).to.equal('High value, escalated!');
    await sendKeys({ press: 'Control+z' });
    expect(el.segment!.displayName).to.equal('High value, escalated');
    await sendKeys({ press: 'Control+Shift+z' });
    expect(el.segment!.displayName).to.equal('High value, escalated!');
    await el.updateComplete;
    const undo = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent.trim() === 'Undo')!;
    undo.click();
    expect(el.segment!.displayName).to.equal('High value, escalated');
  });

  it('shows problems next to their rows and in a summary whose links move focus there', async () => {
    const doc = example();
    (doc.rules[0]!.where as { where: { children: { value: unknown }[] } }).where.children[0]!.value = 'lots';
    const el = await builder(doc);
    await el.updateComplete;
    const problems = shadow(el).querySelector('[part="problems"]')!;
    expect(problems.textContent).to.contain('1 problem');
    expect(problems.textContent).to.contain('must be a number');
    const row = shadow(el).querySelector('[data-node-id="c1"] condition-row') as HTMLElement & { errors: unknown[] };
    expect(row.errors.length).to.equal(1);
    (problems.querySelector('button') as HTMLButtonElement).click();
    await until(() => shadow(el).activeElement?.getAttribute('data-node-id') === 'c1', 2000, 'focus on the row');
    const activate = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent.includes('Save and activate'))!;
    expect(activate.disabled).to.equal(true);
    expect(sizeText(el)).to.contain('Fix the problems');
    await expect(el).to.be.accessible();
  });

  it("a problem's link brings a row far down a long segment into view and focuses it", async () => {
    const doc = creditConditions(300);
    const children = (doc.rules[0]!.where as { children: { value: unknown }[] }).children;
    children[290]!.value = 'lots';
    const el = await builder(doc);
    const problems = shadow(el).querySelector('[part="problems"]')!;
    expect(problems.textContent).to.contain('must be a number');
    (problems.querySelector('button') as HTMLButtonElement).click();
    await until(() => shadow(el).activeElement?.getAttribute('data-node-id') === 'c290', 2000, 'focus on the far row');
    const box = shadow(el).activeElement!.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(0);
    expect(box.bottom > 0 && box.top < window.innerHeight, 'the focused row is on screen').to.equal(true);
  });

  it('does not list "choose an attribute" for a row just added, but still reports it and blocks activation', async () => {
    const el = await builder(example());
    const changes: SegmentChangeDetail[] = [];
    el.addEventListener('segment-change', (e) => changes.push(e.detail));
    const add = [...shadow(el).querySelectorAll<HTMLButtonElement>('.add button')].find((b) => b.textContent.trim() === '+ Condition')!;
    add.click();
    await el.updateComplete;
    expect(changes.at(-1)!.valid).to.equal(false);
    expect(changes.at(-1)!.errors.map((e) => e.code)).to.deep.equal(['missing-attribute']);
    expect(shadow(el).querySelector('[part="problems"]')).to.equal(null);
    expect(sizeText(el)).to.contain('Choose an attribute for the new condition');
    const activate = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent.includes('Save and activate'))!;
    expect(activate.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('saves an invalid segment as a draft through the provider, and activates a valid one', async () => {
    const provider = memoryProvider();
    const doc = example();
    doc.name = 'has spaces';
    const el = await builder(doc, provider);
    const saveButton = () => [...shadow(el).querySelectorAll('button')].find((b) => /^Save( as draft)?$/.test(b.textContent.trim()))!;
    expect(saveButton().textContent.trim()).to.equal('Save as draft');
    const saved = oneEvent(el, 'segment-saved');
    saveButton().click();
    const { detail } = await saved;
    expect(detail.summary.status).to.equal('draft');
    expect((await provider.getSegment('high-value-escalated')).name).to.equal('has spaces');
    await el.updateComplete;
    expect(shadow(el).querySelector('.status')!.textContent).to.contain('Saved as a draft');
    el.segment = example();
    await el.updateComplete;
    const activated = oneEvent(el, 'segment-saved');
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent.includes('Save and activate'))!.click();
    expect((await activated).detail.summary.state).to.equal('active');
  });

  it('shows a clear error for a malformed document instead of throwing, and keeps the current edits', async () => {
    const el = await builder('{"schemaVersion": 3, "rules": []}');
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('schema version 3');
    await expect(el).to.be.accessible();
    el.segment = example();
    await el.updateComplete;
    const display = shadow(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: '?' });
    for (const bad of [42, ['x'], { rules: 'no' }, { schemaVersion: 1, audience: 'Customer', rules: [{ where: { kind: 'weird' } }] }]) {
      el.segment = bad;
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')).to.not.equal(null);
      expect(el.segment!.displayName).to.equal('High value, escalated?');
    }
    expect(text(el)).to.contain('nothing was lost');
  });

  it('a failing count shows inline with a retry and never blocks editing', async () => {
    let fail = true;
    const provider = countingProvider(async (segment) => {
      if (fail) throw new SegmentProviderError('unavailable', 'The warehouse is asleep');
      return memoryProvider().count(segment);
    });
    const el = await builder(example(), provider);
    await until(() => sizeText(el).includes('The warehouse is asleep'), 2000, 'the error');
    const display = shadow(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: 'X' });
    expect(el.segment!.displayName).to.equal('High value, escalatedX');
    await until(() => sizeText(el).includes('The warehouse is asleep'), 2000, 'the error again after the edit');
    fail = false;
    [...shadow(el).querySelectorAll('[part="size"] button')]
      .find((b) => b.textContent.includes('Retry'))!
      .dispatchEvent(new MouseEvent('click'));
    await until(() => /Estimated size: 1 customer/.test(sizeText(el)) && !sizeText(el).includes('asleep'), 2000, 'the retried count');
  });

  it('out-of-order and hanging answers never put a stale count on screen', async () => {
    const resolvers: ((r: CountResult) => void)[] = [];
    const provider = countingProvider(
      (segment, signal) =>
        new Promise((resolve) => {
          resolvers.push(resolve);
          signal?.addEventListener('abort', () => undefined); // ignores abort: the builder must guard itself
          void segment;
        }),
    );
    const el = await builder(example(), provider);
    await until(() => resolvers.length === 1, 2000, 'first count request');
    const display = shadow(el).querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: 'Z' });
    await until(() => resolvers.length === 2, 2000, 'second count request');
    resolvers[1]!({
      total: 7,
      rules: [
        { count: 7, cumulative: 7 },
        { count: 7, cumulative: 7 },
        { count: 7, cumulative: 7 },
      ],
    });
    await until(() => sizeText(el).includes('7'), 2000, 'the newer answer');
    resolvers[0]!({ total: 99, rules: [] });
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(sizeText(el)).to.contain('7');
    expect(sizeText(el)).to.not.contain('99');
    // A hanging answer leaves the previous number dimmed, and editing goes on.
    await sendKeys({ type: 'Y' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="size"] strong')!.classList.contains('stale')).to.equal(true);
    expect(el.segment!.displayName).to.equal('High value, escalatedZY');
  });

  it('reorders conditions with Alt+arrow keys and by drag and drop, keeping ids', async () => {
    const el = await builder(example());
    const order = () => (el.segment!.rules[0]!.where as { where: { children: { id: string }[] } }).where.children.map((c) => c.id);
    expect(order()).to.deep.equal(['c1', 'c2']);
    const row = shadow(el).querySelector<HTMLElement>('[data-node-id="c1"]')!;
    row.focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    expect(order()).to.deep.equal(['c2', 'c1']);
    await until(() => shadow(el).activeElement?.getAttribute('data-node-id') === 'c1', 2000, 'focus follows the moved row');
    await sendKeys({ press: 'Alt+ArrowUp' });
    await el.updateComplete;
    expect(order()).to.deep.equal(['c1', 'c2']);
    // Drag c2 onto c1: it goes before it. (Row actions appear on the row under the pointer.)
    shadow(el).querySelector<HTMLElement>('[data-node-id="c2"]')!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const handle = shadow(el).querySelector('[data-node-id="c2"] .drag') as HTMLElement;
    const target = shadow(el).querySelector<HTMLElement>('[data-node-id="c1"]')!;
    const dt = new DataTransfer();
    handle.dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true, composed: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(order()).to.deep.equal(['c2', 'c1']);
  });

  it("shows a row's actions when it has focus, and they work from the keyboard", async () => {
    const el = await builder(example());
    const actions = (id: string) => shadow(el).querySelectorAll(`[data-node-id="${id}"] .row-actions button`).length;
    expect(actions('c1')).to.equal(0);
    shadow(el).querySelector<HTMLElement>('[data-node-id="c1"]')!.focus();
    await el.updateComplete;
    expect(actions('c1')).to.equal(7);
    const remove = shadow(el).querySelector<HTMLButtonElement>('[data-node-id="c1"] button[aria-label="Remove condition 1"]')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-node-id="c1"]')).to.equal(null);
    expect(el.segment!.rules[0]!.where!.kind).to.equal('related');
    await expect(el).to.be.accessible();
  });

  it('read-only mode shows the segment without editing controls', async () => {
    const el = await builder(example(), memoryProvider(), { readonly: true });
    await el.updateComplete;
    expect(shadow(el).querySelector('input, textarea')).to.equal(null);
    expect([...shadow(el).querySelectorAll('button')].some((b) => b.textContent.includes('Save'))).to.equal(false);
    expect(text(el)).to.contain('HighValueEscalated');
    await expect(el).to.be.accessible();
  });

  it('renders only what is on screen for a segment of 1,000 conditions', async () => {
    const el = await builder(creditConditions(1000));
    await until(() => shadow(el).querySelector('lit-virtualizer') !== null, 3000, 'the virtualizer, loaded on demand');
    await until(() => shadow(el).querySelectorAll('condition-row').length > 0, 3000, 'rows');
    const rendered = shadow(el).querySelectorAll('condition-row').length;
    expect(rendered).to.be.greaterThan(0);
    expect(rendered).to.be.lessThan(200);
  });

  it('keeps focus on a row moved with Alt+ArrowDown in a virtualized list', async () => {
    const el = await builder(creditConditions(1000));
    await until(() => shadow(el).querySelector('lit-virtualizer [data-key="c5"]') !== null, 3000, 'the virtualizer with c5');
    shadow(el).querySelector<HTMLElement>('lit-virtualizer [data-key="c5"]')!.focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    expect((el.segment!.rules[0]!.where as { children: { id: string }[] }).children[6]!.id).to.equal('c5');
    await until(() => shadow(el).activeElement?.getAttribute('data-key') === 'c5', 2000, 'focus on the moved row');
  });

  it("opens a row's attribute picker whole, even far down a long segment whose off-screen rows the browser skips", async () => {
    const el = await builder(creditConditions(60));
    const rows = shadow(el).querySelectorAll('condition-row');
    expect(rows.length).to.equal(60); // below the virtualizer's threshold: every row is in the DOM
    const row = rows[45]!;
    row.scrollIntoView({ block: 'center' });
    shadow(row).querySelector<HTMLButtonElement>('[part="attribute"]')!.click();
    await until(() => shadow(row).querySelector('.panel.picker[data-placed]') !== null, 3000, 'the placed picker');
    const panel = shadow(row).querySelector<HTMLElement>('.panel.picker')!;
    const box = panel.getBoundingClientRect();
    const rowBox = row.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(rowBox.height * 2);
    // What the user sees at points of the panel well outside the row's own box is the panel.
    const deepest = (x: number, y: number) => {
      let hit: Element | null = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    };
    for (const y of [box.top + 8, box.top + box.height / 2, box.bottom - 8]) {
      if (y >= rowBox.top && y <= rowBox.bottom) continue;
      const hit = deepest(box.left + box.width / 2, y);
      expect(hit !== null && panel.contains(hit), `the panel at y=${Math.round(y)}`).to.equal(true);
    }
  });

  it('survives disconnect and reconnect, and keeps counting', async () => {
    const el = await builder(example());
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => /Estimated size: 1 customer/.test(sizeText(el)), 3000, 'count after reconnect');
  });
});
