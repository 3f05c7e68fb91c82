/**
 * `npm run bench:worker` — does the page freeze while counting? The memory provider on the
 * page beside the same provider in a Web Worker (`segment-kit/memory/worker`), in one run:
 *  1. builds bench/worker/pages/typing.html with Vite (a text input and a provider over the
 *     sample dataset, CUSTOMERS customers, default 100,000);
 *  2. serves it on 127.0.0.1 and drives Debian's Chromium with playwright-core;
 *  3. for each mode, on RUNS fresh page loads (default 3, modes alternated), with two
 *     providers that have never counted (the engine's caches are per rows array: on the page
 *     two providers over new arrays of the same rows; in worker mode two workers):
 *     A. on the first provider: one count with nothing else going on (cold: the first call
 *        builds the engine's caches), five more (warm), then a person types KEYS letters
 *        (default 40), one key press every INTERVAL ms (default 100) with `keyboard.press`:
 *        every key press asks for a count of bench/engine.ts part B's three-rule segment (its
 *        threshold moved by the text) and aborts the previous one, as the builder does with
 *        no debounce;
 *     B. the same typing on the second provider, which has never counted: the first key
 *        asks for its cold count (on the page the JIT is warm by then, in the second worker
 *        it is not: this favours the page);
 *     measured in the page: each key's latency from its keydown `timeStamp` to the next
 *     painted frame (rAF + timeout), Event Timing durations, long tasks, and each count's
 *     request → answer;
 *  4. once, the cost of the other way in: generating the rows on the page and posting them
 *     to the worker (structured clone);
 *  5. prints per-run medians/p95/max, then the median over runs with the spread (min–max)
 *     and the ratios worker / page.
 * Environment: CUSTOMERS=100000  RUNS=3  KEYS=40  INTERVAL=100  SEED=1  SKIP_CLONE=1  CHROME_PATH=…
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launch, serve } from '../ui/setup.js';
import { median, table } from '../util.js';
import type { Mode, StartResult, TypingResult } from './pages/typing.js';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const KEYS = Number(process.env.KEYS ?? 40);
const INTERVAL = Number(process.env.INTERVAL ?? 100);
const SEED = Number(process.env.SEED ?? 1);
const TEXT = 'customerswhospentmorethanathousandlastyearandarehappy'.repeat(Math.ceil(KEYS / 50)).slice(0, KEYS);
const MODES: Mode[] = ['main', 'worker'];
const LABEL: Record<Mode, string> = { main: 'page (createMemoryProvider)', worker: 'worker (createWorkerProvider)' };

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- 1–2. build and serve the page
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const out = join(ROOT, 'node_modules/.cache/segment-kit-bench-worker');
await build({
  configFile: false,
  root: PAGES,
  base: './',
  logLevel: 'warn',
  mode: 'production',
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { input: { typing: join(PAGES, 'typing.html') } },
  },
});
console.error(`[${seconds()}] page built in ${out}`);
const { origin, server } = await serve(out);

// ---------------------------------------------------------------- 3. measure
const browser: Browser = await launch();
const chromiumVersion = browser.version();

interface RunA {
  start: StartResult;
  cold: number;
  warm: number;
  typing: TypingResult;
}
interface RunB {
  start: StartResult;
  typing: TypingResult;
}
const runsA = new Map<Mode, RunA[]>(MODES.map((m) => [m, []]));
const runsB = new Map<Mode, RunB[]>(MODES.map((m) => [m, []]));
const problems: string[] = [];

async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${origin}/typing.html`);
    await page.waitForFunction(() => window.workerBench !== undefined);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** A person typing: one `keyboard.press` every INTERVAL ms of wall-clock time, whether or not the page keeps up. */
