// `npm run bundle`: dist/segment-kit.bundle.js, one ES module with Lit and every element in it,
// for pages without a build step (<script type="module">, an import map, a CDN). Dynamic imports
// (chart.js, the picker's popups, the virtualizer) stay chunks of their own in dist/bundle/, loaded
// on demand next to it. Run after `npm run build` or alone.
import { build } from 'vite';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Write the bundle into `outDir` (default dist/): `<outDir>/segment-kit.bundle.js` and `<outDir>/bundle/`. */
export async function bundle(outDir = 'dist') {
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      lib: { entry: 'src/bundle.ts', formats: ['es'], fileName: () => 'segment-kit.bundle.js' },
      rolldownOptions: { output: { chunkFileNames: 'bundle/[name]-[hash].js' } },
    },
  });
  return `${outDir}/segment-kit.bundle.js`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = await bundle();
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  console.log(
    `bundle: ${file} (${(statSync(file).size / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped), chunks in dist/bundle/`,
  );
}
