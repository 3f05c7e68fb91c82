/**
 * The published package as an integrator installs it (after `npm run build`, as CI does;
 * skipped otherwise): the `npm pack` tarball unpacked into a temporary consumer project's
 * node_modules (its dependencies linked from this repository's), then
 * - `tsc --noEmit` on a consumer that imports every entry point package.json "exports"
 *   names and uses the types (the elements in HTMLElementTagNameMap, typed event details,
 *   the React wrappers' event props), under `moduleResolution: bundler` and under `node16`
 *   in a `"type": "module"` project, with the package's own .d.ts checked too;
 * - every export resolves from the consumer in Node (themes, manifest and JSON files
 *   included), and the DOM-free entries load there;
 * - "sideEffects" lists every published module that registers an element and every entry
 *   imported for its registration, spares the DOM-free entries, and a production bundle
 *   of `import 'segment-kit/elements/<tag>'` (from the installed package) keeps each tag;
 * - publint finds no error or warning in the package.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(ROOT, 'dist/index.js')) && existsSync(join(ROOT, 'custom-elements.json'));

type Exports = Record<string, string | Record<string, string>>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Exports;
  sideEffects: string[];
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** The DOM-free entries: they load in plain Node and must tree-shake (not in "sideEffects"). */
const NODE_ENTRIES: Record<string, string> = {
  'segment-kit/core': 'parseSegment',
  'segment-kit/memory': 'createMemoryProvider',
  'segment-kit/memory/worker': 'createWorkerProvider',
  'segment-kit/http': 'createHttpProvider',
  'segment-kit/sql': 'createSqlProvider',
  'segment-kit/testing': 'runProviderContract',
  'segment-kit/sample': 'createSampleProvider',
  'segment-kit/locales/de': 'de',
};

