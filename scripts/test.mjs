// `npm test`: the core tests under Node's test runner, then the element tests in
// Chromium through web-test-runner. `--core` or `--elements` runs one half.
import { spawn } from 'node:child_process';
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

/** Run a command, showing its output as it comes, and resolve with its exit code and output. */
function run(cmd, cmdArgs, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, output: output.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*[A-Za-z]', 'g'), '') }),
    );
  });
}

const totals = { passed: 0, failed: 0 };
function lastNumber(text, re) {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

let failed = false;
if (only !== 'elements') {
  const core = files('test/core', '.test.ts');
  if (core.length === 0) {
    console.error('No core tests found under test/core.');
    failed = true;
  } else {
    console.log(`\n▶ core: ${core.length} files under Node's test runner`);
    // Two files at a time: most are one process waiting on PGlite, DuckDB, PostgreSQL or a Vite
    // build, so the second core was idle (about 250 s → 190 s on 2 cores). Files make their own
    // PostgreSQL schemas and listen on ports the system picks, so two side by side do not meet.
    const r = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...core]);
    totals.passed += lastNumber(r.output, /^ℹ pass (\d+)$/gm);
    totals.failed += lastNumber(r.output, /^ℹ fail (\d+)$/gm);
    failed ||= r.code !== 0;
  }
}
if (only !== 'core') {
  const elements = files('test/elements', '.test.ts');
  if (elements.length > 0) {
    const chrome = ensureChrome();
    console.log(`\n▶ elements: ${elements.length} files in ${chrome} through web-test-runner`);
    const r = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'], {
      ...process.env,
      CHROME_PATH: chrome,
    });
    totals.passed += lastNumber(r.output, /(\d+) passed, \d+ failed/g);
    totals.failed += lastNumber(r.output, /\d+ passed, (\d+) failed/g);
    failed ||= r.code !== 0;
  }
}
if (failed && totals.failed === 0) totals.failed = 1; // a runner failed without counting (a crash, a compile error)
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);
