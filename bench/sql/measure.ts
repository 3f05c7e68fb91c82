/** Time a question: its first call, then `runs` more (median, quartiles, extremes; never the best alone). */
import { median } from '../util.js';

export interface Measured {
  first: number;
  times: number[];
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  /** The answer of the first call, and of the last run. */
  result: unknown;
  last: unknown;
}

/** The q-quantile of sorted `xs`, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export async function measure(ask: (run: number) => Promise<unknown>, runs: number): Promise<Measured> {
  const t0 = performance.now();
  const result = await ask(0);
  const first = performance.now() - t0;
  const times: number[] = [];
  let last: unknown = result;
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    last = await ask(i);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    first,
    times,
    median: median(times),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    result,
    last,
  };
}