/** A package.json "sideEffects" glob as a test on a package-relative path (bundler rules: no "/" matches any folder). */
function sideEffectGlob(pattern: string): (path: string) => boolean {
  const p = pattern.replace(/^\.\//, '');
  const body = p
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${p.includes('/') ? '' : '(?:.*/)?'}${body}$`);
  return (path) => re.test(path.replace(/^\.\//, ''));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** The consumer's code: a namespace import of every typed entry, then typed use. */
function consumerSource(specifiers: string[]): string {
  const imports = specifiers.map((s, i) => `import * as entry${i} from '${s}';`).join('\n');
  return `${imports}
// A side-effect import must resolve too (noUncheckedSideEffectImports).
import 'segment-kit/elements/segment-builder';
import 'segment-kit/memory/worker-main';
import { createElement } from 'react';
import { SegmentBuilderElement, createSampleProvider, type SegmentChangeEvent, type SegmentKitEventDetails } from 'segment-kit';
import { parseSegment, type SegmentDocument } from 'segment-kit/core';
import { createHttpProvider } from 'segment-kit/http';
import type { SegmentProvider } from 'segment-kit/core';
import { MemberPreviewElement } from 'segment-kit/elements/member-preview/class';
import { SegmentBuilder } from 'segment-kit/react';
import { runProviderContract } from 'segment-kit/testing';

export const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];

const builder: HTMLElementTagNameMap['segment-builder'] = document.createElement('segment-builder');
const asClass: SegmentBuilderElement = builder;
const provider: SegmentProvider = createSampleProvider({ customers: 10 });
asClass.provider = provider;
const parsed = parseSegment({ schemaVersion: 1, audience: 'Customer', rules: [] });
if (parsed.segment) builder.segment = parsed.segment;
// @ts-expect-error -- readonly is a boolean
builder.readonly = 'yes';
builder.addEventListener('segment-change', (event) => {
  const doc: SegmentDocument = event.detail.segment;
  const valid: boolean = event.detail.valid;
  // @ts-expect-error -- the detail is typed: it has no such field
  void event.detail.nope;
  void [doc, valid];
});
export const onChange = (event: SegmentChangeEvent): number => event.detail.errors.length;
export const savedId: SegmentKitEventDetails['segment-saved']['summary']['id'] = 'a-segment';
const preview = document.querySelector('member-preview');
if (preview instanceof MemberPreviewElement) preview.limit = 5;
export const limit: number | undefined = preview?.limit;
export const element = createElement(SegmentBuilder, {
  provider,
  onSegmentChange: (event) => void event.detail.segment.rules.length,
});
export const http = createHttpProvider({ baseUrl: '/api/segments' });
export const contract: Promise<{ failed: unknown[] }> = runProviderContract(() => createSampleProvider({ customers: 10 }));
`;
}

describe('the package in a consumer project', { skip: built ? false : 'not built: run `npm run build` first (CI does)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sk-consumer-'));
  const installed = join(dir, 'node_modules/segment-kit');
  let tags: string[] = [];
  /** Every specifier package.json "exports" offers, the "*" patterns expanded from the published files. */
  let specifiers: string[] = [];
  let checks: Record<'bundler' | 'node16', Promise<{ code: number; output: string }>>;

  before(() => {
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
    mkdirSync(installed, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
    // The package's dependencies and its peer (React, with its types), as npm would install them.
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), '@types/react']) {
      mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    }
    tags = readdirSync(join(installed, 'dist/elements')).filter(
      (n) => n !== 'shared' && existsSync(join(installed, 'dist/elements', n, 'define.js')),
    );
    specifiers = Object.keys(pkg.exports).flatMap((key) => {
      const name = `segment-kit${key.slice(1)}`;
      if (key.startsWith('./elements/*')) return tags.map((t) => name.replace('*', t));
      if (key === './themes/*') return readdirSync(join(installed, 'dist/themes')).map((f) => name.replace('*', f));
      return [name];
    });
    const typed = Object.entries(pkg.exports)
      .filter(([, target]) => typeof target !== 'string')
      .map(([key]) => key);
    const typedSpecifiers = specifiers.filter((s) =>
      typed.some((k) => new RegExp(`^segment-kit${k.slice(1).replace('*', '[a-z-]+')}$`).test(s)),
    );
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(dir, 'index.ts'), consumerSource(typedSpecifiers));
    const options = {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      types: [],
      noUncheckedSideEffectImports: true,
      // The package's own .d.ts are checked as the consumer's code is.
      skipLibCheck: false,
    };
    writeFileSync(
      join(dir, 'tsconfig.bundler.json'),
      JSON.stringify({ compilerOptions: { ...options, module: 'ESNext', moduleResolution: 'Bundler' }, files: ['index.ts'] }),
    );
    writeFileSync(
      join(dir, 'tsconfig.node16.json'),
      JSON.stringify({ compilerOptions: { ...options, module: 'Node16', moduleResolution: 'Node16' }, files: ['index.ts'] }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    checks = {
      bundler: run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json', '--pretty', 'false'], dir),
      node16: run(process.execPath, [tsc, '-p', 'tsconfig.node16.json', '--pretty', 'false'], dir),
    };
  });
  after(async () => {
    await Promise.allSettled(Object.values(checks ?? {}));
    rmSync(dir, { recursive: true, force: true });
  });

  for (const resolution of ['bundler', 'node16'] as const) {
    it(`type-checks under moduleResolution ${resolution}`, async () => {
      const { code, output } = await checks[resolution];
      assert.equal(code, 0, output);
    });
  }

  it('the type-check covers every typed entry point and fails on a wrong type', () => {
    const source = readFileSync(join(dir, 'index.ts'), 'utf8');
    for (const s of ['segment-kit', 'segment-kit/core', 'segment-kit/react', 'segment-kit/sql', 'segment-kit/elements/trend-chart/class'])
      assert.ok(source.includes(`from '${s}';`), `the consumer imports ${s}`);
    // The @ts-expect-error lines fail the check when the types they expect are lost (an any would pass them).
    assert.equal((source.match(/@ts-expect-error/g) ?? []).length, 2);
  });

  it('every export resolves from the consumer in Node, and the DOM-free entries load there', () => {
    const script = `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const out = { missing: [], loaded: {} };
      for (const s of ${JSON.stringify(specifiers)}) {
        const file = fileURLToPath(import.meta.resolve(s));
        if (!existsSync(file)) out.missing.push(s + ' -> ' + file);
      }
      for (const [s, name] of Object.entries(${JSON.stringify(NODE_ENTRIES)})) out.loaded[s] = typeof (await import(s))[name];
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { missing: string[]; loaded: Record<string, string> };
    assert.ok(specifiers.length > 25, `the exports expand to every entry (${specifiers.length})`);
    assert.deepEqual(out.missing, [], 'every export resolves to a published file');
    assert.deepEqual(
      out.loaded,
      Object.fromEntries(Object.keys(NODE_ENTRIES).map((s) => [s, s.startsWith('segment-kit/locales/') ? 'object' : 'function'])),
      'each DOM-free entry loads and has its main export',
    );
  });

  it('"sideEffects" keeps every registration and spares the DOM-free entries', () => {
    const matchers = pkg.sideEffects.map(sideEffectGlob);
    const kept = (path: string) => matchers.some((m) => m(path));
    const files = walk(installed).map((f) => relative(installed, f));
    const js = files.filter(
      (f) => f.startsWith('dist/') && f.endsWith('.js') && !f.startsWith('dist/bundle/') && f !== 'dist/segment-kit.bundle.js',
    );
    const code = new Map(js.map((f) => [f, readFileSync(join(installed, f), 'utf8')]));
    // A module registers an element when it calls the define helper (or customElements.define) with a tag name.
    const registering = js.filter((f) => /\b(?:defineElement|customElements\.define)\(\s*['"][a-z]+-[a-z-]+['"]/.test(code.get(f)!));
    assert.deepEqual(registering.sort(), tags.map((t) => `dist/elements/${t}/define.js`).sort(), 'each element registers in its define.js');
    for (const f of registering) assert.ok(kept(f), `${f} registers an element but "sideEffects" does not list it`);
    // An entry point imported for its effect (import 'segment-kit/elements/<tag>') reaches a registration through bare imports.
    const bareImports = (f: string) =>
      [...code.get(f)!.matchAll(/^import\s+['"](\.[^'"]+)['"]/gm)].map((m) => relative(installed, join(installed, dirname(f), m[1]!)));
    const registers = (f: string, seen = new Set<string>()): boolean =>
      registering.includes(f) || (!seen.has(f) && (seen.add(f), bareImports(f).some((g) => code.has(g) && registers(g, seen))));
    const entryFiles = Object.values(pkg.exports)
      .flatMap((t) => (typeof t === 'string' ? [t] : [t.import ?? '']))
      .filter((t) => t.endsWith('.js'))
      .flatMap((t) => (t.includes('*') ? tags.map((tag) => t.replace('*', tag)) : [t]))
      .map((t) => t.replace(/^\.\//, ''));
    const effectful = entryFiles.filter((f) => registers(f));
    assert.ok(
      effectful.includes('dist/index.js') && effectful.includes('dist/react/index.js'),
      `entries that register: ${effectful.join(', ')}`,
    );
    for (const f of effectful) assert.ok(kept(f), `${f} registers elements when imported but "sideEffects" does not list it`);
    assert.ok(kept('dist/providers/memory/worker-main.js'), 'the worker script runs on load');
    assert.ok(kept('dist/themes/segment-kit.css'), 'the theme stylesheet is kept');
    // The DOM-free entries tree-shake, and so do the class entries (they register nothing).
    for (const s of Object.keys(NODE_ENTRIES)) {
      const target = (pkg.exports[`.${s.slice('segment-kit'.length)}`] as Record<string, string>).import!.replace(/^\.\//, '');
      assert.ok(!kept(target), `${s} (${target}) is listed in "sideEffects": it would not tree-shake`);
    }
    for (const t of tags) assert.ok(!kept(`dist/elements/${t}/class.js`), `segment-kit/elements/${t}/class is listed in "sideEffects"`);
    // No dist pattern is stale: each matches a published file.
    for (const p of pkg.sideEffects.filter((s) => s.startsWith('./dist/')))
      assert.ok(
        files.some((f) => sideEffectGlob(p)(f)),
        `"sideEffects" pattern ${p} matches no published file`,
      );
  });

  it("a production bundle of the installed package keeps each element of import 'segment-kit/elements/<tag>'", async () => {
    const id = 'virtual:consumer-entry';
    const entry = tags.map((t) => `import 'segment-kit/elements/${t}';`).join('\n');
    const result = await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      mode: 'production',
      plugins: [
        {
          name: 'consumer-entry',
          enforce: 'pre',
          resolveId: (source) => (source === id ? `\0${id}` : undefined),
          load: (source) => (source === `\0${id}` ? entry : undefined),
        },
      ],
      build: { write: false, minify: true, modulePreload: false, copyPublicDir: false, rolldownOptions: { input: id } },
    });
    const chunks = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const code = chunks
      .flatMap((o) => o.output)
      .map((c) => (c.type === 'chunk' ? c.code : ''))
      .join('\n');
    const dropped = tags.filter((t) => !new RegExp(`["'\`]${t}["'\`]`).test(code));
    assert.deepEqual(dropped, [], 'every imported element is registered in the bundle');
    assert.ok(!code.includes(ROOT + 'src/'), 'the bundle was built from the installed package, not the sources');
  });

  it('publint finds no error or warning in the published package', async () => {
    const { messages, pkg: published } = await publint({ pkgDir: installed, pack: false, level: 'warning', strict: true });
    assert.deepEqual(
      messages.map((m) => `${m.type}: ${formatMessage(m, published, { color: false }) ?? m.code}`),
      [],
      'publint messages',
    );
  });
});
