/**
 * The switch from a long segment's first screenful of plain rows to the virtualizer, loaded
 * on demand. One test per file: the virtualizer loads once per page, and the switch happens
 * only on the first long segment a page shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-builder/define.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { GroupNode, SegmentDocument } from '../../src/core/index.js';
import { catalog, memoryProvider, until } from './fixtures.js';

// @lit-labs/virtualizer resizes inside ResizeObserver callbacks; Chromium reports that as a harmless window error.
window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

const shadow = (el: Element) => el.shadowRoot!;

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

/** The element holding focus, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

interface Frame {
  /** Where condition c5 is on screen (its top), if rendered. */
  c5: number | undefined;
  scrollY: number;
  rows: number;
  virtualRows: number;
  loading: boolean;
  count: boolean;
}

describe('<segment-builder> switching a long segment to the virtualizer', () => {
  it('never paints a frame without rows, and keeps focus, the scroll position and the keyboard across the switch; the count comes after the rows', async () => {
    const el = await fixture<SegmentBuilderElement>(
      html`<segment-builder
        count-delay="5"
        .catalog=${catalog}
        .provider=${memoryProvider()}
        .segment=${creditConditions(1000)}
      ></segment-builder>`,
    );
    const root = shadow(el);
    const loading = () => [...root.querySelectorAll('[role="status"]')].some((s) => /more rows/.test(s.textContent));
    // Every painted frame from here on (checked in requestAnimationFrame, on the DOM about to be painted).
    const frames: Frame[] = [];
    let watching = true;
    const tick = () => {
      const v = root.querySelector('lit-virtualizer');
      frames.push({
        c5: root.querySelector('[data-key="c5"]')?.getBoundingClientRect().top,
        scrollY: window.scrollY,
        rows: root.querySelectorAll('condition-row').length,
        virtualRows: v?.querySelectorAll('condition-row').length ?? 0,
        loading: loading(),
        count: root.querySelector('[part~="size"] strong') !== null,
      });
      if (watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);

    // The first screenful, before the virtualizer has arrived: scroll a little, focus a value.
    expect(loading(), 'the first screenful is shown while the virtualizer loads').to.equal(true);
    expect(root.querySelector('lit-virtualizer')).to.equal(null);
    window.scrollTo(0, 150);
    const scrolled = window.scrollY;
    expect(scrolled).to.be.greaterThan(0);
    const row = (id: string) => root.querySelector<HTMLElement>(`[data-key="${id}"]`);
    const input = (id: string) =>
      row(id)?.querySelector('condition-row')?.shadowRoot?.querySelector<HTMLInputElement>('input[part~="value-input"]');
    input('c5')!.focus();

    // The virtualizer takes over: the same row gets focus back, in the same field.
    await until(() => root.querySelector('lit-virtualizer condition-row') !== null && !loading(), 5000, 'the virtualizer with rows');
    await until(() => deepActive() === input('c5'), 3000, 'focus back in c5 after the switch');
    await until(() => frames.some((f) => f.count), 5000, 'the count');
    watching = false;

    const first = frames.findIndex((f) => f.rows > 0);
    const finished = frames.findIndex((f) => f.virtualRows > 0 && !f.loading);
    const counted = frames.findIndex((f) => f.count);
    expect(first).to.be.greaterThan(-1);
    const empty = frames.slice(first).findIndex((f) => f.rows === 0);
    expect(empty, `a frame without rows (frames: ${JSON.stringify(frames.slice(0, finished + 2))})`).to.equal(-1);
    // Every frame shows either the first screenful with its "Loading" line, or the virtualizer's rows.
    expect(frames.slice(first).every((f) => f.loading || f.virtualRows > 0)).to.equal(true);
    expect(counted, 'the count is never painted with the first rows').to.be.greaterThan(first);
    // The scroll position survives: the row in view (here the focused one) stays where it was on screen.
    const before = frames[finished - 1]!;
    const after = frames[finished]!;
    expect(before.loading && after.virtualRows > 0).to.equal(true);
    expect(after.scrollY, 'still scrolled').to.be.greaterThan(0);
    expect(Math.abs(after.c5! - before.c5!), `c5 on screen: ${before.c5} before the switch, ${after.c5} after`).to.be.lessThan(1);
    // The first count waits for the finished list.
    expect(counted, 'the count comes after the finished list').to.be.greaterThan(finished);

    // Typing goes on in the field that had focus; the keyboard works on the rows as before:
    // Alt+ArrowDown moves c5 below c6 and keeps focus on it.
    await sendKeys({ type: '7' });
    await el.updateComplete;
    const c5 = () => (el.segment!.rules[0]!.where as GroupNode).children.find((c) => c.id === 'c5');
    await until(() => c5()?.kind === 'condition' && c5()!.value === 57, 3000, 'the typed value in c5');
    row('c5')!.focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    const ids = (el.segment!.rules[0]!.where as GroupNode).children.slice(0, 8).map((c) => c.id);
    expect(ids).to.deep.equal(['c0', 'c1', 'c2', 'c3', 'c4', 'c6', 'c5', 'c7']);
    await until(() => root.activeElement?.getAttribute('data-key') === 'c5', 3000, 'focus on the moved row');
    window.scrollTo(0, 0);
  });
});
