/// <reference types="vite/client" />
/**
 * segment-kit side of `npm run bench:list`: one `<segment-list>` with the memory provider
 * over 10,000 saved segments attached before it is connected, as an app would. The
 * element shows a page of rows (`pageSize`, default 50) with a pager.
 *
 * Until the element is in this branch, the glob finds nothing and the page says so (the
 * driver then reports segment-kit as not measured).
 */
import '../../../src/themes/segment-kit.css';
import type { SegmentProvider } from '../../../src/core/provider/types.js';
import { install } from './harness.js';

const found = import.meta.glob('../../../src/elements/segment-list/index.ts', { eager: true });

type SegmentList = HTMLElement & { provider?: SegmentProvider; pageSize?: number };
let list: SegmentList | undefined;

install({
  unavailable: () =>
    customElements.get('segment-list')
      ? undefined
      : `<segment-list> is not in this build (${Object.keys(found).length ? 'src/elements/segment-list/index.ts defines no segment-list' : 'src/elements/segment-list/index.ts not found'})`,
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
