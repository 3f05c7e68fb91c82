/**
 * `segment-kit/memory/worker`: the memory provider in a Web Worker, so counting 100,000
 * customers never blocks the page. Same interface and the same aborts as
 * `createMemoryProvider`; every method call crosses by name over `postMessage`, so methods
 * the memory provider gains later work without changes here.
 *
 * This module is small and DOM-free apart from the `Worker` global: the engine, the store
 * and the sample generator load only in the worker (`worker-main.js`).
 */
import type { Catalog } from '../../core/model/types.js';
import { SegmentProviderError } from '../../core/provider/types.js';
import type { MemoryProvider, MemoryProviderOptions } from './memory-provider.js';
import { abortedError, deserializeError, type FromWorker, type InitMessage, type SampleSource, type ToWorker } from './worker-protocol.js';

export type { SampleSource } from './worker-protocol.js';

/** Every method of `T`, answered asynchronously (a sync method of the memory provider returns a promise here). */
export type Remote<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export interface WorkerProviderOptions extends Omit<MemoryProviderOptions, 'catalog' | 'data'> {
  /** As for `createMemoryProvider`; the data is copied to the worker once (structured clone). Not with `dataset`. */
  catalog?: Catalog;
  data?: MemoryProviderOptions['data'];
  /**
   * Get the data in the worker instead, with nothing cloned:
   * - `{ sample: { customers, seed } }` builds the sample dataset there (catalog, data, now,
   *   segments and history, as `createSampleProvider`); explicit `now`, `segments` and
   *   `history` options win over the sample's;
   * - `{ url }` fetches the rows there as JSON (`{ Customer: [ … ], Order: [ … ] }`, as `data`);
   *   give the `catalog` beside it. A relative URL is resolved against the page.
   */
  dataset?: { sample: SampleSource } | { url: string | URL };
  /**
   * Build the engine's typed columns and join indexes in the worker before `ready` (default
   * true), so the first count or member list is as fast as later ones; `false` builds them on
   * first use instead (a faster `ready`, a slower first question).
   */
  prepare?: boolean;
  /**
   * Start the worker yourself (another bundler's syntax, a CSP-approved URL). It must run
   * `segment-kit/memory/worker-main`. Default: the module worker next to this file.
   */
  worker?: () => Worker;
}

/** The memory provider's methods over a worker, plus its start-up state and `terminate()`. */
export type WorkerProvider = Remote<MemoryProvider> & {
  /** Set once the worker has read the storage, when it held a damaged value (see `MemoryProviderOptions.onStorageError`). */
  readonly storageError: SegmentProviderError | undefined;
  /** Resolves when the provider in the worker is up; rejects with the reason calls reject with when it cannot start. */
  readonly ready: Promise<void>;
  /** End the worker. Pending and later calls reject with `SegmentProviderError('unavailable')`. */
  terminate(): void;
  /** The same as `terminate()`. */
  dispose(): void;
};

/** SPEC section 6 and the memory provider's extras: always there, before the worker has answered. */
const KNOWN_METHODS = [
  'getCatalog',
  'count',
  'members',
  'suggestValues',
  'attributeStats',
  'trend',
  'listSegments',
  'getSegment',
  'saveSegment',
  'deleteSegments',
  'refreshSegments',
  'updateSegments',
  'explain',
] as const;

/** Names a probe may ask for that must not look like methods (promise adoption, JSON, framework markers). */
const notForwarded = (name: string) => name === 'then' || name === 'toJSON' || /^[_$@]/.test(name);

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  cleanup(): void;
  /** A storage write made during this call failed on the page: the call rejects with it. */
  storageFailure?: SegmentProviderError;
}

const copy = (e: SegmentProviderError) => new SegmentProviderError(e.code, e.message, e.details);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isSignal = (s: unknown): s is AbortSignal =>
  typeof s === 'object' &&
  s !== null &&
  typeof (s as AbortSignal).aborted === 'boolean' &&
  typeof (s as AbortSignal).addEventListener === 'function';

function startWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('Web Workers are not available in this environment.');
  // Written out in full so that Vite, webpack and other bundlers find and bundle the worker.
  return new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' });
}

/**
 * The memory provider in a module Worker. Takes `createMemoryProvider`'s options (plus
 * `dataset` and `worker`); `storage` stays on the page: it is read once at start and every
 * write the provider makes comes back here to `storage.setItem`.
 */
export function createWorkerProvider(options: WorkerProviderOptions): WorkerProvider {
  const { storage, onStorageError, dataset, worker: makeWorker, prepare, ...rest } = options ?? {};
  const sample = dataset && typeof dataset === 'object' && 'sample' in dataset ? dataset.sample : undefined;
  const url = dataset && typeof dataset === 'object' && 'url' in dataset ? dataset.url : undefined;
  if (dataset !== undefined && (typeof sample !== 'object' || sample === null) && typeof url !== 'string' && !(url instanceof URL))
    throw new SegmentProviderError('invalid-argument', 'createWorkerProvider: dataset must be { sample: { customers, seed } } or { url }.');
  if (sample && (rest.catalog !== undefined || rest.data !== undefined))
    throw new SegmentProviderError(
      'invalid-argument',
      'createWorkerProvider takes either catalog and data, or dataset: { sample }, not both.',
    );
  if (url !== undefined && rest.data !== undefined)
    throw new SegmentProviderError('invalid-argument', 'createWorkerProvider takes either data or dataset: { url }, not both.');
  if (!sample && (!rest.catalog || typeof rest.catalog !== 'object'))
    throw new SegmentProviderError(
      'invalid-argument',
      'createWorkerProvider needs a catalog and data (or dataset: { url }), or dataset: { sample: { customers, seed } }.',
    );
  let absoluteUrl: string | undefined;
  if (url !== undefined) {
    try {
      absoluteUrl = new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
    } catch {
      throw new SegmentProviderError('invalid-argument', `createWorkerProvider: "${String(url)}" is not a URL.`);
    }
  }
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let state: 'starting' | 'ready' | 'failed' = 'starting';
  let failure: SegmentProviderError | undefined;
  let storageError: SegmentProviderError | undefined;
  let markReady!: () => void;
  let markFailed!: (e: SegmentProviderError) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // its reason is also every call's: a host that never awaits `ready` sees no unhandled rejection

  let worker: Worker | undefined;

  function fail(error: SegmentProviderError): void {
    if (state === 'failed') return;
    state = 'failed';
    failure = error;
    markFailed(copy(error));
    worker?.terminate();
    worker = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.cleanup();
      p.reject(copy(error));
    }
  }

  function settle(id: number): Pending | undefined {
    const p = pending.get(id);
    if (!p) return undefined; // aborted (already rejected) or terminated: the late answer is dropped
    pending.delete(id);
    p.cleanup();
    return p;
  }

  function onMessage(event: MessageEvent<FromWorker>): void {
    const m = event.data;
    if (m.type === 'result') {
      const p = settle(m.id);
      if (p) {
        if (p.storageFailure) p.reject(p.storageFailure);
        else p.resolve(m.value);
      }
    } else if (m.type === 'error') {
      settle(m.id)?.reject(deserializeError(m.error));
    } else if (m.type === 'storage') {
      try {
        storage?.setItem(m.key, m.value);
      } catch (e) {
        const error = new SegmentProviderError('storage', `Segments could not be saved to storage: ${messageOf(e)}`);
        for (const id of m.calls) {
          const p = pending.get(id);
          if (p) p.storageFailure ??= error;
        }
      }
    } else if (m.type === 'ready') {
      if (state !== 'starting') return;
      state = 'ready';
      for (const name of m.methods) if (!(name in target)) target[name] = (...args: unknown[]) => call(name, args);
      if (m.storageError) {
        storageError = deserializeError(m.storageError);
        onStorageError?.(storageError);
      }
      markReady();
    } else if (m.type === 'init-error') {
      fail(deserializeError(m.error));
    }
  }

  function call(method: string, args: unknown[]): Promise<unknown> {
    if (failure) return Promise.reject(copy(failure));
    const signals: AbortSignal[] = [];
    const signalArgs: number[] = [];
    const sent = args.map((arg, i) => {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || !Object.prototype.hasOwnProperty.call(arg, 'signal')) return arg;
      const { signal, ...others } = arg as { signal?: unknown };
      if (isSignal(signal)) {
        signals.push(signal);
        signalArgs.push(i);
      } else if (signal !== undefined) return arg; // not a signal: let the provider judge it
      return others;
    });
    if (signals.some((s) => s.aborted)) return Promise.reject(abortedError());
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!settle(id)) return;
        worker?.postMessage({ type: 'abort', id } satisfies ToWorker);
        reject(abortedError());
      };
      const cleanup = () => {
        for (const s of signals) s.removeEventListener('abort', onAbort);
      };
      try {
        worker!.postMessage({ type: 'call', id, method, args: sent, signals: signalArgs } satisfies ToWorker);
      } catch (e) {
        reject(new SegmentProviderError('invalid-argument', `The arguments of ${method}() cannot be sent to the worker: ${messageOf(e)}`));
        return;
      }
      pending.set(id, { resolve, reject, cleanup });
      for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
    });
  }

  const terminate = () => fail(new SegmentProviderError('unavailable', 'The worker provider was terminated.'));
  const target: Record<string, unknown> = {
    get storageError() {
      return storageError;
    },
    get ready() {
      return ready;
    },
    terminate,
    dispose: terminate,
  };
  for (const name of KNOWN_METHODS) target[name] = (...args: unknown[]) => call(name, args);

  // Until the worker has said which methods it has, any other name is forwarded (and rejected
  // by the worker if it has no such method); after, the provider has exactly the worker's.
  const provider = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string' && state !== 'ready' && !(key in t) && !notForwarded(key)) return (...args: unknown[]) => call(key, args);
      return Reflect.get(t, key, receiver) as unknown;
    },
  }) as unknown as WorkerProvider;

  // ---------------------------------------------------------------- start
  let snapshot: InitMessage['storage'];
  if (storage) {
    const key = rest.storageKey ?? 'segment-kit';
    rest.storageKey = key;
    try {
      snapshot = { key, value: storage.getItem(key) };
    } catch (e) {
      snapshot = { key, error: messageOf(e) };
    }
  }
  try {
    worker = makeWorker ? makeWorker() : startWorker();
  } catch (e) {
    fail(new SegmentProviderError('unavailable', `The segment-kit worker could not be started: ${messageOf(e)}`, e));
    return provider;
  }
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', (event: ErrorEvent | Event) => {
    if (state !== 'starting') return;
    const why = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
    fail(
      new SegmentProviderError(
        'unavailable',
        `The segment-kit worker could not be started${why}. A Content-Security-Policy without worker-src for this script, a missing file or a bundler that did not copy worker-main.js can cause this.`,
      ),
    );
  });
  worker.addEventListener('messageerror', () => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.cleanup();
      p.reject(new SegmentProviderError('internal', 'A message from the segment-kit worker could not be read.'));
    }
  });
  const init: InitMessage = { type: 'init', options: rest };
  if (prepare === false) init.prepare = false;
  if (sample) init.sample = sample;
  if (absoluteUrl) init.url = absoluteUrl;
  if (snapshot) init.storage = snapshot;
  try {
    worker.postMessage(init satisfies ToWorker);
  } catch (e) {
    worker.terminate();
    throw new SegmentProviderError('invalid-argument', `createWorkerProvider: the options cannot be sent to the worker: ${messageOf(e)}`);
  }
  return provider;
}
