/**
 * segment-kit side of `npm run bench:ui`: one `<segment-builder>` with the sample catalog
 * and, as in an app, the memory provider over the sample dataset attached before it is
 * connected, so its first live count runs during the measured mount.
 */
import '../../../src/themes/segment-kit.css';
import '../../../src/elements/segment-builder/define.js';
import type { GroupNode, SegmentDocument } from '../../../src/core/model/types.js';
import type { SegmentProvider } from '../../../src/core/provider/types.js';
import type { SegmentBuilderElement } from '../../../src/elements/segment-builder/segment-builder.js';
import { createMemoryProvider } from '../../../src/providers/memory/index.js';
import { sampleCatalog } from '../../../src/sample/catalog.js';
import { createSampleDataset } from '../../../src/sample/generate.js';
import { largeSegment } from './fixtures.js';
import { install } from './harness.js';

let builder: SegmentBuilderElement | undefined;
let prepared: SegmentDocument | undefined;
let provider: SegmentProvider | undefined;
let size = 0;

/** Group of ten `g` in the builder's current document. */
function group(g: number): GroupNode | undefined {
  const root = builder?.segment?.rules[0]?.where;
  const node = root?.kind === 'group' ? root.children[g] : undefined;
  return node?.kind === 'group' ? node : undefined;
}

/** The condition with id `c<k>` in the builder's current document (groups of ten, plus what was added). */
function condition(k: number) {
  return group(Math.floor(k / 10))?.children.find((c) => c.kind === 'condition' && c.id === `c${k}`);
}

type Virtualizer = HTMLElement & {
  items: readonly { key: string }[];
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
};

const shadow = () => builder?.shadowRoot ?? null;
const virtualizer = () => shadow()?.querySelector<Virtualizer>('lit-virtualizer') ?? null;
/** A row of the builder by its key (a condition's key is its id; a group's add row is `<id>:add`). */
const row = (key: string) => shadow()?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null;

type Updating = HTMLElement & { hasUpdated: boolean; isUpdatePending: boolean };
const rendered = (el: Element | null): boolean => {
  const u = el as Updating | null;
  return !!u && u.hasUpdated && !u.isUpdatePending;
};

install({
  prepare(n, customers) {
    size = n;
    prepared = largeSegment(n);
    if (customers > 0) {
      const dataset = createSampleDataset({ customers });
      provider = createMemoryProvider({ catalog: dataset.catalog, data: dataset.data, now: dataset.now });
    }
  },
  mount() {
    builder = document.createElement('segment-builder');
    builder.catalog = sampleCatalog;
    if (provider) builder.provider = provider;
    builder.segment = prepared;
    document.getElementById('root')!.append(builder);
  },
  firstFrameReady() {
    return this.valueInput(0) !== null;
  },
  finished() {
    const root = shadow();
    if (!root || !rendered(builder!)) return false;
    // No "Loading … more rows" placeholder left.
    for (const status of root.querySelectorAll('[role="status"]')) if (/more rows/i.test(status.textContent ?? '')) return false;
    const rows = root.querySelectorAll('condition-row');
    if (rows.length === 0) return false;
    // Every row on screen has its final rendering.
    for (const r of rows) if (!rendered(r) || !r.shadowRoot?.querySelector('[part~="value-input"]')) return false;
    // Every condition is rendered, or a virtualizer has rendered its first ones.
    const v = virtualizer();
    return rows.length >= size || (v !== null && rendered(v) && v.querySelector('condition-row') !== null);
  },
  countShown() {
    if (!provider) return undefined;
    return shadow()?.querySelector('[part~="size"] strong') != null;
  },
  countText() {
    return (shadow()?.querySelector('[part~="size"] strong')?.parentElement?.textContent ?? '')
      .replace(/\s+/g, ' ')
      .replace(/^.*?:\s*/, '')
      .trim();
  },
  quiet() {
    return shadow()?.querySelector('[part~="size"]')?.getAttribute('aria-busy') !== 'true';
  },
  reveal(target) {
    const key = target.kind === 'condition' ? `c${target.k}` : `g${target.g}:add`;
    const v = virtualizer();
    if (v) {
      // Rows off screen are not in the DOM: ask the virtualizer to scroll to the item.
      const index = v.items.findIndex((r) => r.key === key);
      if (index >= 0) v.element(index)?.scrollIntoView({ block: 'center' });
    } else row(key)?.scrollIntoView({ block: 'center' });
  },
  valueInput(k) {
    const r = row(`c${k}`)?.querySelector('condition-row');
    return r?.shadowRoot?.querySelector<HTMLInputElement>('input[part~="value-input"]') ?? null;
  },
  setValue(input, value) {
    input.value = value;
  },
  editApplied(k, expected) {
    const c = condition(k);
    return c?.kind === 'condition' && c.value === (k % 3 === 0 ? Number(expected) : expected);
  },
  addButton(g) {
    return row(`g${g}:add`)?.querySelector<HTMLElement>('button') ?? null;
  },
  groupSize(g) {
    return group(g)?.children.length ?? 0;
  },
  conditionAtCenter() {
    const hit = shadow()?.elementFromPoint(innerWidth * 0.4, innerHeight / 2);
    const r = hit?.closest<HTMLElement>('[data-key]');
    const cr = r?.querySelector('condition-row');
    return r && cr && rendered(cr) && cr.shadowRoot?.querySelector('[part~="value-input"]') ? r.dataset.key : undefined;
  },
});
