// The minification of Lit's templates in the package build, the tests, Storybook and bench:size
// (scripts/minify-templates.mjs): fewer bytes, the same stylesheet and the same markup.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { minifyCss, minifyHtml, minifyTemplates, templatesTransformer } from '../../scripts/minify-templates.mjs';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

/** Every literal part of the css/html/svg templates of a module, by tag. */
function templateParts(code: string): { tag: string; text: string }[] {
  const source = ts.createSourceFile('m.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { tag: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const p of parts) out.push({ tag: node.tag.text, text: p.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test('css: comments and spaces go, the rules stay', () => {
  const css = `
    :host {
      display: block; /* the host */
      --_gap: var(--sk-gap, 0.5rem);
    }
    .a > .b,
    .c :is(.d) {
      margin: 0 auto;
      content: ' ·  a ';
      background: url( "x y.png" );
      inline-size: calc(100% - 2px);
    }
  `;
  assert.equal(
    minifyCss(css),
    `:host{display:block;--_gap:var(--sk-gap,0.5rem)}.a>.b,.c :is(.d){margin:0 auto;content:' ·  a ';background:url( "x y.png" );inline-size:calc(100% - 2px)}`,
  );
});

test('css: a space next to an expression is kept', () => {
  // margin: ${a} ${b};  → the parts "\n  margin: ", " ", ";\n"
  assert.equal(
    minifyCss('\n  margin: ', true, false) + 'A' + minifyCss(' ', false, false) + 'B' + minifyCss(';\n', false, true),
    'margin:A B;',
  );
  assert.equal(minifyCss(' .x ', false, false), ' .x ');
});

test('html: a run of white space with a line break becomes one space; spaces on one line stay', () => {
  assert.equal(minifyHtml('\n      <p class="a">\n        Rule  1\n      </p>\n    '), ' <p class="a"> Rule  1 </p> ');
  assert.equal(minifyHtml('<b>a</b> <i>b</i>'), '<b>a</b> <i>b</i>');
});

test('only the literal text of css, html and svg templates changes; expressions and other strings do not', () => {
  const code = [
    "const s = 'a\\n  b';",
    'const t = `x\n   y`;',
    'const h = html`\n  <p>${cond ? html`\n    <b>${x}</b>\n  ` : `\n  keep\n`}</p>\n`;',
    'const c = css`\n  .a { color: ${red}; }\n`;',
  ].join('\n');
  const out = minifyTemplates(code, 'm.ts');
  assert.ok(out.includes("const s = 'a\\n  b';"), 'a plain string is left alone');
  assert.ok(out.includes('const t = `x\n   y`;'), 'an untagged template is left alone');
  assert.ok(out.includes('html` <p>${cond ? html` <b>${x}</b> ` : `\n  keep\n`}</p> `'), `nested html templates are minified: ${out}`);
  assert.ok(out.includes('css`.a{color:${red}}`'), `css around an expression: ${out}`);
});

test('every template of the elements loses only white space, comments and a last ";" — and the transformer writes what the text path writes', () => {
  const squeeze = (s: string) =>
    s
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/;(?=\s*})/g, '')
      .replace(/\s+/g, '');
  let before = 0;
  let after = 0;
  for (const file of files('src/elements')) {
    const code = readFileSync(file, 'utf8');
    const out = minifyTemplates(code, file);
    const original = templateParts(code);
    const minified = templateParts(out);
    assert.equal(minified.length, original.length, `${file}: the same templates`);
    original.forEach((p, i) => {
      assert.equal(squeeze(minified[i]!.text), squeeze(p.text), `${file}: template ${i} (${p.tag}) lost only white space and comments`);
      if (p.tag !== 'css') {
        // html: the same text once every run of white space is one space.
        assert.equal(minified[i]!.text.replace(/\s+/g, ' '), p.text.replace(/\s+/g, ' '), `${file}: html template ${i} renders the same`);
      }
      before += p.text.length;
      after += minified[i]!.text.length;
    });
    // The build's transformer (tsc) and the text path (tests, Storybook, bench) agree.
    const emitted = ts.transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: true },
      transformers: { before: [templatesTransformer] },
      fileName: file,
    }).outputText;
    assert.deepEqual(
      templateParts(emitted).map((p) => p.text),
      minified.map((p) => p.text),
      `${file}: the transformer's templates are the text path's`,
    );
  }
  assert.ok(after < before * 0.85, `the templates are at least 15% smaller (${before} → ${after} characters)`);
});
