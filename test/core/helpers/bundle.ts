/** A production bundle of an entry's source (every chunk's code), built with Vite as bench:size does. */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The code of a production bundle of `entry` (module source text), every dependency in it. */
export async function bundle(entry: string): Promise<string> {
  const id = 'virtual:entry';
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    plugins: [
      {
        name: 'entry',
        enforce: 'pre',
        resolveId: (source) => (source === id ? `\0${id}` : undefined),
        load: (source) => (source === `\0${id}` ? entry : undefined),
      },
    ],
    build: { write: false, minify: true, modulePreload: false, copyPublicDir: false, rolldownOptions: { input: id } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs
    .flatMap((o) => o.output)
    .map((c) => (c.type === 'chunk' ? c.code : ''))
    .join('\n');
}
