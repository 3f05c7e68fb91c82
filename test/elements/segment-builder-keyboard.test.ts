import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-builder/define.js';
import type { SegmentBuilderElement, SegmentChangeDetail } from '../../src/elements/segment-builder/segment-builder.js';
import type { SegmentDocument, SegmentNode } from '../../src/core/index.js';
import { catalog, memoryProvider, until } from './fixtures.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Strip ids so the emitted JSON can be compared with what a person built. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'id')
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return value;
}

describe('<segment-builder> by keyboard only', () => {
  it("builds the seeds' example from an empty builder and emits its JSON", async () => {
    const changes: SegmentChangeDetail[] = [];
    const el = await fixture<SegmentBuilderElement>(
      html`<segment-builder
        count-delay="5"
        .catalog=${catalog}
        .provider=${memoryProvider()}
        .segment=${{ schemaVersion: 1, audience: 'Customer', rules: [] }}
      ></segment-builder>`,
    );
    el.addEventListener('segment-change', (e) => changes.push(e.detail));
    const root = el.shadowRoot!;
    const settle = async () => {
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 30));
    };
    /** Tab to a button (the test focuses it directly: Tab order is covered elsewhere) and press Enter. */
    const press = async (button: HTMLElement | undefined | null, what: string) => {
      if (!button) throw new Error(`no button: ${what}`);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle();
    };
    const buttons = (label: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent.trim() === label);
    /** On the focused attribute button: open the picker, type, choose the first match. */
    const chooseAttribute = async (text: string) => {
      expect(deepActive()?.getAttribute('part') ?? '').to.contain('attribute');
      await sendKeys({ press: 'Enter' });
      await settle();
      await sendKeys({ type: text });
      await settle();
      await sendKeys({ press: 'Enter' });
      await settle();
    };
    const chooseOperator = async (steps: number) => {
      await until(() => (deepActive()?.getAttribute('part') ?? '').includes('operator'), 2000, 'focus on the operator');
      for (let i = 0; i < steps; i++) await sendKeys({ press: 'ArrowDown' });
      await settle();
    };

    // Name the segment.
    root.querySelector<HTMLInputElement>('#prop-name')!.focus();
    await sendKeys({ type: 'HighValueEscalated' });

    // Rule 1: Order total amount greater than 500 …
    await press(buttons('+ Add rule')[0], 'add rule');
    await chooseAttribute('Total amount');
    await chooseOperator(2); // equals → notEquals → greaterThan
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '500' });
    await settle();
    // … and Order date in the last 90 days, in the same Order block.
    const orderBlock = () => root.querySelector<HTMLElement>('.related')!;
    const addInBlock = [...root.querySelectorAll<HTMLElement>('.add')].find(
      (row) => row.dataset.key === `${orderBlock().dataset.nodeId}:add`,
    );
    await press(addInBlock?.querySelector('button'), 'add a condition to the Order block');
    await chooseAttribute('Order date');
    await chooseOperator(4); // on → before → after → between → inLast
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: '90' });
    await settle();

    // Rule 2: intersect customers with an escalated case.
    await press(buttons('+ Add rule')[0], 'add rule 2');
    await chooseAttribute('Escalated');
    const setOps = () => [...root.querySelectorAll('group-operator[kind="set"]')];
    (setOps()[0] as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' }); // union → intersect
    await settle();

    // Rule 3: except the saved segment "Do not contact".
    await press(buttons('+ Add rule')[0], 'add rule 3');
    await press(buttons('Use a saved segment').at(-1), 'use a saved segment');
    await until(() => deepActive()?.tagName === 'SELECT', 2000, 'focus on the segment picker');
    await until(() => (deepActive() as HTMLSelectElement).options.length > 1, 2000, 'saved segments listed');
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    (setOps()[1] as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' }); // union → intersect → except
    await settle();

    const last = changes.at(-1)!;
    const expected: Omit<SegmentDocument, 'rules'> & { rules: unknown[] } = {
      schemaVersion: 1,
      name: 'HighValueEscalated',
      audience: 'Customer',
      rules: [
        {
          where: {
            kind: 'related',
            entity: 'Order',
            match: { quantifier: 'atLeast', count: 1 },
            where: {
              kind: 'group',
              combinator: 'and',
              children: [
                { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
                { kind: 'condition', entity: 'Order', attribute: 'OrderDate', operator: 'inLast', value: { amount: 90, unit: 'day' } },
              ],
            },
          },
        },
        {
          setOperator: 'intersect',
          where: {
            kind: 'related',
            entity: 'Case',
            match: { quantifier: 'atLeast', count: 1 },
            where: { kind: 'condition', entity: 'Case', attribute: 'Escalated', operator: 'isTrue' },
          },
        },
        { setOperator: 'except', segment: 'do-not-contact' },
      ],
    };
    expect(withoutIds(last.segment)).to.deep.equal(expected);
    expect(last.valid).to.equal(true);
    const ids = new Set<string>();
    const collect = (n: SegmentNode | undefined) => {
      if (!n) return;
      ids.add(n.id!);
      if (n.kind === 'group') n.children.forEach(collect);
      if (n.kind === 'related') collect(n.where);
    };
    last.segment.rules.forEach((r) => collect(r.where));
    expect([...ids].every(Boolean)).to.equal(true);
    await until(
      () => /Estimated size: 1 customer/.test(root.querySelector('[part="size"]')!.textContent.replace(/\s+/g, ' ')),
      3000,
      'the count',
    );
    await expect(el).to.be.accessible();
  });
});
