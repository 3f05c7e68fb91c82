/**
 * What `npm pack` would publish (after `npm run build`): the built modules, their types, the
 * bundle, the themes, the manifest and the docs at the root — and no tests, stories, benches,
 * examples or source maps of them; every file package.json "exports" names is in it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const built = existsSync('dist/index.js') && existsSync('custom-elements.json') && existsSync('vscode.html-custom-data.json');

describe('the published package', { skip: built ? false : 'not built: run `npm run build` first (CI does)' }, () => {
  it('holds the build and the docs, and nothing of the tests, stories, benches or examples', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    const stray = files.filter(
      (p) => /^(test|stories|bench|examples|scratch|scripts|server|\.storybook|\.ci)\//.test(p) || /\.(test|stories|e2e)\./.test(p),
    );
    assert.deepEqual(stray, [], 'nothing but the package');
    for (const f of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/segment-kit.bundle.js',
      'dist/themes/segment-kit.css',
    ])
      assert.ok(files.includes(f), `${f} is published`);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>> };
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const t of targets.filter((t) => !t.includes('*')))
      assert.ok(files.includes(t.replace(/^\.\//, '')), `${t} (package.json "exports") is published`);
    for (const map of files.filter((p) => p.endsWith('.map'))) assert.ok(files.includes(map.slice(0, -4)), `${map} maps a published file`);
  });

  it('VS Code custom data lists every element of the manifest with its attributes', () => {
    type Decl = { customElement?: boolean; tagName?: string; attributes?: { name: string }[] };
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
    const data = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8')) as {
      tags: { name: string; attributes: { name: string }[] }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    assert.ok(elements.length >= 10, `the manifest has the elements (${elements.length})`);
    for (const d of elements) {
      const tag = data.tags.find((t) => t.name === d.tagName);
      assert.ok(tag, `<${d.tagName}> is in the custom data`);
      assert.deepEqual(
        tag.attributes.map((a) => a.name).sort(),
        (d.attributes ?? []).map((a) => a.name).sort(),
        `<${d.tagName}>'s attributes`,
      );
    }
  });
});
