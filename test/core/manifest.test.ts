/**
 * custom-elements.json is committed (Storybook's controls and docs pages, VS Code's custom data
 * and the React wrappers' checks read it) and must be what the analyzer writes from the
 * elements now: a property, attribute, event, slot, part or CSS custom property added to an
 * element without `npm run analyze` fails here. Every element folder has its entry.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

describe('custom-elements.json', () => {
  it('is what `npm run analyze` writes from the elements now (run it and commit the file if not)', () => {
    // The analyzer takes --outdir relative to the working directory.
    const out = join('node_modules', '.cache', `sk-cem-${process.pid}`);
    mkdirSync(out, { recursive: true });
    // Without it the analyzer points package.json's "customElements" at its output.
    const config = join(out, 'cem.config.mjs');
    writeFileSync(config, 'export default { packagejson: false };\n');
    try {
      const r = spawnSync(
        process.execPath,
        [
          'node_modules/@custom-elements-manifest/analyzer/cem.js',
          'analyze',
          '--litelement',
          '--globs',
          'src/elements/**/*.ts',
          '--outdir',
          out,
          '--config',
          config,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      // The analyzer lists the modules in the order the file system gives them: compared by path.
      type Manifest = { modules: { path: string }[] };
      const byPath = (m: Manifest) => ({ ...m, modules: [...m.modules].sort((a, b) => a.path.localeCompare(b.path)) });
      const fresh = byPath(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest);
      const committed = byPath(JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest);
      assert.deepEqual(committed, fresh, 'custom-elements.json is out of date: run `npm run analyze`');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('has every element, each with its description', () => {
    type Decl = { tagName?: string; description?: string };
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
    const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    const folders = readdirSync('src/elements', { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'shared')
      .map((d) => d.name);
    for (const tag of folders) {
      const d = decls.find((x) => x.tagName === tag);
      assert.ok(d, `<${tag}> is in the manifest`);
      assert.ok((d.description ?? '').length > 40, `<${tag}> has a description`);
    }
  });

  it('declares every part the templates of the elements use (a part="…" token not in the manifest fails)', () => {
    type Decl = { tagName?: string; cssParts?: { name: string }[] };
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
    const undeclared: string[] = [];
    for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
      if (!d.tagName) continue;
      const declared = new Set((d.cssParts ?? []).map((p) => p.name));
      const dir = join('src', 'elements', d.tagName);
      const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
      for (const file of sources) {
        const text = readFileSync(join(dir, file), 'utf8');
        for (const m of text.matchAll(/(?<![\w-])part="([^"]*)"/g))
          for (const token of m[1]!.split(/\s+/))
            if (token && !token.includes('$') && !declared.has(token)) undeclared.push(`<${d.tagName}> ${file}: ${token}`);
      }
    }
    assert.deepEqual([...new Set(undeclared)], [], 'parts used but not declared with @csspart');
  });
});
