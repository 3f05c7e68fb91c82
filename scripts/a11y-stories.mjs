// `npm run test:stories`: every story of the static Storybook build, checked with axe-core
// in Debian Chromium, in the light theme and (for every story) dark, right-to-left and in German too.
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
  { name: 'light', globals: 'theme:light;dir:ltr;lang:en' },
  { name: 'dark rtl de', globals: 'theme:dark;dir:rtl;lang:de' },
];
let checked = 0;
let failed = 0;
/**
 * Four pages at a time, two per variant. Each page loads Storybook's preview once and then
 * switches stories through its channel (as Storybook's own test runner does), so the preview's
 * modules and the stories' sample data are built once per page, not once per story.
 * Storybook's a11y addon's own axe run is turned off (`a11y.manual`): ours is the check.
 */
const PAGES = Math.max(variants.length, Number(process.env.A11Y_PAGES ?? 4));

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

/** In the page: show a story through the preview's channel, and resolve once it has rendered. */
function showStory(storyId) {
  return new Promise((resolve) => {
    const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
    const events = {
      storyRendered: (id) => id === storyId && finish(''),
      storyErrored: (e) => finish(`the story errored: ${e?.title ?? ''} ${e?.description ?? ''}`),
      storyThrewException: (e) => finish(`the story threw: ${e?.message ?? e}`),
      storyMissing: (id) => id === storyId && finish('the story is missing'),
    };
    const timer = setTimeout(() => finish('the story did not render within 30 s'), 30000);
    function finish(problem) {
      clearTimeout(timer);
      for (const [name, fn] of Object.entries(events)) channel.off(name, fn);
      resolve(problem);
    }
    for (const [name, fn] of Object.entries(events)) channel.on(name, fn);
    channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
  });
}

async function check(page, story, v, first) {
  if (first) {
    await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story&globals=${v.globals};a11y.manual:!true`);
    await page.waitForSelector('#storybook-root > *', { timeout: 30000 });
    await page.addScriptTag({ content: axeSource });
  } else {
    const problem = await page.evaluate(showStory, story.id);
    if (problem) return [problem];
  }
  // Counts, suggestions, charts and the virtualizer settle: at least 400 ms, then until nothing
  // is busy (a story of the loading state stays busy: checked as it is after 3 s).
  await page.waitForTimeout(400);
  await page.waitForFunction(`!(${busy.toString()})()`, undefined, { timeout: 2600, polling: 100 }).catch(() => undefined);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
    return result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.length} node(s), e.g. ${x.nodes[0]?.target.join(' ')}`);
  });
}

try {
  await Promise.all(
    variants.map(async (v, n) => {
      const queue = [...stories];
      const pages = Math.floor(PAGES / variants.length) + (n < PAGES % variants.length ? 1 : 0);
      await Promise.all(
        Array.from({ length: pages }, async () => {
          const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
          page.on('pageerror', (e) => console.log(`  page error [${v.name}]: ${e.message}`));
          let first = true;
          while (queue.length) {
            const story = queue.shift();
            const problems = await check(page, story, v, first);
            first = false;
            checked++;
            if (problems.length) {
              failed++;
              console.log(`✖ ${story.id} [${v.name}]\n    ${problems.join('\n    ')}`);
            } else console.log(`✔ ${story.id} [${v.name}]`);
          }
          await page.close();
        }),
      );
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${checked - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
