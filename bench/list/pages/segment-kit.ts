/**
 * segment-kit side of `npm run bench:list`: one `<segment-list>` with the memory provider
 * over 10,000 saved segments attached before it is connected, as an app would. The
 * element shows a page of rows (`pageSize`, default 50) with a pager.
 */
import '../../../src/elements/segment-list/index.js';
import '../../../src/themes/segment-kit.css';
import type { SegmentListElement } from '../../../src/elements/segment-list/segment-list.js';
import { install } from './harness.js';

let list: SegmentListElement | undefined;

install({
  unavailable: () => (customElements.get('segment-list') ? undefined : '<segment-list> is not defined'),
  mount(provider) {
    list = document.createElement('segment-list');
    list.provider = provider;
    document.getElementById('root')!.append(list);
  },
  unmount() {
    list?.remove();
    list = undefined;
  },
  root: () => list?.shadowRoot ?? null,
  rowsFor: (total) => Math.min(total, list?.pageSize ?? 50),
});
