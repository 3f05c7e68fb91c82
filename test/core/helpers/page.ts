/** For the examples' smoke tests: a directory served on loopback, and Chromium through playwright-core. */
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without types
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome.mjs';
// @ts-expect-error -- a plain .mjs script without types
import { serveStatic } from '../../../scripts/static-server.mjs';

export const chrome = (findChrome as () => string | undefined)();

/** Serve `root` on 127.0.0.1; `loaded` lists the paths asked for. */
export async function serveDir(root: string): Promise<{ origin: string; server: Server; loaded: string[] }> {
  const loaded: string[] = [];
  const served = (await serveStatic(root, { onFile: (path: string) => loaded.push(path) })) as { url: string; server: Server };
  return { origin: served.url, server: served.server, loaded };
}

export function launchChrome(): Promise<Browser> {
  return chromium.launch({ executablePath: chrome, args: (CHROME_ARGS as string[]).filter((a) => !a.startsWith('--headless')) });
}

/** A new page that collects uncaught errors and console errors. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/** How many member rows a `<member-preview>` on the page shows. */
export const previewRows = (page: Page) =>
  page.evaluate(() => document.querySelector('member-preview')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0);
