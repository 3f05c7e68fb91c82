/**
 * `datasetAsOf`: the sample data as it stood at an earlier instant, so that history (a
 * segment's trend) is data that grows over time. Rows created after the instant are left
 * out, and facts that came later are undone (a case closed later is still open; a
 * subscription that ended later is still active). Profile values that have no history in
 * the data (loyalty points, satisfaction, credit balance) are kept as they are.
 */
import { toInstant } from '../core/model/dates.js';
import type { SampleDataset } from './generate.js';
import { parseInstant } from './format.js';

type Row = Record<string, unknown>;

interface AsOfRule {
  /** The attribute holding the instant the row came to exist. */
  time: string;
  /** The row as it was at `at`, when a later fact must be undone (same row otherwise). */
  restore?: (row: Row, at: number) => Row;
}

const endedAfter = (row: Row, attribute: string, at: number): boolean => {
  const v = row[attribute];
  if (v === null || v === undefined) return false;
  const t = parseInstant(v);
  return t === t && t > at;
};

/** How each sample entity grows. Entities not listed (e.g. `Product`) are reference data: always all rows. */
const RULES: Record<string, AsOfRule> = {
  Customer: { time: 'CreatedOn' },
  Order: { time: 'OrderDate' },
  Case: {
    time: 'OpenedOn',
    restore: (row, at) => (endedAfter(row, 'ClosedOn', at) ? { ...row, ClosedOn: null, Status: 'Open' } : row),
  },
  OnlineAccount: { time: 'CreatedOn' },
  WebSession: { time: 'StartedAt' },
  Subscription: {
    time: 'StartDate',
    restore: (row, at) => (endedAfter(row, 'EndDate', at) ? { ...row, EndDate: null, Status: 'Active' } : row),
  },
};

// Parsed instants per rows array and attribute, so a trend over many dates parses once
// (rows are treated as immutable; an array that grew is parsed again).
const parsedTimes = new WeakMap<readonly Row[], Map<string, Float64Array>>();

function timesOf(rows: readonly Row[], attribute: string): Float64Array {
  let byAttribute = parsedTimes.get(rows);
  if (!byAttribute) parsedTimes.set(rows, (byAttribute = new Map<string, Float64Array>()));
  let times = byAttribute.get(attribute);
  if (!times || times.length !== rows.length) {
    times = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      times[i] = row && typeof row === 'object' ? parseInstant(row[attribute]) : NaN;
    }
    byAttribute.set(attribute, times);
  }
  return times;
}

/**
 * The dataset as it was at `at` (a Date, ISO string or epoch ms): customers created on or
 * before it, orders placed, cases opened, accounts created, sessions started and
 * subscriptions started on or before it; dates without a time count from midnight UTC.
 * Rows without a readable time are kept. `now` becomes `at`; static segments keep only
 * the snapshot members that existed then. The input is not modified: unchanged rows are
 * shared, changed ones are copies. Counts only grow as `at` moves forward.
 */
export function datasetAsOf(dataset: SampleDataset, at: Date | string | number): SampleDataset {
  const atMs = toInstant(at);
  if (atMs === undefined) throw new RangeError(`datasetAsOf: not a valid instant: ${String(at)}.`);

  const data: Record<string, Row[]> = {};
  for (const entity of Object.keys(dataset.data)) {
    const rows = dataset.data[entity] ?? [];
    const rule = Object.prototype.hasOwnProperty.call(RULES, entity) ? RULES[entity] : undefined;
    if (!rule) {
      data[entity] = rows.slice();
      continue;
    }
    const times = timesOf(rows, rule.time);
    const out: Row[] = [];
    const restore = rule.restore;
    for (let i = 0; i < rows.length; i++) {
      const t = times[i]!;
      if (t > atMs) continue; // NaN (no readable time) is kept
      const row = rows[i]!;
      out.push(restore ? restore(row, atMs) : row);
    }
    data[entity] = out;
  }

  let present: Set<string> | undefined;
  const segments = dataset.segments.map((doc) => {
    const copy = JSON.parse(JSON.stringify(doc)) as typeof doc;
    if (Array.isArray(copy.snapshot)) {
      if (!present) {
        const key = dataset.catalog.entities.find((e) => e.name === dataset.catalog.audience)?.key ?? 'CustomerId';
        present = new Set((data[dataset.catalog.audience] ?? []).map((r) => String(r[key])));
      }
      const existing = present;
      copy.snapshot = copy.snapshot.filter((id) => existing.has(id));
    }
    return copy;
  });

  return { catalog: dataset.catalog, data, now: new Date(atMs).toISOString(), segments };
}
