/**
 * Shared by bench/ui/run.ts and bench/ui/profile.ts: build the two bench pages with Vite,
 * serve them on 127.0.0.1, and launch Debian's Chromium (playwright-core) with the flags
 * the measurements need (forced GC, precise heap numbers).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));

export const LIBS = [
  { key: 'sk', name: 'segment-kit', page: 'segment-kit.html' },
  { key: 'rqb', name: 'react-querybuilder', page: 'react-querybuilder.html' },
] as const;
export type Lib = (typeof LIBS)[number];
export type LibKey = Lib['key'];

export interface BuildOptions {
  minify?: boolean;
  /** The pages' folder (default: bench/ui/pages). */
  root?: string;
  /** Entry name → HTML file (default: the two bench:ui pages). */
  input?: Record<string, string>;
  /** The output folder's name under node_modules/.cache (default `segment-kit-bench-ui`). */
  name?: string;
}

/**
 * Build the pages (default: bench:ui's two) in production mode. `minify: false` also writes source maps, so profiles
 * can name the source module and line. Returns the output folder.
 */
export async function buildPages(options: BuildOptions = {}): Promise<string> {
  const minify = options.minify ?? true;
  const root = options.root ?? PAGES;
  const input = options.input ?? Object.fromEntries(LIBS.map((l) => [l.key, join(PAGES, l.page)]));
  const out = join(ROOT, `node_modules/.cache/${options.name ?? 'segment-kit-bench-ui'}${minify ? '' : '-dev'}`);
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      sourcemap: !minify,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input },
    },
  });
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** A tiny static server for `dir` on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** Debian's Chromium (or CHROME_PATH), headless, with gc() exposed and unquantized performance.memory. */
export async function launch(): Promise<Browser> {
  // scripts/chrome.mjs is plain JavaScript without types: import it by URL.
  const chromeModule = new URL('../../scripts/chrome.mjs', import.meta.url).href;
  const { CHROME_ARGS, ensureChrome } = (await import(chromeModule)) as { CHROME_ARGS: string[]; ensureChrome: () => string };
  const args = [
    ...CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ];
  return chromium.launch({ executablePath: ensureChrome(), args });
}

export const VIEWPORT = { width: 1280, height: 1000 };
