/**
 * `npm run bench:size` — min+gzip size of each entry point, beside React + ReactDOM +
 * react-querybuilder, and what the element entry is made of.
 *
 * Each entry is a tiny virtual module bundled by Vite (rolldown) in production mode:
 * minified (oxc), ES2022, every dependency bundled in (Lit included), gzipped with
 * node:zlib at level 9. `import 'segment-kit'` is a side-effect-only import of
 * src/index.ts, as a host registers the elements, so exports it does not use
 * tree-shake away; "every export" keeps them all (`export *`). SPEC section 7 (revised
 * 2026-12-01): per entry point, min+gzip including Lit, what a page downloads before its
 * first interaction ("first load": the entry chunk and the chunks it imports statically;
 * dynamic imports load on use) is at most 45 KiB for `segment-kit/elements/segment-builder`
 * and at most 30 KiB for each page element; adding elements never grows another element's
 * entry.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { templatesPlugin } from '../scripts/minify-templates.mjs';
import { build, minifySync, type Plugin, type Rolldown } from 'vite';
import { table } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const src = (p: string) => JSON.stringify(fileURLToPath(new URL(`../src/${p}`, import.meta.url)));

/** SPEC section 7's first-load bars, per element entry (`import 'segment-kit/elements/<tag>'`), in bytes. */
export const FIRST_LOAD_TARGETS: Record<string, number> = {
  'segment-builder': 45 * 1024,
  // The page elements (`trend-chart`: 30 KiB plus chart.js's tree-shaken line chart, not counted here).
  'segment-list': 30 * 1024,
  'member-preview': 30 * 1024,
  'segment-overlap': 30 * 1024,
  'quick-segment': 30 * 1024,
  'trend-chart': 30 * 1024,
  // Every view loads on first use (dynamic imports), the list too: the shell, routing, the dialog and the draft.
  'segment-workspace': 30 * 1024,
};

interface Entry {
  key: string;
  label: string;
  code: string;
  /** Left out of the bundle (a reference row that measures one package without its peers). */
  external?: string[];
}

