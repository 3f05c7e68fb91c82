// The public API, pinned (as react-querybuilder's publicApi.test.ts): every export of
// every entry point that runs in Node. The browser entry points (`segment-kit`, each
// `segment-kit/elements/<tag>` and its `/class`) are pinned by
// test/elements/public-api.test.ts against the same file. An export that appears or
// disappears fails here: if the change is meant, update test/public-api.json in the same
// commit (the failure prints the new list) and say so in CHANGELOG.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const pinned = JSON.parse(readFileSync(new URL('../public-api.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };

const NODE_ENTRIES: Record<string, string> = {
  'segment-kit/core': '../../src/core/index.ts',
  'segment-kit/memory': '../../src/providers/memory/index.ts',
  'segment-kit/memory/worker': '../../src/providers/memory/worker.ts',
  'segment-kit/http': '../../src/providers/http/index.ts',
  'segment-kit/sql': '../../src/providers/sql/index.ts',
  'segment-kit/testing': '../../src/testing/index.ts',
  'segment-kit/sample': '../../src/sample/index.ts',
  'segment-kit/locales/de': '../../src/core/messages/de/index.ts',
};

describe('the public API', () => {
  for (const [entry, path] of Object.entries(NODE_ENTRIES)) {
    it(`${entry} exports exactly what is pinned`, async () => {
      const names = Object.keys((await import(path)) as object).sort();
      assert.deepEqual(names, pinned[entry], `${entry} now exports:\n${JSON.stringify(names)}`);
    });
  }

  it('every entry point in package.json is pinned (the elements by their folder names)', () => {
    const entries = Object.keys(pkg.exports)
      .filter((k) => !k.endsWith('.json') && !k.startsWith('./themes') && !k.endsWith('worker-main'))
      .map((k) => `segment-kit${k.slice(1)}`.replace(/\/$/, ''));
    for (const e of entries) {
      if (e.includes('*'))
        assert.ok(
          Object.keys(pinned).some((p) => new RegExp(`^${e.replace('*', '[a-z-]+')}$`).test(p)),
          `${e} has no pinned entry`,
        );
      else assert.ok(pinned[e], `${e} is not pinned in test/public-api.json`);
    }
  });
});
