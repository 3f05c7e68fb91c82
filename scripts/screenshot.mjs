// Screenshot stories from the static Storybook build in Debian's Chromium:
//   node scripts/screenshot.mjs <story-id> [out.png] [--theme=dark] [--dir=rtl] [--width=1000]
// Build first with `npm run build-storybook`. Serves storybook-static on 127.0.0.1 only.
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from './chrome.mjs';
import { serveStatic } from './static-server.mjs';

const [id, out = `/tmp/${process.argv[2]}.png`] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
if (!id) {
  console.error('usage: node scripts/screenshot.mjs <story-id> [out.png] [--theme=dark] [--dir=rtl]');
  process.exit(1);
}
const server = await serveStatic('storybook-static');
const browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')) });
try {
  const page = await browser.newPage({ viewport: { width: Number(flag('width', 1000)), height: Number(flag('height', 700)) } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const globals = `theme:${flag('theme', 'light')};dir:${flag('dir', 'ltr')};lang:${flag('lang', 'en')}`;
  const docs = id.endsWith('--docs');
  await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=${docs ? 'docs' : 'story'}&globals=${globals}`);
  await page.waitForSelector(docs ? '#storybook-docs > *' : '#storybook-root > *', { timeout: 15000 });
  await page.waitForTimeout(Number(flag('wait', 400)));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
