/**
 * The memory provider's preparation in idle time: the engine's typed columns and join
 * indexes (`DataSnapshot.prepareSteps`) built a slice at a time while the page has nothing else to do,
 * so the first question about a segment finds them ready instead of building them on the
 * main thread while a person waits.
 *
 * Each turn runs slices for at most `SLICE_MS` (less when the browser's idle deadline is
 * nearer), then gives the thread back: typing, clicks and frames wait for at most one
 * turn (see `whenIdle`). A question that comes in the middle is not delayed: it builds what it needs from
 * where the slices left it. `stop()` (the data changed, or the host asked) drops the rest.
 */
/** The longest a turn holds the thread, in ms. */
export const SLICE_MS = 4;

type IdleDeadline = { timeRemaining(): number };
type Platform = {
  scheduler?: { postTask(cb: () => void, o: { priority: 'background'; signal?: AbortSignal }): Promise<unknown> };
  requestIdleCallback?(cb: (d: IdleDeadline) => void, o?: { timeout?: number }): number;
  cancelIdleCallback?(id: number): void;
};
const platform = globalThis as unknown as Platform;

/** Does this platform tell idle time apart (a browser's main thread)? */
export const hasIdleTime = (): boolean =>
  typeof platform.scheduler?.postTask === 'function' || typeof platform.requestIdleCallback === 'function';

/**
 * Run `turn(budget)` when the thread is idle: as a background-priority task where the
 * platform has `scheduler.postTask` (it runs only when no input, rendering or other task
 * waits); else in an idle period (`requestIdleCallback`), the next turns of the same period
 * as new tasks so that input queued in between goes first; else as the next macrotask.
 * Returns a cancel function.
 */
function whenIdle(turn: (budget: number) => void, period: { deadline?: IdleDeadline }): () => void {
  if (typeof platform.scheduler?.postTask === 'function') {
    const abort = new AbortController();
    platform.scheduler.postTask(() => turn(SLICE_MS), { priority: 'background', signal: abort.signal }).catch(() => undefined);
    return () => abort.abort();
  }
  const left = period.deadline?.timeRemaining() ?? 0;
  if (left < 1 && typeof platform.requestIdleCallback === 'function' && typeof platform.cancelIdleCallback === 'function') {
    const id = platform.requestIdleCallback((d) => {
      period.deadline = d;
      turn(Math.min(SLICE_MS, Math.max(1, d.timeRemaining())));
    });
    return () => platform.cancelIdleCallback!(id);
  }
  const id = setTimeout(() => turn(left >= 1 ? Math.min(SLICE_MS, left) : SLICE_MS), 0);
  return () => clearTimeout(id);
}

export class IdlePreparation {
  private steps: Iterator<void, void> | undefined;
  /** The idle period the last turn ran in (`requestIdleCallback` only). */
  private readonly period: { deadline?: IdleDeadline } = {};
  private cancel: (() => void) | undefined;
  private waiters: (() => void)[] = [];

  /** Start running `steps` in idle time (what was being prepared before is dropped). */
  start(steps: Iterator<void, void>): void {
    this.stop();
    this.steps = steps;
    this.schedule();
  }

  /** Drop what is left; `done()` resolves. */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.steps = undefined;
    this.settle();
  }

  /** Is a preparation under way? */
  get running(): boolean {
    return this.steps !== undefined;
  }

  /** Resolves when nothing is being prepared any more (finished or stopped). */
  done(): Promise<void> {
    if (!this.steps) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(): void {
    this.cancel = whenIdle((budget) => this.turn(budget), this.period);
  }

  private turn(budget: number): void {
    this.cancel = undefined;
    const steps = this.steps;
    if (!steps) return;
    const end = performance.now() + budget;
    let finished: boolean;
    try {
      do finished = !!steps.next().done;
      while (!finished && performance.now() < end);
    } catch {
      // The data cannot be prepared (evaluation reports why, to whoever asks): stop here.
      finished = true;
    }
    if (this.steps !== steps) return;
    if (finished) {
      this.steps = undefined;
      this.settle();
    } else this.schedule();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
