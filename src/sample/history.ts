/**
 * `createSampleHistory`: a refresh history for the sample segments (member counts at
 * past instants, from `datasetAsOf`), to start a memory provider with a trend to show.
 */
import { evaluateSegment } from '../core/evaluate/index.js';
import { DAY_MS, parseIsoDate } from '../core/model/dates.js';
import type { TrendPoint } from '../core/provider/types.js';
import { datasetAsOf } from './as-of.js';
import type { SampleDataset } from './generate.js';

export interface SampleHistoryOptions {
  /** How far back, in days (default 90). */
  days?: number;
  /** Days between two points (default 1). */
  every?: number;
}

/**
 * Member counts of the dataset's active segments, one point every `every` days over the
 * last `days` days up to the dataset's `now` (dates are ISO instants). Dynamic segments
 * are evaluated on the data as it was at each point; a static segment has one point, its
 * snapshot. Pass the result to `createMemoryProvider({ history })`.
 */
export function createSampleHistory(dataset: SampleDataset, opts: SampleHistoryOptions = {}): Record<string, TrendPoint[]> {
  const days = Math.max(0, Math.floor(opts.days ?? 90));
  const every = Math.max(1, Math.floor(opts.every ?? 1));
  const now = parseIsoDate(dataset.now);
  if (now === undefined) throw new RangeError(`createSampleHistory: the dataset's now is not a valid instant: ${dataset.now}.`);
  const history: Record<string, TrendPoint[]> = {};
  const active = dataset.segments.filter((s) => typeof s.id === 'string' && (s.state ?? 'inactive') === 'active');
  for (const s of active) history[s.id!] = [];
  const dynamic = active.filter((s) => s.type !== 'static');
  for (let back = days - (days % every); back >= 0; back -= every) {
    const at = now - back * DAY_MS;
    const past = datasetAsOf(dataset, at);
    for (const doc of dynamic) {
      try {
        const { total } = evaluateSegment(doc, past, { now: past.now, segments: past.segments });
        history[doc.id!]!.push({ date: past.now, count: total });
      } catch {
        // a segment the data cannot answer has no point here
      }
    }
  }
  for (const s of active) {
    if (s.type === 'static' && Array.isArray(s.snapshot)) history[s.id!]!.push({ date: dataset.now, count: s.snapshot.length });
  }
  return history;
}
