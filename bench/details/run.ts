/**
 * `npm run bench:details` — size and speed of the member details (issue 10), in one run:
 *  1. the CSV of 100,000 members × 12 columns from the memory provider on the sample
 *     dataset, beside papaparse's `unparse` of the same rows held in memory (what a host
 *     would pick), in Node;
 *  2. `<member-preview>` mount to the first painted frame of the finished table, in
 *     Chromium (bench/ui's Vite + playwright-core harness, pages in bench/details/pages);
 *  3. the trend chart (bench/details/chart.ts, called where marked below).
 *
 * Part 1, the CSV:
 * segment-kit: `membersCsv(provider, segment, { pageSize, columns })` consumed fully, each
 * chunk handed to a sink that keeps only the total length (as a file stream would), so the
 * provider's pages are part of the time. papaparse: the same rows fetched first (untimed),
 * then `Papa.unparse(rows, { columns })` timed, producing one string. For both: wall time,
 * rows per second and peak heap growth (heapUsed sampled every ~5 ms after a `gc()`, peak
 * minus the baseline; for papaparse the baseline already holds the rows). Medians of 5
 * after a warm-up; the run fails if the two outputs' data-row counts differ. Informative
 * rows split segment-kit's time: the same provider pages alone (no CSV), and membersCsv over
 * a provider that hands out the rows already in memory (on equal terms with papaparse).
 * Targets: CSV at least 200,000 rows/s, heap growth at most 32 MiB.
 *
 * Run with `--expose-gc` for honest heap figures (the script re-runs itself with it if missing).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { membersCsv } from '../../src/core/csv/index.js';
import type { SegmentDocument } from '../../src/core/index.js';
import type { ColumnDef, MembersOptions, SegmentProvider } from '../../src/core/provider/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { MAX_LIMIT } from '../../src/providers/store/index.js';
import { createSampleDataset } from '../../src/sample/index.js';
import { VIEWPORT, buildPages, launch, serve } from '../ui/setup.js';
import { fmt, median, ms, stopwatch, table } from '../util.js';
import type { PreviewMount, PreviewPrepared } from './pages/preview.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  // Heap figures need a gc() before each run: start again with --expose-gc.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const PAGE_SIZE = Number(process.env.PAGE_SIZE ?? 1000);
const RUNS = 5;
const MiB = 1024 * 1024;
const TARGET_RPS = 200_000;
const TARGET_HEAP_MIB = 32;

/** The 12 columns: the Customer attributes but the last (`EmailOptIn`). */
const COLUMNS = [
  'CustomerId',
  'FullName',
  'Email',
  'City',
  'Country',
  'BirthDate',
  'CreatedOn',
  'LoyaltyTier',
  'LoyaltyPoints',
  'CreditBalance',
  'Satisfaction',
  'DoNotContact',
];

console.log('\nCSV of the members: segment-kit membersCsv beside papaparse unparse');
const g0 = performance.now();
const sample = createSampleDataset({ customers: CUSTOMERS, seed: 1 });
const customers = sample.data.Customer!;
const genMs = performance.now() - g0;
console.log(
  `sample dataset: ${customers.length.toLocaleString('en')} customers, ${sample.data.Order!.length.toLocaleString('en')} orders, generated in ${ms(genMs)} (not timed)`,
);

const provider = createMemoryProvider({ catalog: sample.catalog, data: sample.data, now: sample.now });
// Every customer (every one has an id): 100,000 members.
const segment: SegmentDocument = {
  schemaVersion: 1,
  name: 'BenchCsv',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};

// ---------------------------------------------------------------- heap sampling
interface Measured {
  ms: number;
  heapMiB: number;
  length: number;
  text?: string;
}

/** Runs `fn` after a gc(), sampling heapUsed every ~5 ms; returns its time and the peak growth over the baseline. */
async function measure(fn: () => Promise<{ length: number; text?: string }>): Promise<Measured> {
  gc!();
  gc!();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peak) peak = h;
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const out = await fn();
  const elapsed = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { ms: elapsed, heapMiB: (peak - base) / MiB, ...out };
}

