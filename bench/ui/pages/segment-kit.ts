/** segment-kit side of `npm run bench:ui`: one `<segment-builder>`, no provider (counting is not measured). */
import '../../../src/themes/segment-kit.css';
import '../../../src/elements/segment-builder/define.js';
import type { GroupNode, SegmentDocument } from '../../../src/core/model/types.js';
import type { SegmentBuilderElement } from '../../../src/elements/segment-builder/segment-builder.js';
import { sampleCatalog } from '../../../src/sample/catalog.js';
import { largeSegment } from './fixtures.js';
import { install } from './harness.js';

let builder: SegmentBuilderElement | undefined;
let prepared: SegmentDocument | undefined;

/** The first group of ten (g0) in the builder's current document. */
function firstGroup(): GroupNode | undefined {
  const root = builder?.segment?.rules[0]?.where;
  const g = root?.kind === 'group' ? root.children[0] : undefined;
  return g?.kind === 'group' ? g : undefined;
}

install({
  prepare(n) {
    prepared = largeSegment(n);
  },
  mount() {
    builder = document.createElement('segment-builder');
    builder.catalog = sampleCatalog;
    builder.segment = prepared;
    document.getElementById('root')!.append(builder);
  },
  ready() {
    return this.valueInput() !== null;
  },
  valueInput() {
    const row = builder?.shadowRoot?.querySelector('[data-node-id="c0"] condition-row');
    return row?.shadowRoot?.querySelector<HTMLInputElement>('input[part~="value-input"]') ?? null;
  },
  setValue(input, value) {
    input.value = value;
  },
  editApplied(expected) {
    const c = firstGroup()?.children[0];
    return c?.kind === 'condition' && c.value === Number(expected);
  },
  addButton() {
    return builder?.shadowRoot?.querySelector<HTMLElement>('[data-key="g0:add"] button') ?? null;
  },
  addApplied() {
    return firstGroup()?.children.length === 11;
  },
});
