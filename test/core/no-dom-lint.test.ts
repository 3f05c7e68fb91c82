/**
 * The no-DOM lint rule (eslint.config.js) covers the core, the providers and the sample
 * data: no Lit, Floating UI, chart.js or element imports, no browser-page globals; worker
 * globals stay allowed, and the elements are not restricted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The probes are not files of the TypeScript project, so lint them without type information.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });

const PROBE = [
  "import { html } from 'lit';",
  "import { computePosition } from '@floating-ui/dom';",
  "import { Chart } from 'chart.js';",
  "import { SegmentBuilder } from '../../elements/segment-builder/index.js';",
  'export const a = [html, computePosition, Chart, SegmentBuilder];',
  'export const b = window.innerWidth + document.title.length;',
  "export const c = localStorage.getItem('k');",
  'export const d = requestAnimationFrame(() => {});',
  'export const e = name;',
  'export const w = new Worker(new URL(import.meta.url));',
  'export const s = typeof self;',
  'export const t = new AbortController().signal;',
].join('\n');

async function problems(file: string): Promise<string[]> {
  const [result] = await eslint.lintText(PROBE, { filePath: `${ROOT}/${file}` });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.line}:${m.ruleId}`);
}

const EXPECTED = [
  '1:no-restricted-imports',
  '2:no-restricted-imports',
  '3:no-restricted-imports',
  '4:no-restricted-imports',
  '6:no-restricted-globals',
  '6:no-restricted-globals',
  '7:no-restricted-globals',
  '8:no-restricted-globals',
  '9:no-restricted-globals',
];

describe('no-DOM lint rule', () => {
  for (const file of ['src/core/model/probe.ts', 'src/providers/memory/probe.ts', 'src/providers/sql/probe.ts', 'src/sample/probe.ts']) {
    it(`applies to ${file}`, async () => {
      assert.deepEqual(await problems(file), EXPECTED);
    });
  }

  it('does not apply to the elements', async () => {
    assert.deepEqual(await problems('src/elements/shared/probe.ts'), []);
  });
});