/** The number of CSV records in `text` after the header: CRLF/LF line ends outside double quotes. */
function dataRows(text: string): number {
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    else if (c === 10 /* \n */ && !quoted) lines++;
  }
  // A last record without a line end still counts.
  if (text.length && text.charCodeAt(text.length - 1) !== 10) lines++;
  return lines - 1;
}

// ---------------------------------------------------------------- segment-kit
const total = (await provider.count(segment)).total;
if (total < MEMBERS) {
  console.error(`the segment has ${total} members, fewer than ${MEMBERS}`);
  process.exit(1);
}

/** The CSV streamed to a sink that keeps only lengths; with `keep`, the text too (for the row check, untimed). */
async function segmentKit(keep = false): Promise<{ length: number; text?: string }> {
  let length = 0;
  const parts: string[] = [];
  for await (const chunk of membersCsv(provider, segment, { pageSize: PAGE_SIZE, columns: COLUMNS })) {
    length += chunk.length;
    if (keep) parts.push(chunk);
  }
  return keep ? { length, text: parts.join('') } : { length };
}

// ---------------------------------------------------------------- papaparse
// The same rows, in memory first (untimed): what a host would hand to unparse. Fetched in
// pages of the provider's largest limit (MAX_LIMIT, 10,000).
const rows: Record<string, unknown>[] = [];
let memberColumns: ColumnDef[] = [];
while (rows.length < total) {
  const page = await provider.members(segment, { offset: rows.length, limit: MAX_LIMIT });
  memberColumns = page.columns;
  if (page.rows.length === 0) break;
  rows.push(...page.rows);
}
function papa(): Promise<{ length: number; text: string }> {
  const text = Papa.unparse(rows, { columns: COLUMNS });
  return Promise.resolve({ length: text.length, text });
}

// Same rows in both: the row counts must match (quoted CR/LF do not end a record).
const skText = (await segmentKit(true)).text!;
const ppText = (await papa()).text;
const skRows = dataRows(skText);
const ppRows = dataRows(ppText);
if (skRows !== ppRows || skRows !== total) {
  console.error(`ROW COUNTS DISAGREE: segment-kit ${skRows}, papaparse ${ppRows}, members ${total}`);
  process.exit(1);
}

// ---------------------------------------------------------------- where the time goes
/** The same provider.members calls as membersCsv makes, without writing any CSV. */
async function pagesOnly(): Promise<{ length: number }> {
  let n = 0;
  for (let offset = 0; offset < total; offset += PAGE_SIZE)
    n += (await provider.members(segment, { offset, limit: PAGE_SIZE })).rows.length;
  return { length: n };
}
/** A provider that hands out the rows already in memory: membersCsv's own share, beside papaparse on equal terms. */
const inMemory = {
  members: (_segment: SegmentDocument, opts: MembersOptions = {}) =>
    Promise.resolve({
      total,
      columns: memberColumns,
      rows: rows.slice(opts.offset ?? 0, (opts.offset ?? 0) + (opts.limit ?? PAGE_SIZE)),
    }),
} as unknown as SegmentProvider;
async function csvOnly(): Promise<{ length: number }> {
  let length = 0;
  for await (const chunk of membersCsv(inMemory, segment, { pageSize: PAGE_SIZE, columns: COLUMNS })) length += chunk.length;
  return { length };
}

// Warm-up, then RUNS of each, interleaved so that machine load falls on all alike.
await measure(() => segmentKit());
await measure(papa);
await measure(pagesOnly);
await measure(csvOnly);
const sk: Measured[] = [];
const pp: Measured[] = [];
const po: Measured[] = [];
const co: Measured[] = [];
for (let i = 0; i < RUNS; i++) {
  sk.push(await measure(() => segmentKit()));
  const p = await measure(papa);
  delete p.text;
  pp.push(p);
  po.push(await measure(pagesOnly));
  co.push(await measure(csvOnly));
}