/** Every `src/elements/<name>/define.ts`: what `import 'segment-kit'` is meant to register. */
const DEFINES = readdirSync(new URL('../src/elements/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(new URL(`../src/elements/${d.name}/define.ts`, import.meta.url)))
  .map((d) => `elements/${d.name}/define.ts`);
/** The tags the element entries must register (checked in the minified output). */
const TAGS = DEFINES.map((d) => d.split('/')[1]!);

/** Lit with the decorators and directives the elements use, @lit/context, @lit/task and the popover's Floating UI functions. */
const DEPS = `import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import { Task } from '@lit/task';
import * as floating from ${src('elements/shared/controllers/floating-ui.ts')};`;
const DEPS_KEPT =
  'LitElement, html, css, nothing, property, state, repeat, live, ContextConsumer, ContextProvider, createContext, Task, floating';

const ENTRIES: Entry[] = [
  { key: 'elements', label: "import 'segment-kit' (registers the elements)", code: `import ${src('index.ts')};` },
  {
    key: 'defines',
    label: `every elements/*/define.ts (${TAGS.length} tags)`,
    code: DEFINES.map((d) => `import ${src(d)};`).join('\n'),
  },
  ...TAGS.map((t) => ({
    key: `element:${t}`,
    label: `import 'segment-kit/elements/${t}'`,
    code: `import ${src(`elements/${t}/index.ts`)};`,
  })),
  { key: 'all', label: 'segment-kit, every export kept', code: `export * from ${src('index.ts')};` },
  { key: 'core', label: 'segment-kit/core', code: `export * from ${src('core/index.ts')};` },
  { key: 'memory', label: 'segment-kit/memory', code: `export * from ${src('providers/memory/index.ts')};` },
  { key: 'sample', label: 'segment-kit/sample', code: `export * from ${src('sample/index.ts')};` },
  {
    key: 'lit',
    label: '(reference) Lit alone: one LitElement',
    code: `import { LitElement, html } from 'lit';
customElements.define('x-probe', class extends LitElement { render() { return html\`<p>\${this.id}</p>\`; } });`,
  },
  {
    key: 'deps',
    label: '(reference) Lit, @lit/context, @lit/task, Floating UI',
    // The dependencies the design card and issue 4 name, as the elements use them.
    code: `${DEPS}\nglobalThis.keep = [${DEPS_KEPT}];`,
  },
  {
    key: 'floor',
    label: '(reference) the same + the core the builder runs',
    // The same dependencies and the core the builder runs: parse and validate (malformed
    // input, problems next to rows), every edit operation, undo, describe. No element code.
    code: `${DEPS}
import * as edit from ${src('core/model/edit.ts')};
import * as catalog from ${src('core/model/catalog.ts')};
import * as operators from ${src('core/model/operators.ts')};
import { SegmentHistory } from ${src('core/model/history.ts')};
import { describeSegment } from ${src('core/model/describe.ts')};
import { parseSegment } from ${src('core/validate/parse.ts')};
import { validateSegment } from ${src('core/validate/validate.ts')};
globalThis.keep = [${DEPS_KEPT}, edit, catalog, operators, SegmentHistory, describeSegment, parseSegment, validateSegment];`,
  },
  {
    key: 'rqb-alone',
    label: '(reference) react-querybuilder alone (React left out)',
    code: `export { QueryBuilder } from 'react-querybuilder';`,
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
  },
  {
    key: 'rqb',
    label: 'React + ReactDOM + react-querybuilder',
    code: `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryBuilder } from 'react-querybuilder';
createRoot(document.getElementById('root')).render(
  createElement(QueryBuilder, { fields: [{ name: 'City', label: 'City' }, { name: 'CreditBalance', label: 'Credit balance', inputType: 'number' }] }),
);`,
  },
];

const ENTRY_ID = 'virtual:size-entry';

/** How many of the first load's largest modules to list (`npm run bench:size -- --modules 40`; 12 by default). */
const modulesFlag = process.argv.indexOf('--modules');
const TOP_MODULES = modulesFlag >= 0 ? Number(process.argv[modulesFlag + 1]) || Infinity : 12;

function virtualEntry(code: string): Plugin {
  return {
    name: 'size-entry',
    enforce: 'pre',
    resolveId(id) {
      return id === ENTRY_ID ? `\0${ENTRY_ID}` : undefined;
    },
    load(id) {
      return id === `\0${ENTRY_ID}` ? code : undefined;
    },
  };
}

const gz = (s: string | Uint8Array) => gzipSync(s, { level: constants.Z_BEST_COMPRESSION }).length;

/**
 * An entry that exports keeps its signature (`'strict'`, as a library build does); a page's
 * entry (side-effect imports only) is bundled as Vite bundles an app (`false`, Vite's
 * default), where code shared with lazy chunks may live in the entry chunk instead of in
 * extra chunks of the first load.
 */
const entrySignature = (code: string): 'strict' | false => (/^export\b/m.test(code) ? 'strict' : false);

async function bundle(code: string, external: string[] = []): Promise<Rolldown.OutputChunk[]> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [virtualEntry(code), templatesPlugin()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: ENTRY_ID,
        external,
        preserveEntrySignatures: entrySignature(code),
        output: { format: 'es' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output.filter((c): c is Rolldown.OutputChunk => c.type === 'chunk'));
}

/** Which package (node_modules) or project folder a module belongs to. */
function ownerOf(id: string): string {
  if (id.startsWith('\0')) return '(entry)';
  const nm = id.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = id.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return dirname(relative(ROOT, id.split('?')[0]!));
}

export interface SizeRow {
  key: string;
  label: string;
  /** Minified bytes (all chunks). */
  min: number;
  /** Minified + gzip (level 9) bytes (all chunks, each gzipped alone). */
  gzip: number;
  chunks: number;
  /** Minified + gzip of what a page downloads before anything is used: the entry chunk and the chunks it imports statically. */
  firstGzip: number;
  /** For the element entries: the kit's tags the bundle does not register. */
  missingTags: string[];
  /** Of the first load, by owner: rendered bytes before minifying, and each group minified + gzipped alone. */
  contributors: { owner: string; modules: number; rendered: number; minGzip: number }[];
  /** The biggest single modules of the first load, each minified + gzipped alone. */
  topModules: { id: string; minGzip: number }[];
  /** The chunks loaded on use (dynamic imports), each gzipped, with their biggest modules. */
  lazyChunks: { name: string; gzip: number; modules: string[] }[];
}

function minGzipOf(name: string, code: string): number {
  try {
    return gz(minifySync(name, code, { module: true, compress: false, mangle: true }).code);
  } catch {
    return gz(code); // Unminified: an upper bound.
  }
}

/** The entry chunk and every chunk it imports statically (dynamic imports load later, on use). */
function firstLoad(chunks: Rolldown.OutputChunk[]): Rolldown.OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<Rolldown.OutputChunk>();
  const visit = (c: Rolldown.OutputChunk | undefined) => {
    if (!c || seen.has(c)) return;
    seen.add(c);
    for (const name of c.imports) visit(byName.get(name));
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  return [...seen];
}

/** The tags an entry must register: all of them for the kit, its own for an element entry. */
function expectedTags(key: string): string[] {
  if (key === 'elements' || key === 'defines') return TAGS;
  return key.startsWith('element:') ? [key.slice('element:'.length)] : [];
}

export async function measureSizes(keys?: string[]): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const entry of ENTRIES.filter((e) => !keys || keys.includes(e.key))) {
    const chunks = await bundle(entry.code, entry.external);
    const first = firstLoad(chunks);
    const groups = new Map<string, { modules: number; rendered: number; code: string[] }>();
    for (const chunk of first) {
      for (const [id, m] of Object.entries(chunk.modules)) {
        if (m.renderedLength === 0) continue;
        const owner = ownerOf(id);
        const g = groups.get(owner) ?? { modules: 0, rendered: 0, code: [] };
        g.modules++;
        g.rendered += m.renderedLength;
        if (m.code) g.code.push(m.code);
        groups.set(owner, g);
      }
    }
    const contributors = [...groups].map(([owner, g]) => ({
      owner,
      modules: g.modules,
      rendered: g.rendered,
      minGzip: minGzipOf(`${owner}.js`, g.code.join('\n')),
    }));
    contributors.sort((a, b) => b.minGzip - a.minGzip);
    const moduleName = (id: string) => (id.startsWith('\0') ? id.slice(1) : relative(ROOT, id));
    const topModules = first
      .flatMap((c) => Object.entries(c.modules))
      .filter(([, m]) => m.code)
      .map(([id, m]) => ({ id: moduleName(id), minGzip: minGzipOf('m.js', m.code!) }))
      .sort((a, b) => b.minGzip - a.minGzip)
      .slice(0, TOP_MODULES);
    const lazyChunks = chunks
      .filter((c) => !first.includes(c))
      .map((c) => ({
        name: c.name,
        gzip: gz(c.code),
        modules: Object.entries(c.modules)
          .filter(([, m]) => m.renderedLength > 0)
          .sort(([, a], [, b]) => b.renderedLength - a.renderedLength)
          .map(([id]) => moduleName(id)),
      }))
      .sort((a, b) => b.gzip - a.gzip);
    rows.push({
      key: entry.key,
      label: entry.label,
      min: chunks.reduce((s, c) => s + Buffer.byteLength(c.code), 0),
      gzip: chunks.reduce((s, c) => s + gz(c.code), 0),
      chunks: chunks.length,
      firstGzip: first.reduce((s, c) => s + gz(c.code), 0),
      missingTags: expectedTags(entry.key).filter((t) => !chunks.some((c) => new RegExp(`["'\`]${t}["'\`]`).test(c.code))),
      contributors,
      topModules,
      lazyChunks,
    });
  }
  return rows;
}

