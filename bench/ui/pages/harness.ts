/**
 * In-page side of `npm run bench:ui`, shared by the segment-kit and react-querybuilder
 * pages: frame watching, forced GC, heap and DOM counts, a seeded PRNG for the edit and
 * add positions, and the one `run(options)` the driver calls on a fresh page load. Each
 * library page supplies an `Adapter`.
 *
 * How a frame is attributed: each check runs in a requestAnimationFrame callback, that is
 * on the DOM as it is about to be painted (after every microtask, so after Lit's updates
 * and the virtualizer's own scheduling). A change made in a task after the paint (a count
 * answer, the virtualizer's chunk) is therefore counted in the frame that really shows it,
 * never in the one before. The time taken is that of a `user-blocking` task posted from the
 * callback (`scheduler.postTask`): it runs as soon as the frame is painted, before tasks
 * queued earlier at normal priority. A `setTimeout(0)` would run after them, so a count
 * started by a timer before the frame would wrongly be added to that frame's time.
 */
import { rng } from '../../util.js';

/** What the driver asks one page load to do. */
export interface RunOptions {
  /** Conditions in the segment (groups of ten under an OR root). */
  n: number;
  /** Seed of the PRNG that picks the edited conditions and the groups added to. */
  seed: number;
  /** Customers in the memory provider's sample dataset (segment-kit only; 0 = no provider). */
  customers: number;
  /** Edits and adds per page load, at random positions (default 2 each). */
  steps?: number;
  /** Only mount (and the live count): no heap, scroll, edit or add. */
  mountOnly?: boolean;
}

/** What one fresh page load measures. Times in ms from the mount call or the event, heap in bytes. */
export interface RunResult {
  /** Time to generate the document and the dataset and create the provider (not part of any figure). */
  prepare: number;
  /** To the first painted frame showing the first condition's value input. */
  firstFrame: number;
  /** Frames (1 = the very next one) until that frame. */
  firstFrameNo: number;
  /** To the first painted frame of the finished list (see `Adapter.finished`). */
  finished: number;
  finishedNo: number;
  /** To the first painted frame showing the live count (NaN where the library has none). */
  count: number;
  countNo: number;
  /** The count as shown once painted (e.g. "0 customers"), for the report. */
  countText: string;
  /** From scrolling the page down by ten screens to the first painted frame with a newly rendered condition in the middle of the screen. */
  scroll: number;
  scrollNo: number;
  /** Heap after GC with the library loaded and nothing prepared. */
  heapBaseline: number;
  /** Heap after GC with the document, the dataset and the provider created, before mount. */
  heapPrepared: number;
  /** Heap after mount, the first count and GC. */
  heap: number;
  /** Elements in the document, including every open shadow root. */
  nodes: number;
  /** From each `input` event (one typed character, at a random condition) to the next painted frame. */
  edits: number[];
  /** The conditions edited (0-based, in document order). */
  editAt: number[];
  /** From each click on a random group's "add condition" to the next painted frame. */
  adds: number[];
  /** The groups of ten added to (0-based). */
  addAt: number[];
  /** Anything that went wrong (missing elements, failed checks, late rows). */
  notes: string[];
}

export interface Adapter {
  /** Build the library's document for `n` conditions, and the provider over `customers` customers (not timed). */
  prepare(n: number, customers: number): void;
  /** Create the builder, hand it the prepared data (and provider) and attach it (timed). */
  mount(): void;
  /** Is the first condition's value input in the DOM? */
  firstFrameReady(): boolean;
  /** Are the rows' final rendering in place (nothing left to load, every rendered row rendered)? */
  finished(): boolean;
  /** Is the live count shown? `undefined` when the library has no count. */
  countShown(): boolean | undefined;
  /** The count's text as shown (empty when none). */
  countText(): string;
  /** Nothing pending (no count on its way)? */
  quiet(): boolean;
  /** Bring condition `k`'s row (or group `g`'s add button) into view, as a user scrolling to it would (not timed). */
  reveal(target: Target): void;
  /** The value input of condition `k`, if rendered. */
  valueInput(k: number): HTMLInputElement | null;
  /** Set an input's value as typing would (React needs the native setter). */
  setValue(input: HTMLInputElement, value: string): void;
  /** Did the edit reach the library's state? */
  editApplied(k: number, expected: string): boolean;
  /** The "add condition" button of group `g`, if rendered. */
  addButton(g: number): HTMLElement | null;
  /** Conditions in group `g`, in the library's state. */
  groupSize(g: number): number;
  /** The id of the condition row at the middle of the viewport, if that row is fully rendered. */
  conditionAtCenter(): string | undefined;
}

export type Target = { kind: 'condition'; k: number } | { kind: 'add'; g: number };

