/**
 * One controller for every provider call: debounced, abortable, and guarded so a
 * superseded answer never shows — even from a provider that ignores its AbortSignal.
 *
 * It is built on `@lit/task`: each call runs through a `Task` (autoRun off), which
 * creates the call's AbortController, aborts the previous one when it runs again and
 * drops an answer whose call id is not the latest. Around it this controller adds what
 * `Task` does not do:
 * - a debounce (`delay`, per call too) and `runNow()`;
 * - the last good value is kept while a newer one is pending and after an error
 *   (`Task` clears `value` on error), so old numbers can be shown dimmed (`stale`);
 * - `hostDisconnected` aborts what is scheduled or in flight, and the interrupted run is
 *   run again on reconnect (`Task` has no disconnect hook);
 * - a `blocked` state for "no call now" (an invalid document: nothing is asked, the
 *   last value stays, stale);
 * - `retry()` and a promise per run that says what became of it (for saving).
 */
import { Task, TaskStatus, shallowArrayEquals } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../../core/provider/types.js';

export type ProviderTaskStatus = 'initial' | 'pending' | 'complete' | 'error' | 'blocked';

/** What became of one run. `dropped`: superseded, aborted, blocked or disconnected before it answered. */
export type ProviderTaskOutcome<R> = { status: 'complete'; value: R } | { status: 'error'; error: unknown } | { status: 'dropped' };

export interface ProviderTaskConfig<A extends readonly unknown[], R> {
  /** The call. `signal` is aborted when the call is superseded, cancelled or the host disconnects. */
  task: (args: A, options: { signal: AbortSignal }) => R | Promise<R>;
  /** Debounce in milliseconds for `run()` (default 0: the next macrotask). Writable. */
  delay?: number;
  /**
   * Optional: run automatically (debounced) whenever these arguments change, checked on
   * every host update as `@lit/task` does. Return `undefined` for "nothing to run".
   */
  args?: () => A | undefined;
  /** How `args` are compared (default: shallow, as `@lit/task`). */
  argsEqual?: (a: A, b: A) => boolean;
  /** Abort on disconnect and run the interrupted call again on reconnect (default true). */
  abortOnDisconnect?: boolean;
  /** Called with each value that is kept (the latest call's). */
  onComplete?: (value: R, args: A) => void;
  /** Called with each error that is kept (the latest call's; aborts are not errors). */
  onError?: (error: unknown, args: A) => void;
}

export interface ProviderTaskRenderer<R, T> {
  initial?: () => T;
  /** While a call is scheduled or in flight; `last` is the last good value, if any. */
  pending?: (last: R | undefined) => T;
  complete?: (value: R) => T;
  error?: (error: unknown, last: R | undefined) => T;
  /** `block()` was called: nothing is asked; `last` is the last good value, if any. */
  blocked?: (last: R | undefined) => T;
}

export class ProviderTask<A extends readonly unknown[], R> implements ReactiveController {
  /** Debounce of `run()` in milliseconds. */
  delay: number;

  private readonly host: ReactiveControllerHost;
  private readonly config: ProviderTaskConfig<A, R>;
  private readonly inner: Task<A, R>;
  private _status: ProviderTaskStatus = 'initial';
  private _value: R | undefined;
  private _hasValue = false;
  private _error: unknown;
  private _args: A | undefined;
  private autoArgs: A | undefined;
  /** Bumped by every run, cancel and disconnect: an answer for an older generation is dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settle: ((outcome: ProviderTaskOutcome<R>) => void) | undefined;
  private interrupted = false;

  constructor(host: ReactiveControllerHost, config: ProviderTaskConfig<A, R>) {
    this.host = host;
    this.config = config;
    this.delay = config.delay ?? 0;
    this.inner = new Task<A, R>(host, { task: (args, { signal }) => config.task(args, { signal }), autoRun: false });
    host.addController(this);
  }

  /** initial, pending (scheduled or in flight), complete, error or blocked. */
  get status(): ProviderTaskStatus {
    return this._status;
  }

  /** The last good value: kept while a newer one is pending, after an error and while blocked. */
  get value(): R | undefined {
    return this._value;
  }

  /** Has any call answered yet (since the last `reset()`)? */
  get hasValue(): boolean {
    return this._hasValue;
  }

  /** The latest call's error (while `status` is 'error'). */
  get error(): unknown {
    return this._status === 'error' ? this._error : undefined;
  }

  /** The arguments of the latest run. */
  get args(): A | undefined {
    return this._args;
  }

  /** Is what `value` shows older than what was last asked for (pending, error or blocked)? */
  get stale(): boolean {
    return this._status === 'pending' || this._status === 'error' || this._status === 'blocked';
  }

  /** Is a call scheduled or in flight? */
  get pending(): boolean {
    return this._status === 'pending';
  }

