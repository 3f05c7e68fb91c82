/**
 * `createSampleProvider`: a memory provider over the sample dataset, with the sample
 * segments saved and a real refresh history, ready for demos, stories and tests.
 */
import { createMemoryProvider, type MemoryProvider, type StorageLike } from '../providers/memory/index.js';
import { createSampleDataset, type SampleDataset } from './generate.js';
import { createSampleHistory } from './history.js';

export interface SampleProviderOptions {
  /** Number of customers (default 1000). */
  customers?: number;
  /** Random seed (default 1). */
  seed?: number;
  /** Days of refresh history to compute (default 180; 0 for none). */
  historyDays?: number;
  /** Days between two history points (default 1). */
  historyEvery?: number;
  /** Persist saved segments here (e.g. localStorage). */
  storage?: StorageLike;
  storageKey?: string;
  /** Simulated latency per call in milliseconds. */
  latency?: number;
}

export interface SampleProvider extends MemoryProvider {
  readonly dataset: SampleDataset;
}

export function createSampleProvider(options: SampleProviderOptions = {}): SampleProvider {
  const dataset = createSampleDataset({ customers: options.customers ?? 1000, seed: options.seed ?? 1 });
  const days = options.historyDays ?? 180;
  const history = days > 0 ? createSampleHistory(dataset, { days, every: options.historyEvery ?? 1 }) : {};
  const provider = createMemoryProvider({
    catalog: dataset.catalog,
    data: dataset.data,
    now: dataset.now,
    segments: dataset.segments,
    history,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.storageKey ? { storageKey: options.storageKey } : {}),
    ...(options.latency ? { latency: options.latency } : {}),
  });
  return Object.assign(provider, { dataset });
}
