/** For the examples' smoke tests: a directory served on loopback, and Chromium through playwright-core. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without types
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome.mjs';

export const chrome = (findChrome as () => string | undefined)();

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Serve `root` on 127.0.0.1; `loaded` lists the paths asked for. */
export async function serveDir(root: string): Promise<{ origin: string; server: Server; loaded: string[] }> {
  const loaded: string[] = [];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    loaded.push(path);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, loaded };
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
