// `npm run bundle`: dist/segment-kit.bundle.js, one ES module with Lit and every element in it,
// for pages without a build step (<script type="module">, an import map, a CDN). chart.js is the
// one part loaded on demand: dist/bundle/chart.js, which <trend-chart> imports when first shown.
// Everything else the elements load lazily in an app build is inside the one file. The German
// table is dist/bundle/locales/de.js (`registerLocale('de', de)`). Run after `npm run build` or alone.
import { build } from 'vite';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { templatesPlugin } from './minify-templates.mjs';

const common = (outDir, emptyOutDir) => ({
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [templatesPlugin()],
  build: { outDir, emptyOutDir, target: 'es2022', minify: true, sourcemap: false, modulePreload: false, copyPublicDir: false },
});

// Not Vite's library mode: it leaves the whitespace of ES output unminified.
const entry = (input, file) => ({
  input,
  preserveEntrySignatures: 'strict',
  output: { format: 'es', entryFileNames: file, inlineDynamicImports: true },
});

/** Write the bundle into `outDir` (default dist/): `<outDir>/segment-kit.bundle.js` and `<outDir>/bundle/chart.js`. */
export async function bundle(outDir = 'dist') {
  // 1. The chart chunk on its own: chart.js and the trend chart's drawing code.
  const chart = common(`${outDir}/bundle`, false);
  await build({
    ...chart,
    build: { ...chart.build, rolldownOptions: entry('src/elements/trend-chart/chart.ts', 'chart.js') },
  });
  // 2. Everything else in one file; the trend chart's `import('./chart.js')` points at that chunk.
  const main = common(outDir, false);
  await build({
    ...main,
    plugins: [
      ...main.plugins,
      {
        name: 'segment-kit-chart-chunk',
        enforce: 'pre',
        resolveId(source, importer) {
          if (source === './chart.js' && importer && /trend-chart[/\\]plot\.ts$/.test(importer))
            return { id: './bundle/chart.js', external: true };
          return null;
        },
      },
    ],
    build: {
      ...main.build,
      rolldownOptions: entry('src/bundle.ts', 'segment-kit.bundle.js'),
    },
  });
  // 3. Each language table beside it, standalone (a table has no imports the bundle must share).
  const locales = common(`${outDir}/bundle/locales`, false);
  await build({
    ...locales,
    build: { ...locales.build, rolldownOptions: entry('src/core/messages/de/index.ts', 'de.js') },
  });
  return `${outDir}/segment-kit.bundle.js`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = await bundle();
  const kib = (f) =>
    `${(statSync(f).size / 1024).toFixed(1)} KiB, ${(gzipSync(readFileSync(f), { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`;
  console.log(`bundle: ${file} (${kib(file)}); chart.js on demand: dist/bundle/chart.js (${kib('dist/bundle/chart.js')})`);
}
