/**
 * examples/html, smoke-tested as a person would open it: the no-build bundle
 * (dist/segment-kit.bundle.js, built here by scripts/bundle.mjs) served from loopback and
 * opened in Chromium. The builder and the preview render members from the memory provider,
 * an edit in the builder fires segment-change (the page shows it), chart.js is not loaded by
 * a page without <trend-chart> but is when one is added, and nothing is logged as an error.
 */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without types
import { bundle } from '../../scripts/bundle.mjs';
import { chrome, launchChrome, previewRows, serveDir, watchedPage } from './helpers/page.js';

describe('examples/html: the no-build bundle in a plain page', { skip: chrome ? false : 'no Chromium found (CHROME_PATH)' }, () => {
  let served: Awaited<ReturnType<typeof serveDir>>;
  let server: Server | undefined;
  let browser: Browser | undefined;

  before(async () => {
    await (bundle as (dir: string) => Promise<string>)('dist');
    cpSync('src/themes', 'dist/themes', { recursive: true });
    served = await serveDir(process.cwd());
    server = served.server;
    browser = await launchChrome();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('renders the builder and the members, and an edit arrives as segment-change', async () => {
    const { page, errors } = await watchedPage(browser!);
    await page.goto(`${served.origin}/examples/html/index.html`);
    // The preview's rows: members of "spent over 500" from the memory provider.
    await page.waitForFunction(
      () => (document.querySelector('member-preview')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0) > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    const rows = await previewRows(page);
    assert.ok(rows > 0 && rows <= 10, `the preview shows up to 10 members (${rows})`);
    const display = page.locator('segment-builder #prop-displayName');
    await display.click();
    await display.press('End');
    await display.pressSequentially('!');
    await page.waitForFunction(() => document.getElementById('last-change')?.textContent === 'Customers who spent over 500!', null, {
      timeout: 5000,
    });
    assert.ok(!served.loaded.some((p) => /chart/.test(p)), `chart.js is loaded only with <trend-chart>: ${served.loaded.join(', ')}`);
    assert.ok(served.loaded.includes('/dist/segment-kit.bundle.js'), 'the page loads the bundle');
    // A <trend-chart> added later loads chart.js then, from the chunk next to the bundle.
    await page.evaluate(async (url) => {
      const { createSampleProvider } = (await import(url)) as typeof import('../../src/bundle.js');
      const provider = createSampleProvider({ customers: 200 });
      const chart = document.createElement('trend-chart');
      chart.provider = provider;
      chart.segmentId = (await provider.listSegments()).items[0]!.id;
      document.querySelector('main')!.append(chart);
    }, '/dist/segment-kit.bundle.js');
    await page.waitForFunction(() => !!document.querySelector('trend-chart')?.shadowRoot?.querySelector('canvas'), null, {
      timeout: 10_000,
    });
    assert.ok(served.loaded.includes('/dist/bundle/chart.js'), `chart.js comes on demand: ${served.loaded.join(', ')}`);
    // German from the table beside the bundle: registered, then the page's lang switched live.
    await page.evaluate(
      async ([bundleUrl, deUrl]) => {
        const { registerLocale } = (await import(bundleUrl!)) as typeof import('../../src/bundle.js');
        const { de } = (await import(deUrl!)) as typeof import('../../src/core/messages/de/index.js');
        registerLocale('de', de);
        document.documentElement.lang = 'de';
      },
      ['/dist/segment-kit.bundle.js', '/dist/bundle/locales/de.js'],
    );
    await page.waitForFunction(() => document.querySelector('segment-builder')?.shadowRoot?.textContent.includes('Rückgängig'), null, {
      timeout: 5_000,
    });
    assert.ok(served.loaded.includes('/dist/bundle/locales/de.js'), 'the German table loads from beside the bundle');
    assert.deepEqual(errors, [], 'no errors in the console');
    await page.close();
  });
});
