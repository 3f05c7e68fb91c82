/**
 * The virtualized row list of a long segment, loaded on demand (frame.ts `loadVirtualizer`):
 * @lit-labs/virtualizer and its flow layout come in this one chunk, so the list needs no
 * second request before it can lay out (the virtualizer imports its default layout lazily
 * when none is given).
 *
 * It takes over from the first screenful of plain rows shown while it loaded, in one task,
 * before the next paint, so no frame is ever painted without rows:
 * - the host starts with its estimated height (an element of zero height has nothing in
 *   view: the virtualizer would first size itself and render a frame or more later);
 * - the layout starts from the plain rows' measured sizes, so its first range and positions
 *   are those of the screenful it replaces, and renders at first only the rows in view (the
 *   rows beyond, the overhang that makes scrolling smooth, follow after that paint);
 * - the row in view (the focused one, or else the first) stays where it was on screen, and
 *   focus goes back to the same row and field.
 */
import '@lit-labs/virtualizer';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { EditorRow } from '../../core/editor/index.js';
import { focusRow } from './focus.js';
import { renderRow } from './rows/index.js';
import type { BuilderView } from './view.js';

/** A row's height when none was measured (a condition row is about 39 px tall). */
const ROW_ESTIMATE = 40;
/** How far beyond the viewport rows are rendered once the first ones are painted (the virtualizer's default). */
const OVERHANG = 1000;

/** A row's box as the virtualizer measures it. */
interface RowSize {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** What the next virtualizer starts from (set by `virtualRows` just before it is created). */
let start: {
  count: number;
  estimate: number;
  /** The first rows' sizes, in order from the first row (when they were on screen as plain rows). */
  sizes: RowSize[];
  /** The row to keep in place on screen: its key and top. */
  anchor?: { key: string; top: number };
} = { count: 0, estimate: ROW_ESTIMATE, sizes: [] };

class RowLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._itemSize = { width: this._itemSize.width, height: start.estimate };
    if (start.sizes.length) this.updateItemSizes({ ...start.sizes });
    this._overhang = 0;
  }

  override _reflow(): void {
    super._reflow();
    if (this._overhang === 0 && this._first >= 0) {
      this._overhang = -1; // restored after the first rows are painted
      requestAnimationFrame(() =>
        setTimeout(() => {
          this._overhang = OVERHANG;
          this._triggerReflow();
        }),
      );
    }
  }
}
const layout = { type: RowLayout };

/**
 * A new virtualizer host: its estimated height before its first layout (then the virtualizer
 * sizes it), and once its first rows are placed, the anchor row scrolled back to where it
 * was on screen (the plain rows' first margin collapsed through the list; the virtualizer
 * places its rows inside it).
 */
const created = (el?: Element): void => {
  if (!(el instanceof HTMLElement) || el.style.minHeight) return;
  el.style.minHeight = `${Math.ceil(start.count * start.estimate)}px`;
  const anchor = start.anchor;
  if (!anchor) return;
  // The virtualizer's own listener (added on its first update, after this one) renders and
  // places the rows in the same dispatch: look once it is done, before anything is painted.
  el.addEventListener('rangeChanged', () => queueMicrotask(() => keepInPlace(el, anchor)), { once: true });
};

function keepInPlace(host: HTMLElement, anchor: { key: string; top: number }): void {
  const row = host.querySelector<HTMLElement>(`:scope > [data-key="${CSS.escape(anchor.key)}"]`);
  if (!row) return;
  const moved = row.getBoundingClientRect().top - anchor.top;
  if (Math.abs(moved) >= 0.5) (scrollerOf(host) ?? window).scrollBy(0, moved);
}

/** The element that scrolls `el` (through shadow roots), or `undefined` for the page. */
function scrollerOf(el: Element): Element | undefined {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof Element) || n === document.documentElement || n === document.body) continue;
    const { overflowY } = getComputedStyle(n);
    if (overflowY === 'auto' || overflowY === 'scroll') return n;
  }
  return undefined;
}

/**
 * The plain rows' sizes as the virtualizer will lay them out, without the containment that
 * lets the browser skip plain rows off screen (`content-visibility: auto`, which also keeps
 * their children's margins inside them): it is lifted and the rows measured (the browser
 * keeps the row in view in place meanwhile: scroll anchoring). And the row to keep in place:
 * the focused one, or else the first in view.
 */
function measure(plain: HTMLElement[], focusedKey: string | undefined): Pick<typeof start, 'sizes' | 'anchor'> {
  const anchor = plain.find((r) => r.dataset.key === focusedKey) ?? plain.find((r) => r.getBoundingClientRect().bottom > 0) ?? plain[0]!;
  for (const r of plain) r.style.contentVisibility = 'visible';
  const px = (v: string) => parseFloat(v) || 0;
  const sizes = plain.map((r): RowSize => {
    const { width, height } = r.getBoundingClientRect();
    const m = getComputedStyle(r);
    return {
      width,
      height,
      marginTop: px(m.marginTop),
      marginRight: px(m.marginRight),
      marginBottom: px(m.marginBottom),
      marginLeft: px(m.marginLeft),
    };
  });
  return { sizes, anchor: { key: anchor.dataset.key!, top: anchor.getBoundingClientRect().top } };
}

/** The row holding focus in `root`, and the part of it (a `data-part` of the row, or a `part` inside its condition row). */
function focusedPart(root: ShadowRoot): { key: string; part: string } | undefined {
  const active = root.activeElement;
  const row = active?.closest<HTMLElement>('[data-key]');
  if (!active || !row?.dataset.key) return undefined;
  let part = active.closest<HTMLElement>('[data-part]')?.dataset.part;
  if (!part && active.localName === 'condition-row') {
    let inner = active.shadowRoot?.activeElement ?? null;
    while (inner?.shadowRoot?.activeElement) inner = inner.shadowRoot.activeElement;
    part = inner?.closest('[part]')?.getAttribute('part')?.split(/\s+/)[0];
  }
  return { key: row.dataset.key, part: part ?? 'row' };
}

/** Focus the row (and part) again once the virtualizer has rendered it, unless focus went elsewhere meanwhile. */
async function refocus(root: ShadowRoot, rows: EditorRow[], key: string, part: string): Promise<void> {
  await root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('lit-virtualizer')?.updateComplete;
  if (root.activeElement) return;
  await focusRow(root, rows, key, part);
}

const keyOf = (r: EditorRow) => r.key;

/** The rows through the virtualizer, taking over from the first screenful of plain rows if they are on screen. */
export function virtualRows(view: BuilderView, rows: EditorRow[]): TemplateResult {
  const root = view.renderRoot as ShadowRoot;
  const plain = [...root.querySelectorAll<HTMLElement>('.rows > [data-key]')];
  let first: Pick<typeof start, 'sizes' | 'anchor'> = { sizes: [] };
  if (plain.length > 0) {
    const focused = focusedPart(root);
    first = measure(plain, focused?.key);
    if (focused) queueMicrotask(() => void refocus(root, rows, focused.key, focused.part));
  }
  const { sizes } = first;
  const estimate = sizes.length ? sizes.reduce((a, s) => a + s.height, 0) / sizes.length : start.estimate;
  start = { count: rows.length, estimate: estimate > 0 ? estimate : ROW_ESTIMATE, ...first };
  return html`<lit-virtualizer
    ${ref(created)}
    .layout=${layout}
    .items=${rows}
    .keyFunction=${keyOf}
    .renderItem=${(r: EditorRow) => renderRow(view, r)}
  ></lit-virtualizer>`;
}
