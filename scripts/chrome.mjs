// Finds the Chrome or Chromium the tests and benchmarks drive. CHROME_PATH overrides;
// the default is Debian's /usr/bin/chromium. On Debian as root a missing browser is
// installed from Debian's `chromium` package; elsewhere we say how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for headless Chromium as root on a closed network (see TOOLCHAIN.md). */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

function isDebian() {
  try {
    return /debian|ubuntu/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** The browser path, installing Debian's chromium when we can; exits with advice when we cannot. */
export function ensureChrome() {
  let path = findChrome();
  if (path) return path;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
    process.exit(1);
  }
  if (isDebian() && process.getuid?.() === 0) {
    console.log('No Chrome or Chromium found: installing Debian\'s "chromium" package…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = findChrome();
    if (path) return path;
  }
  console.error(
    [
      'No Chrome or Chromium was found for the browser tests.',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  macOS:         install Google Chrome, then export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
      '  Anywhere:      export CHROME_PATH=/path/to/chrome',
    ].join('\n'),
  );
  process.exit(1);
}