export interface BenchApi {
  /** Everything below, in order, on this page load. */
  run(options: RunOptions): Promise<RunResult>;
  prepare(n: number, customers: number): Promise<number>;
  mount(): Promise<
    Pick<RunResult, 'firstFrame' | 'firstFrameNo' | 'finished' | 'finishedNo' | 'count' | 'countNo' | 'countText' | 'notes'>
  >;
  /** Edit condition `k` (default: the seeded PRNG's next pick). */
  edit(k?: number): Promise<{ ms: number; k: number; notes: string[] }>;
  /** Add a condition to group `g` (default: the seeded PRNG's next pick). */
  add(g?: number): Promise<{ ms: number; g: number; notes: string[] }>;
  /** Wait until nothing is pending and the page is idle for a moment. */
  settle(): Promise<void>;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

/** Chromium's Prioritized Task Scheduling API (not in TypeScript's DOM library yet). */
declare const scheduler: { postTask(cb: () => void, options: { priority: 'user-blocking' }): Promise<void> } | undefined;

/** Run `cb` right after the frame being rendered is painted (called from a rAF callback). */
function afterPaint(cb: () => void): void {
  if (typeof scheduler !== 'undefined') void scheduler.postTask(cb, { priority: 'user-blocking' });
  else setTimeout(cb);
}

/** The next frame was produced: rAF runs before that frame's paint, the task after it. */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => afterPaint(r)));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Watched {
  /** ms from t0 to the painted frame where the check first held (NaN if never). */
  ms: number;
  /** That frame's number (1 = the first frame after t0). */
  frame: number;
}

/**
 * Watch frames from `t0` until every check has held before a paint (or `timeout` ms).
 * A check that returns `undefined` is not applicable and is dropped.
 */
export function watchFrames(
  t0: number,
  checks: Record<string, () => boolean | undefined>,
  timeout: number,
): Promise<Record<string, Watched>> {
  const out: Record<string, Watched> = {};
  const open = new Set(Object.keys(checks));
  for (const k of open) out[k] = { ms: NaN, frame: NaN };
  let frame = 0;
  return new Promise((resolve) => {
    const tick = () => {
      frame++;
      const held: string[] = [];
      for (const k of open) {
        const v = checks[k]!();
        if (v === undefined) open.delete(k);
        else if (v) held.push(k);
      }
      for (const k of held) open.delete(k);
      afterPaint(() => {
        const now = performance.now() - t0;
        for (const k of held) out[k] = { ms: now, frame };
        if (open.size === 0 || now > timeout) resolve(out);
        else requestAnimationFrame(tick);
      });
    };
    requestAnimationFrame(tick);
  });
}

/** Heap after a forced full GC (Chromium started with --js-flags=--expose-gc). */
export async function heapAfterGc(): Promise<number> {
  const g = (globalThis as unknown as { gc?: () => void }).gc;
  if (!g) throw new Error('gc() is not exposed: start Chromium with --js-flags=--expose-gc');
  g();
  await sleep(50);
  g();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) throw new Error('performance.memory is not available');
  return memory.usedJSHeapSize;
}

/** Elements in `root` and, recursively, in every open shadow root under it. */
export function countElements(root: Document | ShadowRoot = document): number {
  const all = root.querySelectorAll('*');
  let n = all.length;
  for (const el of all) if (el.shadowRoot) n += countElements(el.shadowRoot);
  return n;
}

