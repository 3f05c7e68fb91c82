/**
 * The trend chart part of `npm run bench:details` (issue 10): `<trend-chart>` with 2,000
 * daily points beside the bare chart.js line chart a host would write for them.
 *
 *  1. builds bench/details/pages with Vite (production, minified): the `<trend-chart>` page
 *     (a memory provider over the sample catalog whose segment has the 2,000 points as its
 *     refresh history, attached before the element is connected; frame `all`) and the
 *     chart.js page (see pages/chartjs.ts: tree-shaken registration, `parsing: false`,
 *     decimation on, no animation, chart.js's own tooltip);
 *  2. serves them on 127.0.0.1 and drives Debian's Chromium with playwright-core
 *     (bench/ui/setup.ts);
 *  3. on RUNS fresh page loads of each (default 7, the order alternated) measures in the
 *     page, to painted frames (bench/ui's frame watching):
 *     - mount, cold (the first chart on the page: chart.js is imported then, on both
 *       pages) and warm (unmounted and mounted again on the same page), to the first
 *       painted frame of the finished chart: every point drawn (and, for `<trend-chart>`,
 *       the headline figures shown), not a placeholder;
 *     - a hover sweep: real mouse moves (playwright `mouse.move`, MOVES steps) across the
 *       chart from one side to the other; each pointer event timed to the next painted
 *       frame, and the gaps between painted frames, with the frames showing a tooltip;
 *  4. prints medians with min–max spread, ratios and the target (first frame ≤ 200 ms).
 * It exits 0 when it could measure: a missed target is reported, not failed.
 * Environment: RUNS=7  POINTS=2000  MOVES=120  CHROME_PATH=…
 *
 * Run alone: `node --import tsx bench/details/chart.ts`; bench/details/run.ts calls `benchChart()`.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORT, buildPages, launch, serve } from '../ui/setup.js';
import { fmt, median, ratio, stopwatch, table } from '../util.js';
import type { MountResult, SweepResult } from './pages/chart-harness.js';

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const CHARTS = [
  { key: 'sk', name: '<trend-chart>', page: 'trend-chart.html' },
  { key: 'cj', name: 'bare chart.js', page: 'chartjs.html' },
] as const;
type ChartKey = (typeof CHARTS)[number]['key'];

/** The target: the 2,000-point chart's first frame within 200 ms. */
export const TARGET_FIRST_FRAME_MS = 200;

export interface ChartLoad {
  cold: MountResult;
  warm: MountResult;
  sweep: SweepResult;
  notes: string[];
}

export interface ChartBenchOptions {
  runs?: number;
  points?: number;
  moves?: number;
}

