/**
 * The code in the docs compiles against the kit as it is: every ```ts, ```tsx and ```js block
 * of the pages below is typechecked, each as its own module, with `segment-kit` and its
 * subpaths resolved to the sources (from package.json "exports"), under the repository's
 * compiler options. A renamed export, a changed option or a property an element no longer
 * has fails here with the page and line. The blocks are checked in memory: nothing is written.
 * Blocks in other languages (```html, ```css, ```vue, ```sh) are not checked: the HTML page
 * the getting-started guide shows is examples/html, which test/core/example-html.test.ts runs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/** The pages whose code blocks must compile (each has at least one). */
const PAGES = ['getting-started.md', 'theming.md', 'accessibility.md', 'security.md'];
const ROOT = resolve('.');

interface Snippet {
  page: string;
  /** The line of the opening fence in the page (1-based). */
  line: number;
  lang: string;
  code: string;
}

export function snippets(page: string, text: string): Snippet[] {
  const out: Snippet[] = [];
  // Also fences indented in a list item: their indentation is taken off.
  const fence = /^([ \t]*)```(ts|tsx|js)[ \t]*\n([\s\S]*?)^\1```[ \t]*$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const indent = m[1]!;
    const code = m[3]!.replace(new RegExp(`^${indent}`, 'gm'), '');
    out.push({ page, line: text.slice(0, m.index).split('\n').length, lang: m[2]!, code });
  }
  return out;
}

/** `segment-kit`, `segment-kit/core` … → the source files, from package.json "exports" (./dist/x.js → src/x.ts). */
function sourcePaths(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { import?: string }> };
  const paths: Record<string, string[]> = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    const m = file && /^\.\/dist\/(.+)\.js$/.exec(file);
    if (!m) continue;
    paths[`segment-kit${key.slice(1)}`] = [join(ROOT, 'src', `${m[1]}.ts`)];
  }
  return paths;
}

let last: ts.Program | undefined;

function typecheck(list: Snippet[]): string[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    paths: sourcePaths(),
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.ReactJSX,
    noEmit: true,
  };
  // Each block is a module of its own, as if it were a file beside the page.
  const files = new Map<string, Snippet>();
  list.forEach((s, i) => files.set(join(ROOT, 'docs', `${s.page}.${i}.${s.lang}`), s));
  const text = (s: Snippet) => `${s.code}\nexport {};\n`;
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => (files.has(f) ? text(files.get(f)!) : readFile.call(host, f));
  host.getSourceFile = (f, language, ...rest) =>
    files.has(f) ? ts.createSourceFile(f, text(files.get(f)!), language, true) : getSourceFile.call(host, f, language, ...rest);
  // One program per block, so a block that leans on another's imports (the element types
  // `import 'segment-kit'` declares) fails; each reuses the last one's parsed files.
  const diagnostics: ts.Diagnostic[] = [];
  for (const file of files.keys()) {
    last = ts.createProgram([file], options, host, last);
    diagnostics.push(...ts.getPreEmitDiagnostics(last, last.getSourceFile(file)));
  }
  return diagnostics
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const s = files.get(d.file!.fileName)!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `docs/${s.page}:${s.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('the code in the docs', () => {
  const all = PAGES.flatMap((page) => snippets(page, readFileSync(join('docs', page), 'utf8')));

  it('has code blocks on every page checked', () => {
    for (const page of PAGES)
      assert.ok(
        all.some((s) => s.page === page),
        `docs/${page} has a ts/tsx/js block`,
      );
  });

  it('typechecks against the sources (segment-kit resolved from package.json "exports")', () => {
    const errors = typecheck(all);
    assert.deepEqual(errors, [], `code blocks that do not compile:\n${errors.join('\n')}`);
  });

  it('fails on a block that does not compile (the check itself)', () => {
    const bad = snippets(
      'bad.md',
      [
        '```ts',
        "import 'segment-kit';",
        "import { createSampleProvider } from 'segment-kit/sample';\nconst provider = createSampleProvider({ customerCount: 10 });",
        "document.querySelector('segment-builder')!.provider = provider;",
        "document.querySelector('member-preview')!.limit = 'ten';",
        '```',
      ].join('\n'),
    );
    const errors = typecheck(bad);
    assert.equal(errors.length, 2, `two errors, at lines 4 and 6: ${errors.join('\n')}`);
    assert.match(errors[0]!, /^docs\/bad\.md:4: .*customerCount/);
    assert.match(errors[1]!, /^docs\/bad\.md:6: .*string/);
    // Alone, a block has only its own imports: without `import 'segment-kit'` the tags are plain Elements.
    const alone = typecheck(snippets('alone.md', "```ts\ndocument.querySelector('member-preview')!.limit = 10;\n```\n"));
    assert.equal(alone.length, 1, `one error: ${alone.join('\n')}`);
    assert.match(alone[0]!, /^docs\/alone\.md:2: Property 'limit' does not exist/);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation but `-` dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('the links between the docs', () => {
  const pages = readdirSync('docs').filter((f) => f.endsWith('.md'));
  const anchors = new Map(
    pages.map((p) => {
      const text = readFileSync(join('docs', p), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
      return [p, new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1]!)))];
    }),
  );

  it('point at pages and headings that exist (relative links in docs/*.md)', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const text = readFileSync(join('docs', page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
        checked++;
        const [file, hash] = target!.split('#') as [string, string | undefined];
        const to = file === '' ? page : file;
        if (to.endsWith('.md') && !to.includes('/')) {
          if (!anchors.has(to)) broken.push(`docs/${page}: ${target} (no such page)`);
          else if (hash !== undefined && !anchors.get(to)!.has(hash)) broken.push(`docs/${page}: ${target} (no such heading)`);
        } else if (!existsSync(join('docs', to))) broken.push(`docs/${page}: ${target} (no such file)`);
      }
    }
    assert.ok(checked > 40, `the links are found (${checked})`);
    assert.deepEqual(broken, [], `broken links:\n${broken.join('\n')}`);
  });

  it('computes anchors as GitHub does', () => {
    assert.equal(headingAnchor('`<segment-builder>`'), 'segment-builder');
    assert.equal(headingAnchor('4. On your own backend'), '4-on-your-own-backend');
    assert.equal(headingAnchor('Forced colours'), 'forced-colours');
  });
});
