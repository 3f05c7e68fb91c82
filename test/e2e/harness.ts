/**
 * What the end-to-end tests share: the built Storybook served on 127.0.0.1, Debian Chromium
 * through playwright-core, pages that collect their errors, and where screenshots go.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain JavaScript scripts without types
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
// @ts-expect-error: plain JavaScript scripts without types
import { serveStatic as serveStaticUntyped } from '../../scripts/static-server.mjs';

export const STORYBOOK = 'storybook-static';
export const SHOTS = 'test-results/e2e';

export interface Served {
  url: string;
  close(): Promise<void>;
}
export const serveStatic = serveStaticUntyped as (root: string, opts?: { headers?: Record<string, string> }) => Promise<Served>;

export interface Harness {
  browser: Browser;
  context: BrowserContext;
  storybook: Served;
  close(): Promise<void>;
}

/** The Storybook build served, and a browser context (1280 × 900) that accepts downloads. */
export async function openHarness(): Promise<Harness> {
  if (!existsSync(join(STORYBOOK, 'index.json'))) throw new Error('No Storybook build: run `npm run build-storybook` first.');
  mkdirSync(SHOTS, { recursive: true });
  const storybook = await serveStatic(STORYBOOK);
  const browser = await chromium.launch({
    executablePath: ensureChrome(),
    args: (CHROME_ARGS as string[]).filter((a) => !a.startsWith('--headless')),
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // The Blob download path (browsers without the File System Access picker), which Playwright sees as a download.
  await context.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  // tsx compiles these files with esbuild's keepNames: functions evaluated in the page call its `__name` helper.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  return {
    browser,
    context,
    storybook,
    close: async () => {
      await browser.close();
      await storybook.close();
    },
  };
}

/** A new page whose uncaught errors, console errors and failed requests (but the favicon) are collected in `errors`. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ResizeObserver loop|Failed to load resource/.test(m.text())) errors.push(`console error: ${m.text()}`);
  });
  return { page, errors };
}

/** Evaluated in the page: the workspace's own provider (the story's). */
export type WorkspaceInPage = { provider: import('../../src/core/index.js').SegmentProvider };
