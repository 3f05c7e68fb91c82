/**
 * The workspace part of `npm run bench:ui` (also `npm run bench:workspace` alone):
 * `<segment-workspace>` on the sample provider with WORKSPACE_CUSTOMERS customers (default 20,000),
 * in Chromium (bench/ui's Vite + playwright-core harness, page in bench/workspace/pages).
 * On 2 × RUNS fresh page loads (default 5 each): the mount, to the first frame with content and to the
 * first frame of the finished list, after the data is ready; then list → details → builder →
 * list twice (the first time each view's module loads: cold; the second: warm), each to the
 * first painted frame that shows the new view, and to the frame of the finished view (details:
 * member rows; builder: its rules; list: its rows). On half the loads the first navigation
 * comes at once after the mount; on the other half after a 1 s pause, in which the workspace
 * loads the details' and the builder's modules while the page is idle. Medians with min–max; targets (issue 12):
 * the finished list within 300 ms of the data being ready, each navigation within 100 ms.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SegmentWorkspaceRoute } from '../../src/elements/shared/events.js';
import { VIEWPORT, buildPages, launch, serve } from '../ui/setup.js';
import { fmt, median, table } from '../util.js';
import type { WorkspaceTiming } from './pages/workspace.js';

const CUSTOMERS = Number(process.env.WORKSPACE_CUSTOMERS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_FIRST = 300;
const TARGET_NAV = 100;
/** A person's pause on the list before the first click (the next views load while the page is idle). */
const PAUSE_MS = 1000;

export async function runWorkspaceBench(): Promise<void> {
  const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
  const out = await buildPages({ root: PAGES, input: { workspace: join(PAGES, 'workspace.html') }, name: 'segment-kit-bench-workspace' });
  const { origin, server } = await serve(out);
  const browser = await launch();
  const samples: Record<string, number[]> = {};
  const add = (k: string, v: number) => (samples[k] ??= []).push(v);
  const notes: string[] = [];
  let prepared = { prepareMs: 0, segments: 0, id: '' };
  const idle: { preparedAfter: number; probes: number; lateMax: number; lateP99: number; lateMedian: number }[] = [];
  try {
    // Half the loads go to the details at once after the mount (the click comes before the
    // workspace has loaded the next views while idle); half after a person's 1 s pause.
    for (let run = 1; run <= RUNS * 2; run++) {
      const pause = run % 2 === 0 ? PAUSE_MS : 0;
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(`${origin}/workspace.html`);
      await page.waitForFunction(() => window.workspaceBench !== undefined);
      prepared = await page.evaluate((customers) => window.workspaceBench!.prepare({ customers }), CUSTOMERS);
      const m = await page.evaluate(() => window.workspaceBench!.mount());
      add('mount: first frame with content', m.first);
      add('mount: finished list', m.finished);
      notes.push(...m.notes);
      if (pause) await page.waitForTimeout(pause);
      const routes: [string, SegmentWorkspaceRoute][] = [
        ['details', { view: 'details', id: prepared.id }],
        ['builder', { view: 'edit', id: prepared.id }],
        ['list', { view: 'list' }],
      ];
      for (const pass of ['cold', 'warm'])
        for (const [name, route] of routes) {
          const t: WorkspaceTiming = await page.evaluate((r) => window.workspaceBench!.navigate(r), route);
          const label =
            pass === 'cold' && name === 'list'
              ? 'warm'
              : pass === 'cold'
                ? pause
                  ? `cold, after a ${pause / 1000} s pause`
                  : 'cold, at once'
                : pass;
          add(`→ ${name} (${label}): view shown`, t.shown);
          add(`→ ${name} (${label}): view finished`, t.finished);
          if (!Number.isNaN(t.complete)) add(`→ ${name} (${label}): all member rows`, t.complete);
          notes.push(...t.notes);
        }
      await page.close();
      console.log(`[workspace] load ${run}: data ready in ${fmt(prepared.prepareMs, 0)} ms; mount finished in ${fmt(m.finished)} ms`);
    }
    // Input latency while the provider prepares in idle time: one more page load, no mount.
    for (let run = 1; run <= Math.max(1, Math.ceil(RUNS / 2)); run++) {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(`${origin}/workspace.html`);
      await page.waitForFunction(() => window.workspaceBench !== undefined);
      await page.evaluate((customers) => window.workspaceBench!.prepare({ customers }), CUSTOMERS);
      idle.push(await page.evaluate(() => window.workspaceBench!.probeIdle()));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const row = (k: string) => {
    const xs = samples[k] ?? [];
    return [k, fmt(median(xs)), `${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}`, xs.length];
  };
  console.log(
    `\n<segment-workspace> on createSampleProvider({ customers: ${CUSTOMERS.toLocaleString('en-US')} }) (${prepared.segments} saved segments), ` +
      `${RUNS * 2} fresh page loads (half with a ${PAUSE_MS / 1000} s pause before the first navigation), ms from the data being ready (mount) or from go(route) (navigations) to the painted frame; ` +
      `"list (warm)" twice per load (after the builder, both passes)`,
  );
  console.log(table([['measure', 'median (ms)', 'min–max', 'n'], ...Object.keys(samples).map(row)]));
  const verdict = (k: string, bar: number) => {
    const v = median(samples[k] ?? []);
    return [k, `≤ ${bar} ms`, fmt(v), v <= bar ? 'MET' : 'NOT MET'];
  };
  const navs = Object.keys(samples).filter((k) => k.startsWith('→') && k.endsWith('finished'));
  console.log(
    table([
      ['target', 'bar', 'median (ms)', 'verdict'],
      verdict('mount: finished list', TARGET_FIRST),
      ...navs.map((k) => verdict(k, TARGET_NAV)),
    ]),
  );
  const col = (k: 'preparedAfter' | 'lateMax' | 'lateP99' | 'lateMedian') => idle.map((x) => fmt(x[k], 1)).join(' / ');
  console.log(
    `\nidle-time preparation of the provider (${idle.length} more page loads, nothing mounted): done ${col('preparedAfter')} ms after the data was ready (the settle in prepare() included); ` +
      `a 10 ms timer ran late by median ${col('lateMedian')}, p99 ${col('lateP99')}, max ${col('lateMax')} ms (${idle.map((x) => x.probes).join(' / ')} probes)`,
  );
  for (const n of new Set(notes)) console.log(`note: ${n}`);
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) await runWorkspaceBench();
