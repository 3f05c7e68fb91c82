// The React example. In your app, `segment-kit/*` resolves from node_modules; here the aliases
// point at this repository's sources, so the example builds without building the kit first.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: /^segment-kit\/(core|sample|react)$/, replacement: src('$1/index.ts') },
      { find: /^segment-kit\/themes\/(.*)$/, replacement: src('themes/$1') },
    ],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
});