const kib = (b: number) => (process.env.SIZE_BYTES ? `${b} B` : `${(b / 1024).toFixed(1)} KiB`);

const isChartJs = (id: string) => id.includes('node_modules/chart.js/') || id.includes('node_modules/@kurkle/color/');

/**
 * chart.js loads only with `<trend-chart>`, on use: its lazy chunk's size, and the entries
 * that would download chart.js in their first load (none may) or carry it at all (only
 * those that register `<trend-chart>`, where it stays lazy).
 */
function printChartChunk(rows: SizeRow[]): void {
  const trend = rows.find((r) => r.key === 'element:trend-chart');
  if (!trend) return;
  const chunk = trend.lazyChunks.find((c) => c.modules.some(isChartJs));
  console.log(
    chunk
      ? `\n<trend-chart> loads chart.js on use (dynamic import): chunk "${chunk.name}" ${kib(chunk.gzip)} min+gzip ` +
          `(${chunk.modules.filter(isChartJs).length} chart.js modules, and ${chunk.modules.filter((m) => !isChartJs(m)).join(', ') || 'nothing else'}); ` +
          `first load plus that chunk: ${kib(trend.firstGzip + chunk.gzip)}.`
      : '\nWARNING: no lazy chart.js chunk found for <trend-chart>.',
  );
  const eager = rows.filter((r) => r.contributors.some((c) => c.owner === 'chart.js'));
  const withTrend = new Set(['element:trend-chart', 'element:segment-workspace', 'elements', 'defines', 'all']);
  const carrying = rows.filter((r) => !withTrend.has(r.key) && r.lazyChunks.some((c) => c.modules.some(isChartJs)));
  console.log(
    eager.length || carrying.length
      ? `WARNING: chart.js is in the first load of ${eager.map((r) => r.label).join(', ') || 'no entry'}` +
          ` and bundled by ${carrying.map((r) => r.label).join(', ') || 'no other entry'}.`
      : "chart.js is in no entry point's first load, and no entry without <trend-chart> bundles it at all.",
  );
}

