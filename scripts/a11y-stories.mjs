// `npm run test:stories`: every story of the static Storybook build, checked with axe-core
// in Debian Chromium, in the light theme and (for every story) dark and right-to-left too.
// SPEC section 7: "axe finds no violations in any story". Build first: npm run build-storybook.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from './chrome.mjs';
import { serveStatic } from './static-server.mjs';

const root = 'storybook-static';
if (!existsSync(join(root, 'index.json'))) {
  console.error('No Storybook build: run `npm run build-storybook` first.');
  process.exit(1);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stories = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries).filter((e) => e.type === 'story');
const server = await serveStatic(root);
const browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')) });
const variants = [
  { name: 'light', globals: 'theme:light;dir:ltr' },
  { name: 'dark rtl', globals: 'theme:dark;dir:rtl' },
];
let checked = 0;
let failed = 0;
/** Four pages at a time: each check is mostly a page load and waiting for the story to settle. */
const PAGES = Number(process.env.A11Y_PAGES ?? 4);
const jobs = stories.flatMap((story) => variants.map((v) => ({ story, v })));
const results = new Array(jobs.length);

/** Is anything in the story, shadow roots included, still loading (aria-busy)? */
function busy() {
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.getAttribute('aria-busy') === 'true') return true;
      if (el.shadowRoot && walk(el.shadowRoot)) return true;
    }
    return false;
  };
  return walk(document.querySelector('#storybook-root') ?? document);
}

async function check(page, { story, v }) {
  await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story&globals=${v.globals}`);
  await page.waitForSelector('#storybook-root > *', { timeout: 20000 });
  // Counts, suggestions, charts and the virtualizer settle: at least 400 ms, then until nothing
  // is busy (a story of the loading state stays busy: checked as it is after 3 s).
  await page.waitForTimeout(400);
  await page.waitForFunction(`!(${busy.toString()})()`, undefined, { timeout: 2600, polling: 100 }).catch(() => undefined);
  await page.addScriptTag({ content: axeSource });
  // Storybook's a11y addon runs axe on the story too: when its run is not over, wait and ask again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(async () => {
        const result = await globalThis.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        return result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.length} node(s), e.g. ${x.nodes[0]?.target.join(' ')}`);
      });
    } catch (e) {
      if (attempt >= 20 || !String(e?.message).includes('Axe is already running')) throw e;
      await page.waitForTimeout(250);
    }
  }
}

try {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, PAGES) }, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      while (next < jobs.length) {
        const i = next++;
        results[i] = await check(page, jobs[i]);
        const { story, v } = jobs[i];
        checked++;
        if (results[i].length) {
          failed++;
          console.log(`✖ ${story.id} [${v.name}]\n    ${results[i].join('\n    ')}`);
        } else console.log(`✔ ${story.id} [${v.name}]`);
      }
      await page.close();
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${checked - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
