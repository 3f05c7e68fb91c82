/**
 * docs/elements.md, and the token and parts tables of docs/theming.md, are generated from custom-elements.json (and the event detail types in
 * events.ts) by `npm run docs:api`: an element that gains or loses a property, event or part,
 * or a changed description, without regenerating the page fails here. And the page lists
 * public API only: nothing private, protected, `@internal` or a controller.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { apiDocs, isPublic, themeTokens, themingDocs } from '../../scripts/api-docs.mjs';

type Member = { kind: string; name: string; privacy?: string; static?: boolean; description?: string; default?: string };
type Decl = { tagName?: string; customElement?: boolean; members?: Member[]; events?: { name: string }[]; cssParts?: { name: string }[] };
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const committed = readFileSync('docs/elements.md', 'utf8');

/** The rows of one element's section in the committed page, by table heading ("Property", "Event" …). */
function firstCells(tag: string, heading: string): string[] {
  const section = committed.split(/^## /m).find((s) => s.startsWith(`\`<${tag}>\``)) ?? '';
  const table = section.split(/^### /m).find((s) => s.startsWith(heading)) ?? '';
  return [...table.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!.replace(/\(.*$/, ''));
}

describe('docs/elements.md', () => {
  it('is what `npm run docs:api` writes from custom-elements.json now (run it and commit the page if not)', async () => {
    const fresh = await apiDocs(manifest, readFileSync('src/elements/shared/events.ts', 'utf8'));
    assert.equal(committed, fresh, 'docs/elements.md is out of date: run `npm run analyze && npm run docs:api`');
  });

  it('lists every element with its public properties, methods, events and parts', () => {
    assert.ok(elements.length >= 10, `the manifest has the elements (${elements.length})`);
    for (const d of elements) {
      const tag = d.tagName!;
      const members = (d.members ?? []).filter(isPublic);
      const fields = members.filter((m) => m.kind === 'field').map((m) => m.name);
      const methods = members.filter((m) => m.kind === 'method').map((m) => m.name);
      assert.deepEqual(firstCells(tag, 'Properties'), fields, `<${tag}>'s properties`);
      assert.deepEqual(firstCells(tag, 'Methods'), methods, `<${tag}>'s methods`);
      assert.deepEqual(
        firstCells(tag, 'Events'),
        (d.events ?? []).map((e) => e.name),
        `<${tag}>'s events`,
      );
      assert.deepEqual(
        firstCells(tag, 'Parts'),
        (d.cssParts ?? []).map((p) => p.name),
        `<${tag}>'s parts`,
      );
    }
  });

  it('leaves out what is not public API: private and protected members, controllers, internals', () => {
    const isPrivate = (m: Member) => !isPublic(m);
    // The filter itself, on the shapes the analyzer writes.
    assert.equal(isPrivate({ kind: 'field', name: 'status', privacy: 'private' }), true, 'private');
    assert.equal(isPrivate({ kind: 'field', name: 'contextProvider', privacy: 'protected' }), true, 'protected');
    assert.equal(isPrivate({ kind: 'field', name: '#rows' }), true, '#private');
    assert.equal(isPrivate({ kind: 'field', name: 'styles', static: true }), true, 'static');
    assert.equal(isPrivate({ kind: 'field', name: 'grid', description: 'The grid. @internal' }), true, '@internal');
    assert.equal(isPrivate({ kind: 'field', name: 'segment', privacy: 'public' }), false, 'public');
    // Nothing the page lists is a controller or a helper object the element made for itself.
    for (const d of elements)
      for (const m of (d.members ?? []).filter(isPublic)) {
        assert.ok(
          !/^new \w+/.test(m.default ?? ''),
          `<${d.tagName}>.${m.name} (${m.default}) is an internal object: mark it @internal or private`,
        );
        assert.ok(
          !/announcer|controller|^grid$|task$/i.test(m.name),
          `<${d.tagName}>.${m.name} looks internal: mark it @internal or private`,
        );
      }
  });
});

describe('docs/theming.md', () => {
  const css = readFileSync('src/themes/segment-kit.css', 'utf8');

  it('has the token and parts tables `npm run docs:api` writes now', async () => {
    const current = readFileSync('docs/theming.md', 'utf8');
    assert.equal(
      current,
      await themingDocs(current, manifest, css),
      'docs/theming.md is out of date: run `npm run analyze && npm run docs:api`',
    );
  });

  it('describes every theme token (a comment above it in the theme file)', () => {
    const tokens = themeTokens(css);
    assert.ok(tokens.length >= 16, `the theme's tokens are read (${tokens.length})`);
    for (const t of tokens) assert.ok(t.description.length > 3, `${t.name} has a description in segment-kit.css`);
  });

  it('documents every --sk-* property the elements read (a theme token or an @cssprop)', () => {
    type WithProps = { cssProperties?: { name: string }[] };
    const documented = new Set([
      ...themeTokens(css).map((t) => t.name),
      ...manifest.modules.flatMap((m) => (m.declarations ?? []) as WithProps[]).flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)),
    ]);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const read = new Set<string>();
    for (const f of files('src/elements').filter((f) => f.endsWith('.ts')))
      for (const m of readFileSync(f, 'utf8').matchAll(/var\((--sk-[\w-]+)/g)) read.add(m[1]!);
    assert.ok(read.size > 30, `the elements' styles are read (${read.size} properties)`);
    // Floating UI writes these on the open picker: not for a host to set.
    const written = (name: string) => name.startsWith('--sk-condition-row-available-');
    const missing = [...read].filter((name) => !documented.has(name) && !written(name));
    assert.deepEqual(missing, [], `custom properties the elements read without a @cssprop: ${missing.join(', ')}`);
  });
});
