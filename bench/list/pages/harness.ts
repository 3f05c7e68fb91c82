/**
 * In-page side of `npm run bench:list`, shared by the `<segment-list>` page and the plain
 * `<table>` baseline. Both pages expose the same hooks (the element's DOM contract: parts,
 * `data-column`, `data-id`, `aria-busy`, `aria-sort`), so one set of checks serves both;
 * each page supplies only how to mount, unmount and where its table lives.
 *
 * Frames are watched with bench/ui's harness (`watchFrames`: checked in rAF, timed by a
 * user-blocking task posted from there). The checks read at most the first `VIEW` rows,
 * so their own cost in the frame stays small on a table of 10,000 rows.
 */
import type { SegmentProvider, SegmentSummary } from '../../../src/core/provider/types.js';
import { DEFAULT_COLUMNS } from '../../../src/elements/segment-list/columns.js';
import { countElements, heapAfterGc, nextFrame, watchFrames, type Watched } from '../../ui/pages/harness.js';
import { rng } from '../../util.js';
import { createListData, type ListData } from './segments.js';

/** The columns both lists show and sort by: `<segment-list>`'s default ones (all but `createdAt`). */
export const COLUMNS = DEFAULT_COLUMNS;

/** Rows read by the checks: about two screens. */
const VIEW = 60;
const TIMEOUT = 10_000;

export interface ListAdapter {
  /** Why this page cannot run (e.g. the element is not in this build), or undefined. */
  unavailable(): string | undefined;
  /** Create the list, attach the provider, put it in the document (timed). */
  mount(provider: SegmentProvider): void;
  unmount(): void;
  /** Where the table and its controls are (the document, or the element's shadow root). */
  root(): ParentNode | null;
  /** Rows a finished list shows when `total` segments match (every one, or a page). */
  rowsFor(total: number): number;
}

export interface PrepareResult {
  unavailable?: string;
  prepareMs: number;
  segments: number;
  drafts: number;
  heapBaseline: number;
  heapPrepared: number;
}
export interface MountResult {
  first: number;
  finished: number;
  finishedNo: number;
  rows: number;
  notes: string[];
}
export interface StepResult {
  /** To the first painted frame after the event. */
  next: number;
  /** To the first painted frame of the finished state (sorted, filtered, checked, deactivated). */
  done: number;
  doneNo: number;
  notes: string[];
  /** What the step did (the column and direction, the letter, how many selected or deactivated). */
  what: string;
  /** A count that goes with it (rows matching the search, rows selected, segments deactivated). */
  n: number;
  /** Sort: the provider's `listSegments` for that sorted page, called alone before the click (ms). */
  provider?: number;
}

export interface ListBenchApi {
  prepare(o: { segments: number; customers: number; seed: number }): Promise<PrepareResult>;
  mount(): Promise<MountResult>;
  unmount(): Promise<void>;
  heap(): Promise<{ heap: number; elements: number }>;
  /** `count` different columns to sort by, from the seeded PRNG (the same on both pages). */
  pickColumns(count: number): string[];
  sort(key: string): Promise<StepResult>;
  /** Choose the letter (seeded), focus the search input and wait for its keydown; the driver then presses the key. */
  armSearch(): Promise<string>;
  searched(): Promise<StepResult>;
  selectAll(): Promise<StepResult>;
  deactivate(): Promise<StepResult>;
  /** The store's first call when none of the segments has a history: every active one is refreshed first. */
  firstCallWithoutHistory(o: { segments: number; customers: number; seed: number }): Promise<{ ms: number; refreshed: number }>;
  settle(): Promise<void>;
}

