import { LIBS, VIEWPORT, buildPages, launch, serve } from './setup.js';
const n = Number(process.argv[2] ?? 5000);
const lib = LIBS.find((l) => l.key === 'sk')!;
const out = await buildPages({ minify: true });
const { origin, server } = await serve(out);
const browser = await launch();
try {
  for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${origin}/${lib.page}`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate((size) => window.bench!.mount(size), n);
  await page.evaluate(() => window.bench!.settle());
  await page.evaluate(() => window.bench!.edit());
  await page.evaluate(() => window.bench!.settle());
  const cdp = await context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' } as any);
  const res = await page.evaluate(() => window.bench!.add());
  await cdp.send('Tracing.end');
  await done;
  const top = events.filter((e) => e.ph === 'X' && e.dur && ['EventDispatch', 'TimerFire', 'FunctionCall', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'FireAnimationFrame'].includes(e.name));
  const t0 = Math.min(...top.map((e) => e.ts));
  console.log(JSON.stringify(res), top.filter(e=>e.dur>500).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(1)}:${(e.dur / 1000).toFixed(1)}${e.args?.data?.type ? '(' + e.args.data.type + ')' : ''}`).join(' '));
  await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
