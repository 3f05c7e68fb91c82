/**
 * examples/vue, smoke-tested: vue-tsc accepts it with its typings (examples/vue/src/segment-kit.d.ts)
 * and rejects a fixture with a wrong prop and a wrong handler; Vue's compiler, configured as the
 * example's vite.config.ts does, treats every kit tag as a custom element; the example builds
 * with Vite, and in Chromium the builder and the preview render members from the sample
 * provider; an edit arrives as segment-change (the page shows it and the preview follows it,
 * bound with `.prop`), and Save arrives as segment-saved.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, loadConfigFromFile, type Plugin } from 'vite';
import { compileTemplate } from 'vue/compiler-sfc';
import { chrome, launchChrome, previewRows, serveDir, watchedPage } from './helpers/page.js';

const FIXTURE = 'test/core/fixtures/vue/WrongProps.vue';
const TYPINGS = 'examples/vue/src/segment-kit.d.ts';

/** vue-tsc on a project: its exit code and its diagnostics (`file(line,col): error TSxxxx: message`). */
function vueTsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['node_modules/vue-tsc/bin/vue-tsc.js', '--noEmit', '--pretty', 'false', '-p', project],
      { encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** The kit's elements in custom-elements.json: tag, settable properties (attribute-backed), events. */
function manifestElements() {
  type Decl = { customElement?: boolean; tagName?: string; attributes?: { fieldName?: string }[]; events?: { name: string }[] };
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tag: d.tagName!,
      attributes: (d.attributes ?? []).flatMap((a) => (a.fieldName ? [a.fieldName] : [])),
      events: (d.events ?? []).map((e) => e.name),
    }));
}

