/**
 * examples/react, smoke-tested: it type-checks (typed end to end: element properties and
 * `on…` event props), builds with Vite, and in Chromium the builder and the preview render;
 * an edit flows through React state (the heading follows it) and Save arrives as
 * `onSegmentSaved` with the summary.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { chrome, launchChrome, previewRows, serveDir, watchedPage } from './helpers/page.js';

describe('examples/react: the wrappers in a Vite React app', { skip: chrome ? false : 'no Chromium found (CHROME_PATH)' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'sk-react-example-'));
  let served: Awaited<ReturnType<typeof serveDir>>;
  let server: Server | undefined;
  let browser: Browser | undefined;

  before(async () => {
    await build({ configFile: 'examples/react/vite.config.ts', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    served = await serveDir(out);
    server = served.server;
    browser = await launchChrome();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('type-checks', () => {
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'examples/react/tsconfig.json'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('renders, an edit flows through React state, and Save arrives as onSegmentSaved', async () => {
    const { page, errors } = await watchedPage(browser!);
    await page.goto(served.origin + '/');
    await page.waitForFunction(
      () => (document.querySelector('member-preview')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0) > 0,
      null,
      {
        timeout: 20_000,
      },
    );
    assert.ok((await previewRows(page)) > 0, 'the preview shows members');
    const display = page.locator('segment-builder #prop-displayName');
    await display.click();
    await display.press('End');
    await display.pressSequentially(' (VIP)');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Gold customers in Paris (VIP)', null, {
      timeout: 5000,
    });
    // The segment goes round React state and back into the builder: its undo history stays.
    assert.ok(await page.locator('segment-builder').getByRole('button', { name: 'Undo' }).isEnabled(), 'Undo is offered after the edit');
    await page.locator('segment-builder').getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(
      () => /^Gold customers in Paris \(VIP\), as ".+"$/.test(document.getElementById('saved')?.textContent ?? ''),
      null,
      {
        timeout: 5000,
      },
    );
    assert.deepEqual(errors, [], 'no errors in the console');
    await page.close();
  });
});