const rps = (m: number) => (total / m) * 1000;
const summary = (xs: Measured[]) => {
  const t = xs.map((x) => x.ms);
  const h = xs.map((x) => x.heapMiB);
  return {
    ms: median(t),
    msMin: Math.min(...t),
    msMax: Math.max(...t),
    heap: median(h),
    heapMin: Math.min(...h),
    heapMax: Math.max(...h),
    length: xs[0]!.length,
  };
};
const a = summary(sk);
const b = summary(pp);

console.log(
  `${total.toLocaleString('en')} members × ${COLUMNS.length} columns; segment-kit pages of ${PAGE_SIZE.toLocaleString('en')}; data rows in both outputs: ${skRows.toLocaleString('en')}`,
);
console.log(
  table([
    ['', 'median', 'spread', 'rows/s', 'heap growth (median, spread)', 'output chars'],
    [
      'segment-kit membersCsv (provider pages, streamed)',
      ms(a.ms),
      `${fmt(a.msMin)}–${fmt(a.msMax)} ms`,
      Math.round(rps(a.ms)).toLocaleString('en'),
      `${fmt(a.heap)} MiB (${fmt(a.heapMin)}–${fmt(a.heapMax)})`,
      a.length.toLocaleString('en'),
    ],
    [
      'papaparse unparse (rows in memory, one string)',
      ms(b.ms),
      `${fmt(b.msMin)}–${fmt(b.msMax)} ms`,
      Math.round(rps(b.ms)).toLocaleString('en'),
      `${fmt(b.heap)} MiB (${fmt(b.heapMin)}–${fmt(b.heapMax)})`,
      b.length.toLocaleString('en'),
    ],
  ]),
);
console.log(
  `segment-kit takes ${(a.ms / b.ms).toFixed(2)}× papaparse's time (which excludes fetching the rows), with ${(a.heap / b.heap).toFixed(2)}× its heap growth`,
);
const c = summary(co);
const d = summary(po);
console.log(
  '\nwhere the time goes (same pages, informative)\n' +
    table([
      ['', 'median', 'spread', 'rows/s', 'heap growth (median, spread)'],
      [
        'provider.members pages alone (no CSV)',
        ms(d.ms),
        `${fmt(d.msMin)}–${fmt(d.msMax)} ms`,
        Math.round(rps(d.ms)).toLocaleString('en'),
        `${fmt(d.heap)} MiB (${fmt(d.heapMin)}–${fmt(d.heapMax)})`,
      ],
      [
        'membersCsv over rows already in memory',
        ms(c.ms),
        `${fmt(c.msMin)}–${fmt(c.msMax)} ms`,
        Math.round(rps(c.ms)).toLocaleString('en'),
        `${fmt(c.heap)} MiB (${fmt(c.heapMin)}–${fmt(c.heapMax)})`,
      ],
    ]),
);
console.log(`membersCsv over rows in memory takes ${(c.ms / b.ms).toFixed(2)}× papaparse's time`);
const metRps = rps(a.ms) >= TARGET_RPS;
const metHeap = a.heap <= TARGET_HEAP_MIB;
console.log(
  '\n' +
    table([
      ['target', 'measured', 'verdict'],
      [
        `CSV ≥ ${TARGET_RPS.toLocaleString('en')} rows/s`,
        `${Math.round(rps(a.ms)).toLocaleString('en')} rows/s`,
        metRps ? 'MET' : 'NOT MET',
      ],
      [`heap growth ≤ ${TARGET_HEAP_MIB} MiB`, `${fmt(a.heap)} MiB`, metHeap ? 'MET' : 'NOT MET'],
    ]),
);
console.log(
  `\nmedians over ${RUNS} runs after a warm-up; all times: segment-kit ${sk.map((x) => x.ms.toFixed(0)).join('/')}, papaparse ${pp.map((x) => x.ms.toFixed(0)).join('/')}, pages alone ${po.map((x) => x.ms.toFixed(0)).join('/')}, CSV over rows in memory ${co.map((x) => x.ms.toFixed(0)).join('/')}`,
);

