/**
 * The messages between `createWorkerProvider` (the page) and `worker-main` (the worker),
 * and how errors cross: as `{ code, message, details }`, rebuilt on the other side as a
 * `SegmentProviderError`. No DOM, no Lit.
 */
import { SegmentProviderError } from '../../core/provider/types.js';

/** Options for a sample dataset generated inside the worker (as `createSampleProvider` does). */
export interface SampleSource {
  /** Number of customers (default 1000). */
  customers?: number;
  /** Random seed (default 1). */
  seed?: number;
  /** The instant the data is "as of" (default the sample's fixed `SAMPLE_NOW`); also the provider's `now`. */
  now?: Date | string | number;
  /** Days of refresh history to compute in the worker (default 180, as `createSampleProvider`; 0 for none). */
  historyDays?: number;
  /** Days between two history points (default 1). */
  historyEvery?: number;
}

/** What the page read from its storage at start: the value under the key, or why it could not be read. */
export type StorageSnapshot = { key: string; value: string | null } | { key: string; error: string };

/** The first message to the worker: the memory provider's options that can be cloned, and where its data comes from. */
export interface InitMessage {
  type: 'init';
  /** Every cloneable option of `createMemoryProvider` (catalog, data, now, segments, history, latency, storageKey, …). */
  options: Record<string, unknown>;
  /** Generate the sample dataset in the worker instead of receiving `data`. */
  sample?: SampleSource;
  /** Build the engine's indexes before `ready` (default true). */
  prepare?: boolean;
  /** Fetch the rows (JSON, rows per entity) in the worker instead of receiving `data`: an absolute URL. */
  url?: string;
  /** Present when the page has a storage: its value at start; writes come back as `StorageWrite`. */
  storage?: StorageSnapshot;
}

export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  args: unknown[];
  /** Indexes of the arguments that carried `signal` on the page: the worker puts its own signal there. */
  signals: number[];
}

export interface AbortMessage {
  type: 'abort';
  id: number;
}

export type ToWorker = InitMessage | CallMessage | AbortMessage;

export interface SerializedError {
  code: string;
  message: string;
  details?: unknown;
}

export type FromWorker =
  | { type: 'ready'; methods: string[]; storageError?: SerializedError }
  | { type: 'init-error'; error: SerializedError }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  /** The memory provider wrote to its storage; `calls` are the calls running in the worker at that moment. */
  | { type: 'storage'; key: string; value: string; calls: number[] };

/** An error as it crosses: a SegmentProviderError keeps its code and details; anything else becomes `internal`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof SegmentProviderError) {
    const out: SerializedError = { code: String(error.code), message: error.message };
    if (error.details !== undefined) out.details = error.details;
    return out;
  }
  if (error instanceof Error) return { code: 'internal', message: `${error.name}: ${error.message}` };
  return { code: 'internal', message: String(error) };
}

export function deserializeError(error: SerializedError): SegmentProviderError {
  return new SegmentProviderError(error.code, error.message, error.details);
}

/** Details that could not be cloned, as JSON-safe data (or their text when even that fails). */
export function plainDetails(details: unknown): unknown {
  try {
    return JSON.parse(
      JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value)),
    );
  } catch {
    return String(details);
  }
}

/** The error of a cancelled call, as the memory provider makes it (`throwIfAborted`). */
export const abortedError = () => new SegmentProviderError('aborted', 'The request was cancelled.');
