// Typed events: every kit event bubbles out of shadow roots, is cancelable only where
// cancelling does something, and is typed in the global event maps.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/segment-builder/define.js';
import '../../src/elements/group-operator/define.js';
import { emit, type SegmentKitEventDetails } from '../../src/elements/shared/events.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import { catalog, example } from './fixtures.js';

// Compile-time: each event's type is in both global maps with its detail type.
const typed: {
  [K in keyof SegmentKitEventDetails]: [HTMLElementEventMap[K]['detail'], GlobalEventHandlersEventMap[K]['detail']];
} = {} as never;
void typed;

describe('typed events', () => {
  it('bubble and are composed; only segment-save and the group operator changes are cancelable', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const seen: Record<string, [boolean, boolean, boolean]> = {};
    const names: (keyof SegmentKitEventDetails)[] = [
      'segment-change',
      'segment-save',
      'segment-saved',
      'segment-cancel',
      'condition-change',
      'group-operator-change',
      'group-not-change',
      'segment-catalog-load',
      'segment-catalog-error',
    ];
    for (const n of names) document.addEventListener(n, (e) => (seen[n] = [e.bubbles, e.composed, e.cancelable]), { once: true });
    for (const n of names) emit(target, n, {});
    target.remove();
    for (const n of names) expect(seen[n]!.slice(0, 2), n).to.deep.equal([true, true]);
    expect(names.filter((n) => seen[n]![2])).to.deep.equal(['segment-save', 'group-operator-change', 'group-not-change']);
  });

  it('a listener typed by the event map gets the detail the builder sends', async () => {
    const el = await fixture<SegmentBuilderElement>(html`<segment-builder .catalog=${catalog} .segment=${example()}></segment-builder>`);
    let name: string | undefined;
    el.addEventListener('segment-change', (e) => (name = e.detail.segment.displayName)); // e: CustomEvent<SegmentChangeDetail>
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#prop-displayName')!;
    input.value = 'Typed';
    input.dispatchEvent(new Event('input'));
    expect(name).to.equal('Typed');
  });
});