// ================================================================ 2. <member-preview> mount
// Each of PREVIEW_RUNS fresh page loads (default 5) builds the sample dataset of
// PREVIEW_CUSTOMERS customers (default 100,000) and a memory provider in the page
// (untimed), then for each bench segment (the order alternating between loads): one cold
// mount (the first on the page: the engine builds the typed columns and join indexes the
// segment needs) and WARM mounts (default 3, each a new element on the same provider). A
// mount is timed from creating the element (provider and segment set, then appended) to
// the first painted frame of the finished table: the first 100 rows with data, not busy,
// the total shown — not the loading state (its first frame is reported beside it).
// Target: within 100 ms.
const PREVIEW_RUNS = Number(process.env.PREVIEW_RUNS ?? 5);
const PREVIEW_CUSTOMERS = Number(process.env.PREVIEW_CUSTOMERS ?? 100_000);
const WARM = Number(process.env.WARM ?? 3);
const PREVIEW_LIMIT = 100;
/**
 * Both providers in one run: the memory provider in the page (the engine builds its indexes on
 * first use, on the main thread) and in a Web Worker (`createWorkerProvider`, which builds them
 * before `ready`). PREVIEW_PROVIDER=memory or =worker runs one.
 */
const PREVIEW_PROVIDERS: boolean[] =
  process.env.PREVIEW_PROVIDER === 'worker' ? [true] : process.env.PREVIEW_PROVIDER === 'memory' ? [false] : [false, true];
const providerName = (worker: boolean) => (worker ? 'worker' : 'in the page');
const TARGET_MOUNT_MS = 100;
const BENCH_SEGMENTS = ['tier', 'orders'] as const;
const SEGMENT_LABEL: Record<(typeof BENCH_SEGMENTS)[number], string> = {
  tier: 'Loyalty tier is Gold or Silver (customer attributes)',
  orders: 'an Order over 100 in the last 180 days (related, ~1M orders)',
};

const seconds = stopwatch();
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const out = await buildPages({ root: PAGES, input: { preview: join(PAGES, 'preview.html') }, name: 'segment-kit-bench-details' });
const { origin, server } = await serve(out);
const browser: Browser = await launch();
const chromiumVersion = browser.version();

interface PreviewLoad {
  worker: boolean;
  prepared: PreviewPrepared;
  members: Record<string, number>;
  cold: Record<string, PreviewMount>;
  warm: Record<string, PreviewMount[]>;
}
const previewLoads: PreviewLoad[] = [];
try {
  for (const worker of PREVIEW_PROVIDERS)
    for (let run = 1; run <= PREVIEW_RUNS; run++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
        await page.goto(`${origin}/preview.html`);
        await page.waitForFunction(() => window.previewBench !== undefined);
        const prepared = await page.evaluate((o) => window.previewBench!.prepare(o), {
          customers: PREVIEW_CUSTOMERS,
          seed: 1,
          worker,
        });
        const load: PreviewLoad = { worker, prepared, members: {}, cold: {}, warm: {} };
        for (const name of run % 2 ? BENCH_SEGMENTS : [...BENCH_SEGMENTS].reverse()) {
          const mount = () => page.evaluate(([n, limit]) => window.previewBench!.mount(n, limit), [name, PREVIEW_LIMIT] as const);
          load.cold[name] = await mount();
          await page.evaluate(() => window.previewBench!.unmount());
          load.warm[name] = [];
          for (let i = 0; i < WARM; i++) {
            load.warm[name].push(await mount());
            await page.evaluate(() => window.previewBench!.unmount());
          }
        }
        load.members = await page.evaluate(() => window.previewBench!.counts());
        previewLoads.push(load);
        const notes = [...Object.values(load.cold), ...Object.values(load.warm).flat()].flatMap((m) => m.notes);
        console.error(
          `[${seconds()}] preview (${providerName(worker)}) load ${run}: dataset built in ${fmt(prepared.prepareMs, 0)} ms; ` +
            BENCH_SEGMENTS.map(
              (n) =>
                `${n}: cold ${fmt(load.cold[n]!.finished, 0)} ms (loading frame ${fmt(load.cold[n]!.first, 0)}), warm ${load.warm[n]!.map((m) => fmt(m.finished, 0)).join('/')} ms`,
            ).join('; ') +
            ([...notes, ...errors].length ? `  !! ${[...notes, ...errors].join('; ')}` : ''),
        );
      } finally {
        await context.close();
      }
    }

  // ================================================================ 3. the trend chart
  // bench/details/chart.ts builds its own pages and browser, and prints its own table
  // (2,000 points to the first frame, cold and warm, and frame time during a hover sweep).
  await (await import('./chart.js')).benchChart();
} finally {
  await browser.close();
  server.close();
}

