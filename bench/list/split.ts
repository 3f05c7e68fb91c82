/**
 * A rough split of `<segment-list>`'s select all, sort and deactivate into Lit's update (script) and the style and
 * layout it causes (forced right after the update), repeated, in one page:
 *   node --import tsx bench/list/split.ts [repeats] [segments]
 * SPLIT_CSS='…' adds a style sheet to the list's shadow root first (to try a rule).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWPORT, buildPages, launch, serve } from '../ui/setup.js';
import type {} from './pages/harness.js';

const repeats = Number(process.argv[2] ?? 5);
const segments = Number(process.argv[3] ?? 10000);
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const out = await buildPages({ root: PAGES, input: { sk: join(PAGES, 'segment-kit.html') }, name: 'segment-kit-bench-list-split' });
const { origin, server } = await serve(out);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${origin}/segment-kit.html`);
  await page.waitForFunction(() => window.listBench !== undefined);
  await page.evaluate((o) => window.listBench!.prepare(o), { segments, customers: 300, seed: 7920 });
  await page.evaluate(() => window.listBench!.mount());
  await page.evaluate(() => window.listBench!.settle());
  // A string, so that the bundler's helpers (esbuild's __name) stay out of the page.
  if (process.env.SPLIT_CSS)
    await page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      const root = document.querySelector('segment-list')!.shadowRoot!;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }, process.env.SPLIT_CSS);
  const r = await page.evaluate<Record<string, number[]>>(`(async (n) => {
    const list = document.querySelector('segment-list');
    const root = list.shadowRoot;
    const q = (s) => root.querySelector(s);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = async () => {
      for (let i = 0; i < 20; i++) await frame();
    };
    const out = {};
    const add = (k, v) => (out[k] ??= []).push(Math.round(v * 10) / 10);
    const measure = async (label, act, settle) => {
      await idle();
      const t0 = performance.now();
      act();
      await list.updateComplete;
      const t1 = performance.now();
      q('table').getBoundingClientRect();
      const t2 = performance.now();
      add(label + ": update (script)", t1 - t0);
      add(label + ": style+layout", t2 - t1);
      if (settle) {
        const t3 = performance.now();
        while (!settle()) {
          await new Promise((r) => setTimeout(r, 0));
          if (performance.now() - t3 > 5000) break;
        }
        const t4 = performance.now();
        await list.updateComplete;
        const t5 = performance.now();
        q('table').getBoundingClientRect();
        const t6 = performance.now();
        add(label + ": until the answer", t4 - t1);
        add(label + ": answer update", t5 - t4);
        add(label + ": answer style+layout", t6 - t5);
      }
    };
    const busy = () => q('table').getAttribute('aria-busy') === 'true';
    for (let i = 0; i < n; i++) {
      await measure('sort', () => q('th[data-column="name"] button').click(), () => !busy());
      await measure('select all', () => q('input[part~="select-all"]').click());
      await measure('deactivate', () => q('[part~="bulk-bar"] button[data-action="deactivate"]').click(), () => !busy() && !q('.notice.working'));
      await measure('select none', () => q('input[part~="select-all"]').click());
    }
    return out;
})(${repeats})`);
  for (const [k, v] of Object.entries(r)) console.log(k.padEnd(36), [...v].sort((a, b) => a - b).join(' '));
} finally {
  await browser.close();
  server.close();
}
