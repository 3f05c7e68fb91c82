/**
 * The worker side of `createWorkerProvider`: a real `createMemoryProvider` runs here and
 * answers the page's calls by name. Started by `worker.ts` as a module worker; it does
 * nothing until the page's `init` message.
 *
 * Calls wait in a queue and start one per turn of the event loop, so an abort the page
 * sent while a long count ran here is seen before the superseded call starts: only the
 * latest of a burst of counts is computed.
 */
import { SegmentProviderError } from '../../core/provider/types.js';
import { createSampleDataset } from '../../sample/generate.js';
import { createSampleHistory } from '../../sample/history.js';
import { createMemoryProvider, type MemoryProviderOptions } from './memory-provider.js';
import type { StorageLike } from '../store/index.js';
import { plainDetails, serializeError, type CallMessage, type FromWorker, type InitMessage, type ToWorker } from './worker-protocol.js';

/** The parts of the worker's global scope used here (the project's types are the DOM's, not WebWorker's). */
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

type Method = (...args: unknown[]) => unknown;
let provider: Record<string, unknown> | undefined;
let methods = new Set<string>();
let initError: SegmentProviderError | undefined;

/** Calls received and not yet started, in order; an abort removes its call from here. */
const queue: CallMessage[] = [];
/** Calls started and not yet settled, with the controller whose signal the memory provider got. */
const running = new Map<number, AbortController | undefined>();

function post(message: FromWorker): void {
  try {
    scope.postMessage(message);
  } catch (e) {
    // A value the structured clone refuses (a function in a result, say): say so instead of leaving the call hanging.
    if (message.type === 'result') {
      const why = e instanceof Error ? e.message : String(e);
      post({ type: 'error', id: message.id, error: { code: 'internal', message: `The answer could not be sent from the worker: ${why}` } });
    } else if ((message.type === 'error' || message.type === 'init-error') && message.error.details !== undefined) {
      post({ ...message, error: { ...message.error, details: plainDetails(message.error.details) } });
    } else throw e;
  }
}

/** The storage the memory provider sees: the page's value at start, and every write sent back to the page. */
function mirrorStorage(snapshot: NonNullable<InitMessage['storage']>): StorageLike {
  const values = new Map<string, string>();
  let unreadable = 'error' in snapshot ? snapshot.error : undefined;
  if ('value' in snapshot && snapshot.value !== null) values.set(snapshot.key, snapshot.value);
  return {
    getItem(key) {
      if (unreadable !== undefined && key === snapshot.key) throw new Error(unreadable);
      return values.get(key) ?? null;
    },
    setItem(key, value) {
      values.set(key, String(value));
      if (key === snapshot.key) unreadable = undefined;
      post({ type: 'storage', key, value: String(value), calls: [...running.keys()] });
    },
  };
}

/** The names of the provider's methods (own and inherited), so the page can forward each by name. */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (name !== 'constructor' && d && typeof d.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/** The rows at `url`, fetched and parsed here. */
async function fetchData(url: string): Promise<MemoryProviderOptions['data']> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new SegmentProviderError('unavailable', `The data at ${url} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) throw new SegmentProviderError('unavailable', `The data at ${url} could not be loaded: HTTP ${response.status}.`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new SegmentProviderError('invalid-argument', `The data at ${url} is not JSON.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.values(data).every(Array.isArray))
    throw new SegmentProviderError('invalid-argument', `The data at ${url} is not rows per entity ({ "Customer": [ … ], … }).`);
  return data as MemoryProviderOptions['data'];
}

/** Calls wait while the provider is being made (the data may still be on its way). */
let starting = false;

async function init(message: InitMessage): Promise<void> {
  starting = true;
  try {
    const options = { ...message.options } as unknown as MemoryProviderOptions;
    if (message.url) options.data = await fetchData(message.url);
    if (message.sample) {
      const s = message.sample;
      const dataset = createSampleDataset({
        customers: s.customers ?? 1000,
        seed: s.seed ?? 1,
        ...(s.now !== undefined ? { now: s.now } : {}),
      });
      const days = s.historyDays ?? 180;
      options.catalog = dataset.catalog;
      options.data = dataset.data;
      options.now ??= dataset.now;
      options.segments ??= dataset.segments;
      options.history ??= days > 0 ? createSampleHistory(dataset, { days, every: s.historyEvery ?? 1 }) : {};
    }
    if (message.storage) options.storage = mirrorStorage(message.storage);
    const p = createMemoryProvider(options);
    // Build the engine's typed columns and join indexes here, before `ready`, off the page's
    // main thread: the first question is then as fast as any later one.
    if (message.prepare !== false) p.prepare();
    provider = p as unknown as Record<string, unknown>;
    methods = new Set(methodNames(p));
    const storageError = p.storageError ? serializeError(p.storageError) : undefined;
    post({ type: 'ready', methods: [...methods], ...(storageError ? { storageError } : {}) });
  } catch (e) {
    initError =
      e instanceof SegmentProviderError
        ? e
        : new SegmentProviderError(
            'internal',
            `The memory provider could not start in the worker: ${e instanceof Error ? e.message : String(e)}`,
          );
    post({ type: 'init-error', error: serializeError(initError) });
  }
  starting = false;
  if (queue.length) schedule();
}

function start(call: CallMessage): void {
  if (!provider) {
    const error = initError ?? new SegmentProviderError('unavailable', 'The worker received a call before its options.');
    post({ type: 'error', id: call.id, error: serializeError(error) });
    return;
  }
  const fn = provider[call.method];
  if (!methods.has(call.method) || typeof fn !== 'function') {
    post({
      type: 'error',
      id: call.id,
      error: { code: 'unavailable', message: `The memory provider has no method "${call.method}".` },
    });
    return;
  }
  const controller = call.signals.length ? new AbortController() : undefined;
  const args = call.args.slice();
  for (const i of call.signals) args[i] = { ...(args[i] as object), signal: controller!.signal };
  running.set(call.id, controller);
  // An async function: a provider method that throws synchronously rejects like one that rejects.
  new Promise<unknown>((resolve) => resolve((fn as Method).apply(provider, args))).then(
    (value) => {
      running.delete(call.id);
      post({ type: 'result', id: call.id, value });
    },
    (e: unknown) => {
      running.delete(call.id);
      post({ type: 'error', id: call.id, error: serializeError(e) });
    },
  );
}

// One call per turn: post to ourselves twice, so that the page's messages that arrived while
// the previous call computed (its aborts) are handled before the next call starts.
const channel = new MessageChannel();
let hops = 0;
channel.port1.onmessage = () => {
  if (++hops < 2) {
    channel.port2.postMessage(null);
    return;
  }
  hops = 0;
  if (starting) {
    scheduled = false; // init() schedules again once the provider is up
    return;
  }
  const call = queue.shift();
  if (call) start(call);
  if (queue.length) channel.port2.postMessage(null);
  else scheduled = false;
};
let scheduled = false;
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  channel.port2.postMessage(null);
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'init') void init(message);
  else if (message.type === 'call') {
    queue.push(message);
    schedule();
  } else if (message.type === 'abort') {
    const i = queue.findIndex((c) => c.id === message.id);
    if (i >= 0) queue.splice(i, 1);
    running.get(message.id)?.abort();
  }
});
