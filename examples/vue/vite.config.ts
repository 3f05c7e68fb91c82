// The Vue example. Vue renders the kit's tags as custom elements (not as Vue components) once
// `isCustomElement` says which tags they are. In your app, `segment-kit/*` resolves from
// node_modules; here the aliases point at this repository's sources, so the example builds
// without building the kit first.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** The kit's tags: every one has a hyphen and one of these names. */
const SEGMENT_KIT_TAGS = new Set([
  'condition-row',
  'group-operator',
  'member-preview',
  'quick-segment',
  'segment-builder',
  'segment-list',
  'segment-overlap',
  'segment-provider',
  'segment-workspace',
  'trend-chart',
]);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => SEGMENT_KIT_TAGS.has(tag) } } })],
  resolve: {
    alias: [
      { find: /^segment-kit\/elements\/([a-z-]+)$/, replacement: src('elements/$1/index.ts') },
      { find: /^segment-kit\/(core|sample)$/, replacement: src('$1/index.ts') },
      { find: /^segment-kit\/themes\/(.*)$/, replacement: src('themes/$1') },
    ],
  },
  build: { target: 'es2022' },
});
