/**
 * The message table by sections: a `Translator` keeps only the messages it is given and
 * falls back to the English sections loaded (each module that shows a section adds it),
 * and `src/core/messages/index.ts` (`segment-kit/core`) makes the whole English table
 * available. This file imports `translator.ts` first, so the first test sees only the
 * sections its own imports add.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addEnglish, english, Translator } from '../../src/core/messages/translator.js';
import { combinators } from '../../src/core/messages/en/combinators.js';

describe('Translator over English sections', () => {
  it('falls back only to the sections added, keeps its own messages, and reports what it has', () => {
    const t = new Translator({ 'builder.save': 'Speichern' }, 'de');
    assert.equal(t.t('combinator.and'), 'combinator.and'); // no section holds it yet
    assert.equal(t.has('combinator.and'), false);
    addEnglish(combinators);
    assert.equal(t.t('combinator.and'), 'AND');
    assert.equal(english.t('set.label'), 'Combine with the rules before');
    assert.equal(t.has('combinator.and'), true);
    assert.equal(t.t('builder.save'), 'Speichern');
    assert.equal(t.has('builder.save'), true);
    assert.equal(english.has('builder.save'), false); // the builder's section is not loaded here
    assert.equal(english.t('builder.save'), 'builder.save');
  });

  it('does not see later changes to the table it was given', () => {
    const table: Record<string, string> = { 'combinator.or': 'ODER' };
    const t = new Translator(table, 'de');
    table['combinator.or'] = 'changed';
    assert.equal(t.t('combinator.or'), 'ODER');
  });

  it('has every English message once segment-kit/core (messages/index.ts) is loaded', async () => {
    const { en } = await import('../../src/core/messages/index.js');
    const t = new Translator();
    for (const [key, value] of Object.entries(en)) {
      assert.ok(t.has(key), key);
      if (typeof value === 'string') assert.equal((t.t as (k: string) => string)(key), value, key);
    }
  });
});
