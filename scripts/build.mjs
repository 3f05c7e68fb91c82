// `npm run build`: dist/ (ES modules + .d.ts, one file per module so every entry point
// tree-shakes) and custom-elements.json. Then checks that segment-kit/core, the providers
// and the sample data load in plain Node and pull in no DOM-bound code.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { templatesTransformer } from './minify-templates.mjs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

rmSync('dist', { recursive: true, force: true });
// tsc, with Lit's templates minified on the way (scripts/minify-templates.mjs), source maps kept right.
{
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
  const config = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', {}, host);
  if (!config) process.exit(1);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  const emitted = program.emit(undefined, undefined, undefined, false, { before: [templatesTransformer] });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length) {
    report(diagnostics);
    process.exit(1);
  }
}
function report(diagnostics) {
  console.error(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
      getNewLine: () => ts.sys.newLine,
    }),
  );
}
cpSync('src/themes', 'dist/themes', { recursive: true });
run(process.execPath, [
  'node_modules/@custom-elements-manifest/analyzer/cem.js',
  'analyze',
  '--litelement',
  '--globs',
  'src/elements/**/*.ts',
  '--outdir',
  '.',
]);
// VS Code custom data from the manifest.
run(process.execPath, ['scripts/vscode-data.mjs']);

// segment-kit/core, the providers and the sample data must stay free of Lit and the DOM.
function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.js') ? [p] : [];
  });
}
const NO_DOM_DIRS = ['dist/core', 'dist/providers', 'dist/sample', 'dist/testing'];
const DOM_IMPORT =
  /(?:from\s*|import\s*\(?\s*)['"](?:lit(?:\/[^'"]*)?|@lit\/[^'"]*|@floating-ui\/[^'"]*|chart\.js(?:\/[^'"]*)?|[^'"]*\/elements\/[^'"]*)['"]/;
const offenders = NO_DOM_DIRS.flatMap(walk).filter((f) => DOM_IMPORT.test(readFileSync(f, 'utf8')));
if (offenders.length) {
  console.error(
    `segment-kit/core, the providers and the sample data must not import Lit, DOM libraries or elements: ${offenders.join(', ')}`,
  );
  process.exit(1);
}
// Each loads in plain Node (no DOM globals at import time) and has its main export.
const NODE_ENTRIES = [
  ['dist/core/index.js', 'parseSegment'],
  ['dist/providers/memory/index.js', 'createMemoryProvider'],
  ['dist/sample/index.js', 'createSampleDataset'],
  ['dist/providers/http/index.js', 'createHttpProvider'],
  ['dist/providers/sql/index.js', 'createSqlProvider'],
  ['dist/testing/index.js', 'runProviderContract'],
];
for (const [entry, name] of NODE_ENTRIES) {
  const probe = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import('./${entry}'); if (typeof m.${name} !== 'function') process.exit(2);`],
    { stdio: 'inherit' },
  );
  if (probe.status !== 0) {
    console.error(`${entry} does not load in plain Node (or has no ${name}).`);
    process.exit(1);
  }
}
// Every path package.json "exports" names must exist (elements/*: for each element folder; other "*" patterns: their folder).
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const elementFolders = readdirSync('dist/elements').filter((n) => n !== 'shared');
const missing = Object.values(pkg.exports)
  .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
  .flatMap((target) => (target.includes('/elements/*') ? elementFolders.map((n) => target.replace('*', n)) : [target.replace(/\/\*$/, '')]))
  .filter((target) => !existsSync(target));
if (missing.length) {
  console.error(`package.json "exports" names files the build did not write: ${missing.join(', ')}`);
  process.exit(1);
}
// segment-kit/memory/worker starts dist/providers/memory/worker-main.js by a URL bundlers can follow, and
// keeps the engine and the store out of the page: nothing it imports reaches the memory provider.
const workerEntry = 'dist/providers/memory/worker.js';
if (!readFileSync(workerEntry, 'utf8').includes("new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' })")) {
  console.error(
    `${workerEntry} no longer starts its worker with new Worker(new URL('./worker-main.js', import.meta.url), { type: 'module' }).`,
  );
  process.exit(1);
}
const reached = new Set();
const follow = (file) => {
  if (reached.has(file)) return;
  reached.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"](\.[^'"]+\.js)['"]/gm))
    follow(join(file, '..', spec));
};
follow(workerEntry);
const heavy = [...reached].filter((f) => /memory-provider\.js$|evaluate[/\\]|sample[/\\]/.test(f));
if (heavy.length) {
  console.error(`segment-kit/memory/worker must not load the engine on the page, but imports ${heavy.join(', ')}`);
  process.exit(1);
}
// The no-build bundle next to the modules.
run(process.execPath, ['scripts/bundle.mjs']);
console.log(
  'build: dist/ (and dist/segment-kit.bundle.js) and custom-elements.json written; core, providers/memory and sample load in plain Node; every export resolves.',
);
