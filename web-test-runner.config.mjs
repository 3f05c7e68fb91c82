// Element tests in Chromium (Debian's by default; CHROME_PATH overrides).
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { CHROME_ARGS, findChrome } from './scripts/chrome.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/** The reference backend for the element tests on `createHttpProvider` (server/test-backend.ts), made on the first request. */
let backend;
function httpBackend() {
  backend ??= tsImport('./server/test-backend.ts', import.meta.url).then((m) => m.createTestBackend('/sk-api/v1'));
  return backend;
}

/**
 * React is CommonJS. For the React wrappers' test (test/elements/react.test.ts), `react`,
 * `react-dom` and `react-dom/client` are served from one ESM bundle that esbuild makes on first
 * use (one React instance), each module giving the package's exports as its default export.
 */
const REACT = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };
let reactBundle;
const reactPlugin = {
  name: 'react-esm',
  resolveImport({ source }) {
    if (Object.hasOwn(REACT, source)) return `/__react__/${REACT[source]}.js`;
  },
  async serve(context) {
    if (!context.path.startsWith('/__react__/')) return;
    const name = context.path.slice('/__react__/'.length, -3);
    if (name === 'bundle') {
      reactBundle ??= build({
        stdin: {
          contents:
            "import React from 'react'; import ReactDOM from 'react-dom'; import Client from 'react-dom/client'; export { React, ReactDOM, Client };",
          resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        },
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"production"' },
      }).then((r) => r.outputFiles[0].text);
      return { body: await reactBundle, type: 'js' };
    }
    const pick = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom-client': 'Client' }[name];
    if (pick) return { body: `import { ${pick} } from '/__react__/bundle.js';\nexport default ${pick};`, type: 'js' };
  },
};

export default {
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  hostname: '127.0.0.1',
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // A worker's URL (`new URL('./worker-main.js', import.meta.url)`) is fetched, not imported, so the
  // esbuild plugin's import rewriting never sees it: serve src/**/x.ts for a missing src/**/x.js.
  middleware: [
    async (context, next) => {
      if (!context.path.startsWith('/sk-api/')) return next();
      const listener = await httpBackend();
      context.respond = false; // the Node adapter writes the answer itself
      await new Promise((resolve) => {
        context.res.on('close', resolve);
        listener(context.req, context.res);
      });
    },
    (context, next) => {
      const path = context.path;
      if (path.startsWith('/src/') && path.endsWith('.js')) {
        const ts = `${path.slice(0, -3)}.ts`;
        if (
          !existsSync(fileURLToPath(new URL(`.${path}`, import.meta.url))) &&
          existsSync(fileURLToPath(new URL(`.${ts}`, import.meta.url)))
        )
          context.url = ts + context.search;
      }
      return next();
    },
  ],
  plugins: [
    reactPlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // The templates minified as the package build minifies them: the tests run what ships.
    {
      name: 'minify-templates',
      transform(context) {
        if (context.path.startsWith('/src/') && typeof context.body === 'string') return { body: minifyTemplates(context.body) };
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChrome(), args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')), headless: true },
    }),
  ],
};
