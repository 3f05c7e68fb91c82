/**
 * Where the time goes in one bench:list step of `<segment-list>`, for deciding what to optimize:
 *   node --import tsx bench/list/profile.ts [sort|select|deactivate|search] [column] [segments]
 * (defaults: sort name 10000). Builds bench/list's pages unminified, prepares the data,
 * mounts the list and runs the steps before the chosen one untimed (deactivate: select all
 * first), then records a V8 CPU profile and the long-animation-frame entries of that step
 * alone. Prints the frames' split (script vs style/layout vs paint), and self time by source
 * module and by function (through the build's source maps).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWPORT, buildPages, launch, serve } from '../ui/setup.js';
import { table } from '../util.js';
import type {} from './pages/harness.js';

const [step = 'sort', column = 'name', segmentsArg = '10000'] = process.argv.slice(2);
const segments = Number(segmentsArg);
if (!['sort', 'select', 'deactivate', 'search'].includes(step) || !Number.isFinite(segments)) {
  console.error('usage: node --import tsx bench/list/profile.ts [sort|select|deactivate|search] [column] [segments]');
  process.exit(1);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}
interface Loaf {
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  startTime: number;
  blockingDuration: number;
  scripts: { invoker: string; duration: number; sourceFunctionName: string }[];
}

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const out = await buildPages({
  minify: false,
  root: PAGES,
  input: { sk: join(PAGES, 'segment-kit.html') },
  name: 'segment-kit-bench-list-profile',
});
const { origin, server } = await serve(out);
const browser = await launch();
/** The built files' source maps, to name the source module and line of each profiled function. */
const maps = new Map<string, SourceMap>();
for (const f of readdirSync(join(out, 'assets')).filter((x) => x.endsWith('.js.map'))) {
  maps.set(f.slice(0, -'.map'.length), new SourceMap(JSON.parse(readFileSync(join(out, 'assets', f), 'utf8')) as SourceMapPayload));
}
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
function sourceOf(url: string, line: number, column: number): { module: string; at: string } {
  const map = maps.get(url.split('/').pop() ?? '');
  if (!map) return { module: url || '(native)', at: url ? `${url}:${line + 1}` : '(native)' };
  const e = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
  if (!e.originalSource) return { module: '(bundle)', at: '(bundle)' };
  let source = e.originalSource.replace(/^file:\/\//, '');
  source = source.includes('node_modules/')
    ? source.slice(source.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : relative(ROOT, resolve(join(out, 'assets'), source));
  return { module: source, at: `${source}:${(e.originalLine ?? 0) + 1}` };
}

try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${origin}/segment-kit.html`);
  await page.waitForFunction(() => window.listBench !== undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

  await page.evaluate((o) => window.listBench!.prepare(o), { segments, customers: 300, seed: 7920 });
  await page.evaluate(() => window.listBench!.mount());
  await page.evaluate(() => window.listBench!.settle());
  if (step === 'deactivate') await page.evaluate(() => window.listBench!.selectAll());
  await page.evaluate(() => window.listBench!.settle());
  const letter = step === 'search' ? await page.evaluate(() => window.listBench!.armSearch()) : '';
  await page.evaluate(() => {
    const w = window as unknown as { __loaf: unknown[] };
    w.__loaf = [];
    new PerformanceObserver((list) => w.__loaf.push(...list.getEntries().map((e) => e.toJSON() as unknown))).observe({
      type: 'long-animation-frame',
    });
  });
  await cdp.send('Profiler.start');
  let result: object;
  if (step === 'sort') result = await page.evaluate((k) => window.listBench!.sort(k), column);
  else if (step === 'select') result = await page.evaluate(() => window.listBench!.selectAll());
  else if (step === 'deactivate') result = await page.evaluate(() => window.listBench!.deactivate());
  else {
    await page.keyboard.press(letter);
    result = await page.evaluate(() => window.listBench!.searched());
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const loaf = (await page.evaluate(() => (window as unknown as { __loaf: unknown[] }).__loaf)) as Loaf[];

  console.log(
    `\n<segment-list>, ${segments.toLocaleString('en')} segments, ${step}${step === 'sort' ? ` ${column}` : ''}: ${JSON.stringify(result)}`,
  );

  if (loaf.length) {
    console.log('\nLong animation frames during the step (ms):');
    console.log(
      table([
        ['frame', 'duration', 'script+tasks', 'style & layout', 'paint & rest', 'longest scripts'],
        ...loaf.map((f, i) => {
          const renderStart = f.renderStart || f.startTime + f.duration;
          const styleStart = f.styleAndLayoutStart || renderStart;
          const end = f.startTime + f.duration;
          return [
            i + 1,
            f.duration.toFixed(0),
            (renderStart - f.startTime).toFixed(0),
            f.styleAndLayoutStart ? (end - styleStart).toFixed(0) : '0',
            (styleStart - renderStart).toFixed(0),
            f.scripts
              .slice()
              .sort((a, b) => b.duration - a.duration)
              .slice(0, 2)
              .map((s) => `${s.invoker || s.sourceFunctionName} ${s.duration.toFixed(0)}`)
              .join(', '),
          ];
        }),
      ]),
    );
  } else console.log('\nNo long animation frame (every frame under 50 ms).');

  // Self time per node from the samples.
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const special = url === '' && functionName.startsWith('(');
    const where = special ? { module: functionName, at: '' } : sourceOf(url, lineNumber, node.callFrame.columnNumber);
    const mod = where.module;
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const fn = special ? functionName : `${functionName || '(anonymous)'}  ${where.at}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => [name, ms.toFixed(1), `${((ms / total) * 100).toFixed(0)}%`]);
  console.log(
    `\nCPU self time by module (of ${total.toFixed(0)} ms sampled; "(program)" is mostly the browser's own work: style, layout, paint):`,
  );
  console.log(table([['module', 'ms', 'share'], ...top(byModule, 15)]));
  console.log('\nCPU self time by function:');
  console.log(table([['function', 'ms', 'share'], ...top(byFunction, 25)]));
  await context.close();
} finally {
  await browser.close();
  server.close();
}
