/**
 * The package as an integrator's bundler sees it: `import 'segment-kit'` and each
 * `import 'segment-kit/elements/<tag>'` must still register their elements in a production
 * bundle, where package.json "sideEffects" lets the bundler drop modules whose exports are
 * unused (a side-effect import uses none). Bundles src/ with Vite, as bench:size does.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundle } from './helpers/bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  sideEffects: string[];
  exports: Record<string, unknown>;
};
const TAGS = readdirSync(new URL('../../src/elements/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(new URL(`../../src/elements/${d.name}/define.ts`, import.meta.url)))
  .map((d) => d.name);

/** The tag's define call survived: its name as a string literal (templates hold `<tag`, not the bare name in quotes). */
const registers = (code: string, tag: string) => new RegExp(`["'\`]${tag}["'\`]`).test(code);

describe('the package in a production bundle', () => {
  it("import 'segment-kit' registers every element", async () => {
    const code = await bundle(`import ${JSON.stringify(`${ROOT}src/index.ts`)};`);
    for (const tag of TAGS) assert.ok(registers(code, tag), `<${tag}> is not registered`);
  });

  for (const tag of TAGS) {
    it(`import 'segment-kit/elements/${tag}' registers <${tag}>`, async () => {
      const code = await bundle(`import ${JSON.stringify(`${ROOT}src/elements/${tag}/index.ts`)};`);
      assert.ok(registers(code, tag), `<${tag}> is not registered`);
      // The workspace composes the builder (loaded when first shown: its first load is measured by bench:size).
      if (tag !== 'segment-builder' && tag !== 'segment-workspace')
        assert.ok(!code.includes('segment-builder'), `<${tag}> pulls in the builder`);
    });
  }

  for (const tag of TAGS) {
    it(`segment-kit/elements/${tag}/class exports the class and registers nothing`, () => {
      // Walk the static imports of the class path: none may reach a define module or call customElements.define.
      const seen = new Set<string>();
      const walk = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        assert.ok(!/customElements\.define\(/.test(text) && !/\bdefineElement\(/.test(text), `${file} registers an element`);
        for (const m of text.matchAll(/^(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|^import\s+['"](\.[^'"]+)['"]/gm)) {
          const spec = (m[1] ?? m[2])!;
          const target = fileURLToPath(new URL(spec.replace(/\.js$/, '.ts'), `file://${file}`));
          assert.ok(!target.endsWith('/define.ts'), `${file} imports a define module (${spec})`);
          if (existsSync(target)) walk(target);
        }
      };
      walk(`${ROOT}src/elements/${tag}/class.ts`);
      assert.ok(seen.has(`${ROOT}src/elements/${tag}/${tag}.ts`), 'the class path reaches the class');
    });
  }

  it('every src module listed in "sideEffects" has its dist counterpart listed too', () => {
    for (const p of pkg.sideEffects.filter((s) => s.startsWith('./src/'))) {
      const dist = p.replace('./src/', './dist/').replace(/\.ts$/, '.js');
      assert.ok(pkg.sideEffects.includes(dist), `"sideEffects" lists ${p} but not ${dist}`);
    }
    assert.ok(pkg.exports['./elements/*'], 'package.json exports segment-kit/elements/<tag>');
    assert.ok(pkg.exports['./elements/*/class'], 'package.json exports segment-kit/elements/<tag>/class');
  });
});
