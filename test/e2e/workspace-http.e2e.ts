/**
 * The same flow as workspace.e2e.ts on the HTTP backend: the Storybook story "HTTP backend"
 * against `server/serve.ts` (PGlite in process, the sample data) on 127.0.0.1:8787, the
 * address the story asks, started here with CORS for the served Storybook's origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after } from 'node:test';
import { workspaceFlow } from './flow.js';
import { openHarness, type Harness } from './harness.js';

const PORT = 8787;

let backend: ChildProcess | undefined;
let h: Promise<Harness> | undefined;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

/** Start the reference backend for `origin`; resolves once it listens. */
async function startBackend(origin: string): Promise<void> {
  if (!(await portFree(PORT))) throw new Error(`127.0.0.1:${PORT} is taken: the HTTP backend story needs it (stop what listens there).`);
  const env = { ...process.env };
  delete env.DATABASE_URL; // PGlite in process, not a server the environment names
  delete env.SEGMENT_KIT_TOKEN;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/serve.ts', '--port', String(PORT), '--host', '127.0.0.1', '--customers', '5000', '--cors', origin],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  backend = child;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the backend did not start in 60 s:\n${output}`)), 60_000);
    const hear = (chunk: Buffer) => {
      output += String(chunk);
      if (/serving .* at http:/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', hear);
    child.stderr.on('data', hear);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the backend exited (${code}):\n${output}`));
    });
  });
}

const harness = () =>
  (h ??= openHarness().then(async (x) => {
    await startBackend(x.storybook.url);
    return x;
  }));

after(async () => {
  await (await h?.catch(() => undefined))?.close();
  if (backend && backend.exitCode === null) {
    const exited = new Promise((r) => backend!.once('exit', r));
    backend.kill('SIGTERM');
    await exited;
  }
});

workspaceFlow('<segment-workspace> end to end (built Storybook, HTTP backend on PGlite)', {
  harness,
  url: (x) => `${x.storybook.url}/iframe.html?id=workspace--http-backend&viewMode=story`,
  shots: 'http-',
});
