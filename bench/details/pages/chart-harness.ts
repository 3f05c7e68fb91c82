/**
 * In-page side of the chart benchmark (bench/details/chart.ts), shared by the
 * `<trend-chart>` page and the bare chart.js page: the same 2,000 daily points, mount to
 * the first painted frame of the finished chart (bench/ui's frame watching: checked in
 * rAF, timed after the paint), and a hover sweep the driver makes with real mouse moves,
 * timed here from each pointer event to the next painted frame, with the gaps between
 * frames.
 */
import type { TrendPoint } from '../../../src/core/provider/types.js';
import { longHistory } from '../../../stories/fixtures/trend.js';
import { nextFrame, watchFrames, type Watched } from '../../ui/pages/harness.js';

/** The data's clock (the sample dataset's `now`). */
export const END = '2026-11-01T12:00:00Z';
const TIMEOUT = 10_000;

export interface ChartAdapter {
  /** Why this page cannot run, or undefined. */
  unavailable(): string | undefined;
  /** Get ready to show `points` (not timed: the data and the provider an app has before it mounts). */
  prepare(points: TrendPoint[]): void;
  /** Create the chart over `points` and attach it (timed from the call). */
  mount(points: TrendPoint[]): void;
  /** Is the finished chart (every point drawn, figures shown) in the DOM? */
  finished(points: number): boolean;
  unmount(): void;
  /** The box the pointer sweeps over. */
  plot(): HTMLElement | null;
  /** Is a point's reading (tooltip) shown now? */
  reading(): boolean;
}

export interface MountResult {
  ms: number;
  frame: number;
  notes: string[];
}

export interface SweepResult {
  moves: number;
  /** Pointer event → next painted frame, per event (ms). */
  latency: number[];
  /** Gaps between painted frames during the sweep (ms). */
  gaps: number[];
  /** Frames during the sweep with the reading shown. */
  shown: number;
  frames: number;
}

export interface ChartBenchApi {
  prepare(points: number): void;
  mount(): Promise<MountResult>;
  unmount(): Promise<void>;
  box(): { x: number; y: number; width: number; height: number } | undefined;
  armSweep(): void;
  sweepResult(): Promise<SweepResult>;
  settle(): Promise<void>;
}

declare global {
  interface Window {
    chartBench?: ChartBenchApi;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function install(adapter: ChartAdapter): void {
  let points: TrendPoint[] = [];
  let sweep: { stop: () => Promise<SweepResult> } | undefined;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await nextFrame();
    await sleep(100);
    await nextFrame();
  }

  window.chartBench = {
    prepare(n) {
      points = longHistory(n, END);
      adapter.prepare(points);
    },
    async mount() {
      const why = adapter.unavailable();
      if (why) return { ms: NaN, frame: NaN, notes: [why] };
      const t0 = performance.now();
      adapter.mount(points);
      const w = (await watchFrames(t0, { finished: () => adapter.finished(points.length) }, TIMEOUT)) as Record<'finished', Watched>;
      const notes = Number.isNaN(w.finished.ms) ? [`the chart was not finished within ${TIMEOUT / 1000} s`] : [];
      return { ms: w.finished.ms, frame: w.finished.frame, notes };
    },
    async unmount() {
      adapter.unmount();
      await settle();
    },
    box() {
      const r = adapter.plot()?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : undefined;
    },
    armSweep() {
      const latency: number[] = [];
      const gaps: number[] = [];
      let waiting: number[] = [];
      let shown = 0;
      let frames = 0;
      let last = NaN;
      let running = true;
      const onMove = (e: PointerEvent) => waiting.push(e.timeStamp);
      window.addEventListener('pointermove', onMove, true);
      const tick = () => {
        if (adapter.reading()) shown++;
        const mine = waiting;
        waiting = [];
        void nextFrameAfterPaint().then(() => {
          const now = performance.now();
          frames++;
          if (!Number.isNaN(last)) gaps.push(now - last);
          last = now;
          for (const t of mine) latency.push(now - t);
          if (running) requestAnimationFrame(tick);
        });
      };
      requestAnimationFrame(tick);
      sweep = {
        stop: async () => {
          await nextFrame();
          await nextFrame();
          running = false;
          window.removeEventListener('pointermove', onMove, true);
          await nextFrame();
          return { moves: latency.length, latency, gaps, shown, frames };
        },
      };
    },
    sweepResult: () => sweep!.stop(),
    settle,
  };
}

/** Chromium's Prioritized Task Scheduling API (not in TypeScript's DOM library yet). */
declare const scheduler: { postTask(cb: () => void, options: { priority: 'user-blocking' }): Promise<void> } | undefined;

/** Called from a rAF callback: resolves right after that frame is painted. */
function nextFrameAfterPaint(): Promise<void> {
  return new Promise((r) => {
    if (typeof scheduler !== 'undefined') void scheduler.postTask(r, { priority: 'user-blocking' });
    else setTimeout(r);
  });
}
