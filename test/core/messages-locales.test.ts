// Every language table under src/core/messages/<lang>/ has every English key, no other key, the
// same kind of entry (text or function), and keeps the English text's {placeholders}. A
// language added later is found by its folder and checked the same way.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { en } from '../../src/core/messages/en/index.js';
import { Translator } from '../../src/core/messages/translator.js';

const dir = fileURLToPath(new URL('../../src/core/messages/', import.meta.url));
const langs = readdirSync(dir).filter((d) => d !== 'en' && statSync(join(dir, d)).isDirectory());
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(en).sort();

describe('language tables', () => {
  it('ships at least German', () => {
    assert.ok(langs.includes('de'), `languages found: ${langs.join(', ') || 'none'}`);
  });

  for (const lang of langs) {
    describe(lang, async () => {
      const mod = (await import(pathToFileURL(join(dir, lang, 'index.ts')).href)) as Record<string, unknown>;
      const table = mod[lang] as Record<string, unknown> | undefined;

      it(`exports its table as \`${lang}\``, () => {
        assert.ok(table && typeof table === 'object', `src/core/messages/${lang}/index.ts exports no \`${lang}\``);
      });

      it('has every English key and no other', () => {
        const keys = Object.keys(table ?? {}).sort();
        const missing = englishKeys.filter((k) => !keys.includes(k));
        const extra = keys.filter((k) => !(k in en));
        assert.deepEqual(missing, [], `missing in ${lang}: ${missing.join(', ')}`);
        assert.deepEqual(extra, [], `not in English (misspelt?): ${extra.join(', ')}`);
      });

      it('gives each key the same kind of entry, with the same placeholders', () => {
        const wrong: string[] = [];
        for (const [key, english] of Object.entries(en)) {
          const entry = table?.[key];
          if (entry === undefined) continue;
          if (typeof entry !== typeof english) wrong.push(`${key}: ${typeof english} in English, ${typeof entry} here`);
          else if (typeof english === 'string' && placeholders(english).join() !== placeholders(entry as string).join())
            wrong.push(`${key}: {${placeholders(english).join('}, {')}} in English, {${placeholders(entry as string).join('}, {')}} here`);
          else if (typeof entry === 'string' && entry.trim() === '' && String(english).trim() !== '') wrong.push(`${key}: empty`);
        }
        assert.deepEqual(wrong, [], wrong.join('\n'));
      });

      it('renders every plain entry without falling back to the key', () => {
        const t = new Translator(table, lang);
        for (const [key, english] of Object.entries(en)) {
          if (typeof english !== 'string') continue;
          assert.notEqual((t.t as (k: string) => string)(key), key, `${key} renders as its key`);
        }
      });
    });
  }
});
