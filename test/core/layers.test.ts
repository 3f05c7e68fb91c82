/**
 * The core's layers (issue 8): the model depends on nothing above it (not on validation,
 * not on the engine, not on the provider types), and the provider types do not depend on
 * the engine. Read from the import statements of the source files.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The folders under src/ (e.g. `core/validate`) that a file imports or re-exports from. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, join(file, '..', s, '..')).replaceAll('\\', '/'));
}

describe('core layers', () => {
  it('the model imports only the model and the message tables', () => {
    const offenders = sources(join(SRC, 'core/model')).flatMap((f) =>
      importedFolders(f)
        .filter((folder) => !/^core\/(model|messages)(\/|$)/.test(folder))
        .map((folder) => `${relative(SRC, f)} → ${folder}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('the provider types do not import the engine', () => {
    const offenders = sources(join(SRC, 'core/provider')).flatMap((f) =>
      importedFolders(f)
        .filter((folder) => folder.startsWith('core/evaluate'))
        .map((folder) => `${relative(SRC, f)} → ${folder}`),
    );
    assert.deepEqual(offenders, []);
  });
});