const first = previewLoads[0];
const spread = (xs: number[]) => (xs.length ? `${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}` : '');
const med = (xs: number[]) => (xs.length ? median(xs) : NaN);
const rowsOut: (string | number)[][] = [
  ['provider', 'segment', 'members', 'mount', 'median (ms)', 'min–max', 'loading frame (ms)', 'frames', 'runs'],
];
const verdicts: (string | number)[][] = [['target', 'measured (median)', 'verdict']];
for (const worker of PREVIEW_PROVIDERS)
  for (const name of BENCH_SEGMENTS) {
    const loads = previewLoads.filter((l) => l.worker === worker);
    const cold = loads.map((l) => l.cold[name]!);
    const warm = loads.flatMap((l) => l.warm[name]!);
    for (const [kind, xs] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      const t = xs.map((m) => m.finished).filter(Number.isFinite);
      rowsOut.push([
        kind === 'cold' && name === BENCH_SEGMENTS[0] ? providerName(worker) : '',
        kind === 'cold' ? SEGMENT_LABEL[name] : '',
        kind === 'cold' ? (first?.members[name] ?? 0).toLocaleString('en') : '',
        kind,
        fmt(med(t)),
        spread(t),
        fmt(med(xs.map((m) => m.first))),
        fmt(med(xs.map((m) => m.finishedNo)), 0),
        t.length,
      ]);
      const m = med(t);
      verdicts.push([
        `mount ${kind} → finished table ≤ ${TARGET_MOUNT_MS} ms (${name}, ${providerName(worker)})`,
        `${fmt(m)} ms`,
        Number.isFinite(m) ? (m <= TARGET_MOUNT_MS ? 'MET' : 'NOT MET') : 'NOT MEASURED',
      ]);
    }
  }
console.log(
  `\n<member-preview> mount to the first painted frame of the finished table (${PREVIEW_LIMIT} rows with data, not busy, total shown): ` +
    `the memory provider in the page, and in a Web Worker (createWorkerProvider: the engine's indexes built before ready), on the sample dataset (${(first?.prepared.customers ?? 0).toLocaleString('en')} customers, ${(first?.prepared.orders ?? 0).toLocaleString('en')} orders), ` +
    `${PREVIEW_RUNS} fresh page loads, cold = the first mount of the segment on the page, warm = ${WARM} new elements after it on the same provider ` +
    `(Chromium ${chromiumVersion}, viewport ${VIEWPORT.width}×${VIEWPORT.height}; shown: "${first?.cold.tier?.total ?? ''}")`,
);
console.log(table(rowsOut));
console.log('\n' + table(verdicts));
console.error(`[${seconds()}] bench:details done`);
