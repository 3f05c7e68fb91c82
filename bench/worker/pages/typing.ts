/**
 * In-page side of `npm run bench:worker`: a text input and a provider over the sample
 * dataset, in the page (`createMemoryProvider`) or in a worker (`createWorkerProvider`).
 * While the driver types, every key press asks for a new count and aborts the previous one
 * (the builder with no debounce, its worst case); the page measures each key's latency to
 * the next painted frame, the counts' completion times, long tasks and Event Timing.
 */
import { isAbortError, type SegmentProvider } from '../../../src/core/provider/types.js';
import { createMemoryProvider } from '../../../src/providers/memory/index.js';
import { createWorkerProvider, type WorkerProvider } from '../../../src/providers/memory/worker.js';
import { createSampleDataset } from '../../../src/sample/generate.js';
import { threeRules } from './segment.js';

export type Mode = 'main' | 'worker';

export interface StartResult {
  /** From the start of setup to the first provider that answers (dataset generated, worker up). */
  readyMs: number;
  /** Generating the sample dataset on the page (main mode and the clone probe), blocking it. */
  generateMs?: number;
  /** createWorkerProvider({ catalog, data }) on the page: the structured clone of every row (clone probe). */
  postMs?: number;
}

export interface TypingResult {
  /** keydown events seen. */
  keys: number;
  /** Per key: keydown `timeStamp` (when the browser got the key) to the next painted frame (rAF + timeout), ms. */
  latency: number[];
  /** Event Timing durations of the keydown interactions slower than 16 ms (the API's floor), ms. */
  eventTiming: number[];
  requested: number;
  completed: number;
  aborted: number;
  failed: string[];
  /** Request to answer of each count that completed, ms. */
  completion: number[];
  /** The first keydown to the first count answered, ms (NaN if none was). */
  firstCount: number;
  /** The last keydown to the answer of the count it asked for (what the person waits for once they stop), ms. */
  finalCount: number;
  /** Durations of the long tasks (≥ 50 ms) on the page during the session, ms. */
  longTasks: number[];
  /** The input's value at the end (the driver checks every key arrived). */
  value: string;
}

export interface WorkerBenchApi {
  /** Two providers that have never counted: `cold` for typing through the first count, `idle` for the rest. */
  start(mode: Mode, customers: number, seed: number): Promise<StartResult>;
  use(which: 'cold' | 'idle'): void;
  /** The time of one count with nothing else going on, request to answer. */
  countIdle(): Promise<number>;
  beginTyping(): void;
  endTyping(expectedKeys: number): Promise<TypingResult>;
  /** Start-up only: generate on the page, then post the rows to a worker. */
  cloneProbe(customers: number, seed: number): Promise<StartResult>;
}

declare global {
  interface Window {
    workerBench?: WorkerBenchApi;
  }
}

const input = document.querySelector<HTMLInputElement>('#q')!;
const output = document.querySelector<HTMLOutputElement>('#count')!;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));

let provider: SegmentProvider | undefined;
let providers: { cold: SegmentProvider; idle: SegmentProvider } | undefined;

interface Session extends TypingResult {
  firstKey: number | undefined;
  lastKey: number;
  /** When each count answered, by its number (1 = the first asked). */
  answers: Map<number, number>;
  pending: number;
  controller: AbortController | undefined;
  observers: PerformanceObserver[];
}
let session: Session | undefined;

input.addEventListener('keydown', (event) => {
  const s = session;
  if (!s) return;
  const ts = event.timeStamp;
  s.keys++;
  s.firstKey ??= ts;
  s.lastKey = ts;
  requestAnimationFrame(() => setTimeout(() => s.latency.push(performance.now() - ts)));
});