export interface ChartBenchResult {
  loads: Record<ChartKey, ChartLoad[]>;
  /** Medians (ms) for `<trend-chart>` and chart.js: cold, warm, hover latency median and p95, longest frame gap median. */
  summary: Record<ChartKey, { cold: number; warm: number; hover: number; hoverP95: number; gap: number }>;
  met: boolean;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const spread = (xs: number[]) => (xs.length ? `${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}` : 'n/a');

async function measure(page: Page, points: number, moves: number): Promise<ChartLoad> {
  await page.evaluate((n) => window.chartBench!.prepare(n), points);
  await page.evaluate(() => window.chartBench!.settle());
  const cold = await page.evaluate(() => window.chartBench!.mount());
  await page.evaluate(() => window.chartBench!.unmount());
  const warm = await page.evaluate(() => window.chartBench!.mount());
  await page.evaluate(() => window.chartBench!.settle());
  const box = await page.evaluate(() => window.chartBench!.box());
  const notes = [...cold.notes, ...warm.notes];
  let sweep: SweepResult = { moves: 0, latency: [], gaps: [], shown: 0, frames: 0 };
  if (!box) notes.push('no chart box to hover');
  else {
    const y = box.y + box.height * 0.45;
    await page.mouse.move(box.x + 2, y);
    await page.evaluate(() => window.chartBench!.settle());
    await page.evaluate(() => window.chartBench!.armSweep());
    await page.mouse.move(box.x + box.width - 2, y, { steps: moves });
    sweep = await page.evaluate(() => window.chartBench!.sweepResult());
    if (sweep.shown === 0) notes.push('hover: no tooltip shown during the sweep');
  }
  return { cold, warm, sweep, notes };
}

export async function benchChart(options: ChartBenchOptions = {}): Promise<ChartBenchResult> {
  const runs = options.runs ?? Number(process.env.RUNS ?? 7);
  const points = options.points ?? Number(process.env.POINTS ?? 2000);
  const moves = options.moves ?? Number(process.env.MOVES ?? 120);
  const seconds = stopwatch();
  console.log(`\nTrend chart: <trend-chart> beside a bare chart.js line chart, ${points.toLocaleString('en')} daily points`);
  const out = await buildPages({
    root: PAGES,
    input: Object.fromEntries(CHARTS.map((c) => [c.key, join(PAGES, c.page)])),
    name: 'segment-kit-bench-chart',
  });
  console.error(`[${seconds()}] pages built in ${out}`);
  const { origin, server } = await serve(out);
  const browser: Browser = await launch();
  const loads: Record<ChartKey, ChartLoad[]> = { sk: [], cj: [] };
  try {
    for (let run = 1; run <= runs; run++) {
      for (const c of run % 2 ? CHARTS : [...CHARTS].reverse()) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
          await page.goto(`${origin}/${c.page}`);
          await page.waitForFunction(() => window.chartBench !== undefined);
          const r = await measure(page, points, moves);
          r.notes.push(...errors);
          loads[c.key].push(r);
          console.error(
            `[${seconds()}] ${c.name} run ${run}: cold ${fmt(r.cold.ms)} ms (frame ${r.cold.frame}), warm ${fmt(r.warm.ms)} ms; ` +
              `hover ${r.sweep.moves} moves, median ${fmt(median(r.sweep.latency))} ms to the next frame, ` +
              `longest gap ${fmt(Math.max(0, ...r.sweep.gaps))} ms, tooltip in ${r.sweep.shown}/${r.sweep.frames} frames` +
              (r.notes.length ? `  !! ${r.notes.join('; ')}` : ''),
          );
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const summary = {} as ChartBenchResult['summary'];
  const rows: (string | number)[][] = [
    [
      '',
      'mount cold (median, spread)',
      'mount warm (median, spread)',
      'hover: move → next frame (median / p95)',
      'longest frame gap in a sweep (median)',
    ],
  ];
  for (const c of CHARTS) {
    const ls = loads[c.key];
    const cold = ls.map((l) => l.cold.ms);
    const warm = ls.map((l) => l.warm.ms);
    const latency = ls.flatMap((l) => l.sweep.latency);
    const gap = median(ls.map((l) => Math.max(0, ...l.sweep.gaps)));
    summary[c.key] = { cold: median(cold), warm: median(warm), hover: median(latency), hoverP95: quantile(latency, 0.95), gap };
    rows.push([
      c.name,
      `${fmt(median(cold))} ms (${spread(cold)})`,
      `${fmt(median(warm))} ms (${spread(warm)})`,
      `${fmt(median(latency))} / ${fmt(quantile(latency, 0.95))} ms`,
      `${fmt(gap)} ms`,
    ]);
  }
  console.log(table(rows));
  const sk = summary.sk;
  const cj = summary.cj;
  console.log(
    `<trend-chart> ÷ bare chart.js: cold ${ratio(sk.cold, cj.cold)}, warm ${ratio(sk.warm, cj.warm)}, ` +
      `hover median ${ratio(sk.hover, cj.hover)}, p95 ${ratio(sk.hoverP95, cj.hoverP95)}`,
  );
  const met = sk.cold <= TARGET_FIRST_FRAME_MS && sk.warm <= TARGET_FIRST_FRAME_MS;
  console.log(
    table([
      ['target', 'measured', 'verdict'],
      [
        `2,000-point chart first frame ≤ ${TARGET_FIRST_FRAME_MS} ms`,
        `cold ${fmt(sk.cold)} ms, warm ${fmt(sk.warm)} ms`,
        met ? 'MET' : 'NOT MET',
      ],
    ]),
  );
  console.log(
    `medians over ${runs} fresh page loads each (Chromium ${'(headless, software raster)'}); cold includes importing chart.js; ` +
      `hover: ${moves} mouse moves per sweep; all cold times: <trend-chart> ${loads.sk.map((l) => fmt(l.cold.ms, 0)).join('/')}, ` +
      `chart.js ${loads.cj.map((l) => fmt(l.cold.ms, 0)).join('/')}`,
  );
  const notes = CHARTS.flatMap((c) => loads[c.key].flatMap((l) => l.notes.map((n) => `${c.name}: ${n}`)));
  if (notes.length) console.log(`notes: ${[...new Set(notes)].join('; ')}`);
  return { loads, summary, met };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchChart();
}