  /**
   * Ask with `args` after the debounce (`delay`, or `options.delay`; 0 is the next
   * macrotask). What was scheduled is dropped and what was in flight is aborted. The
   * promise never rejects: it says what became of this run.
   */
  run(args: A, options: { delay?: number } = {}): Promise<ProviderTaskOutcome<R>> {
    const generation = this.begin(args);
    const promise = new Promise<ProviderTaskOutcome<R>>((resolve) => (this.settle = resolve));
    this.timer = setTimeout(() => this.start(generation, args), Math.max(0, options.delay ?? this.delay));
    return promise;
  }

  /** Ask with `args` now: the provider is called before this returns (no debounce: a save, a retry). */
  runNow(args: A): Promise<ProviderTaskOutcome<R>> {
    const generation = this.begin(args);
    const promise = new Promise<ProviderTaskOutcome<R>>((resolve) => (this.settle = resolve));
    this.start(generation, args);
    return promise;
  }

  /** Ask again with the latest arguments, now (the error state's Retry). */
  retry(): Promise<ProviderTaskOutcome<R>> {
    if (this._args === undefined) return Promise.resolve({ status: 'dropped' });
    return this.runNow(this._args);
  }

  /**
   * Nothing may be asked for now (e.g. the document is invalid): drop what is scheduled,
   * abort what is in flight, keep the last value (stale) until the next run.
   */
  block(): void {
    this.cancel();
    this.setStatus('blocked');
  }

  /** Drop what is scheduled and abort what is in flight; the last value stays. */
  abort(): void {
    const wasPending = this._status === 'pending';
    this.cancel();
    this.interrupted = false;
    if (wasPending) this.setStatus(this._hasValue ? 'complete' : 'initial');
  }

  /** Abort and forget everything (a new document was loaded, a list was closed). */
  reset(): void {
    this.cancel();
    this.interrupted = false;
    this._value = undefined;
    this._hasValue = false;
    this._error = undefined;
    this._args = undefined;
    this.autoArgs = undefined;
    this.setStatus('initial');
  }

  /** Render by status, as `@lit/task`'s `render`, with the last good value in pending, error and blocked. */
  render<T>(renderer: ProviderTaskRenderer<R, T>): T | undefined {
    switch (this._status) {
      case 'initial':
        return renderer.initial?.();
      case 'pending':
        return renderer.pending?.(this._value);
      case 'complete':
        return renderer.complete?.(this._value as R);
      case 'error':
        return renderer.error?.(this._error, this._value);
      case 'blocked':
        return renderer.blocked?.(this._value);
    }
  }

  hostConnected(): void {
    if (this.interrupted && this._args !== undefined) {
      this.interrupted = false;
      void this.run(this._args, { delay: 0 });
    }
  }

  hostDisconnected(): void {
    if (this.config.abortOnDisconnect === false || this._status !== 'pending') return;
    this.cancel();
    this.interrupted = true;
    this._status = this._hasValue ? 'complete' : 'initial';
  }

  hostUpdate(): void {
    const argsFn = this.config.args;
    if (!argsFn) return;
    const args = argsFn();
    const prev = this.autoArgs;
    this.autoArgs = args;
    if (args === undefined) return;
    const equal = this.config.argsEqual ?? shallowArrayEquals;
    if (prev === undefined || !equal(prev, args)) void this.run(args);
  }

  // ------------------------------------------------------------------ internals

  private begin(args: A): number {
    this.cancel();
    this.interrupted = false;
    this._args = args;
    this.setStatus('pending');
    return this.generation;
  }

  /** Drop the scheduled call, abort the one in flight, and settle the latest run as dropped. */
  private cancel(): void {
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.inner.abort();
    const settle = this.settle;
    this.settle = undefined;
    settle?.({ status: 'dropped' });
  }

  private start(generation: number, args: A): void {
    this.timer = undefined;
    if (generation !== this.generation) return;
    // Task.run calls the provider synchronously, aborts the signal of the run before it and
    // ignores a superseded answer; the generation check also covers cancel and disconnect.
    void this.inner.run(args).then(() => {
      if (generation !== this.generation) return;
      const settle = this.settle;
      this.settle = undefined;
      if (this.inner.status === TaskStatus.COMPLETE) {
        const value = this.inner.value as R;
        this._value = value;
        this._hasValue = true;
        this._error = undefined;
        this.setStatus('complete');
        try {
          this.config.onComplete?.(value, args);
        } catch {
          // a listener's mistake is not the call's
        }
        settle?.({ status: 'complete', value });
        return;
      }
      const error = this.inner.error;
      if (isAbortError(error)) {
        // The provider gave up by itself: no answer, no error.
        this.setStatus(this._hasValue ? 'complete' : 'initial');
        settle?.({ status: 'dropped' });
        return;
      }
      this._error = error;
      this.setStatus('error');
      try {
        this.config.onError?.(error, args);
      } catch {
        // as above
      }
      settle?.({ status: 'error', error });
    });
  }

  private setStatus(status: ProviderTaskStatus): void {
    this._status = status;
    this.host.requestUpdate();
  }
}