async function type(page: Page, mode: Mode): Promise<TypingResult> {
  await page.focus('#q');
  await page.evaluate(() => window.workerBench!.beginTyping());
  const t0 = performance.now();
  const presses: Promise<void>[] = [];
  for (let i = 0; i < KEYS; i++) {
    const wait = t0 + i * INTERVAL - performance.now();
    if (wait > 0) await sleep(wait);
    presses.push(page.keyboard.press(TEXT[i]!));
  }
  await Promise.all(presses);
  const r = await page.evaluate((n) => window.workerBench!.endTyping(n), KEYS);
  if (r.value !== TEXT) problems.push(`${mode}: the input holds "${r.value}", not the ${KEYS} letters typed`);
  if (r.failed.length) problems.push(`${mode}: counts failed: ${[...new Set(r.failed)].join('; ')}`);
  if (r.completed === 0) problems.push(`${mode}: no count completed while typing`);
  return r;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const brief = (t: TypingResult) =>
  `latency median ${f1(median(t.latency))} / p95 ${f1(pct(t.latency, 0.95))} / max ${f1(max(t.latency))} ms, ` +
  `${t.completed}/${t.requested} counts answered (median ${f0(t.completion.length ? median(t.completion) : NaN)} ms), ` +
  `first count ${f0(t.firstCount)} ms after the first key, last count ${f0(t.finalCount)} ms after the last key, long tasks ${t.longTasks.length} (longest ${f0(max(t.longTasks))} ms)`;

const start = (r: { start: StartResult }) => r.start.readyMs;
let clone: StartResult | undefined;
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const mode of run % 2 ? MODES : [...MODES].reverse()) {
      const r = await withPage(async (page) => {
        const start = await page.evaluate(([m, c, s]) => window.workerBench!.start(m, c, s), [mode, CUSTOMERS, SEED] as const);
        await sleep(300);
        // A: one count alone on a fresh page (cold: the engine's caches and the JIT), five more, then typing.
        await page.evaluate(() => window.workerBench!.use('idle'));
        const cold = await page.evaluate(() => window.workerBench!.countIdle());
        const warmTimes: number[] = [];
        for (let i = 0; i < 5; i++) warmTimes.push(await page.evaluate(() => window.workerBench!.countIdle()));
        await sleep(300);
        const a: RunA = { start, cold, warm: median(warmTimes), typing: await type(page, mode) };
        await sleep(300);
        // B: typing on the other provider, which has never counted (the first key asks for its cold count).
        await page.evaluate(() => window.workerBench!.use('cold'));
        const b: RunB = { start, typing: await type(page, mode) };
        return { a, b };
      });
      runsA.get(mode)!.push(r.a);
      runsB.get(mode)!.push(r.b);
      console.error(
        `[${seconds()}] ${mode} run ${run}: ready ${f0(start(r.a))} ms, count cold ${f0(r.a.cold)} ms, warm ${f0(r.a.warm)} ms` +
          `\n    typing, warm: ${brief(r.a.typing)}\n    typing through the first count: ${brief(r.b.typing)}`,
      );
    }
  }
  // ---------------------------------------------------------------- 4. posting the rows instead
  if (process.env.SKIP_CLONE !== '1') {
    clone = await withPage((page) => page.evaluate(([c, s]) => window.workerBench!.cloneProbe(c, s), [CUSTOMERS, SEED] as const));
    console.error(`[${seconds()}] clone probe: posting the rows blocked the page ${f0(clone.postMs!)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------- 5. report
/** The median over runs of a per-run figure, with the spread over runs. */
function over<T>(list: T[], pick: (r: T) => number): { med: number; spread: string } {
  const xs = list.map(pick).filter((x) => Number.isFinite(x));
  if (!xs.length) return { med: NaN, spread: '' };
  return { med: median(xs), spread: `${f1(Math.min(...xs))}–${f1(Math.max(...xs))}` };
}
const ratio = (w: number, m: number) => (Number.isFinite(w) && Number.isFinite(m) && m > 0 ? `${(w / m).toFixed(2)}×` : 'n/a');

const rows: (string | number)[][] = [['', `${MODES[0]} (median)`, 'min–max', `${MODES[1]} (median)`, 'min–max', 'worker / page']];
function line<T>(label: string, map: Map<Mode, T[]>, pick: (r: T) => number, digits = 1) {
  const [m, w] = MODES.map((mode) => over(map.get(mode)!, pick)) as [ReturnType<typeof over>, ReturnType<typeof over>];
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
  rows.push([label, fmt(m.med), m.spread, fmt(w.med), w.spread, ratio(w.med, m.med)]);
}
const lat = (p: number | 'max') => (r: { typing: TypingResult }) => (p === 'max' ? max(r.typing.latency) : pct(r.typing.latency, p));
line('count, first call, idle (ms)', runsA, (r) => r.cold);
line('count, warm, idle (median of 5, ms)', runsA, (r) => r.warm);
rows.push(['typing on a warm provider', '', '', '', '', '']);
line('  input latency, median (ms)', runsA, lat(0.5));
line('  input latency, p95 (ms)', runsA, lat(0.95));
line('  input latency, max (ms)', runsA, lat('max'));
line('  counts answered (of requested)', runsA, (r) => r.typing.completed, 0);
line('  last key → its count answered (ms)', runsA, (r) => r.typing.finalCount, 0);
line('  count request → answer, median (ms)', runsA, (r) => (r.typing.completion.length ? median(r.typing.completion) : NaN));
line('  long tasks ≥ 50 ms on the page', runsA, (r) => r.typing.longTasks.length, 0);
line('  longest task on the page (ms)', runsA, (r) => max(r.typing.longTasks), 0);
line('  Event Timing: keys over 16 ms', runsA, (r) => r.typing.eventTiming.length, 0);
rows.push(['typing through the first (cold) count', '', '', '', '', '']);
line('  input latency, median (ms)', runsB, lat(0.5));
line('  input latency, p95 (ms)', runsB, lat(0.95));
line('  input latency, max (ms)', runsB, lat('max'));
line('  first key → first count answered (ms)', runsB, (r) => r.typing.firstCount, 0);
line('  last key → its count answered (ms)', runsB, (r) => r.typing.finalCount, 0);
line('  counts answered (of requested)', runsB, (r) => r.typing.completed, 0);
line('  long tasks ≥ 50 ms on the page', runsB, (r) => r.typing.longTasks.length, 0);
line('  longest task on the page (ms)', runsB, (r) => max(r.typing.longTasks), 0);
line('start-up to a provider that answers (ms) *', runsA, start, 0);
line('  of which generating on the page, blocking it (ms)', runsA, (r) => r.start.generateMs ?? 0, 0);

const requested = (map: Map<Mode, { typing: TypingResult }[]>) => [...map.values()].flat().map((r) => r.typing.requested);
console.log(
  `\nbench:worker — ${CUSTOMERS.toLocaleString('en')} sample customers (seed ${SEED}), ${RUNS} fresh page loads per mode (Chromium ${chromiumVersion})`,
);
console.log(
  `A person types ${KEYS} letters, one every ${INTERVAL} ms (playwright keyboard.press); every key asks for a count of the three-rule segment ` +
    `of bench/engine.ts part B and aborts the previous one (${Math.min(...requested(runsA), ...requested(runsB))}–${Math.max(...requested(runsA), ...requested(runsB))} counts asked per session).`,
);
console.log(
  'Input latency: keydown timeStamp → next painted frame (rAF + timeout), in the page. Per run: median, p95, max over the keys; then the median over runs.',
);
console.log(`main = ${LABEL.main}, worker = ${LABEL.worker} with dataset: { sample }.\n`);
console.log(table(rows));
console.log(
  '* page: the sample generated on the page (blocking it), then two providers; worker: two workers generating the sample at once (2 cores), until the first answers.',
);
if (clone) {
  console.log(
    `\nPosting the rows instead (createWorkerProvider({ catalog, data })): generating them on the page took ${f0(clone.generateMs!)} ms, ` +
      `then the structured clone blocked the page ${f0(clone.postMs!)} ms, and the worker answered ${f0(clone.readyMs - clone.generateMs! - clone.postMs!)} ms later ` +
      `(dataset: { sample } generates in the worker and clones nothing).`,
  );
}
if (problems.length) console.log(`\nproblems: ${[...new Set(problems)].join('; ')}`);
console.error(`[${seconds()}] bench:worker done`);
