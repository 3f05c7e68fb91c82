/**
 * Each element's production bundle (as bench:size builds it) carries the English it can
 * show and no other element's: `<group-operator>` has none of the builder's, the
 * validator's or the summary's words, `<condition-row>` none of the builder's or the
 * summary's, and the builder all of the sections it shows (each added by the module that
 * shows it, so the additions must survive tree-shaking).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT, bundle as bundleEntry } from './helpers/bundle.js';

const bundle = (tag: string) => bundleEntry(`import ${JSON.stringify(`${ROOT}src/elements/${tag}/index.ts`)};`);

/** One text of each section. */
const WORDS = {
  builder: 'No provider: counts unavailable',
  keyboard: 'Add a condition after the focused row',
  errors: 'Add at least one rule.',
  describe: 'matching nothing yet',
  conditionRow: 'Search attributes',
  combinators: 'Combine with the rules before',
  operators: 'has an anniversary in the next',
  units: 'weeks',
  matches: 'whose average',
};

describe('English sections in the element bundles', () => {
  it('<group-operator> carries its own words only', async () => {
    const code = await bundle('group-operator');
    assert.ok(code.includes(WORDS.combinators));
    for (const k of ['builder', 'keyboard', 'errors', 'describe', 'conditionRow', 'operators', 'matches'] as const)
      assert.ok(!code.includes(WORDS[k]), `<group-operator> carries the ${k} section`);
  });

  it('<condition-row> carries its words, the operators and units, but not the builder, validator or summary', async () => {
    const code = await bundle('condition-row');
    for (const k of ['conditionRow', 'operators', 'units'] as const) assert.ok(code.includes(WORDS[k]), `no ${k} section`);
    for (const k of ['builder', 'keyboard', 'errors', 'describe', 'combinators', 'matches'] as const)
      assert.ok(!code.includes(WORDS[k]), `<condition-row> carries the ${k} section`);
  });

  it('<segment-builder> carries every section it shows', async () => {
    const code = await bundle('segment-builder');
    for (const [k, text] of Object.entries(WORDS)) assert.ok(code.includes(text), `no ${k} section`);
  });
});
