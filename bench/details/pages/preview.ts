/**
 * In-page side of `npm run bench:details`' member-preview part: the memory provider over
 * the sample dataset (built here, untimed), then `<member-preview>` mounts timed to painted
 * frames (bench/ui's `watchFrames`: checked in rAF, timed by a user-blocking task posted
 * from there) — to the first frame with the element's shadow content, and to the first
 * frame of the finished table: `limit` rows with data, not aria-busy, the total shown.
 * Cold: the first mount of a segment on this page (the engine builds its columns and join
 * indexes for it). Warm: a new element for the same segment and provider.
 */
import '../../../src/elements/member-preview/index.js';
import '../../../src/themes/segment-kit.css';
import type { SegmentDocument } from '../../../src/core/model/types.js';
import type { MemberPreviewElement } from '../../../src/elements/member-preview/member-preview.js';
import { createMemoryProvider } from '../../../src/providers/memory/index.js';
import { createWorkerProvider } from '../../../src/providers/memory/worker.js';
import type { SegmentProvider } from '../../../src/core/provider/types.js';
import { createSampleDataset } from '../../../src/sample/generate.js';
import { heapAfterGc, nextFrame, watchFrames, type Watched } from '../../ui/pages/harness.js';

export interface PreviewPrepared {
  prepareMs: number;
  customers: number;
  orders: number;
  heap: number;
}
export interface PreviewMount {
  /** To the first painted frame with the element's content (its loading state). */
  first: number;
  /** To the first painted frame of the finished table. */
  finished: number;
  finishedNo: number;
  rows: number;
  total: string;
  notes: string[];
}
export interface PreviewBenchApi {
  /** `worker`: the provider in a Web Worker (`createWorkerProvider`, which builds the engine's indexes before `ready`). */
  prepare(o: { customers: number; seed: number; worker?: boolean }): Promise<PreviewPrepared>;
  /** Members of each bench segment, from the provider's count (after the mounts: it would warm the engine's caches). */
  counts(): Promise<Record<string, number>>;
  mount(segment: string, limit: number): Promise<PreviewMount>;
  unmount(): Promise<void>;
}
declare global {
  interface Window {
    previewBench?: PreviewBenchApi;
  }
}

/** The bench segments: one on the customers' own attributes, one over their orders (about a million rows). */
export const SEGMENTS: Record<string, SegmentDocument> = {
  tier: {
    schemaVersion: 1,
    id: 'bench-tier',
    name: 'GoldOrSilver',
    displayName: 'Gold or Silver tier',
    audience: 'Customer',
    rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'in', value: ['Gold', 'Silver'] } }],
  },
  orders: {
    schemaVersion: 1,
    id: 'bench-orders',
    name: 'RecentOrders',
    displayName: 'An order over 100 in the last 180 days',
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
              { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 100 },
              { kind: 'condition', entity: 'Order', attribute: 'OrderDate', operator: 'inLast', value: { amount: 180, unit: 'day' } },
            ],
          },
        },
      },
    ],
  },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const TIMEOUT = 20_000;
let provider: SegmentProvider | undefined;
let el: MemberPreviewElement | undefined;

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await nextFrame();
  await sleep(150);
  await nextFrame();
}

const api: PreviewBenchApi = {
  async prepare(o) {
    const t = performance.now();
    if (o.worker) {
      const remote = createWorkerProvider({ dataset: { sample: { customers: o.customers, seed: o.seed, historyDays: 0 } } });
      await remote.ready;
      provider = remote;
      const prepareMs = performance.now() - t;
      const counts = { customers: o.customers, orders: (await remote.attributeStats('Order', 'OrderId')).total };
      await settle();
      return { prepareMs, ...counts, heap: await heapAfterGc() };
    }
    const sample = createSampleDataset({ customers: o.customers, seed: o.seed });
    provider = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
    const prepareMs = performance.now() - t;
    await settle();
    return { prepareMs, customers: sample.data.Customer!.length, orders: sample.data.Order!.length, heap: await heapAfterGc() };
  },

  async counts() {
    const members: Record<string, number> = {};
    for (const [name, doc] of Object.entries(SEGMENTS)) members[name] = (await provider!.count(doc)).total;
    return members;
  },

  async mount(name, limit) {
    const segment = SEGMENTS[name]!;
    const notes: string[] = [];
    const t0 = performance.now();
    el = document.createElement('member-preview');
    el.provider = provider;
    el.segment = segment;
    el.limit = limit;
    document.getElementById('root')!.append(el);
    const root = () => el?.shadowRoot;
    const finished = () => {
      const table = root()?.querySelector('table[part~="table"]');
      if (!table || table.getAttribute('aria-busy') !== 'false') return false;
      const rows = table.querySelectorAll('tbody tr[part~="row"]');
      const last = rows[rows.length - 1];
      return (
        rows.length === limit && !!last?.querySelector('td[data-column]')?.textContent?.trim() && !!root()?.querySelector('[part~="total"]')
      );
    };
    const w = (await watchFrames(t0, { first: () => (root()?.childElementCount ?? 0) > 0, finished }, TIMEOUT)) as Record<
      'first' | 'finished',
      Watched
    >;
    if (Number.isNaN(w.finished.ms)) notes.push(`mount ${name}: the table was not finished within ${TIMEOUT / 1000} s`);
    const total = (root()?.querySelector('[part~="total"]')?.textContent ?? '').trim();
    const rows = root()?.querySelectorAll('tbody tr[part~="row"]').length ?? 0;
    return { first: w.first.ms, finished: w.finished.ms, finishedNo: w.finished.frame, rows, total, notes };
  },

  async unmount() {
    el?.remove();
    el = undefined;
    await settle();
  },
};
window.previewBench = api;
