/**
 * In-page side of `npm run bench:ui`, shared by the segment-kit and react-querybuilder
 * pages: frame waits, forced GC, heap and DOM counts, and the one `run(n)` the driver
 * calls on a fresh page load. Each library page supplies an `Adapter`.
 */

/** What one fresh page load measures. Times in ms, heap in bytes. */
export interface RunResult {
  /** From setting the segment/query to the first painted frame that shows the first condition's value input. */
  mount: number;
  /** Frames waited in `mount` until the content was there (1 = the very next frame). */
  mountFrames: number;
  /** Heap after GC with the library loaded but nothing mounted. */
  heapBaseline: number;
  /** Heap after mount and GC. */
  heap: number;
  /** Elements in the document, including every open shadow root. */
  nodes: number;
  /** From the `input` event on the first condition's value input to the next painted frame. */
  edit: number;
  /** The edit reached the library's state. */
  editOk: boolean;
  /** From clicking the first group's "add condition" button to the next painted frame. */
  add: number;
  /** The new condition is in the library's state. */
  addOk: boolean;
  /** Anything that went wrong (missing elements, failed checks). */
  notes: string[];
}

export interface Adapter {
  /** Build the library's document for `n` conditions (not timed). */
  prepare(n: number): void;
  /** Create the builder, hand it the prepared data and attach it (timed). */
  mount(): void;
  /** Is the mounted builder showing its first condition's value input? */
  ready(): boolean;
  /** The value input of the first condition. */
  valueInput(): HTMLInputElement | null;
  /** Set an input's value as typing would (React needs the native setter). */
  setValue(input: HTMLInputElement, value: string): void;
  /** Did the edit reach the library's state? */
  editApplied(expected: string): boolean;
  /** The "add condition" button of the first group of ten. */
  addButton(): HTMLElement | null;
  /** Does the first group now have 11 conditions? */
  addApplied(): boolean;
}

export interface BenchApi {
  /** Everything below, in order, on this page load. */
  run(n: number): Promise<RunResult>;
  mount(n: number): Promise<Pick<RunResult, 'mount' | 'mountFrames' | 'notes'>>;
  edit(): Promise<Pick<RunResult, 'edit' | 'editOk' | 'notes'>>;
  add(): Promise<Pick<RunResult, 'add' | 'addOk' | 'notes'>>;
  /** Wait until the page is idle for a moment (a few frames and 250 ms). */
  settle(): Promise<void>;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

/** The next frame was produced: rAF runs before that frame's paint, the timeout after it. */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await nextFrame();
  await sleep(250);
  await nextFrame();
}

/** Force a full GC (Chromium started with --js-flags=--expose-gc) and read the JS heap. */
async function heapAfterGc(): Promise<number> {
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
  const api: BenchApi = {
    async run(n: number): Promise<RunResult> {
      await settle();
      const heapBaseline = await heapAfterGc();
      const m = await api.mount(n);
      await settle();
      const heap = await heapAfterGc();
      const nodes = countElements();
      await settle();
      const e = await api.edit();
      await settle();
      const a = await api.add();
      return { ...m, heapBaseline, heap, nodes, ...e, ...a, notes: [...m.notes, ...e.notes, ...a.notes] };
    },

    // 1. mount: set the data, then wait for painted frames until the rows are there.
    async mount(n: number) {
      const notes: string[] = [];
      adapter.prepare(n);
      const t0 = performance.now();
      adapter.mount();
      let mountFrames = 0;
      let mount = NaN;
      for (let i = 1; i <= 60; i++) {
        await nextFrame();
        if (adapter.ready()) {
          mount = performance.now() - t0;
          mountFrames = i;
          break;
        }
      }
      if (Number.isNaN(mount)) notes.push('mount: the first value input never appeared');
      return { mount, mountFrames, notes };
    },

    // 2. edit one value: type one character into the first condition's value input.
    async edit() {
      const notes: string[] = [];
      let edit = NaN;
      let editOk = false;
      const input = adapter.valueInput();
      if (!input) notes.push('edit: no value input found');
      else {
        const next = `${input.value}5`;
        const t1 = performance.now();
        adapter.setValue(input, next);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await nextFrame();
        edit = performance.now() - t1;
        editOk = adapter.editApplied(next);
        if (!editOk) notes.push(`edit: the value "${next}" did not reach the state`);
      }
      return { edit, editOk, notes };
    },

    // 3. add one condition to the first group.
    async add() {
      const notes: string[] = [];
      let add = NaN;
      let addOk = false;
      let button = adapter.addButton();
      if (button) {
        button.scrollIntoView({ block: 'center' });
        await settle();
        button = adapter.addButton();
      }
      if (!button) notes.push('add: no "add condition" button found');
      else {
        const t2 = performance.now();
        button.click();
        await nextFrame();
        add = performance.now() - t2;
        addOk = adapter.addApplied();
        if (!addOk) notes.push('add: the new condition is not in the state');
      }
      return { add, addOk, notes };
    },

    settle,
  };
  window.bench = api;
}