describe('examples/vue: the elements in a Vite Vue app', { skip: chrome ? false : 'no Chromium found (CHROME_PATH)' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'sk-vue-example-'));
  let served: Awaited<ReturnType<typeof serveDir>>;
  let server: Server | undefined;
  let browser: Browser | undefined;
  // One vue-tsc run (some seconds) while the example builds: the fixture's project is the
  // example's (it extends examples/vue/tsconfig.json) plus the wrong fixture, so the example
  // must come out without an error and the fixture with exactly its wrong lines.
  let checked: Promise<{ code: number; errors: { file: string; line: number; message: string }[]; output: string }>;

  before(async () => {
    checked = vueTsc('test/core/fixtures/vue/tsconfig.json').then(({ code, output }) => ({
      code,
      output,
      errors: [...output.matchAll(/^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/gm)].map(([, file, line, message]) => ({
        file: file!,
        line: Number(line),
        message: message!,
      })),
    }));
    await build({ configFile: 'examples/vue/vite.config.ts', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    served = await serveDir(out);
    server = served.server;
    browser = await launchChrome();
  });
  after(async () => {
    await checked?.catch(() => undefined);
    await browser?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('type-checks with vue-tsc', async () => {
    const { errors, output } = await checked;
    assert.deepEqual(
      errors.filter((e) => e.file.startsWith('examples/')),
      [],
      output,
    );
  });

  it('vue-tsc rejects a wrong prop type and a wrong event detail, each where it is written', async () => {
    const { code, errors, output } = await checked;
    assert.notEqual(code, 0, `vue-tsc accepted ${FIXTURE}`);
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const lineOf = (snippet: string) => lines.findIndex((l) => l.includes(snippet)) + 1;
    const expected = [
      { line: lineOf(':segment.prop="42"'), message: /Type 'number' is not assignable to type 'SegmentDocument'/ },
      { line: lineOf('e.detail.segmentt'), message: /Property 'segmentt' does not exist on type 'SegmentChangeDetail'/ },
      { line: lineOf(`:limit="'ten'"`), message: /Type 'string' is not assignable to type 'number'/ },
    ];
    assert.deepEqual(
      errors.map((f) => `${f.file}:${f.line}`),
      expected.map((e) => `${FIXTURE}:${e.line}`),
      `only the wrong lines fail:\n${output}`,
    );
    for (const [i, e] of expected.entries()) assert.match(errors[i]!.message, e.message, `line ${e.line}`);
  });

  it('the typings declare every element of the manifest with its properties and exactly its events', () => {
    const typings = readFileSync(TYPINGS, 'utf8');
    for (const { tag, attributes, events } of manifestElements()) {
      const m = new RegExp(`'${tag}': VueElement<\\s*\\w+,([^,>]+),([^>]+)>`).exec(typings);
      assert.ok(m, `${TYPINGS} declares <${tag}>`);
      const names = (s: string) => [...s.matchAll(/'([\w-]+)'/g)].map((x) => x[1]!);
      const props = names(m[1]!);
      for (const a of attributes) assert.ok(props.includes(a), `<${tag}>'s ${a} is typed`);
      assert.deepEqual(names(m[2]!).sort(), [...events].sort(), `<${tag}>'s events`);
    }
  });

  it('the Vue plugin treats the kit tags as custom elements (no component lookup)', async () => {
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'examples/vue/vite.config.ts', undefined, 'silent');
    const config = loaded!.config;
    const vue = (config.plugins as Plugin[]).find((p) => p?.name === 'vite:vue') as
      (Plugin & { api: { options: { template?: { compilerOptions?: { isCustomElement?: (tag: string) => boolean } } } } }) | undefined;
    const isCustomElement = vue?.api.options.template?.compilerOptions?.isCustomElement;
    assert.ok(isCustomElement, 'isCustomElement is configured');
    const source = manifestElements()
      .map(({ tag }) => `<${tag}></${tag}>`)
      .join('');
    const compile = (options: { isCustomElement?: (tag: string) => boolean }) =>
      compileTemplate({ source, filename: 'App.vue', id: 'app', compilerOptions: options }).code;
    assert.ok(compile({}).includes('resolveComponent'), 'without isCustomElement Vue looks the tags up as components');
    assert.ok(
      !compile({ isCustomElement }).includes('resolveComponent'),
      `a kit tag is looked up as a component:\n${compile({ isCustomElement })}`,
    );
    assert.equal(isCustomElement('router-view'), false, 'other hyphenated tags stay Vue components');
  });

  it('renders, an edit arrives as segment-change (the preview follows), and Save arrives as segment-saved', async () => {
    const { page, errors } = await watchedPage(browser!);
    await page.goto(served.origin + '/');
    await page.waitForFunction(
      () => (document.querySelector('member-preview')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0) > 0,
      null,
      { timeout: 20_000 },
    );
    assert.ok((await previewRows(page)) > 0, 'the preview shows members');
    // Objects were set as properties, not stringified into attributes.
    assert.deepEqual(
      await page.evaluate(() => ['segment-builder', 'member-preview'].map((t) => document.querySelector(t)!.hasAttribute('segment'))),
      [false, false],
      'no segment="[object Object]" attribute',
    );
    assert.equal(await page.locator('#last-change').textContent(), 'No change yet: edit the segment above.');
    const display = page.locator('segment-builder #prop-displayName');
    await display.click();
    await display.press('End');
    await display.pressSequentially(' (VIP)');
    await page.waitForFunction(() => document.getElementById('last-change-name')?.textContent === 'Gold customers in Paris (VIP)', null, {
      timeout: 5000,
    });
    assert.equal(await page.locator('h1').textContent(), 'Gold customers in Paris (VIP)', 'the heading follows the change');
    assert.equal(await page.locator('#last-change-valid').textContent(), 'yes');
    assert.match((await page.locator('#last-change-summary').textContent()) ?? '', /Paris/, 'the change in words');
    assert.equal(
      await page.evaluate(() => document.querySelector('member-preview')!.segment?.displayName),
      'Gold customers in Paris (VIP)',
      'the preview got the changed document',
    );
    await page.locator('segment-builder').getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(
      () => /^Gold customers in Paris \(VIP\), as ".+"$/.test(document.getElementById('saved')?.textContent ?? ''),
      null,
      { timeout: 5000 },
    );
    assert.deepEqual(errors, [], 'no errors in the console');
    await page.close();
  });
});