export function install(adapter: Adapter): void {
  let n = 0;
  let random = rng(1);

  /** A few frames, then wait (up to 10 s) for nothing pending, then 150 ms and a frame. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await nextFrame();
    for (let t = 0; t < 10_000 && !adapter.quiet(); t += 20) await sleep(20);
    await sleep(150);
    await nextFrame();
  }

  /** Scroll a target into view (untimed), wait until it is rendered, then settle. */
  async function reveal(target: Target, present: () => boolean): Promise<boolean> {
    adapter.reveal(target);
    for (let i = 0; i < 120 && !present(); i++) await nextFrame();
    await settle();
    return present();
  }

  const api: BenchApi = {
    async run(options: RunOptions): Promise<RunResult> {
      random = rng(options.seed);
      await settle();
      const heapBaseline = options.mountOnly ? NaN : await heapAfterGc();
      const prepare = await api.prepare(options.n, options.customers);
      await settle();
      const heapPrepared = options.mountOnly ? NaN : await heapAfterGc();
      const m = await api.mount();
      const result: RunResult = {
        prepare,
        ...m,
        scroll: NaN,
        scrollNo: NaN,
        heapBaseline,
        heapPrepared,
        heap: NaN,
        nodes: NaN,
        edits: [],
        editAt: [],
        adds: [],
        addAt: [],
      };
      if (options.mountOnly) return result;
      await settle();
      result.heap = await heapAfterGc();
      result.nodes = countElements();

      // Scroll the page ten screens down: new rows must be rendered (and painted).
      // (Only where the page is at least two screens tall; at most ten screens down.)
      const scroller = document.scrollingElement!;
      const by = Math.min(innerHeight * 10, scroller.scrollHeight - innerHeight);
      const before = adapter.conditionAtCenter();
      const t0 = performance.now();
      if (by >= innerHeight) scroller.scrollBy(0, by);
      const s =
        by < innerHeight
          ? { scroll: { ms: NaN, frame: NaN } }
          : await watchFrames(
              t0,
              {
                scroll: () => {
                  const id = adapter.conditionAtCenter();
                  return id !== undefined && id !== before;
                },
              },
              3000,
            );
      result.scroll = s.scroll!.ms;
      result.scrollNo = s.scroll!.frame;
      if (by >= innerHeight && Number.isNaN(result.scroll)) result.notes.push('scroll: no new condition rendered in view within 3 s');
      scroller.scrollTo(0, 0);
      await settle();

      for (let i = 0; i < (options.steps ?? 2); i++) {
        const e = await api.edit();
        result.edits.push(e.ms);
        result.editAt.push(e.k);
        result.notes.push(...e.notes);
        await settle();
        const a = await api.add();
        result.adds.push(a.ms);
        result.addAt.push(a.g);
        result.notes.push(...a.notes);
        await settle();
      }
      return result;
    },

    prepare(size: number, customers: number) {
      n = size;
      const t = performance.now();
      adapter.prepare(size, customers);
      return Promise.resolve(performance.now() - t);
    },

    // Mount: set the data, then watch painted frames for the first rows, the finished list and the count.
    async mount() {
      const notes: string[] = [];
      const t0 = performance.now();
      adapter.mount();
      const w = await watchFrames(
        t0,
        { first: () => adapter.firstFrameReady(), finished: () => adapter.finished(), count: () => adapter.countShown() },
        20_000,
      );
      const { first, finished, count } = w as Record<'first' | 'finished' | 'count', Watched>;
      if (Number.isNaN(first.ms)) notes.push('mount: the first value input never appeared');
      if (Number.isNaN(finished.ms)) notes.push('mount: the list was not finished within 20 s');
      if (adapter.countShown() !== undefined && Number.isNaN(count.ms)) notes.push('mount: no count within 20 s');
      if (count.frame <= first.frame)
        notes.push(`mount: the count was painted with the first rows (frame ${count.frame}): counting ran before the first paint`);
      return {
        firstFrame: first.ms,
        firstFrameNo: first.frame,
        finished: finished.ms,
        finishedNo: finished.frame,
        count: count.ms,
        countNo: count.frame,
        countText: adapter.countText(),
        notes,
      };
    },

    // Edit one value: type one character into a random condition's value input (numbers and texts: k % 3 < 2).
    async edit(k?: number) {
      const notes: string[] = [];
      k ??= 3 * Math.floor((random() * n) / 3) + (random() < 0.5 ? 0 : 1);
      if (k >= n) k = 0;
      await reveal({ kind: 'condition', k }, () => adapter.valueInput(k) !== null);
      const input = adapter.valueInput(k);
      if (!input) return { ms: NaN, k, notes: [`edit: no value input for condition ${k}`] };
      input.focus({ preventScroll: true });
      await nextFrame();
      const next = k % 3 === 0 ? `${input.value}5` : `${input.value}x`;
      const t1 = performance.now();
      adapter.setValue(input, next);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await nextFrame();
      const ms = performance.now() - t1;
      if (!adapter.editApplied(k, next)) notes.push(`edit: the value "${next}" of condition ${k} did not reach the state`);
      input.blur();
      return { ms, k, notes };
    },

    // Add one condition to a random group of ten.
    async add(g?: number) {
      const notes: string[] = [];
      g ??= Math.floor((random() * n) / 10);
      await reveal({ kind: 'add', g }, () => adapter.addButton(g) !== null);
      const button = adapter.addButton(g);
      if (!button) return { ms: NaN, g, notes: [`add: no "add condition" button for group ${g}`] };
      const size = adapter.groupSize(g);
      const t2 = performance.now();
      button.click();
      await nextFrame();
      const ms = performance.now() - t2;
      if (adapter.groupSize(g) !== size + 1) notes.push(`add: the new condition of group ${g} is not in the state`);
      (document.activeElement as HTMLElement | null)?.blur();
      return { ms, g, notes };
    },

    settle,
  };
  window.bench = api;
}
