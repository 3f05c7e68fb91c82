/** Fixtures of the `<segment-workspace>` tests: mounting it on the memory provider, and what a person does in it. */
import { fixture, html } from '@open-wc/testing';
import type { SegmentProvider } from '../../src/core/index.js';
import '../../src/elements/segment-workspace/define.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { SegmentListElement } from '../../src/elements/segment-list/segment-list.js';
import type { SegmentWorkspaceElement } from '../../src/elements/segment-workspace/segment-workspace.js';
import { until } from './fixtures.js';
import { $, store } from './list-fixtures.js';

let keys = 0;
export const newKey = () => `test-${Date.now()}-${keys++}`;

export async function mount(provider: SegmentProvider = store(), opts: { key?: string; hash?: boolean } = {}) {
  const el = await fixture<SegmentWorkspaceElement>(
    html`<segment-workspace
      .provider=${provider}
      storage-key=${opts.key ?? newKey()}
      history=${opts.hash ? 'hash' : 'none'}
    ></segment-workspace>`,
  );
  await listReady(el);
  return el;
}

export const view = (el: SegmentWorkspaceElement) => $(el, '[part~="view"]')!.dataset.view;
export const heading = (el: SegmentWorkspaceElement) => $(el, '#view-title')!.textContent.trim();
export const listEl = (el: SegmentWorkspaceElement) => $<SegmentListElement>(el, 'segment-list')!;
export const builderEl = (el: SegmentWorkspaceElement) => $<SegmentBuilderElement>(el, 'segment-builder');
export const button = (root: Element, text: string) =>
  [...(root.shadowRoot ?? root).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent.replace(/\s+/g, ' ').trim() === text,
  );

export async function listReady(el: SegmentWorkspaceElement) {
  await until(() => !!$(el, 'segment-list')?.shadowRoot?.querySelector('tbody tr[part~="row"]'), 5000, 'list rows');
}

export async function openDetails(el: SegmentWorkspaceElement, id: string) {
  $(listEl(el), `tr[data-id="${id}"] [part~="name-button"]`)!.click();
  await until(() => view(el) === 'details' && !!$(el, 'member-preview'), 5000, 'details');
}

export async function openEditor(el: SegmentWorkspaceElement) {
  $(el, '[data-action="edit"]')!.click();
  await until(() => !!builderEl(el)?.segment, 5000, 'builder');
  await builderEl(el)!.updateComplete;
}

/** Type into the builder's display name, as a person does. */
export async function typeDisplayName(el: SegmentWorkspaceElement, text: string) {
  const input = $<HTMLInputElement>(builderEl(el)!, '#prop-displayName')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await builderEl(el)!.updateComplete;
}

/** Forget drafts and the hash between tests. */
export function cleanUp(): void {
  sessionStorage.clear();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}