declare global {
  interface Window {
    listBench?: ListBenchApi;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const SEL = {
  table: 'table[part~="table"]',
  search: 'input[part~="search"]',
  selectAll: 'input[part~="select-all"]',
  rowSelect: 'input[part~="row-select"]',
  bulkBar: '[part~="bulk-bar"]',
  deactivate: '[part~="bulk-bar"] button[data-action="deactivate"]',
  th: (key: string) => `thead th[data-column="${key}"]`,
  state: 'td[data-column="state"]',
};

export function install(adapter: ListAdapter): void {
  let data: ListData | undefined;
  let random = rng(1);
  let armed: Promise<StepResult> | undefined;

  const root = () => adapter.root();
  const table = () => root()?.querySelector<HTMLTableElement>(SEL.table) ?? null;
  const busy = () => table()?.getAttribute('aria-busy') === 'true';
  /** The first VIEW body rows that show a segment (`tr[part~=row][data-id]`), and how many body rows there are. */
  function rows(): { shown: HTMLTableRowElement[]; count: number } {
    const body = table()?.tBodies[0];
    if (!body) return { shown: [], count: 0 };
    const shown: HTMLTableRowElement[] = [];
    for (let i = 0; i < body.rows.length && shown.length < VIEW; i++) {
      const r = body.rows[i]!;
      if (r.dataset.id && r.part.contains('row')) shown.push(r);
    }
    return { shown, count: body.rows.length };
  }
  const ids = () => rows().shown.map((r) => r.dataset.id!);
  const same = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.every((x, i) => x === b[i]);

  /** Is the list showing `total` matching segments (all, or a page of them), rendered with data and not busy? */
  function finished(total: number): boolean {
    if (!data || busy()) return false;
    const { shown, count } = rows();
    const want = adapter.rowsFor(total);
    if (count !== want || shown.length !== Math.min(VIEW, want)) return false;
    return shown.every((r) => data!.ids.has(r.dataset.id!)) && (shown[0]?.cells.length ?? 0) > 2 && !!shown[0]?.textContent?.trim();
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await nextFrame();
    for (let t = 0; t < TIMEOUT && busy(); t += 20) await sleep(20);
    await sleep(150);
    await nextFrame();
  }

  /** From `t0` (just before the event) to the next painted frame, and to the first painted frame where `done` holds. */
  async function step(t0: number, done: () => boolean, label: string): Promise<Pick<StepResult, 'next' | 'done' | 'doneNo' | 'notes'>> {
    const w = (await watchFrames(t0, { next: () => true, done }, TIMEOUT)) as Record<'next' | 'done', Watched>;
    const notes = Number.isNaN(w.done.ms) ? [`${label}: not finished within ${TIMEOUT / 1000} s`] : [];
    return { next: w.next.ms, done: w.done.ms, doneNo: w.done.frame, notes };
  }

  function click(selector: string, label: string): number | string {
    const el = root()?.querySelector<HTMLElement>(selector);
    if (!el) return `${label}: no ${selector}`;
    const t0 = performance.now();
    el.click();
    return t0;
  }
  const failed = (note: string): StepResult => ({ next: NaN, done: NaN, doneNo: NaN, notes: [note], what: '', n: 0 });

  let searchMatches = new Set<string>();
  let selected = new Set<string>();

  const api: ListBenchApi = {
    async prepare(o) {
      random = rng(o.seed);
      const unavailable = adapter.unavailable();
      await settle();
      const heapBaseline = await heapAfterGc();
      const t = performance.now();
      data = createListData(o);
      const prepareMs = performance.now() - t;
      await settle();
      const heapPrepared = await heapAfterGc();
      return {
        ...(unavailable ? { unavailable } : {}),
        prepareMs,
        segments: data.segments,
        drafts: data.drafts,
        heapBaseline,
        heapPrepared,
      };
    },

    async mount() {
      const t0 = performance.now();
      adapter.mount(data!.provider);
      const w = (await watchFrames(t0, { first: () => table() !== null, finished: () => finished(data!.segments) }, TIMEOUT)) as Record<
        'first' | 'finished',
        Watched
      >;
      const notes = Number.isNaN(w.finished.ms) ? [`mount: the list was not finished within ${TIMEOUT / 1000} s`] : [];
      return { first: w.first.ms, finished: w.finished.ms, finishedNo: w.finished.frame, rows: rows().count, notes };
    },

    async unmount() {
      adapter.unmount();
      await settle();
    },

    async heap() {
      await settle();
      return { heap: await heapAfterGc(), elements: countElements() };
    },

    pickColumns(count) {
      const left = [...COLUMNS];
      return Array.from({ length: Math.min(count, left.length) }, () => left.splice(Math.floor(random() * left.length), 1)[0]!);
    },

    // Click a column's sort button; finished when the rows are in the provider's order for the direction aria-sort shows.
    async sort(key) {
      const th = root()?.querySelector(SEL.th(key));
      if (!th) return failed(`sort: no ${SEL.th(key)}`);
      // The Name column shows and sorts by the display name, falling back to the name (the provider's `displayName` key).
      const providerKey = key === 'name' ? 'displayName' : key;
      const order = async (direction: 'asc' | 'desc') =>
        (await data!.provider.listSegments({ sort: { key: providerKey, direction }, limit: VIEW })).items.map((s) => s.id);
      const t = performance.now();
      const asc = await order('asc');
      const provider = performance.now() - t;
      const desc = await order('desc');
      await settle();
      const t0 = click(`${SEL.th(key)} button[part~="sort-button"]`, 'sort');
      if (typeof t0 === 'string') return failed(t0);
      const r = await step(
        t0,
        () => {
          const dir = th.getAttribute('aria-sort');
          if (busy() || (dir !== 'ascending' && dir !== 'descending')) return false;
          const shown = ids();
          return same(shown, dir === 'ascending' ? asc : desc);
        },
        `sort by ${key}`,
      );
      return { ...r, what: `${key} ${th.getAttribute('aria-sort') ?? '?'}`, n: 0, provider };
    },

    // A letter that filters out some of the rows in view and keeps 15–85 % of the segments.
    async armSearch() {
      const input = root()?.querySelector<HTMLInputElement>(SEL.search);
      if (!input) throw new Error(`search: no ${SEL.search}`);
      const all = (await data!.provider.listSegments({ limit: data!.segments })).items;
      const matches = (s: SegmentSummary, q: string) => s.name.toLowerCase().includes(q) || (s.displayName ?? '').toLowerCase().includes(q);
      const byId = new Map(all.map((s) => [s.id, s]));
      const inView = ids();
      const letters = [...'abcdefghijklmnopqrstuvwxyz'].filter((q) => {
        const m = all.filter((s) => matches(s, q)).length;
        return m >= 0.15 * all.length && m <= 0.85 * all.length && inView.some((id) => !matches(byId.get(id)!, q));
      });
      const letter = letters[Math.floor(random() * letters.length)] ?? 'e';
      searchMatches = new Set(all.filter((s) => matches(s, letter)).map((s) => s.id));
      input.focus();
      await settle();
      armed = new Promise<StepResult>((resolve) => {
        const onKey = (e: KeyboardEvent) => {
          window.removeEventListener('keydown', onKey, true);
          const input = root()?.querySelector<HTMLInputElement>(SEL.search);
          void watchFrames(
            e.timeStamp,
            {
              input: () => input?.value === letter,
              done: () => {
                if (input?.value !== letter || !finished(searchMatches.size)) return false;
                return ids().every((id) => searchMatches.has(id));
              },
            },
            TIMEOUT,
          ).then((w) => {
            const { input: i, done } = w as Record<'input' | 'done', Watched>;
            const notes = Number.isNaN(done.ms) ? [`search "${letter}": not filtered within ${TIMEOUT / 1000} s`] : [];
            resolve({ next: i.ms, done: done.ms, doneNo: done.frame, notes, what: `"${letter}"`, n: searchMatches.size });
          });
        };
        window.addEventListener('keydown', onKey, true);
      });
      return letter;
    },

    async searched() {
      const r = await armed!;
      (root()?.querySelector<HTMLInputElement>(SEL.search) ?? null)?.blur();
      return r;
    },

    // The header checkbox; finished when every row in view is checked and the bulk bar is shown.
    async selectAll() {
      await settle();
      const t0 = click(SEL.selectAll, 'select all');
      if (typeof t0 === 'string') return failed(t0);
      const checked = () => rows().shown.every((r) => r.querySelector<HTMLInputElement>(SEL.rowSelect)?.checked === true);
      const bar = () => {
        const el = root()?.querySelector<HTMLElement>(SEL.bulkBar);
        return !!el && !el.hidden && el.getClientRects().length > 0;
      };
      const r = await step(t0, () => rows().shown.length > 0 && checked() && bar(), 'select all');
      const all = table()?.tBodies[0]?.querySelectorAll<HTMLInputElement>(`${SEL.rowSelect}:checked`) ?? [];
      selected = new Set([...all].map((i) => i.closest('tr')?.dataset.id ?? '').filter(Boolean));
      const text = (root()?.querySelector(SEL.bulkBar)?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return { ...r, what: `${selected.size} rows checked; bulk bar: "${text}"`, n: selected.size };
    },

    // Deactivate the selection; finished when every selected row in view shows "Inactive".
    async deactivate() {
      await settle();
      const state = (r: HTMLTableRowElement) => r.querySelector(SEL.state)?.textContent?.trim() ?? '';
      const inView = rows().shown.filter((r) => selected.has(r.dataset.id!));
      const notes = inView.some((r) => /^active\b/i.test(state(r)))
        ? []
        : ['deactivate: no active segment among the selected rows in view'];
      const t0 = click(SEL.deactivate, 'deactivate');
      if (typeof t0 === 'string') return failed(t0);
      const r = await step(
        t0,
        () => {
          if (busy()) return false;
          const mine = rows().shown.filter((r) => selected.has(r.dataset.id!));
          return mine.length > 0 && mine.every((r) => /^inactive\b/i.test(state(r)));
        },
        'deactivate',
      );
      await settle();
      const stillActive = (await data!.provider.listSegments({ limit: data!.segments })).items.filter(
        (s) => selected.has(s.id) && s.state === 'active',
      ).length;
      if (stillActive) notes.push(`deactivate: ${stillActive} selected segments are still active in the provider`);
      return { ...r, notes: [...notes, ...r.notes], what: `${selected.size} selected`, n: selected.size };
    },

    async firstCallWithoutHistory(o) {
      const d = createListData({ ...o, withHistory: false });
      await settle();
      const t = performance.now();
      const { items } = await d.provider.listSegments({ limit: o.segments });
      return { ms: performance.now() - t, refreshed: items.filter((s) => s.state === 'active' && s.status === 'succeeded').length };
    },

    settle,
  };
  window.listBench = api;
}