export function printSizes(rows: SizeRow[]): void {
  const rqb = rows.find((r) => r.key === 'rqb');
  console.log('\nBundle size (Vite 8 / rolldown, minified with oxc, ES2022, all dependencies bundled, gzip -9)');
  console.log(
    table([
      ['entry', 'min', 'min+gzip', 'first load', 'vs React+RQB', 'chunks'],
      ...rows.map((r) => [
        r.label,
        kib(r.min),
        kib(r.gzip),
        kib(r.firstGzip),
        rqb && r !== rqb ? `${((r.gzip / rqb.gzip) * 100).toFixed(0)}%` : '',
        r.chunks,
      ]),
    ]),
  );
  const side = rows.find((r) => r.key === 'elements');
  const defines = rows.find((r) => r.key === 'defines');
  if (side && side.missingTags.length > 0) {
    const all = side.missingTags.length === TAGS.length;
    console.log(
      `\nWARNING: a bundler that honours package.json "sideEffects" drops the registration: "import 'segment-kit'" ` +
        `registers ${all ? 'NO element' : `no <${side.missingTags.join('>, <')}>`} ` +
        `(src/index.ts only re-exports; the elements' index.ts files that import define.ts are not listed as having side effects). ` +
        `The bars are checked on the element entries.`,
    );
  }
  for (const r of rows.filter((r) => r.key.startsWith('element:') && r.missingTags.length > 0)) {
    console.log(
      `\nWARNING: "${r.label}" does not register <${r.missingTags.join('>, <')}> in a production bundle (package.json "sideEffects").`,
    );
  }
  console.log('\nTargets (SPEC section 7, revised 2026-12-01: first load per entry, min+gzip including Lit):');
  const bars: string[][] = [];
  for (const r of rows.filter((r) => r.key.startsWith('element:'))) {
    const tag = r.key.slice('element:'.length);
    const target = FIRST_LOAD_TARGETS[tag];
    bars.push([
      `<${tag}>`,
      kib(r.firstGzip),
      target === undefined ? '(not a page element: reported only)' : `≤ ${kib(target)}`,
      target === undefined ? '' : r.firstGzip <= target ? 'MET' : 'NOT MET',
    ]);
  }
  for (const tag of Object.keys(FIRST_LOAD_TARGETS).filter((t) => !TAGS.includes(t)))
    bars.push([`<${tag}>`, '—', `≤ ${kib(FIRST_LOAD_TARGETS[tag]!)}`, '(not in the kit yet)']);
  console.log(table([['entry', 'first load', 'bar', ''], ...bars]));
  printChartChunk(rows);
  const el = rows.find((r) => r.key === 'element:segment-builder') ?? (side && side.missingTags.length === 0 ? side : defines);
  if (el) {
    const deps = rows.find((r) => r.key === 'deps');
    const floor = rows.find((r) => r.key === 'floor');
    const rqbAlone = rows.find((r) => r.key === 'rqb-alone');
    if (deps && floor && rqbAlone) {
      console.log(
        `For scale: Lit, @lit/context, @lit/task and the Floating UI functions the popover uses are ${kib(deps.gzip)}; with the core the builder runs ` +
          `(parse, validate, edit operations, undo, describe) and no element code at all, ${kib(floor.gzip)}; ` +
          `react-querybuilder's own code without React is ${kib(rqbAlone.gzip)}.`,
      );
    }
    const sum = el.contributors.reduce((s, c) => s + c.minGzip, 0);
    console.log(
      `\nWhat the first load of "${el.label}" is made of (each group minified (whitespace + names) and gzipped alone; share scaled to the real ${kib(el.firstGzip)}):`,
    );
    console.log(
      table([
        ['package / folder', 'modules', 'rendered', 'min+gzip alone', '≈ share'],
        ...el.contributors.map((c) => [
          c.owner,
          c.modules,
          kib(c.rendered),
          kib(c.minGzip),
          `${kib((c.minGzip / sum) * el.firstGzip)} (${((c.minGzip / sum) * 100).toFixed(0)}%)`,
        ]),
      ]),
    );
    console.log('\nLargest modules of the first load (each minified + gzipped alone):');
    console.log(table([['module', 'min+gzip alone'], ...el.topModules.map((m) => [m.id, kib(m.minGzip)])]));
    console.log('\nLoaded on use (dynamic imports, not in the first load):');
    const short = (ms: string[]) =>
      ms
        .slice(0, 3)
        .map((m) => m.replace(/^node_modules\//, ''))
        .join(', ') + (ms.length > 3 ? ` (+${ms.length - 3})` : '');
    console.log(table([['chunk', 'min+gzip', 'modules'], ...el.lazyChunks.map((c) => [c.name, kib(c.gzip), short(c.modules)])]));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  printSizes(await measureSizes());
  console.log(`\n(bench:size took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
