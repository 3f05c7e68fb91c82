/**
 * In-page side of the workspace part of `npm run bench:ui`: the sample provider (built here,
 * untimed: "after the data is ready"), then `<segment-workspace>` timed to painted frames
 * (bench/ui's `watchFrames`): its first frame with content, and the first frame of the
 * finished list (rows with data, not busy); then navigations list → details → builder → list,
 * each to the first frame that shows the new view (its heading and `data-view`), and to the
 * frame where the view is finished (details: the member rows; builder: its rules; list: its
 * rows). The first navigation to a view loads its module (cold); the second does not (warm).
 */
import '../../../src/elements/segment-workspace/index.js';
import '../../../src/themes/segment-kit.css';
import type { SegmentWorkspaceRoute } from '../../../src/elements/shared/events.js';
import type { SegmentWorkspaceElement } from '../../../src/elements/segment-workspace/class.js';
import { createSampleProvider, type SampleProvider } from '../../../src/sample/index.js';
import { nextFrame, watchFrames } from '../../ui/pages/harness.js';

export interface WorkspaceTiming {
  /** To the first painted frame of the new view (heading and data-view), and of the finished view. */
  shown: number;
  finished: number;
  /** Details only: to the frame with every member row of the preview's page rendered (NaN for other views). */
  complete: number;
  notes: string[];
}
export interface WorkspaceBenchApi {
  prepare(o: { customers: number }): Promise<{ prepareMs: number; segments: number; id: string }>;
  /** ms from the data being ready to the end of the provider's idle-time preparation (NaN while it runs). */
  preparedAfter(): number;
  mount(): Promise<{ first: number; finished: number; notes: string[] }>;
  /**
   * While the provider prepares in idle time (right after `prepare`, nothing else running):
   * a task posted every 10 ms, and how late each one ran (what a key press would wait), until
   * the preparation ends (at most 10 s).
   */
  probeIdle(): Promise<{ preparedAfter: number; probes: number; lateMax: number; lateP99: number; lateMedian: number }>;
  navigate(route: SegmentWorkspaceRoute): Promise<WorkspaceTiming>;
  unmount(): Promise<void>;
}
declare global {
  interface Window {
    workspaceBench?: WorkspaceBenchApi;
  }
}

const TIMEOUT = 20_000;
let provider: SampleProvider | undefined;
let readyAt = NaN;
let preparedAt = NaN;
let el: SegmentWorkspaceElement | undefined;

const ws = () => el?.shadowRoot ?? null;
const inner = (tag: string) => ws()?.querySelector(tag)?.shadowRoot ?? null;
const view = () => ws()?.querySelector<HTMLElement>('section[part~="view"]')?.dataset['view'];
const heading = () => ws()?.querySelector('#view-title')?.textContent?.trim() ?? '';

function listFinished(): boolean {
  const table = inner('segment-list')?.querySelector('table[part~="table"]');
  if (!table || table.getAttribute('aria-busy') === 'true') return false;
  const row = table.querySelector<HTMLTableRowElement>('tbody tr[part~="row"][data-id]');
  return !!row && (row.textContent ?? '').trim() !== '';
}
function detailsFinished(): boolean {
  const table = inner('member-preview')?.querySelector('table[part~="table"]');
  return (
    !!table &&
    table.getAttribute('aria-busy') === 'false' &&
    !!table.querySelector('tbody tr[part~="row"] td[data-column]')?.textContent?.trim()
  );
}
/** Every member row of the preview's page rendered (it renders the first screen of rows first, the rest right after). */
function detailsComplete(): boolean {
  const root = inner('member-preview');
  const shown = Number((root?.querySelector('[part~="total"]')?.textContent ?? '').replace(/[^\d\s].*$/s, '').replace(/\D/g, ''));
  return detailsFinished() && shown > 0 && root!.querySelectorAll('tbody tr[part~="row"]').length === shown;
}
function builderFinished(): boolean {
  const root = inner('segment-builder');
  return !!root && root.querySelectorAll('[part~="rule"]').length > 0;
}
const FINISHED: Record<string, () => boolean> = { list: listFinished, details: detailsFinished, edit: builderFinished };

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await nextFrame();
  await new Promise((r) => setTimeout(r, 200));
  await nextFrame();
}

const api: WorkspaceBenchApi = {
  async prepare(o) {
    const t = performance.now();
    provider = createSampleProvider({ customers: o.customers, historyDays: 90 });
    const list = await provider.listSegments({ limit: 100 });
    const prepareMs = performance.now() - t;
    readyAt = performance.now();
    void provider.whenPrepared().then(() => (preparedAt = performance.now()));
    // The segment the navigations open: the first of the sample's, by the list's default order.
    const id = list.items[0]!.id;
    await settle();
    return { prepareMs, segments: list.total, id };
  },

  preparedAfter: () => preparedAt - readyAt,

  async probeIdle() {
    const late: number[] = [];
    const until = performance.now() + 10_000;
    while (Number.isNaN(preparedAt) && performance.now() < until) {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      late.push(Math.max(0, performance.now() - due));
    }
    late.sort((a, b) => a - b);
    const at = (q: number) => late[Math.min(late.length - 1, Math.floor(q * late.length))] ?? NaN;
    return { preparedAfter: preparedAt - readyAt, probes: late.length, lateMax: at(1), lateP99: at(0.99), lateMedian: at(0.5) };
  },

  async mount() {
    const t0 = performance.now();
    el = document.createElement('segment-workspace');
    el.provider = provider;
    document.getElementById('root')!.append(el);
    const w = await watchFrames(t0, { first: () => heading() !== '', finished: listFinished }, TIMEOUT);
    const notes = Number.isNaN(w['finished']!.ms) ? [`mount: the list was not finished within ${TIMEOUT / 1000} s`] : [];
    await settle();
    return { first: w['first']!.ms, finished: w['finished']!.ms, notes };
  },

  async navigate(route) {
    const before = heading();
    const t0 = performance.now();
    void el!.go(route);
    const done = FINISHED[route.view]!;
    const w = await watchFrames(
      t0,
      {
        shown: () => view() === route.view && heading() !== '' && heading() !== before,
        finished: () => view() === route.view && done(),
        complete: () => (route.view === 'details' ? view() === route.view && detailsComplete() : undefined),
      },
      TIMEOUT,
    );
    const notes = Number.isNaN(w['finished']!.ms) ? [`${route.view}: not finished within ${TIMEOUT / 1000} s`] : [];
    await settle();
    return { shown: w['shown']!.ms, finished: w['finished']!.ms, complete: w['complete']?.ms ?? NaN, notes };
  },

  async unmount() {
    el?.remove();
    el = undefined;
    await settle();
  },
};
window.workspaceBench = api;