input.addEventListener('input', () => {
  const s = session;
  if (!s || !provider) return;
  s.controller?.abort();
  const controller = new AbortController();
  s.controller = controller;
  const seq = ++s.requested;
  s.pending++;
  const t0 = performance.now();
  provider
    .count(threeRules(1000 + input.value.length * 10), { signal: controller.signal })
    .then(
      (result) => {
        const now = performance.now();
        s.completed++;
        s.completion.push(now - t0);
        s.answers.set(seq, now);
        if (Number.isNaN(s.firstCount) && s.firstKey !== undefined) s.firstCount = now - s.firstKey;
        output.textContent = result.total.toLocaleString('en');
      },
      (e: unknown) => {
        if (isAbortError(e)) s.aborted++;
        else s.failed.push(e instanceof Error ? e.message : String(e));
      },
    )
    .finally(() => s.pending--);
});

function observe(s: Session, type: string, onEntry: (e: PerformanceEntry) => void, extra: Record<string, unknown> = {}) {
  try {
    const o = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
    o.observe({ type, ...extra });
    s.observers.push(o);
  } catch {
    // this entry type is not supported here: its list stays empty
  }
}

window.workerBench = {
  async start(mode, customers, seed) {
    const t0 = performance.now();
    if (mode === 'main') {
      const dataset = createSampleDataset({ customers, seed });
      const generateMs = performance.now() - t0;
      // Two providers over the same rows in new arrays: the engine's caches are per rows array, so each starts cold.
      const make = () =>
        createMemoryProvider({
          catalog: dataset.catalog,
          data: Object.fromEntries(Object.entries(dataset.data).map(([k, rows]) => [k, rows.slice()])),
          now: dataset.now,
          segments: dataset.segments,
        });
      providers = { cold: make(), idle: make() };
      return { readyMs: performance.now() - t0, generateMs };
    }
    // Two workers, each generating the sample itself (in parallel); the first one up gives readyMs.
    const make = () => createWorkerProvider({ dataset: { sample: { customers, seed, historyDays: 0 } } });
    const two = { cold: make(), idle: make() };
    const readyMs = await Promise.race([two.cold.ready, two.idle.ready]).then(() => performance.now() - t0);
    await Promise.all([two.cold.ready, two.idle.ready]);
    providers = two;
    return { readyMs };
  },

  use(which) {
    provider = providers![which];
  },

  async countIdle() {
    const t0 = performance.now();
    await provider!.count(threeRules());
    return performance.now() - t0;
  },

  beginTyping() {
    input.value = '';
    input.focus();
    const s: Session = {
      keys: 0,
      latency: [],
      eventTiming: [],
      requested: 0,
      completed: 0,
      aborted: 0,
      failed: [],
      completion: [],
      firstCount: NaN,
      finalCount: NaN,
      longTasks: [],
      value: '',
      firstKey: undefined,
      lastKey: NaN,
      answers: new Map(),
      pending: 0,
      controller: undefined,
      observers: [],
    };
    observe(s, 'longtask', (e) => s.longTasks.push(e.duration));
    observe(
      s,
      'event',
      (e) => {
        if (e.name === 'keydown') s.eventTiming.push(e.duration);
      },
      { durationThreshold: 16 },
    );
    session = s;
  },

  async endTyping(expectedKeys) {
    const s = session!;
    const t0 = performance.now();
    while ((s.keys < expectedKeys || s.latency.length < s.keys || s.pending > 0) && performance.now() - t0 < 30_000) await sleep(20);
    await nextFrame();
    await sleep(100);
    for (const o of s.observers) {
      o.takeRecords().forEach((e) => (e.entryType === 'longtask' ? s.longTasks.push(e.duration) : s.eventTiming.push(e.duration)));
      o.disconnect();
    }
    session = undefined;
    s.finalCount = (s.answers.get(s.requested) ?? NaN) - s.lastKey;
    const { firstKey: _f, lastKey: _l, answers: _a, pending: _p, controller: _c, observers: _o, ...result } = s;
    return { ...result, value: input.value };
  },

  async cloneProbe(customers, seed) {
    const t0 = performance.now();
    const dataset = createSampleDataset({ customers, seed });
    const t1 = performance.now();
    const p: WorkerProvider = createWorkerProvider({ catalog: dataset.catalog, data: dataset.data, now: dataset.now });
    const t2 = performance.now();
    await p.ready;
    const readyMs = performance.now() - t0;
    p.terminate();
    return { readyMs, generateMs: t1 - t0, postMs: t2 - t1 };
  },
};
