/**
 * The trend's arithmetic, free of DOM and chart.js: the time frames and the `from` each
 * asks for, a provider's answer checked and sorted, the headline figures (the current
 * count, the growth over the last week), the point nearest an instant, and day-aligned
 * axis ticks.
 */
import { DAY_MS, parseIsoDate, toInstant } from '../../core/model/dates.js';
import { SegmentProviderError, type TrendPoint } from '../../core/provider/types.js';

/** The time frames, in days, and `all` (every point the provider has). */
export const TREND_FRAMES = [30, 60, 90, 180, 365, 'all'] as const;
export type TrendFrame = (typeof TREND_FRAMES)[number];

/** The frame shown when none is chosen. */
export const DEFAULT_TREND_FRAME: TrendFrame = 90;

/** A frame from a property or attribute value (`"30"`, `30`, `"all"`); anything else is the default. */
export function toFrame(value: unknown): TrendFrame {
  if (value === 'all') return 'all';
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return (TREND_FRAMES as readonly unknown[]).includes(n) ? (n as TrendFrame) : DEFAULT_TREND_FRAME;
}

/**
 * The `from` a frame asks for: `days` whole days before `anchor` (epoch ms), as an ISO
 * instant; undefined for `all`. A point exactly `days` days old is in the frame, so a
 * daily series shows `days + 1` points.
 */
export function frameFrom(frame: TrendFrame, anchor: number): string | undefined {
  return frame === 'all' ? undefined : new Date(anchor - frame * DAY_MS).toISOString();
}

/** A point with its instant parsed once. */
export interface SeriesPoint {
  /** The provider's date, as given. */
  date: string;
  /** Epoch milliseconds. */
  t: number;
  count: number;
}

/**
 * A provider's answer as the chart draws it: points with a readable date and a finite
 * count, in time order (a new array; the answer is not changed). Throws a
 * `SegmentProviderError` ('bad-response') when the answer is not an array at all.
 */
export function toSeries(answer: unknown, notAList: string): SeriesPoint[] {
  if (!Array.isArray(answer)) throw new SegmentProviderError('bad-response', notAList);
  const out: SeriesPoint[] = [];
  for (const p of answer as unknown[]) {
    if (!p || typeof p !== 'object') continue;
    const { date, count } = p as Partial<TrendPoint>;
    if (typeof date !== 'string' || typeof count !== 'number' || !Number.isFinite(count)) continue;
    const t = parseIsoDate(date) ?? toInstant(date);
    if (t === undefined || !Number.isFinite(t)) continue;
    out.push({ date, t, count });
  }
  // Stable: points with the same instant keep the provider's order.
  out.sort((a, b) => a.t - b.t);
  return out;
}

/** The growth over the last week: the latest count against the last point at least 7 days older. */
export interface Growth {
  change: number;
  /** `change` over the earlier count (a fraction: 0.034 is 3.4 %), undefined when that count is 0. */
  percent: number | undefined;
  /** The earlier point's date. */
  since: string;
}

export function weeklyGrowth(series: readonly SeriesPoint[]): Growth | undefined {
  const last = series[series.length - 1];
  if (!last) return undefined;
  const i = lastAtOrBefore(series, last.t - 7 * DAY_MS);
  const base = i >= 0 ? series[i] : undefined;
  if (!base) return undefined;
  const change = last.count - base.count;
  return { change, percent: base.count === 0 ? undefined : change / base.count, since: base.date };
}

/** The index of the last point at or before `t` (-1 when every point is later). Binary search. */
export function lastAtOrBefore(series: readonly SeriesPoint[], t: number): number {
  let lo = 0;
  let hi = series.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The index of the point nearest to `t` (-1 for an empty series). */
export function nearestIndex(series: readonly SeriesPoint[], t: number): number {
  if (series.length === 0) return -1;
  const i = lastAtOrBefore(series, t);
  if (i < 0) return 0;
  if (i >= series.length - 1) return series.length - 1;
  return t - series[i]!.t <= series[i + 1]!.t - t ? i : i + 1;
}

/**
 * Where a key moves the reading from `index` (undefined: no point read yet, start at the
 * latest; Home at the first). `step` is -1 or +1 per point (the visual direction already
 * applied), `week` ±1 for a week back or forward (PageUp, PageDown).
 */
export function moveIndex(
  series: readonly SeriesPoint[],
  index: number | undefined,
  move: { step: -1 | 1 } | { week: -1 | 1 } | { to: 'first' | 'last' },
): number {
  const last = series.length - 1;
  if (last < 0) return -1;
  if ('to' in move) return move.to === 'first' ? 0 : last;
  if (index === undefined || index < 0 || index > last) return last;
  if ('step' in move) return Math.min(last, Math.max(0, index + move.step));
  const target = series[index]!.t + move.week * 7 * DAY_MS;
  // At least one point further, so sparse series still move.
  const near = nearestIndex(series, target);
  const next = move.week < 0 ? Math.min(near, index - 1) : Math.max(near, index + 1);
  return Math.min(last, Math.max(0, next));
}

/** UTC midnight of the day holding `t`. */
const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** Steps between two ticks, in days below a month and in months above. */
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60];

/**
 * Tick instants for a time axis from `min` to `max` (epoch ms) with about `want` ticks:
 * UTC midnights a nice number of days apart (1, 2, 7, 14), or first days of the month a
 * nice number of months apart.
 */
export function timeTicks(min: number, max: number, want: number): number[] {
  if (!(max > min)) return Number.isFinite(min) ? [min] : [];
  const span = (max - min) / DAY_MS;
  const wanted = Math.max(1, want);
  const ticks: number[] = [];
  const days = DAY_STEPS.find((d) => span / d <= wanted);
  if (days !== undefined) {
    for (let t = dayStart(min) + (dayStart(min) < min ? DAY_MS : 0); t <= max; t += days * DAY_MS) ticks.push(t);
    return ticks;
  }
  const months = MONTH_STEPS.find((m) => span / (m * 30.44) <= wanted) ?? MONTH_STEPS[MONTH_STEPS.length - 1]!;
  const start = new Date(min);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  // Align to a multiple of the step within the year (quarters start in Jan, Apr, …).
  m = Math.ceil(m / Math.min(months, 12)) * Math.min(months, 12);
  if (months > 12) y = Math.ceil(y / (months / 12)) * (months / 12);
  for (;;) {
    const t = Date.UTC(y, m, 1);
    if (t > max) break;
    if (t >= min) ticks.push(t);
    m += months;
  }
  return ticks;
}
