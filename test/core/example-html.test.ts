/**
 * examples/html, smoke-tested as a person would open it: the no-build bundle
 * (dist/segment-kit.bundle.js, built here by scripts/bundle.mjs) served from loopback and
 * opened in Chromium. The builder and the preview render members from the memory provider,
 * an edit in the builder fires segment-change (the page shows it), chart.js is not loaded by
 * a page without <trend-chart>, and nothing is logged as an error.
 */
import assert from 'node:assert/strict';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without types
import { bundle } from '../../scripts/bundle.mjs';
// @ts-expect-error -- a plain .mjs script without types
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';

const chrome = (findChrome as () => string | undefined)();
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

describe('examples/html: the no-build bundle in a plain page', { skip: chrome ? false : 'no Chromium found (CHROME_PATH)' }, () => {
  let server: Server;
  let browser: Browser;
  let origin = '';
  const loaded: string[] = [];

  before(async () => {
    await (bundle as (dir: string) => Promise<string>)('dist');
    cpSync('src/themes', 'dist/themes', { recursive: true });
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(process.cwd(), path);
      if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      loaded.push(path);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chrome, args: (CHROME_ARGS as string[]).filter((a) => !a.startsWith('--headless')) });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('renders the builder and the members, and an edit arrives as segment-change', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${origin}/examples/html/index.html`);
    // The preview's rows: members of "spent over 500" from the memory provider.
    await page.waitForFunction(
      () => (document.querySelector('member-preview')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0) > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    const rows = await page.evaluate(
      () => document.querySelector('member-preview')!.shadowRoot!.querySelectorAll('tbody tr[part~="row"]').length,
    );
    assert.ok(rows > 0 && rows <= 10, `the preview shows up to 10 members (${rows})`);
    const display = page.locator('segment-builder #prop-displayName');
    await display.click();
    await display.press('End');
    await display.pressSequentially('!');
    await page.waitForFunction(() => document.getElementById('last-change')?.textContent === 'Customers who spent over 500!', null, {
      timeout: 5000,
    });
    assert.ok(!loaded.some((p) => /chart/.test(p)), `chart.js is loaded only with <trend-chart>: ${loaded.join(', ')}`);
    assert.ok(loaded.includes('/dist/segment-kit.bundle.js'), 'the page loads the bundle');
    assert.deepEqual(errors, [], 'no errors in the console');
    await page.close();
  });
});
