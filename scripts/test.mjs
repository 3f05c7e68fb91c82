// `npm test`: the core tests under Node's test runner, then the element tests in
// Chromium through web-test-runner. `--core` or `--elements` runs one half.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChrome } from './chrome.mjs';

const args = process.argv.slice(2);
const only = args.includes('--core') ? 'core' : args.includes('--elements') ? 'elements' : undefined;

function files(dir, suffix) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

function run(cmd, cmdArgs, env = process.env) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

let failed = false;
if (only !== 'elements') {
  const core = files('test/core', '.test.ts');
  if (core.length === 0) {
    console.error('No core tests found under test/core.');
    failed = true;
  } else {
    console.log(`\n▶ core: ${core.length} files under Node's test runner`);
    failed ||= run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...core]) !== 0;
  }
}
if (only !== 'core') {
  const elements = files('test/elements', '.test.ts');
  if (elements.length > 0) {
    const chrome = ensureChrome();
    console.log(`\n▶ elements: ${elements.length} files in ${chrome} through web-test-runner`);
    failed ||=
      run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], {
        ...process.env,
        CHROME_PATH: chrome,
      }) !== 0;
  }
}
process.exit(failed ? 1 : 0);
